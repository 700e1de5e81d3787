// SPDX-License-Identifier: MIT
// cchc/derive.hpp: filling in what a report left blank but its own figures determine.
//
//   auto [filled, derived] = cchc::derive(report);
//   // derived[0]: B1:2 = "60" from 100 × B1:2.2 / B1:2.1
//
// Only blank rows are filled, never a reported value: a blank percentage whose numerator and
// denominator are reported (and the denominator is not 0), and a blank total whose partition
// parts are all reported. It repeats until nothing more follows, so a derived total can feed a
// ratio.
#pragma once

#include <string>
#include <vector>

#include "cchc/report.hpp"

namespace cchc {

/// One value that derive() filled in.
struct Derivation {
  RowId row;
  std::string address;  ///< "B1:2"
  std::string text;     ///< "60", as it is now written in the report
  std::string formula;  ///< "100 × B1:2.2 / B1:2.1", "B5:3.1 + B5:3.2"
  std::vector<RowId> from;
};

struct Derived {
  Report report;
  std::vector<Derivation> derivations;
};

/// Percentages are written with up to `max_decimals` decimals, without trailing zeros.
[[nodiscard]] Derived derive(const Report& report, int max_decimals = 2);

/// The value derive() would give `row`, if it is blank and derivable, without changing anything.
[[nodiscard]] std::optional<Derivation> derivable(const Report& report, RowId row,
                                                  int max_decimals = 2);

}  // namespace cchc
