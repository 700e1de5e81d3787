// SPDX-License-Identifier: MIT
#include "cchc/value.hpp"

#include <gtest/gtest.h>

namespace cchc {
namespace {

TEST(Count, ParsesAndKeepsTheTextAsWritten) {
  auto c = Count::parse("02").value();
  EXPECT_EQ(c.get(), 2);
  EXPECT_EQ(c.text(), "02");
  EXPECT_TRUE(c.ok());
  EXPECT_EQ(c, Count{2});  // numeric equality; the text is layout
  EXPECT_EQ(Count::parse("1.234").value().get(), 1234);
  EXPECT_EQ(Count{1234}.text(), "1.234");
}

TEST(Count, NegativeParsesButIsNotOk) {
  auto c = Count::parse("-3").value();
  EXPECT_EQ(c.get(), -3);
  EXPECT_FALSE(c.ok());
}

TEST(Count, AFractionIsAKindError) {
  auto c = Count::parse("1,5");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, errc::kind_mismatch);
  EXPECT_EQ(Count::parse("abc").error().code, errc::parse_error);
  EXPECT_EQ(Count::parse("1000000000000000000000000000000").error().code, errc::out_of_range);
}

TEST(Count, ArithmeticIsExactAndOverflowThrows) {
  EXPECT_EQ(Count{3} + Count{4}, Count{7});
  EXPECT_EQ(Count{3} - Count{4}, Count{-1});
  EXPECT_EQ(Count{3} * 4, Count{12});
  EXPECT_EQ(2 * Count{3}, Count{6});
  Count c{1};
  c += Count{2};
  c -= Count{1};
  EXPECT_EQ(c, Count{2});
  EXPECT_LT(Count{2}, Count{10});
  EXPECT_THROW((void)(Count{INT64_MAX} + Count{1}), exception);
  EXPECT_THROW((void)(Count{INT64_MIN} - Count{1}), exception);
  EXPECT_THROW((void)(Count{INT64_MAX} * 2), exception);
  // A figure of more than 18 digits would not read back: refused where it is made.
  EXPECT_EQ(Count{Decimal::max_units}.text(), "999.999.999.999.999.999");
  EXPECT_THROW((void)Count{Decimal::max_units + 1}, exception);
  EXPECT_THROW((void)(Count{Decimal::max_units} + Count{1}), exception);
  EXPECT_THROW((void)Money{-Decimal::max_units - 1}, exception);
  EXPECT_THROW((void)Percent(Decimal{INT64_MIN, 2}), exception);
  EXPECT_THROW((void)Code(INT64_MAX, CodeList{}), exception);
}

TEST(Percent, KeepsItsDecimals) {
  auto p = Percent::parse("33,3").value();
  EXPECT_EQ(p.decimals(), 1);
  EXPECT_EQ(p.text(), "33,3");
  EXPECT_TRUE(p.ok());
  EXPECT_EQ(Percent::parse("11,11").value().decimals(), 2);
  EXPECT_EQ(Percent::parse("100").value().decimals(), 0);
  EXPECT_EQ(Percent::parse("100%").value().text(), "100%");
  EXPECT_EQ(Percent::parse("33,30").value(), Percent::parse("33,3").value());
}

TEST(Percent, OutsideZeroToHundredIsNotOk) {
  EXPECT_FALSE(Percent::parse("120").value().ok());
  EXPECT_FALSE(Percent::parse("100,01").value().ok());
  EXPECT_FALSE(Percent::parse("-0,5").value().ok());
  EXPECT_TRUE(Percent::parse("0").value().ok());
  EXPECT_TRUE(Percent::parse("100,00").value().ok());
}

TEST(Percent, StandsForItsRoundingInterval) {
  // "33,3" stands for [33,25; 33,35).
  auto p = Percent::parse("33,3").value();
  EXPECT_EQ(p.lower(), Rational(3325, 100));
  EXPECT_EQ(p.upper(), Rational(3335, 100));
  EXPECT_TRUE(p.admits(Rational(100, 3)));
  EXPECT_TRUE(p.admits(Rational(3325, 100)));   // the lower edge belongs
  EXPECT_FALSE(p.admits(Rational(3335, 100)));  // the upper edge does not
  EXPECT_FALSE(Percent::parse("33,4").value().admits(Rational(100, 3)));
  // 0 decimals: "100" stands for [99,5; 100,5).
  auto whole = Percent::parse("100").value();
  EXPECT_TRUE(whole.admits(Rational(995, 10)));
  EXPECT_FALSE(whole.admits(Rational(994999, 10000)));
  // 2 decimals: "11,11" stands for [11,105; 11,115).
  auto two = Percent::parse("11,11").value();
  EXPECT_TRUE(two.admits(Rational(11105, 1000)));
  EXPECT_FALSE(two.admits(Rational(11115, 1000)));
  EXPECT_TRUE(two.admits(Rational(100, 9)));  // 11,111…
}

TEST(Percent, OfTwoCountsIsExactAndUndefinedOnZero) {
  EXPECT_EQ(*pct(Count{1}, Count{3}), Rational(100, 3));
  EXPECT_FALSE(pct(Count{0}, Count{0}).has_value());
  EXPECT_EQ(Percent::of(Count{21}, Count{35}, 0)->text(), "60");
  EXPECT_EQ(Percent::of(Count{1}, Count{3}, 1)->text(), "33,3");
  EXPECT_EQ(Percent::of(Count{2}, Count{3}, 2)->text(), "66,67");
  EXPECT_FALSE(Percent::of(Count{5}, Count{0}, 1).has_value());
}

TEST(Percent, SharesAddWithTheFinerPrecision) {
  auto sum = Percent::parse("33,3").value() + Percent::parse("66,67").value();
  EXPECT_EQ(sum.text(), "99,97");
  EXPECT_EQ(sum.decimals(), 2);
  EXPECT_EQ((Percent::parse("100").value() - Percent::parse("0,5").value()).text(), "99,5");
}

TEST(YesNo, OnlyZeroAndOneAreAnswers) {
  EXPECT_TRUE(YesNo::parse("1").value().yes());
  EXPECT_FALSE(YesNo::parse("0").value().yes());
  auto two = YesNo::parse("2").value();
  EXPECT_FALSE(two.ok());
  EXPECT_EQ(two.code(), 2);
  EXPECT_EQ(YesNo::parse("1,0").error().code, errc::kind_mismatch);
  EXPECT_EQ(YesNo::parse("có").error().code, errc::parse_error);
  EXPECT_EQ(YesNo{true}.text(), "1");
}

TEST(Code, ValidityComesFromItsList) {
  const CodeList survey({{0, "Trực tuyến", "online"}, {1, "Phát phiếu", ""}, {2, "Kết hợp", ""}});
  EXPECT_TRUE(Code::parse("2", survey).value().ok());
  auto three = Code::parse("3", survey).value();
  EXPECT_FALSE(three.ok());
  EXPECT_EQ(three.get(), 3);
  EXPECT_EQ(survey.find(1)->label, "Phát phiếu");
  EXPECT_EQ(survey.find(7), nullptr);
  EXPECT_TRUE(Code(0, survey).ok());
}

TEST(Pair, ReadsBothHalves) {
  auto p = Pair::parse("04/04").value();
  EXPECT_EQ(p.first(), Count{4});
  EXPECT_EQ(p.second(), Count{4});
  EXPECT_EQ(p.text(), "04/04");
  EXPECT_EQ(p.first().text(), "04");
  EXPECT_TRUE(Pair::parse("0/0").value().ok());
  EXPECT_EQ(Pair::parse("3 / 5").value().second(), Count{5});
  EXPECT_FALSE(Pair::parse("-1/5").value().ok());
  EXPECT_EQ(Pair(Count{3}, Count{12}).text(), "3/12");
}

TEST(Pair, MissingHalvesAreErrorsThatSayWhichHalf) {
  auto first = Pair::parse("/4");
  ASSERT_FALSE(first);
  EXPECT_NE(first.error().message_en.find("first half"), std::string::npos);
  auto second = Pair::parse("4/");
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().message_en.find("second half"), std::string::npos);
  EXPECT_EQ(Pair::parse("4").error().code, errc::parse_error);
  EXPECT_EQ(Pair::parse("1/2/3").error().code, errc::parse_error);
  EXPECT_EQ(Pair::parse("1,5/2").error().code, errc::kind_mismatch);
}

TEST(Money, DotsGroupThousands) {
  auto m = Money::parse("85.000.000").value();
  EXPECT_EQ(m.dong(), 85000000);
  EXPECT_EQ(m.text(), "85.000.000");
  EXPECT_EQ(Money{1500000}.text(), "1.500.000");
  EXPECT_EQ(Money{1000} + Money{500}, Money{1500});
  EXPECT_EQ(Money{1000} - Money{1500}, Money{-500});
  EXPECT_EQ(Money{1000} * 3, Money{3000});
  EXPECT_FALSE(Money{-1}.ok());
  EXPECT_EQ(Money::parse("85.000,5").error().code, errc::kind_mismatch);
}

TEST(Absent, BlankIsNotZero) {
  const Value blank = Absent{};
  EXPECT_TRUE(is_absent(blank));
  EXPECT_FALSE(kind_of(blank).has_value());
  EXPECT_FALSE(same_as_written(blank, Value{Count{0}}));
  EXPECT_FALSE(same_as_written(blank, Value{Absent(Absent::Reason::not_applicable)}));
  EXPECT_EQ(to_string(Absent::Reason::not_applicable), "not_applicable");
  EXPECT_EQ(absence_from_string("not_reported"), Absent::Reason::not_reported);
  EXPECT_FALSE(absence_from_string("zero").has_value());
}

TEST(ParseValue, DispatchesOnKind) {
  EXPECT_EQ(kind_of(parse_value("35", Kind::count).value()), Kind::count);
  EXPECT_EQ(kind_of(parse_value("33,3", Kind::percent).value()), Kind::percent);
  EXPECT_EQ(kind_of(parse_value("1", Kind::yes_no).value()), Kind::yes_no);
  EXPECT_EQ(kind_of(parse_value("0/0", Kind::pair).value()), Kind::pair);
  EXPECT_EQ(kind_of(parse_value("85.000.000", Kind::money).value()), Kind::money);
  const CodeList list({{0, "Chưa có", ""}});
  EXPECT_TRUE(is_ok(parse_value("0", Kind::code, list).value()));
  EXPECT_FALSE(is_ok(parse_value("5", Kind::code, list).value()));
}

TEST(ParseValue, BlankIsAbsentAndHeadingsTakeNoValue) {
  EXPECT_TRUE(is_absent(parse_value("", Kind::count).value()));
  EXPECT_TRUE(is_absent(parse_value("  ", Kind::percent).value()));
  EXPECT_EQ(text_of(parse_value("  ", Kind::percent).value()), "  ");  // kept as written
  EXPECT_TRUE(is_absent(parse_value("", Kind::heading).value()));
  EXPECT_EQ(parse_value("3", Kind::heading).error().code, errc::kind_mismatch);
}

TEST(ParseValue, TextRoundTripsForEveryKind) {
  const CodeList list({{0, "a", ""}, {2, "b", ""}});
  const std::pair<std::string_view, Kind> cases[] = {
      {"02", Kind::count},    {"1.234", Kind::count}, {"33,3", Kind::percent},
      {"100%", Kind::percent}, {"0", Kind::yes_no},   {"2", Kind::code},
      {"04/04", Kind::pair},  {"85.000.000", Kind::money}, {"-1", Kind::count}};
  for (auto [text, kind] : cases) {
    SCOPED_TRACE(text);
    auto v = parse_value(text, kind, list).value();
    EXPECT_EQ(text_of(v), text);
    EXPECT_TRUE(same_as_written(v, parse_value(text_of(v), kind, list).value()));
  }
}

TEST(Kind, NamesRoundTrip) {
  for (Kind k : {Kind::heading, Kind::count, Kind::percent, Kind::yes_no, Kind::code, Kind::pair,
                 Kind::money})
    EXPECT_EQ(kind_from_string(to_string(k)), k);
  EXPECT_FALSE(kind_from_string("integer").has_value());
}

}  // namespace
}  // namespace cchc
