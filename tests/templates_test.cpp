// SPDX-License-Identifier: MIT
// Templates and the registry (cchc/templates.hpp): the built-in templates, template folders on
// CCHC_TEMPLATE_PATH, errors that name file, line and field, and migration between versions.
#include "cchc/templates.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "cchc/history.hpp"
#include "cchc/io.hpp"
#include "cchc/json.hpp"
#include "cchc/text_import.hpp"

namespace cchc {
namespace {
namespace fs = std::filesystem;

constexpr std::string_view department = "vn.sonla.snv-3981-2022.so-nganh";

Report seed() { return load_report(fs::path(CCHC_EXAMPLE_DATA_DIR) / "seed-report.json").value(); }

std::vector<std::string> ids(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule_id);
  return out;
}

bool has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// A folder under the test's temporary directory, emptied first.
class Folder {
 public:
  explicit Folder(std::string_view name)
      : path_(fs::temp_directory_path() / fmt::format("cchc-templates-{}-{}", ::getpid(), name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~Folder() { fs::remove_all(path_); }
  fs::path write(std::string_view name, std::string_view text) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    write_file(p, text).value();
    return p;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A small template: one form, a count, its part and a rate over them.
std::string small_catalog(std::string_view id, std::string_view version, std::string_view extra_row = "") {
  return fmt::format(R"({{
  "format": "cchc.catalog/1",
  "id": "{}",
  "version": "{}",
  "title": "Mẫu thử",
  "level": "commune",
  "forms": [
    {{
      "number": 1,
      "title": "Một cửa",
      "rows": [
        {{"code": "1", "label": "Số hồ sơ đã tiếp nhận", "unit": "Hồ sơ", "kind": "count"}},
        {{"code": "2", "label": "Số hồ sơ trực tuyến", "unit": "Hồ sơ", "kind": "count"}}{}
      ]
    }}
  ]
}}
)",
                     id, version, extra_row);
}

TEST(Registry, HoldsTheBuiltInTemplates) {
  const Registry& r = Registry::builtin();
  std::vector<std::string> listed;
  for (const TemplateInfo& t : r.templates()) {
    listed.push_back(fmt::format("{} {} {}", t.id, t.version, t.level));
    EXPECT_EQ(t.origin, "built-in");
    EXPECT_FALSE(t.rule_files.empty()) << t.id;
    // What the registry lists before reading a template is what the template says once read.
    EXPECT_EQ(r.load(t).value()->info(), t);
  }
  EXPECT_EQ(listed, (std::vector<std::string>{
                        "vn.qd-766-2022.chi-so-phuc-vu 2022.1 province",
                        "vn.sonla.snv-3981-2022.so-nganh 2022.1 department",
                        "vn.sonla.snv-3981-2022.so-nganh 2025.1 department",
                        "vn.sonla.ubnd-xa 2025.1 commune",
                    }));
  // What cchc derives says so; the published template does not.
  EXPECT_TRUE(r.find(department, "2022.1")->derived.empty());
  EXPECT_NE(r.find(department, "2025.1")->derived.find("Derived by cchc"), std::string::npos);
  EXPECT_EQ(r.find(department, "2025.1")->mapping_from, "2022.1");
  EXPECT_NE(r.find("vn.sonla.ubnd-xa", "2025.1")->derived.find("Derived by cchc"), std::string::npos);
  EXPECT_TRUE(r.find("vn.qd-766-2022.chi-so-phuc-vu", "2022.1")->scoring);
  EXPECT_TRUE(r.lookup("vn.qd-766-2022.chi-so-phuc-vu").value()->scoring() != nullptr);
  // Every built-in template can be consolidated.
  for (const auto& t : r.templates())
    EXPECT_TRUE(r.load(t).value()->catalog()->check_consolidation()) << t.id;
}

TEST(Registry, TheBuiltInTemplateChecksAsTheBuiltInRules) {
  const Report report = seed();
  const auto t = Registry::builtin().lookup(department, "2022.1").value();
  EXPECT_EQ(ids(t->rules().check(report).value()),
            ids(RuleSet::builtin(builtin_catalog()).check(report).value()));
  EXPECT_EQ(t->vocabulary().form_headings, std::vector<std::string>{"Biểu mẫu"});
}

TEST(Registry, LooksUpByIdVersionAndDate) {
  const Registry& r = Registry::builtin();
  EXPECT_EQ(r.lookup(department).value()->version(), "2025.1");  // the newest
  EXPECT_EQ(r.in_force(department, Date(2024, 3, 12)).value()->version(), "2022.1");
  EXPECT_EQ(r.in_force(department, Date(2025, 7, 1)).value()->version(), "2025.1");
  EXPECT_FALSE(r.in_force(department, Date(2020, 1, 1)));

  const auto missing = r.lookup(department, "2019.1");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, errc::not_found);
  EXPECT_NE(missing.error().message_en.find("there are versions 2022.1, 2025.1"), std::string::npos);
  EXPECT_NE(missing.error().message_en.find("cchc migrate"), std::string::npos);
  const auto unknown = r.lookup("vn.nowhere");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message_en.find("CCHC_TEMPLATE_PATH"), std::string::npos);
}

TEST(Registry, FindsTheTemplateAReportNames) {
  const Registry& r = Registry::builtin();
  const std::string json = read_file(fs::path(CCHC_EXAMPLE_DATA_DIR) / "seed-report.json").value();
  EXPECT_EQ(r.for_report_json(json).value()->version(), "2022.1");
  EXPECT_EQ(r.for_report_json(R"({"format": "cchc.report/1"})").value()->id(), department);
  const auto commune = r.for_report_json(
      R"({"format": "cchc.report/1", "catalog": {"id": "vn.sonla.ubnd-xa", "version": "2025.1"}})");
  ASSERT_TRUE(commune);
  EXPECT_EQ((*commune)->level(), "commune");
  EXPECT_FALSE(r.for_report_json(R"({"catalog": {"id": "vn.nowhere", "version": "1"}})"));
}

TEST(Registry, AFolderOnTheTemplatePathJoinsAndItsReportsCheck) {
  Folder dir("path");
  dir.write("xa-mau/catalog.json", small_catalog("vn.test.xa-mau", "1"));
  dir.write("xa-mau/extra.rules", R"R(catalog vn.test.xa-mau
rule online-within {
  severity error
  check B1:2 <= B1:1
  vi "Hồ sơ trực tuyến ({B1:2}) nhiều hơn hồ sơ tiếp nhận ({B1:1})"
  en "Online dossiers ({B1:2}) exceed the dossiers received ({B1:1})"
}
)R");
  dir.write("xa-mau/template.json",
            R"({"format": "cchc.template/1", "deadlines": {"q1": "03-10", "year": "12-10"}})");
  dir.write("xa-mau/README.md", "How to fill this template in.");
  dir.write("plain.json", small_catalog("vn.test.plain", "2"));
  dir.write("report.json", R"({"format": "cchc.report/1"})");  // not a catalogue: left alone

  ::setenv("CCHC_TEMPLATE_PATH", fmt::format("/nonexistent-is-an-error-only-when-listed:{}", dir.path().string()).c_str(), 1);
  EXPECT_FALSE(Registry::standard());  // a folder on the path that is not there is named
  ::setenv("CCHC_TEMPLATE_PATH", fmt::format(":{}:", dir.path().string()).c_str(), 1);
  auto r = Registry::standard();
  ::unsetenv("CCHC_TEMPLATE_PATH");
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->templates().size(), Registry::builtin().templates().size() + 2);
  const auto plain = r->lookup("vn.test.plain", "2").value();
  EXPECT_TRUE(plain->rule_files().empty());
  EXPECT_EQ(plain->origin(), (dir.path() / "plain.json").string());

  const auto t = r->for_report_json(
      R"({"format": "cchc.report/1", "catalog": {"id": "vn.test.xa-mau", "version": "1"},
          "period": {"year": 2025, "kind": "q1"},
          "document": {"number": "5", "symbol": "BC-UBND", "date": "2025-03-14"},
          "values": {"B1:1": "10", "B1:2": "12"}})");
  ASSERT_TRUE(t);
  EXPECT_EQ((*t)->origin(), (dir.path() / "xa-mau").string());
  EXPECT_EQ((*t)->deadline({2025, PeriodKind::q1}), Date(2025, 3, 10));
  EXPECT_FALSE((*t)->deadline({2025, PeriodKind::six_months}));
  auto report = report_from_json(R"({"format": "cchc.report/1", "catalog": {"id": "vn.test.xa-mau", "version": "1"},
          "period": {"year": 2025, "kind": "q1"},
          "document": {"number": "5", "symbol": "BC-UBND", "date": "2025-03-14"},
          "values": {"B1:1": "10", "B1:2": "12"}})",
                                 (*t)->catalog())
                    .value();
  const auto found = (*t)->rules().check(report).value();
  EXPECT_TRUE(has(ids(found), "online-within"));
  EXPECT_TRUE(has(ids(found), "template.deadline"));
  for (const auto& f : found)
    if (f.rule_id == "template.deadline") {
      EXPECT_EQ(f.message_en, "The report is dated 14/03/2025, 4 days after the template's deadline of 10/03/2025");
    }
  report.metadata().document.date = Date(2025, 3, 10);
  EXPECT_FALSE(has(ids((*t)->rules().check(report).value()), "template.deadline"));
}

TEST(Registry, ReadsATemplateWholeWhenItIsFirstUsed) {
  Folder dir("lazy");
  std::string broken = small_catalog("vn.test.lazy", "1");
  broken.replace(broken.find("\"count\""), 7, "\"tally\"");
  dir.write("lazy/catalog.json", broken);
  dir.write("lazy/template.json", R"({"format": "cchc.template/1", "derived": "a test"})");
  dir.write("sound/catalog.json", small_catalog("vn.test.sound", "1"));
  Registry r;
  ASSERT_TRUE(r.add_directory(dir.path()));  // the identities are sound
  const TemplateInfo* info = r.find("vn.test.lazy", "1");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->derived, "a test");
  const auto t = r.lookup("vn.test.lazy");
  ASSERT_FALSE(t);  // the forms are read when it is used, and their error says where
  EXPECT_EQ(t.error().where, fmt::format("{}:12: $.forms[0].rows[0].kind", (dir.path() / "lazy" / "catalog.json").string()));
  EXPECT_FALSE(r.load(*info));  // the same error again, read once
  EXPECT_TRUE(r.lookup("vn.test.sound"));
  // Copies share what was read.
  const Registry copy = r;
  EXPECT_EQ(copy.lookup("vn.test.sound").value(), r.lookup("vn.test.sound").value());

  // What the registry reads at once is checked at once: an identity it cannot read, a
  // template.json that is wrong.
  Folder bad("lazy-bad");
  bad.write("no-id/catalog.json", R"({"format": "cchc.catalog/1", "version": "1", "forms": []})");
  auto added = Registry().add_directory(bad.path());
  ASSERT_FALSE(added);
  EXPECT_NE(added.error().where.find("no-id/catalog.json:1: $.id"), std::string::npos) << added.error().where;
  Folder bad2("lazy-bad2");
  bad2.write("t/catalog.json", small_catalog("vn.test.t", "1"));
  bad2.write("t/template.json", R"({"format": "cchc.template/1", "deadline": {}})");
  added = Registry().add_directory(bad2.path());
  ASSERT_FALSE(added);
  EXPECT_NE(added.error().where.find("t/template.json:1: $.deadline"), std::string::npos) << added.error().where;
}

TEST(Registry, ThreadsThatUseATemplateAtOnceReadItOnce) {
  // A registry (and its copies) is shared by threads; the first to use a template reads it,
  // the others wait and share it. Run under TSan.
  Folder dir("threads");
  dir.write("t/catalog.json", small_catalog("vn.test.threads", "1"));
  dir.write("t/a.rules", "catalog vn.test.threads\nrule x {\n  check B1:2 <= B1:1\n  vi \"quá\"\n  en \"over\"\n}\n");
  Registry r;
  ASSERT_TRUE(r.add_directory(dir.path()));
  const Registry copy = r;
  std::vector<std::shared_ptr<const Template>> seen(8);
  std::vector<std::thread> pool;
  for (std::size_t i = 0; i < seen.size(); ++i)
    pool.emplace_back([&, i] {
      const Registry& which = i % 2 ? r : copy;
      seen[i] = which.lookup("vn.test.threads").value();
      Report report(seen[i]->catalog());
      (void)report.set_text("B1:1", "1");
      (void)report.set_text("B1:2", "2");
      EXPECT_EQ(seen[i]->rules().check(report).value().size(), 1u);  // x, compiled once
    });
  for (auto& t : pool) t.join();
  for (const auto& t : seen) EXPECT_EQ(t, seen.front());
}

TEST(Registry, TheSameIdAndVersionTwiceIsAnError) {
  Folder a("dup-a"), b("dup-b");
  a.write("t/catalog.json", small_catalog("vn.test.dup", "1"));
  b.write("t.json", small_catalog("vn.test.dup", "1"));
  Registry r = Registry::builtin();
  ASSERT_TRUE(r.add_directory(a.path()));
  const auto again = r.add_directory(b.path());
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message_en.find("template vn.test.dup version 1 is there twice"), std::string::npos);
  EXPECT_NE(again.error().message_en.find((a.path() / "t").string()), std::string::npos);
  // A built-in template cannot be shadowed either.
  Folder c("dup-c");
  c.write("copy/catalog.json",
          read_file(fs::path(CCHC_TEST_DATA_DIR) / ".." / ".." / "templates" / department / "catalog.json").value());
  EXPECT_FALSE(r.add_directory(c.path()));
}

TEST(Registry, ErrorsNameFileLineAndField) {
  Folder dir("errors");
  std::string bad = small_catalog("vn.test.bad", "1");
  bad.replace(bad.find("\"count\""), 7, "\"tally\"");
  dir.write("bad/catalog.json", bad);
  auto t = load_template(dir.path() / "bad");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().where, fmt::format("{}:12: $.forms[0].rows[0].kind", (dir.path() / "bad" / "catalog.json").string()));

  // The catalogue's own checks name the row, and the error gives its line as well.
  std::string orphan = small_catalog("vn.test.orphan", "1");
  orphan.replace(orphan.find("\"code\": \"2\""), 11, "\"code\": \"3.1\"");
  dir.write("orphan/catalog.json", orphan);
  t = load_template(dir.path() / "orphan");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().where,
            fmt::format("{}:13: $.forms[0].rows[1] (B1:3.1)", (dir.path() / "orphan" / "catalog.json").string()));

  dir.write("manifest/catalog.json", small_catalog("vn.test.manifest", "1"));
  dir.write("manifest/template.json", "{\n  \"format\": \"cchc.template/1\",\n  \"deadlines\": {\n    \"q1\": \"13-01\"\n  }\n}\n");
  t = load_template(dir.path() / "manifest");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().where, fmt::format("{}:4: $.deadlines.q1", (dir.path() / "manifest" / "template.json").string()));
  EXPECT_NE(t.error().message_en.find("\"13-01\" is not a day"), std::string::npos);

  dir.write("typo/catalog.json", small_catalog("vn.test.typo", "1"));
  dir.write("typo/mapping.jsn", "{}");
  t = load_template(dir.path() / "typo");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().where, (dir.path() / "typo" / "mapping.jsn").string());

  dir.write("rules/catalog.json", small_catalog("vn.test.rules", "1"));
  dir.write("rules/a.rules", "catalog vn.test.rules\nrule x {\n  check B1:9 > 0\n}\n");
  t = load_template(dir.path() / "rules");
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().describe().find("a.rules:3"), std::string::npos) << t.error().describe();

  t = load_template(dir.path() / "nothing-here");
  EXPECT_FALSE(t);
}

TEST(Template, TheImportersReadItsVocabulary) {
  // A province heads its annex "PHỤ BIỂU" and its forms "Biểu số N": the template says so.
  const std::string text =
      "UBND XÃ CHIỀNG MUNG\nBÁO CÁO\nKết quả công tác cải cách hành chính quý I năm 2026\n"
      "PHỤ BIỂU\nBiểu số 1\nTT Chỉ tiêu Đơn vị Số liệu\n"
      "1 Tỷ lệ hồ sơ giải quyết đúng hạn % 95,0\n1.1 Số hồ sơ đã giải quyết Hồ sơ 240\n"
      "1.2 Số hồ sơ giải quyết đúng hạn Hồ sơ 228\n2 Số hồ sơ giải quyết trực tuyến Hồ sơ 120\n"
      "3 Có niêm yết công khai TTHC tại Bộ phận Một cửa Có = 1; Không = 0 1\n"
      "Biểu số 2\n1 Số công chức làm việc tại Bộ phận Một cửa Người 4\n"
      "2 Hội nghị, tập huấn / người tham gia Cuộc/người 02/35\n";
  const fs::path folder = fs::path(CCHC_EXAMPLE_DATA_DIR) / ".." / "templates" / "vn.example.xa-mau";
  const auto t = load_template(folder).value();
  EXPECT_EQ(t->vocabulary().form_headings, (std::vector<std::string>{"Biểu mẫu", "Biểu số"}));
  const auto read = import_text(text, t->catalog()).value();
  EXPECT_EQ(read.coverage.values, 7u);
  EXPECT_EQ(text_of(read.report.value("B2:2").value()), "02/35");
  // The same catalogue without the template's words finds no annex at all.
  const auto plain = import_text(text, load_catalog(folder / "catalog.json").value()).value();
  EXPECT_EQ(plain.coverage.values, 0u);
}

TEST(Migrate, CarriesASeedReportTo2025) {
  const Report before = seed();
  auto m = migrate(before, Registry::builtin(), "2025.1");
  ASSERT_TRUE(m) << m.error().describe();
  const Report& after = m->report;
  EXPECT_EQ(after.metadata().catalog_version, "2025.1");
  EXPECT_EQ(after.metadata().agency, before.metadata().agency);
  EXPECT_EQ(after.metadata().document, before.metadata().document);
  // Rows that stay carry their figure as written; the merged row is the exact sum.
  EXPECT_EQ(text_of(after.value("B7:4.1").value()), "100");
  EXPECT_EQ(text_of(after.value("B1:2.1").value()), text_of(before.value("B1:2.1").value()));
  EXPECT_EQ(text_of(after.value("B7:4.3.3").value()), "5");  // 03 + 02
  EXPECT_FALSE(after.value("B7:4.1.3"));                      // gone in 2025.1
  const auto found = ids(m->findings);
  EXPECT_TRUE(has(found, "migrate.added.B7:4.6"));
  EXPECT_TRUE(has(found, "migrate.added.B7:4.6.1"));
  EXPECT_FALSE(has(found, "migrate.dropped.B5:2.3"));  // it was blank: nothing lost
  // The report now checks under the 2025 rules, and reads back through JSON.
  const auto t = Registry::builtin().lookup(department, "2025.1").value();
  const auto checked = ids(t->rules().check(after).value());
  // Q1 2024 on a version in force from July 2025: the report is told so, and how to fix it.
  EXPECT_TRUE(has(checked, "template.in-force"));
  EXPECT_FALSE(has(ids(Registry::builtin().lookup(department, "2022.1").value()->rules().check(before).value()),
                   "template.in-force"));
  EXPECT_EQ(report_from_json(report_to_json(after), t->catalog()).value(), after);
  std::size_t same = 0;
  for (const Row& row : before.catalog().rows())
    if (row.holds_value() && after.catalog().find(row.address()) &&
        text_of(after.value(*after.catalog().find(row.address()))) == text_of(before.value(row.id)))
      ++same;
  EXPECT_EQ(same, before.catalog().rows().size() - 3 -
                      static_cast<std::size_t>(std::count_if(before.catalog().rows().begin(), before.catalog().rows().end(),
                                                             [](const Row& r) { return !r.holds_value(); })));

  // A dropped figure is named, never silently lost.
  Report with = before;
  with.set_text("B5:2.3", "2").value();
  const auto dropped = migrate(with, Registry::builtin(), "2025.1").value();
  EXPECT_TRUE(has(ids(dropped.findings), "migrate.dropped.B5:2.3"));
  // A merge over a blank part says which part was blank.
  with.clear(*with.catalog().find("B7:4.2.3"));
  const auto partial = migrate(with, Registry::builtin(), "2025.1").value();
  EXPECT_TRUE(has(ids(partial.findings), "migrate.partial.B7:4.3.3"));
  EXPECT_EQ(text_of(partial.report.value("B7:4.3.3").value()), "3");
  // No mapping leads back.
  EXPECT_FALSE(migrate(after, Registry::builtin(), "2022.1"));
}

TEST(Migrate, ASplitCarriesZerosAndFlagsAnyOtherFigure) {
  Folder dir("split");
  dir.write("v1/catalog.json", small_catalog("vn.test.split", "1"));
  dir.write("v2/catalog.json",
            small_catalog("vn.test.split", "2",
                          R"(,
        {"code": "3", "label": "Số hồ sơ trực tuyến toàn trình", "unit": "Hồ sơ", "kind": "count"},
        {"code": "4", "label": "Số hồ sơ trực tuyến một phần", "unit": "Hồ sơ", "kind": "count"})"));
  dir.write("v2/mapping.json", R"({"format": "cchc.mapping/1", "from": {"id": "vn.test.split", "version": "1"},
    "rows": [{"how": "split", "from": "B1:2", "to": ["B1:3", "B1:4"], "note": "toàn trình / một phần"}]})");
  Registry r;
  ASSERT_TRUE(r.add_directory(dir.path()));
  Report v1(r.lookup("vn.test.split", "1").value()->catalog());
  v1.set_text("B1:1", "10").value();
  v1.set_text("B1:2", "0").value();
  auto m = migrate(v1, r, "2").value();
  EXPECT_EQ(text_of(m.report.value("B1:3").value()), "0");
  EXPECT_EQ(text_of(m.report.value("B1:4").value()), "0");
  EXPECT_EQ(text_of(m.report.value("B1:1").value()), "10");
  v1.set_text("B1:2", "7").value();
  m = migrate(v1, r, "2").value();
  EXPECT_TRUE(is_absent(m.report.value("B1:3").value()));
  ASSERT_TRUE(has(ids(m.findings), "migrate.split.B1:2"));
  for (const auto& f : m.findings)
    if (f.rule_id == "migrate.split.B1:2") {
      EXPECT_EQ(f.message_en, "B1:2 = 7 is split into B1:3, B1:4; a figure cannot be divided, so they are left blank (toàn trình / một phần)");
      EXPECT_EQ(f.rows.at(0).text, "7");
    }

  // Mappings are checked when read: a row of this version that is not there, a wrong shape.
  dir.write("v3/catalog.json", small_catalog("vn.test.split", "3"));
  dir.write("v3/mapping.json", R"({"format": "cchc.mapping/1", "from": {"id": "vn.test.split", "version": "2"},
    "rows": [{"how": "merge", "from": "B1:3", "to": "B1:9"}]})");
  auto bad = load_template(dir.path() / "v3");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().where.find("mapping.json:2: $.rows[0].how"), std::string::npos) << bad.error().where;
}

TEST(Migrate, AnEarlierVersionJoinsTheHistoryOfALaterOne) {
  // Cross-period rules compare like with like: the Q1 report of 2022.1, carried to 2025.1,
  // is the history of a six-month report of 2025.1.
  Report q1 = seed();
  q1.metadata().period = Period{2025, PeriodKind::q1};
  q1.set_text("B7:4.4.1", "40").value();
  auto t = Registry::builtin().lookup(department, "2025.1").value();
  Report six = migrate(seed(), Registry::builtin(), "2025.1").value().report;
  six.metadata().period = Period{2025, PeriodKind::nine_months};
  six.set_text("B7:4.4.1", "30").value();  // a flow that shrank
  History h;
  h.add(migrate(q1, Registry::builtin(), "2025.1").value().report);
  EXPECT_TRUE(has(ids(t->rules().check(six, h).value()), "period.flow.B7:4.4.1"));
}

}  // namespace
}  // namespace cchc
