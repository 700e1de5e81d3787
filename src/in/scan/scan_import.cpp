// SPDX-License-Identifier: MIT
// A scan read as text: the recognised words are cleaned, a figure the recogniser doubts is
// marked as unreadable, a label word with a slip is put back from the catalogue, and the words
// laid out by position go to the text reader like a PDF's.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "cchc/scan.hpp"
#include "cchc/unicode.hpp"
#include "in/scan/lexicon.hpp"
#include "in/scan/scan.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

using detail::code_points;
using detail::has_digit;

// What a table's rules leave on a word's edges when they touch it ("|0", "35]"), and words
// that are nothing but rules or specks.
// A single quote on a word's edge is a footnote's superscript mark ("VBQPPL'" for "VBQPPL¹") or
// a speck beside the word ("'VBQPPL"): no word of a report's tables begins or ends with one.
constexpr std::string_view rule_marks = "|[]{}_~'`";
constexpr std::array<std::string_view, 3> wide_marks = {"\xC2\xA6", "\xE2\x80\x98", "\xE2\x80\x99"};  // ¦ ‘ ’

std::string without_rules(std::string_view w) {
  for (bool more = true; more;) {
    more = false;
    for (const std::string_view mark : wide_marks) {
      if (w.starts_with(mark)) w.remove_prefix(mark.size()), more = true;
      if (w.ends_with(mark)) w.remove_suffix(mark.size()), more = true;
    }
    if (!w.empty() && rule_marks.find(w.front()) != std::string_view::npos) w.remove_prefix(1), more = true;
    if (!w.empty() && rule_marks.find(w.back()) != std::string_view::npos) w.remove_suffix(1), more = true;
  }
  return std::string(w);
}

bool has_letter_or_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0x80) != 0 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
  });
}

// Below this, a word that is not the catalogue's is compared with its vocabulary; the
// recogniser is seldom this unsure of a word it read right.
constexpr float snap_below = 93.0F;
constexpr float unknown_below = 30.0F;

constexpr std::string_view unreadable = detail::unreadable_mark;

// The rows' codes as a form's table prints them, and what OCR makes of them. A code read
// without its points ("53" for "5.3", "22" and "2" for "2.2") is put back when its digits are
// those of exactly one code; a code read as something else ("Dã" for "2.", "S5)" for "3.3") is
// put back from where it stands, between two codes read right, when the forms' order of rows
// leaves exactly one code there. A code the catalogue has as it was read is left alone.
class Codes {
 public:
  explicit Codes(const Catalog& catalog) {
    for (const Row& row : catalog.rows()) {
      std::string code = row.printed_code;
      while (!code.empty() && code.back() == '.') code.pop_back();
      if (code.empty()) continue;
      known_.push_back(code);
      if (order_.empty() || order_.back().first != row.form) order_.push_back({row.form, {}});
      order_.back().second.push_back(code);
      std::string digits;
      for (char c : code)
        if (c != '.') digits += c;
      auto& codes = by_digits_[digits];
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
  }
  [[nodiscard]] bool known(std::string_view code) const {
    return std::find(known_.begin(), known_.end(), code) != known_.end();
  }
  // The code `text` stands for, or "" when it stands for none or for more than one.
  [[nodiscard]] std::string restore(std::string_view text) const {
    std::string plain(text);
    while (!plain.empty() && (plain.back() == '.' || plain.back() == '-')) plain.pop_back();
    if (plain.empty() || plain.find_first_not_of("0123456789.") != std::string::npos) return {};
    if (known(plain)) return {};
    std::string digits;
    for (char c : plain)
      if (c != '.') digits += c;
    const auto it = by_digits_.find(digits);
    if (it == by_digits_.end() || it->second.size() != 1) return {};
    return it->second.front();
  }
  // The `count` codes that stand between `before` and `after` in the order of a form's rows (no
  // `before`: a form's first rows; no `after`: its last), when every form where that can be
  // agrees on them; nothing otherwise.
  [[nodiscard]] std::optional<std::vector<std::string>> between(const std::optional<std::string>& before,
                                                                const std::optional<std::string>& after,
                                                                std::size_t count) const {
    std::optional<std::vector<std::string>> found;
    for (const auto& [form, codes] : order_) {
      for (std::size_t p = 0; p <= codes.size(); ++p) {
        // The run is codes[p, p + count); `before` stands just before it, `after` just after.
        if (before ? p == 0 || codes[p - 1] != *before : p != 0) continue;
        const std::size_t end = p + count;
        if (end > codes.size() || (after ? end == codes.size() || codes[end] != *after : end != codes.size())) continue;
        std::vector<std::string> run(codes.begin() + static_cast<std::ptrdiff_t>(p),
                                     codes.begin() + static_cast<std::ptrdiff_t>(end));
        if (found && *found != run) return std::nullopt;
        found = std::move(run);
      }
    }
    return found;
  }

 private:
  std::vector<std::string> known_;
  std::vector<std::pair<int, std::vector<std::string>>> order_;  // each form's codes, in order
  std::map<std::string, std::vector<std::string>> by_digits_;
};

// One line of a table's first column: its words, and what they say.
struct CodeLine {
  std::vector<std::size_t> words;
  enum class Kind { code, header, text, unknown } kind = Kind::unknown;
  std::string code;
};

// What a line of the first column reads as: a known code (as read, or put back from its
// digits), the column's header ("STT"), a label's words (an unnumbered row: "Trong đó"), or
// something OCR could not make a code of.
void classify(CodeLine& line, const std::vector<OcrWord>& words, const Codes& codes) {
  std::string read;
  bool sure_word = false;
  for (std::size_t i : line.words) {
    read += words[i].text;
    sure_word = sure_word || (!has_digit(words[i].text) && code_points(words[i].text) >= 3 && words[i].confidence >= 90);
  }
  for (auto at = read.find(unreadable); at != std::string::npos; at = read.find(unreadable)) read.erase(at, unreadable.size());
  while (!read.empty() && std::string_view(".,:;)-").find(read.back()) != std::string_view::npos) read.pop_back();
  if (codes.known(read)) {
    line.kind = CodeLine::Kind::code;
    line.code = read;
  } else if (std::string code = codes.restore(read); !code.empty()) {
    line.kind = CodeLine::Kind::code;
    line.code = std::move(code);
  } else if (const std::string plain = to_upper(without_diacritics(read)); plain == "STT" || plain == "TT") {
    line.kind = CodeLine::Kind::header;
  } else if (sure_word) {
    line.kind = CodeLine::Kind::text;
  }
}

// The first column's lines, page by page and top to bottom: words whose middles stand within
// the other's height are one line ("2" and "2)" for "2.2").
std::vector<CodeLine> code_lines(const std::vector<OcrWord>& words, const std::vector<bool>& first_column) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (first_column[i] && !words[i].text.empty()) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(words[a].page, words[a].top + words[a].bottom) < std::pair(words[b].page, words[b].top + words[b].bottom);
  });
  std::vector<CodeLine> lines;
  for (std::size_t i : order) {
    const OcrWord& w = words[i];
    if (!lines.empty()) {
      const OcrWord& last = words[lines.back().words.back()];
      const int middle = (w.top + w.bottom) / 2;
      if (last.page == w.page && middle >= last.top && middle <= last.bottom) {
        lines.back().words.push_back(i);
        continue;
      }
    }
    lines.push_back({{i}, CodeLine::Kind::unknown, {}});
  }
  for (CodeLine& line : lines)
    std::sort(line.words.begin(), line.words.end(), [&](std::size_t a, std::size_t b) { return words[a].left < words[b].left; });
  return lines;
}

// A line's words become its code, as one word.
void write_code(const CodeLine& line, const std::string& code, std::vector<OcrWord>& words) {
  OcrWord& first = words[line.words.front()];
  std::string read;
  for (std::size_t i : line.words) read += words[i].text;
  // "2." stays as printed; what was read otherwise is the catalogue's code.
  if (read != code + ".") first.text = code;
  for (std::size_t k = 1; k < line.words.size(); ++k) {
    OcrWord& w = words[line.words[k]];
    first.right = std::max(first.right, w.right);
    first.top = std::min(first.top, w.top);
    first.bottom = std::max(first.bottom, w.bottom);
    first.confidence = std::min(first.confidence, w.confidence);
    w.text.clear();
  }
}

// Returns, for each word, whether it stands in a table's first column, where codes are: by the
// table's rules, or on a page without rules found, by standing near the leftmost sure words.
std::vector<bool> restore_codes(std::vector<OcrWord>& words, const Codes& codes) {
  std::vector<bool> first_column(words.size(), false);
  std::map<std::size_t, int> left_edge;
  std::vector<int> heights;
  for (const OcrWord& w : words) {
    heights.push_back(w.bottom - w.top);
    if (w.confidence < 50) continue;
    auto [it, added] = left_edge.try_emplace(w.page, w.left);
    if (!added) it->second = std::min(it->second, w.left);
  }
  if (heights.empty()) return first_column;
  std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
  const int height = std::max(1, heights[heights.size() / 2]);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const OcrWord& w = words[i];
    const auto edge = left_edge.find(w.page);
    first_column[i] = w.table_column == 0 ||
                      (w.table_column < 0 && edge != left_edge.end() && w.left <= edge->second + height && has_digit(w.text));
  }
  std::vector<CodeLine> lines = code_lines(words, first_column);
  for (CodeLine& line : lines) classify(line, words, codes);
  // Runs of lines that are no code, between codes or a table's header: the forms' order says
  // what they are, or they are left as read.
  std::optional<std::string> before;
  for (std::size_t k = 0; k < lines.size();) {
    if (lines[k].kind != CodeLine::Kind::unknown) {
      if (lines[k].kind == CodeLine::Kind::code) {
        write_code(lines[k], lines[k].code, words);
        before = lines[k].code;
      } else if (lines[k].kind == CodeLine::Kind::header) {
        before.reset();
      }
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < lines.size() && lines[end].kind == CodeLine::Kind::unknown) ++end;
    std::optional<std::string> after;
    if (end < lines.size() && lines[end].kind == CodeLine::Kind::code) after = lines[end].code;
    const bool form_ends = end == lines.size() || lines[end].kind == CodeLine::Kind::header;
    if ((before || after) && (after || form_ends))
      if (const auto run = codes.between(before, after, end - k))
        for (std::size_t r = 0; r < run->size(); ++r) write_code(lines[k + r], (*run)[r], words);
    k = end;
  }
  return first_column;
}

// The table columns, page by page, whose words are words: eight or more, and two in three of
// them with no digit and nothing unreadable. A column of figures has a header of a word or two
// and its figures; however many of its rows are blank, it is never one of these.
std::set<std::pair<std::size_t, int>> columns_of_text(const std::vector<OcrWord>& words) {
  std::map<std::pair<std::size_t, int>, std::pair<std::size_t, std::size_t>> counts;  // words, of text
  for (const OcrWord& w : words) {
    if (w.column < 0 || w.text.empty()) continue;
    auto& [all, text] = counts[{w.page, w.column}];
    ++all;
    if (!has_digit(w.text) && w.text.find(unreadable) == std::string::npos) ++text;
  }
  std::set<std::pair<std::size_t, int>> out;
  for (const auto& [column, n] : counts)
    if (n.second >= 8 && n.second * 3 >= n.first * 2) out.insert(column);
  return out;
}

}  // namespace

result<ImportedText> import_words(std::vector<OcrWord> read, std::shared_ptr<const Catalog> catalog,
                                  TextLimits limits, float min_confidence) {
  const detail::scan::Lexicon lexicon(*catalog);
  for (OcrWord& w : read) w.text = without_rules(w.text);
  const std::vector<bool> first_column = restore_codes(read, Codes(*catalog));
  const auto text_columns = columns_of_text(read);
  std::vector<OcrWord> words;
  words.reserve(read.size());
  for (std::size_t i = 0; i < read.size(); ++i) {
    OcrWord& w = read[i];
    // A speck or a smudge read as a mark: a word of no letter and no figure, and unsure.
    if (w.text.empty() || (w.confidence < 50 && !has_letter_or_digit(w.text))) continue;
    // In a column of text (a table's labels, units, remarks) no figure is a row's value: what
    // OCR could not read there is a label's word, not a figure lost.
    if (text_columns.count({w.page, w.column}) != 0) {
      for (auto at = w.text.find(unreadable); at != std::string::npos; at = w.text.find(unreadable))
        w.text.erase(at, unreadable.size());
      if (w.text.empty()) continue;
      if (!has_digit(w.text) && w.confidence < snap_below) w.text = lexicon.snap(w.text);
    } else if (has_digit(w.text)) {
      // A code is matched against the catalogue, never taken as a value: only a figure elsewhere
      // is held to the confidence.
      if (w.confidence < min_confidence && !first_column[i] && !w.text.ends_with(unreadable))
        w.text += unreadable;
    } else if (w.confidence < snap_below) {
      w.text = lexicon.snap(w.text);
      // A short word the recogniser could barely read and the catalogue does not know ("ST"
      // where "33,3" stands): it may be a figure, so it is one that could not be read.
      if (w.confidence < unknown_below && code_points(w.text) <= 4 && !lexicon.contains(w.text)) w.text += unreadable;
    }
    words.push_back(std::move(w));
  }
  std::vector<std::size_t> line_of;
  const std::string text = detail::scan::lay_out(words, &line_of);
  auto imported = import_text(text, catalog, limits);
  if (!imported) return imported.error();
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!has_digit(words[i].text) || line_of[i] == 0) continue;
    std::string figure = words[i].text;
    if (figure.ends_with(unreadable)) figure.resize(figure.size() - unreadable.size());
    imported->coverage.recognized.push_back({line_of[i], std::move(figure), words[i].confidence});
  }
  std::stable_sort(imported->coverage.recognized.begin(), imported->coverage.recognized.end(),
                   [](const RecognizedFigure& a, const RecognizedFigure& b) { return a.line < b.line; });
  return imported;
}

result<ImportedText> import_scan(const std::filesystem::path& path, std::shared_ptr<const Catalog> catalog,
                                 TextLimits limits, const OcrOptions& options) {
  auto scan = recognize(path, options, limits);
  if (!scan) return scan.error();
  auto imported = import_words(std::move(scan->words), std::move(catalog), limits, options.min_confidence);
  if (!imported) return std::move(imported.error()).within(path.string());
  return imported;
}

}  // namespace cchc
