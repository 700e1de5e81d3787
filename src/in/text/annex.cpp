// SPDX-License-Identifier: MIT
// The annex is read as a stream of words, so line wrapping does not matter. Each catalogue row
// is found, in order, by its printed code followed by the first words of its label; the words of
// its label, description and unit are then matched inside the row's stretch of text, and what
// is left that looks like a figure is the row's value. Page numbers, footnotes and repeated
// headers are taken out first. One figure is a value, none is a blank, more than one is a
// problem reported with its line: the importer never picks one.
#include <algorithm>

#include <fmt/format.h>

#include "cchc/unicode.hpp"
#include "in/text/lines.hpp"
#include "util/strings.hpp"

namespace cchc::detail::text {
namespace {

struct RowWords {
  std::vector<std::string> code, label, description, unit;
};

RowWords row_words(const Row& row) {
  // pdftotext prints a footnote's superscript mark inline: "VBQPPL1", which words() splits.
  return {words(row.printed_code), words(row.label_with_marks(false)), words(row.description),
          words(row.unit)};
}

bool consecutive(const std::vector<Token>& toks, std::size_t at, const std::vector<std::string>& want) {
  if (at + want.size() > toks.size()) return false;
  for (std::size_t k = 0; k < want.size(); ++k)
    if (toks[at + k].text != want[k]) return false;
  return true;
}

std::optional<std::size_t> find_start(const std::vector<Token>& toks, std::size_t from,
                                      std::size_t to, const RowWords& w) {
  std::vector<std::string> head = w.code;
  for (std::size_t i = 0; i < w.label.size() && i < 2; ++i) head.push_back(w.label[i]);
  for (std::size_t i = from; i < to; ++i)
    if (consecutive(toks, i, head)) return i;
  // The layout split or lost the code: the first words of the label alone.
  std::vector<std::string> label(w.label.begin(),
                                 w.label.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(4, w.label.size())));
  if (label.size() >= 3)
    for (std::size_t i = from; i < to; ++i)
      if (consecutive(toks, i, label)) return i;
  return std::nullopt;
}

// Where the words of `want` end, matched in order from `begin` as match_words() would.
std::size_t words_end(const std::vector<Token>& toks, std::size_t begin, std::size_t end,
                      const std::vector<std::string>& want) {
  // Words of one label stand close together: a few words of unit or value may come between.
  std::size_t pos = begin, last = begin;
  for (const auto& w : want) {
    const std::size_t limit = std::min(end, pos + 12);
    bool found = false;
    for (std::size_t i = pos; i < limit; ++i) {
      if (toks[i].text == w) {
        last = i + 1;
        pos = i + 1;
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  return last;
}

void match_words(const std::vector<Token>& toks, std::size_t begin, std::size_t end,
                 const std::vector<std::string>& want, std::vector<bool>& used) {
  std::size_t pos = begin;
  std::vector<std::size_t> hits;
  for (const auto& w : want) {
    const std::size_t limit = hits.empty() ? end : std::min(end, pos + 33);
    bool found = false;
    for (std::size_t i = pos; i < limit; ++i) {
      if (!used[i] && toks[i].text == w) {
        hits.push_back(i);
        pos = i + 1;
        found = true;
        break;
      }
    }
    if (!found) break;  // the rest is matched no further; unmatched words stay as they are
  }
  for (auto h : hits) used[h] = true;
}

bool looks_numeric(std::string_view t) {
  if (t.empty()) return false;
  std::size_t i = 0;
  if (t[0] == '-' || t[0] == '+') i = 1;
  if (i >= t.size() || t[i] < '0' || t[i] > '9') return false;
  return std::all_of(t.begin() + static_cast<std::ptrdiff_t>(i), t.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '/' || c == '%';
  });
}

struct Candidate {
  std::string text;
  std::size_t line;
};

// Figures left in a row's stretch; "04", "/", "04" split by the layout join into one.
std::vector<Candidate> candidates(const std::vector<Token>& toks, std::size_t begin,
                                  std::size_t end, const std::vector<bool>& used) {
  std::vector<Candidate> out;
  std::size_t last = end;  // the token the last candidate ended with
  for (std::size_t i = begin; i < end; ++i) {
    if (used[i]) continue;
    const std::string& t = toks[i].text;
    if (!looks_numeric(t) && t != "/") continue;
    const bool joins = !out.empty() && last + 1 == i &&
                       (t == "/" || t.front() == '/' || out.back().text.back() == '/');
    if (joins) {
      out.back().text += t;
    } else if (t != "/") {
      out.push_back({t, toks[i].line});
    } else {
      continue;
    }
    last = i;
  }
  return out;
}

}  // namespace

std::optional<std::size_t> find_annex(const std::vector<Line>& lines, const Catalog& cat) {
  std::vector<std::string> annex, form;
  for (const auto& h : cat.annex_headings()) annex.push_back(to_upper(collapse_spaces(h)));
  for (const auto& h : cat.form_headings()) form.push_back(collapse_spaces(h));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string up = to_upper(collapse_spaces(lines[i].text));
    for (const auto& h : annex)
      if (up.starts_with(h)) return i;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string line = collapse_spaces(lines[i].text);
    for (const auto& h : form)
      if (line.starts_with(h)) return i;
  }
  return std::nullopt;
}

void read_annex(const std::vector<Line>& lines, std::size_t annex, const Catalog& cat,
                Report& report, Coverage& cov) {
  const auto known = known_noise(cat);
  std::vector<Token> toks;
  for (std::size_t i = annex; i < lines.size(); ++i) {
    if (noise(lines, i, known)) continue;
    for (auto& w : words(lines[i].text)) toks.push_back({std::move(w), lines[i].number});
  }
  // Where each form begins: "Biểu mẫu N", or a form heading of the template's vocabulary.
  std::vector<std::vector<std::string>> headings;
  for (const auto& h : cat.form_headings()) headings.push_back(words(h));
  struct FormAt {
    int number;
    std::size_t first;    // the token after the heading
    std::size_t heading;  // the heading's first token
  };
  std::vector<FormAt> form_at;
  for (std::size_t i = 0; i < toks.size(); ++i)
    for (const auto& h : headings) {
      const std::size_t n = h.size();
      if (n == 0 || i + n >= toks.size() || !digits_only(toks[i + n].text) || toks[i + n].text.size() > 3) continue;
      bool same = true;
      for (std::size_t k = 0; k < n && same; ++k) same = toks[i + k].text == h[k];
      if (same) form_at.push_back({std::stoi(toks[i + n].text), i + n + 1, i});
    }

  std::vector<bool> used(toks.size(), false);
  std::size_t cursor = 0;
  for (const Form& form : cat.forms()) {
    std::size_t begin = cursor, end = toks.size();
    auto it = std::find_if(form_at.begin(), form_at.end(),
                           [&](const auto& f) { return f.number == form.number && f.first >= cursor; });
    if (it != form_at.end()) {
      begin = it->first;
      auto next = std::find_if(form_at.begin(), form_at.end(),
                               [&](const auto& f) { return f.first > begin; });
      if (next != form_at.end()) end = next->heading;
    } else {
      cov.problems.push_back({fmt::format("B{}", form.number), 0,
                              fmt::format("không thấy tiêu đề \"Biểu mẫu {}\"; tìm các dòng theo thứ tự", form.number),
                              fmt::format("no \"Biểu mẫu {}\" heading; rows are looked for in order", form.number)});
    }
    const auto rows = cat.rows(form);
    std::vector<std::optional<std::size_t>> starts;
    std::size_t at = begin;
    for (const Row& row : rows) {
      const RowWords w = row_words(row);
      auto s = find_start(toks, at, end, w);
      starts.push_back(s);
      // The next row starts after this row's label: two rows may begin with the same words.
      if (s) at = std::max(*s + 1, words_end(toks, *s + w.code.size(), end, w.label));
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const Row& row = rows[r];
      if (row.holds_value()) ++cov.rows_expected;
      if (!starts[r]) {
        if (row.holds_value())
          cov.problems.push_back({row.address(), 0, "không tìm thấy dòng này trong văn bản",
                                  "the row is not in the text"});
        continue;
      }
      std::size_t stop = end;
      for (std::size_t k = r + 1; k < rows.size(); ++k)
        if (starts[k]) {
          stop = *starts[k];
          break;
        }
      const std::size_t line = toks[*starts[r]].line;
      const RowWords w = row_words(row);
      for (const auto* part : {&w.code, &w.label, &w.description, &w.unit})
        match_words(toks, *starts[r], stop, *part, used);
      if (!row.holds_value()) continue;
      ++cov.rows_found;
      const auto found = candidates(toks, *starts[r], stop, used);
      if (found.empty()) {
        ++cov.blanks;
        report.set_source_line(row.id, line);
        continue;
      }
      if (found.size() > 1) {
        std::string list;
        for (const auto& c : found) list += fmt::format("{}{} (dòng/line {})", list.empty() ? "" : ", ", c.text, c.line);
        cov.problems.push_back({row.address(), line,
                                fmt::format("có nhiều số liệu, không biết số nào của dòng này: {}", list),
                                fmt::format("several figures, none certainly this row's: {}", list)});
        continue;
      }
      auto set = report.set_text(row.id, found.front().text);
      if (!set) {
        cov.problems.push_back({row.address(), found.front().line, set.error().message_vi,
                                set.error().message_en});
        continue;
      }
      report.set_source_line(row.id, found.front().line);
      ++cov.values;
    }
    cursor = end;
  }
}

}  // namespace cchc::detail::text
