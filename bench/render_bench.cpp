// SPDX-License-Identifier: MIT
// Writing documents (issue 16's targets): one report with its findings rendered in each format
// (reports/s; ≤ 1 ms a report for HTML, Markdown and CSV, ≤ 5 ms for XLSX and DOCX), and reports
// rendered to HTML files
// one after another, the file written each time (≥ 2 000 reports/s on one core).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include <cchc/cchc.hpp>

namespace {

using namespace cchc;

struct Seed {
  Report report = load_report(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").value();
  std::vector<Finding> findings = check(report, RuleSet::builtin(report.catalog_ptr())).value();
};
const Seed& seed() {
  static const Seed s;
  return s;
}

void BM_Render(benchmark::State& state) {
  const auto format = static_cast<RenderFormat>(state.range(0));
  RenderOptions o;
  o.findings = seed().findings;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = render(seed().report, format, o).value();
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetLabel(std::string(to_string(format)));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());  // reports
}
BENCHMARK(BM_Render)
    ->Arg(static_cast<int>(RenderFormat::html))
    ->Arg(static_cast<int>(RenderFormat::markdown))
    ->Arg(static_cast<int>(RenderFormat::csv))
    ->Arg(static_cast<int>(RenderFormat::json))
    ->Arg(static_cast<int>(RenderFormat::xlsx))
    ->Arg(static_cast<int>(RenderFormat::docx))
    ->Unit(benchmark::kMicrosecond);

// Many reports to HTML files: each its own file, as a portal's nightly job writes them.
void BM_RenderHtmlFiles(benchmark::State& state) {
  const auto dir = std::filesystem::temp_directory_path() / "cchc-render-bench";
  std::filesystem::create_directories(dir);
  RenderOptions o;
  o.findings = seed().findings;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::string html = render_html(table_model(seed().report, o).value());
    write_file(dir / ("report-" + std::to_string(i++ % 10000) + ".html"), html).value();
  }
  state.SetItemsProcessed(state.iterations());  // reports
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_RenderHtmlFiles)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
