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

std::string utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// normalize_nfc() skips the normalisation for text it knows to be NFC already. Whatever path it
// takes, NFC is idempotent and composes: a code point alone, after a letter and before a
// combining mark must give the same text as normalising the pieces and composing again.
TEST(Unicode, TheNfcFastPathGivesWhatTheFullNormalisationGives) {
  const std::string acute = "\xCC\x81";  // U+0301, composes with what precedes it
  for (char32_t cp = 1; cp < 0x3000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string c = utf8(cp);
    for (const std::string& text : {c, "a" + c, c + "a", "Vi\xE1\xBB\x87t " + c}) {
      const std::string once = normalize_nfc(text).value();
      // Normalising a decomposed spelling of the same text gives the same result.
      EXPECT_EQ(normalize_nfc(once).value(), once) << std::hex << static_cast<unsigned>(cp);
      EXPECT_EQ(normalize_nfc(std::string(decomposed) + " " + text).value(), std::string(composed) + " " + once)
          << std::hex << static_cast<unsigned>(cp);
    }
    // A mark after it composes exactly as the full normalisation says, fast path or not.
    EXPECT_EQ(normalize_nfc(c + acute).value(), normalize_nfc(normalize_nfc(c).value() + acute).value())
        << std::hex << static_cast<unsigned>(cp);
  }
  // Text that is not NFC is never passed through: each of these changes.
  for (const std::string& text : {std::string("e\xCC\x81"), std::string("\xE2\x84\xA6"),  // e + ◌́, Ω (U+2126)
                                  std::string("\xE2\x80\x80"), std::string("\xCD\x80")})  // U+2000, U+0340
    EXPECT_NE(normalize_nfc(text).value(), text);
}

TEST(Unicode, InvalidUtf8IsAnErrorThatSaysWhere) {
  auto r = normalize_nfc("ab\xC3(");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::invalid_utf8);
  EXPECT_NE(r.error().message_en.find("0xC3 at offset 3"), std::string::npos)
      << r.error().message_en;
  for (std::string_view bad : {"\xED\xA0\x80", "\xC0\x80", "a\xE1\xBB", "\xF8\x88\x80\x80\x80"})
    EXPECT_EQ(normalize_nfc(bad).error().code, errc::invalid_utf8) << bad;
  EXPECT_EQ(normalize_nfc("\xF0\x9F\x98\x80").value(), "\xF0\x9F\x98\x80");  // U+1F600, four bytes
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
TEST(Unicode, WithoutDiacritics) {
  EXPECT_EQ(without_diacritics("BIỂU MẪU SỐ 04"), "BIEU MAU SO 04");
  EXPECT_EQ(without_diacritics("Đơn vị tính: đồng"), "Don vi tinh: dong");
  EXPECT_EQ(without_diacritics("lũy kế"), "luy ke");
  EXPECT_EQ(without_diacritics("plain 33,3%"), "plain 33,3%");
  EXPECT_EQ(without_diacritics("\xFF broken"), "\xFF broken");  // not UTF-8: as it is
}

}  // namespace cchc
