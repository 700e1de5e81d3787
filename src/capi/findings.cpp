// SPDX-License-Identifier: MIT
// Checking, and cchc_findings.
#include "capi/glue.hpp"

using namespace cchc::capi;

// Definitions take their C linkage from the declarations in cchc.h.

// ---- checking and findings -------------------------------------------------------------------

int32_t cchc_ruleset_check(cchc_findings** out, const cchc_ruleset* rules,
                           const cchc_report* report) {
  return cchc_ruleset_check_v2(out, rules, report, nullptr);
}

namespace {

int32_t check_report(cchc_findings** out, const cchc_ruleset* rules, const cchc_report* report,
                     const cchc_history* history, const cchc_options* options) {
  return guard(options, [&] {
    need(out, "out");
    const Options o = read_options(options);
    const auto& set = need(rules, "rules")->rules;
    const auto& r = need(report, "report")->report;
    CheckContext ctx;
    ctx.report = report;
    ctx.outer = current_check;
    current_check = &ctx;
    struct Restore {
      CheckContext* outer;
      ~Restore() { current_check = outer; }
    } restore{ctx.outer};
    // One pipeline: the rules, and the evidence of the document the report was read from.
    const cchc::CheckContext context{report->evidence.get(),
                                     history != nullptr ? &history->history : nullptr};
    auto findings = take(cchc::check(r, set, context, {o.holidays, {}}));
    if (ctx.failed_code != 0)
      return fail(callback_failure(ctx.failed_rule, ctx.failed_code));
    return make(out, new cchc_findings{std::move(findings)});
  });
}

}  // namespace

int32_t cchc_ruleset_check_v2(cchc_findings** out, const cchc_ruleset* rules,
                              const cchc_report* report, const cchc_options* options) {
  return check_report(out, rules, report, nullptr, options);
}

int32_t cchc_ruleset_check_history(cchc_findings** out, const cchc_ruleset* rules,
                                   const cchc_report* report, const cchc_history* history,
                                   const cchc_options* options) {
  return check_report(out, rules, report, history, options);
}


void cchc_findings_free(cchc_findings* findings) { delete findings; }

int32_t cchc_findings_count(size_t* out, const cchc_findings* findings) {
  return guard([&] {
    *need(out, "out") = need(findings, "findings")->list.size();
    return CCHC_OK;
  });
}

int32_t cchc_findings_summary(size_t* errors, size_t* warnings, size_t* infos,
                              const cchc_findings* findings) {
  return guard([&] {
    size_t counts[3] = {0, 0, 0};
    for (const auto& f : need(findings, "findings")->list) ++counts[static_cast<size_t>(f.severity)];
    if (errors) *errors = counts[2];
    if (warnings) *warnings = counts[1];
    if (infos) *infos = counts[0];
    return CCHC_OK;
  });
}

namespace {
const cchc::Finding& finding_at(const cchc_findings* findings, size_t index) {
  const auto& list = need(findings, "findings")->list;
  if (index >= list.size())
    throw cchc::exception(make_error(errc::invalid_argument,
                                     fmt::format("chỉ số {} vượt quá {} phát hiện", index, list.size()),
                                     fmt::format("index {} is beyond {} findings", index, list.size())));
  return list[index];
}
}  // namespace

int32_t cchc_findings_get(cchc_finding_info* out, const cchc_findings* findings, size_t index) {
  return guard([&] {
    check_struct_version(need(out, "out")->version, CCHC_FINDING_INFO_VERSION, "cchc_finding_info");
    const cchc::Finding& f = finding_at(findings, index);
    out->rule_id = f.rule_id.c_str();
    out->severity = static_cast<int32_t>(f.severity);
    out->row_count = f.rows.size();
    out->expected = f.expected.c_str();
    out->message_vi = f.message_vi.c_str();
    out->message_en = f.message_en.c_str();
    out->has_fix = f.fix ? 1 : 0;
    out->fix_row = f.fix ? f.fix->address.c_str() : "";
    out->fix_value = f.fix ? f.fix->text.c_str() : "";
    out->line = static_cast<int64_t>(f.line);
    return CCHC_OK;
  });
}

int32_t cchc_findings_row(const char** address, const char** value, int32_t* blank,
                          const cchc_findings* findings, size_t index, size_t row) {
  return guard([&] {
    need(address, "address");
    need(value, "value");
    need(blank, "blank");
    const cchc::Finding& f = finding_at(findings, index);
    if (row >= f.rows.size())
      return fail(errc::invalid_argument, "chỉ số dòng vượt quá số dòng của phát hiện",
                  "row index beyond the finding's rows");
    *address = f.rows[row].address.c_str();
    *value = f.rows[row].text.c_str();
    *blank = f.rows[row].blank ? 1 : 0;
    return CCHC_OK;
  });
}

int32_t cchc_findings_row_period(char* buf, size_t size, size_t* length,
                                 const cchc_findings* findings, size_t index, size_t row) {
  return guard([&] {
    const cchc::Finding& f = finding_at(findings, index);
    if (row >= f.rows.size())
      return fail(errc::invalid_argument, "chỉ số dòng vượt quá số dòng của phát hiện",
                  "row index beyond the finding's rows");
    const auto& period = f.rows[row].period;
    return text_out(buf, size, length,
                    period ? fmt::format("{} {}", cchc::to_string(period->kind), period->year)
                           : std::string());
  });
}

int32_t cchc_findings_to_json(char* buf, size_t size, size_t* length,
                              const cchc_findings* findings) {
  return guard([&] {
    return text_out(buf, size, length, cchc::findings_to_json(need(findings, "findings")->list));
  });
}

int32_t cchc_findings_to_text(char* buf, size_t size, size_t* length,
                              const cchc_findings* findings, int32_t lang) {
  return guard([&] {
    if (lang != CCHC_LANG_VI && lang != CCHC_LANG_EN)
      return fail(errc::invalid_argument, "ngôn ngữ không hợp lệ", "lang is not a CCHC_LANG_* value");
    return text_out(buf, size, length,
                    cchc::findings_to_text(need(findings, "findings")->list,
                                           lang == CCHC_LANG_EN ? cchc::Language::en
                                                                : cchc::Language::vi));
  });
}
