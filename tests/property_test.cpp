// SPDX-License-Identifier: MIT
// Property tests (issue #7, "no silent change") over random reports from the catalogue: every
// kind of value, both kinds of blank, odd but valid writing. They cut across headers, so they
// have their own file: JSON export∘import is the identity, derive() never alters a reported
// value, and checking is deterministic on one thread or many.
#include <gtest/gtest.h>

#include <set>

#include "cchc/derive.hpp"
#include "cchc/finding.hpp"
#include "cchc/output.hpp"
#include "cchc/json.hpp"
#include "cchc/rules.hpp"
#include "support/random_report.hpp"

namespace cchc {
namespace {

constexpr std::uint64_t seeds[] = {1, 2, 3, 2024, 0xC0FFEE};
constexpr int reports_per_seed = 60;

// The built-in catalogue, and one with a row of every kind (the built-in one has no money).
std::vector<std::shared_ptr<const Catalog>> catalogs() {
  return {builtin_catalog(),
          load_catalog(std::string(CCHC_TEST_DATA_DIR) + "/kinds-catalog.json").value()};
}

std::vector<Report> random_reports(std::uint64_t seed, int n,
                                   const std::shared_ptr<const Catalog>& catalog) {
  testing::RandomReports gen(seed);
  std::vector<Report> out;
  for (int i = 0; i < n; ++i) out.push_back(gen.next(catalog));
  return out;
}

std::vector<Report> random_reports(std::uint64_t seed, int n) {
  std::vector<Report> out;
  for (const auto& c : catalogs())
    for (auto& r : random_reports(seed, n, c)) out.push_back(std::move(r));
  return out;
}

TEST(Properties, TheGeneratorReachesEveryCorner) {
  // A property over reports that never hold some kind of value would prove nothing about it.
  std::set<std::string> seen;
  for (const Report& r : random_reports(1, reports_per_seed)) {
    for (const Row& row : r.catalog().rows()) {
      const Value& v = r.value(row.id);
      if (const auto* a = std::get_if<Absent>(&v)) {
        seen.insert(std::string(to_string(a->reason())));
      } else {
        seen.insert(std::string(to_string(*kind_of(v))));
        if (!is_ok(v)) seen.insert("invalid as written");
        const std::string& t = text_of(v);
        if (t.find('.') != std::string::npos) seen.insert("grouped");
        if (t.starts_with('0') && t.size() > 1 && t[1] != ',') seen.insert("leading zero");
        if (t.find(' ') != std::string::npos) seen.insert("spaced");
      }
      if (!r.note(row.id).empty()) seen.insert("note");
    }
  }
  for (const char* want : {"not_reported", "not_applicable", "count", "percent", "yes_no", "code",
                           "pair", "money", "invalid as written", "grouped", "leading zero",
                           "spaced", "note"})
    EXPECT_TRUE(seen.contains(want)) << want;
}

TEST(Properties, JsonExportThenImportIsTheIdentity) {
  for (auto seed : seeds) {
    for (const Report& r : random_reports(seed, reports_per_seed)) {
      const std::string json = report_to_json(r);
      auto back = report_from_json(json, r.catalog_ptr());
      ASSERT_TRUE(back) << "seed " << seed << ": " << back.error().describe();
      EXPECT_TRUE(*back == r) << "seed " << seed << "\n" << json;
      EXPECT_EQ(report_to_json(*back), json);
    }
  }
}

TEST(Properties, DeriveNeverAltersAReportedValue) {
  std::size_t filled = 0;
  for (auto seed : seeds) {
    for (const Report& r : random_reports(seed, reports_per_seed)) {
      const Derived d = derive(r);
      filled += d.derivations.size();
      for (const Row& row : r.catalog().rows()) {
        const Value& before = r.value(row.id);
        const Value& after = d.report.value(row.id);
        if (!is_absent(before)) {
          EXPECT_TRUE(same_as_written(before, after)) << row.address() << " seed " << seed;
        }
        EXPECT_EQ(r.note(row.id), d.report.note(row.id));
      }
      for (const Derivation& dv : d.derivations) {
        EXPECT_TRUE(is_absent(r.value(dv.row))) << dv.address << " was not blank";
        EXPECT_EQ(text_of(d.report.value(dv.row)), dv.text);
      }
      EXPECT_TRUE(d.report.metadata() == r.metadata());
    }
  }
  EXPECT_GT(filled, 0u);  // the blanks the generator leaves include derivable ones
}

TEST(Properties, CheckingIsDeterministicOnOneThreadOrMany) {
  const RuleSet rules = RuleSet::builtin(builtin_catalog());
  for (auto seed : seeds) {
    const auto reports = random_reports(seed, reports_per_seed, builtin_catalog());
    const auto one = rules.check_all(reports, 1).value();
    const auto many = rules.check_all(reports, 4).value();
    ASSERT_EQ(one.size(), reports.size());
    std::size_t findings = 0;
    for (std::size_t i = 0; i < reports.size(); ++i) {
      const auto single = rules.check(reports[i]).value();
      const std::string expected = findings_to_json(single);
      EXPECT_EQ(findings_to_json(one[i]), expected) << "seed " << seed << " report " << i;
      EXPECT_EQ(findings_to_json(many[i]), expected) << "seed " << seed << " report " << i;
      EXPECT_EQ(findings_to_json(rules.check(reports[i]).value()), expected);
      findings += single.size();
    }
    EXPECT_GT(findings, 0u);
  }
}

}  // namespace
}  // namespace cchc
