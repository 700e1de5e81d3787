// SPDX-License-Identifier: MIT
// Internal: text with its white space collapsed, remembering the line each byte came from, so a
// pattern can match across pdftotext's line breaks and still say where it stands.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::detail {

struct FlatText {
  std::string text;
  std::vector<std::size_t> line;  ///< per byte of `text`

  [[nodiscard]] std::size_t line_at(std::size_t pos) const {
    return line.empty() ? 0 : line[pos < line.size() ? pos : line.size() - 1];
  }
};

/// Words longer than `max_word` bytes are left out: no prose has them, and they would make
/// pattern searches quadratic (a run of 300 000 digits).
inline FlatText flatten(std::string_view text, std::size_t first_line, std::size_t max_word = 256) {
  auto white = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  };
  FlatText f;
  std::size_t line = first_line;
  bool broke = false;  // a line break since the last word
  for (std::size_t i = 0; i < text.size();) {
    if (white(text[i])) {
      if (text[i] == '\n') ++line, broke = true;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && !white(text[j])) ++j;
    if (j - i <= max_word) {
      // A word cut at a hyphen at the end of a line ("QĐ-" then "UBND") is one word again: a
      // symbol's parts, or a compound, never two words.
      const bool rejoin = broke && f.text.size() >= 2 && f.text.back() == '-' && f.text[f.text.size() - 2] != ' ';
      if (!f.text.empty() && !rejoin) {
        f.text += ' ';
        f.line.push_back(line);
      }
      broke = false;
      f.text.append(text.substr(i, j - i));
      f.line.insert(f.line.end(), j - i, line);
    }
    i = j;
  }
  return f;
}

}  // namespace cchc::detail
