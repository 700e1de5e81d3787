// SPDX-License-Identifier: MIT
#include <array>

#include "cchc/output.hpp"
#include "out/writers.hpp"
#include "util/enum_names.hpp"

namespace cchc {
namespace {

constexpr detail::NameTable<OutputFormat, 2> format_names{{
    {OutputFormat::text, "text"},
    {OutputFormat::json, "json"},
}};
constexpr std::array<std::string_view, 2> names{format_names[0].second, format_names[1].second};

}  // namespace

std::string_view to_string(OutputFormat f) noexcept { return detail::name_of(format_names, f); }
std::optional<OutputFormat> output_format_from_string(std::string_view s) noexcept {
  return detail::value_of(format_names, s);
}
std::span<const std::string_view> output_formats() noexcept { return names; }

const Writer& writer(OutputFormat format) noexcept {
  return format == OutputFormat::json ? detail::json_writer() : detail::text_writer();
}

}  // namespace cchc
