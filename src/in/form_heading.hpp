// SPDX-License-Identifier: MIT
// Internal: a form's heading as officers type it, for every reader (text, Word, Excel).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/catalog.hpp"

namespace cchc::detail {

/// The words that start a form's heading, in capitals: the template's ("BIỂU MẪU", "PHỤ BIỂU")
/// and "FORM".
[[nodiscard]] std::vector<std::string> form_heading_words(const Catalog& cat);

/// "Biểu mẫu 2", "BIỂU MẪU SỐ 02", "Biểu mẫu số 2 - …", "Form 2", or a form heading of the
/// template's vocabulary ("Phụ biểu 2"), anywhere in `heading`: the form number, or 0.
[[nodiscard]] int form_number_in(std::string_view heading, std::span<const std::string> heading_words);
[[nodiscard]] int form_number_in(std::string_view heading, const Catalog& cat);

/// The same, only where `line` begins with the heading (a line of text that names a form, not
/// a sentence that mentions one).
[[nodiscard]] int form_number_at_start(std::string_view line, std::span<const std::string> heading_words);

}  // namespace cchc::detail
