// SPDX-License-Identifier: MIT
#include "cchc/scan.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <iostream>

#include "cchc/input.hpp"
#include "cchc/output.hpp"
#include "support/document_score.hpp"

namespace cchc {
namespace {

using testing::expected;
using testing::score;

const std::string documents = std::string(CCHC_TEST_DATA_DIR) + "/documents/";

OcrWord word(std::string text, int left, int top, std::size_t page = 1, int width = 0) {
  const int w = width != 0 ? width : static_cast<int>(text.size()) * 20;
  return {std::move(text), page, left, top, left + w, top + 40, 95.0F};
}

// --- laying out ----------------------------------------------------------------------------

// Lines by height, columns two spaces apart or more, a cell's words one space apart, a code at
// the line's start, a blank line where a line's worth of space is left, a form feed a page.
TEST(Scan, WordsAreLaidOutByPosition) {
  const std::vector<OcrWord> words = {
      word("2.1", 100, 500),   word("Số", 300, 502),     word("nhiệm", 350, 501), word("vụ", 470, 500),
      word("35", 1200, 498),   word("Nhiệm", 800, 500),  word("vụ", 920, 501),
      word("đề", 300, 560),    word("ra", 350, 561),     // the label's second line
      word("2.2", 100, 700),   word("21", 1200, 700),    // after a gap: a blank line
      word("Trang", 100, 100, 3)};
  const std::string text = lay_out_words(words);
  const auto first = text.substr(0, text.find('\n'));
  EXPECT_TRUE(first.starts_with("2.1")) << text;
  EXPECT_NE(first.find("Số nhiệm vụ"), std::string::npos) << text;  // one cell: one space
  EXPECT_NE(first.find("vụ  "), std::string::npos) << text;           // a column: two or more
  EXPECT_LT(first.find("Nhiệm"), first.find("35"));
  const auto second = text.find("đề ra");
  ASSERT_NE(second, std::string::npos) << text;
  EXPECT_GT(second, first.size());  // a line of its own, under the label
  EXPECT_EQ(text.rfind('\n', second), first.size()) << text;
  EXPECT_NE(text.find("\n\n2.2"), std::string::npos) << text;
  // Page 2 has no words: its form feed is there all the same.
  EXPECT_EQ(std::count(text.begin(), text.end(), '\f'), 3);
  EXPECT_NE(text.find("\f\fTrang"), std::string::npos) << text;
}

TEST(Scan, LayingOutTakesWordsInAnyOrderAndSkipsEmptyOnes) {
  std::vector<OcrWord> words = {word("b", 400, 100), word("", 10, 10), word("a", 100, 102), word("c", 100, 300)};
  const std::string forward = lay_out_words(words);
  std::reverse(words.begin(), words.end());
  EXPECT_EQ(lay_out_words(words), forward);
  EXPECT_TRUE(forward.starts_with("a")) << forward;
  EXPECT_EQ(lay_out_words({}), "");
  // Page numbers far apart do not make a gigabyte of form feeds.
  const std::string far = lay_out_words({word("x", 0, 0, 1), word("y", 0, 0, 1'000'000'000)});
  EXPECT_LE(far.size(), 1100u);
}

// --- reading scans ---------------------------------------------------------------------------

// The Word annex printed and scanned at 300 dpi (tests/data/documents/make_documents.py: turned,
// blurred, specked, JPEG in a PDF with no text layer). Read by OCR through import_file(), which
// sees there is no text. Every row is read exactly or reported: none silently wrong.
TEST(Scan, AScannedAnnexIsReadAndNoFigureIsSilentlyWrong) {
  const ImportedText t = import_file(documents + "annex-scan.pdf").value();
  const auto s = score(t);
  std::cout << fmt::format("annex-scan.pdf: {} exact, {} flagged, {} silently wrong of {}\n", s.right,
                           s.reported, s.wrong.size(), expected().size());
  EXPECT_TRUE(s.wrong.empty()) << s.wrong.front();
  EXPECT_GE(s.right, 90u) << coverage_to_text(t.coverage, Language::en);
  EXPECT_EQ(s.right + s.reported, expected().size());
  // Each figure has the recogniser's confidence, and a row says it.
  EXPECT_FALSE(t.coverage.recognized.empty());
  const auto rows = row_readings(t);
  const auto b = std::find_if(rows.begin(), rows.end(), [](const RowReading& r) { return r.address == "B1:2.1"; });
  ASSERT_NE(b, rows.end());
  EXPECT_EQ(b->value, "35");
  EXPECT_GE(b->confidence, 80.0F);
  EXPECT_EQ(b->page, 1u);
  EXPECT_NE(import_to_json(t).find("\"confidence\": "), std::string::npos);
  // Every form's heading is found ("BIỂU MẪU SỐ 04", though OCR may read it without its marks).
  for (const ImportProblem& p : t.coverage.problems) EXPECT_NE(p.address.size(), 2u) << p.reason_en;
}

// A page image (JPEG) is read as a scan; its figures come with their confidence.
TEST(Scan, AnImageIsReadByOcr) {
  const std::string path = documents + "annex-scan-page1.jpg";
  EXPECT_EQ(detect_format(read_file(path).value().substr(0, 16)), InputFormat::image);
  const Reading doc = read_document(path).value();
  EXPECT_EQ(doc.format, InputFormat::image);
  EXPECT_EQ(text_of(doc.report.value("B1:2.1").value().get()), "35");
  const ScanText scan = recognize(path).value();
  EXPECT_EQ(scan.pages, 1u);
  EXPECT_NE(scan.text.find("BIỂU MẪU SỐ 01"), std::string::npos) << scan.text.substr(0, 400);
  const auto w = std::find_if(scan.words.begin(), scan.words.end(), [](const OcrWord& x) { return x.text == "35"; });
  ASSERT_NE(w, scan.words.end());
  EXPECT_GE(w->confidence, 80.0F);
  EXPECT_LT(w->left, w->right);
}

// A figure the recogniser doubts is never taken: with a confidence demanded that no reading
// reaches, every row whose figure is not a code is reported, none is read.
TEST(Scan, ADoubtedFigureLeavesItsRowUnread) {
  OcrOptions sure;
  sure.min_confidence = 101;
  const ImportedText t = import_scan(documents + "annex-scan-page1.jpg", builtin_catalog(), {}, sure).value();
  EXPECT_TRUE(is_absent(t.report.value("B1:2.1").value().get()));
  const auto p = std::find_if(t.coverage.problems.begin(), t.coverage.problems.end(),
                              [](const ImportProblem& x) { return x.address == "B1:2.1"; });
  ASSERT_NE(p, t.coverage.problems.end());
  EXPECT_EQ(p->reason_en, "a figure that could not be read with certainty: \"35\"");
}

// Hostile or hopeless input: a clear error, with the file, within the limits.
TEST(Scan, LimitsAndErrors) {
  TextLimits small;
  small.max_page_pixels = 1000;
  auto big = recognize(documents + "annex-scan.pdf", {}, small);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, errc::limit_exceeded);
  TextLimits one_page;
  one_page.max_pages = 1;
  EXPECT_EQ(recognize(documents + "annex-scan.pdf", {}, one_page).error().code, errc::limit_exceeded);
  OcrOptions klingon;
  klingon.language = "tlh";
  auto no_model = recognize(documents + "annex-scan-page1.jpg", klingon);
  ASSERT_FALSE(no_model);
  EXPECT_NE(no_model.error().message_en.find("tesseract-ocr-vie"), std::string::npos);
  OcrOptions blurry;
  blurry.dpi = 5;
  EXPECT_EQ(recognize(documents + "annex-scan.pdf", blurry).error().code, errc::invalid_argument);
  EXPECT_EQ(recognize(documents + "make_documents.py").error().code, errc::io_error);
  EXPECT_EQ(recognize("/nonexistent.png").error().code, errc::io_error);
}

}  // namespace
}  // namespace cchc
