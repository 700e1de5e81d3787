// SPDX-License-Identifier: MIT
// Outliers of stocks (Row::measure == stock) against the agency's own history: a figure that
// moved much more than it ever did is worth a look. Exact arithmetic throughout.
#include <algorithm>

#include <fmt/format.h>

#include "cchc/check.hpp"
#include "check/stages.hpp"

namespace cchc::detail {
namespace {

std::optional<Rational> figure(const Value& v) {
  if (!is_ok(v)) return std::nullopt;
  if (const auto* c = std::get_if<Count>(&v)) return Rational(c->get());
  if (const auto* m = std::get_if<Money>(&v)) return Rational(m->dong());
  if (const auto* p = std::get_if<Percent>(&v)) return p->value().to_rational();
  return std::nullopt;
}

Rational magnitude(const Rational& r) { return r < 0 ? Rational(-r) : r; }

}  // namespace

void append_outlier_findings(const Report& report, const History& history,
                             const OutlierOptions& options, std::vector<Finding>& out) {
  const std::vector<const Report*> earlier = history.before(report);
  if (earlier.empty()) return;
  for (const Row& row : report.catalog().rows()) {
    if (row.measure != Measure::stock) continue;
    const auto now = figure(report.value(row.id));
    if (!now) continue;
    // The row's figures in the history, oldest first, and the report the last one is from.
    std::vector<Rational> past;
    const Report* last = nullptr;
    for (const Report* r : earlier)
      if (auto v = figure(r->value(row.id))) {
        past.push_back(std::move(*v));
        last = r;
      }
    if (past.empty()) continue;
    const Rational change = magnitude(*now - past.back());
    const bool percent = row.kind == Kind::percent;
    if (percent ? change < options.min_points : change < options.min_change) continue;
    if (!percent && change * 100 < past.back() * options.min_percent) continue;
    Rational largest = 0;
    for (std::size_t i = 1; i < past.size(); ++i)
      largest = std::max(largest, magnitude(past[i] - past[i - 1]));
    if (past.size() >= 2 && change <= largest * options.factor) continue;

    Finding f;
    f.rule_id = fmt::format("history.outlier.{}", row.address());
    f.severity = Severity::warning;
    f.rows.push_back(FindingRow::of(report, row.id));
    f.rows.push_back(FindingRow::of(*last, row.id));
    f.rows.back().period = last->metadata().period;
    f.line = report.source_line(row.id).value_or(0);
    const std::string was = last->text(row.id), is = report.text(row.id);
    const Period& then = *last->metadata().period;
    const std::string steadier =
        past.size() >= 2
            ? fmt::format("; trước đó thay đổi nhiều nhất {}", format_rational(largest, percent ? 2 : 0))
            : std::string();
    const std::string steadier_en =
        past.size() >= 2
            ? fmt::format("; before, it never moved more than {}", format_rational(largest, percent ? 2 : 0))
            : std::string();
    f.message_vi = fmt::format("{} = {} so với {} ở báo cáo {}: thay đổi bất thường{}; đề nghị "
                               "kiểm tra lại",
                               row.address(), is, was, label_vi(then), steadier);
    f.message_en = fmt::format("{} = {} against {} in the report of {}: an unusual jump{}; please "
                               "verify",
                               row.address(), is, was, label_en(then), steadier_en);
    out.push_back(std::move(f));
  }
}

}  // namespace cchc::detail
