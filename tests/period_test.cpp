// SPDX-License-Identifier: MIT
#include "cchc/period.hpp"

#include <gtest/gtest.h>

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
