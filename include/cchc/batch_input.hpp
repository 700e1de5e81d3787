// SPDX-License-Identifier: MIT
// cchc/batch_input.hpp: many reports at once, from a CSV or JSON Lines file, into a Batch.
//
// A CSV holds one report per line. Its header names the columns: row addresses ("B1:3.3.1")
// and, optionally, metadata fields by the names of report.hpp ("agency.code", "period",
// "document.date"); a column may appear once. Cells are written as in a report ("33,3",
// "85.000.000", "0/0"; quote a cell that holds the separator, RFC 4180). The separator is
// ',', ';' or a tab, found from the header unless given. A line with a cell that cannot be read
// as its row's kind still becomes a report: the cell is kept as invalid, and the batch gets an
// "input.cell" finding with the line and the column, which check_batch() reports with the
// rules' findings. A line that cannot be a report at all (more or fewer cells than the header
// has columns) is skipped, and its error, with file and line, is listed in the summary. Only what
// makes the whole file unreadable (no header, an unknown or repeated column) is an error.
//
// JSON Lines holds one cchc.report/1 object per line (docs/report-json.md); a line that is not a
// report is skipped and listed the same way.
//
// Arrow: a struct array (an Arrow record batch, as pandas, polars, DuckDB or Spark export it
// through the C Data Interface, cchc/arrow.h) is a table with one report per element and one
// child per column, named as in a CSV header. Columns may be integers, booleans (yes/no rows),
// floats (taken at their shortest writing, so 33.3 is 33,3; NaN is blank), decimals (a
// percent's digits and scale), UTF-8 strings written as in a report, dictionary-encoded strings
// (pandas categoricals), and pairs as strings ("3/5") or as a fixed-size list of two integers
// ("+w:2"). A null is blank (not reported). Figures from numeric columns have no text as written.
// A null record is skipped and listed; a cell that is not a value of its row's kind is kept
// invalid with an "input.cell" finding, as in a CSV, at "arrow:N" (record N, 1-based).
//
// The *_file readers read in pieces of `chunk_reports` reports and hand each piece to a callback,
// then drop it: memory stays flat for any file size.
//
//   cchc::Batch batch(cchc::builtin_catalog());
//   cchc::read_csv(cchc::read_file("reports.csv").value(), batch, {}, "reports.csv").value();
//   auto result = cchc::check_batch(batch, cchc::RuleSet::builtin(batch.catalog_ptr())).value();
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "cchc/arrow.h"
#include "cchc/batch.hpp"
#include "cchc/error.hpp"
#include "cchc/limits.hpp"

namespace cchc {

struct CsvOptions {
  char separator = 0;  ///< ',', ';' or '\t'; 0: the one the header uses most, outside quotes
  /// read_csv_file(): threads reading pieces at once (0: every core). With more than one, as
  /// many pieces are read at once, each into its own batch, and handed to the sink in file
  /// order, one at a time, on the calling thread: the same reports, findings and summary as one
  /// thread gives, with memory for `threads` pieces. The pieces are full but at the end of the
  /// file, where the reports left are shared out evenly between the threads.
  unsigned threads = 1;
};

/// What a reader did.
struct ReadSummary {
  std::size_t reports = 0;         ///< reports added
  std::size_t lines = 0;           ///< lines read, the header included
  std::size_t input_findings = 0;  ///< cells that could not be read ("input.cell" findings)
  std::vector<error> skipped;      ///< lines that are not a report, each with file and line
};

/// Appends the reports of CSV `text` to `batch`. `source` names the file in errors and findings.
[[nodiscard]] result<ReadSummary> read_csv(std::string_view text, Batch& batch,
                                           const CsvOptions& options = {},
                                           std::string_view source = {});

/// Appends the reports of JSON Lines `text` to `batch`; blank lines are skipped. Each line is
/// read within `limits`; a line beyond them is skipped and listed like any line that is not a
/// report.
[[nodiscard]] result<ReadSummary> read_jsonl(std::string_view text, Batch& batch,
                                             std::string_view source = {},
                                             JsonLimits limits = {});

/// Appends the records of an Arrow struct array to `batch`, reading the arrays where they are;
/// they are borrowed: the caller still owns them and releases them. `source` names the input in
/// errors and findings. An array that breaks the C Data Interface's rules as far as they can be
/// checked (format, buffer counts, lengths, string offsets, UTF-8) is an error, and the batch
/// may then hold the records read before it.
[[nodiscard]] result<ReadSummary> read_arrow(const ArrowSchema& schema, const ArrowArray& array,
                                             Batch& batch, std::string_view source = "arrow");

/// Called with each piece of a file; the batch is emptied after it returns. An error stops the
/// reading and is returned.
using BatchSink = std::function<result<void>(const Batch& piece, std::size_t first_report)>;

/// Reads a CSV file in pieces of at most `chunk_reports` reports (lines keep their numbers in the
/// file, reports their index in it: `first_report` is the piece's first).
[[nodiscard]] result<ReadSummary> read_csv_file(const std::filesystem::path& path,
                                                std::shared_ptr<const Catalog> catalog,
                                                const BatchSink& sink,
                                                const CsvOptions& options = {},
                                                std::size_t chunk_reports = 65536);

/// Reads a JSON Lines file in pieces, as read_csv_file().
[[nodiscard]] result<ReadSummary> read_jsonl_file(const std::filesystem::path& path,
                                                  std::shared_ptr<const Catalog> catalog,
                                                  const BatchSink& sink,
                                                  std::size_t chunk_reports = 65536,
                                                  JsonLimits limits = {});

}  // namespace cchc
