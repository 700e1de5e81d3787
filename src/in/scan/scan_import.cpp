// SPDX-License-Identifier: MIT
// A scan read as text: the recognised words are cleaned, a figure the recogniser doubts is
// marked as unreadable, a label word with a slip is put back from the catalogue, and the words
// laid out by position go to the text reader like a PDF's.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>

#include "cchc/scan.hpp"
#include "in/scan/lexicon.hpp"
#include "in/scan/scan.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

using detail::code_points;
using detail::has_digit;

// What a table's rules leave on a word's edges when they touch it ("|0", "35]"), and words
// that are nothing but rules or specks.
constexpr std::string_view rule_marks = "|[]{}_~";
constexpr std::string_view broken_bar = "\xC2\xA6";  // ¦

std::string without_rules(std::string_view w) {
  for (bool more = true; more;) {
    more = false;
    if (w.starts_with(broken_bar)) w.remove_prefix(broken_bar.size()), more = true;
    if (w.ends_with(broken_bar)) w.remove_suffix(broken_bar.size()), more = true;
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

// A row's code that OCR read without its points ("53" for "5.3", "22" and "2" for "2.2"): the
// first word of a line of a table's first column, put back as the catalogue prints it when its
// digits are those of exactly one code. A value never stands in the first column, and a code
// the catalogue has as it was read is left alone.
class Codes {
 public:
  explicit Codes(const Catalog& catalog) {
    for (const Row& row : catalog.rows()) {
      std::string code = row.printed_code;
      while (!code.empty() && code.back() == '.') code.pop_back();
      if (code.empty()) continue;
      known_.push_back(code);
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

 private:
  std::vector<std::string> known_;
  std::map<std::string, std::vector<std::string>> by_digits_;
};

// Returns, for each word, whether it stands in a table's first column, where codes are.
std::vector<bool> restore_codes(std::vector<OcrWord>& words, const Codes& codes) {
  std::vector<bool> first_column(words.size(), false);
  // Page by page: the first column is where the leftmost sure words stand.
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
    OcrWord& w = words[i];
    const auto edge = left_edge.find(w.page);
    if (edge == left_edge.end() || w.left > edge->second + height || !has_digit(w.text)) continue;
    first_column[i] = true;
    // "2" and "2" side by side, a point lost between them.
    if (i + 1 < words.size()) {
      OcrWord& next = words[i + 1];
      const bool beside = next.page == w.page && std::abs(next.top - w.top) < height / 2 && next.left - w.right < height;
      if (beside && has_digit(next.text) && next.text.find_first_not_of("0123456789") == std::string::npos &&
          w.text.find_first_not_of("0123456789.") == std::string::npos) {
        std::string joined = w.text;
        if (joined.back() != '.') joined += '.';
        joined += next.text;
        std::string code = codes.known(joined) ? joined : codes.restore(joined);
        if (!code.empty()) {
          w.text = std::move(code);
          w.right = next.right;
          w.confidence = std::min(w.confidence, next.confidence);
          next.text.clear();
          continue;
        }
      }
    }
    if (std::string code = codes.restore(w.text); !code.empty()) w.text = std::move(code);
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

result<ImportedText> import_scan(const std::filesystem::path& path, std::shared_ptr<const Catalog> catalog,
                                 TextLimits limits, const OcrOptions& options) {
  auto scan = recognize(path, options, limits);
  if (!scan) return scan.error();
  const detail::scan::Lexicon lexicon(*catalog);
  const std::vector<bool> first_column = restore_codes(scan->words, Codes(*catalog));
  const auto text_columns = columns_of_text(scan->words);
  std::vector<OcrWord> words;
  words.reserve(scan->words.size());
  for (std::size_t i = 0; i < scan->words.size(); ++i) {
    OcrWord& w = scan->words[i];
    w.text = without_rules(w.text);
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
      if (w.confidence < options.min_confidence && !first_column[i] && !w.text.ends_with(unreadable))
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
  if (!imported) return std::move(imported.error()).within(path.string());
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

}  // namespace cchc
