// SPDX-License-Identifier: MIT
// cchc/cell.hpp: a value in compact form, as a Batch stores it.
//
// A Cell is a value without its text: an integer (a percent's units, a pair's first half), a
// second integer for pairs, a scale (a percent's decimals) and a state. The text as written is
// needed only where it differs from the canonical writing of the number: "04", "85000000" and
// "7 / 7" are kept beside the cell, "4", "85.000.000" and "7/7" are not. The typed values of
// value.hpp are the face over cells: to_cell() and to_value() convert without loss.
//
//   cchc::Cell c = cchc::parse_cell("33,3", cchc::Kind::percent).value();  // {333, 0, 1, reported}
//   cchc::canonical_text(c, cchc::Kind::percent)                           // "33,3"
//   cchc::is_canonical("033,3", c, cchc::Kind::percent)                    // false: keep "033,3"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/kind.hpp"
#include "cchc/value.hpp"

namespace cchc {

/// Whether a cell holds a figure. Blank is not zero: two kinds of blank, and a cell whose text
/// could not be read as its row's kind (a batch keeps it, with a finding, rather than stop).
enum class CellState : std::uint8_t {
  reported,        ///< a figure
  not_reported,    ///< blank
  not_applicable,  ///< blank because the row does not apply ("x", "-" with that meaning)
  invalid,         ///< text that is not a value of the row's kind; the text is kept
};
[[nodiscard]] std::string_view to_string(CellState s) noexcept;

struct Cell {
  std::int64_t number = 0;  ///< count, money, yes/no, code; a percent's units; a pair's first
  std::int64_t second = 0;  ///< a pair's second half
  std::uint8_t scale = 0;   ///< a percent's decimals (at most Decimal::max_scale)
  CellState state = CellState::not_reported;

  [[nodiscard]] bool reported() const noexcept { return state == CellState::reported; }
  friend bool operator==(const Cell&, const Cell&) = default;
};

/// The cell of a value. An Absent value gives a blank cell of its reason.
[[nodiscard]] Cell to_cell(const Value& v) noexcept;

/// The canonical writing of a reported cell of `kind`: "35", "1.234", "33,3", "1", "0/0",
/// "85.000.000"; "" for a blank or an invalid cell.
[[nodiscard]] std::string canonical_text(const Cell& c, Kind kind);
/// True when `text` is exactly canonical_text(c, kind), so it need not be kept. No allocation.
[[nodiscard]] bool is_canonical(std::string_view text, const Cell& c, Kind kind) noexcept;

/// Reads a cell's text as `kind`, exactly as parse_value() does, without building a Value: a
/// blank is not_reported, and the error is parse_value()'s. No allocation on success.
[[nodiscard]] result<Cell> parse_cell(std::string_view text, Kind kind);

/// A cell read from its text, and whether the text is the cell's canonical writing.
struct ReadCell {
  Cell cell;
  bool canonical = false;  ///< the text is canonical_text(cell, kind): it need not be kept
};
/// parse_cell() and is_canonical() in one pass: what a reader of many cells calls. The usual
/// writings ("35", "1.234", "33,3", "7/7") are read digit by digit; anything else takes
/// parse_cell()'s path, so the answer and the errors are always parse_cell()'s.
[[nodiscard]] result<ReadCell> read_cell(std::string_view text, Kind kind);

/// The typed value of a cell of `row`. `written` is the text kept for it ("" when canonical);
/// for a blank it is the marker that stood in the cell, for an invalid cell its text (which
/// becomes a blank that keeps the text: a Report holds no unreadable values).
[[nodiscard]] Value to_value(const Cell& c, const Row& row, std::string_view written = {});

/// The text `v` was written as when it differs from the canonical writing of its cell, else "".
[[nodiscard]] std::string_view written_text(const Value& v, Kind kind);

}  // namespace cchc
