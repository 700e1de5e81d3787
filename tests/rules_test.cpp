// SPDX-License-Identifier: MIT
#include "cchc/rules.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "cchc/json.hpp"

namespace cchc {
namespace {

const std::string data_dir = CCHC_TEST_DATA_DIR;

// One row of each kind (tests/data/kinds-catalog.json): B1:1 = B1:1.1 + B1:1.2 (counts),
// B1:2 = pct(B1:1.2, B1:1) (percent), B1:3 yes/no, B1:3.1 code {0, 1}, B1:4 pair, B1:5 money,
// B1:6.1 and B1:6.2 percents, B2:1 a count in another form.
class Rules : public ::testing::Test {
 protected:
  std::shared_ptr<const Catalog> cat = load_catalog(data_dir + "/kinds-catalog.json").value();
  Report report{cat};

  void set(std::string_view address, std::string_view text) {
    ASSERT_TRUE(report.set_text(address, text)) << address << " " << text;
  }

  std::vector<Finding> run(std::string_view source) {
    auto rules = RuleSet::compile(source, cat, "test.rules");
    EXPECT_TRUE(rules) << (rules ? "" : rules.error().describe());
    if (!rules) return {};
    return rules->check(report).value();
  }

  static std::string rule(std::string_view check, std::string_view extra = "") {
    return fmt::format("rule t {{\n  {}\n  check {}\n  vi \"v\"\n  en \"e\"\n}}\n", extra, check);
  }

  // "no" when the check fails, "yes" when its negation fails, "undecided" when neither does
  // (a skipped rule, or a comparison that rounding or a ratio over 0 leaves open).
  std::string outcome(std::string_view check, std::string_view extra = "") {
    if (!run(rule(check, extra)).empty()) return "no";
    if (!run(rule(fmt::format("not ({})", check), extra)).empty()) return "yes";
    return "undecided";
  }

  error compile_error(std::string_view source) {
    auto rules = RuleSet::compile(source, cat, "test.rules");
    EXPECT_FALSE(rules) << source;
    return rules ? error{} : rules.error();
  }
  error check_error(std::string_view check) { return compile_error(rule(check)); }
};

// --- operators and functions -------------------------------------------------------------------

TEST_F(Rules, Arithmetic) {
  set("B1:1.1", "12");
  set("B1:1.2", "30");
  EXPECT_EQ(outcome("B1:1.1 + B1:1.2 == 42"), "yes");
  EXPECT_EQ(outcome("B1:1.2 - B1:1.1 == 18"), "yes");
  EXPECT_EQ(outcome("B1:1.1 - B1:1.2 == -18"), "yes");
  EXPECT_EQ(outcome("-B1:1.1 == -12"), "yes");
  EXPECT_EQ(outcome("B1:1.1 * 2 == 24"), "yes");
  EXPECT_EQ(outcome("3 * B1:1.1 == 36"), "yes");
  EXPECT_EQ(outcome("B1:1.1 / 4 == 3"), "yes");
  EXPECT_EQ(outcome("B1:1.2 / B1:1.1 == 2.5"), "yes");  // count / count: a ratio
  EXPECT_EQ(outcome("B1:1.1 + B1:1.2 * 2 == 72"), "yes");  // precedence
  EXPECT_EQ(outcome("(B1:1.1 + B1:1.2) * 2 == 84"), "yes");
  EXPECT_EQ(outcome("1 + 2 * 3 == 7"), "yes");
  EXPECT_EQ(outcome("B1:1.1 + 1 == 12"), "no");
}

TEST_F(Rules, Comparisons) {
  set("B1:1.1", "12");
  set("B1:1.2", "30");
  EXPECT_EQ(outcome("B1:1.1 < B1:1.2"), "yes");
  EXPECT_EQ(outcome("B1:1.1 <= 12"), "yes");
  EXPECT_EQ(outcome("B1:1.1 > 12"), "no");
  EXPECT_EQ(outcome("B1:1.1 >= 12"), "yes");
  EXPECT_EQ(outcome("B1:1.1 != 12"), "no");
  EXPECT_EQ(outcome("B1:1.1 ≠ 13"), "yes");
  EXPECT_EQ(outcome("B1:1.1 ≤ 13 and B1:1.2 ≥ 30"), "yes");
}

TEST_F(Rules, LogicAndImplication) {
  set("B1:1.1", "1");
  EXPECT_EQ(outcome("B1:1.1 == 1 and B1:1.1 == 2"), "no");
  EXPECT_EQ(outcome("B1:1.1 == 1 or B1:1.1 == 2"), "yes");
  EXPECT_EQ(outcome("not B1:1.1 == 2"), "yes");
  EXPECT_EQ(outcome("not not B1:1.1 == 1"), "yes");
  EXPECT_EQ(outcome("if B1:1.1 == 2 then false"), "yes");  // a false condition holds vacuously
  EXPECT_EQ(outcome("if B1:1.1 == 1 then false"), "no");
  EXPECT_EQ(outcome("if B1:1.1 == 1 then B1:1.1 > 0"), "yes");
  EXPECT_EQ(outcome("true"), "yes");
  EXPECT_EQ(outcome("false or true and false"), "no");  // and binds tighter than or
}

TEST_F(Rules, Functions) {
  set("B1:1.1", "12");
  set("B1:1.2", "30");
  set("B1:4", "3/40");
  set("B1:3", "1");
  set("B1:3.1", "1");
  EXPECT_EQ(outcome("sum(B1:1.1, B1:1.2) == 42"), "yes");
  EXPECT_EQ(outcome("sum(B1:1.1) == 12"), "yes");
  EXPECT_EQ(outcome("sum(B1:1.1, 8) == 20"), "yes");
  EXPECT_EQ(outcome("pct(B1:1.1, B1:1.2) == 40"), "yes");
  EXPECT_EQ(outcome("pct(1, 3) * 3 == 100"), "yes");
  EXPECT_EQ(outcome("first(B1:4) == 3 and second(B1:4) == 40"), "yes");
  EXPECT_EQ(outcome("present(B1:1.1) and absent(B1:5)"), "yes");
  EXPECT_EQ(outcome("present(B1:5)"), "no");
  EXPECT_EQ(outcome("B1:3.1 in {0, 1}"), "yes");
  EXPECT_EQ(outcome("B1:3.1 in {0}"), "no");
  EXPECT_EQ(outcome("B1:1.1 in {1, 12}"), "yes");
  EXPECT_EQ(outcome("B1:3 == 1"), "yes");
  EXPECT_EQ(outcome("B1:3 == B1:3"), "yes");
}

TEST_F(Rules, MoneyAndLetDefinitions) {
  set("B1:5", "85.000.000");
  EXPECT_EQ(outcome("B1:5 == 85000000"), "yes");
  EXPECT_EQ(outcome("B1:5 / 8 == 10625000"), "yes");
  set("B1:1.1", "2");
  set("B1:1.2", "3");
  const auto findings = run(R"(
    let total = B1:1.1 + B1:1.2
    let doubled = total * 2
    rule t { check doubled == 11 vi "x {doubled}" en "y {total}" }
  )");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message_vi, "x 10");
  EXPECT_EQ(findings[0].message_en, "y 5");
}

// --- rounding ----------------------------------------------------------------------------------

TEST_F(Rules, OneDecimalStandsForItsInterval) {
  set("B1:6.1", "33,3");
  EXPECT_EQ(outcome("B1:6.1 == pct(1, 3)"), "undecided");  // holds for 33,333… in [33,25; 33,35)
  set("B1:6.1", "33,4");
  EXPECT_EQ(outcome("B1:6.1 == pct(1, 3)"), "no");
  set("B1:6.1", "33,2");
  EXPECT_EQ(outcome("B1:6.1 == pct(1, 3)"), "no");
}

TEST_F(Rules, IntervalEdges) {
  set("B1:6.1", "33,3");
  EXPECT_EQ(outcome("B1:6.1 == 33.25"), "undecided");  // the lower edge belongs
  EXPECT_EQ(outcome("B1:6.1 == 33.35"), "no");         // the upper edge does not
  EXPECT_EQ(outcome("B1:6.1 < 33.25"), "no");
  EXPECT_EQ(outcome("B1:6.1 >= 33.35"), "no");
  EXPECT_EQ(outcome("B1:6.1 < 33.35"), "yes");
  EXPECT_EQ(outcome("B1:6.1 >= 33.25"), "yes");
}

TEST_F(Rules, ZeroAndTwoDecimals) {
  set("B1:6.1", "100");  // [99,5; 100,5)
  EXPECT_EQ(outcome("B1:6.1 == 99.5"), "undecided");
  EXPECT_EQ(outcome("B1:6.1 == 99.49"), "no");
  EXPECT_EQ(outcome("B1:6.1 == 100.5"), "no");
  EXPECT_EQ(outcome("B1:6.1 <= 100"), "undecided");
  set("B1:6.1", "11,11");  // [11,105; 11,115)
  EXPECT_EQ(outcome("B1:6.1 == pct(1, 9)"), "undecided");
  EXPECT_EQ(outcome("B1:6.1 == 11.115"), "no");
  EXPECT_EQ(outcome("B1:6.1 == 11.105"), "undecided");
}

TEST_F(Rules, SumsOfRoundedShares) {
  set("B1:6.1", "33,3");
  set("B1:6.2", "66,7");
  // [33,25; 33,35) + [66,65; 66,75) = [99,9; 100,1): may be 100, so not a finding.
  EXPECT_EQ(outcome("B1:6.1 + B1:6.2 == 100"), "undecided");
  EXPECT_EQ(outcome("B1:6.1 + B1:6.2 <= 100"), "undecided");
  set("B1:6.2", "67,7");
  EXPECT_EQ(outcome("B1:6.1 + B1:6.2 <= 100"), "no");
  EXPECT_EQ(outcome("B1:6.1 - B1:6.2 < 0"), "yes");
}

TEST_F(Rules, CountsAreExact) {
  set("B1:1.1", "3");
  EXPECT_EQ(outcome("B1:1.1 == 3"), "yes");
  EXPECT_EQ(outcome("B1:1.1 == 3.4"), "no");
}

// Checks run on 64-bit fractions and fall back to exact big numbers when a figure outgrows them:
// either way the answer is exact, right up to the largest figures a report may hold.
TEST_F(Rules, FiguresBeyondSixtyFourBitsAreStillExact) {
  set("B1:5", "900.000.000.000.000.000");  // 9 × 10^17 đồng: a sum of two overflows int64
  set("B1:1.1", "999999999999999999");
  set("B1:1.2", "3");
  EXPECT_EQ(outcome("B1:5 + B1:5 == B1:5 * 2"), "yes");
  EXPECT_EQ(outcome("(B1:5 + B1:5 + B1:5) / 3 == B1:5"), "yes");
  EXPECT_EQ(outcome("B1:5 + B1:5 == B1:5 * 2 + 1"), "no");
  EXPECT_EQ(outcome("B1:5 + B1:5 - 900000000000000000 == B1:5"), "yes");
  EXPECT_EQ(outcome("B1:5 * 1000 > B1:5"), "yes");
  EXPECT_EQ(outcome("B1:1.1 * 1000 * 1000 - 1 < B1:1.1 * 1000000"), "yes");
  EXPECT_EQ(outcome("B1:1.1 * 1000 * 1000 == B1:1.1 * 1000000"), "yes");
  EXPECT_EQ(outcome("B1:1.1 / B1:1.2 == 333333333333333333"), "yes");
  EXPECT_EQ(outcome("pct(B1:1.2, B1:1.1) * 999999999999999999 == 300"), "yes");
  EXPECT_EQ(outcome("pct(B1:1.2, B1:1.1) < 0.000000001"), "yes");
  EXPECT_EQ(outcome("-B1:1.1 - B1:1.1 - B1:1.1 < -B1:1.1 * 3 + 1"), "yes");
  // A failure found past 64 bits is explained with the exact figures.
  const auto f = run(rule("B1:5 + B1:5 == 1"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].expected, "= 1");
}

// --- zero denominators -------------------------------------------------------------------------

TEST_F(Rules, ARatioOverZeroHasNoValue) {
  set("B1:1.2", "0");
  set("B1:1", "0");
  set("B1:2", "0");
  EXPECT_EQ(outcome("B1:2 == pct(B1:1.2, B1:1)"), "undecided");
  EXPECT_EQ(outcome("B1:2 != pct(B1:1.2, B1:1)"), "undecided");
  EXPECT_EQ(outcome("B1:1.2 / B1:1 == 0"), "undecided");
  // ...and the generated rule reports the number written there, at info level.
  const auto findings = RuleSet::structural(cat).check(report).value();
  auto it = std::find_if(findings.begin(), findings.end(),
                         [](const Finding& f) { return f.rule_id == "ratio-undefined.B1:2"; });
  ASSERT_NE(it, findings.end());
  EXPECT_EQ(it->severity, Severity::info);
  EXPECT_EQ(std::count_if(findings.begin(), findings.end(),
                          [](const Finding& f) { return f.rule_id == "ratio.B1:2"; }),
            0);
}

// --- missing values ----------------------------------------------------------------------------

TEST_F(Rules, SkipAnyIsTheDefault) {
  set("B1:1.1", "5");  // B1:1.2 blank
  EXPECT_EQ(outcome("B1:1.1 + B1:1.2 == 99"), "undecided");
  EXPECT_EQ(outcome("B1:1.1 + B1:1.2 == 99", "missing skip_any"), "undecided");
}

TEST_F(Rules, SkipAllCountsBlanksAsZeroUnlessAllAreBlank) {
  EXPECT_EQ(outcome("B1:1.1 + B1:1.2 == 99", "missing skip_all"), "undecided");
  set("B1:1.1", "5");
  EXPECT_EQ(outcome("B1:1.1 + B1:1.2 == 5", "missing skip_all"), "yes");
  EXPECT_EQ(outcome("B1:1.1 + B1:1.2 == 99", "missing skip_all"), "no");
}

TEST_F(Rules, ZeroCountsBlanksAsZero) {
  EXPECT_EQ(outcome("B1:1.1 + B1:1.2 == 0", "missing zero"), "yes");
  EXPECT_EQ(outcome("B1:1.1 + B1:1.2 == 1", "missing zero"), "no");
  EXPECT_EQ(outcome("first(B1:4) == 0", "missing zero"), "yes");
}

TEST_F(Rules, PresenceTestsDoNotCountForThePolicy) {
  // B1:5 is read only by present(), so the rule runs and fails.
  EXPECT_EQ(outcome("present(B1:5)"), "no");
  set("B1:3", "0");
  EXPECT_EQ(outcome("if B1:3 == 0 then absent(B1:3.1)"), "yes");
  set("B1:3.1", "1");
  EXPECT_EQ(outcome("if B1:3 == 0 then absent(B1:3.1)"), "no");
}

// --- compile errors ----------------------------------------------------------------------------

TEST_F(Rules, TypeErrorsSayLineColumnAndWhy) {
  const error e = check_error("B1:2 == B1:1");
  EXPECT_EQ(e.code, errc::kind_mismatch);
  EXPECT_EQ(e.where, "test.rules:3:9");
  EXPECT_NE(e.message_en.find("cannot compare a percent with a count; use pct(part, whole)"),
            std::string::npos)
      << e.message_en;
}

TEST_F(Rules, EveryTypeRule) {
  const std::pair<const char*, const char*> cases[] = {
      {"B1:1 == B1:2", "cannot compare a count with a percent"},
      {"B1:2 == B1:1.2 / B1:1", "use pct(part, whole)"},
      {"B1:3.1 + B1:1 == 1", "cannot compute a code + a count"},
      {"B1:3 + 1 == 1", "cannot compute a yes/no code + a number"},
      {"B1:1 + B1:2 == 1", "cannot compute a count + a percent"},
      {"B1:1 + B1:5 == 1", "cannot compute a count + an amount of money"},
      {"B1:1 * B1:1 == 1", "cannot compute a count * a count"},
      {"1 / B1:1 == 1", "cannot compute a number / a count"},
      {"B1:4 == 1", "cannot compare a pair with a number"},
      {"B1:3.1 < 1", "codes compare only with == and !="},
      {"B1:3 == B1:3.1", "cannot compare a yes/no code with a code"},
      {"B1:1", "check must be a condition, not a count"},
      {"B1:1 and true", "'and' needs a condition, not a count"},
      {"not B1:1", "'not' needs a condition"},
      {"if B1:1 then true", "'if' needs a condition"},
      {"pct(B1:2, B1:1) == 1", "pct(part, whole) takes two counts"},
      {"pct(B1:1, B1:5) == 1", "pct(part, whole) takes two counts"},
      {"sum(B1:1, B1:2) == 1", "sum() adds values of one kind"},
      {"first(B1:1) == 1", "first() takes a pair, not a count"},
      {"present(B1:1 + 1)", "present() takes a row address"},
      {"B1:2 in {1}", "'in' applies to codes and counts"},
      {"true == true", "cannot compare a condition with a condition"},
  };
  for (auto [check, message] : cases) {
    SCOPED_TRACE(check);
    const error e = check_error(check);
    EXPECT_EQ(e.code, errc::kind_mismatch) << e.describe();
    EXPECT_NE(e.message_en.find(message), std::string::npos) << e.message_en;
  }
}

TEST_F(Rules, NamesAndSyntaxErrors) {
  EXPECT_EQ(check_error("B1:9 == 1").code, errc::not_found);
  EXPECT_EQ(check_error("B9:1 == 1").code, errc::not_found);
  EXPECT_EQ(check_error("B1:6 == 1").code, errc::kind_mismatch);  // a heading
  EXPECT_EQ(check_error("nosuch == 1").code, errc::not_found);
  EXPECT_EQ(check_error("median(B1:1) == 1").code, errc::not_found);
  EXPECT_NE(check_error("pct(B1:1) == 1").message_en.find("takes 2 arguments"), std::string::npos);
  EXPECT_EQ(check_error("B1:1 == ").code, errc::parse_error);
  EXPECT_EQ(check_error("(B1:1 == 1").code, errc::parse_error);
  EXPECT_EQ(check_error("B1:1 == 1 1").code, errc::parse_error);
  EXPECT_EQ(check_error("B1:1 @ 1").where, "test.rules:3:14");
  EXPECT_EQ(check_error("if B1:1 == 1 B1:1 == 2").code, errc::parse_error);
  EXPECT_EQ(compile_error("rule t { check true vi \"x\" }").message_en,
            "the rule needs a Vietnamese (vi) and an English (en) message");
  EXPECT_EQ(compile_error("rule t { vi \"x\" en \"y\" }").message_en, "the rule has no check");
  EXPECT_EQ(compile_error("rule t { check true vi \"x\" en \"y\" colour red }").code,
            errc::parse_error);
  EXPECT_EQ(compile_error("rule t { check true vi \"unclosed }").code, errc::parse_error);
  EXPECT_EQ(compile_error("rule t { severity fatal check true vi \"x\" en \"y\" }").code,
            errc::parse_error);
  EXPECT_EQ(compile_error("rule t { missing never check true vi \"x\" en \"y\" }").code,
            errc::parse_error);
  EXPECT_EQ(compile_error("rule t { check true vi \"{B1:9}\" en \"y\" }").code, errc::not_found);
  EXPECT_EQ(compile_error("rule t { check true vi \"x\" en \"y\" fix B1:1 = B1:2 }").code,
            errc::kind_mismatch);
  EXPECT_EQ(compile_error("rule a { check true vi \"x\" en \"y\" }\n"
                          "rule a { check true vi \"x\" en \"y\" }")
                .where,
            "test.rules:2:1");
  EXPECT_EQ(compile_error("catalog other.catalog").code, errc::invalid_argument);
  EXPECT_EQ(compile_error("let x = x + 1").code, errc::not_found);  // no recursion
  EXPECT_EQ(compile_error("let and = 1").code, errc::parse_error);
  EXPECT_EQ(compile_error("nonsense").code, errc::parse_error);
}

TEST_F(Rules, NestingIsBounded) {
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "(";
  EXPECT_EQ(check_error(deep).code, errc::limit_exceeded);
  std::string chain = "B1:1";
  for (int i = 0; i < 1000; ++i) chain += " + 1";
  EXPECT_EQ(check_error(chain + " == 1").code, errc::limit_exceeded);
  RuleLimits tiny;
  tiny.max_source_bytes = 8;
  EXPECT_EQ(RuleSet::compile(rule("true"), cat, "t", tiny).error().code, errc::limit_exceeded);
}

// --- findings ----------------------------------------------------------------------------------

TEST_F(Rules, FindingsCarryRowsExpectedMessageAndFix) {
  set("B1:1", "40");
  set("B1:1.2", "10");
  set("B1:2", "30");
  const auto findings = run(R"(
    rule pct.check {
      severity warning
      check B1:2 == pct(B1:1.2, B1:1)
      vi "Tỷ lệ {B1:2}% khác {pct(B1:1.2, B1:1)}%"
      en "Rate {B1:2}% differs from {pct(B1:1.2, B1:1)}%"
    })");
  ASSERT_EQ(findings.size(), 1u);
  const Finding& f = findings[0];
  EXPECT_EQ(f.rule_id, "pct.check");
  EXPECT_EQ(f.severity, Severity::warning);
  ASSERT_EQ(f.rows.size(), 3u);
  EXPECT_EQ(f.rows[0].address, "B1:1");  // catalogue order
  EXPECT_EQ(f.rows[0].text, "40");
  EXPECT_EQ(f.rows[2].address, "B1:2");
  EXPECT_EQ(f.expected, "= 25");
  EXPECT_EQ(f.message_vi, "Tỷ lệ 30% khác 25%");
  EXPECT_EQ(f.message(Language::en), "Rate 30% differs from 25%");
  ASSERT_TRUE(f.fix);
  EXPECT_EQ(f.fix->address, "B1:2");
  EXPECT_EQ(f.fix->text, "25");
}

TEST_F(Rules, FixKeepsTheReportedPrecision) {
  set("B1:1", "3");
  set("B1:1.2", "1");
  set("B1:2", "33,4");
  const auto findings = run(rule("B1:2 == pct(B1:1.2, B1:1)"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].fix->text, "33,3");
  EXPECT_EQ(findings[0].expected, "= 33,33");
}

TEST_F(Rules, BlankPlaceholdersAndBraces) {
  const auto findings =
      run("rule t { check present(B1:5) vi \"{B1:5} {{x}}\" en \"{B1:5} {{x}}\" }");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message_vi, "(trống) {x}");
  EXPECT_EQ(findings[0].message_en, "(blank) {x}");
  EXPECT_TRUE(findings[0].rows[0].blank);
}

TEST_F(Rules, ExplicitFix) {
  set("B1:1.1", "2");
  set("B1:1.2", "3");
  const auto findings = run(rule("present(B1:1)", "fix B1:1 = B1:1.1 + B1:1.2"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].fix->address, "B1:1");
  EXPECT_EQ(findings[0].fix->text, "5");
}

// --- generated rules on a catalogue of our own -------------------------------------------------

TEST_F(Rules, StructuralRulesFromTheCatalogue) {
  set("B1:1", "10");
  set("B1:1.1", "4");
  set("B1:1.2", "5");   // partition: 4 + 5 ≠ 10
  set("B1:2", "60");    // 100 × 5 / 10 = 50
  set("B1:3", "2");     // not a yes/no answer
  set("B1:3.1", "7");   // not in the code list
  set("B1:4", "5/2");   // meetings > participants
  set("B1:5", "-1");    // negative money
  set("B1:6.1", "120"); // a percent above 100
  const auto findings = RuleSet::structural(cat).check(report).value();
  std::vector<std::string> ids;
  for (const auto& f : findings) ids.push_back(f.rule_id);
  // Ordered by each finding's first row in the catalogue, then by id; B2:1 is blank but not
  // required, so no required.B2:1.
  EXPECT_EQ(ids, (std::vector<std::string>{"ratio.B1:2", "sum.B1:1[1.1+1.2]", "domain.B1:3",
                                           "domain.B1:3.1", "pair.B1:4", "domain.B1:5",
                                           "domain.B1:6.1"}));
  const auto rules = RuleSet::structural(cat).rules();
  auto has = [&](std::string_view id) {
    return std::any_of(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == id; });
  };
  EXPECT_TRUE(has("sum.B1:1[1.2]"));  // the declared at-most sum
  EXPECT_TRUE(has("derivable.B1:1"));
  EXPECT_TRUE(has("derivable.B1:2"));
  EXPECT_TRUE(has("required.B1:5"));
  EXPECT_FALSE(has("required.B2:1"));
}

TEST_F(Rules, StructuralSourceIsReadableRuleText) {
  const std::string src = structural_rules_source(*cat);
  EXPECT_NE(src.find("rule \"ratio.B1:2\" {"), std::string::npos);
  EXPECT_NE(src.find("check B1:2 == pct(B1:1.2, B1:1)"), std::string::npos);
  EXPECT_TRUE(RuleSet::compile(src, cat, "structure"));
}

// --- custom rules ------------------------------------------------------------------------------

TEST_F(Rules, CustomCppRulesSitBesideCompiledOnes) {
  set("B1:1", "7");
  RuleSet rules = RuleSet::compile(rule("B1:1 < 5"), cat, "t").value();
  ASSERT_TRUE(rules.add_custom({"odd.total", Severity::info, "totals should be even",
                                [](const ReportView& view) {
                                  std::vector<Finding> out;
                                  const std::optional<Count> total = view.get<Count>("B1:1");
                                  if (total && total->get() % 2 == 1) {
                                    Finding f;
                                    f.rows = {view.row("B1:1")};
                                    f.message_vi = "Tổng số lẻ";
                                    f.message_en = "The total is odd";
                                    out.push_back(std::move(f));
                                  }
                                  return out;
                                }}));
  const auto findings = rules.check(report).value();
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].rule_id, "odd.total");  // stamped with the rule's id and severity
  EXPECT_EQ(findings[0].severity, Severity::info);
  EXPECT_EQ(findings[1].rule_id, "t");
  EXPECT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules.rules()[1].origin, "C++");
}

TEST_F(Rules, AThrowingCustomRuleBecomesAFinding) {
  RuleSet rules(cat);
  ASSERT_TRUE(rules.add_custom({"boom", Severity::warning, "", [](const ReportView&) -> std::vector<Finding> {
                                  throw std::runtime_error("database unavailable");
                                }}));
  const auto findings = rules.check(report).value();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule_id, "boom");
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_NE(findings[0].message_en.find("database unavailable"), std::string::npos);
}

TEST_F(Rules, RuleIdsAreUniqueAndCustomRulesNeedACallable) {
  RuleSet rules = RuleSet::compile(rule("true"), cat, "t").value();
  EXPECT_EQ(rules.add_source(rule("true"), "again").error().code, errc::invalid_argument);
  EXPECT_EQ(rules.add_custom({"t", Severity::info, "", [](const ReportView&) {
                                return std::vector<Finding>{};
                              }})
                .error()
                .code,
            errc::invalid_argument);
  EXPECT_EQ(rules.add_custom({"x", Severity::info, "", nullptr}).error().code,
            errc::invalid_argument);
  EXPECT_EQ(rules.size(), 1u);  // failed additions change nothing
}

TEST_F(Rules, AReportOfAnotherCatalogueIsRefused) {
  const RuleSet rules = RuleSet::structural(cat);
  EXPECT_EQ(rules.check(Report(builtin_catalog())).error().code, errc::invalid_argument);
}

TEST_F(Rules, CheckAllGivesEachReportItsOwnFindingsOnAnyNumberOfThreads) {
  std::vector<Report> reports;
  for (int i = 0; i < 50; ++i) {
    Report r(cat);
    EXPECT_TRUE(r.set_text("B1:1", std::to_string(i)));
    EXPECT_TRUE(r.set_text("B1:1.1", "3"));
    EXPECT_TRUE(r.set_text("B1:1.2", "4"));  // 3 + 4 = 7: only report 7 is consistent
    reports.push_back(std::move(r));
  }
  const RuleSet rules = RuleSet::structural(cat);
  std::vector<std::vector<Finding>> one;
  for (const auto& r : reports) one.push_back(rules.check(r).value());
  for (unsigned threads : {0u, 1u, 2u, 3u, 64u}) {
    SCOPED_TRACE(threads);
    EXPECT_EQ(rules.check_all(reports, threads).value(), one);
  }
  EXPECT_TRUE(rules.check_all({}, 4).value().empty());
  std::vector<Report> mixed;
  mixed.emplace_back(builtin_catalog());
  EXPECT_EQ(rules.check_all(mixed).error().code, errc::invalid_argument);
}

// The built-in set is compiled once and shared: what one copy adds stays in that copy.
TEST_F(Rules, TheBuiltinSetIsSharedButCopiesAreIndependent) {
  RuleSet mine = RuleSet::builtin(builtin_catalog());
  const std::size_t n = mine.size();
  ASSERT_TRUE(mine.add_source(rule("true"), "mine.rules"));
  EXPECT_EQ(mine.size(), n + 1);
  EXPECT_EQ(RuleSet::builtin(builtin_catalog()).size(), n);
  // Another catalogue object with the same id compiles its own set, with the same rules.
  auto again = catalog_from_json(catalog_to_json(*builtin_catalog()));
  ASSERT_TRUE(again);
  EXPECT_EQ(RuleSet::builtin(*again).size(), n);
}

TEST_F(Rules, CheckingIsDeterministic) {
  set("B1:1", "10");
  set("B1:1.1", "4");
  set("B1:3", "2");
  const RuleSet rules = RuleSet::structural(cat);
  const auto first = rules.check(report).value();
  const RuleSet copy = rules;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(copy.check(report).value(), first);
}

// --- the built-in rules on the bundled example -------------------------------------------------

TEST(BuiltinRules, FindTheRealInconsistenciesOfTheSeedAnnexAndNothingElse) {
  const Report report = load_report(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").value();
  const auto findings = RuleSet::builtin(report.catalog_ptr()).check(report).value();
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& f : findings) {
    std::string rows;
    for (const auto& r : f.rows) rows += (rows.empty() ? "" : ",") + r.address;
    got.emplace_back(f.rule_id, rows);
  }
  const std::vector<std::pair<std::string, std::string>> expected{
      // B1:1, directive documents issued, is blank; the narrative lists a dozen of them.
      {"required.B1:1", "B1:1"},
      // B1:2, the plan's completion rate, is blank although 21 of 35 tasks are reported: 60%.
      {"derivable.B1:2", "B1:2,B1:2.1,B1:2.2"},
      // B1:3.3 writes 0% over 0 issues found: a ratio with no value written as a number.
      {"ratio-undefined.B1:3.3", "B1:3.3,B1:3.3.1"},
      // B1:6, whether a satisfaction survey was held, is blank (6.1 and 6.2 depend on it).
      {"required.B1:6", "B1:6"},
      // B2:1, legal documents issued, is blank; the narrative says "Không" (none), i.e. 0.
      {"required.B2:1", "B2:1"},
      // B2:2.2 and B2:3.2 write 0% over 0 documents to handle.
      {"ratio-undefined.B2:2.2", "B2:2.2,B2:2.2.1"},
      {"ratio-undefined.B2:3.2", "B2:3.2,B2:3.2.1"},
      // B3:3.4 writes 0% over 0 petitions received.
      {"ratio-undefined.B3:3.4", "B3:3.4,B3:3.4.1"},
      // B4: 33 staff in post at public service units, but only 25 positions assigned.
      {"sum.B4:3.1[3.2]", "B4:3.1,B4:3.2"},
      // B5:3, managers appointed by examination, is blank although 3.1 and 3.2 (0 and 0) are.
      {"derivable.B5:3", "B5:3,B5:3.1,B5:3.2"},
      // B7:3.2: of the documents exchanged electronically (100%), 100% were sent fully
      // electronically and 100% electronically alongside paper: shares of 200%.
      {"sum.B7:3.2[3.2.a+3.2.b]", "B7:3.2,B7:3.2.a,B7:3.2.b"},
  };
  EXPECT_EQ(got, expected);
  EXPECT_TRUE(has_errors(findings));
  // The suggested fixes are what derive() fills in.
  EXPECT_EQ(findings[1].fix->text, "60");
  EXPECT_EQ(findings[9].fix->text, "0");
}

TEST(BuiltinRules, CompileAgainstTheBuiltinCatalogueOnly) {
  EXPECT_TRUE(RuleSet::compile(builtin_rules_source(), builtin_catalog(), "builtin.rules"));
  auto other = load_catalog(data_dir + "/kinds-catalog.json").value();
  EXPECT_EQ(RuleSet::compile(builtin_rules_source(), other, "builtin.rules").error().code,
            errc::invalid_argument);
  EXPECT_EQ(RuleSet::builtin(other).size(), RuleSet::structural(other).size());
  EXPECT_GT(RuleSet::builtin(builtin_catalog()).size(), RuleSet::structural(builtin_catalog()).size());
}

TEST(BuiltinRules, CrossFormAndConditionalRulesFire) {
  Report r = load_report(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").value();
  const RuleSet rules = RuleSet::builtin(r.catalog_ptr());
  auto ids = [&] {
    std::vector<std::string> out;
    for (const auto& f : rules.check(r).value()) out.push_back(f.rule_id);
    return out;
  };
  auto contains = [](const std::vector<std::string>& v, std::string_view id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  };
  ASSERT_TRUE(r.set_text("B6:1", "03"));  // form 4 says 02 units
  ASSERT_TRUE(r.set_text("B6:5", "01"));  // keep form 6's own partition whole
  EXPECT_TRUE(contains(ids(), "cross.public-units"));
  ASSERT_TRUE(r.set_text("B1:6", "0"));
  ASSERT_TRUE(r.set_text("B1:6.1", "120"));  // no survey, yet 120 forms
  EXPECT_TRUE(contains(ids(), "conditional.no-survey"));
  ASSERT_TRUE(r.set_text("B1:6", "1"));
  EXPECT_TRUE(contains(ids(), "conditional.survey-details"));  // B1:6.2 blank
  ASSERT_TRUE(r.set_text("B7:5.1", "0/0"));  // no procedure by post, yet 04 dossiers by post
  EXPECT_TRUE(contains(ids(), "conditional.postal-service"));
}

}  // namespace
}  // namespace cchc
