// SPDX-License-Identifier: MIT
// Reading and writing: JSON report parse and write (MB/s and reports/s), text import of the
// seed report (MB/s), import plus check of it, end to end, and an office suite's PDF (pages/s).
#include <benchmark/benchmark.h>

#include <cchc/cchc.hpp>

namespace {

using namespace cchc;

const std::string& seed_json() {
  static const std::string s = read_file(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").value();
  return s;
}
const std::string& seed_text() {
  static const std::string s = read_file(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.txt").value();
  return s;
}

void BM_JsonParse(benchmark::State& state) {
  const auto cat = builtin_catalog();
  for (auto _ : state) benchmark::DoNotOptimize(report_from_json(seed_json(), cat));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(seed_json().size()));
  state.SetItemsProcessed(state.iterations());  // reports
}
BENCHMARK(BM_JsonParse)->Unit(benchmark::kMicrosecond);

void BM_JsonWrite(benchmark::State& state) {
  const Report r = report_from_json(seed_json()).value();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string s = report_to_json(r);
    bytes = s.size();
    benchmark::DoNotOptimize(s.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_JsonWrite)->Unit(benchmark::kMicrosecond);

void BM_ImportSeedText(benchmark::State& state) {
  const auto cat = builtin_catalog();
  for (auto _ : state) benchmark::DoNotOptimize(import_text(seed_text(), cat));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(seed_text().size()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ImportSeedText)->Unit(benchmark::kMillisecond);

void BM_ImportAndCheckSeed(benchmark::State& state) {
  const auto cat = builtin_catalog();
  const RuleSet rules = RuleSet::builtin(cat);
  for (auto _ : state) {
    const ImportedText t = import_text(seed_text(), cat).value();
    auto findings = rules.check(t.report).value();
    auto text_findings = check_imported(t);
    benchmark::DoNotOptimize(findings.size() + text_findings.size());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(seed_text().size()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ImportAndCheckSeed)->Unit(benchmark::kMillisecond);

// A PDF an office suite typeset (14 pages: the seed's annex as a Word table, LibreOffice's PDF),
// read as cchc reads every PDF: its text extracted in reading order and by position, both
// imported and compared row by row (items: pages).
void BM_ImportOfficePdf(benchmark::State& state) {
  const std::string pdf = std::string(CCHC_TEST_DATA_DIR) + "/documents/annex-word.pdf";
  const auto cat = builtin_catalog();
  for (auto _ : state) benchmark::DoNotOptimize(import_pdf(pdf, cat));
  state.SetItemsProcessed(state.iterations() * 14);
}
BENCHMARK(BM_ImportOfficePdf)->Unit(benchmark::kMillisecond);

// A scanned page's own cost: the top half of the scan's first page as a JPEG (the heading and
// six rows of form 1), recognised on one thread and read (items: pages).
void BM_ImportScanPage(benchmark::State& state) {
  const std::string jpg = std::string(CCHC_TEST_DATA_DIR) + "/documents/annex-scan-page1.jpg";
  const auto cat = builtin_catalog();
  OcrOptions options;
  options.threads = 1;
  for (auto _ : state) benchmark::DoNotOptimize(import_scan(jpg, cat, {}, options));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ImportScanPage)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// The same annex printed and scanned at 300 dpi (14 pages, a PDF of JPEG pages with no text):
// every page rendered, recognised by OCR and read, pages side by side on every core (items:
// pages).
void BM_ImportScan(benchmark::State& state) {
  const std::string pdf = std::string(CCHC_TEST_DATA_DIR) + "/documents/annex-scan.pdf";
  const auto cat = builtin_catalog();
  for (auto _ : state) benchmark::DoNotOptimize(import_scan(pdf, cat));
  state.SetItemsProcessed(state.iterations() * 14);
}
BENCHMARK(BM_ImportScan)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
