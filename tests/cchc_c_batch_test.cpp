// SPDX-License-Identifier: MIT
// The batch part of the C API (cchc.h, "Batches"): filling from arrays, text, files and Arrow,
// checking on threads, and reading back counts, statuses and findings. The rest of cchc.h is
// tested in cchc_c_test.cpp.
#include "cchc/cchc.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/arrow.hpp"

namespace {

const std::string example = std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json";

struct Handles {
  cchc_catalog* catalog = nullptr;
  cchc_ruleset* rules = nullptr;
  cchc_batch* batch = nullptr;
  Handles() {
    EXPECT_EQ(cchc_catalog_builtin(&catalog), CCHC_OK);
    EXPECT_EQ(cchc_ruleset_builtin(&rules, catalog), CCHC_OK);
    EXPECT_EQ(cchc_batch_new(&batch, catalog), CCHC_OK);
  }
  ~Handles() {
    cchc_batch_free(batch);
    cchc_ruleset_free(rules);
    cchc_catalog_free(catalog);
  }
  size_t row(const char* address) const {
    size_t i = 0;
    EXPECT_EQ(cchc_catalog_find_row(&i, catalog, address, CCHC_NTS), CCHC_OK) << address;
    return i;
  }
};

template <class... A>
std::string text(int32_t (*fn)(char*, size_t, size_t*, A...), A... args) {
  size_t n = 0;
  EXPECT_EQ(fn(nullptr, 0, &n, args...), CCHC_OK) << cchc_last_error();
  std::string s(n + 1, '\0');
  EXPECT_EQ(fn(s.data(), s.size(), &n, args...), CCHC_OK);
  s.resize(n);
  return s;
}

std::string findings_json(const cchc_findings* f) { return text(cchc_findings_to_json, f); }

TEST(CApiBatch, FilledFromColumnsEachReportGetsWhatCheckingItAloneGives) {
  Handles h;
  size_t first = 99;
  ASSERT_EQ(cchc_batch_add_blank(&first, h.batch, 3), CCHC_OK);
  EXPECT_EQ(first, 0u);
  // B1:2.2 ≤ B1:2.1 fails in report 1; B1:2 = 60,0 % where 21/35 is 60 %.
  const int64_t planned[] = {35, 10, 35};
  const int64_t done[] = {21, 12, 21};
  const int64_t rate[] = {600, 0, 999};
  const uint8_t rate_states[] = {CCHC_CELL_REPORTED, CCHC_CELL_NOT_REPORTED, CCHC_CELL_REPORTED};
  ASSERT_EQ(cchc_batch_set_column(h.batch, h.row("B1:2.1"), 0, 3, planned, nullptr, nullptr, 0),
            CCHC_OK) << cchc_last_error();
  ASSERT_EQ(cchc_batch_set_column(h.batch, h.row("B1:2.2"), 0, 3, done, nullptr, nullptr, 0), CCHC_OK);
  ASSERT_EQ(cchc_batch_set_column(h.batch, h.row("B1:2"), 0, 3, rate, nullptr, rate_states, 1),
            CCHC_OK);
  const int64_t firsts[] = {7, 0, 3}, seconds[] = {7, 0, 5};
  ASSERT_EQ(cchc_batch_set_column(h.batch, h.row("B3:3.2"), 0, 3, firsts, seconds, nullptr, 0),
            CCHC_OK);
  ASSERT_EQ(cchc_batch_set_meta(h.batch, 2, "agency.name", "Sở Tư pháp", CCHC_NTS), CCHC_OK);

  cchc_batch_check_options options = CCHC_BATCH_CHECK_OPTIONS_INIT;
  options.keep_findings = 1;
  options.threads = 2;
  cchc_batch_result* result = nullptr;
  ASSERT_EQ(cchc_batch_check(&result, h.rules, h.batch, &options), CCHC_OK) << cchc_last_error();
  size_t reports = 0, with_findings = 0, with_errors = 0;
  ASSERT_EQ(cchc_batch_result_totals(&reports, &with_findings, &with_errors, result), CCHC_OK);
  EXPECT_EQ(reports, 3u);
  std::vector<uint32_t> errors(3), warnings(3);
  ASSERT_EQ(cchc_batch_result_statuses(errors.data(), warnings.data(), nullptr, result, 0, 3), CCHC_OK);
  size_t counted_errors = 0;
  for (size_t i = 0; i < 3; ++i) {
    cchc_report* alone = nullptr;
    ASSERT_EQ(cchc_batch_report(&alone, h.batch, i), CCHC_OK);
    cchc_findings* expected = nullptr;
    ASSERT_EQ(cchc_ruleset_check(&expected, h.rules, alone), CCHC_OK);
    cchc_findings* got = nullptr;
    ASSERT_EQ(cchc_batch_result_findings(&got, result, i), CCHC_OK);
    EXPECT_EQ(findings_json(got), findings_json(expected)) << i;
    size_t e = 0, w = 0;
    ASSERT_EQ(cchc_findings_summary(&e, &w, nullptr, expected), CCHC_OK);
    EXPECT_EQ(errors[i], e);
    EXPECT_EQ(warnings[i], w);
    counted_errors += e > 0;
    cchc_findings_free(got);
    cchc_findings_free(expected);
    cchc_report_free(alone);
  }
  EXPECT_EQ(with_errors, counted_errors);
  EXPECT_GT(errors[1], errors[0]);  // 12 done of 10 planned

  size_t rule_count = 0, set_size = 0;
  ASSERT_EQ(cchc_batch_result_rule_count(&rule_count, result), CCHC_OK);
  ASSERT_EQ(cchc_ruleset_size(&set_size, h.rules), CCHC_OK);
  EXPECT_EQ(rule_count, set_size);
  bool found = false;
  for (size_t r = 0; r < rule_count; ++r) {
    cchc_rule_summary s = CCHC_RULE_SUMMARY_INIT;
    ASSERT_EQ(cchc_batch_result_rule(&s, result, r), CCHC_OK);
    EXPECT_EQ(s.evaluated, s.passed + s.failed);
    EXPECT_EQ(s.evaluated + s.skipped, 3u) << s.rule_id;
    if (std::strcmp(s.rule_id, "sum.B1:2.1[2.2]") == 0) {
      found = true;
      EXPECT_EQ(s.failed, 1u) << s.rule_id;
    }
  }
  EXPECT_TRUE(found);
  const std::string json = text(cchc_batch_result_to_json, static_cast<const cchc_batch_result*>(result));
  EXPECT_NE(json.find("\"format\":\"cchc.batch/1\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"reports\":3"), std::string::npos) << json;
  // The summary as a document: CSV here, one line per rule and one per total.
  cchc_render_options o = CCHC_RENDER_OPTIONS_INIT;
  o.format = CCHC_RENDER_CSV;
  o.lang = CCHC_LANG_EN;
  const std::string csv = text(cchc_batch_result_render, static_cast<const cchc_batch_result*>(result),
                               static_cast<const cchc_ruleset*>(h.rules), static_cast<const cchc_render_options*>(&o));
  EXPECT_NE(csv.find("Evaluated,Passed,Failed,Skipped,Failed (%)"), std::string::npos) << csv;
  EXPECT_NE(csv.find("sum.B1:2.1[2.2]"), std::string::npos);
  EXPECT_NE(csv.find("Reports checked,reports,3,"), std::string::npos) << csv;
  o.format = CCHC_RENDER_XLSX;
  size_t length = 0;
  ASSERT_EQ(cchc_batch_result_render(nullptr, 0, &length, result, nullptr, &o), CCHC_OK);
  EXPECT_GT(length, 1000u);
  o.format = CCHC_RENDER_JSON;
  EXPECT_EQ(cchc_batch_result_render(nullptr, 0, &length, result, nullptr, &o), CCHC_EINVAL);
  EXPECT_NE(std::string(cchc_last_error()).find("cchc_batch_result_to_json"), std::string::npos);
  o.format = 99;
  EXPECT_EQ(cchc_batch_result_render(nullptr, 0, &length, result, nullptr, &o), CCHC_EINVAL);

  cchc_rule_summary bad = CCHC_RULE_SUMMARY_INIT;
  EXPECT_EQ(cchc_batch_result_rule(&bad, result, rule_count), CCHC_EINVAL);
  cchc_batch_result_free(result);

  // Without keep_findings there are counts only.
  ASSERT_EQ(cchc_batch_check(&result, h.rules, h.batch, nullptr), CCHC_OK);
  cchc_findings* none = nullptr;
  EXPECT_EQ(cchc_batch_result_findings(&none, result, 0), CCHC_EINVAL);
  EXPECT_NE(std::string(cchc_last_error()).find("keep_findings"), std::string::npos);
  cchc_batch_result_free(result);
}

TEST(CApiBatch, ColumnsReadBackAndBadColumnsChangeNothing) {
  Handles h;
  ASSERT_EQ(cchc_batch_add_blank(nullptr, h.batch, 4), CCHC_OK);
  const size_t rate = h.row("B1:2");
  const int64_t v[] = {333, 1000, 5, 0};
  const uint8_t st[] = {CCHC_CELL_REPORTED, CCHC_CELL_REPORTED, CCHC_CELL_NOT_APPLICABLE,
                        CCHC_CELL_REPORTED};
  ASSERT_EQ(cchc_batch_set_column(h.batch, rate, 0, 4, v, nullptr, st, 1), CCHC_OK);
  int64_t got[4];
  uint8_t decimals[4], states[4];
  ASSERT_EQ(cchc_batch_get_column(got, nullptr, decimals, states, h.batch, rate, 0, 4), CCHC_OK);
  EXPECT_EQ(got[0], 333);
  EXPECT_EQ(decimals[0], 1);
  EXPECT_EQ(got[2], 0);  // a blank reads 0, with its state
  EXPECT_EQ(states[2], CCHC_CELL_NOT_APPLICABLE);
  EXPECT_EQ(text(cchc_batch_get_text, static_cast<const cchc_batch*>(h.batch), size_t{0}, "B1:2"),
            "33,3");

  // Each of these is refused before anything is stored.
  const uint8_t invalid_state[] = {CCHC_CELL_REPORTED, CCHC_CELL_INVALID, 0, 0};
  EXPECT_EQ(cchc_batch_set_column(h.batch, rate, 0, 4, v, nullptr, invalid_state, 1), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_set_column(h.batch, rate, 0, 4, v, nullptr, nullptr, 10), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_set_column(h.batch, h.row("B1:1"), 0, 4, v, nullptr, nullptr, 1), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_set_column(h.batch, rate, 2, 3, v, nullptr, nullptr, 1), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_set_column(h.batch, rate, SIZE_MAX, 2, v, nullptr, nullptr, 1), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_set_column(h.batch, h.row("B3:3.2"), 0, 4, v, nullptr, nullptr, 0), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_set_column(h.batch, h.row("B1:2.1"), 0, 4, v, v, nullptr, 0), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_set_column(h.batch, h.row("B1:3"), 0, 4, v, nullptr, nullptr, 0), CCHC_EKIND);
  EXPECT_EQ(cchc_batch_set_column(h.batch, 100000, 0, 4, v, nullptr, nullptr, 0), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_set_column(h.batch, rate, 0, 4, nullptr, nullptr, nullptr, 0), CCHC_EINVAL);
  ASSERT_EQ(cchc_batch_get_column(got, nullptr, decimals, states, h.batch, rate, 0, 4), CCHC_OK);
  EXPECT_EQ(got[1], 1000);
  EXPECT_EQ(states[1], CCHC_CELL_REPORTED);
  EXPECT_EQ(cchc_batch_get_column(got, nullptr, nullptr, nullptr, h.batch, rate, 1, 4), CCHC_EINVAL);

  // Text is parsed as the row's kind and kept as written.
  ASSERT_EQ(cchc_batch_set_text(h.batch, 3, "B1:2.1", "04", CCHC_NTS), CCHC_OK);
  EXPECT_EQ(text(cchc_batch_get_text, static_cast<const cchc_batch*>(h.batch), size_t{3}, "B1:2.1"),
            "04");
  EXPECT_EQ(cchc_batch_set_text(h.batch, 3, "B1:2.1", "bốn", CCHC_NTS), CCHC_EPARSE);
  EXPECT_EQ(cchc_batch_set_text(h.batch, 4, "B1:2.1", "4", CCHC_NTS), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_set_text(h.batch, 0, "B9:9", "4", CCHC_NTS), CCHC_ENOTFOUND);
  ASSERT_EQ(cchc_batch_set_meta(h.batch, 3, "period", "q3 2025", CCHC_NTS), CCHC_OK);
  EXPECT_EQ(text(cchc_batch_get_meta, static_cast<const cchc_batch*>(h.batch), size_t{3}, "period.kind"),
            "q3");
  EXPECT_EQ(cchc_batch_set_meta(h.batch, 3, "nope", "x", CCHC_NTS), CCHC_ENOTFOUND);
}

TEST(CApiBatch, ReadsCsvAndJsonLinesTextAndFiles) {
  Handles h;
  cchc_batch_read_info info = CCHC_BATCH_READ_INFO_INIT;
  const char* csv = "B1:2.1,B1:2.2,period\n35,21,q1 2024\n10,x1,q1 2024\n1,2,3,4\n";
  ASSERT_EQ(cchc_batch_read_text(&info, h.batch, csv, CCHC_NTS, "r.csv"), CCHC_OK) << cchc_last_error();
  EXPECT_EQ(info.reports, 2u);
  EXPECT_EQ(info.input_findings, 1u);
  EXPECT_EQ(info.skipped, 1u);
  size_t skipped = 0;
  ASSERT_EQ(cchc_batch_skipped_count(&skipped, h.batch), CCHC_OK);
  ASSERT_EQ(skipped, 1u);
  EXPECT_NE(text(cchc_batch_skipped, static_cast<const cchc_batch*>(h.batch), size_t{0}).find("r.csv:4"),
            std::string::npos);

  // JSON Lines: one report per line, told from CSV by its first character.
  cchc_report* seed = nullptr;
  ASSERT_EQ(cchc_report_load(&seed, h.catalog, example.c_str()), CCHC_OK);
  std::string line = text(cchc_report_to_json, static_cast<const cchc_report*>(seed));
  std::string jsonl;
  for (char c : line)
    if (c != '\n') jsonl += c;
  jsonl += "\n";
  const auto path = std::filesystem::temp_directory_path() / "cchc_c_batch.jsonl";
  std::ofstream(path) << jsonl << jsonl;
  ASSERT_EQ(cchc_batch_read_file(&info, h.batch, path.c_str()), CCHC_OK) << cchc_last_error();
  EXPECT_EQ(info.reports, 2u);
  size_t size = 0;
  ASSERT_EQ(cchc_batch_size(&size, h.batch), CCHC_OK);
  EXPECT_EQ(size, 4u);
  cchc_report* back = nullptr;
  ASSERT_EQ(cchc_batch_report(&back, h.batch, 3), CCHC_OK);
  EXPECT_EQ(text(cchc_report_get_text, static_cast<const cchc_report*>(back), "B1:2"),
            text(cchc_report_get_text, static_cast<const cchc_report*>(seed), "B1:2"));
  cchc_report_free(back);
  cchc_report_free(seed);
  std::filesystem::remove(path);

  EXPECT_EQ(cchc_batch_read_file(&info, h.batch, "/nonexistent.csv"), CCHC_EIO);
  EXPECT_EQ(cchc_batch_read_text(&info, h.batch, "B9:9\n1\n", CCHC_NTS, nullptr), CCHC_ENOTFOUND);
  cchc_batch_read_info future = CCHC_BATCH_READ_INFO_INIT;
  future.version = 99;
  EXPECT_EQ(cchc_batch_read_text(&future, h.batch, csv, CCHC_NTS, nullptr), CCHC_EINVAL);
  ASSERT_EQ(cchc_batch_clear(h.batch), CCHC_OK);
  ASSERT_EQ(cchc_batch_size(&size, h.batch), CCHC_OK);
  EXPECT_EQ(size, 0u);
  ASSERT_EQ(cchc_batch_skipped_count(&skipped, h.batch), CCHC_OK);
  EXPECT_EQ(skipped, 0u);
}

TEST(CApiBatch, ArrowArraysAreMovedInAndReleased) {
  Handles h;
  {
    cchc::testing::ArrowTable t;
    t.add_int64("B1:2.1", {35, 10, std::nullopt});
    t.add_int64("B1:2.2", {21, 12, 3});
    t.add_strings("agency.name", {"Sở Nội vụ", std::nullopt, "Sở Y tế"});
    ArrowSchema& schema = t.schema();
    ArrowArray& array = t.array();
    cchc_batch_read_info info = CCHC_BATCH_READ_INFO_INIT;
    ASSERT_EQ(cchc_batch_add_arrow(&info, h.batch, &array, &schema), CCHC_OK) << cchc_last_error();
    EXPECT_EQ(info.reports, 3u);
    EXPECT_EQ(array.release, nullptr);
    EXPECT_EQ(schema.release, nullptr);
    // Released structs are refused.
    EXPECT_EQ(cchc_batch_add_arrow(&info, h.batch, &array, &schema), CCHC_EINVAL);
  }
  {
    cchc::testing::ArrowTable t;
    t.add_int64("B9:9", {1});
    ArrowSchema& schema = t.schema();
    ArrowArray& array = t.array();
    EXPECT_EQ(cchc_batch_add_arrow(nullptr, h.batch, &array, &schema), CCHC_ENOTFOUND);
    EXPECT_EQ(array.release, nullptr);  // released on failure too
    EXPECT_EQ(schema.release, nullptr);
  }
  int64_t v[3];
  uint8_t states[3];
  ASSERT_EQ(cchc_batch_get_column(v, nullptr, nullptr, states, h.batch, h.row("B1:2.1"), 0, 3), CCHC_OK);
  EXPECT_EQ(v[1], 10);
  EXPECT_EQ(states[2], CCHC_CELL_NOT_REPORTED);
  EXPECT_EQ(text(cchc_batch_get_meta, static_cast<const cchc_batch*>(h.batch), size_t{2}, "agency.name"),
            "Sở Y tế");
}

int32_t count_calls(void* user, const cchc_report* report, cchc_finding_sink* sink) {
  static_cast<std::atomic<int>*>(user)->fetch_add(1);
  int64_t n = 0;
  if (cchc_report_get_count(&n, report, "B1:2.1") == CCHC_OK && n == 7)
    return cchc_sink_add(sink, "bảy", "seven", nullptr, 0);
  return 0;
}

void count_findings(void* user, size_t, const cchc_findings* f) {
  size_t n = 0;
  cchc_findings_count(&n, f);
  static_cast<std::atomic<size_t>*>(user)->fetch_add(n);
}

TEST(CApiBatch, CallbackRulesRunOnTheCheckingThreadsAndFindingsStream) {
  Handles h;
  // Only the callbacks: the built-in rules would find every blank report incomplete.
  cchc_ruleset_free(h.rules);
  ASSERT_EQ(cchc_ruleset_new(&h.rules, h.catalog), CCHC_OK);
  std::atomic<int> calls{0};
  ASSERT_EQ(cchc_ruleset_add_callback(h.rules, "my.seven", CCHC_SEVERITY_WARNING, count_calls, &calls),
            CCHC_OK);
  // Two chunks, so that two threads check.
  const size_t n = 5000;
  ASSERT_EQ(cchc_batch_add_blank(nullptr, h.batch, n), CCHC_OK);
  std::vector<int64_t> planned(n, 1);
  for (size_t i = 0; i < n; i += 10) planned[i] = 7;
  ASSERT_EQ(cchc_batch_set_column(h.batch, h.row("B1:2.1"), 0, n, planned.data(), nullptr, nullptr, 0),
            CCHC_OK);
  std::atomic<size_t> streamed{0};
  cchc_batch_check_options options = CCHC_BATCH_CHECK_OPTIONS_INIT;
  options.threads = 2;
  options.on_findings = count_findings;
  options.user_data = &streamed;
  cchc_batch_result* result = nullptr;
  ASSERT_EQ(cchc_batch_check(&result, h.rules, h.batch, &options), CCHC_OK) << cchc_last_error();
  EXPECT_GE(calls.load(), static_cast<int>(n));
  size_t rules = 0;
  ASSERT_EQ(cchc_batch_result_rule_count(&rules, result), CCHC_OK);
  cchc_rule_summary s = CCHC_RULE_SUMMARY_INIT;
  ASSERT_EQ(cchc_batch_result_rule(&s, result, rules - 1), CCHC_OK);
  EXPECT_STREQ(s.rule_id, "my.seven");
  EXPECT_EQ(s.failed, n / 10);
  std::vector<uint32_t> warnings(n);
  ASSERT_EQ(cchc_batch_result_statuses(nullptr, warnings.data(), nullptr, result, 0, n), CCHC_OK);
  size_t total = 0;
  for (uint32_t w : warnings) total += w;
  std::vector<uint32_t> errors(n), infos(n);
  ASSERT_EQ(cchc_batch_result_statuses(errors.data(), nullptr, infos.data(), result, 0, n), CCHC_OK);
  for (size_t i = 0; i < n; ++i) total += errors[i] + infos[i];
  EXPECT_EQ(total, n / 10);
  EXPECT_EQ(streamed.load(), total);  // every finding was streamed once
  cchc_batch_result_free(result);

  // A callback that fails stops the whole batch with CCHC_ECALLBACK.
  ASSERT_EQ(cchc_ruleset_add_callback(h.rules, "my.broken", CCHC_SEVERITY_ERROR,
                                      [](void*, const cchc_report*, cchc_finding_sink*) { return 5; },
                                      nullptr),
            CCHC_OK);
  options.on_findings = nullptr;
  result = nullptr;
  EXPECT_EQ(cchc_batch_check(&result, h.rules, h.batch, &options), CCHC_ECALLBACK);
  EXPECT_EQ(result, nullptr);
  EXPECT_NE(std::string(cchc_last_error()).find("rule my.broken reported failure (code 5)"),
            std::string::npos);
}

TEST(CApiBatch, NullArgumentsAreRefused) {
  Handles h;
  size_t n = 0;
  cchc_batch* b = nullptr;
  EXPECT_EQ(cchc_batch_new(&b, nullptr), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_new(nullptr, h.catalog), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_size(&n, nullptr), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_add_blank(nullptr, nullptr, 1), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_add_report(nullptr, h.batch, nullptr), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_read_file(nullptr, h.batch, nullptr), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_add_arrow(nullptr, h.batch, nullptr, nullptr), CCHC_EINVAL);
  cchc_batch_result* r = nullptr;
  EXPECT_EQ(cchc_batch_check(&r, nullptr, h.batch, nullptr), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_check(&r, h.rules, nullptr, nullptr), CCHC_EINVAL);
  cchc_batch_check_options o = CCHC_BATCH_CHECK_OPTIONS_INIT;
  o.version = 0;
  EXPECT_EQ(cchc_batch_check(&r, h.rules, h.batch, &o), CCHC_EINVAL);
  EXPECT_EQ(cchc_batch_result_totals(&n, nullptr, nullptr, nullptr), CCHC_EINVAL);
  cchc_batch_free(nullptr);
  cchc_batch_result_free(nullptr);
  // Another catalogue's rules are refused.
  cchc_catalog* other = nullptr;
  ASSERT_EQ(cchc_catalog_from_json(&other, R"({"format": "cchc.catalog/1", "id": "x", "version": "1",
    "title": "t", "forms": [{"number": 1, "title": "f", "rows": [{"code": "1", "label": "a", "kind": "count"}]}]})",
                                   CCHC_NTS),
            CCHC_OK) << cchc_last_error();
  cchc_batch* wrong = nullptr;
  ASSERT_EQ(cchc_batch_new(&wrong, other), CCHC_OK);
  EXPECT_EQ(cchc_batch_check(&r, h.rules, wrong, nullptr), CCHC_EINVAL);
  cchc_batch_free(wrong);
  cchc_catalog_free(other);
}

}  // namespace
