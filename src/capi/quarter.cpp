// SPDX-License-Identifier: MIT
// The province's quarter: cchc_consolidate, cchc_history, cchc_archive.
#include "capi/glue.hpp"
#include "util/strings.hpp"

using namespace cchc::capi;

namespace {

// A field of cchc_consolidate_options, or "" when NULL.
std::string optional_text(const char* p, std::string_view what) {
  return p == nullptr ? std::string() : std::string(cstr_in(p, what));
}

std::vector<const cchc::Report*> report_list(const cchc_report* const* reports, size_t count) {
  if (count > 0) need(reports, "reports");
  std::vector<const cchc::Report*> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i)
    out.push_back(&need(reports[i], fmt::format("reports[{}]", i))->report);
  return out;
}

cchc::ConsolidateOptions read_consolidate_options(const cchc_consolidate_options* options) {
  cchc::ConsolidateOptions out;
  if (options == nullptr) return out;
  check_struct_version(options->version, CCHC_CONSOLIDATE_OPTIONS_VERSION,
                       "cchc_consolidate_options");
  // The metadata setters check each field as cchc_report_set_meta does.
  cchc::Metadata m;
  m.agency = out.agency;
  const std::pair<const char*, const char*> fields[] = {
      {"agency.name", options->agency_name},   {"agency.code", options->agency_code},
      {"agency.level", options->agency_level}, {"province", options->province},
      {"period", options->period}};
  for (const auto& [field, value] : fields)
    if (value != nullptr)
      take(cchc::set_metadata_field(m, field, optional_text(value, fmt::format("options.{}", field))));
  out.agency = m.agency;
  out.province = m.province;
  out.period = m.period;
  if (options->expected != nullptr)
    out.expected = cchc::detail::split_items(cstr_in(options->expected, "options.expected"));
  return out;
}

}  // namespace

int32_t cchc_consolidate(cchc_report** out, cchc_findings** findings,
                         const cchc_report* const* reports, size_t count,
                         const cchc_consolidate_options* options) {
  return guard([&] {
    need(out, "out");
    const auto list = report_list(reports, count);
    const auto o = read_consolidate_options(options);
    cchc::Consolidation c = take(cchc::consolidate(list, o));
    std::unique_ptr<cchc_findings> f;
    if (findings) f.reset(new cchc_findings{std::move(c.findings)});
    *out = new cchc_report{std::move(c.report), nullptr};
    if (findings) *findings = f.release();
    return CCHC_OK;
  });
}

int32_t cchc_history_new(cchc_history** out) {
  return guard([&] { return make(need(out, "out"), new cchc_history{}); });
}

void cchc_history_free(cchc_history* history) { delete history; }

int32_t cchc_history_add(cchc_history* history, const cchc_report* report) {
  return guard([&] {
    need(history, "history")->history.add(need(report, "report")->report);
    return CCHC_OK;
  });
}

int32_t cchc_history_size(size_t* out, const cchc_history* history) {
  return guard([&] {
    *need(out, "out") = need(history, "history")->history.reports().size();
    return CCHC_OK;
  });
}

int32_t cchc_archive_open(cchc_archive** out, const char* path) {
  return guard([&] {
    need(out, "out");
    const std::string_view p = cstr_in(path, "path");
    return make(out, new cchc_archive{take(cchc::Archive::open(std::filesystem::path(
                         std::u8string(p.begin(), p.end()))))});
  });
}

void cchc_archive_free(cchc_archive* archive) { delete archive; }

int32_t cchc_archive_add(cchc_archive* archive, const cchc_report* const* reports, size_t count,
                         cchc_archive_added* out) {
  return guard([&] {
    if (out != nullptr)
      check_struct_version(out->version, CCHC_ARCHIVE_ADDED_VERSION, "cchc_archive_added");
    auto& db = need(archive, "archive")->archive;
    const cchc::ArchiveAdd added = take(db.add(report_list(reports, count), "C API"));
    if (out != nullptr) {
      out->added = added.added;
      out->replaced = added.replaced;
      out->unchanged = added.unchanged;
      out->refused = added.refused.size();
    }
    return CCHC_OK;
  });
}

int32_t cchc_archive_count(size_t* current, size_t* versions, const cchc_archive* archive) {
  return guard([&] {
    const auto& db = need(archive, "archive")->archive;
    const auto counts = take(db.counts());
    if (current) *current = counts.current;
    if (versions) *versions = counts.versions;
    return CCHC_OK;
  });
}

int32_t cchc_archive_export(char* buf, size_t size, size_t* length, const cchc_archive* archive,
                            const char* period, const char* agency) {
  return guard([&] {
    const auto& db = need(archive, "archive")->archive;
    cchc::ArchiveFilter filter;
    if (period != nullptr) {
      cchc::Metadata m;
      take(cchc::set_metadata_field(m, "period", std::string(cstr_in(period, "period"))));
      filter.period = m.period;
    }
    if (agency != nullptr) filter.agency = cstr_in(agency, "agency");
    return text_out(buf, size, length, take(db.export_jsonl(filter)));
  });
}

int32_t cchc_archive_history(cchc_history** out, const cchc_archive* archive,
                             const cchc_report* report, int32_t years) {
  return guard([&] {
    need(out, "out");
    if (years < 0)
      return fail(errc::invalid_argument, "số năm không được âm", "years cannot be negative");
    const auto& db = need(archive, "archive")->archive;
    auto history = take(db.history(need(report, "report")->report, years == 0 ? 3 : years));
    return make(out, new cchc_history{std::move(history)});
  });
}

int32_t cchc_archive_verify(const cchc_archive* archive) {
  return guard([&] {
    take(need(archive, "archive")->archive.verify());
    return CCHC_OK;
  });
}
