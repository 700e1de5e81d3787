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

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/batch.hpp"
#include "cchc/cell.hpp"
#include "cchc/error.hpp"
#include "cchc/finding.hpp"
#include "cchc/report.hpp"
#include "cchc/rules.hpp"

namespace cchc {

/// A figure in a column after the value column: a batch summary's rows have several (evaluated,
/// passed, failed, skipped, the share failed).
struct TableValue {
  std::string text;  ///< as written, the Vietnamese way ("1.204", "2,5"), "" when blank
  Cell cell;         ///< the figure: number, scale and state
  Kind kind = Kind::count;
  friend bool operator==(const TableValue&, const TableValue&) = default;
};

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
  /// The figures of the columns after the value column, in order (TableDocument::columns names
  /// them); none in a report's forms.
  std::vector<TableValue> extra;
  std::string note;         ///< the "Ghi chú" column
  std::vector<std::size_t> findings;  ///< indices into TableDocument::findings
  /// The most severe of the row's findings, if any.
  std::optional<Severity> severity;
};

/// One form (Biểu mẫu) as a table.
struct TableForm {
  int number = 0;
  /// The table's name in a heading or a sheet's tab; "" for "Biểu mẫu N" ("Form N"). A table that
  /// is not a form of the catalogue (a summary's, a score's) names itself.
  std::string label;
  std::string title;     ///< in the document's language
  std::string title_en;  ///< in English, or "" (a Vietnamese document may show it beside)
  std::string subtitle;  ///< a printed qualifier, or ""
  /// Its own columns, when they are not the document's (a summary's totals have one figure a
  /// row, its rules five); empty: TableDocument::columns.
  std::vector<std::string> columns;
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
  /// The columns: TT, Chỉ tiêu thống kê, Đơn vị tính, Số liệu, one per extra figure of the rows
  /// (TableRow::extra), and Ghi chú when `notes`.
  std::vector<std::string> columns;
  bool notes = false;
  /// The columns of `form`: its own, or the document's.
  [[nodiscard]] const std::vector<std::string>& columns_of(const TableForm& form) const noexcept {
    return form.columns.empty() ? columns : form.columns;
  }
  /// How many columns of figures follow the value column (TableRow::extra) in `form`.
  [[nodiscard]] std::size_t extra_columns(const TableForm& form) const noexcept {
    const std::size_t fixed = 4 + (notes ? 1 : 0);
    const std::size_t n = columns_of(form).size();
    return n > fixed ? n - fixed : 0;
  }
  /// The most extra columns of any form (a single table of every form, as CSV, has them all).
  [[nodiscard]] std::size_t extra_columns() const noexcept {
    std::size_t most = 0;
    for (const TableForm& f : forms) most = std::max(most, extra_columns(f));
    return most;
  }
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
/// finding's cell is coloured and carries its messages as a comment. Written as SpreadsheetML and
/// zipped in memory (no temporary file); errc::internal only if libzip fails.
[[nodiscard]] result<std::string> render_xlsx(const TableDocument& doc);

/// A Word document (the bytes of a .docx file): A4 in the layout of Decree 30/2020/NĐ-CP (issuer
/// and number beside the national name and motto, place and date, title), each form a table whose
/// header row repeats on every page, labels indented by depth, findings shaded on their cells,
/// numbered after the forms, and the signature block. Each value cell holds a bookmark named
/// after its row ("B4:1.4" is "B4_1_4"). Written with pugixml, zipped in memory with libzip.
[[nodiscard]] result<std::string> render_docx(const TableDocument& doc);

/// What a batch summary counts besides the rules.
struct SummaryTotals {
  std::size_t reports = 0;        ///< reports checked
  std::size_t with_findings = 0;  ///< reports with at least one finding
  std::size_t with_errors = 0;    ///< reports with at least one error
  std::size_t unreadable = 0;     ///< inputs that could not be read (not among `reports`)
};

/// The model of a batch check's summary (what `cchc check --summary` prints), for the same
/// writers as a report: a table "Theo luật kiểm tra" (by rule) whose rows are the rules (TT, the
/// rule id with its message template under it, the severity, then the reports it was evaluated
/// on, passed, failed, skipped and the share failed in %), and a table of the totals. `rules`
/// (may be null) gives each rule's message template; the share is blank for a rule evaluated on
/// no report.
[[nodiscard]] TableDocument summary_table_model(std::span<const RuleSummary> summary, const SummaryTotals& totals,
                                                const RuleSet* rules = nullptr, Language lang = Language::vi);
/// The same from a check_batch() result.
[[nodiscard]] TableDocument summary_table_model(const BatchResult& result, const RuleSet* rules = nullptr,
                                                Language lang = Language::vi);

/// A model written in `format` (html, md, csv, xlsx, docx). errc::invalid_argument for json, which
/// writes reports (cchc.report/1), not models.
[[nodiscard]] result<std::string> render(const TableDocument& doc, RenderFormat format);

/// table_model() then the format's writer: text, or the bytes of a binary format (XLSX, DOCX). JSON is
/// the report itself (cchc.report/1, lossless; the options do not apply).
[[nodiscard]] result<std::string> render(const Report& report, RenderFormat format,
                                         const RenderOptions& options = {});

}  // namespace cchc
