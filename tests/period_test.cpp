// SPDX-License-Identifier: MIT
#include "cchc/period.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace cchc {
namespace {

TEST(Dates, ParseAndFormat) {
  const Date d = parse_iso_date("2024-03-12").value();
  EXPECT_EQ(d, Date(2024, 3, 12));
  EXPECT_EQ(format_iso_date(d), "2024-03-12");
  EXPECT_EQ(format_vi_date(d), "12/03/2024");
  EXPECT_EQ(parse_iso_date("2024-02-29").value(), Date(2024, 2, 29));
}

TEST(Dates, ImpossibleDatesAreOutOfRange) {
  EXPECT_EQ(parse_iso_date("2023-02-29").error().code, errc::out_of_range);
  EXPECT_EQ(parse_iso_date("2024-13-01").error().code, errc::out_of_range);
  EXPECT_EQ(parse_iso_date("2024-04-31").error().code, errc::out_of_range);
}

TEST(Dates, MalformedDatesAreParseErrors) {
  for (auto text : {"", "12/3/2024", "2024-3-12", "2024-03-12T00", "20x4-03-12", "2024-03-1 "}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(parse_iso_date(text).error().code, errc::parse_error);
  }
}

TEST(Period, LabelsInBothLanguages) {
  EXPECT_EQ(label_vi({2024, PeriodKind::q1}), "Quý I năm 2024");
  EXPECT_EQ(label_vi({2024, PeriodKind::six_months}), "6 tháng đầu năm 2024");
  EXPECT_EQ(label_vi({2023, PeriodKind::q4}), "Quý IV năm 2023");
  EXPECT_EQ(label_vi({2024, PeriodKind::year}), "năm 2024");
  EXPECT_EQ(label_en({2024, PeriodKind::q1}), "Q1 2024");
  EXPECT_EQ(label_en({2024, PeriodKind::nine_months}), "first nine months of 2024");
}

TEST(Period, KindNamesRoundTripAndOrder) {
  for (auto k : {PeriodKind::q1, PeriodKind::q2, PeriodKind::q3, PeriodKind::q4,
                 PeriodKind::six_months, PeriodKind::nine_months, PeriodKind::year})
    EXPECT_EQ(period_kind_from_string(to_string(k)), k);
  EXPECT_FALSE(period_kind_from_string("Q1").has_value());
  EXPECT_LT((Period{2023, PeriodKind::year}), (Period{2024, PeriodKind::q1}));
}

}  // namespace
}  // namespace cchc

namespace cchc {
namespace {

TEST(Period, ReadsNamesAsReportsWriteThem) {
  EXPECT_EQ(parse_period_vi("Kết quả thực hiện công tác cải cách hành chính Quý I năm 2024"),
            (Period{2024, PeriodKind::q1}));
  EXPECT_EQ(parse_period_vi("TRỌNG TÂM QUÝ IV NĂM 2023"), (Period{2023, PeriodKind::q4}));
  EXPECT_EQ(parse_period_vi("quý III  năm\n2024"), (Period{2024, PeriodKind::q3}));
  EXPECT_EQ(parse_period_vi("Quý II/2024"), (Period{2024, PeriodKind::q2}));
  EXPECT_EQ(parse_period_vi("6 tháng đầu năm 2024"), (Period{2024, PeriodKind::six_months}));
  // The last six months is no period of the cycle: not the year its words end with.
  EXPECT_EQ(parse_period_vi("BÁO CÁO KẾT QUẢ CCHC 6 THÁNG CUỐI NĂM 2024"), std::nullopt);
  EXPECT_EQ(parse_period_vi("nhiệm vụ 6 tháng cuối năm 2024"), std::nullopt);
  EXPECT_EQ(parse_period_vi("9 tháng năm 2025"), (Period{2025, PeriodKind::nine_months}));
  EXPECT_EQ(parse_period_vi("Báo cáo năm 2024"), (Period{2024, PeriodKind::year}));
  EXPECT_FALSE(parse_period_vi("Quý I").has_value());
  EXPECT_FALSE(parse_period_vi("năm 20245").has_value());
  // Found by fuzz_citations: "Quý I năm 1012" was a period whose data window starts in 1011,
  // before the calendar's range, and computing it threw from deep inside Boost.Date_Time.
  EXPECT_FALSE(parse_period_vi("Quý I năm 1012").has_value());
  EXPECT_FALSE(parse_period_vi("năm 9999").has_value());
  EXPECT_EQ(parse_period_vi("năm 1012, Quý I năm 2024"), (Period{2024, PeriodKind::q1}));
  EXPECT_TRUE(parse_period_vi("năm 1945").has_value());
  EXPECT_EQ(next_period(*parse_period_vi("năm 9998")).year, 9999);
  (void)data_window(next_period(*parse_period_vi("Quý IV năm 9998")));
}

TEST(Period, DataWindowsRunFromThe15thToThe14th) {
  EXPECT_EQ(data_window({2024, PeriodKind::q1}), (DateRange{Date(2023, 12, 15), Date(2024, 3, 14)}));
  EXPECT_EQ(data_window({2024, PeriodKind::six_months}),
            (DateRange{Date(2023, 12, 15), Date(2024, 6, 14)}));
  EXPECT_EQ(data_window({2024, PeriodKind::q3}), (DateRange{Date(2024, 6, 15), Date(2024, 9, 14)}));
  EXPECT_EQ(data_window({2024, PeriodKind::nine_months}),
            (DateRange{Date(2023, 12, 15), Date(2024, 9, 14)}));
  EXPECT_EQ(data_window({2024, PeriodKind::year}), (DateRange{Date(2023, 12, 15), Date(2024, 12, 14)}));
  EXPECT_EQ(data_window({2024, PeriodKind::q2}), (DateRange{Date(2024, 3, 15), Date(2024, 6, 14)}));
  EXPECT_EQ(data_window({2024, PeriodKind::q4}), (DateRange{Date(2024, 9, 15), Date(2024, 12, 14)}));
}

TEST(Period, TheNextPeriod) {
  EXPECT_EQ(next_period({2024, PeriodKind::q1}), (Period{2024, PeriodKind::six_months}));
  EXPECT_EQ(next_period({2024, PeriodKind::six_months}), (Period{2024, PeriodKind::q3}));
  EXPECT_EQ(next_period({2024, PeriodKind::q3}), (Period{2024, PeriodKind::year}));
  EXPECT_EQ(next_period({2024, PeriodKind::year}), (Period{2025, PeriodKind::q1}));
  EXPECT_EQ(next_period({2024, PeriodKind::q4}), (Period{2025, PeriodKind::q1}));
  EXPECT_EQ(plannable_periods({2024, PeriodKind::q1}),
            (std::vector<Period>{{2024, PeriodKind::six_months}, {2024, PeriodKind::q2}}));
  EXPECT_EQ(plannable_periods({2024, PeriodKind::year}), (std::vector<Period>{{2025, PeriodKind::q1}}));
}

TEST(Period, WorkingDaysSkipWeekendsAndHolidays) {
  // 14/3/2024 is a Thursday: the next working day is Friday 15/3.
  EXPECT_EQ(earliest_report_date({2024, PeriodKind::q1}), Date(2024, 3, 15));
  // 14/6/2024 is a Friday: Monday 17/6.
  EXPECT_EQ(earliest_report_date({2024, PeriodKind::six_months}), Date(2024, 6, 17));
  EXPECT_FALSE(is_working_day(Date(2024, 3, 16)));  // Saturday
  const Holidays tet{{Date(2024, 2, 8), Date(2024, 2, 9), Date(2024, 2, 12), Date(2024, 2, 13),
                      Date(2024, 2, 14)}};
  EXPECT_EQ(add_working_days(Date(2024, 2, 7), 1, tet), Date(2024, 2, 15));
  EXPECT_EQ(add_working_days(Date(2024, 2, 7), 3, tet), Date(2024, 2, 19));
  EXPECT_EQ(add_working_days(Date(2024, 2, 7), 1), Date(2024, 2, 8));
}

TEST(Period, HolidaysAreReadFromAListOfIsoDates) {
  const auto days = parse_holidays(" 2024-04-30,2024-05-01;\n2024-04-18\t2024-09-02 ").value();
  EXPECT_EQ(days.days, (std::vector<Date>{Date(2024, 4, 30), Date(2024, 5, 1), Date(2024, 4, 18),
                                          Date(2024, 9, 2)}));
  EXPECT_TRUE(parse_holidays("").value().days.empty());
  EXPECT_TRUE(parse_holidays(" ,; ").value().days.empty());
  const auto bad = parse_holidays("2024-04-30, 30/4/2024");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, errc::parse_error);
  EXPECT_NE(bad.error().message_en.find("30/4/2024"), std::string::npos);
  EXPECT_EQ(parse_holidays("2023-02-29").error().code, errc::out_of_range);
  // 30/4 falls on a Tuesday in 2024: a report due then moves to Thursday 2/5.
  EXPECT_EQ(add_working_days(Date(2024, 4, 29), 1, parse_holidays("2024-04-30 2024-05-01").value()),
            Date(2024, 5, 2));
}

}  // namespace
}  // namespace cchc
