// SPDX-License-Identifier: MIT
#include "in/form_heading.hpp"

#include <algorithm>
#include <cctype>

#include "cchc/unicode.hpp"

namespace cchc::detail {

std::vector<std::string> form_heading_words(const Catalog& cat) {
  std::vector<std::string> words;
  for (const auto& w : cat.form_headings()) words.push_back(to_upper(collapse_spaces(w)));
  words.emplace_back("FORM");
  return words;
}

int form_number_in(std::string_view heading, std::span<const std::string> heading_words) {
  // "BIỂU MẪU SỐ 02", "Biểu mẫu 2 - …", "Form 2", or a heading of the template's vocabulary.
  const std::string up = to_upper(collapse_spaces(std::string(heading)));
  for (const auto& w : heading_words) {
    for (std::size_t at = up.find(w); at != std::string::npos; at = up.find(w, at + 1)) {
      std::string_view rest = std::string_view(up).substr(at + w.size());
      auto skip_spaces = [&] { while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1); };
      skip_spaces();
      if (rest.starts_with("SỐ")) rest.remove_prefix(std::string_view("SỐ").size()), skip_spaces();
      if (!rest.empty() && (rest.front() == ':' || rest.front() == '.')) rest.remove_prefix(1), skip_spaces();
      while (rest.size() > 1 && rest.front() == '0' && rest[1] >= '0' && rest[1] <= '9') rest.remove_prefix(1);
      std::size_t n = 0;
      while (n < rest.size() && n < 3 && rest[n] >= '0' && rest[n] <= '9') ++n;
      const bool word_end = n == rest.size() || !std::isalnum(static_cast<unsigned char>(rest[n]));
      if (n >= 1 && n <= 2 && word_end) return std::stoi(std::string(rest.substr(0, n)));
    }
  }
  return 0;
}

int form_number_in(std::string_view heading, const Catalog& cat) {
  return form_number_in(heading, form_heading_words(cat));
}

int form_number_at_start(std::string_view line, std::span<const std::string> heading_words) {
  std::string_view t = line;
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\f')) t.remove_prefix(1);
  if (t.empty()) return 0;
  // Most lines start with no heading's first letter: no case mapping for them.
  const auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
  const bool may_start = std::any_of(heading_words.begin(), heading_words.end(), [&](const std::string& w) {
    return !w.empty() && ((w[0] & 0x80) != 0 || (t.front() & 0x80) != 0 || upper(t.front()) == w[0]);
  });
  if (!may_start) return 0;
  const std::string up = to_upper(collapse_spaces(t));
  for (const auto& w : heading_words)
    if (up.starts_with(w)) return form_number_in(up, heading_words);
  return 0;
}

}  // namespace cchc::detail
