// SPDX-License-Identifier: MIT
// Internal: a scan's words laid out, with the line each word landed on.
#pragma once

#include <string>
#include <vector>

#include "cchc/scan.hpp"

namespace cchc::detail::scan {

/// lay_out_words(), and in `line_of` (when given) each word's line in the text, from 1; 0 for a
/// word with no text.
[[nodiscard]] std::string lay_out(const std::vector<OcrWord>& words, std::vector<std::size_t>* line_of);

}  // namespace cchc::detail::scan
