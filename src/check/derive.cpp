// SPDX-License-Identifier: MIT
// derive(): the fixes of the catalogue's derivable.* rules, applied. The rules say when a blank
// is determined (rules/generate.cpp) and compute its value exactly; this file only writes it.
#include "cchc/derive.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "cchc/rules.hpp"
#include "rules/fixes.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

constexpr std::string_view prefix = "derivable.";

bool blank_to_fill(const Value& v) {
  // "Not applicable" is the reporter's answer, not a gap.
  const auto* a = std::get_if<Absent>(&v);
  return a != nullptr && a->reason() == Absent::Reason::not_reported;
}

// The structural rules of the report's catalogue; the built-in set is compiled once a process.
RuleSet rules_for(const Report& report) {
  const auto& catalog = report.catalog_ptr();
  return catalog == builtin_catalog() ? RuleSet::builtin(catalog) : RuleSet::structural(catalog);
}

// The exact value written as the row's kind: canonical text ("2", not a part's "02"), and a
// percentage with at most `max_decimals` decimals and no trailing zeros.
std::optional<Value> written(const Rational& exact, Kind kind, int max_decimals) {
  if (kind == Kind::percent) {
    auto d = round_to_decimal(exact, max_decimals);
    // A figure beyond 18 digits is no figure to write (Decimal::max_units).
    if (!d || d->units > Decimal::max_units || d->units < -Decimal::max_units) return std::nullopt;
    while (d->scale > 0 && d->units % 10 == 0) {
      d->units /= 10;
      --d->scale;
    }
    return Value{Percent(*d)};
  }
  if (denominator(exact) != 1) return std::nullopt;
  const BigInt n = numerator(exact);
  if (n > BigInt(Decimal::max_units) || n < BigInt(-Decimal::max_units)) return std::nullopt;
  const auto i = n.convert_to<std::int64_t>();
  if (kind == Kind::count) return Value{Count(i)};
  if (kind == Kind::money) return Value{Money(i)};
  return std::nullopt;
}

// How the value follows, for people: "100 × B1:2.2 / B1:2.1", "B5:3.1 + B5:3.2", with the
// rows it follows from (numerator first for a ratio).
std::pair<std::string, std::vector<RowId>> formula(const Catalog& cat, const Row& row,
                                                   const std::vector<RowId>& rule_rows) {
  if (row.ratio)
    return {fmt::format("100 × {} / {}", cat.row(row.ratio->numerator).address(),
                        cat.row(row.ratio->denominator).address()),
            {row.ratio->numerator, row.ratio->denominator}};
  std::string out;
  for (RowId p : rule_rows) detail::join_into(out, " + ", cat.row(p).address());
  return {std::move(out), rule_rows};
}

std::optional<Derivation> to_derivation(const Report& report, const detail::ExactFix& fix,
                                        int max_decimals) {
  const Catalog& cat = report.catalog();
  const Row& row = cat.row(fix.row);
  if (fix.rule_id != std::string(prefix) + row.address()) return std::nullopt;
  if (!row.holds_value() || !blank_to_fill(report.value(fix.row))) return std::nullopt;
  auto v = written(fix.value, row.kind, max_decimals);
  if (!v) return std::nullopt;
  auto [text, from] = formula(cat, row, fix.from);
  return Derivation{fix.row, row.address(), text_of(*v), std::move(text), std::move(from)};
}

}  // namespace

std::optional<Derivation> derivable(const Report& report, RowId id, int max_decimals) {
  const RuleSet rules = rules_for(report);
  const std::string rule_id = std::string(prefix) + report.catalog().row(id).address();
  for (const auto& fix : detail::failing_fixes(rules, report, rule_id))
    if (auto d = to_derivation(report, fix, max_decimals)) return d;
  return std::nullopt;
}

Derived derive(const Report& report, int max_decimals) {
  Derived out{report, {}};
  const RuleSet rules = rules_for(report);
  // A derived total may complete a ratio, so repeat until nothing more follows; each pass fills
  // at least one blank, so this ends.
  for (bool changed = true; changed;) {
    changed = false;
    auto fixes = detail::failing_fixes(rules, out.report, prefix);
    std::stable_sort(fixes.begin(), fixes.end(),
                     [](const auto& a, const auto& b) { return a.row < b.row; });  // catalogue order
    for (const auto& fix : fixes) {
      auto d = to_derivation(out.report, fix, max_decimals);
      if (!d || !out.report.set_text(d->row, d->text)) continue;
      out.derivations.push_back(std::move(*d));
      changed = true;
    }
  }
  return out;
}

}  // namespace cchc
