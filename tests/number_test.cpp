// SPDX-License-Identifier: MIT
#include "cchc/number.hpp"

#include <gtest/gtest.h>

namespace cchc {
namespace {

Decimal parse_ok(std::string_view text, NumberSyntax syntax = {}) {
  auto d = parse_decimal(text, syntax);
  EXPECT_TRUE(d) << text << ": " << (d ? "" : d.error().describe());
  return d ? *d : Decimal{};
}

errc parse_fails(std::string_view text, NumberSyntax syntax = {}) {
  auto d = parse_decimal(text, syntax);
  EXPECT_FALSE(d) << text << " parsed as " << (d ? d->units : 0);
  return d ? errc::ok : d.error().code;
}

TEST(ParseDecimal, ReadsTheVietnameseWay) {
  EXPECT_EQ(parse_ok("33,3"), (Decimal{333, 1}));
  EXPECT_EQ(parse_ok("33,3").scale, 1);
  EXPECT_EQ(parse_ok("11,11").scale, 2);
  EXPECT_EQ(parse_ok("85.000.000"), (Decimal{85000000, 0}));
  EXPECT_EQ(parse_ok("1.234,5"), (Decimal{12345, 1}));
  EXPECT_EQ(parse_ok("02"), (Decimal{2, 0}));
  EXPECT_EQ(parse_ok("0"), (Decimal{0, 0}));
  EXPECT_EQ(parse_ok("-5"), (Decimal{-5, 0}));
  EXPECT_EQ(parse_ok("\xE2\x88\x92" "5"), (Decimal{-5, 0}));  // U+2212 MINUS SIGN
  EXPECT_EQ(parse_ok("+7"), (Decimal{7, 0}));
  EXPECT_EQ(parse_ok("  35 "), (Decimal{35, 0}));
}

TEST(ParseDecimal, PercentSignOnlyWhereAllowed) {
  NumberSyntax pct;
  pct.allow_percent_sign = true;
  EXPECT_EQ(parse_ok("100%", pct), (Decimal{100, 0}));
  EXPECT_EQ(parse_ok("33,3 %", pct), (Decimal{333, 1}));
  EXPECT_EQ(parse_fails("100%"), errc::parse_error);
  EXPECT_EQ(parse_fails("100%%", pct), errc::parse_error);
}

TEST(ParseDecimal, ExplainsADotUsedAsADecimalPoint) {
  auto d = parse_decimal("33.3");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, errc::parse_error);
  EXPECT_NE(d.error().message_en.find("decimals take a comma"), std::string::npos)
      << d.error().message_en;
  EXPECT_NE(d.error().message_vi.find("dấu phẩy"), std::string::npos);
}

TEST(ParseDecimal, RejectsWhatIsNotANumber) {
  for (auto text : {"", "   ", "abc", "1e5", "1,", ",5", "1,2,3", "1.23", "1234.567", ".5",
                    "1..000", "12 000", "--1", "1-", "0x10", "1/2", "١٢"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(parse_fails(text), errc::parse_error);
  }
  auto d = parse_decimal("3x");
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().message_en.find("'x' at position 2"), std::string::npos)
      << d.error().message_en;
}

TEST(ParseDecimal, SyntaxSwitches) {
  NumberSyntax whole;
  whole.allow_fraction = false;
  EXPECT_EQ(parse_fails("1,5", whole), errc::parse_error);
  NumberSyntax flat;
  flat.allow_grouping = false;
  EXPECT_EQ(parse_fails("1.000", flat), errc::parse_error);
  NumberSyntax unsigned_only;
  unsigned_only.allow_sign = false;
  EXPECT_EQ(parse_fails("-1", unsigned_only), errc::parse_error);
}

TEST(ParseDecimal, AbsurdNumbersAreOutOfRangeNotWrapped) {
  EXPECT_EQ(parse_fails("1000000000000000000000000000000"), errc::out_of_range);  // 10^30
  EXPECT_EQ(parse_fails("1000000000000000000"), errc::out_of_range);              // 19 digits
  EXPECT_EQ(parse_ok("999999999999999999"), (Decimal{999999999999999999, 0}));   // 18 digits
  // Found by fuzz_number: the 19th digit was multiplied in (overflowing) before being counted.
  EXPECT_EQ(parse_fails("9999999999999999999"), errc::out_of_range);
  EXPECT_EQ(parse_fails("9.999.999.999.999.999.999"), errc::out_of_range);
  EXPECT_EQ(parse_fails("0,1234567891"), errc::out_of_range);                     // 10 decimals
  // Layout zeros are not significant digits.
  EXPECT_EQ(parse_ok("000000000000000000000000042"), (Decimal{42, 0}));
}

TEST(Decimal, ComparesExactlyAcrossScales) {
  EXPECT_EQ((Decimal{333, 1}), (Decimal{3330, 2}));
  EXPECT_LT((Decimal{3333, 2}), (Decimal{334, 1}));
  EXPECT_GT((Decimal{100, 0}), (Decimal{99999, 3}));
  EXPECT_LT((Decimal{-1, 0}), (Decimal{0, 9}));
  EXPECT_EQ((Decimal{INT64_MAX, 0}) <=> (Decimal{INT64_MAX, 9}), std::strong_ordering::greater);
  EXPECT_TRUE((Decimal{1200, 2}).is_integer());
  EXPECT_FALSE((Decimal{1201, 2}).is_integer());
  EXPECT_EQ((Decimal{333, 1}).to_rational(), Rational(333, 10));
}

TEST(FormatDecimal, WritesTheVietnameseWay) {
  EXPECT_EQ(format_decimal(Decimal{333, 1}), "33,3");
  EXPECT_EQ(format_decimal(Decimal{1111, 2}), "11,11");
  EXPECT_EQ(format_decimal(Decimal{85000000, 0}), "85.000.000");
  EXPECT_EQ(format_decimal(Decimal{85000000, 0}, false), "85000000");
  EXPECT_EQ(format_decimal(Decimal{5, 2}), "0,05");
  EXPECT_EQ(format_decimal(Decimal{-12345678, 2}), "-123.456,78");
  EXPECT_EQ(format_decimal(Decimal{100, 0}), "100");
  EXPECT_EQ(format_integer(INT64_MIN), "-9.223.372.036.854.775.808");
  EXPECT_EQ(format_integer(999), "999");
  EXPECT_EQ(format_integer(1000), "1.000");
}

TEST(FormatDecimal, RoundTripsThroughParse) {
  for (auto text : {"0", "7", "33,3", "11,11", "40,47", "1.234.567,891", "-0,5", "100"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(format_decimal(parse_ok(text)), text);
  }
}

TEST(RoundToDecimal, HalfAwayFromZero) {
  EXPECT_EQ(*round_to_decimal(Rational(100, 3), 1), (Decimal{333, 1}));
  EXPECT_EQ(*round_to_decimal(Rational(200, 3), 1), (Decimal{667, 1}));
  EXPECT_EQ(*round_to_decimal(Rational(1, 8), 2), (Decimal{13, 2}));   // 0,125 → 0,13
  EXPECT_EQ(*round_to_decimal(Rational(-1, 8), 2), (Decimal{-13, 2}));
  EXPECT_EQ(*round_to_decimal(Rational(60), 0), (Decimal{60, 0}));
  EXPECT_EQ(format_rational(Rational(2100, 35), 1), "60,0");
  EXPECT_EQ(round_to_decimal(Rational(BigInt(1) << 80), 0).error().code, errc::out_of_range);
}

}  // namespace
}  // namespace cchc
