// SPDX-License-Identifier: MIT
#include "cchc/office_import.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "cchc/check.hpp"
#include "cchc/io.hpp"
#include "cchc/json.hpp"
#include "cchc/render.hpp"
#include "cchc/rules.hpp"

#include "support/seed_report.hpp"
#include "support/zip.hpp"

namespace cchc {
namespace {

const Report& seed() { return testing::seed_report(); }

std::string office_file(std::string_view name) {
  return read_file(std::string(CCHC_TEST_DATA_DIR) + "/office/" + std::string(name)).value();
}

using testing::zip_of;

void expect_same_report(const Report& got, const Report& want) {
  EXPECT_EQ(got.metadata(), want.metadata());
  for (const Row& row : want.catalog().rows()) {
    EXPECT_EQ(text_of(got.value(row.id)), text_of(want.value(row.id))) << row.address();
    EXPECT_EQ(is_absent(got.value(row.id)), is_absent(want.value(row.id))) << row.address();
    EXPECT_EQ(got.note(row.id), want.note(row.id)) << row.address();
  }
}

class OfficeRoundTrip : public ::testing::TestWithParam<RenderFormat> {};

// Issue 16: what cchc writes as Word or Excel reads back into the same report.
TEST_P(OfficeRoundTrip, ReadsBackToTheSameReport) {
  Report r = seed();
  r.set_note(r.catalog().lookup("B4:1.4").value(), "Ghi chú: \"đã cắt giảm\" 2 đơn vị");
  r.set_text("B6:1", "85.000.000").value();  // a figure written with grouping
  r.set_text("B5:2.1", "0012").value();      // and one with leading zeros
  const auto findings = check(r, RuleSet::builtin(r.catalog_ptr())).value();
  RenderOptions o;
  o.findings = findings;
  const std::string bytes = render(r, GetParam(), o).value();
  const ImportedText back = import_office(bytes).value();
  EXPECT_TRUE(back.coverage.complete()) << back.coverage.problems.size() << " problems, first: "
                                        << (back.coverage.problems.empty() ? "" : back.coverage.problems[0].reason_en);
  expect_same_report(back.report, r);
}

INSTANTIATE_TEST_SUITE_P(Formats, OfficeRoundTrip,
                         ::testing::Values(RenderFormat::docx, RenderFormat::xlsx),
                         [](const auto& p) { return std::string(to_string(p.param)); });

// An annex laid out by hand in Excel: STT/ĐVT headers, codes with trailing dots, numbers in
// General, "00" and "0.0" formats, a footnote row, a code list in the notes beside a blank.
TEST(OfficeImport, AnExcelAnnexLaidOutByHand) {
  const ImportedText t = import_office(office_file("annex-openpyxl.xlsx")).value();
  const std::map<std::string, std::string> want{
      {"B1:1", "12"},   {"B1:2", "60"},    {"B1:2.1", "35"},   {"B1:2.2", "21"},
      {"B1:4.1", "196"}, {"B1:4.2", "149"}, {"B1:6", "1"},     {"B4:1.3", "02"},
      {"B4:1.4", "33,3"}, {"B4:2.5", "11,11"}, {"B4:3.1", "25"}};
  for (const Row& row : t.report.catalog().rows()) {
    const auto it = want.find(row.address());
    if (it != want.end()) EXPECT_EQ(text_of(t.report.value(row.id)), it->second) << row.address();
    else EXPECT_TRUE(is_absent(t.report.value(row.id))) << row.address() << " was never in the file";
  }
  EXPECT_EQ(t.report.note(t.report.catalog().lookup("B1:2.2").value()), "Đạt 60% kế hoạch");
  EXPECT_EQ(t.coverage.values, want.size());
  EXPECT_EQ(t.coverage.blanks, 1u);  // B1:6.2: its notes say "Kết hợp = 2", its value is blank
  // Every row it did not have is reported; nothing else is a problem.
  EXPECT_EQ(t.coverage.problems.size(), t.coverage.rows_expected - t.coverage.rows_found);
}

// A Word report: narrative paragraphs, then "BIỂU MẪU SỐ 07" and its table; a figure in the
// notes column beside a blank value stays in the notes, and "7 / 7" is flagged, not guessed.
TEST(OfficeImport, AWordAnnexLaidOutByHand) {
  const ImportedText t = import_office(office_file("annex-python-docx.docx")).value();
  const Catalog& cat = t.report.catalog();
  EXPECT_EQ(text_of(t.report.value(cat.lookup("B7:1").value())), "100");
  EXPECT_EQ(text_of(t.report.value(cat.lookup("B7:5.1").value())), "04/04");
  EXPECT_TRUE(is_absent(t.report.value(cat.lookup("B7:2").value())));
  EXPECT_EQ(t.report.note(cat.lookup("B7:2").value()), "Gồm 02 thủ tục toàn trình");
  EXPECT_TRUE(is_absent(t.report.value(cat.lookup("B7:5.2").value())));
  bool flagged = false;
  for (const auto& p : t.coverage.problems) flagged = flagged || p.address == "B7:5.2";
  EXPECT_TRUE(flagged);
  EXPECT_EQ(t.report.metadata().period, (Period{2024, PeriodKind::q1}));
  EXPECT_EQ(t.report.metadata().agency.name, "Sở Tư pháp");
}

TEST(OfficeImport, HostileFilesGetClearErrors) {
  EXPECT_EQ(import_office("not a zip at all").error().code, errc::parse_error);
  EXPECT_EQ(import_office(zip_of({{"hello.txt", "hi"}})).error().code, errc::parse_error);
  // Malformed XML names its part.
  const auto bad = import_office(zip_of({{"word/document.xml", "<w:document><w:body>"}}));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, errc::parse_error);
  EXPECT_EQ(bad.error().where, "word/document.xml");
  // A part that unpacks beyond the limit (a zip bomb's way) stops at it.
  const std::string bomb = zip_of({{"word/document.xml", std::string(1u << 20, ' ')}});
  TextLimits limits;
  limits.max_bytes = 64 * 1024;
  ASSERT_LT(bomb.size(), limits.max_bytes);
  EXPECT_EQ(import_office(bomb, builtin_catalog(), limits).error().code, errc::limit_exceeded);
  // Text is UTF-8: raw bytes that are not fail the part, and what numeric entities spell that is
  // not (a lone surrogate) is left out with a problem; the report always survives JSON (found by
  // fuzz_office: such a signer's name did not).
  EXPECT_EQ(import_office(zip_of({{"word/document.xml", "<w:document><w:body><w:p><w:r><w:t>\xff</w:t>"
                                                        "</w:r></w:p></w:body></w:document>"}}))
                .error()
                .code,
            errc::invalid_utf8);
  const auto spelled = import_office(zip_of(
      {{"word/document.xml", "<w:document><w:body><w:p><w:r><w:t>TRƯỞNG BAN</w:t></w:r></w:p>"
                             "<w:p><w:r><w:t>Nguyễn &#xD800; A</w:t></w:r></w:p></w:body></w:document>"}}));
  ASSERT_TRUE(spelled);
  EXPECT_TRUE(report_from_json(report_to_json(spelled->report)).has_value());
  // Deep XML is read without recursion.
  std::string deep = "<w:document><w:body><w:p>";
  for (int i = 0; i < 100000; ++i) deep += "<w:r>";
  const auto deep_result = import_office(zip_of({{"word/document.xml", deep}}));
  EXPECT_TRUE(deep_result || deep_result.error().code == errc::parse_error);  // never a crash
}

}  // namespace
}  // namespace cchc
