// SPDX-License-Identifier: MIT
#include "cchc/unicode.hpp"

#include <gtest/gtest.h>

namespace cchc {
namespace {

// "Việt" decomposed: e + combining dot below (U+0323) + combining circumflex (U+0302).
constexpr std::string_view decomposed = "Vi" "e\xCC\xA3\xCC\x82" "t";
constexpr std::string_view composed = "Vi\xE1\xBB\x87t";  // U+1EC7

TEST(Unicode, NormalisesToNfc) {
  EXPECT_EQ(normalize_nfc(decomposed).value(), composed);
  EXPECT_EQ(normalize_nfc(composed).value(), composed);
  EXPECT_EQ(normalize_nfc("ASCII 33,3").value(), "ASCII 33,3");
  EXPECT_EQ(normalize_nfc("").value(), "");
}

TEST(Unicode, InvalidUtf8IsAnErrorThatSaysWhere) {
  auto r = normalize_nfc("ab\xC3(");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::invalid_utf8);
  EXPECT_NE(r.error().message_en.find("0xC3 at offset 3"), std::string::npos)
      << r.error().message_en;
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // a UTF-16 surrogate
  EXPECT_TRUE(is_valid_utf8(composed));
}

TEST(Unicode, DisplayWidthCountsColumnsNotBytes) {
  EXPECT_EQ(display_width(composed), 4u);
  EXPECT_EQ(display_width(decomposed), 4u);  // combining marks take no column
  EXPECT_EQ(display_width("Số liệu"), 7u);
  EXPECT_EQ(display_width("漢字"), 4u);       // wide characters take two
  EXPECT_EQ(display_width(""), 0u);
}

TEST(Unicode, WrapsAtSpacesByDisplayWidth) {
  const auto lines = wrap_text("Tổng số hồ sơ TTHC đã giải quyết xong", 12);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "Tổng số hồ");
  EXPECT_EQ(lines[1], "sơ TTHC đã");
  for (const auto& l : lines) EXPECT_LE(display_width(l), 12u);
  EXPECT_EQ(wrap_text("", 10), std::vector<std::string>{""});
  // A word longer than the line is cut between characters, never inside one.
  const auto cut = wrap_text("Nghịđịnhdàiquá", 5);
  for (const auto& l : cut) {
    EXPECT_LE(display_width(l), 5u);
    EXPECT_TRUE(is_valid_utf8(l));
  }
}

TEST(Unicode, CollapsesWhiteSpace) {
  EXPECT_EQ(collapse_spaces("  a \n\n b\t c  "), "a b c");
  EXPECT_EQ(collapse_spaces(" \n "), "");
}

}  // namespace
}  // namespace cchc
