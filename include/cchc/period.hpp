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
#include <vector>

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
/// "12/3/2024", "12/03/2024": a date, or nullopt when malformed; an impossible date (31/02) is
/// reported through `valid` = false when given.
[[nodiscard]] std::optional<Date> parse_vi_date(std::string_view text, bool* valid = nullptr);

/// Which part of the year a report covers. q2 and q4 are single quarters that some provinces ask
/// for; the national cycle is q1, six_months, q3, nine_months (provincial) and year.
enum class PeriodKind : std::uint8_t { q1, q2, q3, q4, six_months, nine_months, year };

/// Stable names used in JSON: "q1", "q2", "q3", "q4", "six_months", "nine_months", "year".
[[nodiscard]] std::string_view to_string(PeriodKind kind) noexcept;
[[nodiscard]] std::optional<PeriodKind> period_kind_from_string(std::string_view name) noexcept;

/// One reporting period: the year and the part of it.
struct Period {
  /// Years cchc reads (JSON, report text, the C API): the next period and every data window stay
  /// within the calendar's range (1400-9999), which the date functions below require.
  static constexpr int min_year = 1945;
  static constexpr int max_year = 9998;

  int year = 0;
  PeriodKind kind = PeriodKind::q1;
  [[nodiscard]] constexpr bool valid() const noexcept {
    return year >= min_year && year <= max_year;
  }
  friend auto operator<=>(const Period&, const Period&) = default;
};

/// A period kind by its name ("q1", "six_months"); errc::parse_error naming the choices.
[[nodiscard]] result<PeriodKind> parse_period_kind(std::string_view name);
/// `year` when cchc reads periods of it (Period::min_year to max_year); errc::out_of_range.
[[nodiscard]] result<int> period_year(std::int64_t year);

/// "Quý I năm 2024", "6 tháng đầu năm 2024", "năm 2024".
[[nodiscard]] std::string label_vi(const Period& p);
/// "Q1 2024", "first six months of 2024", "year 2024".
[[nodiscard]] std::string label_en(const Period& p);

/// Reads a period as reports name it: "Quý I năm 2024", "QUÝ IV NĂM 2023", "Quý II/2024",
/// "6 tháng đầu năm 2024", "9 tháng năm 2024", "năm 2024". Case and spacing do not matter; a
/// year outside Period::min_year..max_year is not a period ("Quý I năm 1012").
[[nodiscard]] std::optional<Period> parse_period_vi(std::string_view text);

/// An inclusive range of days.
struct DateRange {
  Date first;
  Date last;
  friend bool operator==(const DateRange&, const DateRange&) = default;
};

/// The data a report counts: from the 15th to the 14th (Decree 09/2019/NĐ-CP and Bộ Nội vụ
/// practice). Q1: 15/12 of the year before – 14/3; six months: – 14/6; Q3: 15/6 – 14/9; nine
/// months: 15/12 of the year before – 14/9; year: – 14/12; the single quarters Q2: 15/3 – 14/6
/// and Q4: 15/9 – 14/12.
[[nodiscard]] DateRange data_window(const Period& p);

/// True when the data window of `wide` holds the whole window of `narrow`, and they differ: six
/// months holds Q1, the year holds Q3; six months and Q3 do not hold each other. A flow counted
/// over `wide` is then at least the same flow counted over `narrow` (docs/quarter.md).
[[nodiscard]] bool window_contains(const Period& wide, const Period& narrow);

/// The report that follows in the cycle Q1 → six months → Q3 → year → Q1 of the next year (Q2 →
/// Q3, nine months → year, Q4 → Q1 of the next year).
[[nodiscard]] Period next_period(const Period& p);

/// The periods a report's section IV ("tasks for the next period") may name: the next report of
/// the cycle, and the next single quarter (a Q1 report may plan "Quý II" or "6 tháng").
[[nodiscard]] std::vector<Period> plannable_periods(const Period& p);

/// Public holidays, as data: the days off that are not weekends.
struct Holidays {
  std::vector<Date> days;
  [[nodiscard]] bool contains(const Date& d) const;
};

/// Holidays from text: ISO dates (YYYY-MM-DD) separated by commas, semicolons or white space,
/// in any order ("2024-02-08, 2024-02-09"). An empty text is no holidays; a date that does not
/// parse is an error that quotes it.
[[nodiscard]] result<Holidays> parse_holidays(std::string_view text);

/// True for Monday to Friday that is not a holiday.
[[nodiscard]] bool is_working_day(const Date& d, const Holidays& holidays = {});

/// The `n`-th working day after `from` (n >= 1); weekends and holidays are skipped.
[[nodiscard]] Date add_working_days(const Date& from, int n, const Holidays& holidays = {});

/// The earliest day a report of `p` may be sent: one working day after its data cut-off.
[[nodiscard]] Date earliest_report_date(const Period& p, const Holidays& holidays = {});

}  // namespace cchc
