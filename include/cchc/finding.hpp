// SPDX-License-Identifier: MIT
// cchc/finding.hpp: what a check finds, as data.
//
// A Finding is not an error: it is a fact about a report that a rule established ("B4:3.2 = 33
// exceeds B4:3.1 = 25"). Each carries the rule's id and severity, the rows involved with their
// values as written, the expected value or interval, a message in Vietnamese and English, and a
// suggested fix when one follows.
//
//   for (const cchc::Finding& f : rules.check(report))
//     std::cout << f.rule_id << ": " << f.message(cchc::Language::en) << '\n';
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/catalog.hpp"

namespace cchc {

enum class Severity : std::uint8_t { info, warning, error };
[[nodiscard]] std::string_view to_string(Severity s) noexcept;
[[nodiscard]] std::optional<Severity> severity_from_string(std::string_view s) noexcept;

class Report;

/// A row a finding is about, with its value as written ("" and blank = true for a blank).
struct FindingRow {
  RowId row;
  std::string address;  ///< "B4:3.2"
  std::string text;     ///< "33"
  bool blank = false;
  /// The period of the earlier report the value comes from (a cross-period rule's prev(row));
  /// unset for the report checked.
  std::optional<Period> period;

  /// The row of `report`, with its current value.
  [[nodiscard]] static FindingRow of(const Report& report, RowId row);
  friend bool operator==(const FindingRow&, const FindingRow&) = default;
};

/// A suggested value for one row: set `address` to `text` ("60", "33,3").
struct Fix {
  RowId row;
  std::string address;
  std::string text;
  friend bool operator==(const Fix&, const Fix&) = default;
};

struct Finding {
  std::string rule_id;  ///< stable: "ratio.B1:2", "sum.B4:3.1[3.2]", "cross.public-units"
  Severity severity = Severity::error;
  std::vector<FindingRow> rows;
  std::string expected;  ///< "= 60", "≤ 25", "∈ [33,25; 33,35)", or "" when nothing follows
  std::string message_vi;
  std::string message_en;
  std::optional<Fix> fix;
  std::size_t line = 0;  ///< the line of the source text it is about, when imported; 0 if none

  [[nodiscard]] const std::string& message(Language lang) const noexcept {
    return lang == Language::vi ? message_vi : message_en;
  }
  friend bool operator==(const Finding&, const Finding&) = default;
};

/// Puts findings in their canonical order: by the catalogue position of their first row (those
/// with no row last), then by source line, then by rule id. check() already returns them so.
void sort_findings(std::vector<Finding>& findings, const Catalog& catalog);

/// True when any finding is an error.
[[nodiscard]] bool has_errors(std::span<const Finding> findings) noexcept;

/// Writing findings as text and JSON: output.hpp.

}  // namespace cchc
