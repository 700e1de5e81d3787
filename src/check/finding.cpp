// SPDX-License-Identifier: MIT
#include "cchc/finding.hpp"

#include <algorithm>


#include "cchc/report.hpp"
#include "util/enum_names.hpp"

namespace cchc {
namespace {
constexpr detail::NameTable<Severity, 3> severity_names{{
    {Severity::info, "info"},
    {Severity::warning, "warning"},
    {Severity::error, "error"},
}};
}  // namespace

std::string_view to_string(Severity s) noexcept { return detail::name_of(severity_names, s); }
std::optional<Severity> severity_from_string(std::string_view s) noexcept {
  return detail::value_of(severity_names, s);
}

FindingRow FindingRow::of(const Report& report, RowId row) {
  return FindingRow{row, report.catalog().row(row).address(), report.text(row), report.blank(row),
                    std::nullopt};
}

void sort_findings(std::vector<Finding>& findings, const Catalog& catalog) {
  auto first_row = [&](const Finding& f) {
    return f.rows.empty() ? catalog.size() : std::size_t{f.rows.front().row.index};
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    const auto ra = first_row(a), rb = first_row(b);
    if (ra != rb) return ra < rb;
    if (a.line != b.line) return a.line < b.line;
    return a.rule_id < b.rule_id;
  });
}

bool has_errors(std::span<const Finding> findings) noexcept {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace cchc
