// SPDX-License-Identifier: MIT
#include "cchc/json.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "support/seed_text.hpp"

namespace cchc {
namespace {

const std::string example_path = std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json";

Report example() { return load_report(example_path).value(); }

error report_fails(std::string_view json) {
  auto r = report_from_json(json);
  EXPECT_FALSE(r) << json;
  return r ? error{} : r.error();
}

// --- the bundled example -----------------------------------------------------------------------

TEST(ExampleReport, HasTheSeedsMetadata) {
  const Report r = example();
  const Metadata& m = r.metadata();
  EXPECT_EQ(m.agency.name, "Sở Khoa học và Công nghệ");
  EXPECT_EQ(m.agency.code, "SKHCN");
  EXPECT_EQ(m.agency.level, AgencyLevel::department);
  EXPECT_EQ(m.province, "Sơn La");
  EXPECT_EQ(m.period, (Period{2024, PeriodKind::q1}));
  EXPECT_EQ(m.document.number, "94");
  EXPECT_EQ(m.document.symbol, "BC-SKHCN");
  EXPECT_EQ(m.document.date, Date(2024, 3, 12));
  EXPECT_EQ(m.document.signer, "Lưu Bình Khiêm");
}

TEST(ExampleReport, TranscribesTheSeedAnnexValueByValue) {
  // Each reported value must be printed within its row's stretch of the annex text, as written;
  // each blank must have no figure there. Page numbers printed at page breaks inside a row's
  // stretch are the only other figures (the seed prints pages 1, 3 and 11 there).
  const std::set<std::string> page_numbers{"1", "3", "11"};
  const Report r = example();
  const Catalog& cat = r.catalog();
  const auto toks = testing::tokens(testing::seed_annex());
  const auto starts = testing::row_starts(cat, toks);
  std::vector<bool> used(toks.size(), false);
  std::size_t checked = 0;
  for (std::size_t i = 0; i < cat.size(); ++i) {
    const Row& row = cat.rows()[i];
    SCOPED_TRACE(row.address());
    ASSERT_TRUE(starts[i]);
    const std::size_t end = i + 1 < starts.size() && starts[i + 1] ? *starts[i + 1] : toks.size();
    ASSERT_EQ(testing::match_row(toks, *starts[i], end, testing::row_tokens(row), used), "");
    std::vector<std::string> figures;
    for (std::size_t t = *starts[i]; t < end; ++t)
      if (!used[t] && testing::numeric_token(toks[t])) figures.push_back(toks[t]);
    if (!row.holds_value()) continue;
    const Value& v = r.value(row.id);
    if (is_absent(v)) {
      for (const auto& f : figures) EXPECT_TRUE(page_numbers.contains(f)) << "blank row shows " << f;
    } else {
      EXPECT_NE(std::find(figures.begin(), figures.end(), text_of(v)), figures.end())
          << "value " << text_of(v) << " not printed in this row";
    }
    ++checked;
  }
  EXPECT_EQ(checked, 113u);  // every row that holds a value
}

TEST(ExampleReport, EveryPrintedValueParsesAndReformatsToItsText) {
  const Report r = example();
  std::size_t values = 0;
  for (const Row& row : r.catalog().rows()) {
    const Value& v = r.value(row.id);
    if (is_absent(v)) continue;
    SCOPED_TRACE(row.address() + " " + text_of(v));
    ++values;
    EXPECT_TRUE(is_ok(v));
    // Parsed again from its text, the same value comes back, byte for byte.
    EXPECT_TRUE(same_as_written(v, parse_value(text_of(v), row.kind, row.codes).value()));
    // Formatted from the number alone, the text comes back but for layout zeros ("02").
    auto strip = [](std::string s) {
      while (s.size() > 1 && s[0] == '0' && s[1] != ',') s.erase(0, 1);
      return s;
    };
    std::string formatted;
    if (const auto* c = std::get_if<Count>(&v)) formatted = format_integer(c->get());
    if (const auto* p = std::get_if<Percent>(&v)) formatted = format_decimal(p->value());
    if (const auto* y = std::get_if<YesNo>(&v)) formatted = std::to_string(y->code());
    if (const auto* c = std::get_if<Code>(&v)) formatted = std::to_string(c->get());
    if (const auto* p = std::get_if<Pair>(&v))
      formatted = format_integer(p->first().get()) + "/" + format_integer(p->second().get());
    std::string expected = text_of(v);
    if (const auto slash = expected.find('/'); slash != std::string::npos)
      expected = strip(expected.substr(0, slash)) + "/" + strip(expected.substr(slash + 1));
    else
      expected = strip(expected);
    EXPECT_EQ(formatted, expected);
  }
  EXPECT_EQ(values, 106u);  // 113 value rows, 7 of them blank
}

TEST(ExampleReport, BlanksStayBlank) {
  const Report r = example();
  for (auto address : {"B1:1", "B1:2", "B1:6", "B1:6.2", "B2:1", "B5:2.3", "B5:3"}) {
    SCOPED_TRACE(address);
    const Value& v = r.value(address).value();
    ASSERT_TRUE(is_absent(v));
    EXPECT_EQ(std::get<Absent>(v).reason(), Absent::Reason::not_reported);
  }
  EXPECT_EQ(text_of(r.value("B4:1.3").value()), "02");
  EXPECT_EQ(text_of(r.value("B4:1.4").value()), "33,3");
  EXPECT_EQ(text_of(r.value("B7:5.1").value()), "04/04");
}

// --- round trips -------------------------------------------------------------------------------

TEST(ReportJson, ExportOfTheExampleIsTheExampleFile) {
  EXPECT_EQ(report_to_json(example()), testing::read_all(example_path));
}

TEST(ReportJson, RoundTripKeepsEverything) {
  Report r = example();
  const Catalog& cat = r.catalog();
  r.clear(cat.lookup("B5:2.3").value(), Absent::Reason::not_applicable);
  ASSERT_TRUE(r.set("B1:1", Value{Absent(Absent::Reason::not_applicable, "-")}));
  ASSERT_TRUE(r.set_text("B1:2", "60,0"));
  ASSERT_TRUE(r.set_text("B3:1.4", "-1"));   // invalid, but kept as written
  ASSERT_TRUE(r.set_text("B1:6.2", "9"));    // not in the list, kept
  ASSERT_TRUE(r.set_text("B4:2.5", "11,10%"));
  r.set_note(cat.lookup("B1:2.1").value(), "Ghi chú \"có ngoặc\"\nvà xuống dòng");
  r.metadata().document.signer_title = "PHÓ GIÁM ĐỐC";
  r.metadata().period = Period{2025, PeriodKind::six_months};
  const std::string json = report_to_json(r);
  const Report back = report_from_json(json).value();
  EXPECT_TRUE(back == r);
  EXPECT_EQ(report_to_json(back), json);
}

TEST(ReportJson, AcceptsWholeJsonNumbersForIntegerKinds) {
  auto r = report_from_json(R"({"values": {"B1:2.1": 35, "B1:6": 1, "B7:1": 2}})").value();
  EXPECT_EQ(std::get<Count>(r.value("B1:2.1").value()), Count{35});
  EXPECT_TRUE(std::get<YesNo>(r.value("B1:6").value()).yes());
  EXPECT_TRUE(is_ok(r.value("B7:1").value()));
  EXPECT_TRUE(is_absent(r.value("B1:1").value()));  // unmentioned rows are blank
}

TEST(CatalogJson, BuiltinRoundTrips) {
  auto cat = builtin_catalog();
  const std::string json = catalog_to_json(*cat);
  auto back = catalog_from_json(json).value();
  EXPECT_EQ(catalog_to_json(*back), json);
  ASSERT_EQ(back->size(), cat->size());
  for (std::size_t i = 0; i < cat->size(); ++i) {
    const Row& a = cat->rows()[i];
    const Row& b = back->rows()[i];
    EXPECT_EQ(a.address(), b.address());
    EXPECT_EQ(a.printed_code, b.printed_code);
    EXPECT_EQ(a.label, b.label);
    EXPECT_EQ(a.unit, b.unit);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.codes, b.codes);
    EXPECT_EQ(a.parent, b.parent);
    EXPECT_EQ(a.cumulative, b.cumulative);
    EXPECT_EQ(a.measure, b.measure);
    EXPECT_EQ(a.aggregation, b.aggregation);
    EXPECT_EQ(a.decimals, b.decimals);
    EXPECT_EQ(a.required, b.required);
  }
  EXPECT_EQ(back->sums().size(), cat->sums().size());
}

// --- bad input: clear errors that say where ---------------------------------------------------

TEST(ReportJson, MalformedJsonGivesLineAndColumn) {
  auto e = report_fails("{\n  \"values\": {\n    \"B1:2.1\": \"35\",,\n  }\n}");
  EXPECT_EQ(e.code, errc::parse_error);
  EXPECT_EQ(e.where, "3:20");  // the second comma
  EXPECT_EQ(report_fails("").code, errc::parse_error);
  EXPECT_EQ(report_fails("{} trailing").code, errc::parse_error);
  EXPECT_EQ(report_fails("[1, 2]").where, "$");
}

TEST(ReportJson, InvalidUtf8IsNamed) {
  auto e = report_fails("{\"province\": \"S\xFFn La\"}");
  EXPECT_EQ(e.code, errc::invalid_utf8);
  EXPECT_EQ(e.where, "1:16");
}

TEST(ReportJson, UnknownKeysAndWrongTypesNameTheirPath) {
  EXPECT_EQ(report_fails(R"({"vaules": {}})").where, "$.vaules");
  auto e = report_fails(R"({"agency": {"name": 5}})");
  EXPECT_EQ(e.where, "$.agency.name");
  EXPECT_NE(e.message_en.find("expected string, found number"), std::string::npos);
  EXPECT_EQ(report_fails(R"({"period": {"year": 2024, "kind": "Q1"}})").where, "$.period.kind");
  EXPECT_EQ(report_fails(R"({"period": {"year": 20240, "kind": "q1"}})").code, errc::out_of_range);
  EXPECT_EQ(report_fails(R"({"document": {"date": "2024-02-30"}})").where, "$.document.date");
  EXPECT_EQ(report_fails(R"({"format": "cchc.report/9"})").where, "$.format");
  EXPECT_EQ(report_fails(R"({"agency": {"level": "ministry"}})").where, "$.agency.level");
}

TEST(ReportJson, BadValuesNameTheRow) {
  auto e = report_fails(R"({"values": {"B1:2.1": "3x"}})");
  EXPECT_EQ(e.code, errc::parse_error);
  EXPECT_EQ(e.where, "$.values[\"B1:2.1\"]");
  EXPECT_NE(e.describe().find("'x' at position 2"), std::string::npos) << e.describe();
  // An absurd count is refused, not wrapped or rounded.
  auto huge = report_fails(R"({"values": {"B1:2.1": "1000000000000000000000000000000"}})");
  EXPECT_EQ(huge.code, errc::out_of_range);
  EXPECT_EQ(huge.where, "$.values[\"B1:2.1\"]");
  EXPECT_EQ(report_fails(R"({"values": {"B1:2.1": 18446744073709551615}})").code,
            errc::out_of_range);
  // Wrong kinds.
  EXPECT_EQ(report_fails(R"({"values": {"B1:2.1": "1,5"}})").code, errc::kind_mismatch);
  EXPECT_EQ(report_fails(R"({"values": {"B1:3": "4"}})").code, errc::kind_mismatch);
  EXPECT_EQ(report_fails(R"({"values": {"B4:1.4": 33.3}})").code, errc::kind_mismatch);
  EXPECT_EQ(report_fails(R"({"values": {"B4:1.4": 33}})").code, errc::kind_mismatch);
  EXPECT_EQ(report_fails(R"({"values": {"B1:2.1": true}})").where, "$.values[\"B1:2.1\"]");
  EXPECT_EQ(report_fails(R"({"values": {"B3:3.2": "0/"}})").code, errc::parse_error);
  EXPECT_EQ(report_fails(R"({"values": {"B1:1": {"absent": "zero"}}})").where,
            "$.values[\"B1:1\"].absent");
}

TEST(ReportJson, UnknownRowsAreNamed) {
  auto e = report_fails(R"({"values": {"B3:9.9": "1"}})");
  EXPECT_EQ(e.code, errc::not_found);
  EXPECT_EQ(e.where, "$.values: B3:9.9");
  EXPECT_EQ(report_fails(R"({"values": {"3.1": "1"}})").code, errc::parse_error);
  EXPECT_EQ(report_fails(R"({"notes": {"B9:1": "x"}})").code, errc::not_found);
}

TEST(ReportJson, ACatalogueMismatchIsRefused) {
  auto e = report_fails(R"({"catalog": {"id": "vn.hanoi.other", "version": "1"}})");
  EXPECT_EQ(e.code, errc::invalid_argument);
  EXPECT_EQ(e.where, "$.catalog");
}

TEST(ReportJson, DeepNestingHitsTheLimit) {
  std::string deep = "{\"values\": ";
  for (int i = 0; i < 100; ++i) deep += "[";
  EXPECT_EQ(report_fails(deep).code, errc::limit_exceeded);
  JsonLimits tiny;
  tiny.max_bytes = 10;
  EXPECT_EQ(report_from_json(R"({"values": {}})", builtin_catalog(), tiny).error().code,
            errc::limit_exceeded);
}

TEST(ReportJson, FilesErrorsNameTheFile) {
  auto missing = load_report("/nonexistent/report.json");
  EXPECT_EQ(missing.error().code, errc::io_error);
  EXPECT_EQ(missing.error().where, "/nonexistent/report.json");
  const auto dir = std::filesystem::temp_directory_path();
  const auto path = dir / "cchc-json-test-bad.json";
  ASSERT_TRUE(write_file(path, "{\n\"values\": {\"B1:2.1\": \"3x\"}}"));
  auto bad = load_report(path);
  EXPECT_EQ(bad.error().where, path.string() + ": $.values[\"B1:2.1\"]");
  ASSERT_TRUE(write_file(path, "{\n  oops"));
  EXPECT_EQ(load_report(path).error().where, path.string() + ":2:3");
  std::filesystem::remove(path);
  EXPECT_EQ(write_file("/nonexistent/dir/x.json", "{}").error().code, errc::io_error);
}

TEST(CatalogJson, ErrorsNameThePathOrRow) {
  auto fails = [](std::string_view json) {
    auto c = catalog_from_json(json);
    EXPECT_FALSE(c) << json;
    return c ? error{} : c.error();
  };
  EXPECT_EQ(fails(R"({"id": "x", "version": "1", "forms": []})").where, "$.forms");
  EXPECT_EQ(fails(R"({"version": "1", "forms": []})").where, "$.id");
  const std::string head = R"({"id": "x", "version": "1", "forms": [{"number": 1, "title": "T", "rows": [)";
  EXPECT_EQ(fails(head + R"({"code": "1", "label": "L", "kind": "integer"}]}]})").where,
            "$.forms[0].rows[0].kind");
  EXPECT_EQ(fails(head + R"({"code": "1", "label": "L", "kind": "count", "colour": 1}]}]})").where,
            "$.forms[0].rows[0].colour");
  auto dup = fails(head + R"({"code": "1", "label": "L", "kind": "count"},
                           {"code": "1", "label": "M", "kind": "count"}]}]})");
  EXPECT_EQ(dup.code, errc::invalid_catalog);
  EXPECT_EQ(dup.where, "B1:1");
  EXPECT_EQ(fails(head + R"({"code": "1", "label": "L", "kind": "percent",
                            "ratio": {"numerator": "2"}}]}]})").where,
            "$.forms[0].rows[0].ratio.denominator");
}

}  // namespace
}  // namespace cchc
