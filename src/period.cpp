// SPDX-License-Identifier: MIT
#include "cchc/period.hpp"

#include <array>
#include <charconv>
#include <utility>

#include <fmt/format.h>

namespace cchc {
namespace {

struct KindInfo {
  PeriodKind kind;
  std::string_view name;
  std::string_view vi;
  std::string_view en;
};

constexpr std::array<KindInfo, 7> kinds{{
    {PeriodKind::q1, "q1", "Quý I", "Q1"},
    {PeriodKind::q2, "q2", "Quý II", "Q2"},
    {PeriodKind::q3, "q3", "Quý III", "Q3"},
    {PeriodKind::q4, "q4", "Quý IV", "Q4"},
    {PeriodKind::six_months, "six_months", "6 tháng đầu", "first six months of"},
    {PeriodKind::nine_months, "nine_months", "9 tháng đầu", "first nine months of"},
    {PeriodKind::year, "year", "", "year"},
}};

const KindInfo& info(PeriodKind k) {
  for (const auto& i : kinds)
    if (i.kind == k) return i;
  return kinds.back();
}

bool read_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

}  // namespace

result<Date> parse_iso_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !read_int(text.substr(0, 4), y) ||
      !read_int(text.substr(5, 2), m) || !read_int(text.substr(8, 2), d))
    return make_error(errc::parse_error,
                      fmt::format("\"{}\": ngày phải viết dạng YYYY-MM-DD", text),
                      fmt::format("\"{}\": a date is written YYYY-MM-DD", text));
  try {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
  } catch (const std::exception&) {
    return make_error(errc::out_of_range, fmt::format("\"{}\": ngày không tồn tại", text),
                      fmt::format("\"{}\": no such date", text));
  }
}

std::string format_iso_date(const Date& d) {
  const auto ymd = d.year_month_day();
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                     static_cast<int>(ymd.day));
}

std::string format_vi_date(const Date& d) {
  const auto ymd = d.year_month_day();
  return fmt::format("{:02}/{:02}/{:04}", static_cast<int>(ymd.day), static_cast<int>(ymd.month),
                     static_cast<int>(ymd.year));
}

std::string_view to_string(PeriodKind kind) noexcept { return info(kind).name; }

std::optional<PeriodKind> period_kind_from_string(std::string_view name) noexcept {
  for (const auto& i : kinds)
    if (i.name == name) return i.kind;
  return std::nullopt;
}

std::string label_vi(const Period& p) {
  const auto& i = info(p.kind);
  return i.vi.empty() ? fmt::format("năm {}", p.year) : fmt::format("{} năm {}", i.vi, p.year);
}

std::string label_en(const Period& p) { return fmt::format("{} {}", info(p.kind).en, p.year); }

}  // namespace cchc
