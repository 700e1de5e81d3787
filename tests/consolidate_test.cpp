// SPDX-License-Identifier: MIT
// Consolidation (cchc/consolidate.hpp): three departments pooled into the province, with the
// expected figures worked out by hand below, and every way an input can fail to pool.
#include "cchc/consolidate.hpp"

#include <gtest/gtest.h>

#include "cchc/batch.hpp"
#include "cchc/check.hpp"
#include "cchc/json.hpp"
#include "cchc/rules.hpp"

namespace cchc {
namespace {

Report department(std::string code, std::vector<std::pair<std::string, std::string>> values,
                  Period period = {2024, PeriodKind::q1}) {
  Report r(builtin_catalog());
  r.metadata().agency = {std::string("Sở ").append(code), code, AgencyLevel::department};
  r.metadata().province = "Sơn La";
  r.metadata().period = period;
  for (const auto& [address, text] : values) r.set_text(address, text).value();
  return r;
}

std::string text(const Report& r, std::string_view address) {
  return text_of(r.value(address).value());
}

bool has(const Consolidation& c, std::string_view id) {
  return std::any_of(c.findings.begin(), c.findings.end(),
                     [&](const Finding& f) { return f.rule_id == id; });
}

std::vector<Report> three() {
  return {department("SKHCN", {{"B7:4.4.1", "100"}, {"B7:4.4.2", "30"}, {"B3:3.1.1", "50"},
                               {"B3:3.1.2", "45"}, {"B1:6", "1"}, {"B3:3.3", "2/40"},
                               {"B3:1.4", "120"}, {"B4:2.1", "30"}}),
          department("STC", {{"B7:4.4.1", "200"}, {"B7:4.4.2", "150"}, {"B3:3.1.1", "10"},
                             {"B3:3.1.2", "10"}, {"B1:6", "0"}, {"B3:3.3", "1/15"},
                             {"B3:1.4", "80"}, {"B4:2.1", "45"}}),
          department("SYT", {{"B7:4.4.1", "50"}, {"B3:3.1.1", "40"}, {"B3:3.1.2", "20"},
                             {"B3:3.3", "0/0"}, {"B3:1.4", "95"}, {"B4:2.1", "120"}})};
}

TEST(Consolidate, ThreeDepartmentsIntoTheProvince) {
  const auto units = three();
  ConsolidateOptions o;
  o.agency = {"Sở Nội vụ tỉnh Sơn La", "SNV", AgencyLevel::province};
  const Consolidation c = consolidate(units, o).value();
  const Report& p = c.report;
  EXPECT_EQ(p.metadata().agency.code, "SNV");
  EXPECT_EQ(p.metadata().agency.level, AgencyLevel::province);
  EXPECT_EQ(p.metadata().province, "Sơn La");
  EXPECT_EQ(p.metadata().period, (Period{2024, PeriodKind::q1}));
  EXPECT_EQ(c.included.size(), 3u);
  // Counts add up: 100 + 200 + 50; staff 30 + 45 + 120.
  EXPECT_EQ(text(p, "B7:4.4.1"), "350");
  EXPECT_EQ(text(p, "B4:2.1"), "195");
  // SYT left B7:4.4.2 blank: the sum is of the two who reported, and says so.
  EXPECT_EQ(text(p, "B7:4.4.2"), "180");
  EXPECT_TRUE(has(c, "consolidate.partial.B7:4.4.2"));
  // Rates are pooled: 100 × 180 / 350 = 51,428… → 51,43 (the average of 30 % and 75 % would be
  // 52,5); 100 × 75 / 100 = 75 (the average of 90, 100 and 50 would be 80).
  EXPECT_EQ(text(p, "B7:4.4"), "51,43");
  EXPECT_EQ(text(p, "B3:3.1"), "75,00");
  // Pairs half by half: 2/40 + 1/15 + 0/0.
  EXPECT_EQ(text(p, "B3:3.3"), "3/55");
  // Yes/no: one yes, one no, one blank; the province did survey.
  EXPECT_EQ(text(p, "B1:6"), "1");
  ASSERT_FALSE(c.tallies.empty());
  const auto survey = std::find_if(c.tallies.begin(), c.tallies.end(), [&](const YesTally& t) {
    return t.row == p.catalog().find("B1:6");
  });
  ASSERT_NE(survey, c.tallies.end());
  EXPECT_EQ(survey->yes, 1u);
  EXPECT_EQ(survey->no, 1u);
  EXPECT_EQ(survey->blank, 1u);
  EXPECT_EQ(p.note(*p.catalog().find("B1:6")), "Có: 1; Không: 1; chưa báo cáo: 1");
  // Procedure counts are not additive: the province's own list decides.
  EXPECT_TRUE(is_absent(p.value("B3:1.4").value()));
  EXPECT_TRUE(has(c, "consolidate.own-figure"));
  // Nobody reported B2:1: blank, not 0.
  EXPECT_TRUE(is_absent(p.value("B2:1").value()));
}

TEST(Consolidate, TheResultChecksLikeAnyReport) {
  const auto units = three();
  const Consolidation c = consolidate(units).value();
  const RuleSet rules = RuleSet::builtin(c.report.catalog_ptr());
  const auto findings = check(c.report, rules).value();
  for (const Finding& f : findings) {
    // Pooled rates agree with their pooled parts, and the parts with their totals.
    EXPECT_FALSE(f.rule_id.starts_with("ratio.")) << f.rule_id << ": " << f.message_en;
    EXPECT_FALSE(f.rule_id.starts_with("domain.")) << f.rule_id << ": " << f.message_en;
  }
}

TEST(Consolidate, ABlankOrZeroDenominatorLeavesTheRateBlank) {
  std::vector<Report> units = {department("A", {{"B3:3.4.1", "0"}, {"B3:3.4.2", "0"}}),
                               department("B", {{"B3:3.4.1", "0"}, {"B3:3.4.2", "0"}})};
  const Consolidation c = consolidate(units).value();
  EXPECT_TRUE(is_absent(c.report.value("B3:3.4").value()));
  EXPECT_TRUE(has(c, "consolidate.ratio-undefined.B3:3.4"));
  EXPECT_TRUE(has(c, "consolidate.ratio-undefined.B7:4.4"));  // nobody reported its parts
}

TEST(Consolidate, InputsThatCannotBePooledAreLeftOutWithAFinding) {
  auto units = three();
  units.push_back(department("SXD", {{"B7:4.4.1", "999"}}, {2024, PeriodKind::six_months}));
  units.push_back(department("", {{"B7:4.4.1", "999"}}));
  units.back().metadata().agency = {};
  // STC again, a later correction: it replaces the first.
  units.push_back(department("STC", {{"B7:4.4.1", "210"}}));
  units[1].metadata().document.date = Date(2024, 3, 15);
  units.back().metadata().document.date = Date(2024, 3, 20);
  ConsolidateOptions o;
  o.expected = {"SKHCN", "STC", "SYT", "SGTVT"};
  const Consolidation c = consolidate(units, o).value();
  EXPECT_TRUE(has(c, "consolidate.period"));
  EXPECT_TRUE(has(c, "consolidate.no-agency"));
  EXPECT_TRUE(has(c, "consolidate.duplicate"));
  EXPECT_TRUE(has(c, "consolidate.missing"));
  EXPECT_EQ(c.included, (std::vector<std::size_t>{0, 2, 5}));
  EXPECT_EQ(text(c.report, "B7:4.4.1"), "360");  // 100 + 50 + 210
  const auto missing = std::find_if(c.findings.begin(), c.findings.end(),
                                    [](const Finding& f) { return f.rule_id == "consolidate.missing"; });
  EXPECT_NE(missing->message_en.find("SGTVT"), std::string::npos);
  EXPECT_EQ(missing->severity, Severity::warning);
  // The period asked for wins over the one most inputs have.
  o.period = Period{2024, PeriodKind::six_months};
  const Consolidation six = consolidate(units, o).value();
  EXPECT_EQ(six.included, (std::vector<std::size_t>{3}));
  EXPECT_EQ(text(six.report, "B7:4.4.1"), "999");
}

TEST(Consolidate, ReportsOfAnotherTemplateAreLeftOut) {
  CatalogDefinition def = builtin_catalog()->definition();
  def.version = "2022.2";
  auto other = Catalog::create(def).value();
  auto units = three();
  Report foreign(other);
  foreign.metadata().agency = {"Sở X", "SX", AgencyLevel::department};
  foreign.metadata().period = Period{2024, PeriodKind::q1};
  foreign.set_text("B7:4.4.1", "1000").value();
  units.push_back(std::move(foreign));
  const Consolidation c = consolidate(units).value();
  EXPECT_TRUE(has(c, "consolidate.template"));
  EXPECT_EQ(text(c.report, "B7:4.4.1"), "350");
}

TEST(Consolidate, InvalidFiguresAreNotAdded) {
  std::vector<Report> units = {department("A", {{"B2:1", "4"}}), department("B", {{"B2:1", "-2"}})};
  const Consolidation c = consolidate(units).value();
  EXPECT_EQ(text(c.report, "B2:1"), "4");
  EXPECT_TRUE(has(c, "consolidate.invalid.B2:1"));
  EXPECT_TRUE(has_errors(c.findings));
}

TEST(Consolidate, RefusesNothingAndTemplatesThatDoNotSayHowToPool) {
  EXPECT_EQ(consolidate(std::span<const Report>{}).error().code, errc::invalid_argument);
  CatalogDefinition def = builtin_catalog()->definition();
  def.id = "test.unmarked";
  def.forms[0].rows[0].aggregation.reset();
  auto unmarked = Catalog::create(def).value();
  std::vector<Report> units;
  units.emplace_back(unmarked);
  const auto e = consolidate(units).error();
  EXPECT_EQ(e.code, errc::invalid_catalog);
  EXPECT_NE(e.message_en.find("B1:1"), std::string::npos);
  // A pooled rate needs its parts summed.
  def = builtin_catalog()->definition();
  for (auto& row : def.forms[2].rows)
    if (row.code == "3.1.1") row.aggregation = Aggregation::none;
  units.clear();
  units.emplace_back(Catalog::create(def).value());
  EXPECT_NE(consolidate(units).error().message_en.find("B3:3.1.1 is not summed"), std::string::npos);
}

TEST(Consolidate, ABatchPoolsAsItsReportsDo) {
  auto units = three();
  units.push_back(department("SXD", {{"B7:4.4.1", "999"}}, {2024, PeriodKind::six_months}));
  units.push_back(department("SNN", {{"B2:1", "-3"}, {"B7:4.4.1", "04"}, {"B1:7", "1"}}));
  units.back().clear(*builtin_catalog()->find("B7:4.4.2"), Absent::Reason::not_applicable);
  Batch batch(builtin_catalog());
  for (const Report& r : units) (void)batch.add(r).value();
  ConsolidateOptions o;
  o.expected = {"SKHCN", "SGTVT"};
  const Consolidation from_reports = consolidate(units, o).value();
  const Consolidation from_batch = consolidate(batch, o).value();
  EXPECT_EQ(report_to_json(from_batch.report), report_to_json(from_reports.report));
  EXPECT_EQ(from_batch.findings, from_reports.findings);
  EXPECT_EQ(from_batch.included, from_reports.included);
  EXPECT_TRUE(has(from_batch, "consolidate.invalid.B2:1"));
  EXPECT_EQ(consolidate(Batch(builtin_catalog())).error().code, errc::invalid_argument);
}

TEST(Consolidate, SumsBeyondEighteenDigitsAreAnError) {
  std::vector<Report> units = {department("A", {{"B2:1", "900000000000000000"}}),
                               department("B", {{"B2:1", "900000000000000000"}})};
  EXPECT_EQ(consolidate(units).error().code, errc::out_of_range);
}

}  // namespace
}  // namespace cchc
