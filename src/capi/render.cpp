// SPDX-License-Identifier: MIT
// cchc_render: a report as HTML, Markdown, CSV or JSON (render.hpp).
#include "capi/glue.hpp"
#include "cchc/render.hpp"

using namespace cchc::capi;

// The C header's format numbers are the RenderFormat values.
static_assert(static_cast<int>(cchc::RenderFormat::html) == CCHC_RENDER_HTML &&
              static_cast<int>(cchc::RenderFormat::markdown) == CCHC_RENDER_MARKDOWN &&
              static_cast<int>(cchc::RenderFormat::csv) == CCHC_RENDER_CSV &&
              static_cast<int>(cchc::RenderFormat::json) == CCHC_RENDER_JSON &&
              static_cast<int>(cchc::RenderFormat::xlsx) == CCHC_RENDER_XLSX &&
              static_cast<int>(cchc::RenderFormat::docx) == CCHC_RENDER_DOCX);

namespace cchc::capi {

cchc_render_options render_options_in(const cchc_render_options* options) {
  cchc_render_options o = CCHC_RENDER_OPTIONS_INIT;
  if (options) {
    check_struct_version(options->version, CCHC_RENDER_OPTIONS_VERSION, "cchc_render_options");
    o = *options;
  }
  if (o.format < CCHC_RENDER_HTML || o.format > CCHC_RENDER_DOCX)
    throw cchc::exception(make_error(errc::invalid_argument,
                                     fmt::format("options.format = {} không hợp lệ", o.format),
                                     fmt::format("options.format = {} is not a CCHC_RENDER_* value", o.format)));
  if (o.lang != CCHC_LANG_VI && o.lang != CCHC_LANG_EN)
    throw cchc::exception(make_error(errc::invalid_argument,
                                     fmt::format("options.lang = {} không hợp lệ", o.lang),
                                     fmt::format("options.lang = {} is not CCHC_LANG_VI or CCHC_LANG_EN", o.lang)));
  return o;
}

}  // namespace cchc::capi

namespace {

std::string rendered(const cchc_report* report, const cchc_render_options* options) {
  const auto& r = need(report, "report")->report;
  const cchc_render_options o = render_options_in(options);
  cchc::RenderOptions ro;
  ro.lang = o.lang == CCHC_LANG_EN ? cchc::Language::en : cchc::Language::vi;
  ro.form = o.form;
  if (o.findings) ro.findings = o.findings->list;
  return take(cchc::render(r, static_cast<cchc::RenderFormat>(o.format), ro));
}

}  // namespace

// Definitions take their C linkage from the declarations in cchc.h.

int32_t cchc_render(char* buf, size_t size, size_t* length, const cchc_report* report,
                    const cchc_render_options* options) {
  return guard([&] { return text_out(buf, size, length, rendered(report, options)); });
}

int32_t cchc_render_file(const cchc_report* report, const char* path,
                         const cchc_render_options* options) {
  return guard([&] {
    const std::string name(cstr_in(path, "path"));
    take(cchc::write_file(name, rendered(report, options)));
    return CCHC_OK;
  });
}
