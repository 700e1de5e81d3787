// SPDX-License-Identifier: MIT
#include "cchc/render.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cchc/batch.hpp"
#include "cchc/check.hpp"
#include "cchc/json.hpp"
#include "cchc/rules.hpp"

#include "support/seed_report.hpp"

namespace cchc {
namespace {

const Report& seed() { return testing::seed_report(); }

const std::vector<Finding>& seed_findings() {
  static const std::vector<Finding> f =
      check(seed(), RuleSet::builtin(seed().catalog_ptr())).value();
  return f;
}

std::size_t count(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

const TableRow& row_of(const TableDocument& doc, std::string_view address) {
  for (const auto& f : doc.forms)
    for (const auto& r : f.rows)
      if (r.address == address) return r;
  throw std::runtime_error("no row " + std::string(address));
}

// RFC 4180 records, for reading back what render_csv() wrote.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += c, ++i;
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

TEST(Render, TheModelHasEveryFormAndRowAsPrinted) {
  const TableDocument doc = table_model(seed()).value();
  ASSERT_EQ(doc.forms.size(), 7u);
  EXPECT_EQ(doc.agency, "Sở Khoa học và Công nghệ");
  EXPECT_EQ(doc.number, "Số: 94/BC-SKHCN");
  EXPECT_EQ(doc.place_date, "Sơn La, ngày 12 tháng 3 năm 2024");
  EXPECT_EQ(doc.subtitle, "Kết quả thực hiện công tác cải cách hành chính Quý I năm 2024");
  EXPECT_EQ(doc.columns.size(), 4u);
  std::size_t rows = 0;
  for (const auto& f : doc.forms) rows += f.rows.size();
  EXPECT_EQ(rows, seed().catalog().rows().size());
  const TableRow& pct = row_of(doc, "B4:1.4");
  EXPECT_EQ(pct.value, "33,3");
  EXPECT_EQ(pct.cell.number, 333);
  EXPECT_EQ(pct.cell.scale, 1);
  EXPECT_EQ(pct.kind, Kind::percent);
  EXPECT_EQ(row_of(doc, "B4:1.3").value, "02");  // as written
  EXPECT_EQ(row_of(doc, "B7:5.1").value, "04/04");
  EXPECT_EQ(row_of(doc, "B1:1").value, "");       // blank is not zero
  EXPECT_EQ(row_of(doc, "B1:1").cell.state, CellState::not_reported);
  EXPECT_EQ(row_of(doc, "B4:1").level, 0);
  EXPECT_EQ(row_of(doc, "B4:1.4").level, 1);
  EXPECT_EQ(row_of(doc, "B4:1").kind, Kind::heading);
}

TEST(Render, FindingsAttachToTheirRowsAndOneFormShowsItsOwn) {
  RenderOptions o;
  o.findings = seed_findings();
  const TableDocument all = table_model(seed(), o).value();
  EXPECT_EQ(all.findings.size(), seed_findings().size());
  const TableRow& exceeded = row_of(all, "B4:3.2");  // 33 exceeds B4:3.1 = 25
  ASSERT_FALSE(exceeded.findings.empty());
  EXPECT_EQ(exceeded.severity, Severity::error);
  EXPECT_EQ(all.findings[exceeded.findings[0]].rule_id, "sum.B4:3.1[3.2]");
  EXPECT_TRUE(row_of(all, "B4:1.3").findings.empty());
  EXPECT_FALSE(row_of(all, "B4:1.3").severity);

  o.form = 4;
  const TableDocument four = table_model(seed(), o).value();
  ASSERT_EQ(four.forms.size(), 1u);
  EXPECT_EQ(four.forms[0].number, 4);
  ASSERT_FALSE(four.findings.empty());
  for (const Finding& f : four.findings)
    EXPECT_TRUE(std::any_of(f.rows.begin(), f.rows.end(),
                            [](const FindingRow& r) { return r.address.starts_with("B4:"); }))
        << f.rule_id;
  EXPECT_LT(four.findings.size(), all.findings.size());

  o.form = 9;
  EXPECT_EQ(table_model(seed(), o).error().code, errc::not_found);
}

TEST(Render, EnglishHeadingsAndLabelsNumbersStayVietnamese) {
  RenderOptions o;
  o.lang = Language::en;
  const TableDocument doc = table_model(seed(), o).value();
  EXPECT_EQ(doc.columns[1], "Indicator");
  EXPECT_EQ(doc.number, "No. 94/BC-SKHCN");
  EXPECT_EQ(doc.forms[3].title, seed().catalog().forms()[3].title_en);
  EXPECT_EQ(row_of(doc, "B4:1.4").value, "33,3");
}

TEST(Render, HtmlIsOneEscapedDocumentWithATablePerForm) {
  RenderOptions o;
  o.findings = seed_findings();
  const std::string html = render(seed(), RenderFormat::html, o).value();
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
  EXPECT_EQ(count(html, "<table>"), 7u);
  EXPECT_EQ(count(html, "</table>"), 7u);
  EXPECT_NE(html.find("@page { size: A4"), std::string::npos);
  EXPECT_NE(html.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos);
  EXPECT_NE(html.find("data-row=\"B4:1.4\" data-state=\"reported\">33,3</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"value error\" data-row=\"B4:3.2\""), std::string::npos);
  EXPECT_EQ(count(html, "<li id=\"f"), seed_findings().size());
  EXPECT_EQ(html.find("src="), std::string::npos);  // self-contained
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);

  // What the report says is text, never markup.
  Report r = seed();
  r.metadata().agency.name = "Sở <b>\"A\" & 'B'</b>";
  const std::string hostile = render(r, RenderFormat::html).value();
  EXPECT_EQ(hostile.find("<b>"), std::string::npos);
  EXPECT_NE(hostile.find("Sở &lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;"), std::string::npos);
}

TEST(Render, MarkdownIsAPipeTablePerForm) {
  RenderOptions o;
  o.form = 7;
  Report r = seed();
  r.set_note(r.catalog().lookup("B7:5.1").value(), "a | b");
  const std::string md = render(r, RenderFormat::markdown, o).value();
  EXPECT_NE(md.find("## Biểu mẫu 7 — "), std::string::npos);
  EXPECT_NE(md.find("| TT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu | Ghi chú |"), std::string::npos);
  EXPECT_NE(md.find("| 04/04 | a \\| b |"), std::string::npos);
  EXPECT_EQ(md.find("## Biểu mẫu 6"), std::string::npos);
}

TEST(Render, CsvReadsBackToTheSameValues) {
  Report r = seed();
  r.set_note(r.catalog().lookup("B4:1.4").value(), "Ghi chú, có \"ngoặc\"\nvà dòng mới");
  const std::string csv = render(r, RenderFormat::csv).value();
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF"));
  const auto records = parse_csv(csv);
  ASSERT_EQ(records.size(), r.catalog().rows().size() + 1);
  for (std::size_t i = 1; i < records.size(); ++i) {
    ASSERT_EQ(records[i].size(), 8u) << i;
    const auto id = r.catalog().lookup(records[i][1]).value();
    EXPECT_EQ(records[i][5], text_of(r.value(id))) << records[i][1];
    EXPECT_EQ(records[i][6], r.note(id)) << records[i][1];
  }
}

TEST(Render, XlsxIsAWorkbook) {
  RenderOptions o;
  o.findings = seed_findings();
  const std::string xlsx = render(seed(), RenderFormat::xlsx, o).value();
  EXPECT_TRUE(xlsx.starts_with("PK\x03\x04"));  // a zip; its sheets are read in render.xlsx_in_openpyxl
  EXPECT_GT(xlsx.size(), 10000u);
  o.form = 2;
  EXPECT_LT(render(seed(), RenderFormat::xlsx, o).value().size(), xlsx.size());
}

TEST(Render, DocxIsAWordDocument) {
  RenderOptions o;
  o.findings = seed_findings();
  const std::string docx = render(seed(), RenderFormat::docx, o).value();
  EXPECT_TRUE(docx.starts_with("PK\x03\x04"));  // its content is read in render.docx_in_python_docx
  o.form = 2;
  EXPECT_LT(render(seed(), RenderFormat::docx, o).value().size(), docx.size());
  // Text that is markup in XML stays text.
  Report r = seed();
  r.metadata().agency.name = "Sở <w:b/> & \"A\"";
  EXPECT_TRUE(render(r, RenderFormat::docx).value().starts_with("PK"));
}

// A batch summary is a table model like a report's, so every writer writes it.
TEST(Render, ABatchSummaryIsATableForEveryWriter) {
  const RuleSet rules = RuleSet::builtin(seed().catalog_ptr());
  Batch batch(seed().catalog_ptr());
  ASSERT_TRUE(batch.add(seed()));
  Report clean = seed();
  ASSERT_TRUE(batch.add(clean));
  const BatchResult result = check_batch(batch, rules).value();
  const TableDocument doc = summary_table_model(result, &rules, Language::en);
  ASSERT_EQ(doc.forms.size(), 2u);
  EXPECT_EQ(doc.extra_columns(), 4u);
  ASSERT_EQ(doc.forms[0].rows.size(), result.rules.size());
  std::size_t failing = 0;
  for (std::size_t i = 0; i < result.rules.size(); ++i) {
    const RuleSummary& s = result.rules[i];
    const TableRow& r = doc.forms[0].rows[i];
    EXPECT_EQ(r.label, s.rule_id);
    EXPECT_EQ(r.cell.number, static_cast<std::int64_t>(s.evaluated));
    ASSERT_EQ(r.extra.size(), 4u);
    EXPECT_EQ(r.extra[1].cell.number, static_cast<std::int64_t>(s.failed));
    // The seed twice: a rule fails on both reports or on neither.
    EXPECT_EQ(r.extra[3].text, s.evaluated == 0 ? "" : s.failed ? "100,0" : "0,0") << s.rule_id;
    failing += s.failed > 0;
  }
  EXPECT_GT(failing, 0u);
  EXPECT_FALSE(doc.forms[0].rows[0].description.empty());  // the rule's message
  EXPECT_EQ(doc.forms[1].rows[0].value, "2");

  const std::string html = render(doc, RenderFormat::html).value();
  EXPECT_NE(html.find("Table 1 — By rule"), std::string::npos);
  // The totals have columns of their own: one figure a row, under its own heading.
  EXPECT_EQ(count(html, "<th scope=\"col\">Evaluated</th>"), 1u);
  EXPECT_EQ(count(html, "<th scope=\"col\">Number</th>"), 1u);
  EXPECT_EQ(count(html, "<tr>"), result.rules.size() + 5 + 2);  // and a header row each
  const auto records = parse_csv(render(doc, RenderFormat::csv).value());
  ASSERT_EQ(records.size(), result.rules.size() + 5 + 1);
  for (const auto& rec : records) EXPECT_EQ(rec.size(), 12u);
  EXPECT_EQ(records[1][3], result.rules[0].rule_id + "\n" + doc.forms[0].rows[0].description);
  EXPECT_NE(render(doc, RenderFormat::markdown).value().find("|---|---|---|---:|---:|---:|---:|---:|"),
            std::string::npos);
  EXPECT_TRUE(render(doc, RenderFormat::xlsx).value().starts_with("PK"));
  EXPECT_TRUE(render(doc, RenderFormat::docx).value().starts_with("PK"));
  EXPECT_EQ(render(doc, RenderFormat::json).error().code, errc::invalid_argument);
}

TEST(Render, JsonIsTheReportItself) {
  EXPECT_EQ(render(seed(), RenderFormat::json).value(), report_to_json(seed()));
  for (std::string_view name : render_formats())
    EXPECT_EQ(to_string(render_format_from_string(name).value()), name);
  EXPECT_EQ(render_format_from_string("markdown"), RenderFormat::markdown);
  EXPECT_FALSE(render_format_from_string("odt"));
}

}  // namespace
}  // namespace cchc
