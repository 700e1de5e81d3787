/* SPDX-License-Identifier: MIT */
/*
 * cchc.h: the plain C API of cchc, for C and for any language with a C foreign-function
 * interface (Python ctypes, C# P/Invoke, Go cgo, Java FFM, ...).
 *
 * This header, with the four it includes at its end (cchc/c/render.h, cchc/c/quarter.h,
 * cchc/c/batch.h, cchc/c/templates.h), is the whole contract. Conventions, as in libgit2 and SQLite:
 *
 *  - Names are cchc_<module>_<verb>. Handles are opaque: cchc_catalog, cchc_report,
 *    cchc_ruleset, cchc_findings, cchc_batch, cchc_batch_result, cchc_history, cchc_archive,
 *    cchc_registry. Each has a _free function that accepts NULL (a cchc_template is borrowed
 *    from its registry and has none).
 *  - Functions return int32_t: CCHC_OK (0) or a negative CCHC_E* code, the same numbers as the
 *    C++ cchc::errc. Out-parameters come first and are written only on success.
 *  - On failure, cchc_last_error() returns a message (Vietnamese, then English in parentheses,
 *    with where: file:line:column, a JSON path or a row address). It is thread-local, never NULL,
 *    and valid until the next cchc call on the same thread.
 *  - Text is UTF-8. Inputs are (pointer, length) pairs; pass CCHC_NTS as the length of a
 *    NUL-terminated string. Invalid UTF-8 is CCHC_EUTF8, never undefined behaviour.
 *  - Text outputs go into a buffer the caller owns: (char* buf, size_t size, size_t* length).
 *    *length always receives the full length (without the NUL). With size == 0 (buf may be
 *    NULL) the call only measures and returns CCHC_OK. When size is too small the output is
 *    truncated, NUL-terminated, and the call returns CCHC_EBUFFER: call again with *length + 1.
 *  - Strings returned as const char* (labels, finding messages) are borrowed from the handle
 *    they came from and live as long as it.
 *  - No function aborts or lets a C++ exception escape: misuse (NULL handles, unknown rows,
 *    wrong kinds, bad text) returns a status.
 *  - Only fixed-width integers, size_t, char pointers and opaque pointers cross the boundary:
 *    no bool (0/1 in int32_t), no C enums (#define constants), no structs passed by value.
 *    Structs filled by the library start with a version field (set it with the _INIT macro),
 *    so that fields can be added without breaking callers.
 *
 * Thread safety: catalogues and rule sets are immutable once built and may be shared by any
 * number of threads. cchc_ruleset_check() may run concurrently on one rule set. A report or a
 * rule set being modified must not be used by another thread at the same time. Findings are
 * immutable.
 *
 * Stability: within a major version, functions and constants are only added, never changed or
 * removed; a behaviour change comes as a new function (_v2). The shared library's SONAME
 * carries the major version. See docs/c-api.md.
 */
#ifndef CCHC_H
#define CCHC_H

#include <stddef.h>
#include <stdint.h>

#include "cchc/arrow.h"
#include "cchc/version.h"

#if defined(_WIN32) && defined(CCHC_C_SHARED_BUILD)
#define CCHC_EXTERN __declspec(dllexport)
#elif defined(_WIN32) && !defined(CCHC_C_STATIC)
#define CCHC_EXTERN __declspec(dllimport)
#elif defined(__GNUC__)
#define CCHC_EXTERN __attribute__((visibility("default")))
#else
#define CCHC_EXTERN
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Status codes ---------------------------------------------------------------------- */

#define CCHC_OK 0
#define CCHC_EINVAL (-1)      /* an argument is unusable: NULL, empty, out of range */
#define CCHC_EPARSE (-2)      /* text that is not what it should be */
#define CCHC_ENOTFOUND (-3)   /* unknown row address, form, field or file */
#define CCHC_EKIND (-4)       /* a value of one kind where another belongs */
#define CCHC_ERANGE (-5)      /* a number too large, an impossible date */
#define CCHC_EUTF8 (-6)       /* text that is not UTF-8 */
#define CCHC_EIO (-7)         /* a file that cannot be read or written */
#define CCHC_ECATALOG (-8)    /* a catalogue that contradicts itself */
#define CCHC_ELIMIT (-9)      /* input beyond a documented safety limit */
#define CCHC_EBUFFER (-10)    /* the caller's buffer is too small; *length says how much */
#define CCHC_ECALLBACK (-11)  /* a rule callback returned non-zero */
#define CCHC_ENOVALUE (-12)   /* the row is blank */
#define CCHC_ENOMEM (-13)     /* out of memory */
#define CCHC_EINTERNAL (-99)  /* a bug in cchc */

/* Length of a NUL-terminated input string. */
#define CCHC_NTS ((size_t)-1)

/* Row kinds. */
#define CCHC_KIND_HEADING 0
#define CCHC_KIND_COUNT 1
#define CCHC_KIND_PERCENT 2
#define CCHC_KIND_YES_NO 3
#define CCHC_KIND_CODE 4
#define CCHC_KIND_PAIR 5
#define CCHC_KIND_MONEY 6

/* Why a value is blank. */
#define CCHC_BLANK_NOT_REPORTED 0
#define CCHC_BLANK_NOT_APPLICABLE 1

/* Finding severities. */
#define CCHC_SEVERITY_INFO 0
#define CCHC_SEVERITY_WARNING 1
#define CCHC_SEVERITY_ERROR 2

/* Message languages. */
#define CCHC_LANG_VI 0
#define CCHC_LANG_EN 1
#define CCHC_LANG_BOTH 2 /* "Vietnamese (English)": cchc_last_error()'s default */

/* ---- Library ----------------------------------------------------------------------------- */

/* The version of the loaded library ("0.1.0"); compare with CCHC_VERSION_STRING. */
CCHC_EXTERN const char* cchc_version(void);
/* major * 10000 + minor * 100 + patch of the loaded library. */
CCHC_EXTERN int32_t cchc_version_number(void);
/* A short English name of a status code ("parse_error"); never NULL. */
CCHC_EXTERN const char* cchc_errstr(int32_t code);
/* The message of this thread's last failure; "" when there was none. Never NULL. */
CCHC_EXTERN const char* cchc_last_error(void);

/* ---- Limits on untrusted input (docs/security.md) ---------------------------------------- */

#define CCHC_LIMITS_VERSION 1
typedef struct cchc_limits {
  uint32_t version;              /* CCHC_LIMITS_VERSION */
  size_t json_max_depth;         /* nesting of JSON arrays and objects (default 32, ceiling 1024) */
  size_t json_max_bytes;         /* a JSON report or catalogue (default 64 MiB) */
  size_t rules_max_source_bytes; /* a rule source (default 16 MiB) */
  size_t rules_max_depth;        /* nesting of a rule expression (default 256, ceiling 1024) */
  size_t rules_max_nodes;        /* size of one rule, let definitions expanded (default 65536) */
  size_t text_max_bytes;         /* report text or a PDF's text (default 64 MiB) */
  size_t text_max_line_bytes;    /* one line of report text (default 1 MiB) */
} cchc_limits;
#define CCHC_LIMITS_INIT {CCHC_LIMITS_VERSION, 0, 0, 0, 0, 0, 0, 0}
/* The limits the library starts with. */
CCHC_EXTERN int32_t cchc_limits_default(cchc_limits* out);
/* The limits in force: process-wide, used by every reader called after they are set. */
CCHC_EXTERN int32_t cchc_limits_get(cchc_limits* out);
/* Replaces the limits in force for the whole process (thread-safe; calls already running keep
 * the limits they started with). A zero field or one above its ceiling is CCHC_EINVAL, and then
 * nothing changes. Input beyond a limit fails with CCHC_ELIMIT and a message naming the limit. */
CCHC_EXTERN int32_t cchc_limits_set(const cchc_limits* limits);

/* ---- Options for reading and checking ---------------------------------------------------- */

/* What a read or a check may need beyond its arguments, in one struct that grows by version
 * (libgit2's convention). Declare it with CCHC_OPTIONS_INIT, set the fields you need, and pass
 * its address to a _v2 function; NULL options are the _INIT ones, and each field at its _INIT
 * value means what the function without options does. Each function says which fields it
 * reads and ignores the others. The struct is read during the call only and never kept: what
 * it points to needs to live for the call alone. One options struct may serve many calls, on
 * any number of threads.
 *
 *   cchc_limits small = CCHC_LIMITS_INIT;
 *   small.text_max_bytes = 1 << 20;               (zero fields: the process-wide value)
 *   cchc_options o = CCHC_OPTIONS_INIT;
 *   o.catalog = commune_catalog;                   (NULL: the built-in catalogue)
 *   o.holidays = "2024-02-08, 2024-02-09, 2024-04-18";
 *   o.lang = CCHC_LANG_EN;
 *   o.limits = &small;
 *   rc = cchc_report_import_file_v2(&report, &findings, "report.pdf", &o);
 */
#define CCHC_OPTIONS_VERSION 2
typedef struct cchc_options {
  uint32_t version; /* CCHC_OPTIONS_VERSION */
  /* The language of cchc_last_error() when the call fails: CCHC_LANG_VI, CCHC_LANG_EN, or
   * CCHC_LANG_BOTH ("Vietnamese (English)", the default). Findings always carry both. */
  int32_t lang;
  /* The template a report is read against; NULL: the built-in catalogue. */
  const struct cchc_catalog* catalog;
  /* Public holidays for the deadline checks (a report sent before the first working day after
   * its data cut-off, "date.before-cutoff"): ISO dates (YYYY-MM-DD) separated by commas,
   * semicolons or white space, UTF-8, NUL-terminated. NULL or "": weekends only. */
  const char* holidays;
  /* Limits on this call's input instead of the process-wide ones (cchc_limits_set); a zero
   * field takes the process-wide value, a field above its ceiling is CCHC_EINVAL. NULL: the
   * process-wide limits. */
  const cchc_limits* limits;
  /* Since version 2 (a version 1 struct ends above and keeps working). How a scan, a PDF with
   * no text or a PNG, JPEG or TIFF page, is recognised (docs/import.md, "Scans"); read by the
   * import functions. Zero or NULL fields mean the defaults. */
  const char* ocr_language;    /* Tesseract's model: "vie" (NULL or ""), "vie+eng", ... */
  const char* ocr_tessdata;    /* the folder of its *.traineddata; NULL or "": Tesseract's own */
  uint32_t ocr_dpi;            /* a PDF page's resolution, 72 to 1200; 0: 300 */
  uint32_t ocr_min_confidence; /* a figure read with less (1 to 101) is left unread; 0: 80 */
} cchc_options;
#define CCHC_OPTIONS_INIT {CCHC_OPTIONS_VERSION, CCHC_LANG_BOTH, NULL, NULL, NULL, NULL, NULL, 0, 0}

/* ---- Catalogues: report templates -------------------------------------------------------- */

typedef struct cchc_catalog cchc_catalog;

/* The built-in catalogue (Sơn La, 3981/SNV-CCHC&VTLT, departments). Free it when done. */
CCHC_EXTERN int32_t cchc_catalog_builtin(cchc_catalog** out);
/* A catalogue from JSON text (docs/catalog.md). */
CCHC_EXTERN int32_t cchc_catalog_from_json(cchc_catalog** out, const char* json, size_t length);
/* A catalogue from a JSON file. */
CCHC_EXTERN int32_t cchc_catalog_load(cchc_catalog** out, const char* path);
/* The same with options (cchc_options): reads limits and lang. */
CCHC_EXTERN int32_t cchc_catalog_from_json_v2(cchc_catalog** out, const char* json, size_t length,
                                              const cchc_options* options);
CCHC_EXTERN int32_t cchc_catalog_load_v2(cchc_catalog** out, const char* path,
                                         const cchc_options* options);
CCHC_EXTERN void cchc_catalog_free(cchc_catalog* catalog);

/* The catalogue's id and version ("vn.sonla.snv-3981-2022.so-nganh", "2022.1"); borrowed. */
CCHC_EXTERN int32_t cchc_catalog_id(const char** id, const char** version,
                                    const cchc_catalog* catalog);
CCHC_EXTERN int32_t cchc_catalog_form_count(size_t* out, const cchc_catalog* catalog);
CCHC_EXTERN int32_t cchc_catalog_row_count(size_t* out, const cchc_catalog* catalog);
/* The index (0 .. row_count-1) of a row address such as "B3:3.1.2". */
CCHC_EXTERN int32_t cchc_catalog_find_row(size_t* index, const cchc_catalog* catalog,
                                          const char* address, size_t length);

#define CCHC_FORM_INFO_VERSION 1
typedef struct cchc_form_info {
  uint32_t version; /* CCHC_FORM_INFO_VERSION */
  int32_t number;   /* the Biểu mẫu number */
  const char* title;
  const char* title_en;
  size_t first_row; /* rows first_row .. first_row + row_count - 1 */
  size_t row_count;
} cchc_form_info;
#define CCHC_FORM_INFO_INIT {CCHC_FORM_INFO_VERSION, 0, NULL, NULL, 0, 0}
/* Form `index` (0 .. form_count-1). Strings are borrowed from the catalogue. */
CCHC_EXTERN int32_t cchc_catalog_form(cchc_form_info* out, const cchc_catalog* catalog,
                                      size_t index);

#define CCHC_ROW_INFO_VERSION 1
typedef struct cchc_row_info {
  uint32_t version; /* CCHC_ROW_INFO_VERSION */
  int32_t form;
  const char* address;      /* "B1:2.1" */
  const char* code;         /* "2.1" */
  const char* printed_code; /* as printed: "4.", "Trong đó", "" */
  const char* label;        /* Vietnamese */
  const char* label_en;     /* English, may be "" */
  const char* unit;         /* as printed, may be "" */
  int32_t kind;             /* CCHC_KIND_* */
  int32_t required;         /* 1 when the template requires a value */
  int32_t cumulative;       /* 1 for "lũy kế" rows */
  int64_t parent;           /* index of the parent row, or -1 */
  size_t code_count;        /* entries of the code list (CCHC_KIND_CODE) */
} cchc_row_info;
#define CCHC_ROW_INFO_INIT {CCHC_ROW_INFO_VERSION, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, -1, 0}
/* Row `index` (0 .. row_count-1). Strings are borrowed from the catalogue. */
CCHC_EXTERN int32_t cchc_catalog_row(cchc_row_info* out, const cchc_catalog* catalog,
                                     size_t index);
/* Entry `i` of a code row's list: its value and labels (borrowed). */
CCHC_EXTERN int32_t cchc_catalog_row_code(int64_t* value, const char** label,
                                          const char** label_en, const cchc_catalog* catalog,
                                          size_t row, size_t i);

/* ---- Reports ------------------------------------------------------------------------------ */

typedef struct cchc_report cchc_report;
typedef struct cchc_findings cchc_findings;
/* An agency's earlier reports, and an archive of reports (cchc/c/quarter.h); here because more
 * than one part uses them. */
typedef struct cchc_history cchc_history;
typedef struct cchc_archive cchc_archive;

/* An empty report (every row blank) following `catalog`. The report keeps the catalogue
 * alive: the catalogue handle may be freed first. */
CCHC_EXTERN int32_t cchc_report_new(cchc_report** out, const cchc_catalog* catalog);
/* A report from JSON text (docs/report-json.md), read against `catalog`. */
CCHC_EXTERN int32_t cchc_report_from_json(cchc_report** out, const cchc_catalog* catalog,
                                          const char* json, size_t length);
/* A report from a JSON file. */
CCHC_EXTERN int32_t cchc_report_load(cchc_report** out, const cchc_catalog* catalog,
                                     const char* path);
/* The same with options (cchc_options): reads catalog (NULL: the built-in one), limits and
 * lang. */
CCHC_EXTERN int32_t cchc_report_from_json_v2(cchc_report** out, const char* json, size_t length,
                                             const cchc_options* options);
CCHC_EXTERN int32_t cchc_report_load_v2(cchc_report** out, const char* path,
                                        const cchc_options* options);
CCHC_EXTERN int32_t cchc_report_clone(cchc_report** out, const cchc_report* report);
CCHC_EXTERN void cchc_report_free(cchc_report* report);

/* The report as JSON, lossless. */
CCHC_EXTERN int32_t cchc_report_to_json(char* buf, size_t size, size_t* length,
                                        const cchc_report* report);
CCHC_EXTERN int32_t cchc_report_save(const cchc_report* report, const char* path);

/* Values by row address. Text is as written ("02", "33,3", "0/0"); "" for a blank. */
CCHC_EXTERN int32_t cchc_report_get_text(char* buf, size_t size, size_t* length,
                                         const cchc_report* report, const char* address);
/* Parses text as the row's kind ("" makes it blank): CCHC_EPARSE, CCHC_EKIND or CCHC_ERANGE
 * with the reason when it does not parse. A value outside its kind's domain (a negative count,
 * a percent over 100, a code not in the list) is stored and reported by the checks. */
CCHC_EXTERN int32_t cchc_report_set_text(cchc_report* report, const char* address,
                                         const char* text, size_t length);
/* The row's kind (CCHC_KIND_*), and whether it is blank (1) or holds a value (0). */
CCHC_EXTERN int32_t cchc_report_value_kind(int32_t* kind, int32_t* blank,
                                           const cchc_report* report, const char* address);
/* Whether the value is valid for its kind (1) or not (0); a blank is valid. */
CCHC_EXTERN int32_t cchc_report_value_ok(int32_t* ok, const cchc_report* report,
                                         const char* address);
/* Makes a row blank, for a reason CCHC_BLANK_*. */
CCHC_EXTERN int32_t cchc_report_clear(cchc_report* report, const char* address, int32_t reason);

/* Typed access. Getters return CCHC_ENOVALUE for a blank row and CCHC_EKIND for another kind.
 * Setters take figures of at most 18 digits (magnitude up to 999 999 999 999 999 999, a
 * percent's units included) and return CCHC_ERANGE for larger ones, which no report could read
 * back; whatever a setter accepts survives JSON, text and the getters unchanged. */
CCHC_EXTERN int32_t cchc_report_get_count(int64_t* out, const cchc_report* report,
                                          const char* address);
CCHC_EXTERN int32_t cchc_report_set_count(cchc_report* report, const char* address, int64_t n);
/* A percentage as units × 10^-decimals: 33,3 is (333, 1). 0 <= decimals <= 9. */
CCHC_EXTERN int32_t cchc_report_get_percent(int64_t* units, int32_t* decimals,
                                            const cchc_report* report, const char* address);
CCHC_EXTERN int32_t cchc_report_set_percent(cchc_report* report, const char* address,
                                            int64_t units, int32_t decimals);
/* Yes/no rows (0 or 1) and code rows (the code). */
CCHC_EXTERN int32_t cchc_report_get_code(int64_t* out, const cchc_report* report,
                                         const char* address);
CCHC_EXTERN int32_t cchc_report_set_code(cchc_report* report, const char* address, int64_t code);
CCHC_EXTERN int32_t cchc_report_get_pair(int64_t* first, int64_t* second,
                                         const cchc_report* report, const char* address);
CCHC_EXTERN int32_t cchc_report_set_pair(cchc_report* report, const char* address, int64_t first,
                                         int64_t second);
CCHC_EXTERN int32_t cchc_report_get_money(int64_t* dong, const cchc_report* report,
                                          const char* address);
CCHC_EXTERN int32_t cchc_report_set_money(cchc_report* report, const char* address, int64_t dong);

/* Metadata by field name: "agency.name", "agency.code", "agency.level" (department, district,
 * commune, province), "province", "period" (kind and year at once: "q1 2024", "six_months
 * 2024"; kinds q1, q2, q3, q4, six_months, nine_months, year), "period.year" and "period.kind"
 * (one part of a period already set: half a period is no period, so on a report without one
 * they fail with CCHC_EINVAL and say to set "period"), "document.number", "document.symbol",
 * "document.date" (YYYY-MM-DD), "document.place", "document.signer", "document.signer_title";
 * read-only: "catalog.id", "catalog.version". An unset field reads as "". */
CCHC_EXTERN int32_t cchc_report_get_meta(char* buf, size_t size, size_t* length,
                                         const cchc_report* report, const char* field);
CCHC_EXTERN int32_t cchc_report_set_meta(cchc_report* report, const char* field,
                                         const char* value, size_t length);

/* A report read from the text of a signed report (pdftotext's output, docs/import.md), or
 * from a file: text, PDF, or a Word (.docx) or Excel (.xlsx) annex's tables, told apart by
 * content. When `findings` is not NULL it receives what the text shows beyond
 * the rules: rows that could not be read ("import.unread") and the narrative's dates, periods,
 * citations and figures (free it with cchc_findings_free). Text that cannot be a report at all
 * (empty, not UTF-8, beyond the limits) fails; anything else gives a report. */
CCHC_EXTERN int32_t cchc_report_import_text(cchc_report** out, cchc_findings** findings,
                                            const cchc_catalog* catalog, const char* text,
                                            size_t length);
CCHC_EXTERN int32_t cchc_report_import_file(cchc_report** out, cchc_findings** findings,
                                            const cchc_catalog* catalog, const char* path);
/* The same with options (cchc_options): reads catalog (NULL: the built-in one), limits (the
 * text limits; the PDF too), holidays (for the findings' deadline check) and lang. */
CCHC_EXTERN int32_t cchc_report_import_text_v2(cchc_report** out, cchc_findings** findings,
                                               const char* text, size_t length,
                                               const cchc_options* options);
CCHC_EXTERN int32_t cchc_report_import_file_v2(cchc_report** out, cchc_findings** findings,
                                               const char* path, const cchc_options* options);

/* A copy of `report` with its derivable blanks filled (docs/rules.md, "Derived values"); never
 * changes a reported value. *count receives how many values were filled. */
CCHC_EXTERN int32_t cchc_report_derive(cchc_report** out, size_t* count,
                                       const cchc_report* report);

/* ---- Rule sets ---------------------------------------------------------------------------- */

typedef struct cchc_ruleset cchc_ruleset;
typedef struct cchc_finding_sink cchc_finding_sink;

/* An empty rule set for `catalog`. */
CCHC_EXTERN int32_t cchc_ruleset_new(cchc_ruleset** out, const cchc_catalog* catalog);
/* The structural rules of `catalog`, plus the built-in rule file for the built-in catalogue. */
CCHC_EXTERN int32_t cchc_ruleset_builtin(cchc_ruleset** out, const cchc_catalog* catalog);
CCHC_EXTERN void cchc_ruleset_free(cchc_ruleset* rules);
CCHC_EXTERN int32_t cchc_ruleset_size(size_t* out, const cchc_ruleset* rules);
/* Limits on the sources this set compiles from now on (cchc_ruleset_add_source), instead of
 * the process-wide ones: a zero field takes the process-wide value at each compile, a field
 * above its ceiling is CCHC_EINVAL (and nothing changes); NULL goes back to the process-wide
 * limits. A set being changed must not be used by another thread. */
CCHC_EXTERN int32_t cchc_ruleset_set_limits(cchc_ruleset* rules, const cchc_limits* limits);

/* Compiles rule-language source (docs/rules.md) into the set. On a compile error the set is
 * unchanged, cchc_last_error() says "name:line:column: why", and *line and *column (either may
 * be NULL) receive the position, or 0 when the error has none. */
CCHC_EXTERN int32_t cchc_ruleset_add_source(cchc_ruleset* rules, const char* source,
                                            size_t length, const char* name, uint32_t* line,
                                            uint32_t* column);

/* A rule written in C. It is called once per checked report, on the checking thread, with
 * `user_data` as given, and adds findings with cchc_sink_add(). It returns 0; anything else
 * makes cchc_ruleset_check() fail with CCHC_ECALLBACK. It may call the cchc_report_get_*
 * functions on `report`, which stays valid during the call, and must not keep it. */
typedef int32_t (*cchc_rule_fn)(void* user_data, const cchc_report* report,
                                cchc_finding_sink* sink);
CCHC_EXTERN int32_t cchc_ruleset_add_callback(cchc_ruleset* rules, const char* id,
                                              int32_t severity, cchc_rule_fn fn,
                                              void* user_data);
/* Adds a finding from a callback: messages (vi, en; NUL-terminated UTF-8), and the addresses
 * of the rows it is about (may be NULL when count is 0). The rule's id and severity are set by
 * the rule set. */
CCHC_EXTERN int32_t cchc_sink_add(cchc_finding_sink* sink, const char* message_vi,
                                  const char* message_en, const char* const* rows,
                                  size_t row_count);

/* ---- Checking and findings ----------------------------------------------------------------- */

/* Checks `report` with `rules`. A report imported from text (cchc_report_import_text/_file, and
 * its clones and derived copies) keeps what its document showed, and is checked on that too:
 * the findings are those of `cchc check FILE`, rules and text together, in one deterministic
 * order. */
CCHC_EXTERN int32_t cchc_ruleset_check(cchc_findings** out, const cchc_ruleset* rules,
                                       const cchc_report* report);
/* The same with options (cchc_options): reads holidays (the deadline check of an imported
 * report) and lang; the rule set decides the catalogue. */
CCHC_EXTERN int32_t cchc_ruleset_check_v2(cchc_findings** out, const cchc_ruleset* rules,
                                          const cchc_report* report,
                                          const cchc_options* options);
CCHC_EXTERN void cchc_findings_free(cchc_findings* findings);
CCHC_EXTERN int32_t cchc_findings_count(size_t* out, const cchc_findings* findings);
/* How many findings have each severity; any pointer may be NULL. */
CCHC_EXTERN int32_t cchc_findings_summary(size_t* errors, size_t* warnings, size_t* infos,
                                          const cchc_findings* findings);

#define CCHC_FINDING_INFO_VERSION 1
typedef struct cchc_finding_info {
  uint32_t version;       /* CCHC_FINDING_INFO_VERSION */
  const char* rule_id;    /* "sum.B4:3.1[3.2]" */
  int32_t severity;       /* CCHC_SEVERITY_* */
  size_t row_count;
  const char* expected;   /* "≥ 33", or "" */
  const char* message_vi;
  const char* message_en;
  int32_t has_fix;        /* 1 when fix_row and fix_value are set */
  const char* fix_row;    /* "B1:2", or "" */
  const char* fix_value;  /* "60", or "" */
  int64_t line;           /* line of the imported text it is about, or 0 */
} cchc_finding_info;
#define CCHC_FINDING_INFO_INIT {CCHC_FINDING_INFO_VERSION, NULL, 0, 0, NULL, NULL, NULL, 0, NULL, NULL, 0}
/* Finding `index`. Strings are borrowed from `findings`. */
CCHC_EXTERN int32_t cchc_findings_get(cchc_finding_info* out, const cchc_findings* findings,
                                      size_t index);
/* Row `row` of finding `index`: its address and value as written (borrowed), blank = 1/0. */
CCHC_EXTERN int32_t cchc_findings_row(const char** address, const char** value, int32_t* blank,
                                      const cchc_findings* findings, size_t index, size_t row);
/* All findings as JSON ({"format": "cchc.findings/1", ...}) or as text in a language. */
CCHC_EXTERN int32_t cchc_findings_to_json(char* buf, size_t size, size_t* length,
                                          const cchc_findings* findings);
CCHC_EXTERN int32_t cchc_findings_to_text(char* buf, size_t size, size_t* length,
                                          const cchc_findings* findings, int32_t lang);

#ifdef __cplusplus
}
#endif

/* The rest of the contract, one header each; any of them may be included alone. */
#include "cchc/c/render.h"
#include "cchc/c/quarter.h"
#include "cchc/c/batch.h"
#include "cchc/c/templates.h"

#endif /* CCHC_H */
