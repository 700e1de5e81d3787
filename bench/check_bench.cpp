// SPDX-License-Identifier: MIT
// Checking: one report (C++ and C API), a batch on one thread and on every core, rule
// compilation, and as the physical reference a plain read of every value of the same batch.
//
//   build/release/bench/check_bench                       (CCHC_BENCH_REPORTS=100000 by default)
#include <benchmark/benchmark.h>

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <regex>
#include <set>
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

// The batches as columns, built once: what check_batch() reads.
const Batch& columns(std::int64_t valid) {
  static const auto build = [](const std::vector<Report>& reports) {
    Batch b(builtin_catalog());
    for (const Report& r : reports) (void)b.add(r);
    return b;
  };
  static const Batch synthetic = build(batch());
  static const Batch mostly_valid = build(valid_batch());
  return valid == 0 ? synthetic : mostly_valid;
}

unsigned threads_of(std::int64_t arg) {
  return static_cast<unsigned>(arg == 0 ? std::thread::hardware_concurrency() : arg);
}

// The columnar engine: per-rule counts and per-report statuses, as `cchc check --summary`.
void BM_CheckBatch(benchmark::State& state) {
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  const Batch& b = columns(state.range(1));
  BatchCheckOptions options;
  options.threads = threads_of(state.range(0));
  std::size_t failed = 0;
  for (auto _ : state) {
    auto result = check_batch(b, rules, options).value();
    failed = result.failed_reports();
    benchmark::DoNotOptimize(failed);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(b.size() * rules.size()));
  state.counters["reports"] = static_cast<double>(b.size());
  state.counters["threads"] = options.threads;
  state.counters["failed_reports"] = static_cast<double>(failed);
  state.counters["bytes/report"] =
      static_cast<double>(b.memory_bytes()) / static_cast<double>(std::max<std::size_t>(1, b.size()));
}
BENCHMARK(BM_CheckBatch)
    ->ArgsProduct({{1, 0}, {0, 1}})  // {threads: 1, every core} × {synthetic, mostly valid}
    ->ArgNames({"threads", "valid"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The same batch with every finding explained: the columnar engine hands each report that fails
// a rule to the tree evaluator for its findings.
void BM_CheckBatchFindings(benchmark::State& state) {
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  const Batch& b = columns(state.range(1));
  BatchCheckOptions options;
  options.threads = threads_of(state.range(0));
  std::atomic<std::size_t> findings = 0;
  options.on_findings = [&](std::size_t, std::span<const Finding> f) { findings += f.size(); };
  for (auto _ : state) {
    findings = 0;
    benchmark::DoNotOptimize(check_batch(b, rules, options).value());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(b.size() * rules.size()));
  state.counters["threads"] = options.threads;
  state.counters["findings/report"] =
      static_cast<double>(findings.load()) / static_cast<double>(std::max<std::size_t>(1, b.size()));
}
BENCHMARK(BM_CheckBatchFindings)
    ->ArgsProduct({{1, 0}, {0, 1}})
    ->ArgNames({"threads", "valid"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The report-at-a-time tree evaluator over the same reports (RuleSet::check_all), every finding
// built: the engine BM_CheckBatch measured before the columnar one.
void BM_CheckAllReports(benchmark::State& state) {
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  const auto& reports = state.range(1) == 0 ? batch() : valid_batch();
  const unsigned threads = threads_of(state.range(0));
  std::size_t findings = 0;
  for (auto _ : state) {
    auto all = rules.check_all(reports, threads).value();
    findings = 0;
    for (const auto& f : all) findings += f.size();
    benchmark::DoNotOptimize(findings);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(reports.size() * rules.size()));
  state.counters["threads"] = threads;
  state.counters["findings/report"] = static_cast<double>(findings) / static_cast<double>(reports.size());
  state.counters["bytes/report"] = bytes_per_report;
}
BENCHMARK(BM_CheckAllReports)
    ->ArgsProduct({{1, 0}, {0, 1}})
    ->ArgNames({"threads", "valid"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The floor: read every cell of the mostly valid batch's columns once (numbers and states), as
// any checker must. One thread.
void BM_ScanBatch(benchmark::State& state) {
  const Batch& b = columns(1);
  const std::size_t rules = RuleSet::builtin(builtin_catalog()).size();
  std::vector<std::int64_t> numbers(std::min<std::size_t>(b.size(), Batch::chunk_reports));
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (const Row& row : b.catalog().rows()) {
      if (!row.holds_value()) continue;
      for (std::size_t first = 0; first < b.size(); first += numbers.size()) {
        const std::size_t n = std::min(numbers.size(), b.size() - first);
        b.read_column(row.id, first, std::span(numbers).first(n));
        for (std::size_t i = 0; i < n; ++i) sum += numbers[i];
      }
    }
    benchmark::DoNotOptimize(sum);
  }
  // Counted in the same items as BM_CheckBatch, so the two rates compare directly.
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(b.size() * rules));
}
BENCHMARK(BM_ScanBatch)->Unit(benchmark::kMillisecond);

// A CSV of one report per line, the given rows as columns, each cell as the report has it.
std::pair<std::filesystem::path, std::size_t> write_csv(const std::vector<Report>& reports,
                                                       std::span<const RowId> columns,
                                                       const char* name) {
  const Catalog& cat = *builtin_catalog();
  std::string csv;
  for (RowId id : columns) {
    if (!csv.empty()) csv += ',';
    csv += cat.row(id).address();
  }
  csv += '\n';
  for (const Report& r : reports) {
    bool first = true;
    for (RowId id : columns) {
      if (!first) csv += ',';
      first = false;
      const std::string text = r.text(id);
      const bool quote = text.find(',') != std::string::npos;
      if (quote) csv += '"';
      csv += text;
      if (quote) csv += '"';
    }
    csv += '\n';
  }
  const auto path = std::filesystem::temp_directory_path() / name;
  (void)write_file(path, csv);
  return {path, csv.size()};
}

std::vector<RowId> value_rows(std::size_t at_most) {
  std::vector<RowId> out;
  for (const Row& row : builtin_catalog()->rows())
    if (row.holds_value() && out.size() < at_most) out.push_back(row.id);
  return out;
}

// Reads a CSV in pieces, checks each, adds up the per-rule counts: what
// `cchc check reports.csv --summary --threads T` does.
void check_csv_file(benchmark::State& state, const std::filesystem::path& path, std::size_t bytes,
                    const RuleSet& rules, unsigned threads) {
  BatchCheckOptions options;
  options.threads = threads;
  CsvOptions csv;
  csv.threads = threads;
  std::size_t reports = 0;
  for (auto _ : state) {
    BatchResult total;
    auto read = read_csv_file(
        path, rules.catalog_ptr(),
        [&](const Batch& piece, std::size_t) {
          auto r = check_batch(piece, rules, options);
          if (!r) return result<void>(r.error());
          accumulate(total, *r);
          return result<void>{};
        },
        csv);
    if (!read) state.SkipWithError(read.error().describe().c_str());
    else reports = read->reports;
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(reports));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.counters["reports"] = static_cast<double>(reports);
  state.counters["rules"] = static_cast<double>(rules.size());
}

// End to end: a CSV of every value row (113 columns), checked by every built-in rule. Arg: 0 the
// synthetic batch, 1 the mostly valid one. One thread here, every core in BM_CheckCsvEveryCore.
void check_csv(benchmark::State& state, unsigned threads) {
  static const auto every_row = value_rows(SIZE_MAX);
  static const auto synthetic = write_csv(batch(), every_row, "cchc-bench-synthetic.csv");
  static const auto mostly_valid = write_csv(valid_batch(), every_row, "cchc-bench-valid.csv");
  const auto& [path, bytes] = state.range(0) == 0 ? synthetic : mostly_valid;
  check_csv_file(state, path, bytes, RuleSet::builtin(builtin_catalog()), threads);
}
void BM_CheckCsv(benchmark::State& state) { check_csv(state, 1); }
void BM_CheckCsvEveryCore(benchmark::State& state) { check_csv(state, 0); }
BENCHMARK(BM_CheckCsv)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CheckCsvEveryCore)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// Issue 13's own workload, the one measured against R validate: 100 000 reports of 66 columns
// checked by 43 rules, end to end from the CSV on one core. The columns are the built-in
// catalogue's first 66 value rows; the rules are the first 43 structural rules (domains, ratios,
// sums, required rows, in the catalogue's order) that read only those columns and no earlier
// report, compiled from their source as `cchc check --no-builtin --rules` would.
RuleSet issue13_rules(std::span<const RowId> columns) {
  const auto cat = builtin_catalog();
  std::set<std::string> known;
  for (RowId id : columns) known.insert(cat->row(id).address());
  const std::string all = structural_rules_source(*cat);
  std::string source = "catalog \"" + cat->id() + "\"\n\n";
  const std::regex address(R"(B\d+:[0-9.]*[0-9])");
  std::size_t taken = 0;
  for (std::size_t at = all.find("rule \""); at != std::string::npos && taken < 43;) {
    const std::size_t end = all.find("\n}\n", at) + 3;
    const std::string block = all.substr(at, end - at);
    at = all.find("rule \"", end);
    if (block.find("prev(") != std::string::npos) continue;
    bool inside = true;
    for (std::sregex_iterator m(block.begin(), block.end(), address), e; m != e; ++m)
      inside = inside && known.count(m->str()) > 0;
    if (!inside) continue;
    source += block + "\n";
    ++taken;
  }
  return RuleSet::compile(source, cat, "issue13.rules").value();
}

void BM_CheckCsvIssue13(benchmark::State& state) {
  static const auto columns = value_rows(66);
  static const auto file = write_csv(valid_batch(), columns, "cchc-bench-issue13.csv");
  static const RuleSet rules = issue13_rules(columns);
  check_csv_file(state, file.first, file.second, rules, 1);
  state.counters["columns"] = static_cast<double>(columns.size());
}
BENCHMARK(BM_CheckCsvIssue13)->Unit(benchmark::kMillisecond)->UseRealTime();

// A Report on its own: the bytes one mended seed report holds (Report::memory_bytes(): the object
// and its heap). glibc's counters cannot measure it once it is small: its chunks come from the
// thread's cache, which mallinfo2() already counts as in use.
void BM_ReportBytes(benchmark::State& state) {
  const Report clean = load_report(report_path(1)).value();
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto copy = std::make_unique<Report>(clean);
    bytes = copy->memory_bytes();
    benchmark::DoNotOptimize(copy);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ReportBytes)->Unit(benchmark::kMicrosecond);

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
