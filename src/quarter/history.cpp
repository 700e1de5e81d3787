// SPDX-License-Identifier: MIT
#include "cchc/history.hpp"

#include <algorithm>

#include "rules/rule_set_impl.hpp"
#include "util/enum_names.hpp"

namespace cchc {
namespace {

constexpr detail::NameTable<HistoryScope, 3> scope_names{{
    {HistoryScope::within, "within"},
    {HistoryScope::year, "year"},
    {HistoryScope::last, "last"},
}};

Date cutoff(const Report& r) { return data_window(*r.metadata().period).last; }

}  // namespace

std::string_view to_string(HistoryScope s) noexcept { return detail::name_of(scope_names, s); }
std::optional<HistoryScope> history_scope_from_string(std::string_view s) noexcept {
  return detail::value_of(scope_names, s);
}

History::History(std::vector<Report> reports) : reports_(std::move(reports)) {}

void History::add(Report report) { reports_.push_back(std::move(report)); }

std::vector<const Report*> History::before(const Report& current) const {
  std::vector<const Report*> out;
  const auto& period = current.metadata().period;
  if (!period) return out;
  const std::string& who = agency_key(current.metadata().agency);
  if (who.empty()) return out;
  const Date end = cutoff(current);
  for (const Report& r : reports_) {
    if (!r.metadata().period || agency_key(r.metadata().agency) != who) continue;
    if (!detail::same_catalog(r.catalog(), current.catalog())) continue;
    if (cutoff(r) < end) out.push_back(&r);
  }
  // Oldest cut-off first; of two with one cut-off (Q2 and six months), the narrower first.
  std::stable_sort(out.begin(), out.end(), [](const Report* a, const Report* b) {
    const DateRange wa = data_window(*a->metadata().period), wb = data_window(*b->metadata().period);
    if (wa.last != wb.last) return wa.last < wb.last;
    return wa.first > wb.first;
  });
  return out;
}

std::vector<const Report*> History::select(const Report& current, HistoryScope scope) const {
  std::vector<const Report*> out = before(current);
  const auto& period = current.metadata().period;
  switch (scope) {
    case HistoryScope::within:
      std::erase_if(out, [&](const Report* r) {
        return !window_contains(*period, *r->metadata().period);
      });
      break;
    case HistoryScope::year:
      std::erase_if(out, [&](const Report* r) { return r->metadata().period->year != period->year; });
      break;
    case HistoryScope::last:
      if (out.size() > 1) out.erase(out.begin(), out.end() - 1);
      break;
  }
  return out;
}

}  // namespace cchc
