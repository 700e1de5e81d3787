// SPDX-License-Identifier: MIT
#include "cchc/period.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include <fmt/format.h>
#include <gsl/assert>

#include "cchc/unicode.hpp"

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

result<PeriodKind> parse_period_kind(std::string_view name) {
  if (auto k = period_kind_from_string(name)) return *k;
  return make_error(
      errc::parse_error, fmt::format("kỳ báo cáo \"{}\" không tồn tại", name),
      fmt::format("unknown period \"{}\" (q1, q2, q3, q4, six_months, nine_months, year)", name));
}

result<int> period_year(std::int64_t year) {
  if (year < Period::min_year || year > Period::max_year)
    return make_error(errc::out_of_range, fmt::format("năm {} không hợp lệ", year),
                      fmt::format("implausible year {}", year));
  return static_cast<int>(year);
}

std::string format_vi_date(const Date& d) {
  const auto ymd = d.year_month_day();
  return fmt::format("{:02}/{:02}/{:04}", static_cast<int>(ymd.day), static_cast<int>(ymd.month),
                     static_cast<int>(ymd.year));
}

std::optional<Date> parse_vi_date(std::string_view text, bool* valid) {
  // d/m/yyyy with one or two digits for the day and month, blanks around allowed.
  if (valid) *valid = false;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  int parts[3] = {0, 0, 0};
  const std::size_t max_digits[3] = {2, 2, 4}, min_digits[3] = {1, 1, 4};
  std::size_t i = 0;
  for (int k = 0; k < 3; ++k) {
    std::size_t n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && n < max_digits[k]) {
      parts[k] = parts[k] * 10 + (text[i++] - '0');
      ++n;
    }
    if (n < min_digits[k]) return std::nullopt;
    if (k < 2) {
      if (i >= text.size() || text[i] != '/') return std::nullopt;
      ++i;
    }
  }
  if (i != text.size()) return std::nullopt;
  const int d = parts[0], mo = parts[1], y = parts[2];
  try {
    Date date(static_cast<unsigned short>(y), static_cast<unsigned short>(mo),
              static_cast<unsigned short>(d));
    if (valid) *valid = true;
    return date;
  } catch (const std::exception&) {
    return std::nullopt;
  }
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

namespace {

// Upper case, one space between words: "Quý I  năm\n2024" → "QUÝ I NĂM 2024".
std::string fold(std::string_view text) { return collapse_spaces(to_upper(text)); }

std::optional<int> year_after(std::string_view s) {
  // "NĂM 2024", "/2024", " 2024"
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '/')) ++i;
  if (s.substr(i).starts_with("NĂM")) i += std::string_view("NĂM").size();
  while (i < s.size() && s[i] == ' ') ++i;
  if (i + 4 > s.size()) return std::nullopt;
  int y = 0;
  if (!read_int(s.substr(i, 4), y) || (i + 4 < s.size() && s[i + 4] >= '0' && s[i + 4] <= '9'))
    return std::nullopt;
  return y;
}

}  // namespace

std::optional<Period> parse_period_vi(std::string_view text) {
  const std::string t = fold(text);
  struct Form {
    std::string_view words;
    PeriodKind kind;
  };
  // Longest names first, so "QUÝ III" is not read as "QUÝ II" or "QUÝ I".
  static constexpr Form forms[] = {
      {"QUÝ III", PeriodKind::q3},         {"QUÝ IV", PeriodKind::q4},
      {"QUÝ II", PeriodKind::q2},          {"QUÝ I", PeriodKind::q1},
      {"QUÝ 3", PeriodKind::q3},           {"QUÝ 4", PeriodKind::q4},
      {"QUÝ 2", PeriodKind::q2},           {"QUÝ 1", PeriodKind::q1},
      {"6 THÁNG ĐẦU NĂM", PeriodKind::six_months}, {"6 THÁNG", PeriodKind::six_months},
      {"9 THÁNG ĐẦU NĂM", PeriodKind::nine_months}, {"9 THÁNG", PeriodKind::nine_months},
  };
  // The last six months of a year is no reporting period of the cycle (q1, six months, q3, nine
  // months, year): not read as the year its words end with.
  if (t.find("6 THÁNG CUỐI") != std::string::npos || t.find("SÁU THÁNG CUỐI") != std::string::npos)
    return std::nullopt;
  for (const auto& f : forms) {
    const auto at = t.find(f.words);
    if (at == std::string::npos) continue;
    const std::string_view rest = std::string_view(t).substr(at + f.words.size());
    if (auto y = year_after(rest); y && Period{*y, f.kind}.valid()) return Period{*y, f.kind};
  }
  const auto at = t.find("NĂM ");
  if (at != std::string::npos)
    if (auto y = year_after(std::string_view(t).substr(at)); y && Period{*y, PeriodKind::year}.valid())
      return Period{*y, PeriodKind::year};
  return std::nullopt;
}

DateRange data_window(const Period& p) {
  Expects(p.year > 1400 && p.year <= 9999);  // the calendar's range, the year before included
  const auto y = static_cast<unsigned short>(p.year);
  const auto prev = static_cast<unsigned short>(p.year - 1);
  switch (p.kind) {
    case PeriodKind::q1: return {Date(prev, 12, 15), Date(y, 3, 14)};
    case PeriodKind::q2: return {Date(y, 3, 15), Date(y, 6, 14)};
    case PeriodKind::q3: return {Date(y, 6, 15), Date(y, 9, 14)};
    case PeriodKind::q4: return {Date(y, 9, 15), Date(y, 12, 14)};
    case PeriodKind::six_months: return {Date(prev, 12, 15), Date(y, 6, 14)};
    case PeriodKind::nine_months: return {Date(prev, 12, 15), Date(y, 9, 14)};
    case PeriodKind::year: return {Date(prev, 12, 15), Date(y, 12, 14)};
  }
  return {Date(prev, 12, 15), Date(y, 12, 14)};
}

bool window_contains(const Period& wide, const Period& narrow) {
  if (wide == narrow) return false;
  const DateRange w = data_window(wide), n = data_window(narrow);
  return w.first <= n.first && n.last <= w.last;
}

Period next_period(const Period& p) {
  switch (p.kind) {
    case PeriodKind::q1: return {p.year, PeriodKind::six_months};
    case PeriodKind::q2: return {p.year, PeriodKind::q3};
    case PeriodKind::six_months: return {p.year, PeriodKind::q3};
    case PeriodKind::q3: return {p.year, PeriodKind::year};
    case PeriodKind::nine_months: return {p.year, PeriodKind::year};
    case PeriodKind::q4:
    case PeriodKind::year: return {p.year + 1, PeriodKind::q1};
  }
  return {p.year + 1, PeriodKind::q1};
}

std::vector<Period> plannable_periods(const Period& p) {
  std::vector<Period> out{next_period(p)};
  Period quarter = p;
  switch (p.kind) {
    case PeriodKind::q1: quarter = {p.year, PeriodKind::q2}; break;
    case PeriodKind::q2:
    case PeriodKind::six_months: quarter = {p.year, PeriodKind::q3}; break;
    case PeriodKind::q3:
    case PeriodKind::nine_months: quarter = {p.year, PeriodKind::q4}; break;
    case PeriodKind::q4:
    case PeriodKind::year: quarter = {p.year + 1, PeriodKind::q1}; break;
  }
  if (quarter != out.front()) out.push_back(quarter);
  return out;
}

bool Holidays::contains(const Date& d) const {
  for (const auto& h : days)
    if (h == d) return true;
  return false;
}

result<Holidays> parse_holidays(std::string_view text) {
  Holidays out;
  constexpr std::string_view separators = ",; \t\r\n";
  std::size_t pos = 0;
  while ((pos = text.find_first_not_of(separators, pos)) != std::string_view::npos) {
    const std::size_t end = std::min(text.find_first_of(separators, pos), text.size());
    auto day = parse_iso_date(text.substr(pos, end - pos));
    if (!day) return day.error();
    out.days.push_back(*day);
    pos = end;
  }
  return out;
}

bool is_working_day(const Date& d, const Holidays& holidays) {
  const auto wd = d.day_of_week().as_number();  // 0 = Sunday
  return wd != 0 && wd != 6 && !holidays.contains(d);
}

Date add_working_days(const Date& from, int n, const Holidays& holidays) {
  Date d = from;
  for (int left = n; left > 0;) {
    d += boost::gregorian::days(1);
    if (is_working_day(d, holidays)) --left;
  }
  return d;
}

Date earliest_report_date(const Period& p, const Holidays& holidays) {
  return add_working_days(data_window(p).last, 1, holidays);
}

}  // namespace cchc
