/* SPDX-License-Identifier: MIT */
/*
 * cchc/c/batch.h: batches: many reports as columns (docs/batch.md).
 * Part of the C API: cchc.h's conventions hold here (status codes, handles, text buffers).
 * Included by cchc/cchc.h; may be included alone.
 */
#ifndef CCHC_C_BATCH_H
#define CCHC_C_BATCH_H

#include "cchc/cchc.h"
#include "cchc/c/render.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Batches: many reports as columns (docs/batch.md) -------------------------------------- */

/* A batch holds many reports of one catalogue as one column per row, compactly (about 140
 * bytes a report), and checks them all at once on several threads: the way to re-check a
 * province's archive, or to check a table that another tool (pandas, DuckDB, a database) holds.
 * Rows are addressed by their catalogue index (cchc_catalog_find_row), reports by their index in
 * the batch (0 .. size-1). Thread safety: a batch being filled must not be used by another
 * thread; once filled, any number of threads may check and read it. */
typedef struct cchc_batch cchc_batch;
typedef struct cchc_batch_result cchc_batch_result;

/* Cell states of column arrays (uint8_t). */
#define CCHC_CELL_REPORTED 0
#define CCHC_CELL_NOT_REPORTED 1
#define CCHC_CELL_NOT_APPLICABLE 2
#define CCHC_CELL_INVALID 3 /* text that is not a value of the row's kind (read only) */

/* An empty batch of reports following `catalog` (which it keeps alive). */
CCHC_EXTERN int32_t cchc_batch_new(cchc_batch** out, const cchc_catalog* catalog);
CCHC_EXTERN void cchc_batch_free(cchc_batch* batch);
CCHC_EXTERN int32_t cchc_batch_size(size_t* out, const cchc_batch* batch);
/* Appends `count` reports with every row blank (not reported); *first (may be NULL) receives
 * the index of the first. Fill them with cchc_batch_set_column and the setters below. */
CCHC_EXTERN int32_t cchc_batch_add_blank(size_t* first, cchc_batch* batch, size_t count);
/* Removes every report and skipped line: a batch reused piece by piece keeps memory flat. */
CCHC_EXTERN int32_t cchc_batch_clear(cchc_batch* batch);
/* Appends a report's values as written, metadata and source lines (not its notes). */
CCHC_EXTERN int32_t cchc_batch_add_report(size_t* index, cchc_batch* batch,
                                          const cchc_report* report);

/* Sets row `row` of reports first .. first+count-1 from arrays of `count` elements:
 *  - values[i]: a count, money in đồng, a yes/no (0/1) or a code; a percent's units at
 *    `decimals` (33,3 is 333 with decimals 1); a pair's first part;
 *  - seconds[i]: a pair's second part (required for pair rows, NULL for the others);
 *  - states[i]: CCHC_CELL_REPORTED, _NOT_REPORTED or _NOT_APPLICABLE; NULL: all reported.
 *    A blank's values are ignored.
 * `decimals` is 0 .. 9 for percent rows and 0 for the others. Everything is checked before
 * anything is stored: on failure the batch is unchanged. Values outside their kind's domain
 * (a negative count, a percent over 100, a code not in the list) are stored, for the checks. */
CCHC_EXTERN int32_t cchc_batch_set_column(cchc_batch* batch, size_t row, size_t first,
                                          size_t count, const int64_t* values,
                                          const int64_t* seconds, const uint8_t* states,
                                          int32_t decimals);
/* Reads row `row` of reports first .. first+count-1 into arrays of `count` elements, any of
 * which may be NULL: values and seconds as above, each cell's decimals and state. A blank reads
 * 0. An invalid cell's text is had with cchc_batch_get_text. */
CCHC_EXTERN int32_t cchc_batch_get_column(int64_t* values, int64_t* seconds, uint8_t* decimals,
                                          uint8_t* states, const cchc_batch* batch, size_t row,
                                          size_t first, size_t count);
/* One cell as text, parsed as the row's kind and kept as written ("04" stays "04"; "" makes
 * it blank); errors as cchc_report_set_text. And its text: as written, else canonical. */
CCHC_EXTERN int32_t cchc_batch_set_text(cchc_batch* batch, size_t report, const char* address,
                                        const char* text, size_t length);
CCHC_EXTERN int32_t cchc_batch_get_text(char* buf, size_t size, size_t* length,
                                        const cchc_batch* batch, size_t report,
                                        const char* address);
/* Metadata of one report by field name, as cchc_report_get_meta / _set_meta. */
CCHC_EXTERN int32_t cchc_batch_set_meta(cchc_batch* batch, size_t report, const char* field,
                                        const char* value, size_t length);
CCHC_EXTERN int32_t cchc_batch_get_meta(char* buf, size_t size, size_t* length,
                                        const cchc_batch* batch, size_t report,
                                        const char* field);
/* Limits on what this batch's readers read from now on, instead of the process-wide ones: the
 * JSON limits for each line of JSON Lines. Zero fields and NULL as cchc_ruleset_set_limits. */
CCHC_EXTERN int32_t cchc_batch_set_limits(cchc_batch* batch, const cchc_limits* limits);
/* Report `index` as a report handle of its own (free it). */
CCHC_EXTERN int32_t cchc_batch_report(cchc_report** out, const cchc_batch* batch, size_t index);

/* What a reader added to a batch. */
#define CCHC_BATCH_READ_INFO_VERSION 1
typedef struct cchc_batch_read_info {
  uint32_t version;      /* CCHC_BATCH_READ_INFO_VERSION */
  size_t reports;        /* reports added */
  size_t lines;          /* lines (CSV, JSON Lines) or records (Arrow) read */
  size_t input_findings; /* cells that could not be read: "input.cell" findings when checked */
  size_t skipped;        /* lines or records that are not a report; see cchc_batch_skipped */
} cchc_batch_read_info;
#define CCHC_BATCH_READ_INFO_INIT {CCHC_BATCH_READ_INFO_VERSION, 0, 0, 0, 0}

/* Appends the reports of a CSV (a header of row addresses and metadata fields, one report per
 * line) or JSON Lines file (one cchc.report/1 per line), told apart by content; docs/batch.md.
 * A bad cell is kept invalid with a finding, a line that is not a report is skipped and listed;
 * only a file that cannot be read at all (no header, an unknown column) fails. `info` may be
 * NULL. cchc_batch_read_text does the same on text in memory; `name` (may be NULL) names it in
 * messages. */
CCHC_EXTERN int32_t cchc_batch_read_file(cchc_batch_read_info* info, cchc_batch* batch,
                                         const char* path);
CCHC_EXTERN int32_t cchc_batch_read_text(cchc_batch_read_info* info, cchc_batch* batch,
                                         const char* text, size_t length, const char* name);
/* Appends the records of an Arrow struct array (C Data Interface, cchc/arrow.h: what pyarrow's
 * _export_to_c, polars, DuckDB and Spark hand over), one report per record, one child per column
 * named by row address or metadata field; the types taken are in docs/batch.md. The arrays are
 * moved in, as the interface says of a consumer: cchc releases both when it is done, also on
 * failure (a struct already released, release == NULL, is CCHC_EINVAL). */
CCHC_EXTERN int32_t cchc_batch_add_arrow(cchc_batch_read_info* info, cchc_batch* batch,
                                         struct ArrowArray* array, struct ArrowSchema* schema);
/* The lines skipped by the readers so far: how many, and each one's message with file and
 * line. */
CCHC_EXTERN int32_t cchc_batch_skipped_count(size_t* out, const cchc_batch* batch);
CCHC_EXTERN int32_t cchc_batch_skipped(char* buf, size_t size, size_t* length,
                                       const cchc_batch* batch, size_t index);

/* Checking a batch. The findings of a report that has any can be kept in the result, or handed
 * to a callback as they are made (streamed: memory stays flat). The callback is called from the
 * checking threads, several at a time, in no particular order of reports; `findings` is
 * borrowed for the call. C rule callbacks (cchc_ruleset_add_callback) run in batches too, on
 * the checking threads, with a report handle that lives for the call; one may be called more
 * than once for a report that has findings. */
typedef void (*cchc_batch_findings_fn)(void* user_data, size_t report,
                                       const cchc_findings* findings);
#define CCHC_BATCH_CHECK_OPTIONS_VERSION 1
typedef struct cchc_batch_check_options {
  uint32_t version;                   /* CCHC_BATCH_CHECK_OPTIONS_VERSION */
  uint32_t threads;                   /* 0: every core */
  int32_t keep_findings;              /* 1: keep each report's findings in the result */
  cchc_batch_findings_fn on_findings; /* may be NULL */
  void* user_data;                    /* passed to on_findings */
} cchc_batch_check_options;
#define CCHC_BATCH_CHECK_OPTIONS_INIT {CCHC_BATCH_CHECK_OPTIONS_VERSION, 0, 0, NULL, NULL}

/* Checks every report of `batch` with `rules` (of the batch's catalogue); `options` may be NULL.
 * Each report gets exactly the findings cchc_ruleset_check gives it, plus the batch's
 * "input.cell" findings. */
CCHC_EXTERN int32_t cchc_batch_check(cchc_batch_result** out, const cchc_ruleset* rules,
                                     const cchc_batch* batch,
                                     const cchc_batch_check_options* options);
CCHC_EXTERN void cchc_batch_result_free(cchc_batch_result* result);

/* One rule's counts over the batch; the rules are the set's, in its order, then "input.cell"
 * when the batch has input findings. */
#define CCHC_RULE_SUMMARY_VERSION 1
typedef struct cchc_rule_summary {
  uint32_t version;    /* CCHC_RULE_SUMMARY_VERSION */
  const char* rule_id; /* borrowed from the result */
  int32_t severity;    /* CCHC_SEVERITY_* */
  size_t evaluated;    /* reports the rule ran on: passed + failed */
  size_t passed;
  size_t failed;
  size_t skipped; /* reports where a row it reads was blank */
} cchc_rule_summary;
#define CCHC_RULE_SUMMARY_INIT {CCHC_RULE_SUMMARY_VERSION, NULL, 0, 0, 0, 0, 0}
CCHC_EXTERN int32_t cchc_batch_result_rule_count(size_t* out, const cchc_batch_result* result);
CCHC_EXTERN int32_t cchc_batch_result_rule(cchc_rule_summary* out,
                                           const cchc_batch_result* result, size_t index);
/* Reports checked, reports with any finding, and reports with an error (pointers may be NULL). */
CCHC_EXTERN int32_t cchc_batch_result_totals(size_t* reports, size_t* with_findings,
                                             size_t* with_errors,
                                             const cchc_batch_result* result);
/* Findings of each severity for reports first .. first+count-1, into arrays of `count`
 * elements (any may be NULL). */
CCHC_EXTERN int32_t cchc_batch_result_statuses(uint32_t* errors, uint32_t* warnings,
                                               uint32_t* infos, const cchc_batch_result* result,
                                               size_t first, size_t count);
/* The findings of report `report`, when the check kept them (CCHC_EINVAL otherwise); a
 * report without findings gives an empty handle. Free it. */
CCHC_EXTERN int32_t cchc_batch_result_findings(cchc_findings** out,
                                               const cchc_batch_result* result, size_t report);
/* The per-rule summary as JSON: {"format": "cchc.batch/1", "reports", "failed_reports",
 * "reports_with_errors", "summary": [{"rule", "severity", "evaluated", "passed", "fails",
 * "skipped"}]}, as `cchc check --summary --format json` prints it. */
CCHC_EXTERN int32_t cchc_batch_result_to_json(char* buf, size_t size, size_t* length,
                                              const cchc_batch_result* result);
/* The summary as a document for people (docs/render.md): a table of the rules' counts (rule,
 * its message, severity, evaluated, passed, failed, skipped, % failed) and one of the totals,
 * into a caller's buffer (binary for XLSX and DOCX; *length is its size). `rules`, the set the
 * batch was checked with, gives each rule's message, and may be NULL. options->format is
 * CCHC_RENDER_HTML, _MARKDOWN, _CSV, _XLSX or _DOCX (JSON is cchc_batch_result_to_json:
 * CCHC_EINVAL); options->lang applies, form and findings do not; options may be NULL (HTML). */
CCHC_EXTERN int32_t cchc_batch_result_render(char* buf, size_t size, size_t* length,
                                             const cchc_batch_result* result,
                                             const cchc_ruleset* rules,
                                             const cchc_render_options* options);

#ifdef __cplusplus
}
#endif

#endif /* CCHC_C_BATCH_H */
