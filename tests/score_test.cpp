// SPDX-License-Identifier: MIT
// Scoring an indicator set (cchc/score.hpp). Every expected figure below is worked out by hand
// in the comment beside it.
#include "cchc/score.hpp"

#include <filesystem>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "cchc/history.hpp"
#include "cchc/io.hpp"
#include "cchc/templates.hpp"

namespace cchc {
namespace {
namespace fs = std::filesystem;

const IndicatorScore& indicator(const Score& s, std::string_view id) {
  for (const auto& g : s.groups)
    for (const auto& i : g.indicators)
      if (i.indicator->id == id) return i;
  throw std::out_of_range(std::string(id));
}

std::string points(const IndicatorScore& i) { return i.points ? format_decimal(*i.points) : "—"; }
std::string rate(const IndicatorScore& i) { return i.rate ? format_rational(*i.rate, 2) : "—"; }

Report report_766(int year, PeriodKind kind, std::vector<std::pair<std::string, std::string>> values) {
  const auto t = Registry::builtin().lookup("vn.qd-766-2022.chi-so-phuc-vu").value();
  Report r(t->catalog());
  r.metadata().agency = {"UBND tỉnh Sơn La", "UBND-SL", AgencyLevel::province};
  r.metadata().period = Period{year, kind};
  for (const auto& [a, v] : values) r.set_text(a, v).value();
  return r;
}

TEST(Score, Decision766WeighsOnlyWhatAPublishedSourceGives) {
  const auto t = Registry::builtin().lookup("vn.qd-766-2022.chi-so-phuc-vu").value();
  const Report r = report_766(2025, PeriodKind::q1,
                              {{"B1:2.1", "50"}, {"B1:2.2", "45"},                  // 1.2
                               {"B1:4.2", "90"},                                    // 1.4, no denominator
                               {"B4:3.1", "100"}, {"B4:3.2", "30"},                 // 4.3
                               {"B5:3.1", "200"}, {"B5:3.2", "10"}, {"B5:3.3", "20"}});  // 5.3
  const Score s = score(r, *t).value();
  // 1.2: 45 / 50 = 90 % ≥ 80 %: the full 4 points.
  EXPECT_EQ(rate(indicator(s, "1.2")), "90,00");
  EXPECT_EQ(points(indicator(s, "1.2")), "4,00");
  // 5.3: (200 − 10 − 20) / 200 = 85 % < 90 %: 6 × 85 / 90 = 5,666… → 5,67.
  EXPECT_EQ(rate(indicator(s, "5.3")), "85,00");
  EXPECT_EQ(points(indicator(s, "5.3")), "5,67");
  // 4.3 has no published weight, but its rate is 30 % × the synchronisation rate of 1.4, which
  // has no denominator and no last year to take a quarter of: no rate.
  EXPECT_EQ(rate(indicator(s, "4.3")), "—");
  EXPECT_EQ(indicator(s, "1.4").missing, std::vector<std::string>{"B1:4.1"});
  EXPECT_NE(indicator(s, "1.4").denominator_rule_en.find("no report of last year"), std::string::npos);
  EXPECT_EQ(format_decimal(s.total), "9,67");  // 4,00 + 5,67
  EXPECT_EQ(format_decimal(s.max), "100");
  EXPECT_FALSE(s.complete);
  EXPECT_EQ(s.unweighted, (std::vector<std::string>{"1.1", "1.3", "1.4", "2.1", "3.1", "3.2", "3.3", "4.1",
                                                     "4.2", "4.3", "4.4", "4.5", "5.1", "5.2"}));
  const std::string text = score_to_text(s, Language::vi);
  EXPECT_NE(text.find("Tổng điểm: 9,67 / 100 — chưa đủ"), std::string::npos) << text;
  EXPECT_NE(text.find("chưa có trọng số công bố"), std::string::npos);
  const std::string json = score_to_json(s);
  EXPECT_NE(json.find(R"("total": "9,67")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("unweighted": ["1.1")"), std::string::npos) << json;
}

TEST(Score, RendersThroughTheTableModel) {
  const auto t = Registry::builtin().lookup("vn.qd-766-2022.chi-so-phuc-vu").value();
  const Report r = report_766(2025, PeriodKind::q1, {{"B1:2.1", "50"}, {"B1:2.2", "45"}});
  const TableDocument doc = score_table_model(r, score(r, *t).value(), Language::vi);
  ASSERT_EQ(doc.forms.size(), 6u);  // the five groups, then the total
  EXPECT_EQ(doc.forms[0].title, "Công khai, minh bạch: 4,00 / 18 (chưa đủ)");
  EXPECT_EQ(doc.forms[0].rows[1].code, "1.2");
  EXPECT_EQ(doc.forms[0].rows[1].unit, "90,00");
  EXPECT_EQ(doc.forms[0].rows[1].value, "4,00 / 4");
  EXPECT_EQ(doc.forms[0].rows[0].value, "— / ?");
  EXPECT_EQ(doc.forms[0].rows[0].note, "thiếu: B1:1.2, B1:1.1\nchưa có trọng số công bố");
  EXPECT_EQ(doc.forms[5].rows.at(0).value, "4,00 / 100");
  EXPECT_EQ(doc.period, "Quý I năm 2025");
  const std::string md = render_markdown(doc);
  EXPECT_NE(md.find("| 1.2 | Tỷ lệ TTHC được cập nhật, công khai đúng hạn | 90,00 | 4,00 / 4 |"), std::string::npos) << md;
  EXPECT_NE(render_html(doc).find("4,00 / 100"), std::string::npos);
}

TEST(Score, AQuarterWithoutADenominatorTakesAQuarterOfLastYears) {
  const auto t = Registry::builtin().lookup("vn.qd-766-2022.chi-so-phuc-vu").value();
  const Report r = report_766(2025, PeriodKind::q1, {{"B1:4.2", "90"}, {"B4:3.1", "100"}, {"B4:3.2", "30"}});
  History h;
  h.add(report_766(2024, PeriodKind::year, {{"B1:4.1", "400"}, {"B1:4.2", "380"}}));
  const Score s = score(r, *t, {&h}).value();
  // 1.4: 90 / (400 ÷ 4) = 90 %.
  EXPECT_EQ(rate(indicator(s, "1.4")), "90,00");
  EXPECT_TRUE(indicator(s, "1.4").missing.empty());
  EXPECT_EQ(indicator(s, "1.4").denominator_rule_en, "the quarter's denominator = year 2024 ÷ 4 = 400 ÷ 4");
  // 4.3: 30 / 100 = 30 %, × 90 % = 27 %.
  EXPECT_EQ(rate(indicator(s, "4.3")), "27,00");
  // The rule is the quarter's: a six-month report with no denominator stays without a rate.
  const Report six = report_766(2025, PeriodKind::six_months, {{"B1:4.2", "90"}});
  EXPECT_EQ(rate(indicator(score(six, *t, {&h}).value(), "1.4")), "—");
}

class FullyWeighed : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt::format("cchc-score-{}", ::getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write_file(dir_ / "catalog.json", R"({
  "format": "cchc.catalog/1", "id": "vn.test.score", "version": "1", "title": "Chỉ số thử",
  "level": "province",
  "forms": [
    {"number": 1, "title": "Nhóm A", "rows": [
      {"code": "1", "label": "Tỷ lệ A1", "unit": "%", "kind": "percent", "ratio": {"numerator": "1.2", "denominator": "1.1"}},
      {"code": "1.1", "label": "Mẫu số A1", "kind": "count"},
      {"code": "1.2", "label": "Tử số A1", "kind": "count"},
      {"code": "2", "label": "A2", "kind": "heading"},
      {"code": "2.1", "label": "Mẫu số A2", "kind": "count"},
      {"code": "2.2", "label": "Tử số A2", "kind": "count"}]},
    {"number": 2, "title": "Nhóm B", "rows": [
      {"code": "1", "label": "B1", "kind": "heading"},
      {"code": "1.1", "label": "Tổng số", "kind": "count"},
      {"code": "1.2", "label": "Số không đạt", "kind": "count"}]}
  ]
}
)").value();
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string scoring(std::string_view a_points) {
    return fmt::format(R"({{
  "format": "cchc.scoring/1", "title": "Chỉ số thử", "source": "tests/score_test.cpp",
  "groups": [
    {{"id": "A", "title": "Nhóm A", "points": {}, "indicators": [
      {{"id": "a1", "title": "A1", "rate": "B1:1", "points": 40}},
      {{"id": "a2", "title": "A2", "numerator": "B1:2.2", "denominator": "B1:2.1", "points": "20", "threshold": 50}}]}},
    {{"id": "B", "title": "Nhóm B", "points": 40, "indicators": [
      {{"id": "b1", "title": "B1", "numerator": ["B2:1.1", "-B2:1.2"], "denominator": "B2:1.1", "points": 40, "threshold": 90}}]}}
  ]
}}
)",
                       a_points);
  }
  fs::path dir_;
};

TEST_F(FullyWeighed, ScoresOutOfTheWholeHundred) {
  write_file(dir_ / "scoring.json", scoring("60")).value();
  const auto t = load_template(dir_).value();
  Report r(t->catalog());
  for (const auto& [a, v] : std::vector<std::pair<std::string, std::string>>{
           {"B1:1.1", "300"}, {"B1:1.2", "200"}, {"B1:2.1", "8"}, {"B1:2.2", "3"}, {"B2:1.1", "1.000"}, {"B2:1.2", "50"}})
    r.set_text(a, v).value();
  const Score s = score(r, *t).value();
  EXPECT_EQ(points(indicator(s, "a1")), "33,33");  // 200/300 = 66,67 % < 80 %: 40 × 66,67 / 80
  EXPECT_EQ(points(indicator(s, "a2")), "15,00");  // 3/8 = 37,5 % < 50 %: 20 × 37,5 / 50
  EXPECT_EQ(points(indicator(s, "b1")), "40,00");  // 950/1000 = 95 % ≥ 90 %
  EXPECT_EQ(format_decimal(s.groups[0].points), "48,33");
  EXPECT_EQ(format_decimal(s.total), "88,33");
  EXPECT_TRUE(s.complete);
  EXPECT_NE(score_to_text(s, Language::en).find("Total: 88,33 / 100\n"), std::string::npos);

  // A blank figure leaves its indicator unscored, and the score incomplete, not lower.
  r.clear(*r.catalog().find("B2:1.2"));
  const Score blank = score(r, *t).value();
  EXPECT_EQ(points(indicator(blank, "b1")), "—");
  EXPECT_EQ(indicator(blank, "b1").missing, std::vector<std::string>{"B2:1.2"});
  EXPECT_FALSE(blank.complete);
  EXPECT_EQ(format_decimal(blank.total), "48,33");

  // A report of another template is refused.
  EXPECT_FALSE(score(Report(builtin_catalog()), *t));
  // So is a template without a scoring.
  EXPECT_FALSE(score(r, *Registry::builtin().lookup("vn.sonla.ubnd-xa").value()));
}

TEST_F(FullyWeighed, PointsThatDoNotAddUpToTheGroupAreAnError) {
  write_file(dir_ / "scoring.json", scoring("55")).value();
  const auto t = load_template(dir_);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().where, fmt::format("{}:4: $.groups[0].points", (dir_ / "scoring.json").string()));
  EXPECT_NE(t.error().message_en.find("the indicators' points (60,00) do not match the group's (55)"),
            std::string::npos);
}

}  // namespace
}  // namespace cchc
