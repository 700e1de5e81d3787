// SPDX-License-Identifier: MIT
// The document formats by name, and render(): the model, then its writer.
#include <array>

#include "cchc/json.hpp"
#include "cchc/render.hpp"
#include "util/enum_names.hpp"

namespace cchc {
namespace {

constexpr detail::NameTable<RenderFormat, 6> format_names{{
    {RenderFormat::html, "html"},
    {RenderFormat::markdown, "md"},
    {RenderFormat::csv, "csv"},
    {RenderFormat::json, "json"},
    {RenderFormat::xlsx, "xlsx"},
    {RenderFormat::docx, "docx"},
}};
constexpr std::array<std::string_view, 6> names{format_names[0].second, format_names[1].second,
                                                format_names[2].second, format_names[3].second,
                                                format_names[4].second, format_names[5].second};

}  // namespace

std::string_view to_string(RenderFormat f) noexcept { return detail::name_of(format_names, f); }
std::optional<RenderFormat> render_format_from_string(std::string_view s) noexcept {
  if (s == "markdown") return RenderFormat::markdown;
  return detail::value_of(format_names, s);
}
std::span<const std::string_view> render_formats() noexcept { return names; }

result<std::string> render(const TableDocument& doc, RenderFormat format) {
  switch (format) {
    case RenderFormat::html: return render_html(doc);
    case RenderFormat::markdown: return render_markdown(doc);
    case RenderFormat::csv: return render_csv(doc);
    case RenderFormat::xlsx: return render_xlsx(doc);
    case RenderFormat::docx: return render_docx(doc);
    case RenderFormat::json: break;
  }
  return make_error(errc::invalid_argument, "JSON viết báo cáo, không viết bảng",
                    "json writes reports (cchc.report/1), not table models", "format");
}

result<std::string> render(const Report& report, RenderFormat format, const RenderOptions& o) {
  if (format == RenderFormat::json) return report_to_json(report);
  auto doc = table_model(report, o);
  if (!doc) return doc.error();
  return render(*doc, format);
}

}  // namespace cchc
