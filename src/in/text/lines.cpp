// SPDX-License-Identifier: MIT
#include "in/text/lines.hpp"

#include <algorithm>

#include "cchc/unicode.hpp"
#include "util/strings.hpp"

namespace cchc::detail::text {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v'; }

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return is_space(c) || c == '\f' || c == '\n'; });
}

std::string trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == '\f')) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\f')) s.remove_suffix(1);
  return std::string(s);
}

bool digits_only(std::string_view s) {
  return !s.empty() && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string without_invisibles(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto at = [&](std::size_t k) {
      return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u;
    };
    if (c == '\r') {
      if (at(1) != '\n') out += '\n';  // a lone CR ends a line; CRLF's LF does it below
      continue;
    }
    if (c == 0xC2 && (at(1) == 0xA0 || at(1) == 0xAD)) {  // U+00A0 no-break space, U+00AD
      if (at(1) == 0xA0) out += ' ';
      ++i;
      continue;
    }
    if (c == 0xE2 && at(1) == 0x80 && (at(2) == 0x87 || at(2) == 0xAF)) {  // U+2007, U+202F
      out += ' ';
      i += 2;
      continue;
    }
    if ((c == 0xE2 && at(1) == 0x80 && at(2) >= 0x8B && at(2) <= 0x8D) ||  // U+200B-U+200D
        (c == 0xE2 && at(1) == 0x81 && at(2) == 0xA0) ||                   // U+2060
        (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF)) {                   // U+FEFF
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0, number = 1;
  bool page_break = false;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    // A form feed ends a page: what precedes it on the line belongs to the old page.
    const auto ff = raw.find('\f');
    Line l;
    l.number = number;
    l.after_page_break = page_break;
    page_break = false;
    if (ff != std::string_view::npos) {
      // "\f" opening a line: the line before ended the page.
      if (ff == 0 && !lines.empty()) lines.back().before_page_break = true;
      l.text = std::string(raw.substr(0, ff));
      l.before_page_break = true;
      std::string rest(raw.substr(ff + 1));
      lines.push_back(std::move(l));
      Line tail;
      tail.number = number;
      tail.text = std::move(rest);
      tail.after_page_break = true;
      lines.push_back(std::move(tail));
    } else {
      l.text = std::string(raw);
      lines.push_back(std::move(l));
    }
    ++number;
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// PDFs glue a unit to its figure ("%0", "Người32") and a footnote mark to its word ("VBQPPL1").
// Words split where a letter or '%' runs into a digit, in the text and in the catalogue alike.
void split_glued(std::string_view w, std::vector<std::string>& out) {
  std::size_t start = 0;
  for (std::size_t i = 1; i < w.size(); ++i) {
    const char p = w[i - 1];
    const bool letter_before = (p & 0x80) != 0 || (p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') || p == '%';
    if (digit(w[i]) && letter_before) {
      out.emplace_back(w.substr(start, i - start));
      start = i;
    }
  }
  out.emplace_back(w.substr(start));
}

// A footnote mark set as a superscript character ("VBQPPL¹", as a PDF made from a document
// with real superscript digits prints it) as the digit pdftotext prints for a raised one.
std::string plain_marks(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(w[k]); };
    if (b(i) == 0xC2 && i + 1 < w.size() && (b(i + 1) == 0xB2 || b(i + 1) == 0xB3 || b(i + 1) == 0xB9)) {
      out += b(i + 1) == 0xB9 ? '1' : static_cast<char>('0' + (b(i + 1) - 0xB0));  // ¹ ² ³
      ++i;
    } else if (b(i) == 0xE2 && i + 2 < w.size() && b(i + 1) == 0x81 &&
               (b(i + 2) == 0xB0 || (b(i + 2) >= 0xB4 && b(i + 2) <= 0xB9))) {
      out += static_cast<char>('0' + (b(i + 2) - 0xB0));  // ⁰ ⁴ … ⁹
      i += 2;
    } else {
      out += w[i];
    }
  }
  return out;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == '\f')) ++i;
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j]) && s[j] != '\f') ++j;
    if (j > i) split_glued(plain_marks(s.substr(i, j - i)), out);
    i = j;
  }
  return out;
}

void tokens_of(const Line& line, std::vector<Token>& out) {
  const std::string_view s = line.text;
  std::vector<std::string> pieces;
  std::size_t i = 0, column = 0;
  auto advance = [&](std::size_t to) {
    for (; i < to; ++i)
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++column;  // one per code point
  };
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && (is_space(s[j]) || s[j] == '\f')) ++j;
    advance(j);
    while (j < s.size() && !is_space(s[j]) && s[j] != '\f') ++j;
    if (j == i) break;
    const std::size_t start = column;
    pieces.clear();
    split_glued(plain_marks(s.substr(i, j - i)), pieces);
    for (auto& p : pieces) out.push_back({std::move(p), line.number, start, false});
    advance(j);
  }
}

// --- noise ---------------------------------------------------------------------------------

// A page number stands alone on its line, next to a page break (blank lines apart) or after
// blank lines.
bool page_number(const std::vector<Line>& lines, std::size_t i) {
  const std::string t = trim(lines[i].text);
  if (!digits_only(t)) return false;
  if (lines[i].before_page_break || lines[i].after_page_break) return true;
  for (std::size_t k = i + 1; k < lines.size() && blank(lines[k].text); ++k)
    if (lines[k].before_page_break) return true;
  std::size_t blanks = 0;
  for (std::size_t k = i; k > 0 && blank(lines[k - 1].text); --k) {
    ++blanks;
    if (lines[k - 1].after_page_break) return true;
  }
  return blanks >= 2;
}

// A repeated table header: a line made only of the header's words ("TT Chỉ tiêu thống kê",
// "Đơn vị tính Số liệu"). Dropping such a line drops no figure.
bool table_header(std::string_view line) {
  static const std::vector<std::string_view> vocabulary{
      "TT", "STT", "Chỉ", "tiêu", "thống", "kê", "Kết", "quả", "Ghi", "chú", "Đơn", "vị",
      "tính", "Số", "liệu"};
  std::size_t n = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    std::size_t j = i;
    while (j < line.size() && !is_space(line[j])) ++j;
    if (j > i) {
      if (std::find(vocabulary.begin(), vocabulary.end(), line.substr(i, j - i)) == vocabulary.end())
        return false;
      ++n;
    }
    i = j;
  }
  return n >= 2;
}

// A line's words joined by single spaces, footnote marks as digits, without a list's bullet
// before them ("• ¹ Văn bản quy phạm pháp luật" is "1 Văn bản quy phạm pháp luật").
std::string comparable_words(std::string_view line) {
  std::string out;
  for (const auto& w : words(line)) {
    if (out.empty() && (w == "\u2022" || w == "\u00B7" || w == "-" || w == "\u2013" || w == "*")) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool noise(const std::vector<Line>& lines, std::size_t i, const std::vector<std::string>& known) {
  if (page_number(lines, i) || table_header(lines[i].text)) return true;
  const std::string c = collapse_spaces(lines[i].text);
  if (c.find_first_not_of("_-. ") == std::string::npos) return true;  // rules, separators
  if (std::find(known.begin(), known.end(), c) != known.end()) return true;
  const std::string w = comparable_words(c);
  return !w.empty() && std::find(known.begin(), known.end(), w) != known.end();
}

// Footnote lines and form subtitles: catalogue text that is not a row.
std::vector<std::string> known_noise(const Catalog& cat) {
  std::vector<std::string> out;
  for (const Row& r : cat.rows())
    for (const auto& f : r.footnotes) {
      out.push_back(collapse_spaces(f.mark + " " + f.text));
      out.push_back(comparable_words(f.mark + " " + f.text));
    }
  for (const Form& f : cat.forms())
    if (!f.subtitle.empty()) out.push_back(collapse_spaces(f.subtitle));
  return out;
}

// --- rows ----------------------------------------------------------------------------------

}  // namespace cchc::detail::text
