// SPDX-License-Identifier: MIT
#include "cchc/document.hpp"

#include <gtest/gtest.h>

namespace cchc {
namespace {

TEST(Citations, EveryFormOfDecree30) {
  const auto c = find_citations(
      "Kế hoạch số 39/KH-SKHCN ngày 09/01/2024; Nghị định số 130/2005/NĐ-CP ngày 17/10/2005;\n"
      "Nghị quyết số 03-NQ/TU ngày 21/01/2021 và Căn cứ Công văn số 3981/SNV-CCHC&VTLT ngày "
      "01/3/2022; Nghị định số 60/2021/NĐ-CP và Thông tư liên tịch số 01/2015/TTLT-BNV-BTC "
      "ngày 5/3/2015.");
  ASSERT_EQ(c.size(), 6u);
  EXPECT_EQ(c[0].type_word, "Kế hoạch");
  EXPECT_EQ(c[0].number, "39");
  EXPECT_EQ(c[0].symbol, "KH-SKHCN");
  EXPECT_EQ(c[0].type_abbreviation, "KH");
  EXPECT_EQ(c[0].issuer, "SKHCN");
  EXPECT_EQ(c[0].date, Date(2024, 1, 9));
  EXPECT_EQ(c[1].year, 2005);
  EXPECT_EQ(c[1].number, "130");
  EXPECT_EQ(c[1].type_abbreviation, "NĐ");
  EXPECT_EQ(c[1].issuer, "CP");
  EXPECT_EQ(c[2].number, "03");
  EXPECT_EQ(c[2].type_abbreviation, "NQ");
  EXPECT_EQ(c[2].issuer, "TU");
  EXPECT_EQ(c[2].line, 2u);
  EXPECT_EQ(c[3].type_word, "Công văn");
  EXPECT_EQ(c[3].type_abbreviation, "");
  EXPECT_EQ(c[3].issuer, "SNV");
  EXPECT_EQ(c[3].unit, "CCHC&VTLT");
  EXPECT_EQ(c[4].date_text, "");  // no date
  EXPECT_FALSE(c[4].date.has_value());
  EXPECT_EQ(c[5].type_word, "Thông tư liên tịch");
  EXPECT_EQ(c[5].type_abbreviation, "TTLT");
  EXPECT_EQ(c[5].issuer, "BNV-BTC");
}

TEST(Citations, WrappedOverLinesAsPdftotextPrintsThem) {
  const auto c = find_citations("thay thế Quyết định số\n\n34/2020/QĐ-UBND ngày 20/7/2020 của UBND", 10);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].text, "Quyết định số 34/2020/QĐ-UBND ngày 20/7/2020");
  EXPECT_EQ(c[0].line, 10u);
  EXPECT_EQ(c[0].year, 2020);
}

// A symbol cut at its hyphen at the end of a line: kept whole with the hyphen ("QĐ-" / "UBND"),
// or rejoined without it by a reader in reading order ("QĐUBND"), it is QĐ of UBND either way.
TEST(Citations, ASymbolCutAtItsHyphenAtALineEnd) {
  auto c = find_citations("theo Quyết định số 1234/QĐ-\nUBND ngày 05/6/2024 của UBND tỉnh");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].symbol, "QĐ-UBND");
  EXPECT_EQ(c[0].date_text, "05/6/2024");
  c = find_citations("theo Quyết định số 1234/QĐUBND ngày 05/6/2024");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].type_abbreviation, "QĐ");
  EXPECT_EQ(c[0].issuer, "UBND");
  EXPECT_EQ(c[0].symbol, "QĐ-UBND");
  // Not a cut symbol: another type's letters, or a lone dash between words, stay as they are.
  c = find_citations("Kế hoạch số 7/QĐUBND");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].symbol, "QĐUBND");
  EXPECT_EQ(find_citations("Hà Nội -\nBáo cáo số 5/BC-UBND").at(0).text, "Báo cáo số 5/BC-UBND");
}

TEST(Citations, ImpossibleDatesAreKeptAndFlagged) {
  const auto c = find_citations("Báo cáo số 5/BC-UBND ngày 31/02/2024");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].date_text, "31/02/2024");
  EXPECT_FALSE(c[0].date.has_value());
  EXPECT_FALSE(c[0].date_valid);
}

TEST(Citations, Decree30Abbreviations) {
  EXPECT_EQ(expected_abbreviation("Kế hoạch"), "KH");
  EXPECT_EQ(expected_abbreviation("Quy định"), "QyĐ");
  EXPECT_EQ(expected_abbreviation("Chương trình"), "CTr");
  EXPECT_EQ(expected_abbreviation("Tờ trình"), "TTr");
  EXPECT_EQ(expected_abbreviation("Công văn"), "");
  EXPECT_EQ(expected_abbreviation("Thư tay"), "");
  EXPECT_TRUE(known_abbreviation("QĐ"));
  EXPECT_TRUE(known_abbreviation("GUQ"));
  EXPECT_FALSE(known_abbreviation("SKH"));
  EXPECT_FALSE(known_abbreviation("qđ"));  // case matters
  EXPECT_FALSE(known_abbreviation(""));
}

TEST(Dates, VietnameseNumericDates) {
  EXPECT_EQ(parse_vi_date("12/3/2024"), Date(2024, 3, 12));
  EXPECT_EQ(parse_vi_date("01/10/2021"), Date(2021, 10, 1));
  bool valid = true;
  EXPECT_FALSE(parse_vi_date("30/02/2024", &valid).has_value());
  EXPECT_FALSE(valid);
  EXPECT_FALSE(parse_vi_date("12-3-2024").has_value());
  EXPECT_FALSE(parse_vi_date("12/3/24").has_value());
}

}  // namespace
}  // namespace cchc
