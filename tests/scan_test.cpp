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

// --- reading recognised words ----------------------------------------------------------------

// A row of a ruled table as a recogniser gives it: the code in the table's first column, the
// label's words in the second, the unit and the figure in the next ones.
void table_row(std::vector<OcrWord>& out, int top, std::string code, float code_confidence,
               std::string_view label, std::string unit, std::string figure) {
  const auto cell = [&](std::string text, int left, int column, float confidence = 95.0F) {
    OcrWord w = word(std::move(text), left, top);
    w.confidence = confidence;
    w.column = column;
    w.table_column = column;
    out.push_back(std::move(w));
  };
  if (!code.empty()) cell(std::move(code), 100, 0, code_confidence);
  int left = 300;
  for (std::size_t at = 0; at < label.size();) {
    const std::size_t end = std::min(label.find(' ', at), label.size());
    const std::string l(label.substr(at, end - at));
    cell(l, left, 1);
    left += static_cast<int>(l.size()) * 20 + 20;
    at = end + 1;
  }
  if (!unit.empty()) cell(std::move(unit), 1300, 2);
  if (!figure.empty()) cell(std::move(figure), 1700, 3);
}

std::vector<OcrWord> form_one(std::string code_3_3) {
  std::vector<OcrWord> w;
  int left = 100;
  for (const char* h : {"BIỂU", "MẪU", "SỐ", "01:", "CÔNG", "TÁC", "CHỈ", "ĐẠO", "ĐIỀU", "HÀNH", "CCHC"}) {
    w.push_back(word(h, left, 40));
    left += static_cast<int>(std::string(h).size()) * 20 + 20;
  }
  table_row(w, 120, "STT", 60, "Nội dung", "ĐVT", "");
  table_row(w, 200, "2.1", 96, "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", "35");
  table_row(w, 280, "2.2", 96, "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", "21");
  table_row(w, 360, "3.", 95, "Tự kiểm tra CCHC", "", "");
  table_row(w, 440, "3.1", 95, "Số cơ quan, đơn vị đề ra trong kế hoạch tự kiểm tra.", "Cơ quan", "0");
  table_row(w, 520, "3.2", 95, "Số cơ quan, đơn vị đã kiểm tra", "Cơ quan", "0");
  table_row(w, 600, std::move(code_3_3), 40, "Tỷ lẹ xử lý các vấn đề phát hiện qua kiểm tra (tính lũy kế từ đầu năm)", "%", "50");
  table_row(w, 680, "3.3.1", 96, "Số vấn đề phát hiện qua kiểm tra", "Vấn đề", "2");
  table_row(w, 760, "3.3.2", 96, "Số vấn đề phát hiện đã xử lý xong", "Vấn đề", "1");
  return w;
}

// A code OCR made something else of ("S5)" for "3.3") is put back from where it stands: between
// 3.2 and 3.3.1 the form's order of rows has only 3.3. Its row is then found by its code, though
// the label's second word was misread too.
TEST(Scan, ACodeMisreadIsPutBackFromTheFormsOrderOfRows) {
  const ImportedText t = import_words(form_one("S5)")).value();
  EXPECT_EQ(text_of(t.report.value("B1:3.3").value()), "50") << coverage_to_text(t.coverage, Language::en);
  EXPECT_EQ(text_of(t.report.value("B1:3.2").value()), "0");
  EXPECT_EQ(text_of(t.report.value("B1:3.3.1").value()), "2");
  // Digits without their points are a code too ("331" for "3.3.1").
  std::vector<OcrWord> w = form_one("3.3");
  for (OcrWord& x : w)
    if (x.text == "3.3.1") x.text = "331";
  EXPECT_EQ(text_of(import_words(w).value().report.value("B1:3.3.1").value()), "2");
}

// Where the order leaves no single code, nothing is guessed. Two lines lost side by side between
// 3.2 and 3.3.2 can only be 3.3 and 3.3.1; but with rows 3.1 and 3.2 left out of the table, the
// one line between "3." and 3.3.1 is no code the order knows: its row is reported, and its
// figure is no other row's.
TEST(Scan, ACodeIsPutBackOnlyWhereTheOrderLeavesOne) {
  std::vector<OcrWord> w = form_one("S5)");
  for (OcrWord& x : w)
    if (x.text == "3.3.1") x.text = "Bá";
  const ImportedText both = import_words(w).value();
  EXPECT_EQ(text_of(both.report.value("B1:3.3").value()), "50");
  EXPECT_EQ(text_of(both.report.value("B1:3.3.1").value()), "2");
  std::vector<OcrWord> gap;
  for (const OcrWord& x : form_one("S5)"))
    if (x.top != 440 && x.top != 520) gap.push_back(x);
  const ImportedText missing = import_words(gap).value();
  EXPECT_TRUE(is_absent(missing.report.value("B1:3.3").value()));
  EXPECT_TRUE(std::any_of(missing.coverage.problems.begin(), missing.coverage.problems.end(),
                          [](const ImportProblem& p) { return p.address == "B1:3.3"; }));
  EXPECT_EQ(text_of(missing.report.value("B1:3.3.1").value()), "2");
  EXPECT_EQ(text_of(missing.report.value("B1:3.3.2").value()), "1");
  EXPECT_EQ(text_of(missing.report.value("B1:2.1").value()), "35");
}

// A single quote on a word's edge is a footnote mark or a speck ("VBQPPL'" for "VBQPPL¹"):
// taken off, the label is the catalogue's.
TEST(Scan, QuotesOnAWordsEdgeAreTakenOff) {
  std::vector<OcrWord> w;
  int left = 100;
  for (const char* h : {"BIỂU", "MẪU", "SỐ", "02:", "CẢI", "CÁCH", "THỂ", "CHẾ"}) {
    w.push_back(word(h, left, 40));
    left += static_cast<int>(std::string(h).size()) * 20 + 20;
  }
  table_row(w, 200, "1.", 96, "Số VBQPPL' đã ban hành/tham mưu ban hành", "Văn bản", "4");
  table_row(w, 280, "2.", 96, "Kiểm tra, xử lý 'VBQPPL", "", "");
  table_row(w, 360, "2.1", 96, "Số ‘VBQPPL’ đã kiểm tra theo thẩm quyền tại cơ quan, đơn vị", "Văn bản", "3");
  const ImportedText t = import_words(w).value();
  EXPECT_EQ(text_of(t.report.value("B2:1").value()), "4");
  EXPECT_EQ(text_of(t.report.value("B2:2.1").value()), "3");
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
  EXPECT_GE(s.right, 100u) << coverage_to_text(t.coverage, Language::en);
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
  EXPECT_EQ(text_of(doc.report.value("B1:2.1").value()), "35");
  const ScanText scan = recognize(path).value();
  EXPECT_EQ(scan.pages, 1u);
  EXPECT_NE(scan.text.find("BIỂU MẪU SỐ 01"), std::string::npos) << scan.text.substr(0, 400);
  const auto w = std::find_if(scan.words.begin(), scan.words.end(), [](const OcrWord& x) { return x.text == "35"; });
  ASSERT_NE(w, scan.words.end());
  EXPECT_GE(w->confidence, 80.0F);
  EXPECT_LT(w->left, w->right);
}

// The top of the HTML annex's first page, scanned (make_documents.py, scan_top()): a table
// without rules, whose figures stand alone in wide cells. A lone "35" the page's model read as
// "Si" (56 %) is read again as a figure, not left as a word and its row blank; a lone "0" read
// as "10" in a box as tight as its ink is read right with paper around it. No row is wrong.
TEST(Scan, FiguresAloneInATableWithoutRules) {
  const ImportedText t = import_file(documents + "annex-html-scan-top.jpg").value();
  EXPECT_EQ(text_of(t.report.value("B1:2.1").value()), "35") << coverage_to_text(t.coverage, Language::en);
  for (const char* row : {"B1:3.1", "B1:3.2", "B1:3.3", "B1:3.3.1"})
    EXPECT_EQ(text_of(t.report.value(row).value()), "0") << row;
  const auto s = score(t);
  EXPECT_TRUE(s.wrong.empty()) << s.wrong.front();
}

// A figure the recogniser doubts is never taken: with a confidence demanded that no reading
// reaches, every row whose figure is not a code is reported, none is read.
TEST(Scan, ADoubtedFigureLeavesItsRowUnread) {
  OcrOptions sure;
  sure.min_confidence = 101;
  const ImportedText t = import_scan(documents + "annex-scan-page1.jpg", builtin_catalog(), {}, sure).value();
  EXPECT_TRUE(is_absent(t.report.value("B1:2.1").value()));
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
