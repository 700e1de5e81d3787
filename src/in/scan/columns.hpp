// SPDX-License-Identifier: MIT
// Internal: where a scanned page's ruled tables stand, and their columns.
#pragma once

#include <vector>

struct Pix;

namespace cchc::detail::scan {

struct Strip {
  int left = 0, top = 0, right = 0, bottom = 0;  // a table's column, between its rules
};

/// The columns of the ruled tables on a page, from `down`: the page's rules down, one bit a
/// pixel. A rule down a table runs through all its rows, so a table is a stretch of the page
/// that two rules down or more cover, and its columns are what stands between them. Strips come
/// table by table, left to right.
[[nodiscard]] std::vector<Strip> table_columns(Pix* down);

/// The lines of text in `strip`, from `ink` (one bit a pixel, rules taken out): bands of rows
/// with ink, split where a few rows have none; a band too low to be a line (a tone mark set
/// apart from its letter, a speck) joins the nearer of its neighbours. Each band is as wide as
/// its ink.
[[nodiscard]] std::vector<Strip> text_lines(Pix* ink, const Strip& strip);

}  // namespace cchc::detail::scan
