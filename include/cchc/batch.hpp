// SPDX-License-Identifier: MIT
// cchc/batch.hpp: many reports of one catalogue as columns, and checking them all at once.
//
// A province re-checks every agency's reports of several years when a rule changes. A Batch holds
// them as one column per catalogue row, in chunks of Batch::chunk_reports reports: each chunk
// stores a column's figures as offsets from the chunk's smallest value in the narrowest width
// that fits (0, 1, 2, 4 or 8 bytes), blanks as two bits per cell, and the text as written only
// where it differs from the canonical writing. Metadata fields are dictionary-coded.
//
// check_batch() runs a rule set over every report. The typed rule tree stays the one source of
// truth; each rule is lowered once to a program over columns, which decides most reports with
// 64-bit integer intervals and hands the few it cannot decide (a figure that outgrows 64 bits, a
// percentage with more than two decimals) to the exact evaluator. It gives the same answer as
// RuleSet::check on each report, and counts per rule: evaluated, passed, failed, skipped.
//
//   cchc::Batch batch(cchc::builtin_catalog());
//   for (const auto& r : reports) batch.add(r);
//   auto rules = cchc::RuleSet::builtin(batch.catalog_ptr());
//   cchc::BatchResult result = cchc::check_batch(batch, rules).value();
//   for (const auto& s : result.rules) std::cout << s.rule_id << ' ' << s.failed << '\n';
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/cell.hpp"
#include "cchc/error.hpp"
#include "cchc/finding.hpp"
#include "cchc/report.hpp"
#include "cchc/rules.hpp"

namespace cchc {

namespace detail {
struct BatchChunk;
struct BatchAccess;
}  // namespace detail

class Batch {
 public:
  /// Reports per chunk: a column of a chunk is decoded as one piece.
  static constexpr std::size_t chunk_reports = 4096;

  explicit Batch(std::shared_ptr<const Catalog> catalog);
  Batch(Batch&&) noexcept;
  Batch& operator=(Batch&&) noexcept;
  Batch(const Batch&);
  Batch& operator=(const Batch&);
  ~Batch();

  [[nodiscard]] const Catalog& catalog() const noexcept { return *catalog_; }
  [[nodiscard]] const std::shared_ptr<const Catalog>& catalog_ptr() const noexcept {
    return catalog_;
  }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

  /// Appends a report of this batch's catalogue (errc::invalid_argument for another one): its
  /// values, metadata and source lines. Notes are not kept. Returns its index.
  [[nodiscard]] result<std::size_t> add(const Report& report);
  /// Appends a report from its cells, one per catalogue row in catalogue order: errc::
  /// invalid_argument for another count, errc::kind_mismatch for a figure on a heading. The
  /// texts as written, metadata and lines can be set afterwards. Returns its index.
  [[nodiscard]] result<std::size_t> add(std::span<const Cell> cells);
  /// Appends a report with every row blank (not reported); fill it with set() and
  /// set_metadata_field(). Returns its index.
  std::size_t add_blank();

  /// The cell of one report's row. Requires report < size() and a row of the catalogue.
  [[nodiscard]] Cell cell(std::size_t report, RowId row) const;
  /// Decodes one row's column for reports [first, first + numbers.size()): the figures (a
  /// pair's first numbers, a percent's digits at the cell's scale) and, when `states` is not
  /// empty (it is then as long as `numbers`), each cell's state; a blank's figure reads 0. The
  /// fastest way to every figure of a row, for sums over many reports and for export.
  void read_column(RowId row, std::size_t first, std::span<std::int64_t> numbers,
                   std::span<CellState> states = {}) const;
  /// The text kept for a cell ("" when it is the canonical writing of the cell).
  [[nodiscard]] std::string_view written(std::size_t report, RowId row) const;
  /// Stores a cell. `written` is the text as written; it is kept only when it is not the
  /// cell's canonical writing. A reported cell on a heading row is errc::kind_mismatch.
  [[nodiscard]] result<void> set(std::size_t report, RowId row, const Cell& cell,
                                 std::string_view written = {});

  /// A metadata field by name, as metadata_field() (report.hpp) reads it from a Report.
  [[nodiscard]] result<std::string> metadata_field(std::size_t report, std::string_view field) const;
  /// Sets a metadata field; errors as set_metadata_field() (report.hpp).
  [[nodiscard]] result<void> set_metadata_field(std::size_t report, std::string_view field,
                                                std::string_view value);

  /// Where a report came from: its line in a CSV or JSONL file, 0 when unknown.
  [[nodiscard]] std::size_t source_line(std::size_t report) const;
  void set_source_line(std::size_t report, std::size_t line);
  /// The line one row's value was read from: the row's own (a report added from a text import
  /// keeps each row's line), else the report's.
  [[nodiscard]] std::size_t source_line(std::size_t report, RowId row) const;

  /// Problems met while reading a report into the batch (a cell that is not a value of its row's
  /// kind, "input.cell"), with the line and column; check_batch() reports them with the rules'.
  void add_input_finding(std::size_t report, Finding finding);
  struct InputFinding {
    std::size_t report = 0;
    Finding finding;
  };
  [[nodiscard]] std::span<const InputFinding> input_findings() const noexcept {
    return input_findings_;
  }

  /// Report `i` as a Report: the same values as written, metadata and source lines.
  [[nodiscard]] Report report(std::size_t i) const;

  /// Removes every report, keeping the metadata dictionaries (a reader reuses the batch).
  void clear() noexcept;

  /// Heap bytes the batch holds (columns, kept texts, metadata dictionaries), for sizing.
  [[nodiscard]] std::size_t memory_bytes() const noexcept;

 private:
  friend struct detail::BatchAccess;
  // Appends one report's cells (one per catalogue row; empty: every row blank), unchecked.
  std::size_t append(std::span<const Cell> cells);
  std::shared_ptr<const Catalog> catalog_;
  std::vector<Kind> kinds_;  // the rows' kinds, in catalogue order: read for every cell added
  std::vector<std::unique_ptr<detail::BatchChunk>> chunks_;
  std::size_t size_ = 0;
  std::vector<InputFinding> input_findings_;
  struct Dictionary;
  std::unique_ptr<Dictionary> metadata_;
};

/// One rule's counts over a batch.
struct RuleSummary {
  std::string rule_id;
  Severity severity = Severity::error;
  std::size_t evaluated = 0;  ///< reports the rule ran on (passed + failed)
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t skipped = 0;    ///< reports where a row it reads was blank (its missing policy)
  friend bool operator==(const RuleSummary&, const RuleSummary&) = default;
};

/// One report's outcome: how many findings of each severity.
struct ReportStatus {
  std::uint32_t errors = 0;
  std::uint32_t warnings = 0;
  std::uint32_t infos = 0;
  [[nodiscard]] bool clean() const noexcept { return errors == 0 && warnings == 0 && infos == 0; }
  friend bool operator==(const ReportStatus&, const ReportStatus&) = default;
};

struct BatchCheckOptions {
  unsigned threads = 0;  ///< 0: every core
  /// Called with each report's findings in canonical order, exactly as RuleSet::check() gives
  /// them, for reports that have any; findings are built only when this is set. Calls may come
  /// from several threads at once, in no particular order of reports.
  std::function<void(std::size_t report, std::span<const Finding> findings)> on_findings;
  /// Called now and then with the number of reports checked so far, from one thread at a time.
  std::function<void(std::size_t done)> on_progress;
};

struct BatchResult {
  /// One entry per rule of the set, in the set's order, then "input.cell" when the batch holds
  /// input findings.
  std::vector<RuleSummary> rules;
  std::vector<ReportStatus> reports;  ///< at each report's index
  std::size_t checked = 0;  ///< reports checked: reports.size(), unless `reports` was emptied
  [[nodiscard]] std::size_t failed_reports() const noexcept;
};

/// Checks every report of `batch` with `rules`, which must follow the batch's catalogue
/// (errc::invalid_argument otherwise).
[[nodiscard]] result<BatchResult> check_batch(const Batch& batch, const RuleSet& rules,
                                              const BatchCheckOptions& options = {});

/// Adds one batch's result to a running total: the rules' counts add up, the reports' statuses
/// are appended. For checking a file chunk by chunk with flat memory (a caller that counts the
/// statuses itself may empty `part.reports` first). A part without "input.cell" counts its
/// reports as passing it, so that the totals do not depend on where the file was cut.
void accumulate(BatchResult& total, const BatchResult& part);

}  // namespace cchc
