// SPDX-License-Identifier: MIT
// cchc/text_import.hpp: reading a report as it comes, from the text of its signed PDF.
//
// import_text() reads what `pdftotext` prints for a report (or what cchc extracts from the PDF
// itself with poppler): the annex rows, matched against the catalogue whatever the line wrapping,
// page breaks, repeated table headers and footnotes; the metadata (agency, period, number,
// symbol, date, signer); and the narrative (narrative.hpp). Every value keeps the line it was
// read from. It never guesses: a row it cannot read, or reads two figures for, is reported in
// the coverage with its line and the reason, and left blank.
//
//   auto imported = cchc::import_file("report.pdf").value();
//   std::cout << cchc::coverage_to_text(imported.coverage, cchc::Language::en);  // output.hpp
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/limits.hpp"
#include "cchc/ocr_options.hpp"
#include "cchc/check.hpp"
#include "cchc/evidence.hpp"
#include "cchc/finding.hpp"
#include "cchc/report.hpp"

namespace cchc {

/// A report read from text, with its evidence (coverage and narrative).
struct ImportedText : Evidence {
  Report report;
};

/// Reads report text against `catalog`. Errors only for text that cannot be a report at all
/// (empty, not UTF-8, beyond the limits); anything else gives a result whose coverage says what
/// was read.
[[nodiscard]] result<ImportedText> import_text(std::string_view text,
                                               std::shared_ptr<const Catalog> catalog =
                                                   builtin_catalog(),
                                               TextLimits limits = {});

/// How a PDF's text is put in order.
enum class PdfTextOrder : std::uint8_t {
  reading,  ///< `pdftotext`'s default: blocks in reading order (a table cell by cell)
  layout,   ///< `pdftotext -layout`: by position, each line of the page as one line of text
};

/// The text of a PDF, page by page (poppler-cpp); pages are separated by form feeds.
[[nodiscard]] result<std::string> pdf_to_text(const std::filesystem::path& path,
                                              PdfTextOrder order = PdfTextOrder::reading);

/// A PDF read twice. The narrative and the metadata come from its text in reading order. The
/// annex comes from its text laid out by position: an office suite's table, read in reading
/// order, puts a row's unit and value before its label when the label wraps to two lines, and
/// the figures land in the wrong rows; by position each row keeps its lines. A row that the two
/// orders read as two different figures is left unread and reported, never guessed. Annex lines
/// are those of the laid-out text (`pdftotext -layout`).
/// A PDF with no text on any page is a scan, read by OCR with `ocr` (scan.hpp).
[[nodiscard]] result<ImportedText> import_pdf(const std::filesystem::path& path,
                                              std::shared_ptr<const Catalog> catalog = builtin_catalog(),
                                              TextLimits limits = {}, const OcrOptions& ocr = {});

/// import_text() of a text file, import_pdf() of a PDF, import_office() of a Word or
/// Excel file, import_scan() of a page image; chosen by content (input.hpp). `ocr` is how a
/// scan is recognised. Errors name the file.
[[nodiscard]] result<ImportedText> import_file(const std::filesystem::path& path,
                                               std::shared_ptr<const Catalog> catalog =
                                                   builtin_catalog(),
                                               TextLimits limits = {}, const OcrOptions& ocr = {});

/// What the importer did with one row of the catalogue that holds a value.
struct RowReading {
  enum class Status : std::uint8_t {
    value,    ///< read: a figure, as written
    blank,    ///< found, with no figure printed
    unread,   ///< found, but its figure could not be told (a problem says why)
    missing,  ///< not found in the document
  };
  std::string address;        ///< "B1:2.1"
  Status status = Status::missing;
  std::string value;          ///< as written, for a value
  std::size_t line = 0;       ///< where it was read or looked: a line of the text, a sheet's row
                              ///< in Excel, a table row's place in Word; 0 when unknown
  std::size_t page = 0;       ///< that line's page, for text in pages (a PDF); else 0
  /// For a scan (scan.hpp): how sure OCR was of the figure (0-100), the least sure of its parts
  /// for "7 / 7"; -1 for a row without a recognised figure and for other documents.
  float confidence = -1;
  std::string reason_vi;      ///< why, for unread and missing
  std::string reason_en;
};
[[nodiscard]] std::string_view to_string(RowReading::Status s) noexcept;

/// Row by row, in catalogue order, what `imported` read, from where, and what it could not.
[[nodiscard]] std::vector<RowReading> row_readings(const ImportedText& imported);
/// coverage_to_json() (output.hpp: "cchc.coverage/1") with "rows": each row's reading, {"row",
/// "status": "value"|"blank"|"unread"|"missing", "value", "line", "page", "reason": {"vi", "en"}}
/// (fields that do not apply left out). `cchc import --format json` prints it.
[[nodiscard]] std::string import_to_json(const ImportedText& imported);

/// Everything a check of imported text finds beyond the rules: check_evidence() (check.hpp).
[[nodiscard]] std::vector<Finding> check_imported(const ImportedText& imported,
                                                  const CheckOptions& options = {});

/// Writing the coverage as text and JSON: output.hpp.

}  // namespace cchc
