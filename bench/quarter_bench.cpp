// SPDX-License-Identifier: MIT
// The province's quarter (issue 15's targets), items per second:
//   BM_Consolidate            1 000 reports pooled in memory (reports/s)
//   BM_ConsolidateEndToEnd    1 000 reports from JSON Lines to the province's JSON, through a
//                             Batch's columns (as `cchc consolidate` reads them): ≤ 50 ms
//   BM_ArchiveAdd             reports added to an archive, one transaction a batch: ≥ 5 000/s
//   BM_Check / BM_CheckWithArchive   one report checked alone, and with its history taken from
//                             the archive: the difference is what --archive adds, ≤ 1 ms
//   BM_TenYearArchive         a province's 10 years (100 agencies × 4 periods × 10 years = 4 000
//                             reports) read from the archive and every report checked with its
//                             agency's history, all cross-period rules and outliers: ≤ 2 s
// CCHC_BENCH_REPORTS scales the report counts down (the smoke test uses 64).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <map>

#include <cchc/cchc.hpp>

#include "synthetic.hpp"

namespace {

using namespace cchc;
namespace fs = std::filesystem;

constexpr PeriodKind cycle[] = {PeriodKind::q1, PeriodKind::six_months, PeriodKind::q3,
                                PeriodKind::year};

// Counts of flow and cumulative rows grow through the year as the data windows do (Q3 counts
// only its own quarter), so that the history is what a real agency's is.
Report in_period(Report r, PeriodKind kind) {
  const std::int64_t flow = kind == PeriodKind::q1 ? 1 : kind == PeriodKind::six_months ? 2
                            : kind == PeriodKind::q3 ? 1 : 4;
  const std::int64_t cumulative = kind == PeriodKind::q1 ? 1 : kind == PeriodKind::six_months ? 2
                                  : kind == PeriodKind::q3 ? 3 : 4;
  for (const Row& row : r.catalog().rows()) {
    if (!row.measure || *row.measure == Measure::stock || row.kind != Kind::count) continue;
    if (const Cell c = r.cell(row.id); c.reported())
      (void)r.set(row.id, Value{Count{c.number * (*row.measure == Measure::flow ? flow : cumulative)}});
  }
  r.metadata().period->kind = kind;
  return r;
}

std::vector<Report> units(std::size_t n, Period period) {
  auto reports = bench::synthetic_batch(builtin_catalog(), n);
  for (std::size_t i = 0; i < reports.size(); ++i) {
    // std::string(…).append, not "literal" + string: GCC 12 -O3 warns falsely (-Wrestrict).
    reports[i].metadata().agency = {std::string("Đơn vị ").append(std::to_string(i)),
                                    std::string("U").append(std::to_string(i)),
                                    AgencyLevel::department};
    reports[i].metadata().province = "Sơn La";
    reports[i].metadata().period = period;
  }
  return reports;
}

std::size_t scaled(std::size_t n) { return std::min(n, bench::env_size("CCHC_BENCH_REPORTS", n)); }

fs::path scratch(std::string_view name) {
  const fs::path dir = fs::temp_directory_path() / std::string("cchc-bench-").append(std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path p = dir / name;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
  return p;
}

void BM_Consolidate(benchmark::State& state) {
  const auto reports = units(scaled(1000), {2024, PeriodKind::q1});
  for (auto _ : state) {
    auto c = consolidate(reports).value();
    benchmark::DoNotOptimize(c.report);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(reports.size()));
}
BENCHMARK(BM_Consolidate)->Unit(benchmark::kMillisecond);

void BM_ConsolidateEndToEnd(benchmark::State& state) {
  std::string lines;
  for (const Report& r : units(scaled(1000), {2024, PeriodKind::q1}))
    lines += report_to_json_line(r) + '\n';
  std::size_t n = 0;
  for (auto _ : state) {
    Batch batch(builtin_catalog());
    (void)read_jsonl(lines, batch).value();
    const std::string out = report_to_json(consolidate(batch).value().report);
    benchmark::DoNotOptimize(out.data());
    n = batch.size();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_ConsolidateEndToEnd)->Unit(benchmark::kMillisecond);

void BM_ArchiveAdd(benchmark::State& state) {
  const auto reports = units(scaled(1000), {2024, PeriodKind::q1});
  for (auto _ : state) {
    state.PauseTiming();
    auto db = Archive::open(scratch("add.db")).value();
    state.ResumeTiming();
    const auto added = db.add(reports).value();
    benchmark::DoNotOptimize(added.added);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(reports.size()));
}
BENCHMARK(BM_ArchiveAdd)->Unit(benchmark::kMillisecond);

// An archive of `agencies` agencies over `years` years ending in 2024, four reports a year.
std::vector<Report> province_years(std::size_t agencies, int years) {
  std::vector<Report> all;
  for (int y = 2024 - years + 1; y <= 2024; ++y) {
    const auto base = units(agencies, {y, PeriodKind::q1});
    for (const PeriodKind kind : cycle)
      for (const Report& r : base) all.push_back(in_period(r, kind));
  }
  return all;
}

struct TenYears {
  fs::path path = scratch("ten-years.db");
  std::vector<Report> reports = province_years(scaled(100), 10);
  TenYears() { (void)Archive::open(path).value().add(reports).value(); }
};
const TenYears& ten_years() {
  static const TenYears t;
  return t;
}

void BM_Check(benchmark::State& state) {
  const Report& r = ten_years().reports.back();  // the year 2024 of the last agency
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  for (auto _ : state) benchmark::DoNotOptimize(check(r, rules).value().size());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Check)->Unit(benchmark::kMicrosecond);

void BM_CheckWithArchive(benchmark::State& state) {
  const Report& r = ten_years().reports.back();
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  const auto db = Archive::open(ten_years().path).value();
  std::size_t earlier = 0;
  for (auto _ : state) {
    const History h = db.history(r).value();
    earlier = h.reports().size();
    benchmark::DoNotOptimize(check(r, rules, CheckContext{nullptr, &h}).value().size());
  }
  state.counters["history"] = static_cast<double>(earlier);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CheckWithArchive)->Unit(benchmark::kMicrosecond);

void BM_TenYearArchive(benchmark::State& state) {
  const fs::path path = ten_years().path;
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  std::size_t n = 0, cross = 0;
  for (auto _ : state) {
    const auto db = Archive::open(path).value();
    std::vector<Report> all = db.reports(builtin_catalog()).value();
    std::map<std::string, History, std::less<>> by_agency;
    for (const Report& r : all) by_agency[agency_key(r.metadata().agency)].add(r);
    cross = 0;
    for (const Report& r : all) {
      const auto found =
          check(r, rules, CheckContext{nullptr, &by_agency[agency_key(r.metadata().agency)]}).value();
      for (const Finding& f : found)
        cross += f.rule_id.starts_with("period.") || f.rule_id.starts_with("history.");
    }
    n = all.size();
  }
  state.counters["reports"] = static_cast<double>(n);
  state.counters["cross_period_findings"] = static_cast<double>(cross);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_TenYearArchive)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
BENCHMARK_MAIN();
