// SPDX-License-Identifier: MIT
// History (cchc/history.hpp): which earlier reports each scope selects, the cross-period rules
// (prev() in the rule language, and the ones generated from Row::measure), and outliers.
#include "cchc/history.hpp"

#include <gtest/gtest.h>

#include "cchc/check.hpp"
#include "cchc/json.hpp"
#include "cchc/output.hpp"
#include "cchc/rules.hpp"

namespace cchc {
namespace {

Report report(PeriodKind kind, std::vector<std::pair<std::string, std::string>> values,
              int year = 2024, std::string code = "SKHCN") {
  Report r(builtin_catalog());
  r.metadata().agency = {std::string("Sở ").append(code), code, AgencyLevel::department};
  r.metadata().period = Period{year, kind};
  for (const auto& [address, text] : values) r.set_text(address, text).value();
  return r;
}

std::vector<PeriodKind> kinds(const std::vector<const Report*>& rs) {
  std::vector<PeriodKind> out;
  for (const Report* r : rs) out.push_back(r->metadata().period->kind);
  return out;
}

std::vector<std::string> ids(const std::vector<Finding>& findings, std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto& f : findings)
    if (f.rule_id.starts_with(prefix)) out.push_back(f.rule_id);
  return out;
}

using enum PeriodKind;

TEST(Period, WindowsHoldEachOtherAsBoNoiVuCounts) {
  EXPECT_TRUE(window_contains({2024, six_months}, {2024, q1}));
  EXPECT_TRUE(window_contains({2024, nine_months}, {2024, six_months}));
  EXPECT_TRUE(window_contains({2024, year}, {2024, q3}));
  EXPECT_TRUE(window_contains({2024, year}, {2024, six_months}));
  EXPECT_TRUE(window_contains({2024, six_months}, {2024, q2}));
  EXPECT_FALSE(window_contains({2024, q3}, {2024, six_months}));  // no order either way
  EXPECT_FALSE(window_contains({2024, six_months}, {2024, q3}));
  EXPECT_FALSE(window_contains({2024, q1}, {2024, q1}));
  EXPECT_FALSE(window_contains({2025, year}, {2024, q1}));
}

TEST(History, EachScopeSelectsItsEarlierReports) {
  History h;
  h.add(report(q1, {}));
  h.add(report(six_months, {}));
  h.add(report(q3, {}));
  h.add(report(year, {}, 2023));
  h.add(report(q1, {}, 2024, "STC"));  // another agency: never selected
  const Report full = report(year, {});
  EXPECT_EQ(kinds(h.select(full, HistoryScope::within)), (std::vector{q1, six_months, q3}));
  EXPECT_EQ(kinds(h.select(full, HistoryScope::year)), (std::vector{q1, six_months, q3}));
  EXPECT_EQ(kinds(h.select(full, HistoryScope::last)), (std::vector{q3}));
  const Report third = report(q3, {});
  EXPECT_TRUE(h.select(third, HistoryScope::within).empty());  // Q3 holds no earlier window
  EXPECT_EQ(kinds(h.select(third, HistoryScope::year)), (std::vector{q1, six_months}));
  const Report first = report(q1, {});
  EXPECT_TRUE(h.select(first, HistoryScope::year).empty());
  EXPECT_EQ(kinds(h.select(first, HistoryScope::last)), (std::vector{year}));  // 2023's year
  EXPECT_EQ(h.before(first).size(), 1u);
  Report nameless = report(six_months, {});
  nameless.metadata().agency = {};
  EXPECT_TRUE(h.select(nameless, HistoryScope::within).empty());
}

TEST(History, AFlowOrCumulativeFigureThatShrankIsFlaggedAndOneThatGrewIsNot) {
  History h;
  h.add(report(q1, {{"B7:4.4.1", "100"}, {"B1:2.1", "35"}, {"B3:3.3", "2/40"}}));
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  const Report shrank = report(six_months, {{"B7:4.4.1", "80"}, {"B1:2.1", "30"}, {"B3:3.3", "2/30"}});
  const auto found = rules.check(shrank, h).value();
  EXPECT_EQ(ids(found, "period."),
            (std::vector<std::string>{"period.cumulative.B1:2.1", "period.flow.B3:3.3",
                                      "period.flow.B7:4.4.1"}));
  const auto flow = std::find_if(found.begin(), found.end(), [](const Finding& f) {
    return f.rule_id == "period.flow.B7:4.4.1";
  });
  EXPECT_EQ(flow->severity, Severity::error);
  EXPECT_EQ(flow->message_en,
            "B7:4.4.1 = 80 is less than 100 in the report of Q1 2024: a flow counted from 15/12 "
            "of the year before cannot shrink over a longer window");
  ASSERT_EQ(flow->rows.size(), 2u);
  EXPECT_FALSE(flow->rows[0].period.has_value());
  EXPECT_EQ(flow->rows[1].period, (Period{2024, q1}));
  EXPECT_EQ(flow->rows[1].text, "100");
  EXPECT_EQ(flow->expected, "≥ 100");

  const Report grew = report(six_months, {{"B7:4.4.1", "180"}, {"B1:2.1", "35"}, {"B3:3.3", "3/55"}});
  EXPECT_TRUE(ids(rules.check(grew, h).value(), "period.").empty());
  // Without a history the cross-period rules do not run; nor in Q3 against six months.
  EXPECT_TRUE(ids(rules.check(shrank).value(), "period.").empty());
  History six;
  six.add(report(six_months, {{"B7:4.4.1", "500"}, {"B1:2.1", "20"}}));
  const auto q3_found = rules.check(report(q3, {{"B7:4.4.1", "10"}, {"B1:2.1", "10"}}), six).value();
  EXPECT_EQ(ids(q3_found, "period."), (std::vector<std::string>{"period.cumulative.B1:2.1"}));
}

TEST(History, RulesOfYourOwnReadPrev) {
  const auto cat = builtin_catalog();
  RuleSet rules(cat);
  rules.add_source(R"(
rule my.staff {
  severity warning
  history last
  check B4:2.2 <= prev(B4:2.2) + 5
  vi "Biên chế tăng từ {prev(B4:2.2)} ({prev_period}) lên {B4:2.2}"
  en "Staff rose from {prev(B4:2.2)} ({prev_period}) to {B4:2.2}"
})", "mine.rules").value();
  History h;
  h.add(report(q1, {{"B4:2.2", "20"}}));
  const auto found = rules.check(report(six_months, {{"B4:2.2", "40"}}), h).value();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message_vi, "Biên chế tăng từ 20 (Quý I năm 2024) lên 40");
  // A blank earlier figure skips the rule, as a blank current one does.
  History blank;
  blank.add(report(q1, {}));
  EXPECT_TRUE(rules.check(report(six_months, {{"B4:2.2", "40"}}), blank).value().empty());
}

TEST(History, PrevNeedsAHistoryClauseAndARow) {
  const auto cat = builtin_catalog();
  auto compile = [&](std::string_view source) { return RuleSet::compile(source, cat, "t.rules"); };
  auto e = compile(R"(rule a { check B1:1 >= prev(B1:1)  vi "x" en "x" })");
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message_en.find("needs a history clause"), std::string::npos);
  e = compile(R"(rule a { history within check B1:1 >= 0  vi "x" en "x" })");
  EXPECT_NE(e.error().message_en.find("reads no prev()"), std::string::npos);
  e = compile(R"(rule a { history sometimes check B1:1 >= prev(B1:1)  vi "x" en "x" })");
  EXPECT_NE(e.error().message_en.find("within, year or last"), std::string::npos);
  e = compile(R"(rule a { history within check B1:1 >= prev(B1:1 + 1)  vi "x" en "x" })");
  EXPECT_NE(e.error().message_en.find("prev() takes a row address"), std::string::npos);
  e = compile(R"(rule a { check B1:1 >= 0  vi "{prev_period}" en "x" })");
  EXPECT_NE(e.error().message_en.find("needs a history clause"), std::string::npos);
  e = compile(R"(rule a { history within check B1:1 >= prev(B1:1)  vi "x" en "x" fix B1:1 = prev(B1:1) })");
  EXPECT_NE(e.error().message_en.find("a fix cannot read prev()"), std::string::npos);
  EXPECT_EQ(compile(R"(rule a { check B4:2.2 == prev(B4:1.1) history last vi "x" en "x" })").error().code,
            errc::kind_mismatch);
}

TEST(History, AStockThatJumpsBeyondItsHistoryIsAnOutlierWarning) {
  History h;
  h.add(report(q1, {{"B3:1.4", "120"}, {"B4:2.2", "30"}}, 2023));
  h.add(report(six_months, {{"B3:1.4", "124"}, {"B4:2.2", "31"}}, 2023));
  h.add(report(year, {{"B3:1.4", "121"}, {"B4:2.2", "31"}}, 2023));
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  const Report jumped = report(q1, {{"B3:1.4", "260"}, {"B4:2.2", "33"}});
  const auto found = check(jumped, rules, CheckContext{nullptr, &h}).value();
  const auto outliers = ids(found, "history.");
  EXPECT_EQ(outliers, (std::vector<std::string>{"history.outlier.B3:1.4"}));
  const auto f = std::find_if(found.begin(), found.end(), [](const Finding& x) {
    return x.rule_id == "history.outlier.B3:1.4";
  });
  EXPECT_EQ(f->severity, Severity::warning);
  EXPECT_NE(f->message_en.find("260 against 121 in the report of year 2023"), std::string::npos)
      << f->message_en;
  // A move within what the agency's history shows is not an outlier.
  EXPECT_TRUE(ids(check(report(q1, {{"B3:1.4", "133"}}), rules, CheckContext{nullptr, &h}).value(),
                  "history.")
                  .empty());
  // The thresholds are options.
  CheckOptions loose;
  loose.outliers.min_percent = 200;
  EXPECT_TRUE(ids(check(jumped, rules, CheckContext{nullptr, &h}, loose).value(), "history.").empty());
  // The standard pipeline runs it too.
  const auto pipeline = Pipeline::standard(std::make_shared<const RuleSet>(rules));
  EXPECT_EQ(ids(pipeline.run(jumped, CheckContext{nullptr, &h}).value(), "history."), outliers);
}

TEST(History, FindingsNameTheEarlierPeriodInJsonAndText) {
  History h;
  h.add(report(q1, {{"B7:4.4.1", "100"}}));
  const auto found =
      RuleSet::builtin(builtin_catalog()).check(report(six_months, {{"B7:4.4.1", "80"}}), h).value();
  const std::string json = findings_to_json(found);
  EXPECT_NE(json.find(R"("value": "100",
          "period": {
            "year": 2024,
            "kind": "q1")"),
            std::string::npos);
  EXPECT_NE(findings_to_text(found, Language::en).find("B7:4.4.1, B7:4.4.1 (Q1 2024)"),
            std::string::npos);
}

}  // namespace
}  // namespace cchc
