// SPDX-License-Identifier: MIT
#include "cchc/report.hpp"

#include <gtest/gtest.h>

namespace cchc {
namespace {

class ReportTest : public ::testing::Test {
 protected:
  Report report{builtin_catalog()};
  RowId id(std::string_view address) { return report.catalog().lookup(address).value(); }
};

TEST_F(ReportTest, StartsBlankAndFollowsItsCatalogue) {
  EXPECT_EQ(report.values().size(), report.catalog().size());
  EXPECT_EQ(report.reported_count(), 0u);
  for (const Value& v : report.values()) EXPECT_TRUE(is_absent(v));
  EXPECT_EQ(report.metadata().catalog_id, report.catalog().id());
  EXPECT_EQ(report.metadata().catalog_version, report.catalog().version());
}

TEST_F(ReportTest, SetsAndGetsByAddress) {
  ASSERT_TRUE(report.set_text("B1:2.1", "35"));
  ASSERT_TRUE(report.set("B1:2.2", Value{Count{21}}));
  EXPECT_EQ(std::get<Count>(report.value(id("B1:2.1"))), Count{35});
  EXPECT_EQ(text_of(report.value("B1:2.2").value().get()), "21");
  EXPECT_EQ(report.reported_count(), 2u);
  report.clear(id("B1:2.1"), Absent::Reason::not_applicable);
  EXPECT_EQ(std::get<Absent>(report.value(id("B1:2.1"))).reason(), Absent::Reason::not_applicable);
}

TEST_F(ReportTest, WrongKindsAreErrorsNamingTheRow) {
  auto r = report.set("B1:2.1", Value{Percent::parse("10").value()});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::kind_mismatch);
  EXPECT_EQ(r.error().where, "B1:2.1");
  EXPECT_NE(r.error().message_en.find("takes a count value, not a percent"), std::string::npos);
  EXPECT_EQ(report.set("B1:3", Value{Count{1}}).error().code, errc::kind_mismatch);  // heading
  EXPECT_TRUE(report.set("B1:3", Value{Absent{}}));
}

TEST_F(ReportTest, SetTextErrorsNameTheRow) {
  auto bad = report.set_text("B4:1.4", "33.3");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, errc::parse_error);
  EXPECT_EQ(bad.error().where, "B4:1.4");
  auto huge = report.set_text("B1:2.1", "1000000000000000000000000000000");
  EXPECT_EQ(huge.error().code, errc::out_of_range);
  EXPECT_EQ(huge.error().where, "B1:2.1");
  EXPECT_EQ(report.set_text("B9:1", "1").error().code, errc::not_found);
  EXPECT_TRUE(is_absent(report.value(id("B4:1.4"))));  // a failed set changes nothing
}

TEST_F(ReportTest, OutOfDomainValuesAreStoredAndKnowIt) {
  ASSERT_TRUE(report.set_text("B1:2.1", "-3"));
  EXPECT_FALSE(is_ok(report.value(id("B1:2.1"))));
  ASSERT_TRUE(report.set_text("B4:1.4", "120"));
  EXPECT_FALSE(is_ok(report.value(id("B4:1.4"))));
  ASSERT_TRUE(report.set_text("B1:6.2", "7"));
  EXPECT_FALSE(is_ok(report.value(id("B1:6.2"))));
}

TEST_F(ReportTest, CodesAreCheckedAgainstTheRowsOwnList) {
  const CodeList other({{7, "khác", ""}});
  Code seven = Code::parse("7", other).value();
  ASSERT_TRUE(seven.ok());
  ASSERT_TRUE(report.set("B1:6.2", Value{seven}));
  EXPECT_FALSE(is_ok(report.value(id("B1:6.2"))));  // 7 is not in Trực tuyến/Phát phiếu/Kết hợp
}

TEST_F(ReportTest, NotesAndEquality) {
  Report other(builtin_catalog());
  EXPECT_TRUE(report == other);
  report.set_note(id("B1:2.1"), "Theo Kế hoạch 39/KH-SKHCN");
  EXPECT_EQ(report.note(id("B1:2.1")), "Theo Kế hoạch 39/KH-SKHCN");
  EXPECT_FALSE(report == other);
  other.set_note(id("B1:2.1"), "Theo Kế hoạch 39/KH-SKHCN");
  ASSERT_TRUE(report.set_text("B4:1.3", "02"));
  ASSERT_TRUE(other.set_text("B4:1.3", "2"));
  EXPECT_FALSE(report == other);  // same number, not as written
  ASSERT_TRUE(other.set_text("B4:1.3", "02"));
  EXPECT_TRUE(report == other);
}

TEST(AgencyLevel, NamesRoundTrip) {
  for (auto l : {AgencyLevel::department, AgencyLevel::district, AgencyLevel::commune,
                 AgencyLevel::province})
    EXPECT_EQ(agency_level_from_string(to_string(l)), l);
  EXPECT_FALSE(agency_level_from_string("ministry").has_value());
}

}  // namespace
}  // namespace cchc
