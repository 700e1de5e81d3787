/* SPDX-License-Identifier: MIT */
/* Checks many reports at once: a CSV with one report per line (columns named by row address),
 * read into a batch, checked on every core; prints the rules that fail most and each report's
 * errors. The same works on column arrays (cchc_batch_set_column) and on Arrow tables
 * (cchc_batch_add_arrow); see docs/c-api.md.
 *
 *   check_batch [reports.csv]     (default: the bundled examples/data/reports.csv)
 */
#include <stdio.h>
#include <stdlib.h>

#include <cchc/cchc.h>

#ifndef CCHC_EXAMPLE_CSV
#define CCHC_EXAMPLE_CSV "reports.csv"
#endif

static int failed(int32_t rc, const char* what) {
  if (rc == CCHC_OK) return 0;
  fprintf(stderr, "%s: %s (%s)\n", what, cchc_last_error(), cchc_errstr(rc));
  return 1;
}

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : CCHC_EXAMPLE_CSV;
  cchc_catalog* catalog = NULL;
  cchc_ruleset* rules = NULL;
  cchc_batch* batch = NULL;
  cchc_batch_result* result = NULL;
  cchc_batch_read_info info = CCHC_BATCH_READ_INFO_INIT;
  cchc_batch_check_options options = CCHC_BATCH_CHECK_OPTIONS_INIT;
  size_t reports = 0, with_errors = 0, rule_count = 0, i, shown = 0;
  uint32_t* errors = NULL;
  int status = 1;

  if (failed(cchc_catalog_builtin(&catalog), "catalogue") ||
      failed(cchc_ruleset_builtin(&rules, catalog), "rules") ||
      failed(cchc_batch_new(&batch, catalog), "batch") ||
      failed(cchc_batch_read_file(&info, batch, path), path))
    goto done;
  printf("%s: %zu reports, %zu unreadable cells, %zu lines skipped\n", path, info.reports,
         info.input_findings, info.skipped);

  options.threads = 0; /* every core */
  if (failed(cchc_batch_check(&result, rules, batch, &options), "check") ||
      failed(cchc_batch_result_totals(&reports, NULL, &with_errors, result), "totals") ||
      failed(cchc_batch_result_rule_count(&rule_count, result), "rules"))
    goto done;
  printf("%zu reports checked, %zu with errors\n", reports, with_errors);

  /* The rules that failed, beyond the "required" rows a partial CSV leaves blank. */
  for (i = 0; i < rule_count; ++i) {
    cchc_rule_summary s = CCHC_RULE_SUMMARY_INIT;
    if (failed(cchc_batch_result_rule(&s, result, i), "rule")) goto done;
    if (s.failed == 0 || (s.rule_id[0] == 'r' && s.rule_id[1] == 'e' && s.rule_id[2] == 'q'))
      continue;
    printf("  %-28s failed %zu of %zu\n", s.rule_id, s.failed, s.evaluated);
    ++shown;
  }
  if (shown == 0) printf("  no rule failed\n");

  errors = calloc(reports ? reports : 1, sizeof *errors);
  if (errors == NULL || failed(cchc_batch_result_statuses(errors, NULL, NULL, result, 0, reports),
                               "statuses"))
    goto done;
  for (i = 0; i < reports; ++i) {
    char name[256];
    size_t length = 0;
    if (cchc_batch_get_meta(name, sizeof name, &length, batch, i, "agency.name") != CCHC_OK &&
        cchc_batch_get_meta(NULL, 0, &length, batch, i, "agency.name") != CCHC_OK)
      name[0] = '\0';
    printf("  report %zu (%s): %u errors\n", i + 1, name, (unsigned)errors[i]);
  }
  status = with_errors > 0 ? 1 : 0;

done:
  free(errors);
  cchc_batch_result_free(result);
  cchc_batch_free(batch);
  cchc_ruleset_free(rules);
  cchc_catalog_free(catalog);
  return status;
}
