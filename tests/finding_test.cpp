// SPDX-License-Identifier: MIT
#include "cchc/finding.hpp"
#include "cchc/output.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "cchc/report.hpp"

namespace cchc {
namespace {

std::vector<Finding> sample() {
  auto cat = builtin_catalog();
  Report r(cat);
  EXPECT_TRUE(r.set_text("B4:3.1", "25"));
  EXPECT_TRUE(r.set_text("B4:3.2", "33"));
  Finding f;
  f.rule_id = "sum.B4:3.1[3.2]";
  f.severity = Severity::error;
  f.rows = {FindingRow::of(r, cat->lookup("B4:3.1").value()),
            FindingRow::of(r, cat->lookup("B4:3.2").value()),
            FindingRow::of(r, cat->lookup("B4:3.3").value())};
  f.expected = "≥ 33";
  f.message_vi = "B4:3.2 = 33 vượt quá B4:3.1 = 25";
  f.message_en = "B4:3.2 = 33 exceeds B4:3.1 = 25";
  f.fix = Fix{cat->lookup("B4:3.1").value(), "B4:3.1", "33"};
  Finding g;
  g.rule_id = "required.B1:1";
  g.severity = Severity::warning;
  g.rows = {FindingRow::of(r, cat->lookup("B1:1").value())};
  g.message_vi = "trống";
  g.message_en = "blank";
  return {f, g};
}

TEST(Severity, NamesRoundTrip) {
  for (auto s : {Severity::info, Severity::warning, Severity::error})
    EXPECT_EQ(severity_from_string(to_string(s)), s);
  EXPECT_FALSE(severity_from_string("fatal").has_value());
}

TEST(Findings, SortByFirstRowThenId) {
  auto f = sample();
  sort_findings(f, *builtin_catalog());
  EXPECT_EQ(f[0].rule_id, "required.B1:1");
  EXPECT_EQ(f[1].rule_id, "sum.B4:3.1[3.2]");
  EXPECT_TRUE(has_errors(f));
  EXPECT_FALSE(has_errors(std::span<const Finding>(f).first(1)));
}

TEST(Findings, RowsKeepTheirValuesAsWritten) {
  const auto f = sample();
  EXPECT_EQ(f[0].rows[1].text, "33");
  EXPECT_FALSE(f[0].rows[1].blank);
  EXPECT_TRUE(f[0].rows[2].blank);
  EXPECT_EQ(f[0].rows[2].text, "");
}

TEST(Findings, JsonHasEverythingAndASummary) {
  const auto doc = boost::json::parse(findings_to_json(sample()));
  EXPECT_EQ(doc.at("format").as_string(), "cchc.findings/1");
  EXPECT_EQ(doc.at("summary").at("errors").as_int64(), 1);
  EXPECT_EQ(doc.at("summary").at("warnings").as_int64(), 1);
  const auto& first = doc.at("findings").at(0);
  EXPECT_EQ(first.at("rule").as_string(), "sum.B4:3.1[3.2]");
  EXPECT_EQ(first.at("severity").as_string(), "error");
  EXPECT_EQ(first.at("rows").at(1).at("value").as_string(), "33");
  EXPECT_TRUE(first.at("rows").at(2).at("value").is_null());
  EXPECT_EQ(first.at("expected").as_string(), "≥ 33");
  EXPECT_EQ(first.at("message").at("vi").as_string(), "B4:3.2 = 33 vượt quá B4:3.1 = 25");
  EXPECT_EQ(first.at("fix").at("value").as_string(), "33");
  EXPECT_FALSE(doc.at("findings").at(1).as_object().contains("fix"));
}

TEST(Findings, TextInEitherLanguage) {
  const auto f = sample();
  const std::string vi = findings_to_text(f, Language::vi);
  EXPECT_NE(vi.find("lỗi [sum.B4:3.1[3.2]] B4:3.1, B4:3.2, B4:3.3\n"), std::string::npos) << vi;
  EXPECT_NE(vi.find("  đề xuất sửa: B4:3.1 = 33\n"), std::string::npos);
  EXPECT_NE(vi.find("Tổng cộng: 1 lỗi, 1 cảnh báo, 0 thông tin"), std::string::npos);
  const std::string en = findings_to_text(f, Language::en);
  EXPECT_NE(en.find("  B4:3.2 = 33 exceeds B4:3.1 = 25\n  expected: ≥ 33\n"), std::string::npos) << en;
  EXPECT_NE(en.find("Total: 1 errors, 1 warnings, 0 info"), std::string::npos);
}

}  // namespace
}  // namespace cchc
