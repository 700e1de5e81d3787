// SPDX-License-Identifier: MIT
// Templates through the C API (cchc/c/templates.h): the registry, a template's catalogue and
// rules, migration and scoring, and what each function says to a caller that passes something
// wrong.
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cchc/cchc.h"

namespace {

const std::string examples = std::string(CCHC_EXAMPLE_DATA_DIR) + "/../";

std::string read(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  EXPECT_NE(f, nullptr) << path;
  std::string s;
  char buf[4096];
  for (size_t n; f && (n = std::fread(buf, 1, sizeof buf, f)) > 0;) s.append(buf, n);
  if (f) std::fclose(f);
  return s;
}

std::vector<std::string> rule_ids(const cchc_findings* f) {
  size_t n = 0;
  EXPECT_EQ(cchc_findings_count(&n, f), CCHC_OK);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    cchc_finding_info info{};
    info.version = CCHC_FINDING_INFO_VERSION;
    EXPECT_EQ(cchc_findings_get(&info, f, i), CCHC_OK);
    out.emplace_back(info.rule_id);
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(CTemplates, ARegistryListsLooksUpAndChecksWithTheTemplateAReportNames) {
  const std::string dir = examples + "templates";
  const char* dirs[] = {dir.c_str()};
  cchc_registry* registry = nullptr;
  ASSERT_EQ(cchc_registry_open(&registry, dirs, 1), CCHC_OK) << cchc_last_error();
  size_t count = 0;
  ASSERT_EQ(cchc_registry_count(&count, registry), CCHC_OK);
  EXPECT_EQ(count, 5u);
  std::vector<std::string> listed;
  for (size_t i = 0; i < count; ++i) {
    const cchc_template* t = nullptr;
    ASSERT_EQ(cchc_registry_at(&t, registry, i), CCHC_OK);
    cchc_template_info info{};
    info.version = CCHC_TEMPLATE_INFO_VERSION;
    ASSERT_EQ(cchc_template_get_info(&info, t), CCHC_OK);
    listed.push_back(std::string(info.id) + " " + info.template_version + " " + info.level);
  }
  EXPECT_EQ(listed[0], "vn.example.xa-mau 2025.1 commune");  // by id: "example" < "qd-766"
  const cchc_template* dept = nullptr;
  ASSERT_EQ(cchc_registry_lookup(&dept, registry, "vn.sonla.snv-3981-2022.so-nganh", nullptr), CCHC_OK);
  cchc_template_info info{};
  info.version = CCHC_TEMPLATE_INFO_VERSION;
  ASSERT_EQ(cchc_template_get_info(&info, dept), CCHC_OK);
  EXPECT_STREQ(info.template_version, "2025.1");
  EXPECT_STREQ(info.mapping_from, "2022.1");
  EXPECT_STREQ(info.effective_from, "2025-07-01");
  EXPECT_STREQ(info.effective_until, "");
  EXPECT_STREQ(info.origin, "built-in");
  EXPECT_NE(std::string(info.derived).find("Derived by cchc"), std::string::npos);
  EXPECT_EQ(info.has_scoring, 0);

  // The report names its template; read it with that template's catalogue and rules.
  const std::string json = read(examples + "data/xa-mau-q1-2026.json");
  const cchc_template* named = nullptr;
  ASSERT_EQ(cchc_registry_for_report_json(&named, registry, json.c_str(), json.size()), CCHC_OK);
  cchc_catalog* catalog = nullptr;
  cchc_ruleset* rules = nullptr;
  ASSERT_EQ(cchc_template_catalog(&catalog, named), CCHC_OK);
  ASSERT_EQ(cchc_template_ruleset(&rules, named), CCHC_OK);
  cchc_options o = CCHC_OPTIONS_INIT;
  o.catalog = catalog;
  cchc_report* report = nullptr;
  ASSERT_EQ(cchc_report_from_json_v2(&report, json.c_str(), json.size(), &o), CCHC_OK) << cchc_last_error();
  cchc_findings* found = nullptr;
  ASSERT_EQ(cchc_ruleset_check(&found, rules, report), CCHC_OK);
  const auto ids = rule_ids(found);
  EXPECT_TRUE(has(ids, "template.deadline"));
  EXPECT_TRUE(has(ids, "xa-mau.online-within-handled"));
  cchc_findings_free(found);
  cchc_report_free(report);
  cchc_ruleset_free(rules);
  cchc_catalog_free(catalog);

  // Misuse: named, never a crash.
  const cchc_template* none = nullptr;
  EXPECT_EQ(cchc_registry_lookup(&none, registry, "vn.nowhere", ""), CCHC_ENOTFOUND);
  EXPECT_NE(std::string(cchc_last_error()).find("CCHC_TEMPLATE_PATH"), std::string::npos);
  EXPECT_EQ(cchc_registry_lookup(&none, registry, "vn.sonla.snv-3981-2022.so-nganh", "1999"), CCHC_ENOTFOUND);
  EXPECT_NE(std::string(cchc_last_error()).find("2022.1, 2025.1"), std::string::npos);
  EXPECT_EQ(cchc_registry_at(&none, registry, count), CCHC_ERANGE);
  EXPECT_EQ(cchc_registry_lookup(&none, registry, nullptr, nullptr), CCHC_EINVAL);
  info.version = 99;
  EXPECT_EQ(cchc_template_get_info(&info, dept), CCHC_EINVAL);
  EXPECT_EQ(cchc_registry_count(&count, nullptr), CCHC_EINVAL);
  cchc_registry_free(registry);
  cchc_registry_free(nullptr);

  const char* bad[] = {"/nonexistent-folder-of-templates"};
  EXPECT_EQ(cchc_registry_open(&registry, bad, 1), CCHC_EIO);
  EXPECT_EQ(cchc_registry_open(&registry, nullptr, 1), CCHC_EINVAL);
}

TEST(CTemplates, MigratesAndScores) {
  cchc_registry* registry = nullptr;
  ASSERT_EQ(cchc_registry_open(&registry, nullptr, 0), CCHC_OK);
  cchc_catalog* builtin = nullptr;
  ASSERT_EQ(cchc_catalog_builtin(&builtin), CCHC_OK);
  cchc_report* seed = nullptr;
  ASSERT_EQ(cchc_report_load(&seed, builtin, (examples + "data/seed-report.json").c_str()), CCHC_OK);
  cchc_report* migrated = nullptr;
  cchc_findings* notes = nullptr;
  ASSERT_EQ(cchc_report_migrate(&migrated, &notes, seed, registry, "2025.1"), CCHC_OK) << cchc_last_error();
  char buf[32];
  size_t length = 0;
  ASSERT_EQ(cchc_report_get_text(buf, sizeof buf, &length, migrated, "B7:4.3.3"), CCHC_OK);
  EXPECT_STREQ(buf, "5");
  EXPECT_TRUE(has(rule_ids(notes), "migrate.added.B7:4.6"));
  cchc_report* back = nullptr;
  EXPECT_EQ(cchc_report_migrate(&back, nullptr, migrated, registry, "2022.1"), CCHC_ENOTFOUND);
  cchc_findings_free(notes);

  const cchc_template* t766 = nullptr;
  ASSERT_EQ(cchc_registry_lookup(&t766, registry, "vn.qd-766-2022.chi-so-phuc-vu", nullptr), CCHC_OK);
  cchc_catalog* c766 = nullptr;
  ASSERT_EQ(cchc_template_catalog(&c766, t766), CCHC_OK);
  cchc_report* q1 = nullptr;
  cchc_report* last_year = nullptr;
  ASSERT_EQ(cchc_report_load(&q1, c766, (examples + "data/chi-so-766-q1-2025.json").c_str()), CCHC_OK);
  ASSERT_EQ(cchc_report_load(&last_year, c766, (examples + "data/chi-so-766-2024.json").c_str()), CCHC_OK);
  cchc_history* h = nullptr;
  ASSERT_EQ(cchc_history_new(&h), CCHC_OK);
  ASSERT_EQ(cchc_history_add(h, last_year), CCHC_OK);
  ASSERT_EQ(cchc_report_score_json(nullptr, 0, &length, q1, t766, h), CCHC_OK);
  std::string json(length + 1, '\0');
  ASSERT_EQ(cchc_report_score_json(json.data(), json.size(), &length, q1, t766, h), CCHC_OK);
  json.resize(length);
  EXPECT_NE(json.find("\"total\": \"10,00\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"denominator_rule\": \"the quarter's denominator = year 2024 ÷ 4 = 160.000 ÷ 4\""),
            std::string::npos)
      << json;
  // A report of another template, or a template without a scoring: CCHC_EINVAL.
  EXPECT_EQ(cchc_report_score_json(nullptr, 0, &length, seed, t766, nullptr), CCHC_EINVAL);
  const cchc_template* commune = nullptr;
  ASSERT_EQ(cchc_registry_lookup(&commune, registry, "vn.sonla.ubnd-xa", nullptr), CCHC_OK);
  EXPECT_EQ(cchc_report_score_json(nullptr, 0, &length, q1, commune, nullptr), CCHC_EINVAL);

  cchc_history_free(h);
  cchc_report_free(q1);
  cchc_report_free(last_year);
  cchc_catalog_free(c766);
  cchc_report_free(migrated);
  cchc_report_free(seed);
  cchc_catalog_free(builtin);
  cchc_registry_free(registry);
}

TEST(CTemplates, AnArchiveGivesTheHistoryOfEveryVersionWithARegistry) {
  // A Q1 report of version 2022.1 in the archive is the history of a nine-month report of
  // version 2025.1 once carried over: its shrinking flow is found.
  const std::string data = std::string(CCHC_TEST_DATA_DIR) + "/templates/";
  const std::string db = testing::TempDir() + "cchc-c-templates.db";
  std::remove(db.c_str());
  cchc_registry* reg = nullptr;
  ASSERT_EQ(cchc_registry_open(&reg, nullptr, 0), CCHC_OK);
  const cchc_template *v2022 = nullptr, *v2025 = nullptr;
  ASSERT_EQ(cchc_registry_lookup(&v2022, reg, "vn.sonla.snv-3981-2022.so-nganh", "2022.1"), CCHC_OK);
  ASSERT_EQ(cchc_registry_lookup(&v2025, reg, "vn.sonla.snv-3981-2022.so-nganh", "2025.1"), CCHC_OK);
  cchc_catalog *c2022 = nullptr, *c2025 = nullptr;
  ASSERT_EQ(cchc_template_catalog(&c2022, v2022), CCHC_OK);
  ASSERT_EQ(cchc_template_catalog(&c2025, v2025), CCHC_OK);
  cchc_report *q1 = nullptr, *nine = nullptr;
  ASSERT_EQ(cchc_report_load(&q1, c2022, (data + "skhcn-q1-2025.json").c_str()), CCHC_OK) << cchc_last_error();
  ASSERT_EQ(cchc_report_load(&nine, c2025, (data + "skhcn-nine-months-2025.json").c_str()), CCHC_OK);
  cchc_archive* archive = nullptr;
  ASSERT_EQ(cchc_archive_open(&archive, db.c_str()), CCHC_OK);
  const cchc_report* both[] = {q1};
  cchc_archive_added added = {CCHC_ARCHIVE_ADDED_VERSION, 0, 0, 0, 0};
  ASSERT_EQ(cchc_archive_add(archive, both, 1, &added), CCHC_OK);
  cchc_history *same = nullptr, *every = nullptr;
  ASSERT_EQ(cchc_archive_history(&same, archive, nine, 0), CCHC_OK);
  ASSERT_EQ(cchc_archive_history_registry(&every, archive, nine, reg, 0), CCHC_OK);
  size_t n_same = 9, n_every = 9;
  ASSERT_EQ(cchc_history_size(&n_same, same), CCHC_OK);
  ASSERT_EQ(cchc_history_size(&n_every, every), CCHC_OK);
  EXPECT_EQ(n_same, 0u);   // the same version only: nothing to compare with
  EXPECT_EQ(n_every, 1u);  // the Q1 report, carried to 2025.1
  cchc_ruleset* rules = nullptr;
  ASSERT_EQ(cchc_template_ruleset(&rules, v2025), CCHC_OK);
  cchc_findings* found = nullptr;
  ASSERT_EQ(cchc_ruleset_check_history(&found, rules, nine, every, nullptr), CCHC_OK);
  EXPECT_TRUE(has(rule_ids(found), "period.flow.B7:4.4.1"));
  EXPECT_EQ(cchc_archive_history_registry(&every, archive, nine, nullptr, 0), CCHC_EINVAL);
  EXPECT_EQ(cchc_archive_history_registry(&every, archive, nine, reg, -1), CCHC_EINVAL);
  cchc_findings_free(found);
  cchc_ruleset_free(rules);
  cchc_history_free(same);
  cchc_history_free(every);
  cchc_archive_free(archive);
  cchc_report_free(q1);
  cchc_report_free(nine);
  cchc_catalog_free(c2022);
  cchc_catalog_free(c2025);
  cchc_registry_free(reg);
  std::remove(db.c_str());
}

}  // namespace
