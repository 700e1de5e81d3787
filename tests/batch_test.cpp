// SPDX-License-Identifier: MIT
#include "cchc/batch.hpp"

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <sstream>

#include "cchc/json.hpp"
#include "support/random_report.hpp"

namespace cchc {

namespace {

// One line per finding, so that a difference between the evaluators reads as text.
std::string describe(const Finding& f) {
  std::ostringstream s;
  std::ostringstream* os = &s;
  *os << f.rule_id << " [" << to_string(f.severity) << "] " << f.expected << " rows:";
  for (const FindingRow& r : f.rows) *os << ' ' << r.address << '=' << (r.blank ? "_" : r.text);
  *os << " line " << f.line << ": " << f.message_en;
  if (f.fix) *os << " fix " << f.fix->address << '=' << f.fix->text;
  return s.str();
}

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) out += describe(f) + "\n";
  return out;
}

std::shared_ptr<const Catalog> kinds_catalog() {
  return load_catalog(std::string(CCHC_TEST_DATA_DIR) + "/kinds-catalog.json").value();
}

const Report& clean_report() {
  static const Report r =
      load_report(std::string(CCHC_TEST_DATA_DIR) + "/clean-report.json").value();
  return r;
}

// Rules that reach every operation of the language, every missing policy, decimals in literals
// and divisions, on the built-in catalogue.
constexpr std::string_view every_operation = R"(
rule t.mul { check B1:4.2 * 2 <= B1:4.1 * 3 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.div { missing zero
  check B1:4.2 / B1:4.1 <= 1 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.div-decimal { check B1:4.2 / 2.5 < B1:4.1 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.neg { check -B1:4.2 <= 1000 - B1:4.3 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.pct-literal { missing skip_all
  check pct(B1:4.2, B1:4.1) >= 12.5 or B1:2 > 50.25 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.not-in { check not (B1:6.2 in {0, 2}) or B1:6 == 1 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.implies { check if present(B1:5.1) then B1:5.2 <= B1:5.1 + 0.5 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.percent-sum { severity warning
  check B1:2 + B1:3.3 <= 150 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.percent-scaled { severity info
  check B1:2 * 2 >= B1:3.3 - 10.125 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.percent-eq { check B1:2 == B1:3.3 or B1:2 != 50 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.pair { missing zero
  check first(B3:3.2) + second(B3:3.3) >= second(B3:3.2) - 3 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.absent { check absent(B1:3.1) or B1:3.1 > B1:3.2 and B1:3.1 >= 0 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.wide-sum { check B1:4.2 + B1:4.2 + B1:4.2 + B1:4.2 + B1:4.2 + B1:4.2 + B1:4.2 + B1:4.2
  + B1:4.2 + B1:4.2 >= 0 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.percent-touch { check B1:2 >= B7:4.3 - 39 vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
rule t.boolean { check true and (false or B1:1 < 7) vi "lỗi {B1:4.2}" en "failed {B1:4.2}" }
)";

// Reports that push the columnar evaluator to its edges: random ones, the mended seed with one
// figure changed, figures too large for 64-bit intermediates, percentages with three decimals.
std::vector<Report> edge_reports(const std::shared_ptr<const Catalog>& catalog, std::uint64_t seed,
                                 int n) {
  testing::RandomReports gen(seed);
  std::mt19937_64 rng(seed);
  std::vector<Report> out;
  const bool builtin = catalog == builtin_catalog();
  for (int i = 0; i < n; ++i) {
    Report r = (builtin && i % 3 == 0) ? clean_report() : gen.next(catalog);
    const auto& rows = catalog->rows();
    for (int k = 0; k < 3; ++k) {
      const Row& row = rows[rng() % rows.size()];
      switch (row.kind) {
        case Kind::count:
          (void)r.set_text(row.id, rng() % 4 == 0 ? "900000000000000000" : std::to_string(rng() % 500));
          break;
        case Kind::percent: {
          const char* odd[] = {"33,333", "100", "0", "99,995", "12,5", "-0,4", "150"};
          (void)r.set_text(row.id, odd[rng() % std::size(odd)]);
          break;
        }
        case Kind::money: (void)r.set_text(row.id, "9.000.000.000.000.000.000"); break;
        default: break;
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

// The tree evaluator's answer, report by report: fails per rule and each report's status.
struct TreeAnswer {
  std::map<std::string, std::size_t> failed;
  std::vector<ReportStatus> statuses;
  std::vector<std::vector<Finding>> findings;
};

TreeAnswer tree_answer(const std::vector<Report>& reports, const RuleSet& rules) {
  TreeAnswer a;
  for (const Report& r : reports) {
    auto f = rules.check(r).value();
    ReportStatus s;
    std::map<std::string, bool> seen;
    for (const Finding& x : f) {
      if (!seen[x.rule_id]) ++a.failed[x.rule_id];
      seen[x.rule_id] = true;
      if (x.severity == Severity::error) ++s.errors;
      if (x.severity == Severity::warning) ++s.warnings;
      if (x.severity == Severity::info) ++s.infos;
    }
    a.statuses.push_back(s);
    a.findings.push_back(std::move(f));
  }
  return a;
}

void expect_same_as_tree(const std::vector<Report>& reports, const RuleSet& rules,
                         unsigned threads) {
  Batch batch(rules.catalog().id() == builtin_catalog()->id() ? builtin_catalog()
                                                               : reports.front().catalog_ptr());
  for (const Report& r : reports) ASSERT_TRUE(batch.add(r));
  std::mutex m;
  std::map<std::size_t, std::vector<Finding>> streamed;
  BatchCheckOptions options;
  options.threads = threads;
  options.on_findings = [&](std::size_t i, std::span<const Finding> f) {
    const std::lock_guard lock(m);
    streamed[i] = std::vector<Finding>(f.begin(), f.end());
  };
  const BatchResult result = check_batch(batch, rules, options).value();
  const TreeAnswer tree = tree_answer(reports, rules);
  ASSERT_EQ(result.rules.size(), rules.size());
  for (const RuleSummary& s : result.rules) {
    const auto it = tree.failed.find(s.rule_id);
    EXPECT_EQ(s.failed, it == tree.failed.end() ? 0 : it->second) << s.rule_id;
    EXPECT_EQ(s.evaluated + s.skipped, reports.size()) << s.rule_id;
    EXPECT_EQ(s.passed + s.failed, s.evaluated) << s.rule_id;
  }
  EXPECT_EQ(result.reports, tree.statuses);
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const auto it = streamed.find(i);
    if (tree.findings[i].empty()) EXPECT_EQ(it, streamed.end()) << "report " << i;
    else if (it == streamed.end()) ADD_FAILURE() << "report " << i << ": no findings streamed";
    else EXPECT_EQ(describe(it->second), describe(tree.findings[i])) << "report " << i;
  }
}

TEST(Batch, ColumnarCheckingAgreesWithTheTreeOnRandomBatches) {
  // The property of issue #13: same failures per rule, same statuses, same findings.
  auto rules = RuleSet::builtin(builtin_catalog());
  const auto added = rules.add_source(every_operation, "every-operation.rules");
  ASSERT_TRUE(added) << added.error().describe();
  for (std::uint64_t seed : {1u, 2u, 3u})
    expect_same_as_tree(edge_reports(builtin_catalog(), seed, 700), rules, seed == 3 ? 2 : 1);
}

TEST(Batch, ColumnarCheckingAgreesWithTheTreeOnEveryKind) {
  const auto catalog = kinds_catalog();
  expect_same_as_tree(edge_reports(catalog, 5, 500), RuleSet::structural(catalog), 1);
}

TEST(Batch, ColumnarCheckingAgreesWithTheTreeOnFullBlocks) {
  // Blocks where every cell is reported take the evaluator's plain-integer paths; figures near
  // 2^63 make their sums and scalings overflow, which must hand the block to the general path.
  auto rules = RuleSet::builtin(builtin_catalog());
  ASSERT_TRUE(rules.add_source(every_operation, "every-operation.rules"));
  const auto& rows = builtin_catalog()->rows();
  std::mt19937_64 rng(11);
  std::vector<Report> reports;
  for (int i = 0; i < 600; ++i) {
    Report r = clean_report();
    const Row& row = rows[rng() % rows.size()];
    if (row.kind == Kind::count) {
      const char* figures[] = {"999999999999999999", "0", "7", "922337203685477580"};
      (void)r.set_text(row.id, i % 5 == 0 ? figures[rng() % std::size(figures)]
                                          : std::to_string(rng() % 1000));
    }
    if (row.kind == Kind::percent && i % 2 == 0) {
      // As many decimals as the report has there, so that the column keeps one scale.
      const std::string was(text_of(r.value(row.id)));
      const auto comma = was.find(',');
      const std::size_t decimals = comma == std::string::npos ? 0 : was.size() - comma - 1;
      std::string figure = std::to_string(rng() % 120);
      if (decimals > 0) figure += "," + std::string(decimals, static_cast<char>('0' + rng() % 10));
      (void)r.set_text(row.id, figure);
    }
    // The largest count there is, where ten of them (t.wide-sum) or one scaled to a tenth
    // (t.implies) no longer fit 64 bits.
    if (i % 4 == 0) {
      EXPECT_TRUE(r.set_text("B1:4.2", "999999999999999999"));
      EXPECT_TRUE(r.set_text("B1:5.1", "999999999999999999"));
    }
    reports.push_back(std::move(r));
  }
  expect_same_as_tree(reports, rules, 1);
}

TEST(Batch, ColumnarCheckingAgreesWithTheTreeOnChunksOfOneReport) {
  // A chunk of one report repeated: each rule's columns hold one cell, so one evaluation answers
  // for the chunk. Passes and skips are counted at once; the seed's failures still go report by
  // report, and a chunk with one report changed is evaluated whole for the rules it touches.
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  const Report seed =
      load_report(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").value();
  std::vector<Report> reports(Batch::chunk_reports - 1, clean_report());
  Report changed = clean_report();
  ASSERT_TRUE(changed.set_text("B1:2.2", "140"));  // more done than planned
  reports.insert(reports.begin() + 17, changed);   // the first chunk is no longer uniform there
  reports.insert(reports.end(), 40, seed);         // the second chunk: the seed's 11 findings
  expect_same_as_tree(reports, rules, 1);
}

TEST(Batch, ABlankTakesNoRoomInItsColumn) {
  // A blank's number is no figure: a sealed column of one large figure and blanks is as narrow
  // as a column of that figure alone (it was 8 bytes a cell when blanks counted as 0).
  const auto size_with = [](bool blanks) {
    Batch batch(builtin_catalog());
    Report r = clean_report();
    EXPECT_TRUE(r.set_text("B1:4.1", "1.000.000.000.000"));
    Report blank = r;
    blank.clear(blank.catalog().lookup("B1:4.1").value());
    for (std::size_t i = 0; i < Batch::chunk_reports + 1; ++i)  // the first chunk sealed
      EXPECT_TRUE(batch.add(blanks && i % 2 == 0 ? blank : r));  // a chunk starts blank
    const RowId row = batch.catalog().lookup("B1:4.1").value();
    EXPECT_EQ(batch.cell(1, row).number, 1'000'000'000'000);
    EXPECT_EQ(batch.cell(0, row).reported(), !blanks);
    return batch.memory_bytes();
  };
  // The blanks' states take 2 bits a cell; their numbers nothing.
  EXPECT_LE(size_with(true), size_with(false) + Batch::chunk_reports / 4 + 64);
}

TEST(Batch, KeepsEveryReportAsWritten) {
  testing::RandomReports gen(3);
  const auto catalog = builtin_catalog();
  Batch batch(catalog);
  std::vector<Report> reports;
  // More than one chunk, so that sealed (packed) chunks are read back too.
  for (std::size_t i = 0; i < Batch::chunk_reports + 100; ++i) {
    reports.push_back(i % 2 ? gen.next(catalog) : clean_report());
    ASSERT_EQ(batch.add(reports.back()).value(), i);
  }
  for (std::size_t i = 0; i < reports.size(); i += 97) {
    Report back = batch.report(i);
    for (const Row& row : catalog->rows())
      EXPECT_TRUE(same_as_written(back.value(row.id), reports[i].value(row.id)))
          << i << " " << row.address();
    EXPECT_EQ(back.metadata(), reports[i].metadata()) << i;
  }
  EXPECT_LT(batch.memory_bytes(), reports.size() * 2048);
}

TEST(Batch, SetAfterSealingWidensTheColumn) {
  const auto catalog = builtin_catalog();
  Batch batch(catalog);
  for (std::size_t i = 0; i < Batch::chunk_reports + 1; ++i) ASSERT_TRUE(batch.add(clean_report()));
  const RowId row = catalog->lookup("B1:2.1").value();
  const Cell before = batch.cell(5, row);
  ASSERT_TRUE(batch.set(7, row, Cell{123456789012, 0, 0, CellState::reported}));
  EXPECT_EQ(batch.cell(7, row).number, 123456789012);
  EXPECT_EQ(batch.cell(5, row), before);
  ASSERT_TRUE(batch.set(8, row, Cell{-4, 0, 0, CellState::reported}, "-04"));
  EXPECT_EQ(batch.cell(8, row).number, -4);
  EXPECT_EQ(batch.written(8, row), "-04");
  ASSERT_TRUE(batch.set(9, row, Cell{}));
  EXPECT_EQ(batch.cell(9, row).state, CellState::not_reported);
  EXPECT_EQ(text_of(batch.report(8).value(row)), "-04");
  // A figure on a heading is refused, and names the row.
  auto heading = batch.set(0, catalog->lookup("B1:3").value(), Cell{1, 0, 0, CellState::reported});
  ASSERT_FALSE(heading);
  EXPECT_EQ(heading.error().code, errc::kind_mismatch);
  // So is a figure of more than 18 digits, which no report could read back.
  auto huge = batch.set(0, row, Cell{Decimal::max_units + 1, 0, 0, CellState::reported});
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().code, errc::out_of_range);
  std::vector<Cell> cells(catalog->size());
  cells[catalog->lookup("B7:5.1").value().index] = Cell{1, INT64_MIN, 0, CellState::reported};
  EXPECT_FALSE(batch.add(cells));
  ASSERT_TRUE(batch.set(0, row, Cell{Decimal::max_units, 0, 0, CellState::reported}));
  EXPECT_EQ(text_of(batch.report(0).value(row)), "999.999.999.999.999.999");
}

TEST(Batch, MetadataByFieldName) {
  Batch batch(builtin_catalog());
  const auto i = batch.add_blank();
  ASSERT_TRUE(batch.set_metadata_field(i, "agency.name", "Sở Nội vụ"));
  ASSERT_TRUE(batch.set_metadata_field(i, "period", "q1 2024"));
  ASSERT_TRUE(batch.set_metadata_field(i, "period.year", "2025"));
  EXPECT_EQ(batch.metadata_field(i, "period").value(), "q1 2025");
  EXPECT_EQ(batch.metadata_field(i, "period.kind").value(), "q1");
  EXPECT_EQ(batch.metadata_field(i, "catalog.id").value(), builtin_catalog()->id());
  const auto j = batch.add_blank();
  EXPECT_FALSE(batch.set_metadata_field(j, "period.year", "2025"));  // no period yet
  EXPECT_FALSE(batch.set_metadata_field(j, "period", "q9 2024"));
  EXPECT_FALSE(batch.set_metadata_field(j, "nope", "x"));
  EXPECT_EQ(batch.metadata_field(j, "agency.name").value(), "");
  EXPECT_EQ(batch.report(i).metadata().agency.name, "Sở Nội vụ");
}

TEST(Batch, RefusesAnotherCatalogue) {
  Batch batch(builtin_catalog());
  EXPECT_FALSE(batch.add(Report(kinds_catalog())));
  EXPECT_FALSE(check_batch(batch, RuleSet::structural(kinds_catalog())));
}

TEST(Batch, RunsRulesWrittenInCpp) {
  auto rules = RuleSet::builtin(builtin_catalog());
  ASSERT_TRUE(rules.add_custom({"cpp.few-documents", Severity::warning, "B1:1 below 3",
                                [](const ReportView& v) {
                                  std::vector<Finding> out;
                                  const auto c = v.get<Count>("B1:1");
                                  if (c && c->get() < 3) out.push_back(Finding{});
                                  return out;
                                }}));
  ASSERT_TRUE(rules.add_custom({"cpp.throws", Severity::info, "always throws",
                                [](const ReportView&) -> std::vector<Finding> {
                                  throw std::runtime_error("boom");
                                }}));
  std::vector<Report> reports;
  for (int i = 0; i < 6; ++i) {
    reports.push_back(clean_report());
    (void)reports.back().set_text("B1:1", std::to_string(i));
  }
  expect_same_as_tree(reports, rules, 1);
}

TEST(Batch, ARuleThatAsksToStopStopsTheWholeCheck) {
  // Only errc::callback_failed stops a check (a C callback's non-zero return); any other
  // exception is a finding, as the test above shows.
  auto rules = RuleSet::builtin(builtin_catalog());
  ASSERT_TRUE(rules.add_custom({"cpp.stop", Severity::error, "stops",
                                [](const ReportView&) -> std::vector<Finding> {
                                  throw exception(make_error(errc::callback_failed, "dừng", "stop"));
                                }}));
  Batch batch(builtin_catalog());
  ASSERT_TRUE(batch.add(clean_report()));
  const auto r = check_batch(batch, rules);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::callback_failed);
  EXPECT_THROW((void)rules.check(clean_report()), exception);
}

TEST(Batch, InputFindingsCountAsTheirOwnRule) {
  Batch batch(builtin_catalog());
  ASSERT_TRUE(batch.add(clean_report()));
  ASSERT_TRUE(batch.add(clean_report()));
  Finding f;
  f.rule_id = "input.cell";
  f.message_en = "line 3, column B1:1: \"x\" is not a count";
  batch.add_input_finding(1, f);
  std::vector<std::size_t> streamed;
  BatchCheckOptions options;
  options.on_findings = [&](std::size_t i, std::span<const Finding> found) {
    streamed.push_back(i);
    EXPECT_EQ(found.size(), 1u);
  };
  const auto result = check_batch(batch, RuleSet::builtin(builtin_catalog()), options).value();
  ASSERT_EQ(result.rules.back().rule_id, "input.cell");
  EXPECT_EQ(result.rules.back().failed, 1u);
  EXPECT_EQ(result.reports[1].errors, 1u);
  EXPECT_TRUE(result.reports[0].clean());
  EXPECT_EQ(result.failed_reports(), 1u);
  EXPECT_EQ(streamed, std::vector<std::size_t>{1});
}

TEST(Batch, AccumulatesResultsChunkByChunk) {
  auto rules = RuleSet::builtin(builtin_catalog());
  const auto reports = edge_reports(builtin_catalog(), 9, 40);
  Batch whole(builtin_catalog()), first(builtin_catalog()), second(builtin_catalog());
  for (std::size_t i = 0; i < reports.size(); ++i) {
    ASSERT_TRUE(whole.add(reports[i]));
    ASSERT_TRUE((i < 25 ? first : second).add(reports[i]));
  }
  BatchResult total;
  accumulate(total, check_batch(first, rules).value());
  accumulate(total, check_batch(second, rules).value());
  const auto all = check_batch(whole, rules).value();
  EXPECT_EQ(total.rules, all.rules);
  EXPECT_EQ(total.reports, all.reports);
}

// Where a file is cut into pieces must not change the totals: a piece without unreadable cells
// has no input.cell summary, but its reports passed that rule.
TEST(Batch, InputCellTotalsDoNotDependOnThePieces) {
  auto rules = RuleSet::builtin(builtin_catalog());
  Finding f;
  f.rule_id = "input.cell";
  f.message_en = "line 3, column B1:1: \"x\" is not a count";
  Batch whole(builtin_catalog()), clean(builtin_catalog()), bad(builtin_catalog());
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(whole.add(clean_report()));
    ASSERT_TRUE((i < 3 ? clean : bad).add(clean_report()));
  }
  whole.add_input_finding(4, f);
  bad.add_input_finding(1, f);
  const auto all = check_batch(whole, rules).value();
  for (const bool clean_first : {true, false}) {
    BatchResult total;
    const Batch& a = clean_first ? clean : bad;
    const Batch& b = clean_first ? bad : clean;
    accumulate(total, check_batch(a, rules).value());
    accumulate(total, check_batch(b, rules).value());
    const auto input = std::find_if(total.rules.begin(), total.rules.end(),
                                    [](const RuleSummary& r) { return r.rule_id == "input.cell"; });
    ASSERT_NE(input, total.rules.end());
    EXPECT_EQ(input->evaluated, 5u) << clean_first;
    EXPECT_EQ(input->passed, 4u) << clean_first;
    EXPECT_EQ(input->failed, 1u) << clean_first;
    if (clean_first) {
      EXPECT_EQ(total.rules, all.rules);
    }
  }
}

}  // namespace
}  // namespace cchc
