// SPDX-License-Identifier: MIT
// Internal: records of named cells into a Batch, for every tabular reader (CSV, Arrow). The
// column names are resolved once (row addresses, metadata fields); each record's cells go from
// their text straight into cells (parse_cell) and the batch's columns, with an "input.cell"
// finding for a cell that is not a value of its row's kind.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cchc/batch_input.hpp"

namespace cchc::detail {

/// "source:line", or "line N" without a source; the source alone for line 0 (no line).
[[nodiscard]] std::string where(std::string_view source, std::size_t line);
/// Without spaces and tabs at either end (and a '\r' at the end).
[[nodiscard]] std::string_view trim(std::string_view s);

/// One named column of a table of reports.
struct RecordColumn {
  std::optional<RowId> row;  ///< else a metadata field
  Kind kind = Kind::heading;
  std::string name;
};

class RecordReader {
 public:
  /// `source` names the input in errors and findings.
  RecordReader(const Catalog& catalog, std::string_view source)
      : catalog_(catalog), source_(source), cells_(catalog.size()) {}

  /// Resolves the column names (a header): every name a row address of the catalogue that
  /// holds values, or a metadata field, each at most once. `line` is where the names stand.
  [[nodiscard]] result<void> columns(std::span<const std::string_view> names, std::size_t line);
  [[nodiscard]] bool has_columns() const noexcept { return has_columns_; }
  [[nodiscard]] std::span<const RecordColumn> column_list() const noexcept { return columns_; }

  /// One record into the batch. A record whose width is not the header's is skipped and listed
  /// in `summary.skipped`. `keep_text[c]` false says column c's texts are canonical writings
  /// made by the reader (from numbers), never kept as written.
  void record(std::span<const std::string_view> fields, std::size_t line, Batch& batch,
              ReadSummary& summary, std::span<const bool> keep_text = {});

 private:
  [[nodiscard]] Finding cell_finding(std::size_t c, std::string_view text, const error& e,
                                     std::size_t line) const;

  const Catalog& catalog_;
  std::string_view source_;
  bool has_columns_ = false;
  std::vector<RecordColumn> columns_;
  std::vector<Cell> cells_;
  std::vector<std::size_t> kept_;
  std::vector<std::pair<std::size_t, error>> bad_;
};

}  // namespace cchc::detail
