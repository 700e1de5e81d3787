// SPDX-License-Identifier: MIT
#include "cchc/narrative.hpp"
#include "cchc/check.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "cchc/json.hpp"
#include "cchc/text_import.hpp"

namespace cchc {
namespace {

const std::string seed_path = std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.txt";

const ImportedText& seed() {
  static const ImportedText imported = import_file(seed_path).value();
  return imported;
}

TEST(Narrative, SectionsAndItemsOfTheSeed) {
  const Narrative& n = seed().narrative;
  ASSERT_EQ(n.sections.size(), 5u);
  const char* numerals[] = {"I", "II", "III", "IV", "V"};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(n.sections[i].numeral, numerals[i]);
  EXPECT_EQ(n.sections[0].title, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH");
  EXPECT_EQ(n.sections[3].title, "PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM QUÝ IV NĂM 2023");
  EXPECT_EQ(n.sections[0].items.size(), 7u);
  EXPECT_EQ(n.sections[1].items.size(), 6u);
  EXPECT_EQ(n.sections[3].items.size(), 13u);
  EXPECT_EQ(n.sections[0].items[1].title, "Tiến độ thực hiện Kế hoạch cải cách hành chính năm 2024");
  EXPECT_NE(n.sections[0].items[5].text.find("196 nhiệm vụ"), std::string::npos);
}

TEST(Narrative, PeriodsRangesMoneyAndCitations) {
  const Narrative& n = seed().narrative;
  ASSERT_TRUE(n.title_period);
  EXPECT_EQ(n.title_period->period, (Period{2024, PeriodKind::q1}));
  ASSERT_TRUE(n.next_period);
  EXPECT_EQ(n.next_period->period, (Period{2023, PeriodKind::q4}));
  ASSERT_EQ(n.ranges.size(), 2u);
  EXPECT_EQ(n.ranges[0].from, Date(2024, 12, 15));
  EXPECT_EQ(n.ranges[0].to, Date(2024, 3, 13));
  EXPECT_EQ(n.ranges[1].from, Date(2023, 12, 15));
  EXPECT_EQ(n.ranges[1].line, 242u);
  ASSERT_EQ(n.money.size(), 1u);
  EXPECT_EQ(n.money[0].amount, Money{85000000});
  EXPECT_EQ(n.money[0].text, "85.000.000 đồng");
  // Every citation of the narrative (the annex's own heading is not narrative).
  EXPECT_EQ(n.citations.size(), 30u);
  EXPECT_EQ(n.citations.front().text, "Công văn số 3981/SNV-CCHC&VTLT ngày 01/3/2022");
}

// Sums of money are read where their unit stands: the whole figure before it, grouped by
// thousands or not at all, in the order of the text, with the line it stands on.
TEST(Narrative, SumsOfMoneyWhereverTheirUnitStands) {
  const auto cat = builtin_catalog();
  const Narrative n = parse_narrative(
      "Chi 1.500 VND,\n"
      "rồi 85.000.000 đồng và 2000 VNĐ;\n"
      "không phải 1,500 đồng, 1234.567 đồng, 12.34 đồng, .500 đồng, 500. đồng hay đồng.",
      *cat, 10);
  ASSERT_EQ(n.money.size(), 3u);
  EXPECT_EQ(n.money[0].text, "1.500 VND");
  EXPECT_EQ(n.money[0].amount, Money{1500});
  EXPECT_EQ(n.money[0].line, 10u);
  EXPECT_EQ(n.money[1].text, "85.000.000 đồng");
  EXPECT_EQ(n.money[1].line, 11u);
  EXPECT_EQ(n.money[2].text, "2000 VNĐ");
  EXPECT_EQ(n.money[2].amount, Money{2000});
}

// A date range broken over lines is one range, on the line where it starts.
TEST(Narrative, ADateRangeAcrossLines) {
  const auto cat = builtin_catalog();
  const Narrative n = parse_narrative("Kỳ báo cáo:\n  từ ngày 15/12/2023\nđến hết\nngày 14/3/2024.", *cat, 3);
  ASSERT_EQ(n.ranges.size(), 1u);
  EXPECT_EQ(n.ranges[0].from_text, "15/12/2023");
  EXPECT_EQ(n.ranges[0].to, Date(2024, 3, 14));
  EXPECT_EQ(n.ranges[0].line, 4u);
  EXPECT_EQ(n.ranges[0].text, "từ ngày 15/12/2023 đến hết ngày 14/3/2024");
}

TEST(Narrative, EveryCitationOfTheSeed) {
  std::vector<std::string> got;
  for (const auto& c : seed().narrative.citations)
    got.push_back(fmt::format("{} {}/{} {} [{}|{}|{}] {}", c.type_word, c.number, c.symbol,
                              c.year ? std::to_string(*c.year) : "-", c.type_abbreviation, c.issuer,
                              c.unit, c.date_text));
  const std::vector<std::string> expected{
      "Công văn 3981/SNV-CCHC&VTLT - [|SNV|CCHC&VTLT] 01/3/2022",
      "Nghị quyết 03/NQ/TU - [NQ|TU|] 21/01/2021",
      "Quyết định 2407/QĐ-UBND - [QĐ|UBND|] 01/10/2021",
      "Quyết định 2972/QĐ-UBND - [QĐ|UBND|] 02/12/2021",
      "Kế hoạch 1951/KH-SKHCN - [KH|SKHCN|] 22/12/2021",
      "Kế hoạch 1648/KH-SKHCN - [KH|SKHCN|] 09/11/2021",
      "Quyết định 2783/QĐ-UBND - [QĐ|UBND|] 21/12/2023",
      "Kế hoạch 39/KH-SKHCN - [KH|SKHCN|] 09/01/2024",
      "Kế hoạch 105/KH-SKHCN - [KH|SKHCN|] 18/01/2024",
      "Kế hoạch 192/KH-SKHCN - [KH|SKHCN|] 16/02/2024",
      "Kế hoạch 285/KH-SKHCN - [KH|SKHCN|] 19/02/2024",
      "Báo cáo 77/BC-SKHCN - [BC|SKHCN|] 27/02/2024",
      "Báo cáo 05/BC-SKHCN - [BC|SKHCN|] 07/01/2024",
      "Kế hoạch 252/KH-SKHCN - [KH|SKHCN|] 06/02/2024",
      "Kế hoạch 10/KH-SKHCN - [KH|SKHCN|] 13/01/2024",
      "Kế hoạch 356/KH-SKHCN - [KH|SKHCN|] 29/02/2024",
      "Kế hoạch 216/KH-SKHCN - [KH|SKHCN|] 01/02/2024",
      "Kế hoạch 218/SKH-SKHCN - [SKH|SKHCN|] 01/02/2024",
      "Kế hoạch 59/KH-SKHCN - [KH|SKHCN|] 11/01/2024",
      "Nghị quyết 03/NQ/TU - [NQ|TU|] 21/01/2021",
      "Kế hoạch 77/KH-UBND - [KH|UBND|] 22/3/2021",
      "Quyết định 2697/QĐ-UBND - [QĐ|UBND|] 23/12/2022",
      "Kế hoạch 39/KH-SKHCN - [KH|SKHCN|] 09/01/2024",
      "Báo cáo 24/BC-SKHCN - [BC|SKHCN|] 15/01/2024",
      "Báo cáo 62/BC-SKHCN - [BC|SKHCN|] 16/02/2024",
      "Quyết định 34/QĐ-UBND 2020 [QĐ|UBND|] 20/7/2020",
      "Quyết định 35/QĐ-UBND 2020 [QĐ|UBND|] 20/7/2020",
      "Nghị định 130/NĐ-CP 2005 [NĐ|CP|] 17/10/2005",
      "Quyết định 02/QĐ-SKHCN - [QĐ|SKHCN|] 04/01/2023",
      "Nghị định 60/NĐ-CP 2021 [NĐ|CP|] ",
  };
  EXPECT_EQ(got, expected);
}

TEST(Narrative, FiguresStatedForRows) {
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& f : seed().narrative.figures) got.emplace_back(f.address, f.text);
  const std::vector<std::pair<std::string, std::string>> expected{
      {"B1:4.1", "196"}, {"B1:4.2", "149"}, {"B1:4.4", "0"},  {"B7:4.4.1", "16"},
      {"B3:3.1.2", "15"}, {"B4:2.1", "31"}, {"B4:2.2", "31"}, {"B4:1.3", "02"},
      {"B3:3.1", "100"}, {"B4:1.3", "02"}};
  EXPECT_EQ(got, expected);
}

TEST(Narrative, TheSeedsRealMistakesAndNothingElse) {
  const auto findings = check_narrative(seed().report, seed().narrative);
  std::vector<std::pair<std::string, std::size_t>> got;
  for (const auto& f : findings) got.emplace_back(f.rule_id, f.line);
  const std::vector<std::pair<std::string, std::size_t>> expected{
      // "Sở … được giao 31 biên chế", "sử dụng 31 biên chế": the annex says 32 and 32.
      {"narrative.B4:2.1", 260},
      {"narrative.B4:2.2", 262},
      // The report is dated 12/3/2024, before the Q1 data window closes on 14/3/2024.
      {"date.before-cutoff", 0},
      // Plan numbers of KH-SKHCN in 2024 that run against their dates: 39 (09/01) after 10
      // (13/01); 216 (01/02) and 252 (06/02) after 192 (16/02); 59 (11/01) after 10 (13/01).
      {"citation.sequence", 51},
      {"citation.sequence", 74},
      {"citation.sequence", 84},
      // "Kế hoạch số 218/SKH-SKHCN": SKH is no Decree 30 type, and Kế hoạch is KH.
      {"citation.type", 88},
      {"citation.sequence", 92},
      // "Từ ngày 15/12/2024 đến hết ngày 13/03/2024": the year is wrong, the range reversed,
      // and neither it nor "15/12/2023 – 13/3/2024" is the Q1 window (15/12/2023 – 14/3/2024).
      {"date.range-reversed", 159},
      {"date.window", 159},
      {"date.window", 242},
      // Section IV plans "Quý IV năm 2023"; after Q1 2024 comes the first half (or Q2) of 2024.
      {"period.next", 376},
  };
  EXPECT_EQ(got, expected);
}

Report dated(const char* date, Period p) {
  Report r(builtin_catalog());
  r.metadata().period = p;
  r.metadata().document.date = parse_iso_date(date).value();
  return r;
}

TEST(Narrative, EachCheckOnItsOwn) {
  const Catalog& cat = *builtin_catalog();
  auto ids = [](const std::vector<Finding>& f) {
    std::vector<std::string> out;
    for (const auto& x : f) out.push_back(x.rule_id);
    return out;
  };
  const Report r = dated("2024-03-20", {2024, PeriodKind::q1});
  EXPECT_TRUE(check_narrative(r, parse_narrative("Từ ngày 15/12/2023 đến hết ngày 14/3/2024.", cat)).empty());
  EXPECT_EQ(ids(check_narrative(r, parse_narrative("Báo cáo số 5/BC-UBND ngày 30/02/2024.", cat))),
            std::vector<std::string>{"date.impossible"});
  EXPECT_EQ(ids(check_narrative(r, parse_narrative("Kế hoạch số 9/KH-UBND ngày 21/3/2024.", cat))),
            std::vector<std::string>{"date.after-report"});
  EXPECT_EQ(ids(check_narrative(r, parse_narrative("Quyết định số 9/KH-UBND ngày 1/3/2024.", cat))),
            std::vector<std::string>{"citation.type"});
  EXPECT_TRUE(check_narrative(r, parse_narrative("I. MỞ ĐẦU\nIV. NHIỆM VỤ QUÝ II NĂM 2024\n", cat)).empty());
  EXPECT_EQ(ids(check_narrative(r, parse_narrative("I. MỞ ĐẦU\nIV. NHIỆM VỤ NĂM 2025\n", cat))),
            std::vector<std::string>{"period.next"});
  // Holidays move the earliest report date: 15/3/2024 off, 18/3 the first working day.
  const Report early = dated("2024-03-15", {2024, PeriodKind::q1});
  EXPECT_TRUE(check_narrative(early, Narrative{}).empty());
  NarrativeCheckOptions options;
  options.holidays.days = {Date(2024, 3, 15)};
  EXPECT_EQ(ids(check_narrative(early, Narrative{}, options)), std::vector<std::string>{"date.before-cutoff"});
}

TEST(Narrative, PercentFiguresAreRoundingAware) {
  Report r(builtin_catalog());
  ASSERT_TRUE(r.set_text("B3:3.1", "33,3"));
  const auto n = parse_narrative("có 33,33% hồ sơ phát sinh được tiếp nhận và giải quyết", *builtin_catalog());
  ASSERT_EQ(n.figures.size(), 1u);
  EXPECT_TRUE(check_narrative(r, n).empty());  // 33,33 lies within 33,3's interval
  ASSERT_TRUE(r.set_text("B3:3.1", "34"));
  EXPECT_EQ(check_narrative(r, n).size(), 1u);
}

// Phrases are found by their words and the figure read greedily (no regex): exactly the figures
// the phrase frames, left to right, whatever surrounds them.
TEST(Narrative, PhraseFiguresAreReadExactly) {
  auto figures = [](std::string_view text) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& f : parse_narrative(text, *builtin_catalog()).figures)
      out.emplace_back(f.address, f.text);
    return out;
  };
  using V = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(figures("Sở giao 12 nhiệm vụ, hoàn thành đúng hạn 1.234 nhiệm vụ."),
            (V{{"B1:4.1", "12"}, {"B1:4.2", "1.234"}}));
  EXPECT_EQ(figures("giao 12nhiệm vụ; giao nhiệm vụ; giao 12 , nhiệm vụ"), V{});
  EXPECT_EQ(figures("giao giao 7 nhiệm vụ"), (V{{"B1:4.1", "7"}}));
  EXPECT_EQ(figures("còn 3 nhiệm vụ quá hạn"), (V{{"B1:4.4", "3"}}));
  EXPECT_EQ(figures("3 nhiệm vụ quá hạn ở đầu"), (V{{"B1:4.4", "3"}}));
  // "1.2.3" is framed but is no count; the next occurrence still counts.
  EXPECT_EQ(figures("số 1.2.3 nhiệm vụ quá hạn, x3 nhiệm vụ quá hạn"), (V{{"B1:4.4", "3"}}));
  EXPECT_EQ(figures("1., 4 nhiệm vụ quá hạn"), (V{{"B1:4.4", "4"}}));
  EXPECT_EQ(figures(".5 nhiệm vụ quá hạn"), V{});  // a figure cannot start with a dot
  EXPECT_EQ(figures("có 98,5% hồ sơ phát sinh được tiếp nhận và giải quyết"),
            (V{{"B3:3.1", "98,5"}}));
}

}  // namespace
}  // namespace cchc
