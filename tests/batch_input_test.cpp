// SPDX-License-Identifier: MIT
#include "cchc/batch_input.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <tuple>

#include <fmt/format.h>

#include "cchc/io.hpp"
#include "cchc/json.hpp"
#include "support/arrow.hpp"
#include "support/csv.hpp"
#include "support/random_report.hpp"

namespace cchc {
namespace {

const Report& clean_report() {
  static const Report r =
      load_report(std::string(CCHC_TEST_DATA_DIR) + "/clean-report.json").value();
  return r;
}

constexpr std::array<std::string_view, 4> metadata_columns{"agency.name", "agency.code", "period",
                                                           "document.date"};

std::string to_csv(const std::vector<Report>& reports, char sep, std::string_view eol = "\n") {
  return testing::to_csv(reports, *builtin_catalog(), metadata_columns, sep, eol);
}

std::vector<Report> varied_reports(int n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Report> out;
  const auto& rows = builtin_catalog()->rows();
  for (int i = 0; i < n; ++i) {
    Report r = clean_report();
    for (int k = 0; k < 4; ++k) {
      const Row& row = rows[rng() % rows.size()];
      const char* texts[] = {"", "04", "7", "85000000", "33,3", "0/0", "3 / 5", "abc", "1.234"};
      (void)r.set_text(row.id, texts[rng() % std::size(texts)]);  // refused ones stay as they were
    }
    r.metadata().agency.name = i % 2 ? "Sở Nội vụ, tỉnh \"Sơn La\"" : "UBND xã\nMường Bú";
    out.push_back(std::move(r));
  }
  return out;
}

void expect_same_reports(const Batch& batch, const std::vector<Report>& reports) {
  ASSERT_EQ(batch.size(), reports.size());
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const Report back = batch.report(i);
    for (const Row& row : batch.catalog().rows())
      EXPECT_TRUE(same_as_written(back.value(row.id), reports[i].value(row.id)))
          << i << " " << row.address() << " '" << text_of(back.value(row.id)) << "' vs '"
          << text_of(reports[i].value(row.id)) << "'";
    for (auto f : metadata_columns)
      EXPECT_EQ(metadata_field(back.metadata(), f).value(),
                metadata_field(reports[i].metadata(), f).value())
          << i << " " << f;
  }
}

TEST(BatchInput, CsvKeepsEveryValueAsWrittenWithEachSeparator) {
  const auto reports = varied_reports(40, 1);
  for (const char sep : {',', ';', '\t'}) {
    for (const std::string_view eol : {"\n", "\r\n"}) {
      Batch batch(builtin_catalog());
      const auto summary = read_csv(to_csv(reports, sep, eol), batch, {}, "r.csv").value();
      EXPECT_EQ(summary.reports, reports.size());
      EXPECT_EQ(summary.input_findings, 0u);
      EXPECT_TRUE(summary.skipped.empty());
      expect_same_reports(batch, reports);
    }
  }
}

TEST(BatchInput, CsvLinesAreTheFilesLines) {
  // Report 0's agency name spans two lines, so report 1 starts on line 4.
  const auto reports = varied_reports(3, 2);
  Batch batch(builtin_catalog());
  ASSERT_TRUE(read_csv(to_csv(reports, ','), batch));
  EXPECT_EQ(batch.source_line(0), 2u);
  EXPECT_EQ(batch.source_line(1), 4u);
  EXPECT_EQ(batch.source_line(2), 5u);
}

TEST(BatchInput, ABadCellIsAFindingNotAStop) {
  const std::string csv =
      "B1:1,B1:2,B1:2.1,B1:2.2,period\n"
      "12,60,35,21,q1 2024\n"
      "12,sáu mươi,35,21,q1 2024\n"
      "12,60,35,21,quý 9\n";
  Batch batch(builtin_catalog());
  const auto summary = read_csv(csv, batch, {}, "r.csv").value();
  EXPECT_EQ(summary.reports, 3u);
  EXPECT_EQ(summary.input_findings, 2u);
  const RowId b12 = builtin_catalog()->lookup("B1:2").value();
  EXPECT_EQ(batch.cell(1, b12).state, CellState::invalid);
  EXPECT_EQ(batch.written(1, b12), "sáu mươi");
  ASSERT_EQ(batch.input_findings().size(), 2u);
  const Finding& f = batch.input_findings()[0].finding;
  EXPECT_EQ(batch.input_findings()[0].report, 1u);
  EXPECT_EQ(f.rule_id, "input.cell");
  EXPECT_EQ(f.line, 3u);
  EXPECT_NE(f.message_en.find("r.csv:3, column 2 (B1:2)"), std::string::npos) << f.message_en;
  ASSERT_EQ(f.rows.size(), 1u);
  EXPECT_EQ(f.rows[0].text, "sáu mươi");
  const Finding& period = batch.input_findings()[1].finding;
  EXPECT_NE(period.message_en.find("column 5 (period)"), std::string::npos) << period.message_en;

  const auto result = check_batch(batch, RuleSet::builtin(builtin_catalog())).value();
  const auto input = std::find_if(result.rules.begin(), result.rules.end(),
                                  [](const RuleSummary& s) { return s.rule_id == "input.cell"; });
  ASSERT_NE(input, result.rules.end());
  EXPECT_EQ(input->failed, 2u);
}

TEST(BatchInput, ALineOfTheWrongWidthIsSkippedAndNamed) {
  Batch batch(builtin_catalog());
  const auto summary = read_csv("B1:1,B1:2.1\n1,2\n1,2,3\n\n4\n5,6\n", batch, {}, "r.csv").value();
  EXPECT_EQ(summary.reports, 2u);
  ASSERT_EQ(summary.skipped.size(), 2u);
  EXPECT_EQ(summary.skipped[0].where, "r.csv:3");
  EXPECT_EQ(summary.skipped[1].where, "r.csv:5");
  EXPECT_EQ(batch.source_line(1), 6u);
}

TEST(BatchInput, HeaderErrorsNameTheColumn) {
  Batch batch(builtin_catalog());
  auto unknown = read_csv("B1:1,B9:9\n1,2\n", batch, {}, "r.csv");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().where, "r.csv:1, cột (column) 2");
  EXPECT_NE(unknown.error().message_en.find("B9:9"), std::string::npos);
  auto twice = read_csv("B1:1;B1:1\n", batch, {}, "r.csv");
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message_en.find("appears twice"), std::string::npos);
  auto heading = read_csv("B1:3\n", batch);
  ASSERT_FALSE(heading);
  EXPECT_EQ(heading.error().code, errc::kind_mismatch);
  EXPECT_FALSE(read_csv("", batch));
  EXPECT_EQ(batch.size(), 0u);
}

TEST(BatchInput, CsvFileComesInPiecesWithTheirIndexes) {
  // More than one 4 MiB read block, so that records are cut at block ends.
  auto reports = varied_reports(40, 3);
  std::string csv = to_csv(reports, ',');
  const std::string body = csv.substr(csv.find('\n') + 1);
  const std::size_t per_copy = reports.size();
  std::size_t copies = 1;
  while (csv.size() < (std::size_t{9} << 20) / 2) csv += body, ++copies;
  const auto path = std::filesystem::temp_directory_path() / "cchc-batch-input-test.csv";
  ASSERT_TRUE(write_file(path, csv));
  std::size_t seen = 0, pieces = 0;
  const auto summary =
      read_csv_file(path, builtin_catalog(),
                    [&](const Batch& piece, std::size_t first) -> result<void> {
                      EXPECT_EQ(first, seen);
                      EXPECT_LE(piece.size(), 1000u);
                      for (std::size_t i = 0; i < piece.size(); i += 97) {
                        const Report r = piece.report(i);
                        const Report& want = reports[(first + i) % per_copy];
                        EXPECT_EQ(r.metadata().agency.name, want.metadata().agency.name);
                      }
                      seen += piece.size();
                      ++pieces;
                      return {};
                    },
                    {}, 1000)
          .value();
  std::filesystem::remove(path);
  EXPECT_EQ(seen, copies * per_copy);
  EXPECT_EQ(summary.reports, seen);
  EXPECT_EQ(pieces, (seen + 999) / 1000);
}

// Everything a piece says about its reports, in order: cells, texts, lines, input findings.
std::vector<std::string> describe(const Batch& piece, std::size_t first) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < piece.size(); ++i) {
    std::string d = fmt::format("{} line {}:", first + i, piece.source_line(i));
    for (const Row& row : piece.catalog().rows()) {
      const Cell c = piece.cell(i, row.id);
      d += fmt::format(" {}/{}/{}/{}/{}", c.number, c.second, c.scale, to_string(c.state),
                       piece.written(i, row.id));
    }
    d += fmt::format(" {}", piece.metadata_field(i, "agency.name").value());
    out.push_back(std::move(d));
  }
  for (const auto& f : piece.input_findings())
    out.push_back(fmt::format("{}: {} (line {})", first + f.report, f.finding.message_en,
                              f.finding.line));
  return out;
}

TEST(BatchInput, ACsvFileReadOnSeveralThreadsGivesWhatOneThreadGives) {
  // Quoted cells across lines, CRLF, bad cells, lines of the wrong width and blank lines, in a
  // file of more than one 4 MiB read block, in pieces small enough for many rounds.
  auto reports = varied_reports(60, 5);
  std::string csv = to_csv(reports, ';', "\r\n");
  std::string body = csv.substr(csv.find('\n') + 1);
  const auto columns = static_cast<std::size_t>(std::count(csv.begin(), csv.begin() + static_cast<std::ptrdiff_t>(csv.find('\n')), ';'));
  body += "1;2\r\n\r\nsáu" + std::string(columns, ';') + "\r\n";
  while (csv.size() < (std::size_t{9} << 19)) csv += body;
  const auto path = std::filesystem::temp_directory_path() / "cchc-batch-input-threads.csv";
  ASSERT_TRUE(write_file(path, csv));
  const auto read = [&](unsigned threads, std::size_t chunk) {
    std::vector<std::string> seen;
    std::size_t next = 0;
    CsvOptions options;
    options.threads = threads;
    auto summary = read_csv_file(
                       path, builtin_catalog(),
                       [&](const Batch& piece, std::size_t first) -> result<void> {
                         EXPECT_EQ(first, next);
                         EXPECT_LE(piece.size(), chunk);
                         next += piece.size();
                         for (auto& d : describe(piece, first)) seen.push_back(std::move(d));
                         return {};
                       },
                       options, chunk)
                       .value();
    std::vector<std::string> skipped;
    for (const error& e : summary.skipped) skipped.push_back(e.where + " " + e.message_en);
    return std::make_tuple(seen, summary.reports, summary.lines, summary.input_findings,
                           skipped);
  };
  const auto one = read(1, 1000);
  EXPECT_GT(std::get<1>(one), 13000u);
  EXPECT_FALSE(std::get<4>(one).empty());
  EXPECT_GT(std::get<3>(one), 0u);
  // Findings come piece by piece; a piece's own come after its reports, so compare them sorted.
  const auto sorted = [](auto t) {
    std::sort(std::get<0>(t).begin(), std::get<0>(t).end());
    return t;
  };
  EXPECT_EQ(sorted(read(3, 1000)), sorted(one));
  EXPECT_EQ(sorted(read(2, 65536)), sorted(one));
  std::filesystem::remove(path);
}

TEST(BatchInput, ASinkErrorStopsTheReading) {
  const auto path = std::filesystem::temp_directory_path() / "cchc-batch-input-stop.csv";
  ASSERT_TRUE(write_file(path, "B1:1\n1\n2\n3\n"));
  auto r = read_csv_file(path, builtin_catalog(), [](const Batch&, std::size_t) -> result<void> {
    return make_error(errc::io_error, "đầy", "full");
  }, {}, 1);
  CsvOptions threads;
  threads.threads = 2;
  auto r2 = read_csv_file(path, builtin_catalog(), [](const Batch&, std::size_t) -> result<void> {
    return make_error(errc::io_error, "đầy", "full");
  }, threads, 1);
  std::filesystem::remove(path);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_en, "full");
  ASSERT_FALSE(r2);
  EXPECT_EQ(r2.error().message_en, "full");
  EXPECT_FALSE(read_csv_file("/nonexistent/x.csv", builtin_catalog(),
                             [](const Batch&, std::size_t) -> result<void> { return {}; }));
}

TEST(BatchInput, JsonLinesKeepEveryReport) {
  testing::RandomReports gen(4);
  std::vector<Report> reports;
  std::string text;
  for (int i = 0; i < 30; ++i) {
    reports.push_back(gen.next(builtin_catalog()));
    text += report_to_json_line(reports.back()) + "\n";
    if (i == 10) text += "\n{\"format\": \"nope\"}\n";
  }
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 32);
  Batch batch(builtin_catalog());
  const auto summary = read_jsonl(text, batch, "r.jsonl").value();
  EXPECT_EQ(summary.reports, 30u);
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].where.substr(0, 10), "r.jsonl:13");
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const Report back = batch.report(i);
    for (const Row& row : batch.catalog().rows())
      EXPECT_TRUE(same_as_written(back.value(row.id), reports[i].value(row.id))) << i;
    EXPECT_EQ(back.metadata(), reports[i].metadata()) << i;
  }
  EXPECT_EQ(batch.source_line(11), 14u);

  const auto path = std::filesystem::temp_directory_path() / "cchc-batch-input-test.jsonl";
  ASSERT_TRUE(write_file(path, text));
  std::size_t seen = 0;
  const auto file_summary =
      read_jsonl_file(path, builtin_catalog(), [&](const Batch& piece, std::size_t first) {
        EXPECT_EQ(first, seen);
        seen += piece.size();
        return result<void>{};
      }, 7).value();
  std::filesystem::remove(path);
  EXPECT_EQ(seen, 30u);
  EXPECT_EQ(file_summary.skipped.size(), 1u);
}

// JSON Lines go straight into cells (no Report per line): the same cells, texts, lines,
// metadata and errors as reading each line with report_from_json and adding the Report.
TEST(BatchInput, JsonLinesReadAsReportFromJsonThenAddWould) {
  const std::string head =
      R"({"format": "cchc.report/1", "catalog": {"id": "vn.sonla.snv-3981-2022.so-nganh", )"
      R"("version": "2022.1"}, "agency": {"name": "Sở Y tế", "code": "SYT", "level": )"
      R"("department"}, "period": {"year": 2024, "kind": "q3"}, )";
  const std::vector<std::string> lines = {
      head + R"("values": {"B1:1": 4, "B1:2.1": "04", "B4:1.4": "33,3", "B3:3.3": "7 / 7", )"
             R"("B1:6.2": "9", "B7:1": 2, "B2:1": {"absent": "not_applicable", "text": "x"}, )"
             R"("B5:2.3": null, "B6:1": "1.234", "B4:2.1": "-3"}, )"
             R"("notes": {"B1:1": "Gồm 02 văn bản"}, "lines": {"B1:1": 12, "B4:1.4": 40}})",
      head + R"("values": {"B1:3": "5"}})",                  // a heading's figure
      head + R"("values": {"B9:1": "5"}})",                  // no such row
      head + R"("values": {"B4:1.4": "33.3"}})",             // a dot where a comma goes
      head + R"("values": {"B4:1.4": 33}})",                 // a percent as a JSON number
      head + R"("notes": {"B1:1": 5}})",                      // a note that is not text
      head + R"("lines": {"B1:1": 0}})",                      // a line that is not positive
      R"({"format": "cchc.report/1", "catalog": {"id": "other", "version": "1"}})",
      head + R"("values": {}})"};
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  Batch direct(builtin_catalog());
  const auto summary = read_jsonl(text, direct, "q.jsonl").value();

  Batch via_reports(builtin_catalog());
  std::vector<error> refused;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    auto r = report_from_json(lines[n], builtin_catalog());
    if (!r) {
      refused.push_back(std::move(r.error()).within(fmt::format("q.jsonl:{}", n + 1)));
      continue;
    }
    const auto i = via_reports.add(*r).value();
    via_reports.set_source_line(i, n + 1);
  }
  ASSERT_EQ(summary.reports, via_reports.size());
  ASSERT_EQ(summary.reports, 2u);
  ASSERT_EQ(summary.skipped.size(), refused.size());
  for (std::size_t k = 0; k < refused.size(); ++k) {
    EXPECT_EQ(summary.skipped[k].where, refused[k].where);
    EXPECT_EQ(summary.skipped[k].message_en, refused[k].message_en);
    EXPECT_EQ(summary.skipped[k].code, refused[k].code);
  }
  for (std::size_t i = 0; i < direct.size(); ++i) {
    for (const Row& row : direct.catalog().rows()) {
      EXPECT_EQ(direct.cell(i, row.id), via_reports.cell(i, row.id)) << row.address();
      EXPECT_EQ(direct.written(i, row.id), via_reports.written(i, row.id)) << row.address();
      EXPECT_EQ(direct.source_line(i, row.id), via_reports.source_line(i, row.id)) << row.address();
    }
    for (const std::string_view field : metadata_fields())
      EXPECT_EQ(direct.metadata_field(i, field).value(), via_reports.metadata_field(i, field).value());
  }
  EXPECT_EQ(direct.written(0, *builtin_catalog()->find("B3:3.3")), "7 / 7");
}

}  // namespace
}  // namespace cchc

namespace cchc {
namespace {

using testing::ArrowTable;
using std::nullopt;

// Every report of two batches: the same cells, texts as written, metadata and lines.
void expect_same_reports(const Batch& a, const Batch& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (const Row& row : a.catalog().rows()) {
      EXPECT_EQ(a.cell(i, row.id), b.cell(i, row.id)) << i << " " << row.address();
      EXPECT_EQ(a.written(i, row.id), b.written(i, row.id)) << i << " " << row.address();
    }
    for (const auto* field : {"agency.name", "period"})
      EXPECT_EQ(a.metadata_field(i, field).value(), b.metadata_field(i, field).value()) << i;
    EXPECT_EQ(a.source_line(i), b.source_line(i));
  }
}

TEST(BatchInput, ArrowColumnsGiveTheCellsTheSameCsvGives) {
  ArrowTable t;
  t.add_int64("B1:1", {5, nullopt, 7, 1234});
  t.add_double("B1:2", {33.3, nullopt, 100.0, 0.5});
  t.add_decimal("B1:3.3", 5, 2, {3330, 10000, nullopt, -5});
  t.add_bool("B1:6", {true, false, nullopt, true});
  t.add_numbers<std::int32_t>("B1:6.2", "i", {0, 2, 9, nullopt});
  t.add_pairs("B3:3.2", {std::pair<std::int64_t, std::int64_t>{7, 7}, nullopt,
                         std::pair<std::int64_t, std::int64_t>{0, 0},
                         std::pair<std::int64_t, std::int64_t>{3, 5}});
  t.add_strings("B1:2.1", {"04", "", nullopt, "x"});
  t.add_dictionary("agency.name", {0, 1, 0, nullopt}, {"Sở Nội vụ", "Sở Tư pháp"});
  t.add_strings("period", {"q1 2024", "q2 2024", nullopt, "year 2024"});
  Batch from_arrow(builtin_catalog());
  const auto summary = read_arrow(t.schema(), t.array(), from_arrow).value();
  EXPECT_EQ(summary.reports, 4u);
  EXPECT_EQ(summary.lines, 4u);

  // The same table as a CSV: numbers written plainly, a decimal with a comma.
  const std::string csv =
      "B1:1,B1:2,B1:3.3,B1:6,B1:6.2,B3:3.2,B1:2.1,agency.name,period\n"
      "5,\"33,3\",\"33,30\",1,0,7/7,04,Sở Nội vụ,q1 2024\n"
      ",,\"100,00\",0,2,,,Sở Tư pháp,q2 2024\n"
      "7,100,,,9,0/0,,Sở Nội vụ,\n"
      "1234,\"0,5\",\"-0,05\",1,,3/5,x,,year 2024\n";
  Batch from_csv(builtin_catalog());
  const auto csv_summary = read_csv(csv, from_csv).value();
  EXPECT_EQ(csv_summary.input_findings, summary.input_findings);
  for (std::size_t i = 0; i < 4; ++i) from_csv.set_source_line(i, i + 1);  // records, not lines
  // Numbers carry no text as written; a CSV's "1234" is kept since 1.234 is the canonical one.
  const RowId b11 = builtin_catalog()->lookup("B1:1").value();
  EXPECT_EQ(from_arrow.written(3, b11), "");
  ASSERT_TRUE(from_csv.set(3, b11, from_csv.cell(3, b11)));
  expect_same_reports(from_arrow, from_csv);
  // Strings keep their writing: "04" stays "04", "x" (not a count) is kept invalid.
  const RowId b121 = builtin_catalog()->lookup("B1:2.1").value();
  EXPECT_EQ(from_arrow.written(0, b121), "04");
  EXPECT_EQ(from_arrow.cell(3, b121).state, CellState::invalid);
  EXPECT_EQ(from_arrow.written(3, b121), "x");
  EXPECT_EQ(summary.input_findings, 1u);
  // A code outside the list is stored, for the rules to report.
  EXPECT_EQ(from_arrow.cell(2, builtin_catalog()->lookup("B1:6.2").value()).number, 9);
}

TEST(BatchInput, ArrowBadCellsAreFindingsNullRecordsAreSkippedOffsetsAreHonoured) {
  ArrowTable t;
  t.add_strings("B1:1", {"1", "2", "ba", "4", "5"});
  t.add_double("B1:2", {1.0, 2.0, 3.0, 33.333333333333336, std::numeric_limits<double>::infinity()});
  t.null_record(1);
  Batch batch(builtin_catalog());
  // The first record is sliced away: the table starts at its second element.
  const auto summary = read_arrow(t.schema(), t.array(1), batch, "frame").value();
  EXPECT_EQ(summary.reports, 3u);
  ASSERT_EQ(summary.skipped.size(), 1u);  // the null record, the table's second
  EXPECT_NE(summary.skipped[0].where.find("frame:1"), std::string::npos);
  const RowId b11 = builtin_catalog()->lookup("B1:1").value();
  const RowId b12 = builtin_catalog()->lookup("B1:2").value();
  EXPECT_EQ(batch.cell(0, b11).state, CellState::invalid);
  EXPECT_EQ(batch.written(0, b11), "ba");
  EXPECT_EQ(batch.cell(1, b11).number, 4);
  // A float with more decimals than a percent holds is not rounded: it is reported.
  EXPECT_EQ(batch.cell(1, b12).state, CellState::invalid);
  EXPECT_EQ(batch.cell(2, b12).state, CellState::invalid);
  ASSERT_EQ(summary.input_findings, 3u);
  const Finding& f = batch.input_findings()[0].finding;
  EXPECT_EQ(f.rule_id, "input.cell");
  EXPECT_NE(f.message_en.find("frame:2, column 1 (B1:1)"), std::string::npos) << f.message_en;
  EXPECT_EQ(batch.source_line(0), 2u);
}

TEST(BatchInput, ArrowArraysThatBreakTheInterfaceAreErrors) {
  Batch batch(builtin_catalog());
  {
    ArrowTable t;
    t.add_int64("B1:1", {1});
    ArrowSchema s = t.schema();
    s.format = "l";
    EXPECT_EQ(read_arrow(s, t.array(), batch).error().code, errc::invalid_argument);
    s = t.schema();
    s.release = nullptr;
    EXPECT_EQ(read_arrow(s, t.array(), batch).error().code, errc::invalid_argument);
  }
  {
    ArrowTable t;
    t.add_numbers<std::int32_t>("document.date", "tdD", {19000});
    const auto e = read_arrow(t.schema(), t.array(), batch).error();
    EXPECT_NE(e.message_en.find("\"tdD\" is not supported"), std::string::npos) << e.message_en;
    EXPECT_NE(e.where.find("column 1 (document.date)"), std::string::npos) << e.where;
  }
  {
    ArrowTable t;
    t.add_int64("B1:1", {1});
    t.add_int64("B9:9", {1});
    const auto e = read_arrow(t.schema(), t.array(), batch).error();
    EXPECT_EQ(e.code, errc::not_found);
    // Column names have no line: the table and the column, not "arrow:0".
    EXPECT_EQ(e.where, "arrow, cột (column) 2");
  }
  {
    ArrowTable t;
    t.add_strings("agency.name", {std::string("\xC3\x28")});
    const auto e = read_arrow(t.schema(), t.array(), batch).error();
    EXPECT_EQ(e.code, errc::invalid_utf8);
    EXPECT_NE(e.where.find("arrow:1, cột (column) 1 (agency.name)"), std::string::npos) << e.where;
  }
  {
    ArrowTable t;
    t.add_dictionary("agency.name", {3}, {"Sở Nội vụ"});
    EXPECT_EQ(read_arrow(t.schema(), t.array(), batch).error().code, errc::invalid_argument);
  }
  EXPECT_TRUE(batch.empty());
}

}  // namespace
}  // namespace cchc
