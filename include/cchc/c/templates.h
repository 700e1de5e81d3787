/* SPDX-License-Identifier: MIT */
/*
 * cchc/c/templates.h: templates as data: the registry of templates and their versions,
 * migration between versions, and scoring under an indicator set (docs/templates.md).
 * Part of the C API: cchc.h's conventions hold here (status codes, handles, text buffers).
 * Included by cchc/cchc.h; may be included alone.
 */
#ifndef CCHC_C_TEMPLATES_H
#define CCHC_C_TEMPLATES_H

#include "cchc/cchc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Templates and their registry (docs/templates.md) ------------------------------------- */

/* The templates cchc knows: the built-in ones, then each folder on CCHC_TEMPLATE_PATH (colon-
 * separated), then each of `dirs`. A template is a folder (catalog.json, *.rules, template.json,
 * mapping.json, scoring.json) or a plain catalogue file. A registry is immutable and may be used
 * from several threads. */
typedef struct cchc_registry cchc_registry;
/* A template of a registry: borrowed, valid while its registry lives; never freed. */
typedef struct cchc_template cchc_template;

/* `dirs`: `count` UTF-8 folder paths (NULL when count is 0). Opening reads each template's
 * identity (catalog.json's id, version, title, level, effective dates) and its template.json:
 * what is wrong there is CCHC_EPARSE (or CCHC_EINVAL for an unknown file in a template folder)
 * with file, line and field in cchc_last_error(); the same id and version twice is CCHC_EINVAL.
 * The rest of a template (its catalogue, rules, mapping, scoring) is read and checked the first
 * time it is used, once: cchc_template_catalog, cchc_template_ruleset and the functions below
 * return its errors. */
CCHC_EXTERN int32_t cchc_registry_open(cchc_registry** out, const char* const* dirs, size_t count);
CCHC_EXTERN void cchc_registry_free(cchc_registry* registry);
CCHC_EXTERN int32_t cchc_registry_count(size_t* out, const cchc_registry* registry);
/* The templates by id, then version (oldest first). */
CCHC_EXTERN int32_t cchc_registry_at(const cchc_template** out, const cchc_registry* registry,
                                     size_t index);
/* The template of `id` and `version`; a NULL or empty version: the newest. CCHC_ENOTFOUND names
 * the versions there are. */
CCHC_EXTERN int32_t cchc_registry_lookup(const cchc_template** out, const cchc_registry* registry,
                                         const char* id, const char* version);
/* The template a cchc.report/1 document names ("catalog": {"id", "version"}); the built-in
 * catalogue's when it names none. `length` may be CCHC_NTS. */
CCHC_EXTERN int32_t cchc_registry_for_report_json(const cchc_template** out,
                                                  const cchc_registry* registry, const char* json,
                                                  size_t length);

#define CCHC_TEMPLATE_INFO_VERSION 1
typedef struct cchc_template_info {
  uint32_t version;             /* set to CCHC_TEMPLATE_INFO_VERSION before the call */
  const char* id;               /* "vn.sonla.snv-3981-2022.so-nganh" */
  const char* template_version; /* "2022.1" */
  const char* name;             /* the catalogue's title */
  const char* level;            /* "department", "district", "commune", "province" */
  const char* effective_from;   /* "YYYY-MM-DD", or "" */
  const char* effective_until;  /* "YYYY-MM-DD", or "" */
  const char* origin;           /* "built-in", or the folder or file it was found in */
  const char* derived;          /* what it is derived from when no published source gives it; "" */
  const char* mapping_from;     /* the version its mapping.json carries reports from, or "" */
  size_t rule_files;            /* its *.rules files */
  int32_t has_scoring;          /* 1 when it has a scoring.json (cchc_report_score_json) */
} cchc_template_info;
/* The template's identity, as the registry lists it (nothing is read); the strings are borrowed
 * from the registry. */
CCHC_EXTERN int32_t cchc_template_get_info(cchc_template_info* out, const cchc_template* tmpl);
/* A new handle on the template's catalogue (free with cchc_catalog_free): read reports with it
 * through cchc_options.catalog. The first use of a template reads it whole: CCHC_EPARSE or
 * CCHC_ECATALOG name the file, line and field of what is wrong. */
CCHC_EXTERN int32_t cchc_template_catalog(cchc_catalog** out, const cchc_template* tmpl);
/* A new rule set: the structural rules, the template's rule files and, when it sets deadlines,
 * template.deadline (free with cchc_ruleset_free). */
CCHC_EXTERN int32_t cchc_template_ruleset(cchc_ruleset** out, const cchc_template* tmpl);

/* Carries `report` to version `to_version` of its template through each version's mapping.
 * `findings` (may be NULL) receives what could not be carried, or carried with a caveat:
 * migrate.dropped.<row>, migrate.split.<row>, migrate.partial.<row> (warnings) and
 * migrate.added.<row> (info). CCHC_ENOTFOUND when no chain of mappings leads there. */
CCHC_EXTERN int32_t cchc_report_migrate(cchc_report** out, cchc_findings** findings,
                                        const cchc_report* report, const cchc_registry* registry,
                                        const char* to_version);

/* cchc_archive_history across the versions of the report's template: earlier reports of another
 * version are read with that version's catalogue from `registry` and carried over by its
 * mappings (those no mapping reaches are left out), so that cross-period checks compare like
 * with like. `years` 0: 3. */
CCHC_EXTERN int32_t cchc_archive_history_registry(cchc_history** out, const cchc_archive* archive,
                                                  const cchc_report* report,
                                                  const cchc_registry* registry, int32_t years);

/* Scores `report` under the indicator set of `tmpl` (Decision 766/QĐ-TTg and sets like it), as
 * JSON (cchc.score/1: total, max, complete, groups, indicators with rate, points and what was
 * missing, unweighted indicators); the text-output convention of cchc.h. `history` (may be
 * NULL) gives last year's report for a quarter without a denominator. CCHC_EINVAL when the
 * template has no scoring or the report follows another catalogue. */
CCHC_EXTERN int32_t cchc_report_score_json(char* buf, size_t size, size_t* length,
                                           const cchc_report* report, const cchc_template* tmpl,
                                           const cchc_history* history);

#ifdef __cplusplus
}
#endif

#endif /* CCHC_C_TEMPLATES_H */
