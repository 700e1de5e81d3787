// SPDX-License-Identifier: MIT
// The table model as an Excel workbook (SpreadsheetML, written as text and zipped in memory): a
// sheet with the report's heading, one sheet per form, and one with the findings. Figures are
// stored as numbers with a display format that writes them as the report did ("02" as 2 shown
// "00", 33,3 as 33.3 shown "0.0"); codes and pairs are text, blanks are empty cells. Each form's
// rows carry their address in a hidden column, and a hidden sheet "cchc" holds the metadata
// exactly. Excel shows the separators of the reader's locale, so a Vietnamese Excel shows "33,3"
// and "85.000.000".
// SpreadsheetML itself (styles, sheets, comments, the package) is spreadsheet.cpp's.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cchc/render.hpp"
#include "out/render/spreadsheet.hpp"
#include "out/render/words.hpp"

namespace cchc {
namespace {

using namespace detail::spreadsheet;

Fill fill_of(const std::optional<Severity>& s) {
  if (!s) return Fill::none;
  return *s == Severity::error ? Fill::error : *s == Severity::warning ? Fill::warning : Fill::info;
}

// ---- Figures -------------------------------------------------------------------------------

// A number format that writes a figure as it was written: leading zeros kept ("02": "00"),
// thousands grouped or not ("85.000.000": "#,##0"; "85000000": "0"), a percent's decimals.
std::string number_format(std::string_view text, const Cell& cell, Kind kind) {
  if (kind == Kind::percent) return cell.scale == 0 ? "0" : fmt::format("0.{}", std::string(cell.scale, '0'));
  const bool grouped = text.find('.') != std::string_view::npos;
  const std::size_t digits = text.size() - (text.starts_with('-') ? 1 : 0);
  if (!grouped && digits > 1 && text[text.size() - digits] == '0') return std::string(digits, '0');
  return grouped || (kind == Kind::money && digits > 3) ? "#,##0" : "0";
}

// A double holds every integer up to 2^53 exactly; a larger figure stays text, to stay exact.
bool stored_as_number(const Cell& cell, Kind kind) {
  constexpr std::int64_t exact = std::int64_t{1} << 53;
  return cell.state == CellState::reported &&
         (kind == Kind::count || kind == Kind::money || kind == Kind::percent) && cell.number < exact &&
         cell.number > -exact;
}

// The figure in decimal with a point, exactly: 333 at scale 1 is "33.3".
std::string decimal_of(const Cell& cell) {
  const bool negative = cell.number < 0;
  std::string digits = std::to_string(negative ? -cell.number : cell.number);
  if (cell.scale > 0) {
    const auto scale = static_cast<std::size_t>(cell.scale);
    if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
    digits.insert(digits.size() - scale, 1, '.');
  }
  return negative ? "-" + digits : digits;
}

// A figure's cell: a number shown as written, text otherwise, empty when blank.
void figure(Sheet& ws, std::size_t row, std::size_t col, std::string_view text, const Cell& cell, Kind kind,
            const std::optional<Severity>& severity) {
  const bool number = stored_as_number(cell, kind);
  const Style style{.fill = fill_of(severity), .border = true, .align = Align::right_top,
                    .format = number ? number_format(text, cell, kind) : "@"};
  if (number) ws.number(row, col, decimal_of(cell), style);
  else if (!text.empty()) ws.text(row, col, text, style);
  else ws.blank(row, col, style);  // blank is not zero
}

const Style header{.font = Font::bold, .fill = Fill::header, .border = true, .wrap = true,
                   .align = Align::center_middle};

void form_sheet(std::vector<Sheet>& sheets, Styles& styles, const TableDocument& doc, const TableForm& form) {
  const std::string label = detail::document::form_label(doc.lang, form);
  Sheet& ws = sheets.emplace_back(sheet_name(label), styles);
  const auto& columns = doc.columns_of(form);
  const std::size_t last_col = columns.size() - 1;
  std::size_t row = 0;
  ws.text(row, 0, fmt::format("{} — {}", label, form.title), {.font = Font::title});
  ws.merge(row, 0, last_col);
  ++row;
  if (!form.subtitle.empty()) ws.text(row++, 0, form.subtitle, {.font = Font::italic});
  // The row addresses, in a hidden column after the table: what a program reading the workbook
  // back (cchc's own reader among them) matches rows by, whatever the labels say.
  const std::size_t address_col = last_col + 1;
  for (std::size_t c = 0; c <= last_col; ++c) ws.text(row, c, columns[c], header);
  ws.text(row, address_col, doc.lang == Language::en ? "address" : "địa chỉ");
  ws.freeze(++row);
  const std::size_t extras = doc.extra_columns(form);
  ws.width(0, 8);
  ws.width(1, extras ? 48 : 62);
  ws.width(2, extras ? 12 : 18);
  for (std::size_t c = 3; c <= 3 + extras; ++c) ws.width(c, 12);
  if (doc.notes) ws.width(4 + extras, 24);
  ws.width(address_col, 12, true);

  for (const TableRow& r : form.rows) {
    const bool heading = r.kind == Kind::heading;
    const Font font = heading ? Font::bold : Font::normal;
    std::string text = r.label;
    if (!r.description.empty()) text += "\n" + r.description;
    ws.text(row, 0, r.code, {.font = font, .border = true, .align = Align::center_top});
    ws.text(row, 1, text, {.font = font, .border = true, .wrap = true, .align = Align::left_top, .indent = r.level});
    const Style plain{.border = true, .wrap = true, .align = Align::left_top};
    ws.text(row, 2, r.unit, plain);
    figure(ws, row, 3, r.value, r.cell, r.kind, r.severity);
    for (std::size_t k = 0; k < extras && k < r.extra.size(); ++k)
      figure(ws, row, 4 + k, r.extra[k].text, r.extra[k].cell, r.extra[k].kind, std::nullopt);
    if (doc.notes) ws.text(row, 4 + extras, r.note, plain);
    ws.text(row, address_col, r.address);
    if (!r.findings.empty()) {
      std::string note;
      for (std::size_t f : r.findings)
        note += fmt::format("{}[{}] {}", note.empty() ? "" : "\n", f + 1, doc.findings[f].message(doc.lang));
      ws.comment(row, 3, std::move(note));
    }
    ++row;
  }
  for (const auto& f : form.footnotes) ws.text(++row, 0, f);
}

void heading_sheet(std::vector<Sheet>& sheets, Styles& styles, const TableDocument& doc) {
  const bool en = doc.lang == Language::en;
  Sheet& ws = sheets.emplace_back(en ? "Report" : "Báo cáo", styles);
  const Style bold{.font = Font::bold};
  ws.width(0, 22);
  ws.width(1, 70);
  const std::pair<std::string_view, const std::string*> lines[] = {
      {en ? "Agency" : "Cơ quan", &doc.agency},
      {en ? "Number" : "Số, ký hiệu", &doc.number},
      {en ? "Place and date" : "Địa danh, ngày", &doc.place_date},
      {en ? "Title" : "Tên loại", &doc.title},
      {en ? "Subject" : "Trích yếu", &doc.subtitle},
      {en ? "Signer's title" : "Chức vụ người ký", &doc.signer_title},
      {en ? "Signer" : "Người ký", &doc.signer},
      {en ? "Catalogue" : "Danh mục", &doc.catalog},
  };
  ws.text(0, 0, detail::document::nation, bold);
  ws.text(1, 0, detail::document::motto, bold);
  std::size_t row = 3;
  for (const auto& [name, value] : lines) {
    ws.text(row, 0, name, bold);
    ws.text(row++, 1, *value);
  }
}

void findings_sheet(std::vector<Sheet>& sheets, Styles& styles, const TableDocument& doc) {
  if (doc.findings.empty()) return;
  const auto& words = detail::document::words(doc.lang);
  const bool en = doc.lang == Language::en;
  Sheet& ws = sheets.emplace_back(sheet_name(std::string(words.findings)), styles);
  const std::string_view heads[] = {"#", en ? "severity" : "mức độ", en ? "rule" : "luật", en ? "rows" : "dòng",
                                    en ? "message" : "nội dung", en ? "expected" : "cần"};
  ws.width(2, 28);
  ws.width(3, 20);
  ws.width(4, 90);
  for (std::size_t c = 0; c < 6; ++c) ws.text(0, c, heads[c], header);
  ws.freeze(1);
  for (std::size_t i = 0; i < doc.findings.size(); ++i) {
    const Finding& f = doc.findings[i];
    std::string rows;
    for (const auto& r : f.rows) rows += (rows.empty() ? "" : ", ") + r.address;
    ws.number(i + 1, 0, std::to_string(i + 1));
    ws.text(i + 1, 1, words.severity(f.severity));
    ws.text(i + 1, 2, f.rule_id);
    ws.text(i + 1, 3, rows);
    ws.text(i + 1, 4, f.message(doc.lang));
    ws.text(i + 1, 5, f.expected);
  }
}

// The report's metadata exactly, field by field (report.hpp's names), in a hidden sheet "cchc":
// what reading the workbook back takes, whatever the visible sheets say.
void data_sheet(std::vector<Sheet>& sheets, Styles& styles, const TableDocument& doc) {
  Sheet& ws = sheets.emplace_back("cchc", styles);
  ws.hide();
  std::size_t row = 0;
  for (std::string_view field : metadata_fields()) {
    ws.text(row, 0, field);
    ws.text(row++, 1, metadata_field(doc.metadata, field).value());
  }
  ws.text(row, 0, "catalog.id");
  ws.text(row++, 1, doc.metadata.catalog_id);
  ws.text(row, 0, "catalog.version");
  ws.text(row, 1, doc.metadata.catalog_version);
}

}  // namespace

result<std::string> render_xlsx(const TableDocument& doc) {
  Styles styles;
  std::vector<Sheet> sheets;
  sheets.reserve(doc.forms.size() + 3);
  heading_sheet(sheets, styles, doc);
  for (const TableForm& form : doc.forms) form_sheet(sheets, styles, doc, form);
  findings_sheet(sheets, styles, doc);
  data_sheet(sheets, styles, doc);

  return workbook(sheets, styles, {doc.title + (doc.subtitle.empty() ? "" : " — " + doc.subtitle), doc.agency, doc.lang});
}

}  // namespace cchc
