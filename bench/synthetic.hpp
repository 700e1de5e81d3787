// SPDX-License-Identifier: MIT
// Synthetic reports for the benchmarks: values drawn for every row of a catalogue, made
// consistent (sums add up, ratios match their parts), then about 10% of the reports given one
// inconsistency and about 3% of the values left blank. Deterministic for a seed.
#pragma once

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <cchc/cchc.hpp>

namespace cchc::bench {

inline std::size_t env_size(const char* name, std::size_t fallback) {
  const char* v = std::getenv(name);
  return v ? static_cast<std::size_t>(std::strtoull(v, nullptr, 10)) : fallback;
}

inline Report synthetic_report(const std::shared_ptr<const Catalog>& cat, std::mt19937_64& rng) {
  Report r(cat);
  auto pick = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  for (const Row& row : cat->rows()) {
    switch (row.kind) {
      case Kind::count: (void)r.set(row.id, Value{Count{pick(0, 400)}}); break;
      case Kind::money: (void)r.set(row.id, Value{Money{pick(0, 900) * 1000000}}); break;
      case Kind::yes_no: (void)r.set(row.id, Value{YesNo{pick(0, 1) == 1}}); break;
      case Kind::code:
        (void)r.set(row.id, Value{Code(row.codes.options()[static_cast<std::size_t>(
                                           pick(0, static_cast<std::int64_t>(row.codes.options().size()) - 1))].value,
                                       row.codes)});
        break;
      case Kind::pair: {
        const auto a = pick(0, 20);
        (void)r.set(row.id, Value{Pair(Count{a}, Count{a + pick(0, 40)})});
        break;
      }
      case Kind::percent:
        (void)r.set(row.id, Value{Percent(Decimal{pick(0, 10000), 2})});
        break;
      case Kind::heading: break;
    }
  }
  // Sums, twice so that a total feeding another total settles.
  for (int pass = 0; pass < 2; ++pass)
    for (const Sum& s : cat->sums()) {
      if (cat->row(s.total).kind != Kind::count) continue;
      std::int64_t total = 0;
      for (RowId p : s.parts) total += std::get<Count>(r.value(p)).get();
      if (s.relation == Sum::Relation::at_most) total += pick(0, 10);
      (void)r.set(s.total, Value{Count{total}});
    }
  for (const Row& row : cat->rows()) {
    if (!row.ratio) continue;
    const auto part = std::get<Count>(r.value(row.ratio->numerator));
    const auto whole = std::get<Count>(r.value(row.ratio->denominator));
    if (auto p = Percent::of(part, whole, static_cast<int>(pick(0, 2)))) (void)r.set(row.id, Value{*p});
    else r.clear(row.id);
  }
  // About one report in ten gets one inconsistency; a few values are left blank.
  if (pick(0, 9) == 0) {
    const Row& row = cat->rows()[static_cast<std::size_t>(pick(0, static_cast<std::int64_t>(cat->size()) - 1))];
    if (row.kind == Kind::count) (void)r.set(row.id, Value{Count{pick(401, 900)}});
    if (row.kind == Kind::percent) (void)r.set(row.id, Value{Percent(Decimal{pick(10001, 20000), 2})});
  }
  for (const Row& row : cat->rows())
    if (row.holds_value() && pick(0, 32) == 0) r.clear(row.id);
  return r;
}

inline std::vector<Report> synthetic_batch(const std::shared_ptr<const Catalog>& cat, std::size_t n,
                                           std::uint64_t seed = 2024) {
  std::mt19937_64 rng(seed);
  std::vector<Report> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(synthetic_report(cat, rng));
  return out;
}

}  // namespace cchc::bench
