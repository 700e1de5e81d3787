// SPDX-License-Identifier: MIT
#include "cchc/report.hpp"

#include <gtest/gtest.h>

#include "cchc/json.hpp"

namespace cchc {
namespace {

class ReportTest : public ::testing::Test {
 protected:
  Report report{builtin_catalog()};
  RowId id(std::string_view address) { return report.catalog().lookup(address).value(); }
};

TEST_F(ReportTest, StartsBlankAndFollowsItsCatalogue) {
  EXPECT_EQ(report.reported_count(), 0u);
  for (const Row& row : report.catalog().rows()) {
    EXPECT_TRUE(is_absent(report.value(row.id)));
    EXPECT_TRUE(report.blank(row.id));
    EXPECT_EQ(report.cell(row.id), Cell{});
  }
  EXPECT_EQ(report.metadata().catalog_id, report.catalog().id());
  EXPECT_EQ(report.metadata().catalog_version, report.catalog().version());
}

TEST_F(ReportTest, SetsAndGetsByAddress) {
  ASSERT_TRUE(report.set_text("B1:2.1", "35"));
  ASSERT_TRUE(report.set("B1:2.2", Value{Count{21}}));
  EXPECT_EQ(std::get<Count>(report.value(id("B1:2.1"))), Count{35});
  EXPECT_EQ(text_of(report.value("B1:2.2").value()), "21");
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

TEST_F(ReportTest, RowsAreCompactCellsWithTheTextKeptOnlyWhereItIsNotCanonical) {
  ASSERT_TRUE(report.set_text("B4:1.3", "02"));
  ASSERT_TRUE(report.set_text("B4:1.4", "33,3"));
  ASSERT_TRUE(report.set_text("B7:5.1", "04/04"));
  ASSERT_TRUE(report.set_text("B1:2.1", "1.234"));
  ASSERT_TRUE(report.set("B1:2.2", Value{Absent(Absent::Reason::not_applicable, "x")}));
  EXPECT_EQ(report.cell(id("B4:1.3")), (Cell{2, 0, 0, CellState::reported}));
  EXPECT_EQ(report.written(id("B4:1.3")), "02");
  EXPECT_EQ(report.cell(id("B4:1.4")), (Cell{333, 0, 1, CellState::reported}));
  EXPECT_EQ(report.written(id("B4:1.4")), "");  // canonical: not kept
  EXPECT_EQ(report.text(id("B4:1.4")), "33,3");
  EXPECT_EQ(report.cell(id("B7:5.1")), (Cell{4, 4, 0, CellState::reported}));
  EXPECT_EQ(report.text(id("B7:5.1")), "04/04");
  EXPECT_EQ(std::get<Pair>(report.value(id("B7:5.1"))).first().text(), "04");
  EXPECT_EQ(report.written(id("B1:2.1")), "");
  EXPECT_EQ(report.cell(id("B1:2.2")).state, CellState::not_applicable);
  EXPECT_TRUE(report.blank(id("B1:2.2")));
  EXPECT_EQ(report.text(id("B1:2.2")), "x");  // a blank keeps its marker
  // Setting a row again replaces what was kept for it.
  ASSERT_TRUE(report.set_text("B4:1.3", "2"));
  EXPECT_EQ(report.written(id("B4:1.3")), "");
  ASSERT_TRUE(report.set_text("B7:5.1", "0/0"));
  EXPECT_EQ(report.cell(id("B7:5.1")), (Cell{0, 0, 0, CellState::reported}));
  report.clear(id("B1:2.2"));
  EXPECT_EQ(report.text(id("B1:2.2")), "");
}

TEST_F(ReportTest, EveryValueOfARealReportComesBackAsWritten) {
  const Report seed = load_report(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").value();
  Report copy(seed.catalog_ptr());
  for (const Row& row : seed.catalog().rows()) {
    const Value v = seed.value(row.id);
    ASSERT_TRUE(copy.set(row.id, v)) << row.address();
    EXPECT_TRUE(same_as_written(copy.value(row.id), v)) << row.address();
    EXPECT_EQ(copy.text(row.id), text_of(v)) << row.address();
    EXPECT_EQ(copy.cell(row.id), to_cell(v)) << row.address();
  }
  copy.metadata() = seed.metadata();
  for (const Row& row : seed.catalog().rows()) {
    copy.set_note(row.id, seed.note(row.id));
    if (auto line = seed.source_line(row.id)) copy.set_source_line(row.id, *line);
  }
  EXPECT_TRUE(copy == seed);
}

TEST_F(ReportTest, ACellIsStoredOnlyWhenItIsAValueOfTheRow) {
  EXPECT_TRUE(report.set(id("B4:1.4"), Cell{333, 0, 1, CellState::reported}, "033,3"));
  EXPECT_EQ(report.text(id("B4:1.4")), "033,3");
  EXPECT_TRUE(report.set(id("B4:1.4"), Cell{333, 0, 1, CellState::reported}, "33,3"));
  EXPECT_EQ(report.written(id("B4:1.4")), "");  // canonical text given: not kept
  const auto refused = [&](std::string_view address, const Cell& c, std::string_view written,
                           errc code) {
    const Value before = report.value(id(address));
    auto r = report.set(id(address), c, written);
    ASSERT_FALSE(r) << address;
    EXPECT_EQ(r.error().code, code) << address;
    EXPECT_EQ(r.error().where, address);
    EXPECT_TRUE(same_as_written(report.value(id(address)), before)) << address;  // unchanged
  };
  refused("B1:2.1", Cell{5, 0, 0, CellState::invalid}, "abc", errc::invalid_argument);
  refused("B1:2.1", Cell{5, 0, 1, CellState::reported}, "", errc::invalid_argument);
  refused("B1:2.1", Cell{5, 3, 0, CellState::reported}, "", errc::invalid_argument);
  refused("B4:1.4", Cell{5, 0, 10, CellState::reported}, "", errc::invalid_argument);
  refused("B1:2.1", Cell{5, 0, 0, CellState::reported}, "6", errc::invalid_argument);
  refused("B1:2.1", Cell{5, 0, 0, CellState::not_reported}, "", errc::invalid_argument);
  refused("B1:2.1", Cell{INT64_MIN, 0, 0, CellState::reported}, "", errc::out_of_range);
  refused("B1:3", Cell{1, 0, 0, CellState::reported}, "", errc::kind_mismatch);  // a heading
  EXPECT_TRUE(report.set(id("B1:2.1"), Cell{0, 0, 0, CellState::not_applicable}, "-"));
  EXPECT_EQ(std::get<Absent>(report.value(id("B1:2.1"))).text(), "-");
}

TEST_F(ReportTest, FiguresBeyondThirtyTwoBitsAndTextsSetOverAndOver) {
  ASSERT_TRUE(report.set_text("B1:2.1", "9.000.000.000"));
  ASSERT_TRUE(report.set_text("B1:2.2", "-2147483648"));
  EXPECT_EQ(report.cell(id("B1:2.1")).number, 9'000'000'000);
  EXPECT_EQ(report.cell(id("B1:2.2")).number, -2'147'483'648);
  EXPECT_EQ(report.text(id("B1:2.1")), "9.000.000.000");
  ASSERT_TRUE(report.set_text("B1:2.1", "7"));
  EXPECT_EQ(report.cell(id("B1:2.1")).number, 7);
  // A row's kept text replaced a thousand times: the report does not grow with it.
  ASSERT_TRUE(report.set_text("B4:1.3", "02"));
  const std::size_t bytes = report.memory_bytes();
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(report.set_text("B6:1", i % 2 == 0 ? "0001" : "001"));
    ASSERT_TRUE(report.set(id("B6:1"), report.cell(id("B6:1")), report.written(id("B6:1"))));
  }
  EXPECT_LE(report.memory_bytes(), bytes + 200);
  EXPECT_EQ(report.written(id("B4:1.3")), "02");
  EXPECT_EQ(report.written(id("B6:1")), "001");
}

TEST_F(ReportTest, LinesNotSetAndLinesSetToZeroAreTheSameFact) {
  Report other(builtin_catalog());
  other.set_source_line(id("B1:2.1"), 12);
  EXPECT_FALSE(report == other);
  EXPECT_EQ(other.source_line(id("B1:2.1")), 12u);
  EXPECT_EQ(other.source_line(id("B1:2.2")), std::nullopt);
  other.set_source_line(id("B1:2.1"), 0);
  EXPECT_TRUE(report == other);
  report.set_note(id("B1:2.1"), "a");
  report.set_note(id("B1:2.1"), "");
  EXPECT_TRUE(report == other);  // an empty note is no note
}

// A report of the built-in catalogue's 113 rows holds cells, not a Value with a string per row:
// issue 13's target is 2 KiB (it was 19,6 KiB).
TEST_F(ReportTest, AReportOfTheBuiltInCatalogueHoldsUnderTwoKibibytes) {
  const Report clean = load_report(std::string(CCHC_TEST_DATA_DIR) + "/clean-report.json").value();
  EXPECT_LE(clean.memory_bytes(), 2048u);
  const std::size_t rows = clean.catalog().size();
  EXPECT_GE(clean.memory_bytes(), sizeof(Report) + rows * (sizeof(std::int32_t) + 1));
  // What the report owns grows with what it keeps: a long note is counted.
  Report noted = clean;
  const std::size_t before = noted.memory_bytes();
  noted.set_note(id("B1:2.1"), std::string(100, 'a'));
  EXPECT_GE(noted.memory_bytes(), before + 100);
}

TEST(AgencyLevel, NamesRoundTrip) {
  for (auto l : {AgencyLevel::department, AgencyLevel::district, AgencyLevel::commune,
                 AgencyLevel::province})
    EXPECT_EQ(agency_level_from_string(to_string(l)), l);
  EXPECT_FALSE(agency_level_from_string("ministry").has_value());
}

}  // namespace
}  // namespace cchc
