// SPDX-License-Identifier: MIT
// Every limit of cchc/limits.hpp, fed the hostile input it exists for (issue #7): each must give
// its documented error quickly, never exhaust memory or stack, never guess.
#include "cchc/limits.hpp"

#include <gtest/gtest.h>

#include <pthread.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "cchc/json.hpp"
#include "cchc/rules.hpp"
#include "cchc/text_import.hpp"
#include "cchc/value.hpp"

namespace cchc {
namespace {

const std::string clean_path = std::string(CCHC_TEST_DATA_DIR) + "/clean-report.json";

std::string clean_json() { return read_file(clean_path).value(); }

// The clean report with one value's JSON text replaced.
std::string with_value(std::string_view address, std::string_view json_value) {
  std::string text = clean_json();
  const std::string key = fmt::format("\"{}\": ", address);
  const auto at = text.find(key);
  EXPECT_NE(at, std::string::npos) << address;
  const auto start = at + key.size();
  const auto end = text.find_first_of(",\n", start);
  return text.replace(start, end - start, json_value);
}

std::string rule_with(std::string_view check) {
  return fmt::format("rule t {{ check {} vi \"x\" en \"y\" }}", check);
}

errc rules_error(std::string_view source, RuleLimits limits = {}) {
  auto r = RuleSet::compile(source, builtin_catalog(), "hostile.rules", limits);
  EXPECT_FALSE(r) << source.substr(0, 80);
  return r ? errc{} : r.error().code;
}

TEST(Limits, DefaultsAreTheDocumentedOnes) {
  const Limits l;
  EXPECT_EQ(l.json.max_depth, 32u);
  EXPECT_EQ(l.json.max_bytes, 64u << 20);
  EXPECT_EQ(l.rules.max_source_bytes, 16u << 20);
  EXPECT_EQ(l.rules.max_depth, 256u);
  EXPECT_EQ(l.rules.max_nodes, 65536u);
  EXPECT_EQ(l.text.max_bytes, 64u << 20);
  EXPECT_EQ(l.text.max_line_bytes, 1u << 20);
}

// --- deeply nested JSON ------------------------------------------------------------------------

TEST(Limits, DeeplyNestedJsonIsRefusedAtTheDepthLimit) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(report_from_json(deep).error().code, errc::limit_exceeded);
  EXPECT_EQ(catalog_from_json(deep).error().code, errc::limit_exceeded);
  // Nesting inside a valid report, where a value belongs.
  auto nested = report_from_json(with_value("B1:1", std::string(40, '[') + std::string(40, ']')),
                                 builtin_catalog());
  EXPECT_EQ(nested.error().code, errc::limit_exceeded);
  // A report needs depth 2; the limit is settable down to it and up to the ceiling only.
  JsonLimits tight;
  tight.max_depth = 2;
  EXPECT_TRUE(report_from_json(clean_json(), builtin_catalog(), tight));
  tight.max_depth = 1;
  EXPECT_EQ(report_from_json(clean_json(), builtin_catalog(), tight).error().code,
            errc::limit_exceeded);
  JsonLimits lifted;
  lifted.max_depth = JsonLimits::max_depth_ceiling + 1;
  EXPECT_EQ(report_from_json(clean_json(), builtin_catalog(), lifted).error().code,
            errc::invalid_argument);
}

// --- rule expressions nested thousands deep, and recursion through definitions ----------------

TEST(Limits, RuleNestingThousandsDeepIsRefused) {
  EXPECT_EQ(rules_error(rule_with(std::string(5000, '(') + "true" + std::string(5000, ')'))),
            errc::limit_exceeded);
  EXPECT_EQ(rules_error(rule_with(std::string(5000, '-') + "B1:1 == 1")), errc::limit_exceeded);
  std::string nots;
  for (int i = 0; i < 5000; ++i) nots += "not ";
  EXPECT_EQ(rules_error(rule_with(nots + "true")), errc::limit_exceeded);
  std::string chain = "B1:1";
  for (int i = 0; i < 5000; ++i) chain += " + 1";
  EXPECT_EQ(rules_error(rule_with(chain + " == 1")), errc::limit_exceeded);
  // Within a raised limit a deeper rule compiles; beyond the ceiling no limit may be set.
  const std::string deeper = rule_with(std::string(260, '(') + "true" + std::string(260, ')'));
  EXPECT_EQ(rules_error(deeper), errc::limit_exceeded);
  RuleLimits raised;
  raised.max_depth = 300;
  EXPECT_TRUE(RuleSet::compile(deeper, builtin_catalog(), "t", raised));
  raised.max_depth = RuleLimits::max_depth_ceiling + 1;
  EXPECT_EQ(rules_error(rule_with("true"), raised), errc::invalid_argument);
}

// A host's thread may have a small stack: nesting within the count limit must still stop before
// the stack does.
TEST(Limits, RuleNestingStopsBeforeASmallThreadStackOverflows) {
  struct Job {
    std::string source;
    errc code = errc{};
  } job{rule_with(std::string(250, '(') + "true" + std::string(250, ')'))};
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, 320u << 10), 0);
  pthread_t thread;
  auto run = [](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    auto r = RuleSet::compile(j->source, builtin_catalog(), "t");
    j->code = r ? errc{} : r.error().code;
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, run, &job), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  EXPECT_EQ(job.code, errc::limit_exceeded);
}

TEST(Limits, DefinitionsCannotRecurseOrGrowWithoutBound) {
  // Recursion cannot be written: a name is visible only below its definition.
  EXPECT_EQ(rules_error("let x = x + 1\n" + rule_with("x > 0")), errc::not_found);
  EXPECT_EQ(rules_error("let a = b\nlet b = a\n" + rule_with("a > 0")), errc::not_found);
  // A chain of definitions, each one level deeper: bounded once expanded.
  std::string chain = "let d0 = B1:1\n";
  for (int i = 1; i <= 5000; ++i) chain += fmt::format("let d{} = d{} + 1\n", i, i - 1);
  EXPECT_EQ(rules_error(chain + rule_with("d5000 > 0")), errc::limit_exceeded);
  // Definitions that double: 2^40 nodes once expanded, refused before any is copied.
  std::string doubling = "let e0 = B1:1\n";
  for (int i = 1; i <= 40; ++i) doubling += fmt::format("let e{} = e{} + e{}\n", i, i - 1, i - 1);
  EXPECT_EQ(rules_error(doubling + rule_with("e40 > 0")), errc::limit_exceeded);
  RuleLimits small;
  small.max_nodes = 8;
  EXPECT_EQ(rules_error("let e = B1:1 + B1:1\n" + rule_with("e + e + e > 0"), small),
            errc::limit_exceeded);
  EXPECT_EQ(rules_error(rule_with("B1:1 + B1:1 + B1:1 + B1:1 + B1:1 > 0"), small),
            errc::limit_exceeded);
}

// --- a 100 MB single line ----------------------------------------------------------------------

TEST(Limits, AHundredMegabyteLineIsRefused) {
  const std::string line(100u << 20, 'x');
  EXPECT_EQ(import_text(line).error().code, errc::limit_exceeded);  // beyond max_bytes
  TextLimits roomy;
  roomy.max_bytes = 200u << 20;  // now the line limit speaks
  const auto e = import_text(line, builtin_catalog(), roomy).error();
  EXPECT_EQ(e.code, errc::limit_exceeded);
  EXPECT_NE(e.message_en.find("line too long"), std::string::npos) << e.message_en;
  // As JSON: one line of 100 MB, beyond the document limit.
  EXPECT_EQ(report_from_json(fmt::format("[\"{}\"]", line)).error().code, errc::limit_exceeded);
  // As a rule source.
  EXPECT_EQ(rules_error(line), errc::limit_exceeded);
}

TEST(Limits, FilesAreReadNoFurtherThanTheLimit) {
  // /dev/zero never ends: the reader must stop at the limit, not when memory runs out.
  if (!std::filesystem::exists("/dev/zero")) GTEST_SKIP() << "no /dev/zero";
  EXPECT_EQ(read_file("/dev/zero", 1u << 20).error().code, errc::limit_exceeded);
  EXPECT_EQ(load_report("/dev/zero").error().code, errc::limit_exceeded);
  EXPECT_EQ(import_file("/dev/zero").error().code, errc::limit_exceeded);
}

// --- a billion-digit number --------------------------------------------------------------------

TEST(Limits, ABillionDigitNumberIsOutOfRangeWithoutBeingCopied) {
  const std::string digits(1'000'000'000, '7');
  const auto d = parse_decimal(digits);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, errc::out_of_range);
  EXPECT_LT(d.error().message_en.size(), 200u);  // the message quotes a prefix, not the number
  EXPECT_EQ(parse_value(digits, Kind::count).error().code, errc::out_of_range);
  EXPECT_EQ(parse_value(digits, Kind::money).error().code, errc::out_of_range);
  EXPECT_EQ(parse_value(fmt::format("1,{}", digits.substr(0, 1000)), Kind::percent).error().code,
            errc::out_of_range);
  // In JSON, a figure longer than the document limit is refused before it is read; one within a
  // raised limit is refused with the row named.
  const std::string_view sixty_five_mb(digits.data(), 65u << 20);
  EXPECT_EQ(report_from_json(with_value("B1:1", fmt::format("\"{}\"", sixty_five_mb))).error().code,
            errc::limit_exceeded);
  JsonLimits roomy;
  roomy.max_bytes = 32u << 20;
  const auto e = report_from_json(with_value("B1:1", fmt::format("\"{}\"", digits.substr(0, 10'000'000))),
                                  builtin_catalog(), roomy)
                     .error();
  EXPECT_EQ(e.code, errc::out_of_range);
  EXPECT_NE(e.describe().find("B1:1"), std::string::npos) << e.describe();
  // A bare JSON number is not a figure as written (figures are strings): refused as such.
  EXPECT_FALSE(report_from_json(with_value("B1:1", digits.substr(0, 100'000))));
}

// --- a pair with missing halves ----------------------------------------------------------------

TEST(Limits, APairWithAMissingHalfIsAParseError) {
  for (std::string_view text : {"5/", "/5", "/", " / ", "5//5", "5/5/5", "5 /", "/ 5"}) {
    const auto v = parse_value(text, Kind::pair);
    ASSERT_FALSE(v) << text;
    EXPECT_EQ(v.error().code, errc::parse_error) << text;
    const auto r = report_from_json(with_value("B3:3.2", fmt::format("\"{}\"", text)));
    ASSERT_FALSE(r) << text;
    EXPECT_NE(r.error().describe().find("B3:3.2"), std::string::npos) << r.error().describe();
  }
}

}  // namespace
}  // namespace cchc
