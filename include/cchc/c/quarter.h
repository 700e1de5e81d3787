/* SPDX-License-Identifier: MIT */
/*
 * cchc/c/quarter.h: the province's quarter: consolidation, histories and the archive
 * (docs/quarter.md).
 * Part of the C API: cchc.h's conventions hold here (status codes, handles, text buffers).
 * Included by cchc/cchc.h; may be included alone.
 */
#ifndef CCHC_C_QUARTER_H
#define CCHC_C_QUARTER_H

#include "cchc/cchc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- The province's quarter: consolidation, history, archive (docs/quarter.md) ------------- */

#define CCHC_CONSOLIDATE_OPTIONS_VERSION 1
typedef struct cchc_consolidate_options {
  uint32_t version;         /* CCHC_CONSOLIDATE_OPTIONS_VERSION */
  const char* agency_name;  /* the consolidating agency ("Sở Nội vụ tỉnh Sơn La"), or NULL */
  const char* agency_code;  /* its code ("SNV"), or NULL */
  const char* agency_level; /* "province" or "district"; NULL: province */
  const char* province;     /* NULL: the inputs' own, when they all name one */
  const char* period;       /* "q1 2024"; NULL: the period most inputs have */
  const char* expected;     /* agencies expected to report, codes or names separated by commas
                               or new lines; NULL: no list */
} cchc_consolidate_options;
#define CCHC_CONSOLIDATE_OPTIONS_INIT {CCHC_CONSOLIDATE_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL}

/* Pools `count` reports of units into one report of the province (or district), each row as its
 * catalogue says (sum, ratio recomputed from pooled parts, count-yes, none: docs/quarter.md).
 * `findings` (may be NULL) receives the consolidate.* findings: inputs left out (another period
 * or template, a duplicate agency), agencies missing from the expected list, rows summed over
 * part of the units. Fails with CCHC_EINVAL for no reports, CCHC_ECATALOG for a template that
 * does not say how its rows consolidate. `options` may be NULL. */
CCHC_EXTERN int32_t cchc_consolidate(cchc_report** out, cchc_findings** findings,
                                     const cchc_report* const* reports, size_t count,
                                     const cchc_consolidate_options* options);

/* An agency's earlier reports, for the cross-period checks: rules that read prev(row) (a flow
 * over six months is at least Q1's, a cumulative figure never shrinks within the year) and
 * outliers of stocks. Only reports of the checked report's agency and template are used, so one
 * history may hold many agencies. The handle cchc_history is declared in cchc.h. */
CCHC_EXTERN int32_t cchc_history_new(cchc_history** out);
CCHC_EXTERN void cchc_history_free(cchc_history* history);
/* Adds a copy of `report`. */
CCHC_EXTERN int32_t cchc_history_add(cchc_history* history, const cchc_report* report);
CCHC_EXTERN int32_t cchc_history_size(size_t* out, const cchc_history* history);
/* cchc_ruleset_check_v2 with the agency's history (NULL: none); `options` may be NULL. */
CCHC_EXTERN int32_t cchc_ruleset_check_history(cchc_findings** out, const cchc_ruleset* rules,
                                               const cchc_report* report,
                                               const cchc_history* history,
                                               const cchc_options* options);
/* The period of row `row` of finding `index` when its value comes from an earlier report
 * ("q1 2024"), or "" for the report checked; the text-output convention above. */
CCHC_EXTERN int32_t cchc_findings_row_period(char* buf, size_t size, size_t* length,
                                             const cchc_findings* findings, size_t index,
                                             size_t row);

/* An archive of reports in SQLite: one current version per agency, template and period, earlier
 * versions kept. Adding is idempotent and atomic; readers in other processes may read while one
 * writer adds. An archive handle may be used from several threads (calls take turns). */
/* (The handle cchc_archive is declared in cchc.h.) */

/* Opens the archive at `path` (UTF-8), creating it when missing and migrating an older schema;
 * a newer schema is CCHC_EINVAL, a file that is not an archive CCHC_EPARSE. */
CCHC_EXTERN int32_t cchc_archive_open(cchc_archive** out, const char* path);
CCHC_EXTERN void cchc_archive_free(cchc_archive* archive);

#define CCHC_ARCHIVE_ADDED_VERSION 1
typedef struct cchc_archive_added {
  uint32_t version; /* CCHC_ARCHIVE_ADDED_VERSION */
  size_t added;     /* reports the archive did not have */
  size_t replaced;  /* changed reports (the earlier version is kept) */
  size_t unchanged; /* the same report again */
  size_t refused;   /* reports without an agency or a period: not added */
} cchc_archive_added;
#define CCHC_ARCHIVE_ADDED_INIT {CCHC_ARCHIVE_ADDED_VERSION, 0, 0, 0, 0}
/* Adds `count` reports in one transaction; `out` (may be NULL) receives what happened. */
CCHC_EXTERN int32_t cchc_archive_add(cchc_archive* archive, const cchc_report* const* reports,
                                     size_t count, cchc_archive_added* out);
/* Current reports and stored versions (pointers may be NULL). */
CCHC_EXTERN int32_t cchc_archive_count(size_t* current, size_t* versions,
                                       const cchc_archive* archive);
/* The current reports as JSON Lines (one cchc.report/1 per line), of one period ("q1 2024")
 * and agency (code or name) when they are not NULL; the text-output convention above. */
CCHC_EXTERN int32_t cchc_archive_export(char* buf, size_t size, size_t* length,
                                        const cchc_archive* archive, const char* period,
                                        const char* agency);
/* The earlier reports of `report`'s agency and template, `years` years back (0: 3), as a new
 * history to check it with. */
CCHC_EXTERN int32_t cchc_archive_history(cchc_history** out, const cchc_archive* archive,
                                         const cchc_report* report, int32_t years);
/* SQLite's integrity check and the schema version: CCHC_OK, or CCHC_EIO saying what is wrong. */
CCHC_EXTERN int32_t cchc_archive_verify(const cchc_archive* archive);

#ifdef __cplusplus
}
#endif

#endif /* CCHC_C_QUARTER_H */
