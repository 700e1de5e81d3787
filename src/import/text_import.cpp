// SPDX-License-Identifier: MIT
// Reads the text of a report (pdftotext's default output, or poppler's): the annex, matched
// against the catalogue row by row; the metadata; and the narrative.
//
// The annex is read as a stream of words, so line wrapping does not matter. Each catalogue row
// is found, in order, by its printed code followed by the first words of its label; the words of
// its label, description and unit are then matched inside the row's stretch of text, and what
// is left that looks like a figure is the row's value. Page numbers, footnotes and repeated
// headers are taken out first. One figure is a value, none is a blank, more than one is a
// problem reported with its line: the importer never picks one.
#include "cchc/text_import.hpp"

#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "cchc/json.hpp"
#include "cchc/unicode.hpp"
#include "../strings.hpp"

namespace cchc {
namespace {

struct Line {
  std::string text;
  std::size_t number = 0;  // 1-based
  bool after_page_break = false;
  bool before_page_break = false;
};

struct Token {
  std::string text;
  std::size_t line = 0;
};

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

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == '\f')) ++i;
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j]) && s[j] != '\f') ++j;
    if (j > i) split_glued(s.substr(i, j - i), out);
    i = j;
  }
  return out;
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

bool noise(const std::vector<Line>& lines, std::size_t i, const std::vector<std::string>& known) {
  if (page_number(lines, i) || table_header(lines[i].text)) return true;
  const std::string c = collapse_spaces(lines[i].text);
  if (c.find_first_not_of("_-. ") == std::string::npos) return true;  // rules, separators
  return std::find(known.begin(), known.end(), c) != known.end();
}

// Footnote lines and form subtitles: catalogue text that is not a row.
std::vector<std::string> known_noise(const Catalog& cat) {
  std::vector<std::string> out;
  for (const Row& r : cat.rows())
    for (const auto& f : r.footnotes) out.push_back(collapse_spaces(f.mark + " " + f.text));
  for (const Form& f : cat.forms())
    if (!f.subtitle.empty()) out.push_back(collapse_spaces(f.subtitle));
  return out;
}

// --- rows ----------------------------------------------------------------------------------

struct RowWords {
  std::vector<std::string> code, label, description, unit;
};

RowWords row_words(const Row& row) {
  // pdftotext prints a footnote's superscript mark inline: "VBQPPL1", which words() splits.
  std::string label = row.label;
  for (const auto& f : row.footnotes) {
    const auto at = f.anchor.empty() ? std::string::npos : label.find(f.anchor);
    if (at != std::string::npos) label.insert(at + f.anchor.size(), f.mark);
  }
  return {words(row.printed_code), words(label), words(row.description), words(row.unit)};
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

// --- metadata ------------------------------------------------------------------------------

std::string joined(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to && i < lines.size(); ++i) {
    out += lines[i].text;
    out += '\n';
  }
  return out;
}

bool upper_case(std::string_view s) { return to_upper(s) == s; }

void read_signer(const std::vector<Line>& lines, std::size_t end, Metadata& m) {
  static const std::vector<std::string> titles{
      "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH",
      "TM. ỦY BAN NHÂN DÂN", "TM. UỶ BAN NHÂN DÂN", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN",
      "KT. TRƯỞNG BAN", "CHÁNH VĂN PHÒNG", "Q. GIÁM ĐỐC", "TUQ. GIÁM ĐỐC"};
  std::optional<std::size_t> title_at;
  for (std::size_t i = 0; i < end; ++i) {
    const std::string t = collapse_spaces(lines[i].text);
    if (std::find(titles.begin(), titles.end(), t) != titles.end()) title_at = i;
  }
  if (!title_at) return;
  m.document.signer_title = collapse_spaces(lines[*title_at].text);
  for (std::size_t i = *title_at + 1; i < end; ++i) {
    const std::string t = collapse_spaces(lines[i].text);
    if (t.empty() || digits_only(t)) continue;
    if (upper_case(t)) {  // a second title line: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"
      m.document.signer_title = t;
      continue;
    }
    const auto n = words(t).size();
    if (n >= 2 && n <= 6) m.document.signer = t;
    return;
  }
}

AgencyLevel level_of(std::string_view name, const Catalog& cat) {
  const std::string up = to_upper(name);
  if (up.find(" XÃ") != std::string::npos || up.find("PHƯỜNG") != std::string::npos)
    return AgencyLevel::commune;
  if (up.find("HUYỆN") != std::string::npos) return AgencyLevel::district;
  if (up.starts_with("SỞ") || up.starts_with("BAN")) return AgencyLevel::department;
  return agency_level_from_string(cat.level()).value_or(AgencyLevel::department);
}

void read_metadata(std::string_view text, const std::vector<Line>& lines, std::size_t annex,
                   std::size_t annex_end, const Catalog& cat, const Narrative& narrative,
                   Metadata& m) {
  if (narrative.title_period) m.period = narrative.title_period->period;
  // The annex's heading names the report: "(Ban hành kèm theo Báo cáo số 94/BC-SKHCN ngày
  // 12/3/2024 của Sở Khoa học và Công nghệ)".
  const std::string header = collapse_spaces(joined(lines, annex, std::min(annex + 12, annex_end)));
  std::optional<Citation> self;
  for (auto& c : find_citations(header))
    if (c.type_word == "Báo cáo") {
      self = std::move(c);
      break;
    }
  const std::string top = joined(lines, 0, std::min<std::size_t>(25, lines.size()));
  if (!self) {
    // "Số: 94/BC-SKHCN" at the head of the report.
    static const std::regex so("Số\\s*:\\s*([0-9]+)/((?:[A-Za-z0-9&-]|Đ|đ)+)");
    std::smatch mm;
    if (std::regex_search(top, mm, so)) {
      Citation c;
      c.number = mm.str(1);
      c.symbol = mm.str(2);
      const auto dash = c.symbol.find('-');
      c.issuer = dash == std::string::npos ? "" : c.symbol.substr(dash + 1);
      self = std::move(c);
    }
  }
  if (self) {
    m.document.number = self->number;
    m.document.symbol = self->symbol;
    m.document.date = self->date;
    m.agency.code = self->issuer;
    static const std::regex of_agency("của ([^()]+?)\\)");
    std::smatch mm;
    const auto at = header.find(self->text);
    if (at != std::string::npos) {
      const std::string after = header.substr(at + self->text.size());
      if (std::regex_search(after, mm, of_agency) && mm.position(0) < 4) m.agency.name = mm.str(1);
    }
  }
  // "Sơn La, ngày 12 tháng 3 năm 2024": the place and the date of issue.
  static const std::regex dated("([^,\\n]{2,40}), ngày ([0-9]{1,2}) tháng ([0-9]{1,2}) năm ([0-9]{4})");
  std::smatch dm;
  if (std::regex_search(top, dm, dated)) {
    m.document.place = collapse_spaces(dm.str(1));
    bool valid = false;
    if (auto d = parse_vi_date(dm.str(2) + "/" + dm.str(3) + "/" + dm.str(4), &valid))
      m.document.date = d;
  }
  if (m.agency.name.empty()) {
    static const std::regex reports("((?:Sở|Ban|Ủy ban nhân dân|UBND)[^.,;:()]{2,80}?) báo cáo kết quả");
    const std::string prose = collapse_spaces(joined(lines, 0, annex));
    std::smatch am;
    if (std::regex_search(prose, am, reports)) m.agency.name = am.str(1);
  }
  if (!m.agency.name.empty()) m.agency.level = level_of(m.agency.name, cat);
  if (!cat.province().empty() && text.find(cat.province()) != std::string_view::npos)
    m.province = cat.province();
  read_signer(lines, annex, m);
}

// --- the annex -----------------------------------------------------------------------------

std::optional<std::size_t> find_annex(const std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string up = to_upper(collapse_spaces(lines[i].text));
    if (up.starts_with("PHỤ LỤC")) return i;
  }
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (collapse_spaces(lines[i].text).starts_with("Biểu mẫu")) return i;
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
  // Where each form begins: "Biểu mẫu N".
  std::vector<std::pair<int, std::size_t>> form_at;
  for (std::size_t i = 0; i + 2 < toks.size(); ++i)
    if (toks[i].text == "Biểu" && toks[i + 1].text == "mẫu" && digits_only(toks[i + 2].text))
      form_at.emplace_back(std::stoi(toks[i + 2].text), i + 3);

  std::vector<bool> used(toks.size(), false);
  std::size_t cursor = 0;
  for (const Form& form : cat.forms()) {
    std::size_t begin = cursor, end = toks.size();
    auto it = std::find_if(form_at.begin(), form_at.end(),
                           [&](const auto& f) { return f.first == form.number && f.second >= cursor; });
    if (it != form_at.end()) {
      begin = it->second;
      auto next = std::find_if(form_at.begin(), form_at.end(),
                               [&](const auto& f) { return f.second > begin; });
      if (next != form_at.end()) end = next->second - 3;
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

}  // namespace

result<ImportedText> import_text(std::string_view text, std::shared_ptr<const Catalog> catalog,
                                 TextLimits limits) {
  if (!catalog) return make_error(errc::invalid_argument, "thiếu danh mục", "no catalogue given");
  if (text.size() > limits.max_bytes)
    return make_error(errc::limit_exceeded,
                      fmt::format("văn bản quá lớn ({} byte, tối đa {})", text.size(), limits.max_bytes),
                      fmt::format("text too large ({} bytes, at most {})", text.size(), limits.max_bytes));
  if (blank(text)) return make_error(errc::parse_error, "văn bản trống", "the text is empty");
  auto nfc = normalize_nfc(text);
  if (!nfc) return nfc.error();
  const auto lines = split_lines(*nfc);
  for (const auto& l : lines)
    if (l.text.size() > limits.max_line_bytes)
      return make_error(errc::limit_exceeded,
                        fmt::format("dòng quá dài ({} byte, tối đa {})", l.text.size(), limits.max_line_bytes),
                        fmt::format("line too long ({} bytes, at most {})", l.text.size(), limits.max_line_bytes),
                        fmt::format("{}", l.number));

  ImportedText out{Report(catalog), {}, {}};
  const auto annex = find_annex(lines);
  const std::size_t prose_end = annex.value_or(lines.size());
  // The narrative's own text, numbered as in the file.
  std::string prose;
  for (std::size_t i = 0; i < prose_end; ++i) {
    prose += lines[i].text;
    prose += '\n';
  }
  out.narrative = parse_narrative(prose, *catalog, 1);
  if (annex) {
    read_annex(lines, *annex, *catalog, out.report, out.coverage);
  } else {
    for (const Row& row : catalog->rows())
      if (row.holds_value()) ++out.coverage.rows_expected;
    out.coverage.problems.push_back({"", 0, "không tìm thấy phụ lục số liệu (\"Phụ lục\" hoặc \"Biểu mẫu\")",
                                     "no statistical annex (\"Phụ lục\" or \"Biểu mẫu\") in the text"});
  }
  read_metadata(*nfc, lines, annex.value_or(lines.size()), lines.size(), *catalog, out.narrative,
                out.report.metadata());
  return out;
}

result<ImportedText> import_file(const std::filesystem::path& path,
                                 std::shared_ptr<const Catalog> catalog, TextLimits limits) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // A PDF file is held to the text's byte limit too, before poppler reads it.
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes)
    return make_error(errc::limit_exceeded,
                      fmt::format("tệp quá lớn ({} byte, tối đa {})", size, limits.max_bytes),
                      fmt::format("file too large ({} bytes, at most {})", size, limits.max_bytes),
                      path.string());
  result<std::string> text =
      ext == ".pdf" ? pdf_to_text(path) : read_file(path, limits.max_bytes);
  if (!text) return text.error();
  auto imported = import_text(*text, std::move(catalog), limits);
  if (!imported) return std::move(imported.error()).within(path.string());
  return imported;
}

std::vector<Finding> coverage_findings(const Coverage& coverage, const Report& report) {
  std::vector<Finding> out;
  for (const auto& p : coverage.problems) {
    Finding f;
    f.rule_id = "import.unread";
    f.severity = Severity::warning;
    f.line = p.line;
    const std::string prefix = p.address.empty() ? std::string() : p.address + ": ";
    f.message_vi = prefix;
    f.message_vi += p.reason_vi;
    f.message_en = prefix;
    f.message_en += p.reason_en;
    if (auto id = report.catalog().find(p.address)) f.rows = {FindingRow::of(report, *id)};
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<Finding> check_imported(const ImportedText& imported, const NarrativeCheckOptions& options) {
  auto out = coverage_findings(imported.coverage, imported.report);
  for (auto& f : check_narrative(imported.report, imported.narrative, options)) out.push_back(std::move(f));
  sort_findings(out, imported.report.catalog());
  return out;
}

std::string coverage_to_text(const Coverage& c, Language lang) {
  const bool vi = lang == Language::vi;
  const unsigned percent =
      c.rows_expected == 0 ? 0u : static_cast<unsigned>(c.rows_found * 100 / c.rows_expected);
  std::string out =
      vi ? fmt::format("Đọc được {}/{} dòng của phụ lục ({}%): {} có số liệu, {} để trống; {} vấn đề\n",
                       c.rows_found, c.rows_expected, percent, c.values, c.blanks, c.problems.size())
         : fmt::format("Read {}/{} annex rows ({}%): {} with a value, {} blank; {} problems\n",
                       c.rows_found, c.rows_expected, percent, c.values, c.blanks, c.problems.size());
  for (const auto& p : c.problems) {
    out += "  ";
    if (!p.address.empty()) out += p.address + " ";
    if (p.line) out += fmt::format("({} {}) ", vi ? "dòng" : "line", p.line);
    out += vi ? p.reason_vi : p.reason_en;
    out += '\n';
  }
  return out;
}

}  // namespace cchc
