// SPDX-License-Identifier: MIT
// The C ABI as a compiler sees it: every public struct's size, alignment and field offsets, and
// every numeric constant of cchc.h, one per line. capi.abi compares this with the committed
// tests/capi/abi/layout-<arch>.txt, so that a change that breaks programs built against an
// earlier cchc.h cannot land unnoticed. Generated from cchc.h; add a line for a new field.
#include <stddef.h>
#include <stdio.h>

#include "cchc/arrow.h"
#include "cchc/cchc.h"

#define STRUCT(s) printf("struct %s size %zu align %zu\n", #s, sizeof(s), _Alignof(s))
#define FIELD(s, f) printf("  %s.%s offset %zu size %zu\n", #s, #f, offsetof(s, f), sizeof(((s*)0)->f))
#define CONSTANT(c) printf("%s %lld\n", #c, (long long)(c))

int main(void) {
  STRUCT(cchc_limits);
  FIELD(cchc_limits, version);
  FIELD(cchc_limits, json_max_depth);
  FIELD(cchc_limits, json_max_bytes);
  FIELD(cchc_limits, rules_max_source_bytes);
  FIELD(cchc_limits, rules_max_depth);
  FIELD(cchc_limits, rules_max_nodes);
  FIELD(cchc_limits, text_max_bytes);
  FIELD(cchc_limits, text_max_line_bytes);
  STRUCT(cchc_options);
  FIELD(cchc_options, version);
  FIELD(cchc_options, lang);
  FIELD(cchc_options, catalog);
  FIELD(cchc_options, holidays);
  FIELD(cchc_options, limits);
  STRUCT(cchc_render_options);
  FIELD(cchc_render_options, version);
  FIELD(cchc_render_options, format);
  FIELD(cchc_render_options, lang);
  FIELD(cchc_render_options, form);
  FIELD(cchc_render_options, findings);
  STRUCT(cchc_consolidate_options);
  FIELD(cchc_consolidate_options, version);
  FIELD(cchc_consolidate_options, agency_name);
  FIELD(cchc_consolidate_options, agency_code);
  FIELD(cchc_consolidate_options, agency_level);
  FIELD(cchc_consolidate_options, province);
  FIELD(cchc_consolidate_options, period);
  FIELD(cchc_consolidate_options, expected);
  STRUCT(cchc_archive_added);
  FIELD(cchc_archive_added, version);
  FIELD(cchc_archive_added, added);
  FIELD(cchc_archive_added, replaced);
  FIELD(cchc_archive_added, unchanged);
  FIELD(cchc_archive_added, refused);
  STRUCT(cchc_form_info);
  FIELD(cchc_form_info, version);
  FIELD(cchc_form_info, number);
  FIELD(cchc_form_info, title);
  FIELD(cchc_form_info, title_en);
  FIELD(cchc_form_info, first_row);
  FIELD(cchc_form_info, row_count);
  STRUCT(cchc_row_info);
  FIELD(cchc_row_info, version);
  FIELD(cchc_row_info, form);
  FIELD(cchc_row_info, address);
  FIELD(cchc_row_info, code);
  FIELD(cchc_row_info, printed_code);
  FIELD(cchc_row_info, label);
  FIELD(cchc_row_info, label_en);
  FIELD(cchc_row_info, unit);
  FIELD(cchc_row_info, kind);
  FIELD(cchc_row_info, required);
  FIELD(cchc_row_info, cumulative);
  FIELD(cchc_row_info, parent);
  FIELD(cchc_row_info, code_count);
  STRUCT(cchc_finding_info);
  FIELD(cchc_finding_info, version);
  FIELD(cchc_finding_info, rule_id);
  FIELD(cchc_finding_info, severity);
  FIELD(cchc_finding_info, row_count);
  FIELD(cchc_finding_info, expected);
  FIELD(cchc_finding_info, message_vi);
  FIELD(cchc_finding_info, message_en);
  FIELD(cchc_finding_info, has_fix);
  FIELD(cchc_finding_info, fix_row);
  FIELD(cchc_finding_info, fix_value);
  FIELD(cchc_finding_info, line);
  STRUCT(cchc_batch_read_info);
  FIELD(cchc_batch_read_info, version);
  FIELD(cchc_batch_read_info, reports);
  FIELD(cchc_batch_read_info, lines);
  FIELD(cchc_batch_read_info, input_findings);
  FIELD(cchc_batch_read_info, skipped);
  STRUCT(cchc_batch_check_options);
  FIELD(cchc_batch_check_options, version);
  FIELD(cchc_batch_check_options, threads);
  FIELD(cchc_batch_check_options, keep_findings);
  FIELD(cchc_batch_check_options, on_findings);
  FIELD(cchc_batch_check_options, user_data);
  STRUCT(cchc_rule_summary);
  FIELD(cchc_rule_summary, version);
  FIELD(cchc_rule_summary, rule_id);
  FIELD(cchc_rule_summary, severity);
  FIELD(cchc_rule_summary, evaluated);
  FIELD(cchc_rule_summary, passed);
  FIELD(cchc_rule_summary, failed);
  FIELD(cchc_rule_summary, skipped);
  STRUCT(struct ArrowSchema);
  FIELD(struct ArrowSchema, format);
  FIELD(struct ArrowSchema, name);
  FIELD(struct ArrowSchema, metadata);
  FIELD(struct ArrowSchema, flags);
  FIELD(struct ArrowSchema, n_children);
  FIELD(struct ArrowSchema, children);
  FIELD(struct ArrowSchema, dictionary);
  FIELD(struct ArrowSchema, release);
  FIELD(struct ArrowSchema, private_data);
  STRUCT(struct ArrowArray);
  FIELD(struct ArrowArray, length);
  FIELD(struct ArrowArray, null_count);
  FIELD(struct ArrowArray, offset);
  FIELD(struct ArrowArray, n_buffers);
  FIELD(struct ArrowArray, n_children);
  FIELD(struct ArrowArray, buffers);
  FIELD(struct ArrowArray, children);
  FIELD(struct ArrowArray, dictionary);
  FIELD(struct ArrowArray, release);
  FIELD(struct ArrowArray, private_data);
  CONSTANT(CCHC_OK);
  CONSTANT(CCHC_EINVAL);
  CONSTANT(CCHC_EPARSE);
  CONSTANT(CCHC_ENOTFOUND);
  CONSTANT(CCHC_EKIND);
  CONSTANT(CCHC_ERANGE);
  CONSTANT(CCHC_EUTF8);
  CONSTANT(CCHC_EIO);
  CONSTANT(CCHC_ECATALOG);
  CONSTANT(CCHC_ELIMIT);
  CONSTANT(CCHC_EBUFFER);
  CONSTANT(CCHC_ECALLBACK);
  CONSTANT(CCHC_ENOVALUE);
  CONSTANT(CCHC_ENOMEM);
  CONSTANT(CCHC_EINTERNAL);
  CONSTANT(CCHC_KIND_HEADING);
  CONSTANT(CCHC_KIND_COUNT);
  CONSTANT(CCHC_KIND_PERCENT);
  CONSTANT(CCHC_KIND_YES_NO);
  CONSTANT(CCHC_KIND_CODE);
  CONSTANT(CCHC_KIND_PAIR);
  CONSTANT(CCHC_KIND_MONEY);
  CONSTANT(CCHC_BLANK_NOT_REPORTED);
  CONSTANT(CCHC_BLANK_NOT_APPLICABLE);
  CONSTANT(CCHC_SEVERITY_INFO);
  CONSTANT(CCHC_SEVERITY_WARNING);
  CONSTANT(CCHC_SEVERITY_ERROR);
  CONSTANT(CCHC_LANG_VI);
  CONSTANT(CCHC_LANG_EN);
  CONSTANT(CCHC_LANG_BOTH);
  CONSTANT(CCHC_LIMITS_VERSION);
  CONSTANT(CCHC_OPTIONS_VERSION);
  CONSTANT(CCHC_RENDER_OPTIONS_VERSION);
  CONSTANT(CCHC_RENDER_HTML);
  CONSTANT(CCHC_RENDER_MARKDOWN);
  CONSTANT(CCHC_RENDER_CSV);
  CONSTANT(CCHC_RENDER_JSON);
  CONSTANT(CCHC_RENDER_XLSX);
  CONSTANT(CCHC_RENDER_DOCX);
  CONSTANT(CCHC_FORM_INFO_VERSION);
  CONSTANT(CCHC_ROW_INFO_VERSION);
  CONSTANT(CCHC_FINDING_INFO_VERSION);
  CONSTANT(CCHC_CELL_REPORTED);
  CONSTANT(CCHC_CELL_NOT_REPORTED);
  CONSTANT(CCHC_CELL_NOT_APPLICABLE);
  CONSTANT(CCHC_CELL_INVALID);
  CONSTANT(CCHC_BATCH_READ_INFO_VERSION);
  CONSTANT(CCHC_BATCH_CHECK_OPTIONS_VERSION);
  CONSTANT(CCHC_RULE_SUMMARY_VERSION);
  CONSTANT(CCHC_CONSOLIDATE_OPTIONS_VERSION);
  CONSTANT(CCHC_ARCHIVE_ADDED_VERSION);
  return 0;
}
