// SPDX-License-Identifier: MIT
#include "cchc/output.hpp"

#include <gtest/gtest.h>

#include "cchc/json.hpp"
#include "cchc/rules.hpp"

#include "support/seed_report.hpp"

namespace cchc {
namespace {

const Report& seed() { return testing::seed_report(); }

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(Output, FormatsByName) {
  ASSERT_EQ(output_formats().size(), 2u);
  for (std::string_view name : output_formats()) {
    const auto f = output_format_from_string(name);
    ASSERT_TRUE(f.has_value()) << name;
    EXPECT_EQ(to_string(*f), name);
    EXPECT_EQ(writer(*f).format(), *f);
  }
  EXPECT_FALSE(output_format_from_string("xml").has_value());
}

TEST(Output, TheJsonWriterIsTheLosslessCodec) {
  const Writer& w = writer(OutputFormat::json);
  EXPECT_EQ(w.report(seed(), {}), report_to_json(seed()));
  EXPECT_EQ(w.catalog(seed().catalog(), {}), catalog_to_json(seed().catalog()));
  const auto findings = RuleSet::builtin(seed().catalog_ptr()).check(seed()).value();
  EXPECT_EQ(w.findings(findings, {}), findings_to_json(findings));
  EXPECT_EQ(w.derived(derive(seed()), {}), report_to_json(derive(seed()).report));
}

TEST(Output, TextTablesShowTheFormsAsPrinted) {
  const Writer& w = writer(OutputFormat::text);
  const std::string all = w.report(seed(), {});
  for (int form = 1; form <= 7; ++form) EXPECT_TRUE(has(all, "Biểu mẫu " + std::to_string(form) + " —")) << form;
  EXPECT_TRUE(has(all, "Báo cáo số 94/BC-SKHCN ngày 12/03/2024"));
  EXPECT_TRUE(has(all, "33,3 │"));
  const std::string four = w.report(seed(), {Language::vi, 4});
  EXPECT_TRUE(has(four, "Biểu mẫu 4 —"));
  EXPECT_FALSE(has(four, "Biểu mẫu 3 —"));
  // The footnote mark stands after its anchor, in superscript, and the note below the table.
  const std::string cat = w.catalog(seed().catalog(), {Language::vi, 2});
  EXPECT_TRUE(has(cat, "VBQPPL¹"));
  EXPECT_TRUE(has(cat, "¹ Văn bản quy phạm pháp luật"));
  EXPECT_TRUE(has(w.derived(derive(seed()), {}), "B1:2 = 60    (100 × B1:2.2 / B1:2.1)"));
}

TEST(Output, CoverageAsTextAndJson) {
  Coverage c;
  c.rows_expected = 113;
  c.rows_found = 112;
  c.values = 100;
  c.blanks = 12;
  c.problems.push_back({"B3:3.2", 77, "hai số liệu", "two figures"});
  EXPECT_TRUE(has(coverage_to_text(c, Language::en), "Read 112/113 annex rows (99%)"));
  EXPECT_TRUE(has(coverage_to_text(c, Language::en), "B3:3.2 (line 77) two figures"));
  EXPECT_EQ(writer(OutputFormat::text).coverage(c, {Language::vi, 0}), coverage_to_text(c, Language::vi));
  const std::string json = coverage_to_json(c);
  EXPECT_TRUE(has(json, "\"format\": \"cchc.coverage/1\""));
  EXPECT_TRUE(has(json, "\"rows_found\": 112"));
  EXPECT_TRUE(has(json, "\"complete\": false"));
  EXPECT_TRUE(has(json, "\"row\": \"B3:3.2\""));
  EXPECT_TRUE(has(json, "\"line\": 77"));
  EXPECT_TRUE(has(json, "\"en\": \"two figures\""));
  EXPECT_EQ(writer(OutputFormat::json).coverage(c, {}), json);
}

}  // namespace
}  // namespace cchc
