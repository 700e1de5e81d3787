// SPDX-License-Identifier: MIT
#include "cchc/derive.hpp"

#include <fmt/format.h>
#include "strings.hpp"

namespace cchc {
namespace {

bool blank_to_fill(const Value& v) {
  // "Not applicable" is the reporter's answer, not a gap.
  const auto* a = std::get_if<Absent>(&v);
  return a != nullptr && a->reason() == Absent::Reason::not_reported;
}

std::optional<Value> percent_of(const Count& part, const Count& whole, int max_decimals) {
  auto exact = pct(part, whole);
  if (!exact) return std::nullopt;
  auto d = round_to_decimal(*exact, max_decimals);
  if (!d) return std::nullopt;
  while (d->scale > 0 && d->units % 10 == 0) {
    d->units /= 10;
    --d->scale;
  }
  return Value{Percent(*d)};
}

// The sum of values of one kind, or nullopt when a part is blank or of another kind.
std::optional<Value> sum_of(const Report& r, const std::vector<RowId>& parts, Kind kind) {
  Value total;
  bool first = true;
  for (RowId id : parts) {
    const Value& v = r.value(id);
    if (kind_of(v) != kind) return std::nullopt;
    if (first) {
      // Rebuilt from the number, so the derived text is canonical ("2", not a part's "02").
      if (const auto* c = std::get_if<Count>(&v)) total = Count{c->get()};
      else if (const auto* p = std::get_if<Percent>(&v)) total = Percent{p->value()};
      else if (const auto* m = std::get_if<Money>(&v)) total = Money{m->dong()};
      else return std::nullopt;
      first = false;
      continue;
    }
    if (auto* c = std::get_if<Count>(&total)) *c += std::get<Count>(v);
    else if (auto* p = std::get_if<Percent>(&total)) *p = *p + std::get<Percent>(v);
    else if (auto* m = std::get_if<Money>(&total)) *m = *m + std::get<Money>(v);
  }
  if (first) return std::nullopt;
  return total;
}

}  // namespace

std::optional<Derivation> derivable(const Report& report, RowId id, int max_decimals) {
  const Catalog& cat = report.catalog();
  const Row& row = cat.row(id);
  if (!row.holds_value() || !blank_to_fill(report.value(id))) return std::nullopt;
  if (row.ratio) {
    const auto* part = std::get_if<Count>(&report.value(row.ratio->numerator));
    const auto* whole = std::get_if<Count>(&report.value(row.ratio->denominator));
    if (part && whole && whole->get() > 0 && part->ok()) {
      if (auto v = percent_of(*part, *whole, max_decimals))
        return Derivation{id, row.address(), text_of(*v),
                          fmt::format("100 × {} / {}", cat.row(row.ratio->numerator).address(),
                                      cat.row(row.ratio->denominator).address()),
                          {row.ratio->numerator, row.ratio->denominator}};
    }
  }
  for (const Sum& s : cat.sums()) {
    if (s.total != id || s.relation != Sum::Relation::equal) continue;
    if (auto v = sum_of(report, s.parts, row.kind)) {
      std::string formula;
      for (RowId p : s.parts) detail::join_into(formula, " + ", cat.row(p).address());
      return Derivation{id, row.address(), text_of(*v), std::move(formula), s.parts};
    }
  }
  return std::nullopt;
}

Derived derive(const Report& report, int max_decimals) {
  Derived out{report, {}};
  // A derived total may complete a ratio, so repeat until nothing more follows; each pass fills
  // at least one blank, so this ends.
  for (bool changed = true; changed;) {
    changed = false;
    for (const Row& row : report.catalog().rows()) {
      auto d = derivable(out.report, row.id, max_decimals);
      if (!d) continue;
      if (!out.report.set_text(row.id, d->text)) continue;
      out.derivations.push_back(std::move(*d));
      changed = true;
    }
  }
  return out;
}

}  // namespace cchc
