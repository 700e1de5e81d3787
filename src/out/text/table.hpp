// SPDX-License-Identifier: MIT
// A terminal table that aligns Vietnamese text by display width, not bytes, and wraps long
// cells inside their column.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace cchc::detail {

class Table {
 public:
  enum class Align { left, right };
  struct Column {
    std::string header;
    std::size_t width;  ///< content columns, excluding padding
    Align align = Align::left;
  };

  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

  /// One row; a cell may contain '\n' to start a new paragraph. Cells beyond the columns are
  /// ignored, missing cells are blank.
  void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

  /// Box-drawn table, one line per terminal line, each ending in '\n'.
  [[nodiscard]] std::string render() const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace cchc::detail
