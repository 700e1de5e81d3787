// SPDX-License-Identifier: MIT
// The annex is read as a stream of words, so line wrapping does not matter. Each catalogue row
// is found, in order, by its printed code followed by the first words of its label; the words of
// its label, description and unit are then matched inside the row's stretch of text, and what
// is left that looks like a figure is the row's value. Page numbers, footnotes and repeated
// headers are taken out first. One figure is a value, none is a blank, more than one is a
// problem reported with its line: the importer never picks one.
#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "cchc/unicode.hpp"
#include "in/form_heading.hpp"
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

// A word of the text is the catalogue's word, or it with the punctuation a typist put after it:
// a dot after a top-level code ("2." for 2), a colon or a comma after a label's word.
bool same_word(std::string_view token, std::string_view want) {
  if (token == want) return true;
  return token.size() == want.size() + 1 && token.starts_with(want) &&
         std::string_view(".:,;").find(token.back()) != std::string_view::npos &&
         std::string_view(".:,;").find(want.back()) == std::string_view::npos;
}

bool consecutive(const std::vector<Token>& toks, std::size_t at, const std::vector<std::string>& want) {
  if (at + want.size() > toks.size()) return false;
  for (std::size_t k = 0; k < want.size(); ++k)
    if (toks[at + k].note || !same_word(toks[at + k].text, want[k])) return false;
  return true;
}

bool code_like(std::string_view t);

std::optional<std::size_t> find_start(const std::vector<Token>& toks, std::size_t from,
                                      std::size_t to, const RowWords& w) {
  std::vector<std::string> head = w.code;
  for (std::size_t i = 0; i < w.label.size() && i < 2; ++i) head.push_back(w.label[i]);
  for (std::size_t i = from; i < to; ++i)
    if (consecutive(toks, i, head)) return i;
  // The label's second word misprinted or misread ("Số 1LLHC đang" for "Số TTHC đang"): the
  // code, the label's first word and its third still say which row this is.
  if (!w.code.empty() && w.label.size() >= 3) {
    for (std::size_t i = from; i < to; ++i) {
      const std::size_t at = i + w.code.size();
      if (at + 2 < to && consecutive(toks, i, w.code) && !toks[at].note && !toks[at + 1].note &&
          !toks[at + 2].note && same_word(toks[at].text, w.label[0]) && same_word(toks[at + 2].text, w.label[2]))
        return i;
    }
  }
  // Laid out by position, a row whose label wraps prints its code, unit and figure on one line
  // and the label around it: the code, then the label's first words a few words later.
  if (!w.code.empty() && w.label.size() >= 2) {
    const std::vector<std::string> label_head(w.label.begin(), w.label.begin() + 2);
    for (std::size_t i = from; i < to; ++i) {
      if (!consecutive(toks, i, w.code)) continue;
      const std::size_t after = i + w.code.size();
      for (std::size_t k = after + 1; k <= after + 6 && k < to; ++k)
        if (consecutive(toks, k, label_head)) return i;
    }
  }
  // The layout split or lost the code: the first words of the label alone, unless a code stands
  // just before them on their line, or starts the line they are on, and it is another row's
  // ("4.2.2 Số TTHC đang cung cấp …" is not 4.1.2, whose label begins the same).
  std::vector<std::string> label(w.label.begin(),
                                 w.label.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(4, w.label.size())));
  const auto another_rows_code = [&](std::size_t i) {
    for (std::size_t k = i; k > from && toks[k - 1].line == toks[i].line; --k) {
      const std::string& t = toks[k - 1].text;
      if (code_like(t) && toks[k - 1].column <= 8)
        return !(w.code.size() == 1 && same_word(t, w.code.front()));
    }
    return false;
  };
  if (label.size() >= 3)
    for (std::size_t i = from; i < to; ++i)
      if (consecutive(toks, i, label) && !another_rows_code(i)) return i;
  return std::nullopt;
}

// Where the words of `want` end, matched in order from `begin` as match_words() would.
std::size_t words_end(const std::vector<Token>& toks, std::size_t begin, std::size_t end,
                      const std::vector<std::string>& want) {
  // Words of one label stand close together: a few words of unit or value may come between,
  // never the next row's code at the start of its line. A word or two the text has otherwise is
  // passed over, as match_words() passes over it.
  std::size_t pos = begin, last = begin, missed = 0;
  for (const auto& w : want) {
    const std::size_t limit = std::min(end, pos + 12);
    bool found = false;
    for (std::size_t i = pos; i < limit; ++i) {
      if (i > begin && toks[i].line != toks[i - 1].line && toks[i].column <= 8 && code_like(toks[i].text)) break;
      if (same_word(toks[i].text, w)) {
        last = i + 1;
        pos = i + 1;
        found = true;
        break;
      }
    }
    if (!found && ++missed > 2) break;
  }
  return last;
}

void match_words(const std::vector<Token>& toks, std::size_t begin, std::size_t end,
                 const std::vector<std::string>& want, std::vector<bool>& used) {
  std::size_t pos = begin;
  std::vector<std::size_t> hits;
  // A word or two the text has otherwise (misprinted, or misread by OCR: "1LLHC" for "TTHC")
  // is passed over, so the label's later words, its figures among them ("mức độ 3", "năm
  // 2015"), are still the label's; a third ends the match.
  std::size_t missed = 0;
  for (const auto& w : want) {
    const std::size_t limit = hits.empty() ? end : std::min(end, pos + 33);
    bool found = false;
    for (std::size_t i = pos; i < limit; ++i) {
      if (!used[i] && !toks[i].note && same_word(toks[i].text, w)) {
        hits.push_back(i);
        pos = i + 1;
        found = true;
        break;
      }
    }
    if (!found && (hits.empty() || ++missed > 2)) break;  // the rest is matched no further
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
  bool doubtful = false;  // a figure whose characters could not all be read (U+FFFD)
};

// U+FFFD stands for a character that could not be read: a scan's figure that OCR doubts, or a
// byte an encoding lost. Such a figure is neither a value nor nothing.
bool unreadable(std::string_view t) { return t.find(unreadable_mark) != std::string_view::npos; }

// Figures left in a row's stretch; "04", "/", "04" split by the layout join into one.
std::vector<Candidate> candidates(const std::vector<Token>& toks, std::size_t begin,
                                  std::size_t end, const std::vector<bool>& used) {
  std::vector<Candidate> out;
  std::size_t last = end;  // the token the last candidate ended with
  for (std::size_t i = begin; i < end; ++i) {
    if (used[i] || toks[i].note) continue;
    const std::string& t = toks[i].text;
    if (unreadable(t)) {
      out.push_back({t, toks[i].line, true});
      last = i;
      continue;
    }
    if (!looks_numeric(t) && t != "/") continue;
    // A code list printed beside the value ("Có = 1; Không = 0", "Kết hợp = 2"): a number
    // right after "=" is a code's meaning, never the row's figure. Laid out by position, a
    // figure two spaces or more after a unit that ends in "=" stands in the next column.
    if (i > begin && toks[i - 1].text == "=" &&
        (toks[i].line != toks[i - 1].line || toks[i].column <= toks[i - 1].column + 3))
      continue;
    const bool joins = !out.empty() && last + 1 == i &&
                       (t == "/" || t.front() == '/' || out.back().text.back() == '/');
    if (joins) {
      out.back().text += t;
    } else if (t != "/") {
      out.push_back({t, toks[i].line, false});
    } else {
      continue;
    }
    last = i;
  }
  return out;
}

// A row's code as printed: "2", "2.1", "3.1.a", "4." (not a figure with a decimal comma).
bool code_like(std::string_view t) {
  if (t.ends_with('.')) t.remove_suffix(1);
  if (t.empty() || !digit(t.front())) return false;
  bool after_dot = false;
  for (char c : t) {
    if (c == '.') {
      if (after_dot) return false;
      after_dot = true;
    } else if (digit(c) || (c >= 'a' && c <= 'z' && after_dot)) {
      after_dot = false;
    } else {
      return false;
    }
  }
  return !after_dot;
}

// Where the remarks begin, when `line` is a table's header laid out by position: "Ghi chú" on
// the line after other headings, set apart by two spaces or more, as `pdftotext -layout` puts
// columns (text in reading order has one space between words).
std::optional<std::size_t> notes_column(const Line& line, std::vector<Token>& scratch) {
  if (line.text.find("Ghi") == std::string::npos) return std::nullopt;
  scratch.clear();
  tokens_of(line, scratch);
  for (std::size_t k = 2; k + 1 < scratch.size(); ++k) {
    if (scratch[k].text != "Ghi" || scratch[k + 1].text != "chú") continue;
    const Token& before = scratch[k - 1];
    const std::size_t before_end = before.column + code_points(before.text);
    if (scratch[k].column < before_end + 2) continue;
    // After "Số liệu" on the same line, halfway; after another heading (the value column's
    // heading wrapped above and below), just before "Ghi".
    if (before.text == "liệu") return (before_end + scratch[k].column + 1) / 2;
    return scratch[k].column - 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> find_annex(const std::vector<Line>& lines, const Catalog& cat) {
  std::vector<std::string> annex, form;
  for (const auto& h : cat.annex_headings()) annex.push_back(to_upper(collapse_spaces(h)));
  for (const auto& h : cat.form_headings()) form.push_back(collapse_spaces(h));
  // Only a line's start can be a heading: it alone is put in capitals (twice the longest
  // heading's bytes, cut where a character starts), not each line of the report whole.
  std::size_t longest = 0;
  for (const auto& h : annex) longest = std::max(longest, h.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string start = collapse_spaces(lines[i].text);
    if (start.size() > 2 * longest) {
      std::size_t cut = 2 * longest;
      while (cut > 0 && (static_cast<unsigned char>(start[cut]) & 0xC0) == 0x80) --cut;
      start.resize(cut);
    }
    const std::string up = to_upper(start);
    for (const auto& h : annex)
      if (up.starts_with(h)) return i;
  }
  // No "Phụ lục": the first form's heading, as the template prints it or as officers type it
  // ("BIỂU MẪU SỐ 01:", "Biểu mẫu số 2").
  const std::vector<std::string> heading_words = form_heading_words(cat);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string line = collapse_spaces(lines[i].text);
    for (const auto& h : form)
      if (line.starts_with(h)) return i;
    if (form_number_at_start(line, heading_words) != 0) return i;
  }
  return std::nullopt;
}

void read_annex(const std::vector<Line>& lines, std::size_t annex, const Catalog& cat,
                Report& report, Coverage& cov) {
  const auto known = known_noise(cat);
  std::vector<Token> toks;
  // Where each form begins: a line that starts with its heading ("Biểu mẫu 2", "BIỂU MẪU SỐ 02:
  // …", or a heading of the template's vocabulary); the rest of that line is its title.
  struct FormAt {
    int number;
    std::size_t first;    // the token after the heading's line
    std::size_t heading;  // the heading's first token
  };
  std::vector<FormAt> form_at;
  // Where a table's "Ghi chú" column begins, in text laid out by position: what stands there is
  // a remark ("Đạt 60% kế hoạch", "Gồm 02 đồng chí"), never the row's figure.
  // (No remarks column: the largest column, which no word reaches. A plain number rather than an
  // optional: GCC 12 at -O3 warns, wrongly, that the optional's value may be uninitialised.)
  constexpr std::size_t no_notes = std::numeric_limits<std::size_t>::max();
  std::size_t notes_from = no_notes;
  std::vector<Token> header;
  const std::vector<std::string> heading_words = form_heading_words(cat);
  // Laid out by position, a table row is a block of lines between blank ones, and a row whose
  // cells are centred vertically prints its code on a middle line, below the first words of
  // its label. When a block has one line that starts with a code and it is not the first, the
  // code goes first, where a row begins.
  std::size_t block = 0, block_lines = 0, code_lines = 0, lines_above_code = 0;
  std::optional<std::size_t> code_at;
  auto close_block = [&] {
    // Centred: as many lines above the code's line as below it, give or take one.
    const std::size_t below = block_lines - lines_above_code - 1;
    const bool centred = lines_above_code + 1 >= below && below + 1 >= lines_above_code;
    if (block_lines >= 2 && code_lines == 1 && code_at && *code_at > block && centred)
      std::rotate(toks.begin() + static_cast<std::ptrdiff_t>(block), toks.begin() + static_cast<std::ptrdiff_t>(*code_at),
                  toks.begin() + static_cast<std::ptrdiff_t>(*code_at + 1));
    block = toks.size();
    block_lines = code_lines = lines_above_code = 0;
    code_at.reset();
  };
  for (std::size_t i = annex; i < lines.size(); ++i) {
    if (const auto from = notes_column(lines[i], header)) notes_from = *from;
    if (blank(lines[i].text) || noise(lines, i, known)) {
      close_block();
      continue;
    }
    const std::size_t first = toks.size();
    tokens_of(lines[i], toks);
    if (form_number_at_start(lines[i].text, heading_words) != 0) {
      notes_from = no_notes;  // a new table, whose header comes after
      close_block();
      continue;
    }
    for (std::size_t k = first; k < toks.size(); ++k) toks[k].note = toks[k].column >= notes_from;
    if (first < toks.size() && toks[first].column <= 8 && code_like(toks[first].text)) {
      ++code_lines;
      code_at = first;
      lines_above_code = block_lines;
    }
    ++block_lines;
  }
  close_block();
  // Where each form begins: its heading ("Biểu mẫu 2", "BIỂU MẪU SỐ 02:", a heading of the
  // template's vocabulary), wherever a line break put it.
  std::vector<std::vector<std::string>> headings;
  for (const auto& h : heading_words) headings.push_back(words(h));
  const auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
  for (std::size_t i = 0; i < toks.size(); ++i)
    for (const auto& h : headings) {
      if (h.empty() || i + h.size() >= toks.size() || toks[i].text.size() > 16) continue;
      if ((h[0][0] & 0x80) == 0 && upper(toks[i].text[0]) != h[0][0]) continue;  // no case mapping
      // With or without diacritics: typed so, or read so by OCR ("BIEU MAU SO 04").
      bool same = true;
      for (std::size_t k = 0; k < h.size() && same; ++k) {
        const std::string up = to_upper(toks[i + k].text);
        same = up == h[k] || without_diacritics(up) == without_diacritics(h[k]);
      }
      if (!same) continue;
      std::size_t n = i + h.size();
      if (n + 1 < toks.size() && without_diacritics(to_upper(toks[n].text)) == "SO") ++n;
      std::string number = toks[n].text;
      while (!number.empty() && std::string_view(":.-").find(number.back()) != std::string_view::npos) number.pop_back();
      while (number.size() > 1 && number.front() == '0') number.erase(0, 1);
      if (number.empty() || number.size() > 2 || !digits_only(number)) continue;
      form_at.push_back({std::stoi(number), n + 1, i});
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
      // Looked for up to the next form's heading: a form left out, or whose heading was lost,
      // does not take the forms after it.
      auto next = std::find_if(form_at.begin(), form_at.end(), [&](const auto& f) { return f.heading >= begin; });
      if (next != form_at.end()) end = next->heading;
      cov.problems.push_back({fmt::format("B{}", form.number), 0,
                              fmt::format("không thấy tiêu đề \"Biểu mẫu {}\"; tìm các dòng theo thứ tự", form.number),
                              fmt::format("no \"Biểu mẫu {}\" heading; rows are looked for in order", form.number)});
    }
    const auto rows = cat.rows(form);
    std::vector<RowWords> row_text;  // each row's words, split once for both passes
    row_text.reserve(rows.size());
    for (const Row& row : rows) row_text.push_back(row_words(row));
    std::vector<std::optional<std::size_t>> starts;
    std::size_t at = begin;
    for (const RowWords& w : row_text) {
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
      const RowWords& w = row_text[r];
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
      if (const auto doubt = std::find_if(found.begin(), found.end(), [](const Candidate& c) { return c.doubtful; });
          doubt != found.end()) {
        std::string seen = doubt->text;
        for (auto mark = seen.find(unreadable_mark); mark != std::string::npos; mark = seen.find(unreadable_mark))
          seen.erase(mark, unreadable_mark.size());
        cov.problems.push_back({row.address(), doubt->line,
                                fmt::format("số liệu không đọc được chắc chắn: \"{}\"", seen),
                                fmt::format("a figure that could not be read with certainty: \"{}\"", seen)});
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
