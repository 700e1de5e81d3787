// SPDX-License-Identifier: MIT
#include "cchc/error.hpp"

#include <gtest/gtest.h>

namespace cchc {
namespace {

TEST(Error, DescribeShowsWhereAndBothLanguages) {
  const error e = make_error(errc::parse_error, "không phải số", "not a number", "B1:2.1");
  EXPECT_EQ(e.describe(), "B1:2.1: không phải số (not a number)");
  EXPECT_EQ(make_error(errc::parse_error, "x", "x").describe(), "x");
}

TEST(Error, DescribeInOneLanguage) {
  const error e = make_error(errc::parse_error, "không phải số", "not a number", "B1:2.1");
  EXPECT_EQ(e.describe(Language::vi), "B1:2.1: không phải số");
  EXPECT_EQ(e.describe(Language::en), "B1:2.1: not a number");
  // A message written in one language only is given in it rather than not at all.
  EXPECT_EQ(make_error(errc::internal, "lỗi", "").describe(Language::en), "lỗi");
  EXPECT_EQ(make_error(errc::internal, "", "bug").describe(Language::vi), "bug");
}

TEST(Error, WithinPrefixesTheOuterLocation) {
  const error e = make_error(errc::parse_error, "vi", "en", "$.values");
  EXPECT_EQ(e.within("report.json").where, "report.json: $.values");
  // A line:column position joins its file with a colon, as compilers print it.
  EXPECT_EQ(make_error(errc::parse_error, "vi", "en", "3:17").within("r.json").where, "r.json:3:17");
  EXPECT_EQ(make_error(errc::parse_error, "vi", "en").within("r.json").where, "r.json");
}

TEST(Error, CodesHaveStableNamesAndNumbers) {
  EXPECT_EQ(to_string(errc::parse_error), "parse_error");
  EXPECT_EQ(static_cast<int>(errc::ok), 0);
  EXPECT_EQ(static_cast<int>(errc::parse_error), -2);
  EXPECT_EQ(static_cast<int>(errc::internal), -99);
}

TEST(Error, ValueOfAFailedResultThrowsCchcException) {
  result<int> r = make_error(errc::not_found, "không thấy", "not found", "B9:1");
  try {
    (void)r.value();
    FAIL() << "value() should throw";
  } catch (const exception& ex) {
    EXPECT_EQ(ex.code(), errc::not_found);
    EXPECT_EQ(ex.error().where, "B9:1");
    EXPECT_STREQ(ex.what(), "B9:1: không thấy (not found)");
  }
}

}  // namespace
}  // namespace cchc
