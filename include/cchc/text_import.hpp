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
//   std::cout << cchc::coverage_to_text(imported.coverage, cchc::Language::en);
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/limits.hpp"
#include "cchc/finding.hpp"
#include "cchc/narrative.hpp"
#include "cchc/report.hpp"

namespace cchc {

/// A row the importer could not read, and why.
struct ImportProblem {
  std::string address;  ///< "B3:3.2", or "" for the whole annex
  std::size_t line = 0; ///< where it looked, when it knows
  std::string reason_vi;
  std::string reason_en;
};

/// How much of the annex the importer read.
struct Coverage {
  std::size_t rows_expected = 0;  ///< rows that hold a value in the catalogue
  std::size_t rows_found = 0;     ///< of those, rows found in the text
  std::size_t values = 0;         ///< rows found with a value
  std::size_t blanks = 0;         ///< rows found with no value printed
  std::vector<ImportProblem> problems;
  [[nodiscard]] bool complete() const noexcept {
    return rows_found == rows_expected && problems.empty();
  }
};

struct ImportedText {
  Report report;
  Coverage coverage;
  Narrative narrative;
};

/// Reads report text against `catalog`. Errors only for text that cannot be a report at all
/// (empty, not UTF-8, beyond the limits); anything else gives a result whose coverage says what
/// was read.
[[nodiscard]] result<ImportedText> import_text(std::string_view text,
                                               std::shared_ptr<const Catalog> catalog =
                                                   builtin_catalog(),
                                               TextLimits limits = {});

/// The text of a PDF, page by page in reading order like `pdftotext` (poppler-cpp); pages are
/// separated by form feeds.
[[nodiscard]] result<std::string> pdf_to_text(const std::filesystem::path& path);

/// import_text() of a .txt file, or of a .pdf through pdf_to_text(). Errors name the file.
[[nodiscard]] result<ImportedText> import_file(const std::filesystem::path& path,
                                               std::shared_ptr<const Catalog> catalog =
                                                   builtin_catalog(),
                                               TextLimits limits = {});

/// The coverage's problems as findings ("import.unread", warning), with their rows and lines,
/// so that a check of an imported report says what it could not read.
[[nodiscard]] std::vector<Finding> coverage_findings(const Coverage& coverage, const Report& report);

/// Everything a check of imported text finds beyond the rules: coverage_findings() and
/// check_narrative(), in canonical order.
[[nodiscard]] std::vector<Finding> check_imported(const ImportedText& imported,
                                                  const NarrativeCheckOptions& options = {});

/// "Đọc được 113/113 dòng (100%) …" and each problem with its line, in one language.
[[nodiscard]] std::string coverage_to_text(const Coverage& coverage, Language lang);

}  // namespace cchc
