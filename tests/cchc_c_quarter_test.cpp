// SPDX-License-Identifier: MIT
// The quarter through the C API (cchc.h): consolidation, histories and the archive, and what
// each function says to a caller that passes something wrong.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cchc/cchc.h"

namespace {

const std::string quarter = std::string(CCHC_TEST_DATA_DIR) + "/quarter/";

struct Loaded {
  cchc_catalog* catalog = nullptr;
  std::vector<cchc_report*> reports;
  Loaded() { EXPECT_EQ(cchc_catalog_builtin(&catalog), CCHC_OK); }
  cchc_report* load(const std::string& name) {
    cchc_report* r = nullptr;
    EXPECT_EQ(cchc_report_load(&r, catalog, (quarter + name).c_str()), CCHC_OK) << cchc_last_error();
    reports.push_back(r);
    return r;
  }
  ~Loaded() {
    for (auto* r : reports) cchc_report_free(r);
    cchc_catalog_free(catalog);
  }
};

std::string text(const cchc_report* r, const char* address) {
  char buf[64];
  size_t length = 0;
  EXPECT_EQ(cchc_report_get_text(buf, sizeof buf, &length, r, address), CCHC_OK);
  return buf;
}

TEST(CQuarter, ConsolidatesWithOptionsAndFindings) {
  Loaded l;
  const cchc_report* units[] = {l.load("skhcn-q1-2024.json"), l.load("stc-q1-2024.json"),
                                l.load("syt-q1-2024.json")};
  cchc_consolidate_options o = CCHC_CONSOLIDATE_OPTIONS_INIT;
  o.agency_code = "SNV";
  o.agency_level = "district";
  o.expected = "SKHCN\nSTC\nSYT\nSGTVT";
  cchc_report* province = nullptr;
  cchc_findings* found = nullptr;
  ASSERT_EQ(cchc_consolidate(&province, &found, units, 3, &o), CCHC_OK) << cchc_last_error();
  EXPECT_EQ(text(province, "B7:4.4"), "51,43");
  char level[32];
  size_t length = 0;
  ASSERT_EQ(cchc_report_get_meta(level, sizeof level, &length, province, "agency.level"), CCHC_OK);
  EXPECT_STREQ(level, "district");
  size_t warnings = 0;
  ASSERT_EQ(cchc_findings_summary(nullptr, &warnings, nullptr, found), CCHC_OK);
  EXPECT_GE(warnings, 2u);
  cchc_findings_free(found);
  cchc_report_free(province);
  // Without findings or options, and the errors a caller can make.
  ASSERT_EQ(cchc_consolidate(&province, nullptr, units, 3, nullptr), CCHC_OK);
  cchc_report_free(province);
  EXPECT_EQ(cchc_consolidate(&province, nullptr, units, 0, nullptr), CCHC_EINVAL);
  EXPECT_EQ(cchc_consolidate(nullptr, nullptr, units, 3, nullptr), CCHC_EINVAL);
  const cchc_report* holes[] = {units[0], nullptr};
  EXPECT_EQ(cchc_consolidate(&province, nullptr, holes, 2, nullptr), CCHC_EINVAL);
  EXPECT_NE(std::string(cchc_last_error()).find("reports[1]"), std::string::npos);
  o.version = 99;
  EXPECT_EQ(cchc_consolidate(&province, nullptr, units, 3, &o), CCHC_EINVAL);
  o = CCHC_CONSOLIDATE_OPTIONS_INIT;
  o.agency_level = "galaxy";
  EXPECT_NE(cchc_consolidate(&province, nullptr, units, 3, &o), CCHC_OK);
  o = CCHC_CONSOLIDATE_OPTIONS_INIT;
  o.period = "\xff";
  EXPECT_EQ(cchc_consolidate(&province, nullptr, units, 3, &o), CCHC_EUTF8);
}

TEST(CQuarter, HistoryFeedsTheCrossPeriodRules) {
  Loaded l;
  cchc_report* q1 = l.load("skhcn-q1-2024.json");
  cchc_report* six = l.load("skhcn-six-months-2024-shrank.json");
  cchc_history* h = nullptr;
  ASSERT_EQ(cchc_history_new(&h), CCHC_OK);
  ASSERT_EQ(cchc_history_add(h, q1), CCHC_OK);
  size_t size = 0;
  ASSERT_EQ(cchc_history_size(&size, h), CCHC_OK);
  EXPECT_EQ(size, 1u);
  cchc_ruleset* rules = nullptr;
  ASSERT_EQ(cchc_ruleset_builtin(&rules, l.catalog), CCHC_OK);
  cchc_findings* found = nullptr;
  ASSERT_EQ(cchc_ruleset_check_history(&found, rules, six, h, nullptr), CCHC_OK);
  size_t n = 0, flows = 0;
  cchc_findings_count(&n, found);
  for (size_t i = 0; i < n; ++i) {
    cchc_finding_info info = CCHC_FINDING_INFO_INIT;
    ASSERT_EQ(cchc_findings_get(&info, found, i), CCHC_OK);
    if (std::string(info.rule_id) != "period.flow.B7:4.4.1") continue;
    ++flows;
    char period[16];
    size_t length = 0;
    ASSERT_EQ(cchc_findings_row_period(period, sizeof period, &length, found, i, 0), CCHC_OK);
    EXPECT_EQ(length, 0u);  // the report checked
    ASSERT_EQ(cchc_findings_row_period(period, sizeof period, &length, found, i, 1), CCHC_OK);
    EXPECT_STREQ(period, "q1 2024");
    EXPECT_EQ(cchc_findings_row_period(period, sizeof period, &length, found, i, 2), CCHC_EINVAL);
  }
  EXPECT_EQ(flows, 1u);
  cchc_findings_free(found);
  // A NULL history is no history: the cross-period rules do not run.
  ASSERT_EQ(cchc_ruleset_check_history(&found, rules, six, nullptr, nullptr), CCHC_OK);
  cchc_findings_free(found);
  EXPECT_EQ(cchc_history_add(nullptr, q1), CCHC_EINVAL);
  EXPECT_EQ(cchc_history_add(h, nullptr), CCHC_EINVAL);
  cchc_ruleset_free(rules);
  cchc_history_free(h);
  cchc_history_free(nullptr);
}

TEST(CQuarter, ArchiveAddsExportsAndGivesHistories) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("cchc-c-archive-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string db = (dir / "a.db").string();
  Loaded l;
  const cchc_report* units[] = {l.load("skhcn-q1-2024.json"), l.load("stc-q1-2024.json")};
  cchc_archive* a = nullptr;
  ASSERT_EQ(cchc_archive_open(&a, db.c_str()), CCHC_OK) << cchc_last_error();
  cchc_archive_added added = CCHC_ARCHIVE_ADDED_INIT;
  ASSERT_EQ(cchc_archive_add(a, units, 2, &added), CCHC_OK);
  EXPECT_EQ(added.added, 2u);
  ASSERT_EQ(cchc_archive_add(a, units, 2, nullptr), CCHC_OK);
  size_t current = 0, versions = 0;
  ASSERT_EQ(cchc_archive_count(&current, &versions, a), CCHC_OK);
  EXPECT_EQ(current, 2u);
  EXPECT_EQ(versions, 2u);
  size_t length = 0;
  ASSERT_EQ(cchc_archive_export(nullptr, 0, &length, a, "q1 2024", "STC"), CCHC_OK);
  std::string lines(length + 1, '\0');
  ASSERT_EQ(cchc_archive_export(lines.data(), lines.size(), &length, a, "q1 2024", "STC"), CCHC_OK);
  EXPECT_NE(lines.find("\"code\":\"STC\""), std::string::npos);
  EXPECT_EQ(lines.find("\"code\":\"SKHCN\""), std::string::npos);
  char small[8];
  EXPECT_EQ(cchc_archive_export(small, sizeof small, &length, a, nullptr, nullptr), CCHC_EBUFFER);
  EXPECT_NE(cchc_archive_export(nullptr, 0, &length, a, "not a period", nullptr), CCHC_OK);
  cchc_history* h = nullptr;
  cchc_report* six = l.load("skhcn-six-months-2024-grew.json");
  ASSERT_EQ(cchc_archive_history(&h, a, six, 0), CCHC_OK);
  size_t size = 0;
  cchc_history_size(&size, h);
  EXPECT_EQ(size, 1u);
  cchc_history_free(h);
  EXPECT_EQ(cchc_archive_history(&h, a, six, -1), CCHC_EINVAL);
  EXPECT_EQ(cchc_archive_verify(a), CCHC_OK);
  added.version = 7;
  EXPECT_EQ(cchc_archive_add(a, units, 2, &added), CCHC_EINVAL);
  cchc_archive_free(a);
  cchc_archive_free(nullptr);
  EXPECT_EQ(cchc_archive_open(&a, (dir / "no" / "such" / "dir.db").string().c_str()), CCHC_EIO);
  EXPECT_EQ(cchc_archive_open(nullptr, db.c_str()), CCHC_EINVAL);
  std::filesystem::remove_all(dir);
}

}  // namespace
