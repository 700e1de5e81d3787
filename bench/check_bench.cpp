// SPDX-License-Identifier: MIT
// Checking: one report (C++ and C API), a batch on one thread and on every core, rule
// compilation, and as the physical reference a plain read of every value of the same batch.
//
//   build/release/bench/check_bench                       (CCHC_BENCH_REPORTS=100000 by default)
#include <benchmark/benchmark.h>

#include <malloc.h>

#include <algorithm>
#include <thread>

#include <cchc/cchc.h>
#include <cchc/cchc.hpp>

#include "synthetic.hpp"

namespace {

using namespace cchc;

// Arg 0: the seed report as printed (11 findings to explain). Arg 1: its mended copy, which
// checks clean: what a report generator sees once the figures are right.
std::string report_path(std::int64_t which) {
  return which == 0 ? std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json"
                    : std::string(CCHC_TEST_DATA_DIR) + "/clean-report.json";
}

// Heap bytes the batch holds per report, measured by glibc around its construction.
double bytes_per_report = 0;

const std::vector<Report>& batch() {
  static const auto reports = [] {
    const auto cat = builtin_catalog();  // loaded before measuring: shared by every report
    const std::size_t before = mallinfo2().uordblks;
    auto out = bench::synthetic_batch(cat, bench::env_size("CCHC_BENCH_REPORTS", 100000));
    bytes_per_report = static_cast<double>(mallinfo2().uordblks - before) /
                       static_cast<double>(std::max<std::size_t>(1, out.size()));
    return out;
  }();
  return reports;
}

void BM_CheckOneReport(benchmark::State& state) {
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  const Report report = load_report(report_path(state.range(0))).value();
  std::size_t findings = 0;
  for (auto _ : state) {
    auto f = rules.check(report);
    findings = f->size();
    benchmark::DoNotOptimize(f);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rules.size()));
  state.counters["rules"] = static_cast<double>(rules.size());
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_CheckOneReport)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_CheckOneReportCApi(benchmark::State& state) {
  cchc_catalog* catalog = nullptr;
  cchc_report* report = nullptr;
  cchc_ruleset* rules = nullptr;
  cchc_catalog_builtin(&catalog);
  cchc_report_load(&report, catalog, report_path(state.range(0)).c_str());
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
BENCHMARK(BM_CheckOneReportCApi)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Reports as a province receives them once most are right: copies of the mended seed report,
// one in ten with one figure changed so that a rule fails. (The synthetic batch has about 12
// findings per report, so its cost is mostly that of explaining findings.)
const std::vector<Report>& valid_batch() {
  static const auto reports = [] {
    const Report clean = load_report(report_path(1)).value();
    std::vector<Report> out(bench::env_size("CCHC_BENCH_REPORTS", 100000), clean);
    for (std::size_t i = 0; i < out.size(); i += 10)
      (void)out[i].set_text("B1:2.2", std::to_string(100 + i % 50));  // more done than planned
    return out;
  }();
  return reports;
}

void BM_CheckBatch(benchmark::State& state) {
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  const auto& reports = state.range(1) == 0 ? batch() : valid_batch();
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
  state.counters["bytes/report"] = bytes_per_report;
}
BENCHMARK(BM_CheckBatch)
    ->ArgsProduct({{1, 0}, {0, 1}})  // {threads: 1, every core} × {synthetic, mostly valid}
    ->ArgNames({"threads", "valid"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

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
    // What RuleSet::builtin() does once per process: generate and compile the structural rules,
    // then compile the built-in rule file.
    RuleSet rules = RuleSet::structural(cat);
    if (!rules.add_source(builtin_rules_source(), "builtin.rules")) state.SkipWithError("compile");
    n = rules.size();
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_CompileBuiltinRules)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
