/* SPDX-License-Identifier: MIT */
/* A multithreaded C client of every kind of entry point, as a government tool would be: one
 * shared catalogue, rule set and options struct, and on each of four threads its own reports,
 * imports, checks, derivations and a batch checked on two more threads. Run by ctest
 * (capi.threads_client), and under valgrind's memcheck and helgrind by hand (docs/c-api.md
 * gives the commands and what they said). Exits non-zero on any unexpected status. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cchc/cchc.h>

static const cchc_catalog* catalog;
static const cchc_ruleset* rules;
static const char* report_path;
static const char* text_path;
static const char* csv_path;
/* One options struct, read by every thread at once. */
static cchc_limits shared_limits = CCHC_LIMITS_INIT;
static cchc_options shared_options = CCHC_OPTIONS_INIT;

#define CHECK(call)                                                                  \
  do {                                                                               \
    int32_t rc_ = (call);                                                            \
    if (rc_ != CCHC_OK) {                                                            \
      fprintf(stderr, "%s:%d: %s = %d (%s)\n", __FILE__, __LINE__, #call, (int)rc_,   \
              cchc_last_error());                                                    \
      return (void*)1;                                                               \
    }                                                                                \
  } while (0)

static void* work(void* arg) {
  cchc_report *report = NULL, *back = NULL, *imported = NULL, *derived = NULL, *dated = NULL;
  cchc_findings *findings = NULL, *evidence = NULL, *dated_evidence = NULL, *dated_check = NULL;
  cchc_batch* batch = NULL;
  cchc_batch_result* result = NULL;
  cchc_batch_check_options options = CCHC_BATCH_CHECK_OPTIONS_INIT;
  cchc_finding_info info = CCHC_FINDING_INFO_INIT;
  char json[1 << 16], text[256];
  size_t length = 0, count = 0, i = 0, reports = 0;
  int64_t n = 0;
  (void)arg;
  CHECK(cchc_report_load(&report, catalog, report_path));
  CHECK(cchc_report_set_count(report, "B1:1", 12));
  CHECK(cchc_report_get_count(&n, report, "B1:1"));
  CHECK(cchc_report_set_meta(report, "agency.name", "Sở Nội vụ", CCHC_NTS));
  CHECK(cchc_report_get_meta(text, sizeof text, &length, report, "period"));
  CHECK(cchc_report_to_json(json, sizeof json, &length, report));
  CHECK(cchc_report_from_json(&back, catalog, json, length));
  CHECK(cchc_ruleset_check(&findings, rules, back));
  CHECK(cchc_findings_count(&count, findings));
  for (i = 0; i < count; ++i) CHECK(cchc_findings_get(&info, findings, i));
  CHECK(cchc_findings_to_json(NULL, 0, &length, findings));
  CHECK(cchc_report_derive(&derived, &count, report));
  CHECK(cchc_report_import_file(&imported, &evidence, catalog, text_path));
  CHECK(cchc_report_import_file_v2(&dated, &dated_evidence, text_path, &shared_options));
  CHECK(cchc_ruleset_check_v2(&dated_check, rules, dated, &shared_options));
  CHECK(cchc_batch_new(&batch, catalog));
  CHECK(cchc_batch_read_file(NULL, batch, csv_path));
  CHECK(cchc_batch_add_report(&i, batch, report));
  options.threads = 2;
  options.keep_findings = 1;
  CHECK(cchc_batch_check(&result, rules, batch, &options));
  CHECK(cchc_batch_result_totals(&reports, NULL, NULL, result));
  cchc_batch_result_free(result);
  cchc_batch_free(batch);
  cchc_findings_free(evidence);
  cchc_findings_free(dated_check);
  cchc_findings_free(dated_evidence);
  cchc_report_free(dated);
  cchc_findings_free(findings);
  cchc_report_free(imported);
  cchc_report_free(derived);
  cchc_report_free(back);
  cchc_report_free(report);
  return reports == 6 ? NULL : (void*)1;
}

int main(int argc, char** argv) {
  cchc_catalog* c = NULL;
  cchc_ruleset* r = NULL;
  pthread_t threads[4];
  void* failed = NULL;
  int i, bad = 0;
  if (argc != 4 && !(argc == 5 && strcmp(argv[4], "--warm-up") == 0)) {
    fprintf(stderr, "usage: %s REPORT.json REPORT.txt REPORTS.csv [--warm-up]\n", argv[0]);
    return 2;
  }
  report_path = argv[1];
  text_path = argv[2];
  csv_path = argv[3];
  if (cchc_catalog_builtin(&c) != CCHC_OK || cchc_ruleset_builtin(&r, c) != CCHC_OK) {
    fprintf(stderr, "%s\n", cchc_last_error());
    return 1;
  }
  catalog = c;
  rules = r;
  shared_limits.text_max_bytes = 8u << 20;
  shared_options.catalog = c;
  shared_options.holidays = "2024-03-15, 2024-04-18, 2024-04-30, 2024-05-01";
  shared_options.lang = CCHC_LANG_EN;
  shared_options.limits = &shared_limits;
  if (argc == 5) {
    /* One import on this thread first: it builds the importer's function-local statics, whose
     * thread-safe first use (libstdc++'s __cxa_guard) helgrind and DRD do not model. */
    cchc_report* w = NULL;
    cchc_findings* e = NULL;
    if (cchc_report_import_file(&w, &e, c, text_path) != CCHC_OK) return 1;
    cchc_findings_free(e);
    cchc_report_free(w);
  }
  for (i = 0; i < 4; ++i) pthread_create(&threads[i], NULL, work, NULL);
  for (i = 0; i < 4; ++i) {
    pthread_join(threads[i], &failed);
    bad += failed != NULL;
  }
  cchc_ruleset_free(r);
  cchc_catalog_free(c);
  printf("%d of 4 threads ran every entry point\n", 4 - bad);
  return bad == 0 ? 0 : 1;
}
