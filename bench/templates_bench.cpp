// SPDX-License-Identifier: MIT
// Templates (issue 17's target), items per second:
//   BM_LoadTemplates/100   a folder of 100 template folders, each a copy of the built-in
//                          department template (113 rows, its rule file) under its own id, read
//                          into a registry: catalogue, rules compiled, template.json: ≤ 20 ms
//   BM_LoadOneTemplate     one such folder (templates/s)
//   BM_Migrate             the seed report carried from 2022.1 to 2025.1 (reports/s)
//   BM_Score766            a Decision 766 report scored (reports/s)
// CCHC_BENCH_REPORTS scales the template count down (the smoke test uses 64: a handful).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include <cchc/cchc.hpp>

namespace {

using namespace cchc;
namespace fs = std::filesystem;

const fs::path source = fs::path(CCHC_EXAMPLE_DATA_DIR) / ".." / ".." / "templates" / "vn.sonla.snv-3981-2022.so-nganh";

// n copies of the department template, each its own id, in one folder (made once per run).
fs::path template_folder(int n) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("cchc-bench-templates-{}-{}", ::getpid(), n);
  if (fs::exists(dir)) return dir;
  const std::string catalog = read_file(source / "catalog.json").value();
  const std::string rules = read_file(source / "rules.rules").value();
  const std::string manifest = read_file(source / "template.json").value();
  const std::string id = "vn.sonla.snv-3981-2022.so-nganh";
  for (int i = 0; i < n; ++i) {
    const std::string mine = fmt::format("vn.bench.t{:03}", i);
    const fs::path t = dir / mine;
    fs::create_directories(t);
    std::string c = catalog, r = rules;
    c.replace(c.find(id), id.size(), mine);
    r.replace(r.find(id), id.size(), mine);
    write_file(t / "catalog.json", c).value();
    write_file(t / "rules.rules", r).value();
    write_file(t / "template.json", manifest).value();
  }
  return dir;
}

int scaled(int n) {
  const char* env = std::getenv("CCHC_BENCH_REPORTS");
  return env ? std::max(1, std::min(n, std::atoi(env) / 16)) : n;
}

void BM_LoadTemplates(benchmark::State& state) {
  const int n = scaled(static_cast<int>(state.range(0)));
  const fs::path dir = template_folder(n);
  for (auto _ : state) {
    Registry r;
    auto added = r.add_directory(dir);
    if (!added) state.SkipWithError(added.error().describe().c_str());
    benchmark::DoNotOptimize(r.templates().data());
  }
  state.SetItemsProcessed(state.iterations() * n);
  fs::remove_all(dir);
}
BENCHMARK(BM_LoadTemplates)->Arg(100)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LoadOneTemplate(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(load_template(source).value());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LoadOneTemplate)->Unit(benchmark::kMicrosecond);

void BM_Migrate(benchmark::State& state) {
  const Report seed = load_report(fs::path(CCHC_EXAMPLE_DATA_DIR) / "seed-report.json").value();
  const Registry& registry = Registry::builtin();
  for (auto _ : state) benchmark::DoNotOptimize(migrate(seed, registry, "2025.1").value());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Migrate)->Unit(benchmark::kMicrosecond);

void BM_Score766(benchmark::State& state) {
  const auto t = Registry::builtin().lookup("vn.qd-766-2022.chi-so-phuc-vu").value();
  const Report r = load_report(fs::path(CCHC_EXAMPLE_DATA_DIR) / "chi-so-766-q1-2025.json", t->catalog()).value();
  for (auto _ : state) benchmark::DoNotOptimize(score(r, *t).value());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Score766)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
