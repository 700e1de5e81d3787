// SPDX-License-Identifier: MIT
// Checking: one report (C++ and C API), a batch on one thread and on every core, rule
// compilation, and as the physical reference a plain read of every value of the same batch.
//
//   build/release/bench/check_bench                       (CCHC_BENCH_REPORTS=100000 by default)
#include <benchmark/benchmark.h>

#include <thread>

#include <cchc/cchc.h>
#include <cchc/cchc.hpp>

#include "synthetic.hpp"

namespace {

using namespace cchc;

const Report& seed_report() {
  static const Report r = load_report(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").value();
  return r;
}

const std::vector<Report>& batch() {
  static const auto reports =
      bench::synthetic_batch(builtin_catalog(), bench::env_size("CCHC_BENCH_REPORTS", 100000));
  return reports;
}

void BM_CheckOneReport(benchmark::State& state) {
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  const Report& report = seed_report();
  for (auto _ : state) benchmark::DoNotOptimize(rules.check(report));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rules.size()));
  state.counters["rules"] = static_cast<double>(rules.size());
}
BENCHMARK(BM_CheckOneReport)->Unit(benchmark::kMicrosecond);

void BM_CheckOneReportCApi(benchmark::State& state) {
  cchc_catalog* catalog = nullptr;
  cchc_report* report = nullptr;
  cchc_ruleset* rules = nullptr;
  cchc_catalog_builtin(&catalog);
  cchc_report_load(&report, catalog, (std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").c_str());
  cchc_ruleset_builtin(&rules, catalog);
  size_t n = 0;
  cchc_ruleset_size(&n, rules);
  for (auto _ : state) {
    cchc_findings* f = nullptr;
    if (cchc_ruleset_check(&f, rules, report) != CCHC_OK) state.SkipWithError(cchc_last_error());
    cchc_findings_free(f);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
  cchc_ruleset_free(rules);
  cchc_report_free(report);
  cchc_catalog_free(catalog);
}
BENCHMARK(BM_CheckOneReportCApi)->Unit(benchmark::kMicrosecond);

void BM_CheckBatch(benchmark::State& state) {
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  const auto& reports = batch();
  const auto threads = static_cast<unsigned>(state.range(0) == 0 ? std::thread::hardware_concurrency()
                                                                 : state.range(0));
  std::size_t findings = 0;
  for (auto _ : state) {
    auto all = rules.check_all(reports, threads).value();
    findings = 0;
    for (const auto& f : all) findings += f.size();
    benchmark::DoNotOptimize(findings);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(reports.size() * rules.size()));
  state.counters["reports"] = static_cast<double>(reports.size());
  state.counters["threads"] = threads;
  state.counters["findings/report"] = static_cast<double>(findings) / static_cast<double>(reports.size());
}
BENCHMARK(BM_CheckBatch)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

// The floor: read every value of the batch once, as any checker must.
void BM_ScanBatch(benchmark::State& state) {
  const auto& reports = batch();
  const std::size_t rules = RuleSet::builtin(builtin_catalog()).size();
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (const Report& r : reports)
      for (const Value& v : r.values())
        if (const auto* c = std::get_if<Count>(&v)) sum += c->get();
    benchmark::DoNotOptimize(sum);
  }
  // Counted in the same items as BM_CheckBatch, so the two rates compare directly.
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(reports.size() * rules));
}
BENCHMARK(BM_ScanBatch)->Unit(benchmark::kMillisecond);

void BM_CompileBuiltinRules(benchmark::State& state) {
  const auto cat = builtin_catalog();
  std::size_t n = 0;
  for (auto _ : state) {
    const RuleSet rules = RuleSet::builtin(cat);
    n = rules.size();
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_CompileBuiltinRules)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
