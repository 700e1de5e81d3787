// SPDX-License-Identifier: MIT
#include "cchc/kind.hpp"

#include <gtest/gtest.h>

#include "cchc/cchc.h"
#include "cchc/value.hpp"

namespace cchc {
namespace {

TEST(Kind, OneTableEveryLayerMapsFrom) {
  for (const KindTraits& t : kind_traits) {
    EXPECT_EQ(&traits(t.kind), &t);
    EXPECT_EQ(to_string(t.kind), t.name);
    EXPECT_EQ(kind_from_string(t.name), t.kind);
    EXPECT_FALSE(t.label_vi.empty());
    EXPECT_FALSE(t.label_en.empty());
    EXPECT_EQ(t.holds_value, t.kind != Kind::heading);
  }
  EXPECT_FALSE(kind_from_string("float").has_value());
  // The C API's codes are the table's.
  EXPECT_EQ(traits(Kind::count).c_code, CCHC_KIND_COUNT);
  EXPECT_EQ(traits(Kind::money).c_code, CCHC_KIND_MONEY);
  EXPECT_EQ(traits(Kind::pair).c_code, CCHC_KIND_PAIR);
}

TEST(Kind, TraitsAgreeWithTheValues) {
  EXPECT_EQ(kind_of(Value{Count(3)}), Kind::count);
  EXPECT_EQ(kind_of(Value{Money(85000000)}), Kind::money);
  EXPECT_EQ(kind_of(Value{YesNo(true)}), Kind::yes_no);
  EXPECT_FALSE(kind_of(Value{Absent{}}).has_value());
  // Summable kinds are those whose parts add up: counts, percents and money.
  for (const KindTraits& t : kind_traits)
    EXPECT_EQ(t.summable, t.kind == Kind::count || t.kind == Kind::percent || t.kind == Kind::money)
        << t.name;
  EXPECT_FALSE(traits(Kind::percent).integral);
  EXPECT_TRUE(traits(Kind::code).integral);
}

}  // namespace
}  // namespace cchc
