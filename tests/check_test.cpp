// SPDX-License-Identifier: MIT
#include "cchc/check.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "cchc/json.hpp"
#include "cchc/text_import.hpp"
#include "support/seed_text.hpp"

namespace cchc {
namespace {

const ImportedText& imported_seed() {
  static const ImportedText t = import_text(testing::seed_text()).value();
  return t;
}

const RuleSet& builtin_rules() {
  static const RuleSet rules = RuleSet::builtin(builtin_catalog());
  return rules;
}

// A check of our own, to see that the pipeline orders what any check finds.
class LastRowCheck final : public Check {
 public:
  std::string_view name() const noexcept override { return "last-row"; }
  result<void> run(const Report& report, const Evidence*, std::vector<Finding>& out) const override {
    Finding f;
    f.rule_id = "test.first-row";
    f.severity = Severity::info;
    f.rows = {FindingRow::of(report, report.catalog().rows().front().id)};
    out.push_back(std::move(f));
    return {};
  }
};

class FailingCheck final : public Check {
 public:
  std::string_view name() const noexcept override { return "failing"; }
  result<void> run(const Report&, const Evidence*, std::vector<Finding>&) const override {
    return make_error(errc::invalid_argument, "không áp dụng được", "does not apply");
  }
};

TEST(Check, OneListOfRulesCoverageAndNarrative) {
  const ImportedText& t = imported_seed();
  const auto all = check(t.report, builtin_rules(), &t).value();
  const auto rules_only = builtin_rules().check(t.report).value();
  const auto evidence_only = check_evidence(t.report, t);
  EXPECT_EQ(evidence_only.size(), 12u);  // the seed's narrative findings; nothing unread
  ASSERT_EQ(all.size(), rules_only.size() + evidence_only.size());
  for (const auto& f : rules_only) EXPECT_NE(std::find(all.begin(), all.end(), f), all.end()) << f.rule_id;
  for (const auto& f : evidence_only) EXPECT_NE(std::find(all.begin(), all.end(), f), all.end()) << f.rule_id;
  // One order: a narrative finding about B4:2.1 comes before the rule findings of form 5.
  std::vector<Finding> by_hand = rules_only;
  by_hand.insert(by_hand.end(), evidence_only.begin(), evidence_only.end());
  sort_findings(by_hand, t.report.catalog());
  EXPECT_EQ(all, by_hand);
}

TEST(Check, WithoutEvidenceItIsTheRuleSetsCheck) {
  const Report report = load_report(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").value();
  EXPECT_EQ(check(report, builtin_rules()).value(), builtin_rules().check(report).value());
}

TEST(Check, StandardPipelineAgreesWithCheck) {
  const ImportedText& t = imported_seed();
  const Pipeline p = Pipeline::standard(std::make_shared<const RuleSet>(builtin_rules()));
  ASSERT_EQ(p.checks().size(), 4u);
  EXPECT_EQ(p.checks()[0]->name(), "rules");
  EXPECT_EQ(p.checks()[1]->name(), "coverage");
  EXPECT_EQ(p.checks()[2]->name(), "narrative");
  EXPECT_EQ(p.checks()[3]->name(), "history");
  EXPECT_EQ(p.run(t.report, &t).value(), check(t.report, builtin_rules(), &t).value());
}

TEST(Check, ChecksOfYourOwnAreOrderedWithTheOthers) {
  const ImportedText& t = imported_seed();
  Pipeline p;
  p.add(narrative_check()).add(std::make_shared<LastRowCheck>());
  const auto found = p.run(t.report, &t).value();
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().rule_id, "test.first-row");  // B1:1, before every narrative finding
  EXPECT_EQ(found.size(), check_narrative(t.report, t.narrative).size() + 1);
}

TEST(Check, AFailingCheckFailsThePipeline) {
  Pipeline p;
  p.add(coverage_check()).add(std::make_shared<FailingCheck>());
  EXPECT_EQ(p.run(imported_seed().report).error().code, errc::invalid_argument);
  // A rule set of another catalogue cannot check the report.
  const auto tiny = load_catalog(std::string(CCHC_TEST_DATA_DIR) + "/tiny-catalog.json").value();
  EXPECT_EQ(check(imported_seed().report, RuleSet::structural(tiny)).error().code,
            errc::invalid_argument);
}

TEST(Check, EvidenceChecksNeedEvidence) {
  const Pipeline p = Pipeline().add(coverage_check()).add(narrative_check());
  EXPECT_TRUE(p.run(imported_seed().report).value().empty());
}

TEST(Check, CoverageProblemsAreWarningsWithTheirRowAndLine) {
  Coverage c;
  c.problems.push_back({"B3:3.2", 77, "hai số liệu", "two figures"});
  c.problems.push_back({"", 0, "không có phụ lục", "no annex"});
  const Report r(builtin_catalog());
  const auto found = coverage_findings(c, r);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule_id, "import.unread");
  EXPECT_EQ(found[0].severity, Severity::warning);
  EXPECT_EQ(found[0].line, 77u);
  ASSERT_EQ(found[0].rows.size(), 1u);
  EXPECT_EQ(found[0].rows[0].address, "B3:3.2");
  EXPECT_EQ(found[0].message_en, "B3:3.2: two figures");
  EXPECT_TRUE(found[1].rows.empty());  // no row: last
  EXPECT_EQ(found[1].message_vi, "không có phụ lục");
}

}  // namespace
}  // namespace cchc
