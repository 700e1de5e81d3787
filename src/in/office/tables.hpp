// SPDX-License-Identifier: MIT
// Internal: the annex as tables, whichever file they came from. A Word or Excel reader hands over
// its tables as rows of cell texts; this reads them against the catalogue.
#pragma once

#include <string>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/evidence.hpp"
#include "cchc/report.hpp"
#include "in/form_heading.hpp"

namespace cchc::detail::office {

struct TableRowIn {
  std::vector<std::string> cells;  // as the document shows them
  std::size_t line = 0;            // the sheet's row number, or the row's place in the document
};

struct TableIn {
  int form = 0;  // from the heading before the table or the sheet's name; 0: unknown
  std::vector<TableRowIn> rows;
};

/// A form table's header row: a "TT" (or "STT") column and a "Số liệu" (or "Value") column.
[[nodiscard]] bool is_header_row(const TableRowIn& row);


/// Reads every table with a header row (a "TT" or "STT" column and a "Số liệu" or "Value"
/// column) into `report`. A row is matched by the address in an address column when the table
/// has one (cchc's own documents), else by its code within the table's form, in order, and a
/// label never overrides a code. What no row took, and rows no table had, go into `coverage`.
void read_tables(const std::vector<TableIn>& tables, const Catalog& catalog, Report& report,
                 Coverage& coverage);

}  // namespace cchc::detail::office
