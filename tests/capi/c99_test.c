/* SPDX-License-Identifier: MIT */
/* The C API from strict C99: every public C header compiles with -std=c99 -pedantic -Werror,
 * and the calls a C program makes behave as documented. */
#include <stdio.h>
#include <string.h>

#include <cchc/cchc.h>
#include <cchc/version.h>

static int failures = 0;
static int passes = 0;

#define EXPECT(cond)                                                         \
  do {                                                                       \
    if (cond) {                                                              \
      ++passes;                                                              \
    } else {                                                                 \
      ++failures;                                                            \
      fprintf(stderr, "%s:%d: failed: %s (%s)\n", __FILE__, __LINE__, #cond, \
              cchc_last_error());                                            \
    }                                                                        \
  } while (0)

int main(void) {
  cchc_catalog* catalog = NULL;
  cchc_report* report = NULL;
  cchc_ruleset* rules = NULL;
  cchc_findings* findings = NULL;
  cchc_findings* findings2 = NULL;
  cchc_finding_info info = CCHC_FINDING_INFO_INIT;
  size_t count = 0, length = 0;
  int64_t value = 0;
  char text[64];

  EXPECT(strcmp(cchc_version(), CCHC_VERSION_STRING) == 0);
  EXPECT(cchc_catalog_builtin(NULL) == CCHC_EINVAL);
  EXPECT(strlen(cchc_last_error()) > 0);
  EXPECT(cchc_catalog_builtin(&catalog) == CCHC_OK);
  EXPECT(cchc_report_load(&report, catalog, CCHC_EXAMPLE_REPORT) == CCHC_OK);
  EXPECT(cchc_report_get_count(&value, report, "B1:4.1") == CCHC_OK && value == 196);
  EXPECT(cchc_report_get_count(&value, report, "B1:1") == CCHC_ENOVALUE);
  EXPECT(cchc_report_get_text(text, sizeof text, &length, report, "B4:1.4") == CCHC_OK);
  EXPECT(strcmp(text, "33,3") == 0 && length == 4);
  EXPECT(cchc_report_set_text(report, "B1:2.1", "abc", CCHC_NTS) == CCHC_EPARSE);
  EXPECT(strstr(cchc_last_error(), "B1:2.1") != NULL);
  EXPECT(cchc_ruleset_builtin(&rules, catalog) == CCHC_OK);
  EXPECT(cchc_ruleset_check(&findings, rules, report) == CCHC_OK);
  EXPECT(cchc_findings_count(&count, findings) == CCHC_OK && count == 11);
  EXPECT(cchc_findings_get(&info, findings, 0) == CCHC_OK);
  EXPECT(strcmp(info.rule_id, "required.B1:1") == 0);
  EXPECT(info.severity == CCHC_SEVERITY_ERROR);

  {
    /* A batch: the report twice, a column set from an array, checked on two threads. */
    cchc_batch* batch = NULL;
    cchc_batch_result* result = NULL;
    cchc_batch_check_options options = CCHC_BATCH_CHECK_OPTIONS_INIT;
    cchc_rule_summary summary = CCHC_RULE_SUMMARY_INIT;
    const int64_t planned[2] = {35, 35};
    size_t reports = 0, with_errors = 0, row = 0, index = 0;
    uint32_t errors[2] = {0, 0};
    EXPECT(cchc_batch_new(&batch, catalog) == CCHC_OK);
    EXPECT(cchc_batch_add_report(&index, batch, report) == CCHC_OK && index == 0);
    EXPECT(cchc_batch_add_report(&index, batch, report) == CCHC_OK && index == 1);
    EXPECT(cchc_catalog_find_row(&row, catalog, "B1:2.1", CCHC_NTS) == CCHC_OK);
    EXPECT(cchc_batch_set_column(batch, row, 0, 2, planned, NULL, NULL, 0) == CCHC_OK);
    options.threads = 2;
    EXPECT(cchc_batch_check(&result, rules, batch, &options) == CCHC_OK);
    EXPECT(cchc_batch_result_totals(&reports, NULL, &with_errors, result) == CCHC_OK);
    EXPECT(reports == 2 && with_errors == 2);
    EXPECT(cchc_batch_result_statuses(errors, NULL, NULL, result, 0, 2) == CCHC_OK);
    EXPECT(errors[0] > 0 && errors[0] == errors[1]);
    EXPECT(cchc_batch_result_rule(&summary, result, 0) == CCHC_OK && summary.rule_id != NULL);
    cchc_batch_result_free(result);
    cchc_batch_free(batch);
  }

  {
    /* Options: the report read again within one call's limits, errors in English only, and a
     * rule set with limits of its own. */
    cchc_limits tight = CCHC_LIMITS_INIT;
    cchc_options options = CCHC_OPTIONS_INIT;
    cchc_report* again = NULL;
    cchc_ruleset* own = NULL;
    tight.json_max_depth = 1;
    options.limits = &tight;
    options.lang = CCHC_LANG_EN;
    EXPECT(cchc_report_load_v2(&again, CCHC_EXAMPLE_REPORT, &options) == CCHC_ELIMIT);
    EXPECT(strstr(cchc_last_error(), "(") == NULL); /* English alone, no "vi (en)" */
    options.limits = NULL;
    options.holidays = "2024-03-15";
    EXPECT(cchc_report_load_v2(&again, CCHC_EXAMPLE_REPORT, &options) == CCHC_OK);
    EXPECT(cchc_ruleset_check_v2(&findings2, rules, again, &options) == CCHC_OK);
    EXPECT(cchc_findings_count(&count, findings2) == CCHC_OK && count == 11);
    tight.json_max_depth = 0;
    tight.rules_max_depth = 2;
    EXPECT(cchc_ruleset_new(&own, catalog) == CCHC_OK);
    EXPECT(cchc_ruleset_set_limits(own, &tight) == CCHC_OK);
    EXPECT(cchc_ruleset_add_source(own, "rule t { check (((true))) vi \"x\" en \"y\" }",
                                   CCHC_NTS, "t.rules", NULL, NULL) == CCHC_ELIMIT);
    cchc_ruleset_free(own);
    cchc_findings_free(findings2);
    cchc_report_free(again);
  }

  cchc_findings_free(findings);
  cchc_ruleset_free(rules);
  cchc_report_free(report);
  cchc_catalog_free(catalog);
  printf("%d passed, %d failed\n", passes, failures);
  return failures == 0 ? 0 : 1;
}
