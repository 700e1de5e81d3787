/* SPDX-License-Identifier: MIT */
/* Loads a report, checks it with the built-in rules and prints the findings, as `cchc check`
 * does; then sets a value, checks again and prints the new summary.
 *
 *   check_report [report.json]     (default: the bundled example)
 *
 * Every call returns CCHC_OK or a negative code; cchc_last_error() says what and where. */
#include <stdio.h>
#include <stdlib.h>

#include <cchc/cchc.h>

#ifndef CCHC_EXAMPLE_REPORT
#define CCHC_EXAMPLE_REPORT "seed-report.json"
#endif

static int failed(int32_t rc, const char* what) {
  if (rc == CCHC_OK) return 0;
  fprintf(stderr, "%s: %s (%s)\n", what, cchc_last_error(), cchc_errstr(rc));
  return 1;
}

/* Prints findings as text, into a buffer sized by a first, measuring call. */
static int print_findings(const cchc_findings* findings) {
  size_t length = 0;
  char* text;
  if (failed(cchc_findings_to_text(NULL, 0, &length, findings, CCHC_LANG_VI), "measure")) return 1;
  text = malloc(length + 1);
  if (text == NULL) return 1;
  if (failed(cchc_findings_to_text(text, length + 1, &length, findings, CCHC_LANG_VI), "text")) {
    free(text);
    return 1;
  }
  fputs(text, stdout);
  free(text);
  return 0;
}

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : CCHC_EXAMPLE_REPORT;
  cchc_catalog* catalog = NULL;
  cchc_report* report = NULL;
  cchc_ruleset* rules = NULL;
  cchc_findings* findings = NULL;
  size_t errors = 0, warnings = 0, infos = 0;
  int status = 2;

  if (failed(cchc_catalog_builtin(&catalog), "catalogue")) goto done;
  if (failed(cchc_report_load(&report, catalog, path), "report")) goto done;
  if (failed(cchc_ruleset_builtin(&rules, catalog), "rules")) goto done;

  if (failed(cchc_ruleset_check(&findings, rules, report), "check")) goto done;
  if (print_findings(findings)) goto done;
  cchc_findings_free(findings);
  findings = NULL;

  /* Set a value, here as text, the way it is written in a report, and check again. */
  if (failed(cchc_report_set_text(report, "B4:3.2", "25", CCHC_NTS), "set B4:3.2")) goto done;
  if (failed(cchc_ruleset_check(&findings, rules, report), "check")) goto done;
  if (failed(cchc_findings_summary(&errors, &warnings, &infos, findings), "summary")) goto done;
  printf("--- B4:3.2 = 25: %zu errors, %zu warnings, %zu info\n", errors, warnings, infos);
  status = errors > 0 ? 1 : 0;

done:
  cchc_findings_free(findings);
  cchc_ruleset_free(rules);
  cchc_report_free(report);
  cchc_catalog_free(catalog);
  return status;
}
