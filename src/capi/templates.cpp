// SPDX-License-Identifier: MIT
// Templates as data: cchc_registry, cchc_template, cchc_report_migrate, cchc_report_score_json.
#include "capi/glue.hpp"

using namespace cchc::capi;

namespace {

std::string iso_or_empty(const std::optional<cchc::Date>& d) {
  return d ? cchc::format_iso_date(*d) : std::string();
}

const cchc_template* wrapper_of(const cchc_registry* registry, const cchc::Template& t) {
  for (const auto& w : registry->templates)
    if (w->info->id == t.id() && w->info->version == t.version()) return w.get();
  return nullptr;
}

// The template read whole (once): its errors name file, line and field.
std::shared_ptr<const cchc::Template> loaded(const cchc_template* tmpl) {
  need(tmpl, "template");
  return take(tmpl->registry->registry.load(*tmpl->info));
}

}  // namespace

int32_t cchc_registry_open(cchc_registry** out, const char* const* dirs, size_t count) {
  return guard([&] {
    need(out, "out");
    if (count > 0) need(dirs, "dirs");
    std::vector<std::filesystem::path> paths;
    for (size_t i = 0; i < count; ++i)
      paths.emplace_back(std::string(cstr_in(dirs[i], fmt::format("dirs[{}]", i))));
    auto r = std::make_unique<cchc_registry>(cchc_registry{take(cchc::Registry::standard(paths)), {}});
    for (const auto& t : r->registry.templates())
      r->templates.push_back(std::make_unique<cchc_template>(
          cchc_template{r.get(), &t, iso_or_empty(t.effective_from), iso_or_empty(t.effective_until)}));
    *out = r.release();
    return CCHC_OK;
  });
}

void cchc_registry_free(cchc_registry* registry) { delete registry; }

int32_t cchc_registry_count(size_t* out, const cchc_registry* registry) {
  return guard([&] {
    *need(out, "out") = need(registry, "registry")->templates.size();
    return CCHC_OK;
  });
}

int32_t cchc_registry_at(const cchc_template** out, const cchc_registry* registry, size_t index) {
  return guard([&] {
    need(out, "out");
    if (index >= need(registry, "registry")->templates.size())
      return fail(cchc::errc::out_of_range, fmt::format("không có mẫu thứ {}", index),
                  fmt::format("no template at index {}", index));
    *out = registry->templates[index].get();
    return CCHC_OK;
  });
}

int32_t cchc_registry_lookup(const cchc_template** out, const cchc_registry* registry,
                             const char* id, const char* version) {
  return guard([&] {
    need(out, "out");
    const auto t = take(need(registry, "registry")
                            ->registry.lookup(cstr_in(id, "id"),
                                              version ? cstr_in(version, "version") : std::string_view()));
    *out = wrapper_of(registry, *t);
    return CCHC_OK;
  });
}

int32_t cchc_registry_for_report_json(const cchc_template** out, const cchc_registry* registry,
                                      const char* json, size_t length) {
  return guard([&] {
    need(out, "out");
    const auto t = take(need(registry, "registry")->registry.for_report_json(text_in(json, length, "json")));
    *out = wrapper_of(registry, *t);
    return CCHC_OK;
  });
}

int32_t cchc_template_get_info(cchc_template_info* out, const cchc_template* tmpl) {
  return guard([&] {
    need(out, "out");
    check_struct_version(out->version, CCHC_TEMPLATE_INFO_VERSION, "cchc_template_info");
    const cchc::TemplateInfo& t = *need(tmpl, "template")->info;
    out->id = t.id.c_str();
    out->template_version = t.version.c_str();
    out->name = t.name.c_str();
    out->level = t.level.c_str();
    out->effective_from = tmpl->from.c_str();
    out->effective_until = tmpl->until.c_str();
    out->origin = t.origin.c_str();
    out->derived = t.derived.c_str();
    out->mapping_from = t.mapping_from.c_str();
    out->rule_files = t.rule_files.size();
    out->has_scoring = t.scoring ? 1 : 0;
    return CCHC_OK;
  });
}

int32_t cchc_template_catalog(cchc_catalog** out, const cchc_template* tmpl) {
  return guard([&] {
    need(out, "out");
    return make(out, wrap(loaded(tmpl)->catalog()));
  });
}

int32_t cchc_template_ruleset(cchc_ruleset** out, const cchc_template* tmpl) {
  return guard([&] {
    need(out, "out");
    return make(out, new cchc_ruleset{loaded(tmpl)->rules(), std::nullopt});
  });
}

int32_t cchc_report_migrate(cchc_report** out, cchc_findings** findings, const cchc_report* report,
                            const cchc_registry* registry, const char* to_version) {
  return guard([&] {
    need(out, "out");
    cchc::Migration m = take(cchc::migrate(need(report, "report")->report,
                                           need(registry, "registry")->registry,
                                           cstr_in(to_version, "to_version")));
    std::unique_ptr<cchc_findings> f;
    if (findings) f.reset(new cchc_findings{std::move(m.findings)});
    *out = new cchc_report{std::move(m.report), nullptr};
    if (findings) *findings = f.release();
    return CCHC_OK;
  });
}

int32_t cchc_archive_history_registry(cchc_history** out, const cchc_archive* archive,
                                      const cchc_report* report, const cchc_registry* registry,
                                      int32_t years) {
  return guard([&] {
    need(out, "out");
    if (years < 0)
      return fail(errc::invalid_argument, "số năm không được âm", "years cannot be negative");
    auto history = take(need(archive, "archive")->archive.history(
        need(report, "report")->report, need(registry, "registry")->registry, years == 0 ? 3 : years));
    return make(out, new cchc_history{std::move(history)});
  });
}

int32_t cchc_report_score_json(char* buf, size_t size, size_t* length, const cchc_report* report,
                               const cchc_template* tmpl, const cchc_history* history) {
  return guard([&] {
    const auto t = loaded(tmpl);
    const cchc::Score s = take(cchc::score(need(report, "report")->report, *t,
                                           {history ? &history->history : nullptr}));
    return text_out(buf, size, length, cchc::score_to_json(s));
  });
}
