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

/// Everything a reader learnt about a document beyond its values.
struct Evidence {
  Coverage coverage;
  Narrative narrative;
};

}  // namespace cchc
