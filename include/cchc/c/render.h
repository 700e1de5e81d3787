/* SPDX-License-Identifier: MIT */
/*
 * cchc/c/render.h: documents: a report written for people and report generators
 * (docs/render.md).
 * Part of the C API: cchc.h's conventions hold here (status codes, handles, text buffers).
 * Included by cchc/cchc.h; may be included alone.
 */
#ifndef CCHC_C_RENDER_H
#define CCHC_C_RENDER_H

#include "cchc/cchc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Documents: a report written for people and report generators (docs/render.md) ------- */

/* Formats. HTML: one self-contained file, the forms as tables, findings on their cells, print
 * CSS for A4. Markdown: a pipe table per form. CSV: one line per row (RFC 4180, UTF-8 with a
 * byte-order mark). JSON: the report itself (cchc.report/1, lossless; lang, form and findings
 * do not apply). XLSX: an Excel workbook, binary (the buffer receives its bytes, *length their
 * number): a sheet per form, figures stored as numbers shown as the report wrote them. DOCX: a
 * Word document, binary, A4 in the layout of Decree 30/2020/NĐ-CP, a table per form. Values
 * are written as the report has them, the Vietnamese way ("33,3", "85.000.000", "04/04"). */
#define CCHC_RENDER_HTML 0
#define CCHC_RENDER_MARKDOWN 1
#define CCHC_RENDER_CSV 2
#define CCHC_RENDER_JSON 3
#define CCHC_RENDER_XLSX 4
#define CCHC_RENDER_DOCX 5

#define CCHC_RENDER_OPTIONS_VERSION 1
typedef struct cchc_render_options {
  uint32_t version;               /* CCHC_RENDER_OPTIONS_VERSION */
  int32_t format;                 /* CCHC_RENDER_* */
  int32_t lang;                   /* CCHC_LANG_VI or CCHC_LANG_EN: headings, labels, messages */
  int32_t form;                   /* only this form (Biểu mẫu), or 0 for all */
  const cchc_findings* findings;  /* shown on the cells they are about; NULL: none. Only the
                                     findings about the form's rows when `form` is set */
} cchc_render_options;
#define CCHC_RENDER_OPTIONS_INIT {CCHC_RENDER_OPTIONS_VERSION, CCHC_RENDER_HTML, CCHC_LANG_VI, 0, NULL}

/* The report as a document, into a caller's buffer (the text-output convention above); options
 * may be NULL (HTML, Vietnamese, every form, no findings). A form the catalogue does not have is
 * CCHC_ENOTFOUND; an unknown format or language CCHC_EINVAL. */
CCHC_EXTERN int32_t cchc_render(char* buf, size_t size, size_t* length, const cchc_report* report,
                                const cchc_render_options* options);
/* The same, written to a file (replaced if it exists). */
CCHC_EXTERN int32_t cchc_render_file(const cchc_report* report, const char* path,
                                     const cchc_render_options* options);

#ifdef __cplusplus
}
#endif

#endif /* CCHC_C_RENDER_H */
