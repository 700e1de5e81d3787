/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include <cchc/cchc.h>

int main(int argc, char** argv) {
  cchc_catalog* catalog = NULL;
  cchc_report* report = NULL;
  cchc_ruleset* rules = NULL;
  cchc_findings* findings = NULL;
  size_t count = 0;
  int rc = 2;
  if (argc < 2) return 2;
  if (cchc_catalog_builtin(&catalog) == CCHC_OK &&
      cchc_report_load(&report, catalog, argv[1]) == CCHC_OK &&
      cchc_ruleset_builtin(&rules, catalog) == CCHC_OK &&
      cchc_ruleset_check(&findings, rules, report) == CCHC_OK &&
      cchc_findings_count(&count, findings) == CCHC_OK) {
    printf("C: %lu findings (library %s)\n", (unsigned long)count, cchc_version());
    rc = 0;
  } else {
    fprintf(stderr, "%s\n", cchc_last_error());
  }
  cchc_findings_free(findings);
  cchc_ruleset_free(rules);
  cchc_report_free(report);
  cchc_catalog_free(catalog);
  return rc;
}
