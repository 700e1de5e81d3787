// SPDX-License-Identifier: MIT
// cchc/render.hpp: documents for people and report generators, from one table model.
//
// A report becomes a TableDocument: the heading block of the signed report (agency, number and
// symbol, place and date, title, signer), then each form (Biểu mẫu) as a table whose rows carry
// the code as printed, the label, the unit and the value as it was written, the Vietnamese way
// ("33,3", "85.000.000", "04/04"), their depth in the form, the figure itself for writers that
// store numbers as numbers, and the findings about them. Every writer reads that model and
// nothing else, so a row shows the same in every format.
//
//   auto report = cchc::load_report("report.json").value();
//   auto findings = cchc::check(report, cchc::RuleSet::builtin(report.catalog_ptr())).value();
//   cchc::RenderOptions o;
//   o.findings = findings;                       // attached to the cells they are about
//   std::string html = cchc::render(report, cchc::RenderFormat::html, o).value();
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/cell.hpp"
#include "cchc/error.hpp"
#include "cchc/finding.hpp"
#include "cchc/report.hpp"

namespace cchc {

/// One row of a form, as printed.
struct TableRow {
  RowId row;
  std::string address;      ///< "B1:2.1"
  std::string code;         ///< the TT column as printed: "2.1", "4.", "" for a sub-row
  std::string label;        ///< in the document's language, with footnote marks (superscript)
  std::string description;  ///< printed under the label, or ""
  std::string unit;         ///< as printed
  std::string value;        ///< as written ("04", "33,3", "0/0"), "" when blank
  Kind kind = Kind::heading;
  Cell cell;                ///< the figure: number, second, scale and state
  int level = 0;            ///< 0 for a top-level row, 1 for its children, ...
  std::string note;         ///< the "Ghi chú" column
  std::vector<std::size_t> findings;  ///< indices into TableDocument::findings
  /// The most severe of the row's findings, if any.
  std::optional<Severity> severity;
};

/// One form (Biểu mẫu) as a table.
struct TableForm {
  int number = 0;
  std::string title;     ///< in the document's language
  std::string title_en;  ///< in English, or "" (a Vietnamese document may show it beside)
  std::string subtitle;  ///< a printed qualifier, or ""
  std::vector<TableRow> rows;
  std::vector<std::string> footnotes;  ///< "¹ text", in the order of their marks
};

/// A report as the documents cchc writes show it.
struct TableDocument {
  Language lang = Language::vi;
  std::string agency;         ///< "Sở Khoa học và Công nghệ"
  std::string period;         ///< "Quý I năm 2024" ("Q1 2024"), or ""
  /// "Báo cáo số 94/BC-SKHCN ngày 12/03/2024" ("Report No. 94/BC-SKHCN of 12/03/2024"), or "".
  std::string reference;
  std::string number;         ///< "Số: 94/BC-SKHCN" ("No. 94/BC-SKHCN")
  std::string place_date;     ///< "Sơn La, ngày 12 tháng 3 năm 2024" ("Sơn La, 12/03/2024")
  std::string title;          ///< "BÁO CÁO"
  std::string subtitle;       ///< "Kết quả thực hiện công tác cải cách hành chính Quý I năm 2024"
  std::string signer_title;   ///< "GIÁM ĐỐC"
  std::string signer;         ///< "Lưu Bình Khiêm"
  std::string catalog;        ///< "vn.sonla.snv-3981-2022.so-nganh 2022.1"
  /// The columns: TT, Chỉ tiêu thống kê, Đơn vị tính, Số liệu, and Ghi chú when a row has a note.
  std::vector<std::string> columns;
  bool notes = false;
  std::vector<TableForm> forms;
  /// The report's metadata as it is, for formats that keep it exactly (XLSX, DOCX), so that
  /// reading them back loses nothing.
  Metadata metadata;
  /// Those given, in their order; for one form, those about its rows.
  std::vector<Finding> findings;
};

/// The formats there are writers for.
enum class RenderFormat : std::uint8_t { html, markdown, csv, json, xlsx, docx };
[[nodiscard]] std::string_view to_string(RenderFormat f) noexcept;
[[nodiscard]] std::optional<RenderFormat> render_format_from_string(std::string_view s) noexcept;
/// "html", "md", "csv", "json", "xlsx", "docx".
[[nodiscard]] std::span<const std::string_view> render_formats() noexcept;

struct RenderOptions {
  Language lang = Language::vi;       ///< headings, labels and messages; numbers stay Vietnamese
  int form = 0;                       ///< only this form, or 0 for all
  std::span<const Finding> findings;  ///< attached to the cells of the rows they name
};

/// The model of `report`. errc::not_found for a form the catalogue does not have.
[[nodiscard]] result<TableDocument> table_model(const Report& report,
                                                const RenderOptions& options = {});

/// One self-contained HTML file (lang="vi"): the forms as <table>s, findings highlighted on
/// their cells and listed with their messages, print CSS for A4.
[[nodiscard]] std::string render_html(const TableDocument& doc);
/// GitHub-flavoured Markdown: a heading and a pipe table per form, findings as a list.
[[nodiscard]] std::string render_markdown(const TableDocument& doc);
/// RFC 4180 CSV, one row per form row: form, address, code, label, unit, value (as written),
/// note, and findings (their rule ids) when there are any. A UTF-8 byte-order mark first, so
/// that spreadsheet programs read the Vietnamese text right.
[[nodiscard]] std::string render_csv(const TableDocument& doc);

/// An Excel workbook (the bytes of an .xlsx file): a sheet with the report's heading, a sheet per
/// form (frozen header row, column widths, labels indented by depth) and one with the findings.
/// Counts, money and percentages are numbers whose display format writes them as the report did
/// (leading zeros, grouping, decimals); codes and pairs are text; a blank is an empty cell; a
/// finding's cell is coloured and carries its messages as a comment. errc::io_error when the
/// temporary file libxlsxwriter writes cannot be made.
[[nodiscard]] result<std::string> render_xlsx(const TableDocument& doc);

/// A Word document (the bytes of a .docx file): A4 in the layout of Decree 30/2020/NĐ-CP (issuer
/// and number beside the national name and motto, place and date, title), each form a table whose
/// header row repeats on every page, labels indented by depth, findings shaded on their cells,
/// numbered after the forms, and the signature block. Each value cell holds a bookmark named
/// after its row ("B4:1.4" is "B4_1_4"). Written with pugixml, zipped in memory with libzip.
[[nodiscard]] result<std::string> render_docx(const TableDocument& doc);

/// table_model() then the format's writer: text, or the bytes of a binary format (XLSX, DOCX). JSON is
/// the report itself (cchc.report/1, lossless; the options do not apply).
[[nodiscard]] result<std::string> render(const Report& report, RenderFormat format,
                                         const RenderOptions& options = {});

}  // namespace cchc
