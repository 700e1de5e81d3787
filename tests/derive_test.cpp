// SPDX-License-Identifier: MIT
#include "cchc/derive.hpp"

#include <gtest/gtest.h>

#include "cchc/json.hpp"

namespace cchc {
namespace {

Report seed() {
  return load_report(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").value();
}

TEST(Derive, FillsTheSeedsDerivableBlanks) {
  const Report before = seed();
  const Derived d = derive(before);
  ASSERT_EQ(d.derivations.size(), 2u);
  EXPECT_EQ(d.derivations[0].address, "B1:2");
  EXPECT_EQ(d.derivations[0].text, "60");
  EXPECT_EQ(d.derivations[0].formula, "100 × B1:2.2 / B1:2.1");
  EXPECT_EQ(d.derivations[1].address, "B5:3");
  EXPECT_EQ(d.derivations[1].text, "0");
  EXPECT_EQ(d.derivations[1].formula, "B5:3.1 + B5:3.2");
  EXPECT_EQ(text_of(d.report.value("B1:2").value()), "60");
  EXPECT_TRUE(is_absent(before.value("B1:2").value()));  // the input is untouched
}

TEST(Derive, NeverOverwritesAReportedValue) {
  const Report before = seed();
  const Derived d = derive(before);
  for (const Row& row : before.catalog().rows()) {
    const Value& v = before.value(row.id);
    if (!is_absent(v)) {
      EXPECT_TRUE(same_as_written(v, d.report.value(row.id))) << row.address();
    }
  }
  // 0/0 stays as written; a wrong percentage is a finding, not something derive() rewrites.
  EXPECT_EQ(text_of(d.report.value("B1:3.3").value()), "0");
}

TEST(Derive, RoundsToTwoDecimalsWithoutTrailingZeros) {
  Report r(builtin_catalog());
  ASSERT_TRUE(r.set_text("B1:2.1", "3"));
  ASSERT_TRUE(r.set_text("B1:2.2", "1"));
  EXPECT_EQ(derivable(r, r.catalog().lookup("B1:2").value())->text, "33,33");
  EXPECT_EQ(derivable(r, r.catalog().lookup("B1:2").value(), 1)->text, "33,3");
  ASSERT_TRUE(r.set_text("B1:2.1", "8"));
  EXPECT_EQ(derivable(r, r.catalog().lookup("B1:2").value())->text, "12,5");
}

TEST(Derive, NothingOverZeroNorFromBlanksNorNotApplicable) {
  Report r(builtin_catalog());
  const RowId rate = r.catalog().lookup("B1:2").value();
  ASSERT_TRUE(r.set_text("B1:2.1", "0"));
  ASSERT_TRUE(r.set_text("B1:2.2", "0"));
  EXPECT_FALSE(derivable(r, rate).has_value());  // 0/0 has no percentage
  ASSERT_TRUE(r.set_text("B1:2.1", "5"));
  ASSERT_TRUE(r.set_text("B1:2.2", ""));
  EXPECT_FALSE(derivable(r, rate).has_value());  // a blank part
  ASSERT_TRUE(r.set_text("B1:2.2", "5"));
  r.clear(rate, Absent::Reason::not_applicable);
  EXPECT_FALSE(derivable(r, rate).has_value());  // the reporter's answer stands
  EXPECT_TRUE(derive(r).derivations.empty());
}

TEST(Derive, ChainsUntilNothingMoreFollows) {
  Report r(builtin_catalog());
  // B6:4 = 4.1 + 4.2 + 4.3, then B6:1 = 2 + 3 + 4 + 5.
  for (auto [a, t] : {std::pair{"B6:2", "1"}, {"B6:3", "2"}, {"B6:4.1", "1"}, {"B6:4.2", "0"},
                      {"B6:4.3", "02"}, {"B6:5", "4"}})
    ASSERT_TRUE(r.set_text(a, t));
  const Derived d = derive(r);
  ASSERT_EQ(d.derivations.size(), 2u);
  EXPECT_EQ(d.derivations[0].address, "B6:4");
  EXPECT_EQ(d.derivations[0].text, "3");
  EXPECT_EQ(d.derivations[1].address, "B6:1");
  EXPECT_EQ(d.derivations[1].text, "10");
}

TEST(Derive, SaysWhichRowsAValueFollowsFrom) {
  const Derived d = derive(seed());
  ASSERT_EQ(d.derivations.size(), 2u);
  const Catalog& cat = d.report.catalog();
  // A ratio: numerator, then denominator; a total: its parts in order.
  EXPECT_EQ(d.derivations[0].from,
            (std::vector<RowId>{cat.lookup("B1:2.2").value(), cat.lookup("B1:2.1").value()}));
  EXPECT_EQ(d.derivations[1].from,
            (std::vector<RowId>{cat.lookup("B5:3.1").value(), cat.lookup("B5:3.2").value()}));
}

}  // namespace
}  // namespace cchc
