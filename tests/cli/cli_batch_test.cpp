// SPDX-License-Identifier: MIT
// `cchc check reports.csv --catalog C --rules R --no-builtin --summary --format json` gives the
// per-rule fail counts of the tree evaluator (RuleSet::check, one report at a time) on the same
// reports (issue #13).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include <boost/json.hpp>

#include "cchc/cchc.hpp"
#include "support/csv.hpp"
#include "support/random_report.hpp"

namespace cchc {
namespace {

namespace fs = std::filesystem;

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) out.append(buf.data(), n);
  pclose(pipe);
  return out;
}

TEST(CliBatch, SummaryCountsAreTheTreeEvaluators) {
  const fs::path catalog_file = std::string(CCHC_TEST_DATA_DIR) + "/kinds-catalog.json";
  const auto catalog = load_catalog(catalog_file).value();
  const std::string rules_text = structural_rules_source(*catalog);
  RuleSet rules(catalog);
  ASSERT_TRUE(rules.add_source(rules_text, "structural.rules"));

  testing::RandomReports gen(13);
  std::vector<Report> reports;
  for (int i = 0; i < 3000; ++i) reports.push_back(gen.next(catalog));
  std::map<std::string, std::size_t> tree;
  for (const Report& r : reports) {
    std::set<std::string> failing;
    for (const Finding& f : rules.check(r).value()) failing.insert(f.rule_id);
    for (const auto& id : failing) ++tree[id];
  }

  const fs::path dir = fs::temp_directory_path() / "cchc-cli-batch-test";
  fs::create_directories(dir);
  const std::array<std::string_view, 1> metadata{"agency.code"};
  ASSERT_TRUE(write_file(dir / "reports.csv", testing::to_csv(reports, *catalog, metadata)));
  ASSERT_TRUE(write_file(dir / "structural.rules", rules_text));
  const std::string out = run(std::string(CCHC_CLI) + " check " + (dir / "reports.csv").string() +
                              " --catalog " + catalog_file.string() + " --rules " +
                              (dir / "structural.rules").string() +
                              " --no-builtin --summary --format json --threads 1");
  fs::remove_all(dir);
  const auto doc = boost::json::parse(out).as_object();
  EXPECT_EQ(doc.at("reports").as_int64(), 3000);
  const auto& summary = doc.at("summary").as_array();
  ASSERT_EQ(summary.size(), rules.size());
  std::size_t failing_rules = 0;
  for (const auto& entry : summary) {
    const auto& s = entry.as_object();
    const std::string id(s.at("rule").as_string());
    const auto it = tree.find(id);
    const std::int64_t want = it == tree.end() ? 0 : static_cast<std::int64_t>(it->second);
    EXPECT_EQ(s.at("fails").as_int64(), want) << id;
    EXPECT_EQ(s.at("evaluated").as_int64() + s.at("skipped").as_int64(), 3000) << id;
    failing_rules += want > 0;
  }
  EXPECT_GT(failing_rules, 5u);  // the random reports break many rules: the test can fail
}

}  // namespace
}  // namespace cchc
