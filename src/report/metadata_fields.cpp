// SPDX-License-Identifier: MIT
// Metadata by field name (report.hpp): one schema for the C API and every caller that names
// fields as text.
#include <fmt/format.h>

#include "cchc/number.hpp"
#include "cchc/report.hpp"

namespace cchc {
namespace {

// Throws the error of a failed result; caught at the boundary below.
template <class T>
T take(result<T> r) {
  if (!r) throw exception(std::move(r.error()));
  return std::move(*r);
}

[[noreturn]] void unknown_field(std::string_view field) {
  throw exception(make_error(errc::not_found,
                                   fmt::format("trường \"{}\" không tồn tại", field),
                                   fmt::format("unknown field \"{}\"", field)));
}

// The plain text fields, for reading (const) and writing alike.
template <class M>
auto string_field(M& m, std::string_view f) -> decltype(&m.province) {
  if (f == "agency.name") return &m.agency.name;
  if (f == "agency.code") return &m.agency.code;
  if (f == "province") return &m.province;
  if (f == "document.number") return &m.document.number;
  if (f == "document.symbol") return &m.document.symbol;
  if (f == "document.place") return &m.document.place;
  if (f == "document.signer") return &m.document.signer;
  if (f == "document.signer_title") return &m.document.signer_title;
  return nullptr;
}

std::string get_field(const Metadata& m, std::string_view f) {
  if (const auto* s = string_field(m, f)) return *s;
  if (f == "agency.level") return std::string(to_string(m.agency.level));
  if (f == "period") return m.period ? fmt::format("{} {}", to_string(m.period->kind), m.period->year) : "";
  if (f == "period.year") return m.period ? std::to_string(m.period->year) : "";
  if (f == "period.kind") return m.period ? std::string(to_string(m.period->kind)) : "";
  if (f == "document.date") return m.document.date ? format_iso_date(*m.document.date) : "";
  if (f == "catalog.id") return m.catalog_id;
  if (f == "catalog.version") return m.catalog_version;
  unknown_field(f);
}

PeriodKind period_kind(std::string_view s) { return take(parse_period_kind(s)); }

int period_year(std::string_view s) {
  auto d = parse_decimal(s, NumberSyntax{false, false, false, false});
  if (!d || d->scale != 0)
    throw exception(make_error(errc::out_of_range, fmt::format("năm \"{}\" không hợp lệ", s),
                               fmt::format("implausible year \"{}\"", s)));
  return take(cchc::period_year(d->units));
}

void set_field(Metadata& m, std::string_view f, std::string value) {
  if (auto* s = string_field(m, f)) {
    *s = std::move(value);
  } else if (f == "agency.level") {
    auto l = agency_level_from_string(value);
    if (!l)
      throw exception(make_error(errc::parse_error, fmt::format("cấp \"{}\" không tồn tại", value),
                                       fmt::format("unknown level \"{}\" (department, district, "
                                                   "commune, province)",
                                                   value)));
    m.agency.level = *l;
  } else if (f == "period") {
    // "q1 2024"; "" clears the period.
    if (value.empty()) {
      m.period.reset();
      return;
    }
    const auto space = value.find(' ');
    if (space == std::string::npos)
      throw exception(make_error(errc::parse_error, "kỳ báo cáo viết dạng \"q1 2024\"",
                                       "a period is written \"q1 2024\""));
    m.period = Period{period_year(std::string_view(value).substr(space + 1)),
                            period_kind(std::string_view(value).substr(0, space))};
  } else if (f == "period.year" || f == "period.kind") {
    if (!m.period)
      throw exception(make_error(errc::invalid_argument, "hãy đặt trường \"period\" trước",
                                       "set \"period\" first (\"q1 2024\")"));
    if (f == "period.year") m.period->year = period_year(value);
    else m.period->kind = period_kind(value);
  } else if (f == "document.date") {
    if (value.empty()) m.document.date.reset();
    else m.document.date = take(parse_iso_date(value));
  } else if (f == "catalog.id" || f == "catalog.version") {
    throw exception(make_error(errc::invalid_argument, "trường chỉ đọc",
                                     "the field is read-only; it follows the catalogue"));
  } else {
    unknown_field(f);
  }
}

}  // namespace

std::span<const std::string_view> metadata_fields() noexcept {
  static constexpr std::string_view names[] = {
      "agency.name",     "agency.code",     "agency.level",   "province",
      "period",          "document.number", "document.symbol", "document.date",
      "document.place",  "document.signer", "document.signer_title"};
  return names;
}

result<std::string> metadata_field(const Metadata& m, std::string_view field) {
  try {
    return get_field(m, field);
  } catch (const exception& e) {
    return e.error();
  }
}

result<void> set_metadata_field(Metadata& m, std::string_view field, std::string value) {
  Metadata copy = m;  // all or nothing
  try {
    set_field(copy, field, std::move(value));
  } catch (const exception& e) {
    return e.error();
  }
  m = std::move(copy);
  return {};
}

}  // namespace cchc
