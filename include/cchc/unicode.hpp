// SPDX-License-Identifier: MIT
// cchc/unicode.hpp: the Unicode that Vietnamese text needs (through utf8proc).
//
// The same Vietnamese letter can be one code point (ệ, NFC) or several (e + ̣ + ̂). PDFs and
// word processors produce both, so cchc stores text in NFC and compares it that way. Terminal
// tables need display width, which is not the number of bytes.
//
//   cchc::normalize_nfc("Vie\u0323\u0302t").value() == "Việt"
//   cchc::display_width("Việt Nam") == 8
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/error.hpp"

namespace cchc {

/// True when `text` is well-formed UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view text) noexcept;

/// NFC form of `text`; errc::invalid_utf8 naming the first bad byte when it is not UTF-8.
[[nodiscard]] result<std::string> normalize_nfc(std::string_view text);

/// Columns a terminal gives the text (combining marks take none, wide characters two).
/// Invalid bytes count one column each.
[[nodiscard]] std::size_t display_width(std::string_view text) noexcept;

/// Breaks text into lines of at most `width` columns at spaces; a word longer than the width is
/// split between characters. Never returns an empty vector.
[[nodiscard]] std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

/// Upper case by Unicode's simple mapping ("quý i" → "QUÝ I"); invalid bytes are kept.
/// `text` without its diacritics (tone and vowel marks), "đ" as "d" and "Đ" as "D": "BIỂU MẪU SỐ"
/// as "BIEU MAU SO", for text typed or recognised without them. Text that is not UTF-8 is
/// returned as it is.
[[nodiscard]] std::string without_diacritics(std::string_view text);
[[nodiscard]] std::string to_upper(std::string_view text);

/// Collapses every run of white space to one space and trims both ends.
[[nodiscard]] std::string collapse_spaces(std::string_view text);

}  // namespace cchc
