/* SPDX-License-Identifier: MIT */
/* The province's quarter through the C API: three departments' Q1 reports consolidated into the
 * province's, put in an archive, and a department's six-month report checked against its Q1
 * report taken from the archive.
 *
 *   quarter ARCHIVE.db [REPORT_DIR]     (default: tests/data/quarter of the source tree)
 *
 * Prints the pooled figures, what the consolidation found, what the archive did and the
 * cross-period findings. Exit 0, or 1 when the six-month report has errors, 2 on failure. */
#include <stdio.h>
#include <string.h>

#include <cchc/c/quarter.h> /* the part of the C API this program is about; it brings cchc.h */

#ifndef CCHC_QUARTER_DIR
#define CCHC_QUARTER_DIR "tests/data/quarter"
#endif

static int failed(int32_t rc, const char* what) {
  if (rc == CCHC_OK) return 0;
  fprintf(stderr, "%s: %s (%s)\n", what, cchc_last_error(), cchc_errstr(rc));
  return 1;
}

static void print_value(const cchc_report* report, const char* address) {
  char value[64];
  size_t length = 0;
  if (cchc_report_get_text(value, sizeof value, &length, report, address) == CCHC_OK)
    printf("  %s = %s\n", address, length ? value : "(trống)");
}

/* The period-order findings (period.*), with the earlier report's period of each row. */
static void print_cross_period(const cchc_findings* findings) {
  size_t n = 0, i, r;
  cchc_findings_count(&n, findings);
  for (i = 0; i < n; ++i) {
    cchc_finding_info info = CCHC_FINDING_INFO_INIT;
    if (cchc_findings_get(&info, findings, i) != CCHC_OK) continue;
    if (strncmp(info.rule_id, "period.", 7) != 0) continue;
    printf("  [%s] %s\n", info.rule_id, info.message_en);
    for (r = 0; r < info.row_count; ++r) {
      const char* address = NULL;
      const char* value = NULL;
      int32_t blank = 0;
      char period[32];
      size_t length = 0;
      cchc_findings_row(&address, &value, &blank, findings, i, r);
      cchc_findings_row_period(period, sizeof period, &length, findings, i, r);
      printf("    %s = %s%s%s\n", address, blank ? "(blank)" : value, length ? " in " : "",
             period);
    }
  }
}

int main(int argc, char** argv) {
  const char* dir = argc > 2 ? argv[2] : CCHC_QUARTER_DIR;
  const char* units[3] = {"skhcn-q1-2024.json", "stc-q1-2024.json", "syt-q1-2024.json"};
  cchc_catalog* catalog = NULL;
  cchc_report* reports[3] = {NULL, NULL, NULL};
  cchc_report* province = NULL;
  cchc_report* six = NULL;
  cchc_findings* found = NULL;
  cchc_archive* archive = NULL;
  cchc_history* history = NULL;
  cchc_ruleset* rules = NULL;
  cchc_consolidate_options options = CCHC_CONSOLIDATE_OPTIONS_INIT;
  cchc_archive_added added = CCHC_ARCHIVE_ADDED_INIT;
  char path[4096];
  size_t errors = 0, warnings = 0, infos = 0;
  int i, status = 2;

  if (argc < 2) {
    fprintf(stderr, "usage: quarter ARCHIVE.db [REPORT_DIR]\n");
    return 2;
  }
  if (failed(cchc_catalog_builtin(&catalog), "catalogue")) goto done;
  for (i = 0; i < 3; ++i) {
    snprintf(path, sizeof path, "%s/%s", dir, units[i]);
    if (failed(cchc_report_load(&reports[i], catalog, path), path)) goto done;
  }

  /* 1. Consolidation: rates are recomputed from the pooled numerator and denominator. */
  options.agency_name = "Sở Nội vụ tỉnh Sơn La";
  options.agency_code = "SNV";
  options.expected = "SKHCN, STC, SYT, SGTVT";
  if (failed(cchc_consolidate(&province, &found, (const cchc_report* const*)reports, 3, &options),
             "consolidate"))
    goto done;
  printf("Province (Sở Nội vụ), Q1 2024:\n");
  print_value(province, "B7:4.4.1");
  print_value(province, "B7:4.4.2");
  print_value(province, "B7:4.4");
  if (failed(cchc_findings_summary(&errors, &warnings, &infos, found), "summary")) goto done;
  printf("  consolidation: %zu errors, %zu warnings, %zu notes\n", errors, warnings, infos);
  cchc_findings_free(found);
  found = NULL;

  /* 2. The archive: adding twice changes nothing the second time. */
  if (failed(cchc_archive_open(&archive, argv[1]), "archive")) goto done;
  if (failed(cchc_archive_add(archive, (const cchc_report* const*)reports, 3, &added), "add"))
    goto done;
  if (failed(cchc_archive_add(archive, (const cchc_report* const*)reports, 3, &added), "add"))
    goto done;
  printf("Archive: added %zu, unchanged %zu\n", added.added, added.unchanged);

  /* 3. A six-month report against the agency's Q1 report from the archive. */
  snprintf(path, sizeof path, "%s/%s", dir, "skhcn-six-months-2024-shrank.json");
  if (failed(cchc_report_load(&six, catalog, path), path)) goto done;
  if (failed(cchc_archive_history(&history, archive, six, 0), "history")) goto done;
  if (failed(cchc_ruleset_builtin(&rules, catalog), "rules")) goto done;
  if (failed(cchc_ruleset_check_history(&found, rules, six, history, NULL), "check")) goto done;
  printf("Six months 2024 against the archive:\n");
  print_cross_period(found);
  if (failed(cchc_findings_summary(&errors, &warnings, &infos, found), "summary")) goto done;
  status = errors > 0 ? 1 : 0;

done:
  cchc_findings_free(found);
  cchc_ruleset_free(rules);
  cchc_history_free(history);
  cchc_report_free(six);
  cchc_archive_free(archive);
  cchc_report_free(province);
  for (i = 0; i < 3; ++i) cchc_report_free(reports[i]);
  cchc_catalog_free(catalog);
  return status;
}
