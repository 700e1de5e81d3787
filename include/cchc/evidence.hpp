// SPDX-License-Identifier: MIT
// cchc/evidence.hpp: what reading a document established beside its values.
//
// A reader (text, PDF; later DOCX, XLSX, scans) gives a Report and its Evidence: how much of the
// annex it could read, and the narrative with its dates, citations and figures. Readers only
// gather evidence; the check pipeline (check.hpp) judges it, like any other rule.
//
//   auto imported = cchc::import_file("report.pdf").value();     // an ImportedText is an Evidence
//   auto findings = cchc::check(imported.report, rules, &imported).value();
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cchc/narrative.hpp"

namespace cchc {

/// A row the importer could not read, and why.
struct ImportProblem {
  std::string address;  ///< "B3:3.2", or "" for the whole annex
  std::size_t line = 0; ///< where it looked, when it knows
  std::string reason_vi;
  std::string reason_en;
};

/// A figure as OCR recognised it in a scan (scan.hpp), and how sure the recogniser was.
struct RecognizedFigure {
  std::size_t line = 0;  ///< its line in the scan's laid-out text
  std::string text;
  float confidence = 0;  ///< 0-100
};

/// How much of the annex the importer read.
struct Coverage {
  std::size_t rows_expected = 0;  ///< rows that hold a value in the catalogue
  std::size_t rows_found = 0;     ///< of those, rows found in the text
  std::size_t values = 0;         ///< rows found with a value
  std::size_t blanks = 0;         ///< rows found with no value printed
  std::vector<ImportProblem> problems;
  /// For text in pages (a PDF's, or text with form feeds): the first line of each page, in
  /// order; empty for text without pages and for Word and Excel files.
  std::vector<std::size_t> page_starts;
  /// For a scan: every word with a digit that OCR recognised, in order; empty for other documents.
  std::vector<RecognizedFigure> recognized;
  [[nodiscard]] bool complete() const noexcept {
    return rows_found == rows_expected && problems.empty();
  }
  /// The page (1-based) that `line` is on; 0 when the text has no pages or the line is unknown.
  [[nodiscard]] std::size_t page_of(std::size_t line) const noexcept {
    if (line == 0 || page_starts.empty()) return 0;
    std::size_t page = 0;
    for (std::size_t first : page_starts) {
      if (first > line) break;
      ++page;
    }
    return page;
  }
};

/// Everything a reader learnt about a document beyond its values.
struct Evidence {
  Coverage coverage;
  Narrative narrative;
};

}  // namespace cchc
