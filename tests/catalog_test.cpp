// SPDX-License-Identifier: MIT
#include "cchc/catalog.hpp"

#include <gtest/gtest.h>

#include <set>

#include "support/seed_text.hpp"

namespace cchc {
namespace {

const Row& row_at(const Catalog& cat, std::string_view address) {
  return cat.row(cat.lookup(address).value());
}

// --- the built-in catalogue --------------------------------------------------------------------

TEST(BuiltinCatalog, IdentifiesItsTemplateAndGuidance) {
  auto cat = builtin_catalog();
  EXPECT_EQ(cat->id(), "vn.sonla.snv-3981-2022.so-nganh");
  EXPECT_EQ(cat->version(), "2022.1");
  EXPECT_EQ(cat->province(), "Sơn La");
  EXPECT_EQ(cat->guidance().document, "3981/SNV-CCHC&VTLT");
  EXPECT_EQ(cat->guidance().date, Date(2022, 3, 1));
  EXPECT_EQ(cat.get(), builtin_catalog().get());  // created once, shared
}

TEST(BuiltinCatalog, HasTheSevenFormsOfResolution76) {
  auto cat = builtin_catalog();
  ASSERT_EQ(cat->forms().size(), 7u);
  const char* titles[] = {"Công tác chỉ đạo điều hành CCHC",
                          "Cải cách thể chế",
                          "Cải cách thủ tục hành chính",
                          "Cải cách tổ chức bộ máy",
                          "Cải cách chế độ công vụ",
                          "Cải cách tài chính công",
                          "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"};
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(cat->forms()[static_cast<std::size_t>(i)].number, i + 1);
    EXPECT_EQ(cat->forms()[static_cast<std::size_t>(i)].title, titles[i]);
  }
  std::size_t rows = 0;
  for (const Form& f : cat->forms()) rows += cat->rows(f).size();
  EXPECT_EQ(rows, cat->size());
}

TEST(BuiltinCatalog, EveryRowOfTheSeedAnnexWithCodeLabelAndUnit) {
  // Independent of the catalogue file: each row's printed code, label, description and unit are
  // looked for, in catalogue order, in the annex text that pdftotext printed.
  auto cat = builtin_catalog();
  const auto toks = testing::tokens(testing::seed_annex());
  ASSERT_GT(toks.size(), 1000u);
  const auto starts = testing::row_starts(*cat, toks);
  std::vector<bool> used(toks.size(), false);
  for (std::size_t i = 0; i < cat->size(); ++i) {
    const Row& row = cat->rows()[i];
    SCOPED_TRACE(row.address());
    ASSERT_TRUE(starts[i].has_value()) << "row not found in the seed annex: " << row.label;
    const std::size_t end = i + 1 < starts.size() && starts[i + 1] ? *starts[i + 1] : toks.size();
    EXPECT_EQ(testing::match_row(toks, *starts[i], end, testing::row_tokens(row), used), "")
        << row.label << " | " << row.unit;
  }
}

TEST(BuiltinCatalog, NoNumberedRowOfTheSeedIsMissing) {
  // Every annex line that starts with a row code followed by text names a catalogue row of the
  // form it stands in.
  auto cat = builtin_catalog();
  const std::regex code_line(R"(^\s*([0-9]+(?:\.[0-9]+)*\.?)\s+[^\s0-9])");
  const std::regex form_line(R"(^\s*Biểu mẫu ([0-9]+))");
  std::istringstream in(testing::seed_annex());
  int form = 0;
  std::size_t seen = 0;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, form_line)) {
      form = std::stoi(m[1]);
    } else if (form > 0 && std::regex_search(line, m, code_line)) {
      SCOPED_TRACE(line);
      EXPECT_TRUE(cat->find("B" + std::to_string(form) + ":" + m[1].str()).has_value());
      ++seen;
    }
  }
  EXPECT_EQ(form, 7);
  EXPECT_GT(seen, 100u);
}

TEST(BuiltinCatalog, KindsAndCodeLists) {
  auto cat = builtin_catalog();
  EXPECT_EQ(row_at(*cat, "B1:1").kind, Kind::count);
  EXPECT_EQ(row_at(*cat, "B1:3").kind, Kind::heading);
  EXPECT_EQ(row_at(*cat, "B1:6").kind, Kind::yes_no);
  EXPECT_EQ(row_at(*cat, "B3:3.2").kind, Kind::pair);
  EXPECT_EQ(row_at(*cat, "B4:1.4").kind, Kind::percent);
  const Row& method = row_at(*cat, "B1:6.2");
  EXPECT_EQ(method.kind, Kind::code);
  ASSERT_EQ(method.codes.options().size(), 3u);
  EXPECT_EQ(method.codes.find(2)->label, "Kết hợp");
  const Row& meetings = row_at(*cat, "B7:1");
  EXPECT_EQ(meetings.codes.find(2)->label, "3 cấp");
  EXPECT_EQ(row_at(*cat, "B3:3.3").pair->first, "Cuộc");
}

TEST(BuiltinCatalog, StructureRatiosSumsAndFlags) {
  auto cat = builtin_catalog();
  const Row& rate = row_at(*cat, "B1:2");
  ASSERT_TRUE(rate.ratio.has_value());
  EXPECT_EQ(cat->row(rate.ratio->numerator).address(), "B1:2.2");
  EXPECT_EQ(cat->row(rate.ratio->denominator).address(), "B1:2.1");
  EXPECT_TRUE(rate.cumulative);
  EXPECT_FALSE(row_at(*cat, "B1:6.1").required);
  EXPECT_FALSE(row_at(*cat, "B1:3").required);  // headings never
  // Biểu mẫu 6: rows 2–5 split row 1.
  bool b6 = false;
  for (const Sum& s : cat->sums()) {
    if (cat->row(s.total).address() != "B6:1") continue;
    b6 = true;
    EXPECT_EQ(s.relation, Sum::Relation::equal);
    std::vector<std::string> parts;
    for (RowId p : s.parts) parts.push_back(cat->row(p).address());
    EXPECT_EQ(parts, (std::vector<std::string>{"B6:2", "B6:3", "B6:4", "B6:5"}));
  }
  EXPECT_TRUE(b6);
  // "of which" children generate an at-most sum.
  const Row& shares = row_at(*cat, "B7:3.2");
  EXPECT_EQ(shares.children_relation, ChildRelation::of_which);
  EXPECT_EQ(shares.children.size(), 2u);
  EXPECT_EQ(row_at(*cat, "B7:3.2.a").printed_code, "Trong đó");
  EXPECT_EQ(row_at(*cat, "B1:4").printed_code, "4.");
  EXPECT_EQ(row_at(*cat, "B2:1").footnotes.at(0).text, "Văn bản quy phạm pháp luật");
}

// --- addresses ---------------------------------------------------------------------------------

TEST(RowAddress, ParsesAndRejects) {
  auto a = parse_row_address("B3:3.1.2").value();
  EXPECT_EQ(a.form, 3);
  EXPECT_EQ(a.code, "3.1.2");
  for (auto bad : {"", "B3", "3:3.1", "B:1", "Bx:1", "B3:", "B0:1", "B-1:1", "C3:1"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(parse_row_address(bad).error().code, errc::parse_error);
  }
}

TEST(Catalog, LookupFindsPrintedCodesAndExplainsMisses) {
  auto cat = builtin_catalog();
  EXPECT_EQ(cat->find("B1:4."), cat->find("B1:4"));
  EXPECT_EQ(cat->find("b3:3.1.2"), cat->find("B3:3.1.2"));
  EXPECT_FALSE(cat->find("B3:9.9").has_value());
  auto no_row = cat->lookup("B3:9.9");
  EXPECT_EQ(no_row.error().code, errc::not_found);
  EXPECT_EQ(no_row.error().where, "B3:9.9");
  EXPECT_NE(no_row.error().message_en.find("form 3 has no row \"9.9\""), std::string::npos);
  EXPECT_NE(cat->lookup("B8:1").error().message_en.find("has no form 8"), std::string::npos);
  EXPECT_EQ(cat->lookup("nonsense").error().code, errc::parse_error);
}

// --- validation of a catalogue of our own -----------------------------------------------------

RowDefinition row(std::string code, Kind kind, std::string label = "Chỉ tiêu") {
  RowDefinition r;
  r.code = std::move(code);
  r.kind = kind;
  r.label = std::move(label);
  return r;
}

CatalogDefinition small() {
  CatalogDefinition def;
  def.id = "test.small";
  def.version = "1";
  FormDefinition f;
  f.number = 1;
  f.title = "Thử";
  f.rows = {row("1", Kind::count), row("1.1", Kind::count), row("1.2", Kind::count),
            row("2", Kind::percent)};
  f.rows[0].children = ChildRelation::partition;
  f.rows[3].ratio_numerator = "1.1";
  f.rows[3].ratio_denominator = "1";
  def.forms.push_back(std::move(f));
  return def;
}

error create_fails(CatalogDefinition def) {
  auto cat = Catalog::create(std::move(def));
  EXPECT_FALSE(cat);
  return cat ? error{} : cat.error();
}

TEST(Catalog, CreatesAndLinksParentsAndSums) {
  auto cat = Catalog::create(small()).value();
  const Row& total = row_at(*cat, "B1:1");
  EXPECT_EQ(total.children.size(), 2u);
  EXPECT_EQ(cat->row(*row_at(*cat, "B1:1.2").parent).code, "1");
  ASSERT_EQ(cat->sums().size(), 1u);
  EXPECT_EQ(cat->sums()[0].relation, Sum::Relation::equal);
  EXPECT_EQ(cat->sums()[0].parts.size(), 2u);
  EXPECT_TRUE(row_at(*cat, "B1:2").ratio.has_value());
}

TEST(Catalog, RejectsDuplicateCodesNamingTheRow) {
  auto def = small();
  def.forms[0].rows.push_back(row("1.1", Kind::count));
  auto e = create_fails(std::move(def));
  EXPECT_EQ(e.code, errc::invalid_catalog);
  EXPECT_EQ(e.where, "B1:1.1");
}

TEST(Catalog, RejectsMissingOrLateParents) {
  auto def = small();
  def.forms[0].rows.push_back(row("3.1", Kind::count));
  EXPECT_EQ(create_fails(def).where, "B1:3.1");
  def = small();
  def.forms[0].rows[1].parent = "2";  // exists, but only later
  EXPECT_NE(create_fails(def).message_en.find("does not precede"), std::string::npos);
  def = small();
  def.forms[0].rows.push_back(row("9.1", Kind::count));
  def.forms[0].rows.back().parent = "";  // explicitly top-level: fine
  EXPECT_TRUE(Catalog::create(def));
}

TEST(Catalog, RatiosMustReferenceCountRows) {
  auto def = small();
  def.forms[0].rows[3].ratio_numerator = "2";  // itself, a percent
  auto e = create_fails(def);
  EXPECT_EQ(e.where, "B1:2");
  EXPECT_NE(e.message_en.find("not a count row"), std::string::npos);
  def = small();
  def.forms[0].rows[3].ratio_denominator = "B9:1";
  EXPECT_NE(create_fails(def).message_en.find("names no row"), std::string::npos);
  def = small();
  def.forms[0].rows[1].ratio_numerator = "1";
  def.forms[0].rows[1].ratio_denominator = "1.2";
  EXPECT_NE(create_fails(def).message_en.find("only percent rows"), std::string::npos);
  def = small();
  def.forms[0].rows[3].ratio_denominator.reset();
  EXPECT_NE(create_fails(def).message_en.find("both"), std::string::npos);
}

TEST(Catalog, CodeRowsNeedUniqueCodes) {
  auto def = small();
  def.forms[0].rows.push_back(row("3", Kind::code));
  EXPECT_NE(create_fails(def).message_en.find("needs a code list"), std::string::npos);
  def.forms[0].rows.back().codes = {{0, "a", ""}, {0, "b", ""}};
  EXPECT_NE(create_fails(def).message_en.find("appears twice"), std::string::npos);
  def.forms[0].rows[0].codes = {{0, "a", ""}};
  def.forms[0].rows.back().codes = {{0, "a", ""}};
  EXPECT_NE(create_fails(def).message_en.find("only code rows"), std::string::npos);
}

TEST(Catalog, SumsAreOverRowsOfOneSummableKind) {
  auto def = small();
  def.forms[0].sums.push_back({"1", {"2"}, Sum::Relation::at_most});
  EXPECT_NE(create_fails(def).message_en.find("not of the total's kind"), std::string::npos);
  def = small();
  def.forms[0].sums.push_back({"1", {"1"}, Sum::Relation::at_most});
  EXPECT_NE(create_fails(def).message_en.find("own parts"), std::string::npos);
  def = small();
  def.forms[0].rows.push_back(row("3", Kind::heading));
  def.forms[0].rows.back().children = ChildRelation::of_which;
  EXPECT_NE(create_fails(def).message_en.find("only count, percent or money"), std::string::npos);
}

TEST(Catalog, CrossFormReferencesResolve) {
  auto def = small();
  FormDefinition second;
  second.number = 2;
  second.title = "Hai";
  second.rows = {row("1", Kind::count)};
  second.sums.push_back({"1", {"B1:1.1"}, Sum::Relation::at_most});
  def.forms.push_back(std::move(second));
  auto cat = Catalog::create(std::move(def)).value();
  EXPECT_EQ(cat->sums().back().parts.size(), 1u);
  EXPECT_EQ(cat->row(cat->sums().back().parts[0]).address(), "B1:1.1");
}

TEST(Catalog, NormalisesLabelsToNfcAndRejectsBadUtf8) {
  auto def = small();
  def.forms[0].rows[0].label = "Vi" "e\xCC\xA3\xCC\x82" "t";
  auto cat = Catalog::create(def).value();
  EXPECT_EQ(row_at(*cat, "B1:1").label, "Việt");
  def.forms[0].rows[0].label = "bad \xFF";
  auto e = create_fails(def);
  EXPECT_EQ(e.code, errc::invalid_utf8);
  EXPECT_NE(e.where.find("B1:1"), std::string::npos);
}

TEST(Catalog, MetadataChecks) {
  auto def = small();
  def.id.clear();
  EXPECT_EQ(create_fails(def).where, "id");
  def = small();
  def.forms.push_back(def.forms[0]);
  EXPECT_EQ(create_fails(def).where, "B1");
  def = small();
  def.effective_from = Date(2025, 1, 1);
  def.effective_until = Date(2024, 1, 1);
  EXPECT_EQ(create_fails(def).where, "effective");
  def = small();
  def.forms[0].rows[0].code = "1.";
  EXPECT_EQ(create_fails(def).code, errc::invalid_catalog);
}


TEST(Catalog, MeasuresAndConsolidationMarks) {
  auto def = small();
  def.forms[0].rows[0].measure = Measure::flow;
  def.forms[0].rows[1].cumulative = true;  // the older spelling of measure = cumulative
  def.forms[0].rows[0].aggregation = Aggregation::sum;
  def.forms[0].rows[3].aggregation = Aggregation::ratio;
  def.forms[0].rows[3].decimals = 1;
  auto cat = Catalog::create(def).value();
  EXPECT_EQ(row_at(*cat, "B1:1").measure, Measure::flow);
  EXPECT_EQ(row_at(*cat, "B1:1.1").measure, Measure::cumulative);
  EXPECT_TRUE(row_at(*cat, "B1:1.1").cumulative);
  EXPECT_EQ(row_at(*cat, "B1:2").decimals, 1);
  // Two rows say nothing: consolidation names them, nothing else minds.
  auto missing = cat->check_consolidation();
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message_en.find("B1:1.1, B1:1.2"), std::string::npos);
  def.forms[0].rows[1].aggregation = Aggregation::sum;
  def.forms[0].rows[2].aggregation = Aggregation::none;
  EXPECT_TRUE(Catalog::create(def).value()->check_consolidation());
}

TEST(Catalog, ConsolidationMarksMustFitTheRow) {
  auto def = small();
  def.forms[0].rows[0].aggregation = Aggregation::ratio;  // a count has no ratio
  EXPECT_EQ(create_fails(def).where, "B1:1");
  def = small();
  def.forms[0].rows[3].aggregation = Aggregation::sum;  // percentages are never added
  EXPECT_NE(create_fails(def).message_en.find("does not fit a percent row"), std::string::npos);
  def = small();
  def.forms[0].rows[0].aggregation = Aggregation::count_yes;
  EXPECT_EQ(create_fails(def).where, "B1:1");
  def = small();
  def.forms[0].rows[1].cumulative = true;
  def.forms[0].rows[1].measure = Measure::stock;
  EXPECT_NE(create_fails(def).message_en.find("cumulative"), std::string::npos);
  def = small();
  def.forms[0].rows[0].decimals = 2;  // only percent rows
  EXPECT_EQ(create_fails(def).where, "B1:1");
}

TEST(BuiltinCatalog, EveryRowSaysHowItConsolidates) {
  auto cat = builtin_catalog();
  EXPECT_TRUE(cat->check_consolidation());
  // Procedure counts are not additive; dossiers are; rates pool their parts.
  EXPECT_EQ(row_at(*cat, "B3:1.4").aggregation, Aggregation::none);
  EXPECT_EQ(row_at(*cat, "B3:1.4").measure, Measure::stock);
  EXPECT_EQ(row_at(*cat, "B7:4.4.1").aggregation, Aggregation::sum);
  EXPECT_EQ(row_at(*cat, "B7:4.4.1").measure, Measure::flow);
  EXPECT_EQ(row_at(*cat, "B7:4.4").aggregation, Aggregation::ratio);
  EXPECT_EQ(row_at(*cat, "B7:4.1").aggregation, Aggregation::none);
  EXPECT_EQ(row_at(*cat, "B1:6").aggregation, Aggregation::count_yes);
  EXPECT_EQ(row_at(*cat, "B1:2.1").measure, Measure::cumulative);
}

}  // namespace
}  // namespace cchc
