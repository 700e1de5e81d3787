// SPDX-License-Identifier: MIT
// An Excel workbook's sheets as tables. A number is taken as its cell shows it: through the
// cell's number format, written the Vietnamese way.
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "cchc/number.hpp"
#include "in/office/readers.hpp"
#include "in/office/tables.hpp"

namespace cchc::detail::office {
namespace {

// Excel's built-in number formats that a writer may use without declaring them.
std::string builtin_format(int id) {
  switch (id) {
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 49: return "@";
    default: return "General";
  }
}

// A number as a cell with `format` shows it, in Vietnamese: "0.0" one decimal ("33,3"), "#,##0"
// grouped ("85.000.000"), "00" two digits at least ("02"), "%" times 100; "General" its shortest
// writing.
std::string shown(double v, std::string_view format) {
  // The part of a format for positive numbers, without colours, locales and quoted text.
  std::string f(format.substr(0, format.find(';')));
  std::string plain;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f[i] == '[') i = std::min(f.find(']', i), f.size());
    else if (f[i] == '"') i = std::min(f.find('"', i + 1), f.size());
    else plain += f[i];
  }
  const bool percent = plain.find('%') != std::string::npos;
  if (percent) v *= 100;
  const bool general = plain.empty() || plain == "General" || plain.find('0') == std::string::npos;
  const auto dot = plain.find('.');
  std::string digits;
  if (general) {
    // The shortest writing; a whole number below 2^53 as the integer it is.
    if (std::abs(v) < 9007199254740992.0 && v == std::floor(v)) digits = fmt::format("{}", static_cast<long long>(v));
    else digits = fmt::format("{}", v);
    if (digits.find('e') != std::string::npos) digits = fmt::format("{:f}", v);
  } else {
    std::size_t decimals = 0;
    if (dot != std::string::npos)
      while (dot + 1 + decimals < plain.size() && plain[dot + 1 + decimals] == '0') ++decimals;
    digits = fmt::format("{:.{}f}", v, decimals);
  }
  std::string whole = digits.substr(0, digits.find('.'));
  const std::string frac = digits.find('.') == std::string::npos ? "" : digits.substr(digits.find('.') + 1);
  const bool negative = whole.starts_with('-');
  if (negative) whole.erase(0, 1);
  if (!general) {
    const std::string int_part = plain.substr(0, dot);
    std::size_t zeros = 0;
    for (char c : int_part) zeros += c == '0';
    if (plain.find(',') == std::string::npos && whole.size() < zeros)
      whole.insert(0, zeros - whole.size(), '0');
    if (plain.find(',') != std::string::npos && whole.size() > 3) {
      std::string grouped;
      for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
        grouped += whole[i];
      }
      whole = grouped;
    }
  }
  return (negative ? "-" : "") + whole + (frac.empty() ? "" : "," + frac);
}

// "D12" → column 3 (0-based) and row 12.
bool cell_ref(std::string_view ref, std::size_t& col, std::size_t& row) {
  std::size_t i = 0;
  col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') col = col * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
  if (i == 0 || i == ref.size() || col > 16384) return false;
  row = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9' || row > 1048576) return false;
    row = row * 10 + static_cast<std::size_t>(ref[i] - '0');
  }
  --col;
  return true;
}

struct Styles {
  std::vector<std::string> formats;  // by cell style index
};

result<Styles> styles_of(const Package& p) {
  Styles s;
  if (!p.has("xl/styles.xml")) return s;
  auto doc = p.xml("xl/styles.xml");
  if (!doc) return doc.error();
  std::map<int, std::string> custom;
  const pugi::xml_node sheet = (*doc)->child("styleSheet");
  for (pugi::xml_node f : sheet.child("numFmts").children("numFmt"))
    custom[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
  for (pugi::xml_node xf : sheet.child("cellXfs").children("xf")) {
    const int id = xf.attribute("numFmtId").as_int();
    auto it = custom.find(id);
    s.formats.push_back(it != custom.end() ? it->second : builtin_format(id));
  }
  return s;
}

result<std::vector<std::string>> shared_strings(const Package& p) {
  std::vector<std::string> out;
  if (!p.has("xl/sharedStrings.xml")) return out;
  auto doc = p.xml("xl/sharedStrings.xml");
  if (!doc) return doc.error();
  for (pugi::xml_node si : (*doc)->child("sst").children("si")) out.push_back(text_of(si));
  return out;
}

// One sheet's rows, each as long as its last cell.
result<std::vector<TableRowIn>> sheet_rows(const Package& p, const std::string& part,
                                           const std::vector<std::string>& strings,
                                           const Styles& styles) {
  auto doc = p.xml(part);
  if (!doc) return doc.error();
  std::vector<TableRowIn> rows;
  for (pugi::xml_node r : (*doc)->child("worksheet").child("sheetData").children("row")) {
    TableRowIn row;
    row.line = r.attribute("r").as_uint();
    for (pugi::xml_node c : r.children("c")) {
      std::size_t col = 0, at = 0;
      if (!cell_ref(c.attribute("r").value(), col, at)) continue;
      if (col >= 1024) continue;  // far beyond any annex
      if (row.cells.size() <= col) row.cells.resize(col + 1);
      const std::string_view type = c.attribute("t").value();
      const char* v = c.child_value("v");
      std::string text;
      if (type == "s") {
        const auto i = static_cast<std::size_t>(std::strtoull(v, nullptr, 10));
        if (i < strings.size()) text = strings[i];
      } else if (type == "inlineStr") {
        text = text_of(c.child("is"));
      } else if (type == "str" || type == "e") {
        text = std::string(v);  // not operator=(const char*): GCC 12's false -Wrestrict at -O3
      } else if (type == "b") {
        text = std::string(std::string_view(v) == "1" ? "1" : "0");
      } else if (*v != '\0') {
        const auto s = static_cast<std::size_t>(c.attribute("s").as_uint());
        const std::string& format = s < styles.formats.size() ? styles.formats[s] : std::string("General");
        text = shown(std::strtod(v, nullptr), format);
      }
      row.cells[col] = std::move(text);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

result<ImportedText> read_xlsx(const Package& p, std::shared_ptr<const Catalog> catalog) {
  auto workbook = p.xml("xl/workbook.xml");
  if (!workbook) return workbook.error();
  auto rels = p.xml("xl/_rels/workbook.xml.rels");
  if (!rels) return rels.error();
  std::map<std::string, std::string> targets;
  for (pugi::xml_node r : (*rels)->child("Relationships").children("Relationship"))
    targets[r.attribute("Id").value()] = resolve("xl/", r.attribute("Target").value());
  auto strings = shared_strings(p);
  if (!strings) return strings.error();
  auto styles = styles_of(p);
  if (!styles) return styles.error();

  ImportedText out{{}, Report(catalog)};
  std::vector<TableIn> tables;
  for (pugi::xml_node s : (*workbook)->child("workbook").child("sheets").children("sheet")) {
    const std::string name = s.attribute("name").value();
    const auto target = targets.find(s.attribute("r:id").value());
    if (target == targets.end()) continue;
    auto rows = sheet_rows(p, target->second, *strings, *styles);
    if (!rows) return std::move(rows.error()).within(name);
    if (name == "cchc") {  // the metadata cchc keeps exactly
      for (const TableRowIn& r : *rows)
        if (r.cells.size() >= 2) keep_metadata(out, r.cells[0], r.cells[1]);
      continue;
    }
    TableIn t;
    t.form = form_number_in(name, *catalog);
    for (std::size_t i = 0; t.form == 0 && i < rows->size() && i < 5; ++i)
      for (const auto& cell : (*rows)[i].cells)
        if (t.form == 0) t.form = form_number_in(cell, *catalog);
    t.rows = std::move(*rows);
    tables.push_back(std::move(t));
  }
  read_tables(tables, *catalog, out.report, out.coverage);
  return out;
}

}  // namespace cchc::detail::office
