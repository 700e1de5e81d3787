// SPDX-License-Identifier: MIT
// Internal: text with its white space collapsed, remembering the line each byte came from, so a
// pattern can match across pdftotext's line breaks and still say where it stands.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::detail {

struct FlatText {
  struct LineStart {
    std::size_t pos;   ///< the first byte of `text` that came from `line`
    std::size_t line;
  };
  std::string text;
  // One entry where the line changes, not one per byte: a report's text is tens of thousands of
  // bytes, and a line number per byte made the import allocate and copy eight times the text.
  std::vector<LineStart> starts;

  [[nodiscard]] std::size_t line_at(std::size_t pos) const {
    const auto after = std::upper_bound(starts.begin(), starts.end(), pos,
                                        [](std::size_t p, const LineStart& s) { return p < s.pos; });
    return after == starts.begin() ? 0 : std::prev(after)->line;
  }
};

/// Words longer than `max_word` bytes are left out: no prose has them, and they would make
/// pattern searches quadratic (a run of 300 000 digits).
inline FlatText flatten(std::string_view text, std::size_t first_line, std::size_t max_word = 256) {
  auto white = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  };
  FlatText f;
  f.text.reserve(text.size());
  std::size_t line = first_line;
  const auto at_line = [&f](std::size_t l) {
    if (f.starts.empty() || f.starts.back().line != l) f.starts.push_back({f.text.size(), l});
  };
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
        at_line(line);
        f.text += ' ';
      }
      broke = false;
      at_line(line);
      f.text.append(text.substr(i, j - i));
    }
    i = j;
  }
  return f;
}

}  // namespace cchc::detail
