// SPDX-License-Identifier: MIT
// The C API (cchc.h), called from C++: every function with bad arguments, the buffer contract,
// callbacks, and many threads sharing one rule set.
#include "cchc/cchc.h"

#include <gtest/gtest.h>

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "cchc/cchc.hpp"

namespace {

const std::string example = std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json";

// RAII owners for the tests' handles.
struct Handles {
  cchc_catalog* catalog = nullptr;
  cchc_report* report = nullptr;
  cchc_ruleset* rules = nullptr;
  Handles() {
    EXPECT_EQ(cchc_catalog_builtin(&catalog), CCHC_OK);
    EXPECT_EQ(cchc_report_load(&report, catalog, example.c_str()), CCHC_OK) << cchc_last_error();
    EXPECT_EQ(cchc_ruleset_builtin(&rules, catalog), CCHC_OK);
  }
  ~Handles() {
    cchc_ruleset_free(rules);
    cchc_report_free(report);
    cchc_catalog_free(catalog);
  }
};

std::string text_of(int32_t (*fn)(char*, size_t, size_t*, const cchc_report*, const char*),
                    const cchc_report* r, const char* a) {
  size_t n = 0;
  EXPECT_EQ(fn(nullptr, 0, &n, r, a), CCHC_OK);
  std::string s(n + 1, '\0');
  EXPECT_EQ(fn(s.data(), s.size(), &n, r, a), CCHC_OK);
  s.resize(n);
  return s;
}

std::string findings_text(const cchc_findings* f, int32_t lang = CCHC_LANG_VI) {
  size_t n = 0;
  EXPECT_EQ(cchc_findings_to_text(nullptr, 0, &n, f, lang), CCHC_OK);
  std::string s(n + 1, '\0');
  EXPECT_EQ(cchc_findings_to_text(s.data(), s.size(), &n, f, lang), CCHC_OK);
  s.resize(n);
  return s;
}

TEST(CApi, VersionAndErrors) {
  EXPECT_STREQ(cchc_version(), CCHC_VERSION_STRING);
  EXPECT_EQ(cchc_version_number(), CCHC_VERSION_NUMBER);
  EXPECT_STREQ(cchc_errstr(CCHC_OK), "ok");
  EXPECT_STREQ(cchc_errstr(CCHC_EPARSE), "parse_error");
  EXPECT_STREQ(cchc_errstr(12345), "unknown");
  EXPECT_NE(cchc_last_error(), nullptr);
  // The C codes are the C++ codes.
  EXPECT_EQ(CCHC_EKIND, static_cast<int32_t>(cchc::errc::kind_mismatch));
  EXPECT_EQ(CCHC_EBUFFER, static_cast<int32_t>(cchc::errc::buffer_too_small));
  EXPECT_EQ(CCHC_ENOVALUE, static_cast<int32_t>(cchc::errc::no_value));
  EXPECT_EQ(CCHC_EINTERNAL, static_cast<int32_t>(cchc::errc::internal));
  EXPECT_EQ(CCHC_KIND_MONEY, static_cast<int32_t>(cchc::Kind::money));
  EXPECT_EQ(CCHC_SEVERITY_ERROR, static_cast<int32_t>(cchc::Severity::error));
}

TEST(CApi, NullArgumentsAreRefusedNeverCrash) {
  Handles h;
  cchc_catalog* c = nullptr;
  cchc_report* r = nullptr;
  cchc_ruleset* s = nullptr;
  cchc_findings* f = nullptr;
  size_t n = 0;
  int64_t i = 0, j = 0;
  int32_t k = 0, b = 0;
  const char* p = nullptr;
  const char* q = nullptr;
  cchc_form_info form = CCHC_FORM_INFO_INIT;
  cchc_row_info row = CCHC_ROW_INFO_INIT;
  cchc_finding_info info = CCHC_FINDING_INFO_INIT;
  char buf[8];
  const int32_t results[] = {
      cchc_catalog_builtin(nullptr),
      cchc_catalog_from_json(nullptr, "{}", 2),
      cchc_catalog_from_json(&c, nullptr, 5),
      cchc_catalog_load(&c, nullptr),
      cchc_catalog_id(nullptr, &q, h.catalog),
      cchc_catalog_id(&p, &q, nullptr),
      cchc_catalog_form_count(nullptr, h.catalog),
      cchc_catalog_form_count(&n, nullptr),
      cchc_catalog_row_count(&n, nullptr),
      cchc_catalog_find_row(&n, nullptr, "B1:1", CCHC_NTS),
      cchc_catalog_find_row(nullptr, h.catalog, "B1:1", CCHC_NTS),
      cchc_catalog_form(nullptr, h.catalog, 0),
      cchc_catalog_form(&form, nullptr, 0),
      cchc_catalog_row(nullptr, h.catalog, 0),
      cchc_catalog_row(&row, nullptr, 0),
      cchc_catalog_row_code(nullptr, &p, &q, h.catalog, 0, 0),
      cchc_report_new(nullptr, h.catalog),
      cchc_report_new(&r, nullptr),
      cchc_report_from_json(&r, nullptr, "{}", 2),
      cchc_report_from_json(&r, h.catalog, nullptr, 3),
      cchc_report_load(&r, h.catalog, nullptr),
      cchc_report_clone(&r, nullptr),
      cchc_report_to_json(buf, sizeof buf, &n, nullptr),
      cchc_report_save(nullptr, "/tmp/x.json"),
      cchc_report_save(h.report, nullptr),
      cchc_report_get_text(buf, sizeof buf, &n, nullptr, "B1:1"),
      cchc_report_get_text(buf, sizeof buf, &n, h.report, nullptr),
      cchc_report_set_text(nullptr, "B1:2.1", "1", 1),
      cchc_report_set_text(h.report, nullptr, "1", 1),
      cchc_report_set_text(h.report, "B1:2.1", nullptr, 1),
      cchc_report_value_kind(nullptr, &b, h.report, "B1:1"),
      cchc_report_value_kind(&k, nullptr, h.report, "B1:1"),
      cchc_report_value_ok(nullptr, h.report, "B1:1"),
      cchc_report_clear(nullptr, "B1:1", CCHC_BLANK_NOT_REPORTED),
      cchc_report_get_count(nullptr, h.report, "B1:2.1"),
      cchc_report_get_count(&i, nullptr, "B1:2.1"),
      cchc_report_set_count(nullptr, "B1:2.1", 1),
      cchc_report_get_percent(nullptr, &k, h.report, "B4:1.4"),
      cchc_report_set_percent(nullptr, "B4:1.4", 1, 0),
      cchc_report_get_code(nullptr, h.report, "B7:1"),
      cchc_report_set_code(nullptr, "B7:1", 1),
      cchc_report_get_pair(nullptr, &j, h.report, "B3:3.2"),
      cchc_report_set_pair(nullptr, "B3:3.2", 1, 1),
      cchc_report_get_money(nullptr, h.report, "B1:1"),
      cchc_report_set_money(nullptr, "B1:1", 1),
      cchc_report_get_meta(buf, sizeof buf, &n, nullptr, "province"),
      cchc_report_get_meta(buf, sizeof buf, &n, h.report, nullptr),
      cchc_report_set_meta(nullptr, "province", "x", 1),
      cchc_report_set_meta(h.report, nullptr, "x", 1),
      cchc_report_derive(nullptr, &n, h.report),
      cchc_report_derive(&r, nullptr, h.report),
      cchc_report_derive(&r, &n, nullptr),
      cchc_ruleset_new(nullptr, h.catalog),
      cchc_ruleset_new(&s, nullptr),
      cchc_ruleset_builtin(&s, nullptr),
      cchc_ruleset_size(nullptr, h.rules),
      cchc_ruleset_size(&n, nullptr),
      cchc_ruleset_add_source(nullptr, "x", 1, "n", nullptr, nullptr),
      cchc_ruleset_add_source(h.rules, nullptr, 4, "n", nullptr, nullptr),
      cchc_ruleset_add_callback(nullptr, "id", CCHC_SEVERITY_INFO, [](void*, const cchc_report*, cchc_finding_sink*) { return 0; }, nullptr),
      cchc_ruleset_add_callback(h.rules, nullptr, CCHC_SEVERITY_INFO, [](void*, const cchc_report*, cchc_finding_sink*) { return 0; }, nullptr),
      cchc_ruleset_add_callback(h.rules, "id", CCHC_SEVERITY_INFO, nullptr, nullptr),
      cchc_sink_add(nullptr, "vi", "en", nullptr, 0),
      cchc_ruleset_check(nullptr, h.rules, h.report),
      cchc_ruleset_check(&f, nullptr, h.report),
      cchc_ruleset_check(&f, h.rules, nullptr),
      cchc_findings_count(&n, nullptr),
      cchc_findings_summary(&n, &n, &n, nullptr),
      cchc_findings_get(&info, nullptr, 0),
      cchc_findings_row(&p, &q, &k, nullptr, 0, 0),
      cchc_findings_to_json(buf, sizeof buf, &n, nullptr),
      cchc_findings_to_text(buf, sizeof buf, &n, nullptr, CCHC_LANG_VI),
  };
  for (std::size_t idx = 0; idx < std::size(results); ++idx) {
    SCOPED_TRACE(idx);
    EXPECT_EQ(results[idx], CCHC_EINVAL);
  }
  EXPECT_NE(std::strlen(cchc_last_error()), 0u);
  // Nothing was created on failure.
  EXPECT_EQ(c, nullptr);
  EXPECT_EQ(r, nullptr);
  EXPECT_EQ(s, nullptr);
  EXPECT_EQ(f, nullptr);
  // _free accepts NULL.
  cchc_catalog_free(nullptr);
  cchc_report_free(nullptr);
  cchc_ruleset_free(nullptr);
  cchc_findings_free(nullptr);
}

TEST(CApi, BadInputGetsAStatusAndAMessageThatSaysWhere) {
  Handles h;
  cchc_report* r = nullptr;
  int64_t i = 0;
  EXPECT_EQ(cchc_report_from_json(&r, h.catalog, "{\n  oops", CCHC_NTS), CCHC_EPARSE);
  EXPECT_STREQ(cchc_last_error(), "2:3: JSON không hợp lệ: syntax error (malformed JSON: syntax error)");
  EXPECT_EQ(cchc_report_load(&r, h.catalog, "/nonexistent.json"), CCHC_EIO);
  EXPECT_EQ(cchc_report_get_count(&i, h.report, "B9:1"), CCHC_ENOTFOUND);
  EXPECT_NE(std::string(cchc_last_error()).find("B9:1"), std::string::npos);
  EXPECT_EQ(cchc_report_get_count(&i, h.report, "B4:1.4"), CCHC_EKIND);
  EXPECT_EQ(cchc_report_get_count(&i, h.report, "B1:1"), CCHC_ENOVALUE);
  EXPECT_EQ(cchc_report_set_text(h.report, "B4:1.4", "33.3", CCHC_NTS), CCHC_EPARSE);
  EXPECT_NE(std::string(cchc_last_error()).find("B4:1.4"), std::string::npos);
  EXPECT_EQ(cchc_report_set_text(h.report, "B1:2.1", "1000000000000000000000000000000", CCHC_NTS),
            CCHC_ERANGE);
  EXPECT_EQ(cchc_report_set_text(h.report, "B1:2.1", "1,5", CCHC_NTS), CCHC_EKIND);
  EXPECT_EQ(cchc_report_set_text(h.report, "B1:2.1", "\xFF", 1), CCHC_EUTF8);
  EXPECT_EQ(cchc_report_set_text(h.report, "B1:\xFF", "1", 1), CCHC_EUTF8);
  EXPECT_EQ(cchc_report_set_count(h.report, "B4:1.4", 3), CCHC_EKIND);
  EXPECT_EQ(cchc_report_set_code(h.report, "B1:2.1", 1), CCHC_EKIND);
  EXPECT_EQ(cchc_report_set_percent(h.report, "B4:1.4", 1, 12), CCHC_ERANGE);
  EXPECT_EQ(cchc_report_clear(h.report, "B1:2.1", 7), CCHC_EINVAL);
  EXPECT_EQ(cchc_report_set_meta(h.report, "colour", "x", 1), CCHC_ENOTFOUND);
  EXPECT_EQ(cchc_report_set_meta(h.report, "catalog.id", "x", 1), CCHC_EINVAL);
  EXPECT_EQ(cchc_report_set_meta(h.report, "document.date", "2024-02-30", CCHC_NTS), CCHC_ERANGE);
  EXPECT_EQ(cchc_report_set_meta(h.report, "agency.level", "ministry", CCHC_NTS), CCHC_EPARSE);
  EXPECT_EQ(cchc_report_set_meta(h.report, "period", "Q1", CCHC_NTS), CCHC_EPARSE);
  cchc_catalog* c = nullptr;
  EXPECT_EQ(cchc_catalog_from_json(&c, "{\"id\": \"x\", \"version\": \"1\", \"forms\": [{\"number\": 1, "
                                       "\"title\": \"T\", \"rows\": [{\"code\": \"1\", \"label\": \"L\", "
                                       "\"kind\": \"count\"}, {\"code\": \"1\", \"label\": \"M\", "
                                       "\"kind\": \"count\"}]}]}", CCHC_NTS),
            CCHC_ECATALOG);
  EXPECT_EQ(c, nullptr);
  size_t n = 0;
  EXPECT_EQ(cchc_catalog_find_row(&n, h.catalog, "nonsense", CCHC_NTS), CCHC_EPARSE);
  cchc_row_info row = CCHC_ROW_INFO_INIT;
  EXPECT_EQ(cchc_catalog_row(&row, h.catalog, 100000), CCHC_EINVAL);
  row.version = 0;  // not initialised with the macro
  EXPECT_EQ(cchc_catalog_row(&row, h.catalog, 0), CCHC_EINVAL);
  int64_t v = 0;
  const char* l = nullptr;
  const char* le = nullptr;
  EXPECT_EQ(cchc_catalog_row_code(&v, &l, &le, h.catalog, 0, 0), CCHC_EINVAL);  // B1:1 has no codes
}

TEST(CApi, BuffersReportTheirFullLength) {
  Handles h;
  size_t n = 0;
  EXPECT_EQ(cchc_report_get_meta(nullptr, 0, &n, h.report, "agency.name"), CCHC_OK);
  EXPECT_EQ(n, std::strlen("Sở Khoa học và Công nghệ"));
  char small[5];
  EXPECT_EQ(cchc_report_get_meta(small, sizeof small, &n, h.report, "agency.name"), CCHC_EBUFFER);
  EXPECT_EQ(n, std::strlen("Sở Khoa học và Công nghệ"));
  EXPECT_EQ(small[4], '\0');  // truncated, always terminated
  EXPECT_NE(std::string(cchc_last_error()).find("buffer too small"), std::string::npos);
  EXPECT_EQ(text_of(cchc_report_get_meta, h.report, "agency.name"), "Sở Khoa học và Công nghệ");
  EXPECT_EQ(cchc_report_get_text(small, 0, nullptr, h.report, "B1:1"), CCHC_OK);  // length optional
}

TEST(CApi, CataloguesList) {
  Handles h;
  const char* id = nullptr;
  const char* version = nullptr;
  ASSERT_EQ(cchc_catalog_id(&id, &version, h.catalog), CCHC_OK);
  EXPECT_STREQ(id, "vn.sonla.snv-3981-2022.so-nganh");
  EXPECT_STREQ(version, "2022.1");
  size_t forms = 0, rows = 0, index = 0;
  ASSERT_EQ(cchc_catalog_form_count(&forms, h.catalog), CCHC_OK);
  ASSERT_EQ(cchc_catalog_row_count(&rows, h.catalog), CCHC_OK);
  EXPECT_EQ(forms, 7u);
  EXPECT_EQ(rows, 129u);
  cchc_form_info form = CCHC_FORM_INFO_INIT;
  ASSERT_EQ(cchc_catalog_form(&form, h.catalog, 6), CCHC_OK);
  EXPECT_EQ(form.number, 7);
  EXPECT_STREQ(form.title, "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số");
  EXPECT_EQ(cchc_catalog_form(&form, h.catalog, 7), CCHC_EINVAL);
  ASSERT_EQ(cchc_catalog_find_row(&index, h.catalog, "B1:6.2", CCHC_NTS), CCHC_OK);
  cchc_row_info row = CCHC_ROW_INFO_INIT;
  ASSERT_EQ(cchc_catalog_row(&row, h.catalog, index), CCHC_OK);
  EXPECT_STREQ(row.address, "B1:6.2");
  EXPECT_STREQ(row.label, "Hình thức khảo sát");
  EXPECT_EQ(row.kind, CCHC_KIND_CODE);
  EXPECT_EQ(row.required, 0);
  ASSERT_EQ(row.code_count, 3u);
  int64_t value = 0;
  const char* label = nullptr;
  const char* label_en = nullptr;
  ASSERT_EQ(cchc_catalog_row_code(&value, &label, &label_en, h.catalog, index, 2), CCHC_OK);
  EXPECT_EQ(value, 2);
  EXPECT_STREQ(label, "Kết hợp");
  size_t parent = 0;
  ASSERT_EQ(cchc_catalog_find_row(&parent, h.catalog, "B1:6", CCHC_NTS), CCHC_OK);
  EXPECT_EQ(row.parent, static_cast<int64_t>(parent));
}

TEST(CApi, TypedValuesAndText) {
  Handles h;
  int64_t i = 0, j = 0;
  int32_t d = 0, kind = 0, blank = 0, ok = 0;
  ASSERT_EQ(cchc_report_get_percent(&i, &d, h.report, "B4:1.4"), CCHC_OK);
  EXPECT_EQ(i, 333);
  EXPECT_EQ(d, 1);
  ASSERT_EQ(cchc_report_get_pair(&i, &j, h.report, "B7:5.1"), CCHC_OK);
  EXPECT_EQ(i, 4);
  EXPECT_EQ(j, 4);
  EXPECT_EQ(text_of(cchc_report_get_text, h.report, "B7:5.1"), "04/04");
  ASSERT_EQ(cchc_report_get_code(&i, h.report, "B7:1"), CCHC_OK);
  EXPECT_EQ(i, 0);
  ASSERT_EQ(cchc_report_get_code(&i, h.report, "B1:7"), CCHC_OK);  // a yes/no row
  ASSERT_EQ(cchc_report_set_count(h.report, "B1:1", 12), CCHC_OK);
  ASSERT_EQ(cchc_report_get_count(&i, h.report, "B1:1"), CCHC_OK);
  EXPECT_EQ(i, 12);
  ASSERT_EQ(cchc_report_set_percent(h.report, "B1:2", 600, 1), CCHC_OK);
  EXPECT_EQ(text_of(cchc_report_get_text, h.report, "B1:2"), "60,0");
  ASSERT_EQ(cchc_report_set_pair(h.report, "B3:3.3", 2, 40), CCHC_OK);
  EXPECT_EQ(text_of(cchc_report_get_text, h.report, "B3:3.3"), "2/40");
  ASSERT_EQ(cchc_report_set_code(h.report, "B1:6", 2), CCHC_OK);  // kept, but invalid
  ASSERT_EQ(cchc_report_value_ok(&ok, h.report, "B1:6"), CCHC_OK);
  EXPECT_EQ(ok, 0);
  ASSERT_EQ(cchc_report_set_text(h.report, "B4:1.3", "", CCHC_NTS), CCHC_OK);
  ASSERT_EQ(cchc_report_value_kind(&kind, &blank, h.report, "B4:1.3"), CCHC_OK);
  EXPECT_EQ(kind, CCHC_KIND_COUNT);
  EXPECT_EQ(blank, 1);
  ASSERT_EQ(cchc_report_clear(h.report, "B5:2.3", CCHC_BLANK_NOT_APPLICABLE), CCHC_OK);
  cchc_report* made = nullptr;
  ASSERT_EQ(cchc_report_new(&made, h.catalog), CCHC_OK);
  EXPECT_EQ(cchc_report_set_money(made, "B1:1", 5), CCHC_EKIND);
  cchc_report_free(made);
}

// Issue 18: a setter accepted INT64_MAX, whose JSON then did not read back. What a setter
// accepts survives the round trip; what would not is refused with CCHC_ERANGE.
TEST(CApi, EveryFigureASetterAcceptsReadsBack) {
  Handles h;
  cchc_report* r = nullptr;
  ASSERT_EQ(cchc_report_new(&r, h.catalog), CCHC_OK);
  const std::int64_t max = 999'999'999'999'999'999;  // 18 digits
  for (const std::int64_t n : {std::int64_t{0}, max, -max, std::int64_t{INT64_MAX},
                               std::int64_t{INT64_MIN}, max + 1, -max - 1}) {
    const bool fits = n <= max && n >= -max;
    const int32_t want = fits ? CCHC_OK : CCHC_ERANGE;
    EXPECT_EQ(cchc_report_set_count(r, "B1:1", n), want) << n;
    EXPECT_EQ(cchc_report_set_percent(r, "B1:2", n, 1), want) << n;
    EXPECT_EQ(cchc_report_set_pair(r, "B7:5.1", n, 1), want) << n;
    EXPECT_EQ(cchc_report_set_pair(r, "B3:3.3", 1, n), want) << n;
    EXPECT_EQ(cchc_report_set_code(r, "B1:6", n), want) << n;
    if (!fits) continue;
    std::string json(1 << 16, '\0');
    std::size_t length = 0;
    ASSERT_EQ(cchc_report_to_json(json.data(), json.size(), &length, r), CCHC_OK);
    cchc_report* back = nullptr;
    ASSERT_EQ(cchc_report_from_json(&back, h.catalog, json.data(), length), CCHC_OK)
        << n << ": " << cchc_last_error();
    std::int64_t v = 0, w = 0;
    int32_t d = 0;
    ASSERT_EQ(cchc_report_get_count(&v, back, "B1:1"), CCHC_OK);
    EXPECT_EQ(v, n);
    ASSERT_EQ(cchc_report_get_percent(&v, &d, back, "B1:2"), CCHC_OK);
    EXPECT_EQ(v, n);
    EXPECT_EQ(d, 1);
    ASSERT_EQ(cchc_report_get_pair(&v, &w, back, "B3:3.3"), CCHC_OK);
    EXPECT_EQ(w, n);
    ASSERT_EQ(cchc_report_get_code(&v, back, "B1:6"), CCHC_OK);
    EXPECT_EQ(v, n);
    cchc_report_free(back);
  }
  cchc_report_free(r);
}

// Issue 18: on a 64 KiB worker thread cchc_report_load crashed (a 64 KiB buffer on the stack)
// and on 256 KiB the built-in rules did not compile (a fixed 256 KiB reserve). Every entry point
// on the built-in template and the bundled report now runs on 64 and 128 KiB threads; a build
// with sanitizers spends several times the stack per frame and keeps its own reserve.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif

std::vector<std::string> every_entry_point() {
  std::vector<std::string> failed;
  const auto expect = [&](const char* what, int32_t rc) {
    if (rc != CCHC_OK) failed.push_back(std::string(what) + ": " + cchc_last_error());
  };
  cchc_catalog* catalog = nullptr;
  cchc_report *report = nullptr, *back = nullptr, *imported = nullptr, *derived = nullptr;
  cchc_ruleset* rules = nullptr;
  cchc_findings *findings = nullptr, *evidence = nullptr, *with_holidays = nullptr;
  cchc_batch* batch = nullptr;
  cchc_batch_result* result = nullptr;
  expect("catalog", cchc_catalog_builtin(&catalog));
  expect("load", cchc_report_load(&report, catalog, example.c_str()));
  std::string json(1 << 17, '\0');
  std::size_t length = 0, count = 0;
  if (report) {
    expect("to_json", cchc_report_to_json(json.data(), json.size(), &length, report));
    expect("from_json", cchc_report_from_json(&back, catalog, json.data(), length));
    expect("derive", cchc_report_derive(&derived, &count, report));
  }
  expect("rules", cchc_ruleset_builtin(&rules, catalog));
  if (rules && report) expect("check", cchc_ruleset_check(&findings, rules, report));
  const std::string text = std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.txt";
  expect("import", cchc_report_import_file(&imported, &evidence, catalog, text.c_str()));
  cchc_options holidays = CCHC_OPTIONS_INIT;
  holidays.holidays = "2024-03-15, 2024-04-30";
  if (rules && imported)
    expect("check_v2", cchc_ruleset_check_v2(&with_holidays, rules, imported, &holidays));
  expect("batch", cchc_batch_new(&batch, catalog));
  if (batch) {
    const std::string csv = std::string(CCHC_EXAMPLE_DATA_DIR) + "/reports.csv";
    expect("batch_read", cchc_batch_read_file(nullptr, batch, csv.c_str()));
    cchc_batch_check_options options = CCHC_BATCH_CHECK_OPTIONS_INIT;
    options.threads = 1;
    if (rules) expect("batch_check", cchc_batch_check(&result, rules, batch, &options));
  }
  cchc_batch_result_free(result);
  cchc_batch_free(batch);
  cchc_findings_free(evidence);
  cchc_findings_free(findings);
  cchc_findings_free(with_holidays);
  cchc_ruleset_free(rules);
  cchc_report_free(derived);
  cchc_report_free(imported);
  cchc_report_free(back);
  cchc_report_free(report);
  cchc_catalog_free(catalog);
  return failed;
}

TEST(CApi, EveryEntryPointRunsOnA64And128KiBThread) {
  if (sanitized) GTEST_SKIP() << "sanitizer frames are several times a release build's";
  for (const std::size_t kib : {std::size_t{64}, std::size_t{128}}) {
    pthread_attr_t attr;
    ASSERT_EQ(pthread_attr_init(&attr), 0);
    ASSERT_EQ(pthread_attr_setstacksize(&attr, kib << 10), 0);
    std::vector<std::string> failed;
    pthread_t thread;
    ASSERT_EQ(pthread_create(
                  &thread, &attr,
                  [](void* out) -> void* {
                    *static_cast<std::vector<std::string>*>(out) = every_entry_point();
                    return nullptr;
                  },
                  &failed),
              0);
    ASSERT_EQ(pthread_join(thread, nullptr), 0);
    pthread_attr_destroy(&attr);
    // A debug build keeps a larger reserve: on 64 KiB it may refuse to compile the rules (for
    // the rule set or for derive), with CCHC_ELIMIT, never crash.
#ifndef NDEBUG
    if (kib == 64)
      std::erase_if(failed, [](const std::string& f) {
        return f.find("this thread's stack") != std::string::npos;
      });
#endif
    EXPECT_EQ(failed, std::vector<std::string>{}) << kib << " KiB";
  }
}

TEST(CApi, MetadataByField) {
  Handles h;
  EXPECT_EQ(text_of(cchc_report_get_meta, h.report, "period"), "q1 2024");
  EXPECT_EQ(text_of(cchc_report_get_meta, h.report, "document.date"), "2024-03-12");
  EXPECT_EQ(text_of(cchc_report_get_meta, h.report, "catalog.id"), "vn.sonla.snv-3981-2022.so-nganh");
  ASSERT_EQ(cchc_report_set_meta(h.report, "period.kind", "six_months", CCHC_NTS), CCHC_OK);
  EXPECT_EQ(text_of(cchc_report_get_meta, h.report, "period"), "six_months 2024");
  ASSERT_EQ(cchc_report_set_meta(h.report, "agency.name", "Vie\xCC\xA3\xCC\x82t", CCHC_NTS), CCHC_OK);
  EXPECT_EQ(text_of(cchc_report_get_meta, h.report, "agency.name"), "Việt");  // NFC
  cchc_report* blank = nullptr;
  ASSERT_EQ(cchc_report_new(&blank, h.catalog), CCHC_OK);
  EXPECT_EQ(text_of(cchc_report_get_meta, blank, "period.year"), "");
  // Half a period is no period: the error says which field to set (issue 18).
  EXPECT_EQ(cchc_report_set_meta(blank, "period.year", "2025", CCHC_NTS), CCHC_EINVAL);
  EXPECT_NE(std::string(cchc_last_error()).find("\"period\""), std::string::npos)
      << cchc_last_error();
  EXPECT_EQ(cchc_report_set_meta(blank, "period.kind", "q1", CCHC_NTS), CCHC_EINVAL);
  ASSERT_EQ(cchc_report_set_meta(blank, "period", "year 2025", CCHC_NTS), CCHC_OK);
  EXPECT_EQ(text_of(cchc_report_get_meta, blank, "period.kind"), "year");
  cchc_report_free(blank);
}

TEST(CApi, JsonRoundTripCloneSaveAndDerive) {
  Handles h;
  size_t n = 0;
  ASSERT_EQ(cchc_report_to_json(nullptr, 0, &n, h.report), CCHC_OK);
  std::string json(n + 1, '\0');
  ASSERT_EQ(cchc_report_to_json(json.data(), json.size(), &n, h.report), CCHC_OK);
  json.resize(n);
  cchc_report* back = nullptr;
  ASSERT_EQ(cchc_report_from_json(&back, h.catalog, json.data(), json.size()), CCHC_OK);
  cchc_report* copy = nullptr;
  ASSERT_EQ(cchc_report_clone(&copy, back), CCHC_OK);
  const std::string path = ::testing::TempDir() + "cchc-capi-save.json";
  ASSERT_EQ(cchc_report_save(copy, path.c_str()), CCHC_OK);
  EXPECT_EQ(cchc::read_file(path).value(), json);
  cchc_report* derived = nullptr;
  ASSERT_EQ(cchc_report_derive(&derived, &n, copy), CCHC_OK);
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(text_of(cchc_report_get_text, derived, "B1:2"), "60");
  EXPECT_EQ(text_of(cchc_report_get_text, copy, "B1:2"), "");
  cchc_report_free(derived);
  cchc_report_free(copy);
  cchc_report_free(back);
}

TEST(CApi, ImportTheTextOfASignedReport) {
  Handles h;
  const std::string txt = std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.txt";
  cchc_report* r = nullptr;
  cchc_findings* f = nullptr;
  ASSERT_EQ(cchc_report_import_file(&r, &f, h.catalog, txt.c_str()), CCHC_OK) << cchc_last_error();
  EXPECT_EQ(text_of(cchc_report_get_text, r, "B4:1.4"), "33,3");
  EXPECT_EQ(text_of(cchc_report_get_meta, r, "document.symbol"), "BC-SKHCN");
  size_t n = 0;
  ASSERT_EQ(cchc_findings_count(&n, f), CCHC_OK);
  EXPECT_EQ(n, 12u);  // the narrative's findings; nothing unread
  cchc_finding_info info = CCHC_FINDING_INFO_INIT;
  ASSERT_EQ(cchc_findings_get(&info, f, 0), CCHC_OK);
  EXPECT_STREQ(info.rule_id, "narrative.B4:2.1");
  EXPECT_EQ(info.line, 260);
  cchc_findings_free(f);
  cchc_report_free(r);
  r = nullptr;
  const std::string text = cchc::read_file(txt).value();
  ASSERT_EQ(cchc_report_import_text(&r, nullptr, h.catalog, text.data(), text.size()), CCHC_OK);
  cchc_report_free(r);
  r = nullptr;
  EXPECT_EQ(cchc_report_import_text(&r, nullptr, h.catalog, "", 0), CCHC_EPARSE);
  EXPECT_EQ(cchc_report_import_text(&r, nullptr, h.catalog, "\xFF", 1), CCHC_EUTF8);
  EXPECT_EQ(cchc_report_import_text(nullptr, nullptr, h.catalog, "x", 1), CCHC_EINVAL);
  EXPECT_EQ(cchc_report_import_file(&r, nullptr, nullptr, txt.c_str()), CCHC_EINVAL);
  EXPECT_EQ(cchc_report_import_file(&r, nullptr, h.catalog, "/nonexistent.pdf"), CCHC_EIO);
  EXPECT_EQ(r, nullptr);
}

// A scanned page (an image) comes through the same call, read by OCR; what OCR could not read
// comes back as import.unread findings, never as a blank.
TEST(CApi, ImportAScan) {
  Handles h;
  const std::string jpg = std::string(CCHC_TEST_DATA_DIR) + "/documents/annex-scan-page1.jpg";
  cchc_report* r = nullptr;
  cchc_findings* f = nullptr;
  ASSERT_EQ(cchc_report_import_file(&r, &f, h.catalog, jpg.c_str()), CCHC_OK) << cchc_last_error();
  EXPECT_EQ(text_of(cchc_report_get_text, r, "B1:2.1"), "35");
  size_t n = 0;
  ASSERT_EQ(cchc_findings_count(&n, f), CCHC_OK);
  EXPECT_GT(n, 0u);  // half a page: the other forms' rows are not in it
  cchc_findings_free(f);
  cchc_report_free(r);
}

// How a scan is recognised is an option (version 2 of cchc_options): a figure read with less
// than ocr_min_confidence is left unread. A version 1 struct, which ends before the OCR fields,
// still works, with the defaults; a field out of range is CCHC_EINVAL, saying which.
TEST(CApi, ImportAScanWithOcrOptions) {
  const std::string jpg = std::string(CCHC_TEST_DATA_DIR) + "/documents/annex-scan-page1.jpg";
  cchc_options o = CCHC_OPTIONS_INIT;
  o.ocr_min_confidence = 101;  // no reading is that sure
  o.ocr_language = "vie";
  cchc_report* r = nullptr;
  cchc_findings* f = nullptr;
  ASSERT_EQ(cchc_report_import_file_v2(&r, &f, jpg.c_str(), &o), CCHC_OK) << cchc_last_error();
  EXPECT_EQ(text_of(cchc_report_get_text, r, "B1:2.1"), "");
  cchc_findings_free(f);
  cchc_report_free(r);

  struct {
    uint32_t version;
    int32_t lang;
    const cchc_catalog* catalog;
    const char* holidays;
    const cchc_limits* limits;
  } v1 = {1, CCHC_LANG_BOTH, nullptr, nullptr, nullptr};  // as a program built against version 1
  ASSERT_EQ(cchc_report_import_file_v2(&r, &f, jpg.c_str(), reinterpret_cast<const cchc_options*>(&v1)), CCHC_OK)
      << cchc_last_error();
  EXPECT_EQ(text_of(cchc_report_get_text, r, "B1:2.1"), "35");
  cchc_findings_free(f);
  cchc_report_free(r);

  o = CCHC_OPTIONS_INIT;
  o.ocr_dpi = 5000;
  EXPECT_EQ(cchc_report_import_file_v2(&r, &f, jpg.c_str(), &o), CCHC_EINVAL);
  EXPECT_NE(std::string(cchc_last_error()).find("ocr_dpi"), std::string::npos);
}

TEST(CApi, CheckAndReadFindings) {
  Handles h;
  cchc_findings* f = nullptr;
  ASSERT_EQ(cchc_ruleset_check(&f, h.rules, h.report), CCHC_OK);
  size_t count = 0, errors = 0, warnings = 0, infos = 0;
  ASSERT_EQ(cchc_findings_count(&count, f), CCHC_OK);
  ASSERT_EQ(cchc_findings_summary(&errors, &warnings, &infos, f), CCHC_OK);
  EXPECT_EQ(count, 11u);
  EXPECT_EQ(errors, 5u);
  EXPECT_EQ(warnings, 2u);
  EXPECT_EQ(infos, 4u);
  cchc_finding_info info = CCHC_FINDING_INFO_INIT;
  ASSERT_EQ(cchc_findings_get(&info, f, 1), CCHC_OK);
  EXPECT_STREQ(info.rule_id, "derivable.B1:2");
  EXPECT_EQ(info.severity, CCHC_SEVERITY_WARNING);
  EXPECT_EQ(info.has_fix, 1);
  EXPECT_STREQ(info.fix_row, "B1:2");
  EXPECT_STREQ(info.fix_value, "60");
  ASSERT_EQ(info.row_count, 3u);
  const char* address = nullptr;
  const char* value = nullptr;
  int32_t blank = 0;
  ASSERT_EQ(cchc_findings_row(&address, &value, &blank, f, 1, 1), CCHC_OK);
  EXPECT_STREQ(address, "B1:2.1");
  EXPECT_STREQ(value, "35");
  EXPECT_EQ(blank, 0);
  EXPECT_EQ(cchc_findings_row(&address, &value, &blank, f, 1, 3), CCHC_EINVAL);
  EXPECT_EQ(cchc_findings_get(&info, f, 11), CCHC_EINVAL);
  EXPECT_EQ(cchc_findings_to_text(nullptr, 0, &count, f, 9), CCHC_EINVAL);
  // The same text as the C++ API gives.
  const cchc::Report report = cchc::load_report(example).value();
  const auto cpp = cchc::RuleSet::builtin(report.catalog_ptr()).check(report).value();
  EXPECT_EQ(findings_text(f), cchc::findings_to_text(cpp, cchc::Language::vi));
  EXPECT_EQ(findings_text(f, CCHC_LANG_EN), cchc::findings_to_text(cpp, cchc::Language::en));
  size_t n = 0;
  ASSERT_EQ(cchc_findings_to_json(nullptr, 0, &n, f), CCHC_OK);
  EXPECT_EQ(n, cchc::findings_to_json(cpp).size());
  cchc_findings_free(f);
}

TEST(CApi, RuleSourcesReportLineAndColumn) {
  Handles h;
  uint32_t line = 99, column = 99;
  EXPECT_EQ(cchc_ruleset_add_source(h.rules, "rule x {\n  check B1:2 == B1:2.1\n  vi \"a\" en \"b\"\n}",
                                    CCHC_NTS, "mine.rules", &line, &column),
            CCHC_EKIND);
  EXPECT_EQ(line, 2u);
  EXPECT_EQ(column, 9u);
  EXPECT_NE(std::string(cchc_last_error()).find("mine.rules:2:9"), std::string::npos);
  size_t before = 0, after = 0;
  ASSERT_EQ(cchc_ruleset_size(&before, h.rules), CCHC_OK);
  ASSERT_EQ(cchc_ruleset_add_source(h.rules, "rule x { check B1:4.2 <= B1:4.1 vi \"a\" en \"b\" }",
                                    CCHC_NTS, nullptr, &line, &column),
            CCHC_OK);
  EXPECT_EQ(line, 0u);
  ASSERT_EQ(cchc_ruleset_size(&after, h.rules), CCHC_OK);
  EXPECT_EQ(after, before + 1);
}

int32_t flag_odd_total(void* user_data, const cchc_report* report, cchc_finding_sink* sink) {
  ++*static_cast<std::atomic<int>*>(user_data);
  int64_t n = 0;
  if (cchc_report_get_count(&n, report, "B1:4.1") != CCHC_OK) return 1;
  if (n % 2 == 0) {
    const char* rows[] = {"B1:4.1"};
    return cchc_sink_add(sink, "Tổng số chẵn", "The total is even", rows, 1);
  }
  return 0;
}

TEST(CApi, CallbacksAddFindingsWithUserData) {
  Handles h;
  std::atomic<int> calls{0};
  ASSERT_EQ(cchc_ruleset_add_callback(h.rules, "my.even", CCHC_SEVERITY_INFO, flag_odd_total, &calls),
            CCHC_OK);
  EXPECT_EQ(cchc_ruleset_add_callback(h.rules, "my.even", CCHC_SEVERITY_INFO, flag_odd_total, &calls),
            CCHC_EINVAL);  // duplicate id
  EXPECT_EQ(cchc_ruleset_add_callback(h.rules, "x", 7, flag_odd_total, &calls), CCHC_EINVAL);
  cchc_findings* f = nullptr;
  ASSERT_EQ(cchc_ruleset_check(&f, h.rules, h.report), CCHC_OK);
  EXPECT_EQ(calls.load(), 1);
  size_t count = 0;
  ASSERT_EQ(cchc_findings_count(&count, f), CCHC_OK);
  EXPECT_EQ(count, 12u);
  bool seen = false;
  for (size_t i = 0; i < count; ++i) {
    cchc_finding_info info = CCHC_FINDING_INFO_INIT;
    ASSERT_EQ(cchc_findings_get(&info, f, i), CCHC_OK);
    if (std::strcmp(info.rule_id, "my.even") == 0) {
      seen = true;
      EXPECT_EQ(info.severity, CCHC_SEVERITY_INFO);
      EXPECT_STREQ(info.message_en, "The total is even");
    }
  }
  EXPECT_TRUE(seen);
  cchc_findings_free(f);
}

TEST(CApi, AFailingCallbackFailsTheCheck) {
  Handles h;
  ASSERT_EQ(cchc_ruleset_add_callback(h.rules, "my.broken", CCHC_SEVERITY_ERROR,
                                      [](void*, const cchc_report*, cchc_finding_sink*) { return 42; },
                                      nullptr),
            CCHC_OK);
  cchc_findings* f = nullptr;
  EXPECT_EQ(cchc_ruleset_check(&f, h.rules, h.report), CCHC_ECALLBACK);
  EXPECT_EQ(f, nullptr);
  EXPECT_NE(std::string(cchc_last_error()).find("rule my.broken reported failure (code 42)"),
            std::string::npos);
}

TEST(CApi, SinkRefusesUnknownRows) {
  Handles h;
  static int32_t rc = 0;
  ASSERT_EQ(cchc_ruleset_add_callback(h.rules, "my.bad-row", CCHC_SEVERITY_ERROR,
                                      [](void*, const cchc_report*, cchc_finding_sink* sink) {
                                        const char* rows[] = {"B9:9"};
                                        rc = cchc_sink_add(sink, "x", "y", rows, 1);
                                        return 0;
                                      },
                                      nullptr),
            CCHC_OK);
  cchc_findings* f = nullptr;
  ASSERT_EQ(cchc_ruleset_check(&f, h.rules, h.report), CCHC_OK);
  EXPECT_EQ(rc, CCHC_ENOTFOUND);
  cchc_findings_free(f);
}

// Many threads, one catalogue and one rule set (with a C callback): every thread gets the
// findings that one thread gets. Built under ThreadSanitizer by the tsan preset.
// Each test runs in its own process (gtest_discover_tests), so the process-wide limits set here
// do not reach other tests; the test still puts them back.
TEST(CApi, LimitsAreSettableAndApplyToEveryReader) {
  cchc_limits defaults = CCHC_LIMITS_INIT;
  ASSERT_EQ(cchc_limits_default(&defaults), CCHC_OK);
  EXPECT_EQ(defaults.json_max_depth, 32u);
  EXPECT_EQ(defaults.rules_max_depth, 256u);
  EXPECT_EQ(defaults.text_max_line_bytes, size_t{1} << 20);
  cchc_limits now = CCHC_LIMITS_INIT;
  ASSERT_EQ(cchc_limits_get(&now), CCHC_OK);
  EXPECT_EQ(std::memcmp(&now, &defaults, sizeof now), 0);

  Handles h;
  size_t json_length = 0;
  ASSERT_EQ(cchc_report_to_json(nullptr, 0, &json_length, h.report), CCHC_OK);
  std::string json(json_length + 1, '\0');
  ASSERT_EQ(cchc_report_to_json(json.data(), json.size(), &json_length, h.report), CCHC_OK);
  json.resize(json_length);

  cchc_limits tight = defaults;
  tight.json_max_depth = 1;
  tight.rules_max_depth = 3;
  tight.text_max_bytes = 100;
  ASSERT_EQ(cchc_limits_set(&tight), CCHC_OK);
  cchc_report* r = nullptr;
  EXPECT_EQ(cchc_report_from_json(&r, h.catalog, json.data(), json.size()), CCHC_ELIMIT);
  EXPECT_NE(std::string(cchc_last_error()).find("JSON"), std::string::npos);
  EXPECT_EQ(cchc_report_load(&r, h.catalog, example.c_str()), CCHC_ELIMIT);
  cchc_catalog* c = nullptr;
  EXPECT_EQ(cchc_catalog_from_json(&c, "[[[]]]", CCHC_NTS), CCHC_ELIMIT);
  cchc_ruleset* rules = nullptr;
  ASSERT_EQ(cchc_ruleset_new(&rules, h.catalog), CCHC_OK);
  EXPECT_EQ(cchc_ruleset_add_source(rules, "rule t { check ((((true)))) vi \"x\" en \"y\" }",
                                    CCHC_NTS, "t.rules", nullptr, nullptr),
            CCHC_ELIMIT);
  cchc_findings* f = nullptr;
  const std::string text(200, 'x');
  EXPECT_EQ(cchc_report_import_text(&r, &f, h.catalog, text.data(), text.size()), CCHC_ELIMIT);
  EXPECT_EQ(r, nullptr);

  // Zero and above-ceiling values are refused, and nothing changes.
  cchc_limits bad = defaults;
  bad.rules_max_depth = 5000;
  EXPECT_EQ(cchc_limits_set(&bad), CCHC_EINVAL);
  EXPECT_NE(std::string(cchc_last_error()).find("rules_max_depth"), std::string::npos);
  bad = defaults;
  bad.text_max_line_bytes = 0;
  EXPECT_EQ(cchc_limits_set(&bad), CCHC_EINVAL);
  bad.version = 99;
  EXPECT_EQ(cchc_limits_set(&bad), CCHC_EINVAL);
  EXPECT_EQ(cchc_limits_set(nullptr), CCHC_EINVAL);
  EXPECT_EQ(cchc_limits_get(nullptr), CCHC_EINVAL);
  ASSERT_EQ(cchc_limits_get(&now), CCHC_OK);
  EXPECT_EQ(now.json_max_depth, 1u);

  ASSERT_EQ(cchc_limits_set(&defaults), CCHC_OK);
  EXPECT_EQ(cchc_report_from_json(&r, h.catalog, json.data(), json.size()), CCHC_OK)
      << cchc_last_error();
  EXPECT_EQ(cchc_ruleset_add_source(rules, "rule t { check ((((true)))) vi \"x\" en \"y\" }",
                                    CCHC_NTS, "t.rules", nullptr, nullptr),
            CCHC_OK);
  cchc_report_free(r);
  cchc_ruleset_free(rules);
}

TEST(CApi, ThreadsShareOneRuleSet) {
  Handles h;
  std::atomic<int> calls{0};
  ASSERT_EQ(cchc_ruleset_add_callback(h.rules, "my.even", CCHC_SEVERITY_INFO, flag_odd_total, &calls),
            CCHC_OK);
  cchc_findings* once = nullptr;
  ASSERT_EQ(cchc_ruleset_check(&once, h.rules, h.report), CCHC_OK);
  const std::string expected = findings_text(once);
  cchc_findings_free(once);

  constexpr int threads = 4, reports_per_thread = 500;
  std::atomic<int> mismatches{0}, failures{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (int i = 0; i < reports_per_thread; ++i) {
        cchc_report* copy = nullptr;
        cchc_findings* f = nullptr;
        if (cchc_report_clone(&copy, h.report) != CCHC_OK ||
            cchc_ruleset_check(&f, h.rules, copy) != CCHC_OK) {
          ++failures;
        } else if (findings_text(f) != expected) {
          ++mismatches;
        }
        cchc_findings_free(f);
        cchc_report_free(copy);
      }
    });
  }
  for (auto& t : pool) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(calls.load(), 1 + threads * reports_per_thread);
}

}  // namespace

namespace {

std::vector<std::string> rule_ids(const cchc_findings* f) {
  size_t n = 0;
  EXPECT_EQ(cchc_findings_count(&n, f), CCHC_OK);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    cchc_finding_info info = CCHC_FINDING_INFO_INIT;
    EXPECT_EQ(cchc_findings_get(&info, f, i), CCHC_OK);
    out.emplace_back(info.rule_id);
  }
  return out;
}

}  // namespace

TEST(CApi, CheckingAnImportedReportChecksItsEvidenceToo) {
  Handles h;
  const std::string txt = std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.txt";
  cchc_report* r = nullptr;
  cchc_findings* evidence = nullptr;
  ASSERT_EQ(cchc_report_import_file(&r, &evidence, h.catalog, txt.c_str()), CCHC_OK);
  cchc_findings* all = nullptr;
  ASSERT_EQ(cchc_ruleset_check(&all, h.rules, r), CCHC_OK) << cchc_last_error();
  // One list, as `cchc check report.txt` prints it: the rules and the text's own findings.
  const cchc::ImportedText t = cchc::import_file(txt).value();
  const auto cli = cchc::check(t.report, cchc::RuleSet::builtin(cchc::builtin_catalog()), &t).value();
  const auto ids = rule_ids(all);
  ASSERT_EQ(ids.size(), cli.size());
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], cli[i].rule_id) << i;
  for (const auto& id : rule_ids(evidence))
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  // A clone is the same document; a report edited from JSON has no evidence.
  cchc_report* copy = nullptr;
  ASSERT_EQ(cchc_report_clone(&copy, r), CCHC_OK);
  cchc_findings* again = nullptr;
  ASSERT_EQ(cchc_ruleset_check(&again, h.rules, copy), CCHC_OK);
  EXPECT_EQ(rule_ids(again), ids);
  cchc_findings* plain = nullptr;
  ASSERT_EQ(cchc_ruleset_check(&plain, h.rules, h.report), CCHC_OK);
  const auto plain_ids = rule_ids(plain);
  EXPECT_LT(plain_ids.size(), ids.size());
  EXPECT_EQ(std::count(plain_ids.begin(), plain_ids.end(), "import.unread"), 0);
  for (const auto& id : plain_ids) EXPECT_FALSE(id.starts_with("narrative.")) << id;
  cchc_findings_free(plain);
  cchc_findings_free(again);
  cchc_findings_free(all);
  cchc_findings_free(evidence);
  cchc_report_free(copy);
  cchc_report_free(r);
}

namespace {

bool has_rule(const cchc_findings* f, const std::string& id) {
  const auto ids = rule_ids(f);
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The seed's text, dated 15/3/2024 (a Friday, the first working day after Q1's cut-off of
// 14/3) instead of 12/3: on time, unless 15/3 is a holiday.
std::string seed_text_dated_15_march() {
  std::string text =
      cchc::read_file(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.txt").value();
  const std::string from = "94/BC-SKHCN ngày 12/3/2024", to = "94/BC-SKHCN ngày 15/3/2024";
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST(CApi, OptionsCarryHolidaysToTheDeadlineCheck) {
  Handles h;
  const std::string text = seed_text_dated_15_march();
  cchc_options options = CCHC_OPTIONS_INIT;
  cchc_report* r = nullptr;
  cchc_findings* f = nullptr;
  // Without holidays the report is on time, in the import's findings and in a check.
  ASSERT_EQ(cchc_report_import_text_v2(&r, &f, text.data(), text.size(), &options), CCHC_OK)
      << cchc_last_error();
  EXPECT_FALSE(has_rule(f, "date.before-cutoff"));
  cchc_findings_free(f);
  ASSERT_EQ(cchc_ruleset_check_v2(&f, h.rules, r, nullptr), CCHC_OK);
  EXPECT_FALSE(has_rule(f, "date.before-cutoff"));
  cchc_findings_free(f);
  // With 15/3 a holiday the earliest day is Monday 18/3: both find it.
  options.holidays = "2024-02-09,2024-03-15; 2024-04-18\n2024-04-30";
  ASSERT_EQ(cchc_ruleset_check_v2(&f, h.rules, r, &options), CCHC_OK) << cchc_last_error();
  EXPECT_TRUE(has_rule(f, "date.before-cutoff"));
  cchc_findings_free(f);
  cchc_report_free(r);
  ASSERT_EQ(cchc_report_import_text_v2(&r, &f, text.data(), text.size(), &options), CCHC_OK);
  EXPECT_TRUE(has_rule(f, "date.before-cutoff"));
  cchc_findings_free(f);
  // The options are not kept: the report checked without them is on time again.
  ASSERT_EQ(cchc_ruleset_check(&f, h.rules, r), CCHC_OK);
  EXPECT_FALSE(has_rule(f, "date.before-cutoff"));
  cchc_findings_free(f);

  // A date that is not one fails the call, naming the field and the date.
  f = nullptr;
  options.holidays = "2024-03-15, 15/03/2024";
  EXPECT_EQ(cchc_ruleset_check_v2(&f, h.rules, r, &options), CCHC_EPARSE);
  EXPECT_NE(std::string(cchc_last_error()).find("options.holidays"), std::string::npos);
  EXPECT_NE(std::string(cchc_last_error()).find("15/03/2024"), std::string::npos);
  options.holidays = "2024-02-30";
  EXPECT_EQ(cchc_ruleset_check_v2(&f, h.rules, r, &options), CCHC_ERANGE);
  options.holidays = "\xFF";
  EXPECT_EQ(cchc_ruleset_check_v2(&f, h.rules, r, &options), CCHC_EUTF8);
  EXPECT_EQ(f, nullptr);
  cchc_report_free(r);
}

TEST(CApi, OptionsChooseTheCatalogueAndTheLanguageOfErrors) {
  const std::string tiny = std::string(CCHC_TEST_DATA_DIR) + "/tiny-catalog.json";
  cchc_options options = CCHC_OPTIONS_INIT;
  cchc_catalog* cat = nullptr;
  ASSERT_EQ(cchc_catalog_load_v2(&cat, tiny.c_str(), &options), CCHC_OK) << cchc_last_error();
  options.catalog = cat;
  cchc_report* r = nullptr;
  const char* json = R"({"format": "cchc.report/1", "catalog": {"id": "test.tiny", "version": "1"},
                         "values": {"B1:1": "3", "B1:1.1": "1", "B1:1.2": "2"}})";
  ASSERT_EQ(cchc_report_from_json_v2(&r, json, CCHC_NTS, &options), CCHC_OK) << cchc_last_error();
  EXPECT_EQ(text_of(cchc_report_get_meta, r, "catalog.id"), "test.tiny");
  cchc_report_free(r);
  r = nullptr;
  // Without a catalogue the built-in one reads it, and refuses a report of another template.
  EXPECT_NE(cchc_report_from_json_v2(&r, json, CCHC_NTS, nullptr), CCHC_OK);
  EXPECT_EQ(r, nullptr);

  // The language of cchc_last_error(): both by default, or one.
  EXPECT_EQ(cchc_report_from_json_v2(&r, "{", 1, &options), CCHC_EPARSE);
  const std::string both = cchc_last_error();
  options.lang = CCHC_LANG_VI;
  EXPECT_EQ(cchc_report_from_json_v2(&r, "{", 1, &options), CCHC_EPARSE);
  const std::string vi = cchc_last_error();
  options.lang = CCHC_LANG_EN;
  EXPECT_EQ(cchc_report_from_json_v2(&r, "{", 1, &options), CCHC_EPARSE);
  const std::string en = cchc_last_error();
  EXPECT_NE(vi, en);
  EXPECT_TRUE(both.starts_with(vi)) << both << " | " << vi;
  EXPECT_TRUE(both.ends_with(")")) << both;
  EXPECT_GT(both.size(), vi.size() + 3);
  EXPECT_EQ(en.find("không"), std::string::npos) << en;
  // The language lasts for the call only.
  EXPECT_EQ(cchc_report_from_json(&r, cat, "{", 1), CCHC_EPARSE);
  EXPECT_EQ(std::string(cchc_last_error()), both);

  // Options that are not options.
  options.lang = 7;
  EXPECT_EQ(cchc_report_from_json_v2(&r, json, CCHC_NTS, &options), CCHC_EINVAL);
  EXPECT_NE(std::string(cchc_last_error()).find("options.lang"), std::string::npos);
  options.lang = CCHC_LANG_BOTH;
  options.version = 0;
  EXPECT_EQ(cchc_report_from_json_v2(&r, json, CCHC_NTS, &options), CCHC_EINVAL);
  options.version = CCHC_OPTIONS_VERSION + 1;
  EXPECT_EQ(cchc_report_from_json_v2(&r, json, CCHC_NTS, &options), CCHC_EINVAL);
  EXPECT_NE(std::string(cchc_last_error()).find("_INIT"), std::string::npos);
  EXPECT_EQ(r, nullptr);
  cchc_catalog_free(cat);
}

TEST(CApi, OptionsLimitOneCallAndZeroFieldsFollowTheProcess) {
  Handles h;
  const std::string text =
      cchc::read_file(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.txt").value();
  cchc_limits small = CCHC_LIMITS_INIT;
  small.text_max_bytes = 1000;
  cchc_options options = CCHC_OPTIONS_INIT;
  options.limits = &small;
  cchc_report* r = nullptr;
  EXPECT_EQ(cchc_report_import_text_v2(&r, nullptr, text.data(), text.size(), &options), CCHC_ELIMIT);
  EXPECT_NE(std::string(cchc_last_error()).find("1000"), std::string::npos) << cchc_last_error();
  // The process-wide limits did not change: the same call without them reads the report.
  ASSERT_EQ(cchc_report_import_text_v2(&r, nullptr, text.data(), text.size(), nullptr), CCHC_OK);
  cchc_report_free(r);
  r = nullptr;
  // Zero fields take the process-wide value, whatever it is when the call runs.
  cchc_limits process = CCHC_LIMITS_INIT, defaults = CCHC_LIMITS_INIT;
  ASSERT_EQ(cchc_limits_default(&defaults), CCHC_OK);
  process = defaults;
  process.json_max_depth = 1;
  ASSERT_EQ(cchc_limits_set(&process), CCHC_OK);
  EXPECT_EQ(cchc_report_load_v2(&r, example.c_str(), &options), CCHC_ELIMIT);  // depth 1
  cchc_limits deep = CCHC_LIMITS_INIT;
  deep.json_max_depth = 16;
  options.limits = &deep;
  EXPECT_EQ(cchc_report_load_v2(&r, example.c_str(), &options), CCHC_OK) << cchc_last_error();
  ASSERT_EQ(cchc_limits_set(&defaults), CCHC_OK);
  cchc_report_free(r);
  r = nullptr;
  // A field above its ceiling is refused.
  deep.json_max_depth = 5000;
  EXPECT_EQ(cchc_report_load_v2(&r, example.c_str(), &options), CCHC_EINVAL);
  EXPECT_NE(std::string(cchc_last_error()).find("json_max_depth"), std::string::npos);
  EXPECT_EQ(r, nullptr);
}

TEST(CApi, RuleSetsAndBatchesHaveLimitsOfTheirOwn) {
  Handles h;
  const char* deep_rule = "rule t { check ((((true)))) vi \"x\" en \"y\" }";
  cchc_ruleset *strict = nullptr, *open = nullptr;
  ASSERT_EQ(cchc_ruleset_new(&strict, h.catalog), CCHC_OK);
  ASSERT_EQ(cchc_ruleset_new(&open, h.catalog), CCHC_OK);
  cchc_limits shallow = CCHC_LIMITS_INIT;
  shallow.rules_max_depth = 3;
  ASSERT_EQ(cchc_ruleset_set_limits(strict, &shallow), CCHC_OK);
  EXPECT_EQ(cchc_ruleset_add_source(strict, deep_rule, CCHC_NTS, "t.rules", nullptr, nullptr), CCHC_ELIMIT);
  EXPECT_EQ(cchc_ruleset_add_source(open, deep_rule, CCHC_NTS, "t.rules", nullptr, nullptr), CCHC_OK);
  // A bad field changes nothing; NULL goes back to the process-wide limits.
  cchc_limits bad = CCHC_LIMITS_INIT;
  bad.rules_max_depth = 5000;
  EXPECT_EQ(cchc_ruleset_set_limits(strict, &bad), CCHC_EINVAL);
  EXPECT_EQ(cchc_ruleset_add_source(strict, deep_rule, CCHC_NTS, "t.rules", nullptr, nullptr), CCHC_ELIMIT);
  ASSERT_EQ(cchc_ruleset_set_limits(strict, nullptr), CCHC_OK);
  EXPECT_EQ(cchc_ruleset_add_source(strict, deep_rule, CCHC_NTS, "t.rules", nullptr, nullptr), CCHC_OK);
  EXPECT_EQ(cchc_ruleset_set_limits(nullptr, &shallow), CCHC_EINVAL);
  cchc_ruleset_free(open);
  cchc_ruleset_free(strict);

  // A batch's JSON Lines: a line deeper than the batch's limit is skipped and listed.
  size_t n = 0;
  ASSERT_EQ(cchc_report_to_json(nullptr, 0, &n, h.report), CCHC_OK);
  std::string line(n + 1, '\0');
  ASSERT_EQ(cchc_report_to_json(line.data(), line.size(), &n, h.report), CCHC_OK);
  line.resize(n);
  line.erase(std::remove(line.begin(), line.end(), '\n'), line.end());
  cchc_batch *limited = nullptr, *plain = nullptr;
  ASSERT_EQ(cchc_batch_new(&limited, h.catalog), CCHC_OK);
  ASSERT_EQ(cchc_batch_new(&plain, h.catalog), CCHC_OK);
  cchc_limits flat = CCHC_LIMITS_INIT;
  flat.json_max_depth = 1;
  ASSERT_EQ(cchc_batch_set_limits(limited, &flat), CCHC_OK);
  cchc_batch_read_info info = CCHC_BATCH_READ_INFO_INIT;
  ASSERT_EQ(cchc_batch_read_text(&info, limited, line.data(), line.size(), "a.jsonl"), CCHC_OK);
  EXPECT_EQ(info.reports, 0u);
  EXPECT_EQ(info.skipped, 1u);
  ASSERT_EQ(cchc_batch_read_text(&info, plain, line.data(), line.size(), "a.jsonl"), CCHC_OK);
  EXPECT_EQ(info.reports, 1u);
  EXPECT_EQ(info.skipped, 0u);
  cchc_batch_free(plain);
  cchc_batch_free(limited);
}

// Issue 18, point 3: every text field a setter accepts, empty or long and full of what JSON must
// escape, reads back the same through the getters and through JSON.
TEST(CApi, EveryMetadataFieldReadsBackEmptyAndLong) {
  Handles h;
  std::string long_text;
  const std::string piece = "Sở Nội vụ \"tỉnh\" \\ Sơn La\t\n/ 😀 \x01 ";
  while (long_text.size() < (std::size_t{1} << 20)) long_text += piece;
  const char* text_fields[] = {"agency.name", "agency.code", "province", "document.number",
                               "document.symbol", "document.place", "document.signer",
                               "document.signer_title"};
  auto json_of = [](const cchc_report* r) {
    size_t n = 0;
    EXPECT_EQ(cchc_report_to_json(nullptr, 0, &n, r), CCHC_OK);
    std::string s(n + 1, '\0');
    EXPECT_EQ(cchc_report_to_json(s.data(), s.size(), &n, r), CCHC_OK);
    s.resize(n);
    return s;
  };
  for (const std::string& value : {std::string(), long_text}) {
    for (const char* field : text_fields)
      ASSERT_EQ(cchc_report_set_meta(h.report, field, value.data(), value.size()), CCHC_OK)
          << field << ": " << cchc_last_error();
    ASSERT_EQ(cchc_report_set_meta(h.report, "document.date", value.empty() ? "" : "2024-12-31",
                                   CCHC_NTS), CCHC_OK);
    const std::string json = json_of(h.report);
    cchc_report* back = nullptr;
    ASSERT_EQ(cchc_report_from_json(&back, h.catalog, json.data(), json.size()), CCHC_OK)
        << cchc_last_error();
    for (const char* field : text_fields) {
      EXPECT_EQ(text_of(cchc_report_get_meta, h.report, field), value) << field;
      EXPECT_EQ(text_of(cchc_report_get_meta, back, field), value) << field;
    }
    EXPECT_EQ(text_of(cchc_report_get_meta, back, "document.date"), value.empty() ? "" : "2024-12-31");
    EXPECT_EQ(json_of(back), json);
    cchc_report_free(back);
  }
  // Every level, and a value that is none: refused, and the field keeps its value.
  for (const char* level : {"department", "district", "commune", "province"}) {
    ASSERT_EQ(cchc_report_set_meta(h.report, "agency.level", level, CCHC_NTS), CCHC_OK);
    EXPECT_EQ(text_of(cchc_report_get_meta, h.report, "agency.level"), level);
  }
  EXPECT_NE(cchc_report_set_meta(h.report, "agency.level", "ministry", CCHC_NTS), CCHC_OK);
  EXPECT_EQ(text_of(cchc_report_get_meta, h.report, "agency.level"), "province");
  EXPECT_EQ(cchc_report_set_meta(h.report, "agency.name", "\xC3", 1), CCHC_EUTF8);
  EXPECT_EQ(cchc_report_set_meta(h.report, "no.such.field", "x", CCHC_NTS), CCHC_ENOTFOUND);
}

TEST(CApi, RenderWritesTheReportAsDocuments) {
  Handles h;
  cchc_findings* f = nullptr;
  ASSERT_EQ(cchc_ruleset_check(&f, h.rules, h.report), CCHC_OK);
  cchc_render_options o = CCHC_RENDER_OPTIONS_INIT;
  o.findings = f;
  size_t n = 0;
  ASSERT_EQ(cchc_render(nullptr, 0, &n, h.report, &o), CCHC_OK);
  std::string html(n + 1, '\0');
  ASSERT_EQ(cchc_render(html.data(), html.size(), &n, h.report, &o), CCHC_OK);
  html.resize(n);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("<td class=\"value error\" data-row=\"B4:3.2\""), std::string::npos);
  // The same as the C++ API gives.
  const cchc::Report cxx = cchc::load_report(example).value();
  const auto cxx_findings = cchc::check(cxx, cchc::RuleSet::builtin(cxx.catalog_ptr())).value();
  cchc::RenderOptions ro;
  ro.findings = cxx_findings;
  EXPECT_EQ(html, cchc::render(cxx, cchc::RenderFormat::html, ro).value());

  o.format = CCHC_RENDER_MARKDOWN;
  o.lang = CCHC_LANG_EN;
  o.form = 4;
  ASSERT_EQ(cchc_render(nullptr, 0, &n, h.report, &o), CCHC_OK);
  std::string md(n + 1, '\0');
  ASSERT_EQ(cchc_render(md.data(), md.size(), &n, h.report, &o), CCHC_OK);
  EXPECT_NE(md.find("## Form 4"), std::string::npos);
  EXPECT_EQ(md.find("## Form 1 "), std::string::npos);

  const std::string path = ::testing::TempDir() + "cchc-render.csv";
  o.format = CCHC_RENDER_CSV;
  ASSERT_EQ(cchc_render_file(h.report, path.c_str(), &o), CCHC_OK) << cchc_last_error();
  EXPECT_NE(cchc::read_file(path).value().find("B4:1.4,1.4,"), std::string::npos);
  ASSERT_EQ(cchc_render(nullptr, 0, &n, h.report, nullptr), CCHC_OK);  // NULL options: HTML

  o.form = 9;
  EXPECT_EQ(cchc_render(nullptr, 0, &n, h.report, &o), CCHC_ENOTFOUND);
  o.form = 0;
  o.format = 17;
  EXPECT_EQ(cchc_render(nullptr, 0, &n, h.report, &o), CCHC_EINVAL);
  o.format = CCHC_RENDER_HTML;
  o.lang = CCHC_LANG_BOTH;
  EXPECT_EQ(cchc_render(nullptr, 0, &n, h.report, &o), CCHC_EINVAL);
  o.lang = CCHC_LANG_VI;
  o.version = 2;
  EXPECT_EQ(cchc_render(nullptr, 0, &n, h.report, &o), CCHC_EINVAL);
  EXPECT_EQ(cchc_render(nullptr, 0, &n, nullptr, nullptr), CCHC_EINVAL);
  EXPECT_EQ(cchc_render_file(h.report, "/nonexistent-dir/x.html", nullptr), CCHC_EIO);
  cchc_findings_free(f);
}
