// SPDX-License-Identifier: MIT
// cchc/history.hpp: an agency's earlier reports, for the checks that compare periods.
//
// Reports of a year count their data from 15/12 of the year before (Bộ Nội vụ 581/BNV-CCHC), so
// a flow counted over six months is at least the same flow counted over Q1, a cumulative figure
// ("lũy kế") never shrinks within the year, and a stock may move but rarely jumps. Rules read an
// earlier report's figure with prev(row) (docs/rules.md); a History says which earlier reports
// there are. It is filled by hand (`cchc check --previous`), or from an archive (archive.hpp).
//
//   cchc::History h;
//   h.add(cchc::load_report("skhcn-q1-2024.json").value());
//   auto findings = cchc::check(six_months, rules, {nullptr, &h}).value();
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cchc/report.hpp"

namespace cchc {

/// Which earlier reports of the agency a cross-period rule compares with.
enum class HistoryScope : std::uint8_t {
  within,  ///< the same year, a data window inside this report's (flows: Q1 for six months)
  year,    ///< the same year, a cut-off before this report's (cumulative figures)
  last,    ///< the most recent report with a cut-off before this report's (stocks)
};
[[nodiscard]] std::string_view to_string(HistoryScope s) noexcept;
[[nodiscard]] std::optional<HistoryScope> history_scope_from_string(std::string_view) noexcept;

/// Earlier reports of one or more agencies. Only reports of the checked report's agency
/// (agency_key), of the same template (id and version) and of another period are ever selected,
/// so a History may hold a whole province.
class History {
 public:
  History() = default;
  explicit History(std::vector<Report> reports);

  void add(Report report);
  [[nodiscard]] std::span<const Report> reports() const noexcept { return reports_; }
  [[nodiscard]] bool empty() const noexcept { return reports_.empty(); }

  /// The reports `scope` selects for `current`, oldest cut-off first (for `last`, at most one).
  /// A report without a period selects nothing and is never selected.
  [[nodiscard]] std::vector<const Report*> select(const Report& current, HistoryScope scope) const;
  /// Every report of `current`'s agency and template with a cut-off before its own, oldest first.
  [[nodiscard]] std::vector<const Report*> before(const Report& current) const;

 private:
  std::vector<Report> reports_;
};

}  // namespace cchc
