// SPDX-License-Identifier: MIT
// cchc_report: values, metadata, import and derive.
#include "capi/glue.hpp"

using namespace cchc::capi;

// Definitions take their C linkage from the declarations in cchc.h.

// ---- reports ---------------------------------------------------------------------------------

int32_t cchc_report_new(cchc_report** out, const cchc_catalog* catalog) {
  return guard([&] {
    need(out, "out");
    return make(out, new cchc_report{cchc::Report(need(catalog, "catalog")->catalog), nullptr});
  });
}

namespace {
// The functions of before options: their catalogue argument is the options' catalogue.
cchc_options with_catalog(const cchc_catalog* catalog) {
  cchc_options o = CCHC_OPTIONS_INIT;
  o.catalog = need(catalog, "catalog");
  return o;
}
}  // namespace

int32_t cchc_report_from_json(cchc_report** out, const cchc_catalog* catalog, const char* json,
                              size_t length) {
  return guard([&] {
    const cchc_options o = with_catalog(catalog);
    return cchc_report_from_json_v2(out, json, length, &o);
  });
}

int32_t cchc_report_from_json_v2(cchc_report** out, const char* json, size_t length,
                                 const cchc_options* options) {
  return guard(options, [&] {
    need(out, "out");
    const Options o = read_options(options);
    auto r = take(cchc::report_from_json(text_in(json, length, "json"), o.catalog, o.limits.json));
    return make(out, new cchc_report{std::move(r), nullptr});
  });
}

int32_t cchc_report_load(cchc_report** out, const cchc_catalog* catalog, const char* path) {
  return guard([&] {
    const cchc_options o = with_catalog(catalog);
    return cchc_report_load_v2(out, path, &o);
  });
}

int32_t cchc_report_load_v2(cchc_report** out, const char* path, const cchc_options* options) {
  return guard(options, [&] {
    need(out, "out");
    const Options o = read_options(options);
    auto r = take(cchc::load_report(std::string(cstr_in(path, "path")), o.catalog, o.limits.json));
    return make(out, new cchc_report{std::move(r), nullptr});
  });
}

int32_t cchc_report_clone(cchc_report** out, const cchc_report* report) {
  return guard([&] {
    need(out, "out");
    return make(out, new cchc_report{*need(report, "report")});  // the evidence too
  });
}

void cchc_report_free(cchc_report* report) { delete report; }

int32_t cchc_report_to_json(char* buf, size_t size, size_t* length, const cchc_report* report) {
  return guard([&] {
    return text_out(buf, size, length, cchc::report_to_json(need(report, "report")->report));
  });
}

int32_t cchc_report_save(const cchc_report* report, const char* path) {
  return guard([&] {
    const std::string json = cchc::report_to_json(need(report, "report")->report);
    take(cchc::write_file(std::string(cstr_in(path, "path")), json));
    return CCHC_OK;
  });
}

int32_t cchc_report_get_text(char* buf, size_t size, size_t* length, const cchc_report* report,
                             const char* address) {
  return guard([&] { return text_out(buf, size, length, cchc::text_of(value_of(report, address))); });
}

int32_t cchc_report_set_text(cchc_report* report, const char* address, const char* text,
                             size_t length) {
  return guard([&] {
    auto& r = need(report, "report")->report;
    take(r.set_text(row_of(r, address), text_in(text, length, "text")));
    return CCHC_OK;
  });
}

int32_t cchc_report_value_kind(int32_t* kind, int32_t* blank, const cchc_report* report,
                               const char* address) {
  return guard([&] {
    need(kind, "kind");
    need(blank, "blank");
    const auto& r = need(report, "report")->report;
    const cchc::RowId id = row_of(r, address);
    *kind = cchc::traits(r.catalog().row(id).kind).c_code;
    *blank = cchc::is_absent(r.value(id)) ? 1 : 0;
    return CCHC_OK;
  });
}

int32_t cchc_report_value_ok(int32_t* ok, const cchc_report* report, const char* address) {
  return guard([&] {
    need(ok, "ok");
    *ok = cchc::is_ok(value_of(report, address)) ? 1 : 0;
    return CCHC_OK;
  });
}

int32_t cchc_report_clear(cchc_report* report, const char* address, int32_t reason) {
  return guard([&] {
    if (reason != CCHC_BLANK_NOT_REPORTED && reason != CCHC_BLANK_NOT_APPLICABLE)
      return fail(errc::invalid_argument, "lý do để trống không hợp lệ",
                  "reason is not a CCHC_BLANK_* value");
    auto& r = need(report, "report")->report;
    r.clear(row_of(r, address), reason == CCHC_BLANK_NOT_APPLICABLE
                                    ? cchc::Absent::Reason::not_applicable
                                    : cchc::Absent::Reason::not_reported);
    return CCHC_OK;
  });
}

int32_t cchc_report_get_count(int64_t* out, const cchc_report* report, const char* address) {
  return guard([&] {
    need(out, "out");
    *out = typed<cchc::Count>(report, address, "count").get();
    return CCHC_OK;
  });
}

int32_t cchc_report_set_count(cchc_report* report, const char* address, int64_t n) {
  return guard([&] {
    set_value(report, address, cchc::Value{cchc::Count{n}});
    return CCHC_OK;
  });
}

int32_t cchc_report_get_percent(int64_t* units, int32_t* decimals, const cchc_report* report,
                                const char* address) {
  return guard([&] {
    need(units, "units");
    need(decimals, "decimals");
    const auto& p = typed<cchc::Percent>(report, address, "percent");
    *units = p.value().units;
    *decimals = p.value().scale;
    return CCHC_OK;
  });
}

int32_t cchc_report_set_percent(cchc_report* report, const char* address, int64_t units,
                                int32_t decimals) {
  return guard([&] {
    if (decimals < 0 || decimals > cchc::Decimal::max_scale)
      return fail(errc::out_of_range, "số chữ số thập phân phải từ 0 đến 9",
                  "decimals must be between 0 and 9");
    set_value(report, address, cchc::Value{cchc::Percent(cchc::Decimal{units, decimals})});
    return CCHC_OK;
  });
}

int32_t cchc_report_get_code(int64_t* out, const cchc_report* report, const char* address) {
  return guard([&] {
    need(out, "out");
    const cchc::Value& v = value_of(report, address);
    if (const auto* y = std::get_if<cchc::YesNo>(&v)) *out = y->code();
    else *out = typed<cchc::Code>(report, address, "code or yes_no").get();
    return CCHC_OK;
  });
}

int32_t cchc_report_set_code(cchc_report* report, const char* address, int64_t code) {
  return guard([&] {
    auto& r = need(report, "report")->report;
    const cchc::RowId id = row_of(r, address);
    const cchc::Kind kind = r.catalog().row(id).kind;
    if (kind != cchc::Kind::code && kind != cchc::Kind::yes_no)
      return fail(errc::kind_mismatch, "dòng không phải mã hoặc Có/Không",
                  "the row is not a code or yes/no row", r.catalog().row(id).address());
    // Through the text, so a yes/no answer of 2 is kept, invalid, as the checks expect.
    take(r.set_text(id, std::to_string(code)));
    return CCHC_OK;
  });
}

int32_t cchc_report_get_pair(int64_t* first, int64_t* second, const cchc_report* report,
                             const char* address) {
  return guard([&] {
    need(first, "first");
    need(second, "second");
    const auto& p = typed<cchc::Pair>(report, address, "pair");
    *first = p.first().get();
    *second = p.second().get();
    return CCHC_OK;
  });
}

int32_t cchc_report_set_pair(cchc_report* report, const char* address, int64_t first,
                             int64_t second) {
  return guard([&] {
    set_value(report, address, cchc::Value{cchc::Pair(cchc::Count{first}, cchc::Count{second})});
    return CCHC_OK;
  });
}

int32_t cchc_report_get_money(int64_t* dong, const cchc_report* report, const char* address) {
  return guard([&] {
    need(dong, "dong");
    *dong = typed<cchc::Money>(report, address, "money").dong();
    return CCHC_OK;
  });
}

int32_t cchc_report_set_money(cchc_report* report, const char* address, int64_t dong) {
  return guard([&] {
    set_value(report, address, cchc::Value{cchc::Money{dong}});
    return CCHC_OK;
  });
}

int32_t cchc_report_get_meta(char* buf, size_t size, size_t* length, const cchc_report* report,
                             const char* field) {
  return guard([&] {
    const std::string v = take(cchc::metadata_field(need(report, "report")->report.metadata(),
                                                    cstr_in(field, "field")));
    return text_out(buf, size, length, v);
  });
}

int32_t cchc_report_set_meta(cchc_report* report, const char* field, const char* value,
                             size_t length) {
  return guard([&] {
    auto& m = need(report, "report")->report.metadata();
    take(cchc::set_metadata_field(m, cstr_in(field, "field"), normalized(value, length)));
    return CCHC_OK;
  });
}

namespace {
int32_t imported(cchc_report** out, cchc_findings** findings, cchc::result<cchc::ImportedText> r,
                 const Options& o) {
  cchc::ImportedText t = take(std::move(r));
  auto evidence = std::make_shared<const cchc::Evidence>(std::move(static_cast<cchc::Evidence&>(t)));
  std::unique_ptr<cchc_findings> f;
  if (findings)
    f.reset(new cchc_findings{cchc::check_evidence(t.report, *evidence, {o.holidays, {}})});
  *out = new cchc_report{std::move(t.report), std::move(evidence)};
  if (findings) *findings = f.release();
  return CCHC_OK;
}
}  // namespace

int32_t cchc_report_import_text(cchc_report** out, cchc_findings** findings,
                                const cchc_catalog* catalog, const char* text, size_t length) {
  return guard([&] {
    const cchc_options o = with_catalog(catalog);
    return cchc_report_import_text_v2(out, findings, text, length, &o);
  });
}

int32_t cchc_report_import_text_v2(cchc_report** out, cchc_findings** findings, const char* text,
                                   size_t length, const cchc_options* options) {
  return guard(options, [&] {
    need(out, "out");
    const Options o = read_options(options);
    return imported(out, findings,
                    cchc::import_text(text_in(text, length, "text"), o.catalog, o.limits.text), o);
  });
}

int32_t cchc_report_import_file(cchc_report** out, cchc_findings** findings,
                                const cchc_catalog* catalog, const char* path) {
  return guard([&] {
    const cchc_options o = with_catalog(catalog);
    return cchc_report_import_file_v2(out, findings, path, &o);
  });
}

int32_t cchc_report_import_file_v2(cchc_report** out, cchc_findings** findings, const char* path,
                                   const cchc_options* options) {
  return guard(options, [&] {
    need(out, "out");
    const Options o = read_options(options);
    return imported(out, findings,
                    cchc::import_file(std::string(cstr_in(path, "path")), o.catalog, o.limits.text, o.ocr),
                    o);
  });
}

int32_t cchc_report_derive(cchc_report** out, size_t* count, const cchc_report* report) {
  return guard([&] {
    need(out, "out");
    need(count, "count");
    cchc::Derived d = cchc::derive(need(report, "report")->report);
    *count = d.derivations.size();
    return make(out, new cchc_report{std::move(d.report), report->evidence});
  });
}
