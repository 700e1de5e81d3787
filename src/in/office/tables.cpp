// SPDX-License-Identifier: MIT
#include "in/office/tables.hpp"

#include <algorithm>
#include <optional>
#include "util/regex.hpp"

#include <fmt/format.h>

#include "cchc/unicode.hpp"
#include "in/text/lines.hpp"
#include "util/strings.hpp"

namespace cchc::detail::office {
namespace {

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

std::string key(std::string_view s) { return to_upper(collapse_spaces(trimmed(s))); }

struct Columns {
  std::optional<std::size_t> code, value, note, address;
};

std::optional<Columns> header_of(const TableRowIn& row) {
  Columns c;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const std::string k = key(row.cells[i]);
    if (k == "TT" || k == "STT" || k == "NO.") c.code = i;
    else if (k == "SỐ LIỆU" || k == "VALUE" || k.starts_with("SỐ LIỆU ")) c.value = i;
    else if (k == "GHI CHÚ" || k == "NOTES") c.note = i;
    else if (k == "ĐỊA CHỈ" || k == "ADDRESS") c.address = i;
  }
  if (!c.code || !c.value) return std::nullopt;
  return c;
}

// "2." and "2" are one code; "Trong đó" and "" name no code.
std::string code_key(std::string_view code) {
  std::string k = trimmed(code);
  while (!k.empty() && k.back() == '.') k.pop_back();
  return k;
}

// "1", "2.1", "3.2.a", "IV": what a TT column holds for a row.
bool looks_like_code(std::string_view code) {
  static const detail::Regex pattern = detail::regex("([0-9]+|[IVX]+)(\\.[0-9a-zđ]+)*|[a-zđ]");
  return !code.empty() && code.size() < 16 && boost::regex_match(code.begin(), code.end(), pattern);
}

// The first `n` words of a label, in capitals and without punctuation after them: what a
// label typed again in a table is compared by.
std::string first_words(std::string_view text, std::size_t n) {
  std::string out;
  std::size_t count = 0;
  for (const auto& w : detail::text::words(key(text))) {
    std::string word = w;
    while (!word.empty() && std::string_view(".,:;").find(word.back()) != std::string_view::npos) word.pop_back();
    if (word.empty()) continue;
    if (count++ == n) break;
    if (!out.empty()) out += ' ';
    out += word;
  }
  return count >= 3 ? out : std::string();
}

// Our own documents append the numbers of a cell's findings: "33 [9]".
std::string value_text(std::string_view cell) {
  static const detail::Regex refs = detail::regex("(\\s*\\[[0-9]+\\])+\\s*$");
  return trimmed(boost::regex_replace(std::string(cell), refs, ""));
}


}  // namespace

bool is_header_row(const TableRowIn& row) { return header_of(row).has_value(); }

void read_tables(const std::vector<TableIn>& tables, const Catalog& cat, Report& report,
                 Coverage& coverage) {
  std::vector<bool> found(cat.rows().size(), false);
  for (const TableIn& table : tables) {
    std::optional<Columns> cols;
    std::size_t cursor = 0;  // rows of the form are met in order
    const Form* form = cat.form(table.form);
    for (const TableRowIn& row : table.rows) {
      if (!cols) {
        cols = header_of(row);
        continue;
      }
      auto cell = [&](std::optional<std::size_t> i) -> std::string {
        return i && *i < row.cells.size() ? row.cells[*i] : std::string();
      };
      std::optional<RowId> id;
      if (const std::string address = trimmed(cell(cols->address)); !address.empty()) {
        auto looked = cat.lookup(address);
        if (!looked) {
          coverage.problems.push_back({address, row.line, "địa chỉ dòng không có trong danh mục",
                                       "a row address the catalogue does not have"});
          continue;
        }
        id = *looked;
      } else if (cols->address) {
        continue;  // a table that names its rows: a row without an address is a note or footnote
      } else if (form != nullptr) {
        const std::string code = code_key(cell(cols->code));
        const auto rows = cat.rows(*form);
        // No code: a row printed without one ("Trong đó" and the rows under it) is known by its
        // label, among the next rows that have no code of their own; anything else (a wrapped
        // line, a footnote) is not a row of the form.
        if (!looks_like_code(code)) {
          const std::size_t label_col = *cols->code + 1;
          const std::string label = first_words(cell(label_col), 5);
          for (std::size_t k = cursor; !label.empty() && k < rows.size() && k < cursor + 4; ++k) {
            if (looks_like_code(code_key(rows[k].printed_code))) continue;
            if (first_words(rows[k].label, 5) == label) {
              id = rows[k].id;
              cursor = k + 1;
              break;
            }
          }
          if (!id) continue;
        }
        for (std::size_t k = cursor; !id && k < rows.size(); ++k)
          if (code_key(rows[k].printed_code) == code || rows[k].code == code) {
            id = rows[k].id;
            cursor = k + 1;
            break;
          }
        if (!id) {
          coverage.problems.push_back({fmt::format("B{}", form->number), row.line,
                                       fmt::format("mã \"{}\" không có trong biểu mẫu {}", code, form->number),
                                       fmt::format("code \"{}\" is not in form {}", code, form->number)});
          continue;
        }
      }
      if (!id) continue;  // a table of no known form, and no addresses
      const Row& r = cat.row(*id);
      if (found[id->index]) {
        coverage.problems.push_back({r.address(), row.line, "dòng xuất hiện hai lần", "the row appears twice"});
        continue;
      }
      found[id->index] = true;
      // Numeric entities can still spell what is not UTF-8 ("&#xD800;"): such a note is refused.
      if (const std::string note = trimmed(cell(cols->note)); !note.empty()) {
        if (is_valid_utf8(note)) report.set_note(*id, note);
        else coverage.problems.push_back({r.address(), row.line, "ghi chú không phải UTF-8 hợp lệ",
                                          "the note is not valid UTF-8"});
      }
      if (!r.holds_value()) continue;
      ++coverage.rows_found;
      report.set_source_line(*id, row.line);
      const std::string text = value_text(cell(cols->value));
      if (text.empty()) {
        ++coverage.blanks;
        continue;
      }
      if (auto set = report.set_text(*id, text); !set) {
        coverage.problems.push_back({r.address(), row.line, set.error().message_vi, set.error().message_en});
        continue;
      }
      ++coverage.values;
    }
  }
  for (const Row& r : cat.rows()) {
    if (!r.holds_value()) continue;
    ++coverage.rows_expected;
    if (!found[r.id.index])
      coverage.problems.push_back({r.address(), 0, "không tìm thấy dòng này trong tài liệu",
                                   "the row is not in the document"});
  }
}

}  // namespace cchc::detail::office
