// SPDX-License-Identifier: MIT
// cchc/period.hpp: reporting periods and calendar dates.
//
// A CCHC report covers one period of a year: a quarter, the first six months, nine months or the
// whole year (Decree 09/2019/NĐ-CP and Bộ Nội vụ practice; see docs/domain.md).
//
//   cchc::Period p{2024, cchc::PeriodKind::q1};
//   cchc::label_vi(p)    // "Quý I năm 2024"
//   cchc::parse_iso_date("2024-03-12").value()
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "cchc/error.hpp"

namespace cchc {

/// A calendar date (proleptic Gregorian), from Boost.Date_Time.
using Date = boost::gregorian::date;

/// "2024-03-12" exactly; an impossible date (2024-02-30) is errc::out_of_range.
[[nodiscard]] result<Date> parse_iso_date(std::string_view text);
/// "2024-03-12".
[[nodiscard]] std::string format_iso_date(const Date& d);
/// "12/03/2024", as Vietnamese documents write dates.
[[nodiscard]] std::string format_vi_date(const Date& d);

/// Which part of the year a report covers. q2 and q4 are single quarters that some provinces ask
/// for; the national cycle is q1, six_months, q3, nine_months (provincial) and year.
enum class PeriodKind : std::uint8_t { q1, q2, q3, q4, six_months, nine_months, year };

/// Stable names used in JSON: "q1", "q2", "q3", "q4", "six_months", "nine_months", "year".
[[nodiscard]] std::string_view to_string(PeriodKind kind) noexcept;
[[nodiscard]] std::optional<PeriodKind> period_kind_from_string(std::string_view name) noexcept;

/// One reporting period: the year and the part of it.
struct Period {
  int year = 0;
  PeriodKind kind = PeriodKind::q1;
  friend auto operator<=>(const Period&, const Period&) = default;
};

/// "Quý I năm 2024", "6 tháng đầu năm 2024", "năm 2024".
[[nodiscard]] std::string label_vi(const Period& p);
/// "Q1 2024", "first six months of 2024", "year 2024".
[[nodiscard]] std::string label_en(const Period& p);

}  // namespace cchc
