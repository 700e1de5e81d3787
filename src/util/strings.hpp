// SPDX-License-Identifier: MIT
// Internal: small helpers on text. Building lists: Appending keeps clear of GCC 12's false -Wrestrict alarm on
// `"literal" + std::string` at -O3.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::detail {

/// Appends `item` to `out`, after `separator` unless `out` is still empty: "a, b, c".
inline void join_into(std::string& out, std::string_view separator, std::string_view item) {
  if (!out.empty()) out += separator;
  out += item;
}

/// Items separated by commas, semicolons or new lines, each trimmed of spaces; empty ones dropped:
/// "SKHCN, STC\nSYT" → {"SKHCN", "STC", "SYT"}.
inline std::vector<std::string> split_items(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ',' && text[i] != ';' && text[i] != '\n') continue;
    std::string_view item = text.substr(start, i - start);
    const auto first = item.find_first_not_of(" \t\r");
    if (first != std::string_view::npos)
      out.emplace_back(item.substr(first, item.find_last_not_of(" \t\r") - first + 1));
    start = i + 1;
  }
  return out;
}

/// Characters (code points) of UTF-8 text: what a column of laid-out text counts.
inline std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// U+FFFD, the character Unicode keeps for one that could not be read. A scan's figure that OCR
/// doubts carries it, and the text reader leaves a row whose figure has it unread.
inline constexpr std::string_view unreadable_mark = "\xEF\xBF\xBD";

inline bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace cchc::detail
