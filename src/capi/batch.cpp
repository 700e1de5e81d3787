// SPDX-License-Identifier: MIT
// cchc_batch and cchc_batch_result: many reports as columns, checked at once.
#include <algorithm>

#include "capi/glue.hpp"
#include "cchc/batch_input.hpp"
#include "cchc/io.hpp"
#include "cchc/output.hpp"
#include "cchc/render.hpp"

using namespace cchc::capi;

struct cchc_batch {
  cchc::Batch batch;
  std::vector<cchc::error> skipped;  // lines the readers skipped, with file and line
  std::optional<cchc_limits> limits;  // cchc_batch_set_limits(); zero fields: process-wide
};

struct cchc_batch_result {
  cchc::BatchResult result;
  bool kept = false;
  std::vector<std::vector<cchc::Finding>> findings;  // per report, when kept
};

// The cell states of cchc.h are the CellState values.
static_assert(static_cast<int>(cchc::CellState::reported) == CCHC_CELL_REPORTED &&
              static_cast<int>(cchc::CellState::not_reported) == CCHC_CELL_NOT_REPORTED &&
              static_cast<int>(cchc::CellState::not_applicable) == CCHC_CELL_NOT_APPLICABLE &&
              static_cast<int>(cchc::CellState::invalid) == CCHC_CELL_INVALID);

namespace {

[[noreturn]] void out_of_range(std::string_view what, std::size_t got, std::size_t size) {
  throw cchc::exception(make_error(
      errc::invalid_argument, fmt::format("{} {} ngoài phạm vi (có {})", what, got, size),
      fmt::format("{} {} is out of range (there are {})", what, got, size)));
}

// Reports [first, first + count) of the batch, overflow-safe.
void need_reports(const cchc::Batch& b, std::size_t first, std::size_t count) {
  if (first > b.size() || count > b.size() - first) out_of_range("report", first + count, b.size());
}

const cchc::Row& row_at(const cchc::Batch& b, std::size_t row) {
  const auto& rows = b.catalog().rows();
  if (row >= rows.size()) out_of_range("row", row, rows.size());
  return rows[row];
}

const cchc::Row& row_named(const cchc::Batch& b, const char* address) {
  return b.catalog().row(take(b.catalog().lookup(cstr_in(address, "address"))));
}

void fill(cchc_batch_read_info* info, const cchc::ReadSummary& s) {
  if (info == nullptr) return;
  info->reports = s.reports;
  info->lines = s.lines;
  info->input_findings = s.input_findings;
  info->skipped = s.skipped.size();
}

void check_info(const cchc_batch_read_info* info) {
  if (info) check_struct_version(info->version, CCHC_BATCH_READ_INFO_VERSION, "cchc_batch_read_info");
}

// CSV or JSON Lines, told apart by the first character that is not a blank or a byte-order mark.
int32_t read_into(cchc_batch_read_info* info, cchc_batch* handle, std::string_view text,
                  std::string_view name) {
  std::string_view head = text;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const auto first = head.find_first_not_of(" \t\r\n");
  const bool jsonl = first != std::string_view::npos && head[first] == '{';
  const cchc::Limits limits = limits_over_current(handle->limits ? &*handle->limits : nullptr);
  auto read = jsonl ? cchc::read_jsonl(text, handle->batch, name, limits.json)
                    : cchc::read_csv(text, handle->batch, {}, name);
  const cchc::ReadSummary summary = take(std::move(read));
  handle->skipped.insert(handle->skipped.end(), summary.skipped.begin(), summary.skipped.end());
  fill(info, summary);
  return CCHC_OK;
}

}  // namespace

int32_t cchc_batch_new(cchc_batch** out, const cchc_catalog* catalog) {
  return guard([&] {
    need(out, "out");
    return make(out, new cchc_batch{cchc::Batch(need(catalog, "catalog")->catalog), {}, {}});
  });
}

void cchc_batch_free(cchc_batch* batch) { delete batch; }

int32_t cchc_batch_size(size_t* out, const cchc_batch* batch) {
  return guard([&] {
    *need(out, "out") = need(batch, "batch")->batch.size();
    return CCHC_OK;
  });
}

int32_t cchc_batch_add_blank(size_t* first, cchc_batch* batch, size_t count) {
  return guard([&] {
    auto& b = need(batch, "batch")->batch;
    const std::size_t at = b.size();
    for (std::size_t i = 0; i < count; ++i) (void)b.add_blank();
    if (first) *first = at;
    return CCHC_OK;
  });
}

int32_t cchc_batch_clear(cchc_batch* batch) {
  return guard([&] {
    auto* h = need(batch, "batch");
    h->batch.clear();
    h->skipped.clear();
    return CCHC_OK;
  });
}

int32_t cchc_batch_add_report(size_t* index, cchc_batch* batch, const cchc_report* report) {
  return guard([&] {
    auto& b = need(batch, "batch")->batch;
    const std::size_t i = take(b.add(need(report, "report")->report));
    if (index) *index = i;
    return CCHC_OK;
  });
}

int32_t cchc_batch_set_column(cchc_batch* batch, size_t row, size_t first, size_t count,
                              const int64_t* values, const int64_t* seconds,
                              const uint8_t* states, int32_t decimals) {
  return guard([&] {
    auto& b = need(batch, "batch")->batch;
    const cchc::Row& r = row_at(b, row);
    need_reports(b, first, count);
    if (r.kind == cchc::Kind::heading)
      return fail(errc::kind_mismatch, fmt::format("{} là dòng tiêu đề", r.address()),
                  fmt::format("{} is a heading row and holds no value", r.address()),
                  r.address());
    if (count == 0) return CCHC_OK;
    need(values, "values");
    const bool pair = r.kind == cchc::Kind::pair;
    if (pair && seconds == nullptr) invalid("seconds");
    if (!pair && seconds != nullptr)
      return fail(errc::invalid_argument, "chỉ dòng cặp số có phần thứ hai",
                  "seconds is for pair rows only; pass NULL", r.address());
    const int max_decimals = r.kind == cchc::Kind::percent ? cchc::Decimal::max_scale : 0;
    if (decimals < 0 || decimals > max_decimals)
      return fail(errc::invalid_argument, fmt::format("số chữ số thập phân {} không hợp lệ", decimals),
                  fmt::format("decimals {} is not valid for this row (0 .. {})", decimals,
                              max_decimals),
                  r.address());
    if (states)
      for (std::size_t i = 0; i < count; ++i)
        if (states[i] > CCHC_CELL_NOT_APPLICABLE)
          return fail(errc::invalid_argument,
                      fmt::format("trạng thái ô {} không hợp lệ (phần tử {})", states[i], i),
                      fmt::format("cell state {} is not valid (element {}): reported, not "
                                  "reported or not applicable",
                                  states[i], i),
                      r.address());
    for (std::size_t i = 0; i < count; ++i) {
      cchc::Cell c;
      c.state = states ? static_cast<cchc::CellState>(states[i]) : cchc::CellState::reported;
      if (c.reported()) {
        c.number = values[i];
        c.second = pair ? seconds[i] : 0;
        c.scale = static_cast<std::uint8_t>(decimals);
      }
      take(b.set(first + i, r.id, c));
    }
    return CCHC_OK;
  });
}

int32_t cchc_batch_get_column(int64_t* values, int64_t* seconds, uint8_t* decimals,
                              uint8_t* states, const cchc_batch* batch, size_t row, size_t first,
                              size_t count) {
  return guard([&] {
    const auto& b = need(batch, "batch")->batch;
    const cchc::Row& r = row_at(b, row);
    need_reports(b, first, count);
    for (std::size_t i = 0; i < count; ++i) {
      const cchc::Cell c = b.cell(first + i, r.id);
      const bool reported = c.reported();
      if (values) values[i] = reported ? c.number : 0;
      if (seconds) seconds[i] = reported ? c.second : 0;
      if (decimals) decimals[i] = reported ? c.scale : 0;
      if (states) states[i] = static_cast<uint8_t>(c.state);
    }
    return CCHC_OK;
  });
}

int32_t cchc_batch_set_text(cchc_batch* batch, size_t report, const char* address,
                            const char* text, size_t length) {
  return guard([&] {
    auto& b = need(batch, "batch")->batch;
    need_reports(b, report, 1);
    const cchc::Row& r = row_named(b, address);
    // As a Report reads it, so both keep the same cell and the same text as written.
    auto v = cchc::parse_value(text_in(text, length, "text"), r.kind, r.codes);
    if (!v) throw cchc::exception(std::move(v.error()).within(r.address()));
    take(b.set(report, r.id, cchc::to_cell(*v), cchc::written_text(*v, r.kind)));
    return CCHC_OK;
  });
}

int32_t cchc_batch_get_text(char* buf, size_t size, size_t* length, const cchc_batch* batch,
                            size_t report, const char* address) {
  return guard([&] {
    const auto& b = need(batch, "batch")->batch;
    need_reports(b, report, 1);
    const cchc::Row& r = row_named(b, address);
    const std::string_view written = b.written(report, r.id);
    if (!written.empty()) return text_out(buf, size, length, written);
    return text_out(buf, size, length, cchc::canonical_text(b.cell(report, r.id), r.kind));
  });
}

int32_t cchc_batch_set_meta(cchc_batch* batch, size_t report, const char* field,
                            const char* value, size_t length) {
  return guard([&] {
    auto& b = need(batch, "batch")->batch;
    need_reports(b, report, 1);
    take(b.set_metadata_field(report, cstr_in(field, "field"), normalized(value, length)));
    return CCHC_OK;
  });
}

int32_t cchc_batch_get_meta(char* buf, size_t size, size_t* length, const cchc_batch* batch,
                            size_t report, const char* field) {
  return guard([&] {
    const auto& b = need(batch, "batch")->batch;
    need_reports(b, report, 1);
    return text_out(buf, size, length, take(b.metadata_field(report, cstr_in(field, "field"))));
  });
}

int32_t cchc_batch_set_limits(cchc_batch* batch, const cchc_limits* limits) {
  return guard([&] {
    auto* h = need(batch, "batch");
    keep_limits(h->limits, limits);
    return CCHC_OK;
  });
}

int32_t cchc_batch_report(cchc_report** out, const cchc_batch* batch, size_t index) {
  return guard([&] {
    need(out, "out");
    const auto& b = need(batch, "batch")->batch;
    need_reports(b, index, 1);
    return make(out, new cchc_report{b.report(index), nullptr});
  });
}

int32_t cchc_batch_read_file(cchc_batch_read_info* info, cchc_batch* batch, const char* path) {
  return guard([&] {
    check_info(info);
    need(batch, "batch");
    const std::string name(cstr_in(path, "path"));
    const std::string text = take(cchc::read_file(name));
    return read_into(info, batch, text, name);
  });
}

int32_t cchc_batch_read_text(cchc_batch_read_info* info, cchc_batch* batch, const char* text,
                             size_t length, const char* name) {
  return guard([&] {
    check_info(info);
    need(batch, "batch");
    const std::string source = name ? std::string(cstr_in(name, "name")) : std::string();
    return read_into(info, batch, text_in(text, length, "text"), source);
  });
}

int32_t cchc_batch_add_arrow(cchc_batch_read_info* info, cchc_batch* batch,
                             struct ArrowArray* array, struct ArrowSchema* schema) {
  // A consumer of the C Data Interface releases what it was given, whatever happens.
  struct Release {
    ArrowArray* a;
    ArrowSchema* s;
    ~Release() {
      if (a && a->release) a->release(a);
      if (s && s->release) s->release(s);
    }
  } release{array, schema};
  return guard([&] {
    check_info(info);
    auto* handle = need(batch, "batch");
    need(array, "array");
    need(schema, "schema");
    const cchc::ReadSummary summary = take(cchc::read_arrow(*schema, *array, handle->batch));
    handle->skipped.insert(handle->skipped.end(), summary.skipped.begin(), summary.skipped.end());
    fill(info, summary);
    return CCHC_OK;
  });
}

int32_t cchc_batch_skipped_count(size_t* out, const cchc_batch* batch) {
  return guard([&] {
    *need(out, "out") = need(batch, "batch")->skipped.size();
    return CCHC_OK;
  });
}

int32_t cchc_batch_skipped(char* buf, size_t size, size_t* length, const cchc_batch* batch,
                           size_t index) {
  return guard([&] {
    const auto& skipped = need(batch, "batch")->skipped;
    if (index >= skipped.size()) out_of_range("skipped line", index, skipped.size());
    return text_out(buf, size, length, skipped[index].describe());
  });
}

int32_t cchc_batch_check(cchc_batch_result** out, const cchc_ruleset* rules,
                         const cchc_batch* batch, const cchc_batch_check_options* options) {
  return guard([&] {
    need(out, "out");
    const auto& set = need(rules, "rules")->rules;
    const auto& b = need(batch, "batch")->batch;
    cchc_batch_check_options o = CCHC_BATCH_CHECK_OPTIONS_INIT;
    if (options) {
      check_struct_version(options->version, CCHC_BATCH_CHECK_OPTIONS_VERSION,
                           "cchc_batch_check_options");
      o = *options;
    }
    auto result = std::make_unique<cchc_batch_result>();
    result->kept = o.keep_findings != 0;
    if (result->kept) result->findings.resize(b.size());
    cchc::BatchCheckOptions opts;
    opts.threads = o.threads;
    if (result->kept || o.on_findings) {
      opts.on_findings = [&, fn = o.on_findings, user = o.user_data](
                             std::size_t report, std::span<const cchc::Finding> found) {
        if (fn) {
          const cchc_findings borrowed{{found.begin(), found.end()}};
          fn(user, report, &borrowed);
        }
        // Each report is checked by one thread: its slot is written by that thread alone.
        if (result->kept) result->findings[report].assign(found.begin(), found.end());
      };
    }
    result->result = take(cchc::check_batch(b, set, opts));
    return make(out, result.release());
  });
}

void cchc_batch_result_free(cchc_batch_result* result) { delete result; }

int32_t cchc_batch_result_rule_count(size_t* out, const cchc_batch_result* result) {
  return guard([&] {
    *need(out, "out") = need(result, "result")->result.rules.size();
    return CCHC_OK;
  });
}

int32_t cchc_batch_result_rule(cchc_rule_summary* out, const cchc_batch_result* result,
                               size_t index) {
  return guard([&] {
    need(out, "out");
    check_struct_version(out->version, CCHC_RULE_SUMMARY_VERSION, "cchc_rule_summary");
    const auto& rules = need(result, "result")->result.rules;
    if (index >= rules.size()) out_of_range("rule", index, rules.size());
    const cchc::RuleSummary& s = rules[index];
    out->rule_id = s.rule_id.c_str();
    out->severity = static_cast<int32_t>(s.severity);
    out->evaluated = s.evaluated;
    out->passed = s.passed;
    out->failed = s.failed;
    out->skipped = s.skipped;
    return CCHC_OK;
  });
}

int32_t cchc_batch_result_totals(size_t* reports, size_t* with_findings, size_t* with_errors,
                                 const cchc_batch_result* result) {
  return guard([&] {
    const auto& r = need(result, "result")->result;
    if (reports) *reports = r.reports.size();
    if (with_findings) *with_findings = r.failed_reports();
    if (with_errors)
      *with_errors = static_cast<size_t>(std::count_if(
          r.reports.begin(), r.reports.end(), [](const cchc::ReportStatus& s) { return s.errors > 0; }));
    return CCHC_OK;
  });
}

int32_t cchc_batch_result_statuses(uint32_t* errors, uint32_t* warnings, uint32_t* infos,
                                   const cchc_batch_result* result, size_t first, size_t count) {
  return guard([&] {
    const auto& r = need(result, "result")->result.reports;
    if (first > r.size() || count > r.size() - first) out_of_range("report", first + count, r.size());
    for (std::size_t i = 0; i < count; ++i) {
      const cchc::ReportStatus& s = r[first + i];
      if (errors) errors[i] = s.errors;
      if (warnings) warnings[i] = s.warnings;
      if (infos) infos[i] = s.infos;
    }
    return CCHC_OK;
  });
}

int32_t cchc_batch_result_findings(cchc_findings** out, const cchc_batch_result* result,
                                   size_t report) {
  return guard([&] {
    need(out, "out");
    const auto* r = need(result, "result");
    if (!r->kept)
      return fail(errc::invalid_argument, "lần kiểm tra không giữ phát hiện",
                  "the check did not keep findings: set keep_findings = 1");
    if (report >= r->findings.size()) out_of_range("report", report, r->findings.size());
    return make(out, new cchc_findings{r->findings[report]});
  });
}

int32_t cchc_batch_result_to_json(char* buf, size_t size, size_t* length,
                                  const cchc_batch_result* result) {
  return guard([&] {
    return text_out(buf, size, length, cchc::batch_summary_to_json(need(result, "result")->result));
  });
}

int32_t cchc_batch_result_render(char* buf, size_t size, size_t* length, const cchc_batch_result* result,
                                 const cchc_ruleset* rules, const cchc_render_options* options) {
  return guard([&] {
    const auto* r = need(result, "result");
    const cchc_render_options o = render_options_in(options);
    if (o.format == CCHC_RENDER_JSON)
      return fail(errc::invalid_argument, "bản tổng hợp dạng JSON: dùng cchc_batch_result_to_json",
                  "a summary as JSON: use cchc_batch_result_to_json");
    const cchc::TableDocument doc =
        cchc::summary_table_model(r->result, rules ? &rules->rules : nullptr,
                                  o.lang == CCHC_LANG_EN ? cchc::Language::en : cchc::Language::vi);
    return text_out(buf, size, length, take(cchc::render(doc, static_cast<cchc::RenderFormat>(o.format))));
  });
}
