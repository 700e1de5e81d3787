// SPDX-License-Identifier: MIT
#include "cchc/text_import.hpp"
#include "cchc/output.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <iostream>

#include <cairo-pdf.h>
#include <cairo.h>

#include <filesystem>
#include <map>
#include <random>
#include <sstream>

#include "cchc/json.hpp"
#include "cchc/unicode.hpp"
#include "support/document_score.hpp"

namespace cchc {
namespace {

const std::string data = CCHC_EXAMPLE_DATA_DIR;

std::string seed_text() { return read_file(data + "/seed-report.txt").value(); }

using testing::expected;
using testing::score;
using testing::Score;

std::string annex_split(const std::string& text, std::string* prose) {
  const auto at = text.find("Phụ lục I");
  *prose = text.substr(0, at);
  return text.substr(at);
}

std::string replace_once(std::string s, std::string_view from, std::string_view to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// --- the seed ------------------------------------------------------------------------------

TEST(TextImport, TheSeedAtFullCoverage) {
  const ImportedText t = import_text(seed_text()).value();
  EXPECT_TRUE(t.coverage.complete()) << coverage_to_text(t.coverage, Language::en);
  EXPECT_EQ(t.coverage.rows_expected, 113u);
  EXPECT_EQ(t.coverage.rows_found, 113u);
  EXPECT_EQ(t.coverage.values, 106u);
  EXPECT_EQ(t.coverage.blanks, 7u);
  const Score s = score(t);
  EXPECT_EQ(s.right, 113u);
  EXPECT_TRUE(s.wrong.empty());
  // Exactly the bundled example, value for value, kind for kind.
  const Report example = load_report(data + "/seed-report.json").value();
  for (const Row& row : example.catalog().rows())
    EXPECT_TRUE(same_as_written(example.value(row.id), t.report.value(row.id))) << row.address();
}

TEST(TextImport, EveryValueRemembersItsLine) {
  const ImportedText t = import_text(seed_text()).value();
  const Catalog& cat = t.report.catalog();
  EXPECT_EQ(t.report.source_line(cat.lookup("B1:4.2").value()), 533u);   // "149" on its own line
  EXPECT_EQ(t.report.source_line(cat.lookup("B4:1.4").value()), 743u);
  EXPECT_EQ(t.report.source_line(cat.lookup("B7:5.1").value()), 1017u);  // "04/04" below its label
  EXPECT_FALSE(t.report.source_line(cat.lookup("B1:3").value()).has_value());  // a heading
  // ...and keeps it through JSON.
  const Report back = report_from_json(report_to_json(t.report)).value();
  EXPECT_TRUE(back == t.report);
}

TEST(TextImport, MetadataFromTheText) {
  const Metadata m = import_text(seed_text()).value().report.metadata();
  // The hand transcription's metadata, but for the place: the seed's text has no "Sơn La, ngày …"
  // line, and the importer makes nothing up.
  Metadata want = load_report(data + "/seed-report.json").value().metadata();
  EXPECT_EQ(want.document.place, "Sơn La");
  want.document.place.clear();
  EXPECT_EQ(m, want);
  EXPECT_EQ(m.document.signer_title, "GIÁM ĐỐC");
}

// A signature block laid out beside the recipients, as pdftotext -layout prints it: the title
// shares its line with "Nơi nhận:", the name with a recipient.
// U+FFFD stands for a character that could not be read (a scan's doubted figure, a byte an
// encoding lost): a figure with one is neither the row's value nor a blank.
TEST(TextImport, AFigureWithAnUnreadableCharacterLeavesItsRowUnread) {
  const std::string text = replace_once(seed_text(), "kế hoạch Nhiệm vụ 35", "kế hoạch Nhiệm vụ 3\xEF\xBF\xBD");
  const ImportedText t = import_text(text).value();
  EXPECT_TRUE(is_absent(t.report.value("B1:2.1").value()));
  const auto p = std::find_if(t.coverage.problems.begin(), t.coverage.problems.end(),
                              [](const ImportProblem& x) { return x.address == "B1:2.1"; });
  ASSERT_NE(p, t.coverage.problems.end());
  EXPECT_EQ(p->reason_en, "a figure that could not be read with certainty: \"3\"");
  EXPECT_EQ(score(t).wrong.size(), 0u);
}

// Headings typed, or recognised, without their diacritics still head their forms.
TEST(TextImport, FormHeadingsWithoutDiacritics) {
  std::string text = seed_text();
  for (int n = 1; n <= 7; ++n)
    text = replace_once(text, fmt::format("Biểu mẫu {}", n), fmt::format("BIEU MAU SO {:02}", n));
  const ImportedText t = import_text(text).value();
  const Score s = score(t);
  EXPECT_TRUE(s.wrong.empty()) << s.wrong.front();
  EXPECT_EQ(s.right, expected().size()) << coverage_to_text(t.coverage, Language::en);
}

// A row found by its label alone never takes the place of another row whose code stands before
// the label on its line: 2.1 and 5.1 begin with the same words.
TEST(TextImport, ALabelAfterAnotherRowsCodeIsThatRows) {
  // 2.1's label misread: the first words of its label stand next after 5.1's code.
  const std::string text = replace_once(seed_text(), "2.1 Số nhiệm vụ đề ra trong kế hoạch", "2.1 Sổ nhiệm vụ để ra trong kể hoạch");
  const ImportedText t = import_text(text).value();
  const Score s = score(t);
  EXPECT_TRUE(s.wrong.empty()) << s.wrong.front();
  EXPECT_EQ(text_of(t.report.value("B1:5.1").value()), "0");
  EXPECT_TRUE(std::any_of(t.coverage.problems.begin(), t.coverage.problems.end(),
                          [](const ImportProblem& p) { return p.address == "B1:2.1"; }));
}

// A misprinted (or misread) word inside a label does not end it: the label's later words, its
// year among them, are still the label's, and the row's figure is the one left.
TEST(TextImport, AMisprintedLabelWordKeepsTheRestOfTheLabel) {
  const std::string text = replace_once(seed_text(), "1.4 Tỷ lệ ĐVSNCL đã cắt giảm so với năm 2015",
                                        "1.4 Tỷ lệ ĐVSNCL đã cắt gi4m so với năm 2015");
  const ImportedText t = import_text(text).value();
  EXPECT_EQ(text_of(t.report.value("B4:1.4").value()), "33,3") << coverage_to_text(t.coverage, Language::en);
  EXPECT_TRUE(score(t).wrong.empty());
}

// A row's code, the label's first word and its third say which row it is, though the second was
// misprinted or misread ("Số 1LLHC công bố mới" for B3:1.2's "Số TTHC công bố mới").
TEST(TextImport, ACodeAndTheLabelsFirstAndThirdWordsFindARow) {
  const std::string text = replace_once(seed_text(), "Số TTHC công bố mới", "Số 1LLHC công bố mới");
  const ImportedText t = import_text(text).value();
  EXPECT_EQ(text_of(t.report.value("B3:1.2").value()), "0") << coverage_to_text(t.coverage, Language::en);
  EXPECT_TRUE(score(t).wrong.empty());
}

// An annex with neither "Phụ lục" nor the first form: its forms are found by their headings as
// officers type them, and a form left out does not take the forms after it.
TEST(TextImport, AnAnnexThatStartsAtALaterFormsHeading) {
  const std::string text =
      "BIỂU MẪU SỐ 02: CẢI CÁCH THỂ CHẾ\n"
      "STT    Nội dung                                   ĐVT      Số liệu\n"
      "1.     Số VBQPPL đã ban hành/tham mưu ban hành    Văn bản  4\n"
      "2.     Kiểm tra, xử lý VBQPPL\n"
      "2.1    Số VBQPPL đã kiểm tra theo thẩm quyền tại cơ quan, đơn vị  Văn bản  3\n";
  const ImportedText t = import_text(text).value();
  EXPECT_EQ(text_of(t.report.value("B2:1").value()), "4") << coverage_to_text(t.coverage, Language::en);
  EXPECT_EQ(text_of(t.report.value("B2:2.1").value()), "3");
  EXPECT_TRUE(is_absent(t.report.value("B1:1").value()));
}

TEST(TextImport, SignerBesideTheRecipients) {
  std::string text = seed_text();
  const auto from = text.find("Nơi nhận:");
  const auto to = text.find("Lưu Bình Khiêm") + std::string_view("Lưu Bình Khiêm").size();
  ASSERT_LT(from, to);
  text.replace(from, to - from,
               "Nơi nhận:                                              GIÁM ĐỐC\n"
               "- Sở Nội vụ;\n"
               "- Tập thể lãnh đạo Sở;                                 (Đã ký)\n"
               "- Lưu: VT; VP (Thn03b).                             Lưu Bình Khiêm\n");
  const Metadata m = import_text(text).value().report.metadata();
  EXPECT_EQ(m.document.signer_title, "GIÁM ĐỐC");
  EXPECT_EQ(m.document.signer, "Lưu Bình Khiêm");
  // Read in reading order, the title can follow "Nơi nhận:" on its line.
  text = seed_text();
  text.replace(text.find("Nơi nhận: \n"), std::string_view("Nơi nhận: \n").size(), "Nơi nhận: GIÁM ĐỐC\n");
  text.replace(text.find("\nGIÁM ĐỐC \n"), std::string_view("\nGIÁM ĐỐC \n").size(), "\n");
  EXPECT_EQ(import_text(text).value().report.metadata().document.signer_title, "GIÁM ĐỐC");
}

TEST(TextImport, PlaceAndDateFromTheIssueLine) {
  const std::string text = "UBND TỈNH SƠN LA\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 94/BC-SKHCN\n"
                           "Sơn La, ngày 12 tháng 3 năm 2024\n" + seed_text();
  const Metadata m = import_text(text).value().report.metadata();
  EXPECT_EQ(m.document.place, "Sơn La");
  EXPECT_EQ(m.document.date, Date(2024, 3, 12));
}

TEST(TextImport, DecomposedUnicodeReadsTheSame) {
  // The same text with "ệ" written as e + ̣ + ̂, as some PDFs produce.
  std::string text = seed_text();
  std::string decomposed;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "ệ") == 0) {
      decomposed += "e\xCC\xA3\xCC\x82";
      i += 3;
    } else {
      decomposed += text[i++];
    }
  }
  ASSERT_NE(decomposed, text);
  const ImportedText t = import_text(decomposed).value();
  EXPECT_TRUE(t.coverage.complete());
  EXPECT_EQ(score(t).right, 113u);
}

// Issue 14: U+200B after a figure lost it, and NBSP, soft hyphens, CR and ZWSP in labels lost
// rows and headings, all silently. Invisible on the page, they must change nothing.
TEST(TextImport, InvisibleCharactersReadTheSame) {
  const std::string text = seed_text();
  const ImportedText plain = import_text(text).value();
  std::string noisy = "\xEF\xBB\xBF";  // a byte-order mark
  int spaces = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      noisy += "\r\n";
    } else if (c == ' ' && ++spaces % 3 == 0) {
      noisy += "\xC2\xA0";  // NBSP for every third space
    } else {
      noisy += c;
      const bool figure_ends = c >= '0' && c <= '9' && i + 1 < text.size() &&
                               (text[i + 1] < '0' || text[i + 1] > '9');
      if (figure_ends) noisy += spaces % 2 ? "\xE2\x80\x8B" : "\xE2\x81\xA0";  // ZWSP, WJ
      if (c == 'g' && spaces % 5 == 0) noisy += "\xC2\xAD";  // a soft hyphen inside a word
    }
  }
  const ImportedText t = import_text(noisy).value();
  EXPECT_TRUE(t.coverage.complete());
  EXPECT_EQ(score(t).right, 113u);
  EXPECT_EQ(report_to_json(t.report), report_to_json(plain.report));
  // A lone CR (old Mac files) ends a line too.
  std::string cr = text;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  EXPECT_EQ(score(import_text(cr).value()).right, 113u);
}

// --- variants of the seed ------------------------------------------------------------------

TEST(TextImport, LinesRewrappedAtOtherWidths) {
  std::string prose;
  const std::string annex = annex_split(seed_text(), &prose);
  std::istringstream in(annex);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  for (std::size_t width : {30u, 50u, 80u, 140u}) {
    SCOPED_TRACE(width);
    std::string wrapped;
    std::size_t col = 0;
    for (const auto& w : words) {
      if (col > 0 && col + 1 + display_width(w) > width) {
        wrapped += "\n";
        col = 0;
      } else if (col > 0) {
        wrapped += ' ';
        ++col;
      }
      wrapped += w;
      col += display_width(w);
    }
    const ImportedText t = import_text(prose + wrapped).value();
    const Score s = score(t);
    EXPECT_TRUE(s.wrong.empty()) << s.wrong.front();
    // Rewrapped, page numbers and the footnote run into the rows around them: those rows have
    // two figures, and are reported rather than guessed.
    EXPECT_GE(s.right, 110u) << coverage_to_text(t.coverage, Language::en);
    EXPECT_EQ(s.right + s.reported, 113u);
  }
}

TEST(TextImport, PageBreaksMovedAndHeadersRepeated) {
  std::string prose;
  const std::string annex = annex_split(seed_text(), &prose);
  for (unsigned seed = 1; seed <= 8; ++seed) {
    SCOPED_TRACE(seed);
    std::mt19937 rng(seed);
    std::istringstream in(annex);
    std::string moved;
    int page = 20;
    std::size_t n = 0;
    for (std::string line; std::getline(in, line); ++n) {
      moved += line + "\n";
      if (n > 5 && rng() % 23 == 0)
        moved += "\n\n\n" + std::to_string(page++) + "\f\nTT Chỉ tiêu thống kê\nKết quả thống kê\n"
                 "Ghi chú\nĐơn vị tính Số liệu\n";
    }
    ASSERT_GT(page, 25);
    const ImportedText t = import_text(prose + moved).value();
    const Score s = score(t);
    EXPECT_TRUE(s.wrong.empty()) << s.wrong.front();
    EXPECT_EQ(s.right, 113u) << coverage_to_text(t.coverage, Language::en);
  }
}

TEST(TextImport, ChangedValuesAreReadAsChanged) {
  std::string text = seed_text();
  text = replace_once(text, "kế hoạch Nhiệm vụ 35", "kế hoạch Nhiệm vụ 36");
  text = replace_once(text, "\n149 \n", "\n150 \n");
  text = replace_once(text, "% 33,3", "% 33,4");
  text = replace_once(text, "xin 0/0", "xin 2/3");
  text = replace_once(text, "Văn bản \n  \n\n2 Tỷ lệ", "Văn bản \n 12 \n\n2 Tỷ lệ");
  auto want = expected();
  want["B1:2.1"] = "36";
  want["B1:4.2"] = "150";
  want["B4:1.4"] = "33,4";
  want["B3:3.2"] = "2/3";
  want["B1:1"] = "12";
  const ImportedText t = import_text(text).value();
  const Score s = score(t, want);
  EXPECT_TRUE(s.wrong.empty()) << s.wrong.front();
  EXPECT_EQ(s.right, 113u);
}

TEST(TextImport, DeletedRowsAreReportedTheRestIsRead) {
  std::string text = seed_text();
  text = replace_once(text, "3.3 Tỷ lệ xử lý các vấn đề phát hiện qua kiểm tra (tính lũy kế từ đầu năm) % 0  \n", "");
  text = replace_once(text, "5.2 Số hồ sơ TTHC được tiếp nhận qua dịch vụ BCCI TTHC 04  \n", "");
  const ImportedText t = import_text(text).value();
  const Score s = score(t);
  EXPECT_TRUE(s.wrong.empty()) << s.wrong.front();
  EXPECT_EQ(s.right, 111u);
  EXPECT_EQ(s.reported, 2u);
  EXPECT_EQ(t.coverage.rows_found, 111u);
  std::vector<std::string> missing;
  for (const auto& p : t.coverage.problems) missing.push_back(p.address);
  EXPECT_EQ(missing, (std::vector<std::string>{"B1:3.3", "B7:5.2"}));
}

TEST(TextImport, ATwoFigureRowIsReportedNotGuessed) {
  const std::string text = replace_once(seed_text(), "kế hoạch Nhiệm vụ 35", "kế hoạch Nhiệm vụ 35 36");
  const ImportedText t = import_text(text).value();
  ASSERT_EQ(t.coverage.problems.size(), 1u);
  EXPECT_EQ(t.coverage.problems[0].address, "B1:2.1");
  EXPECT_NE(t.coverage.problems[0].reason_en.find("several figures"), std::string::npos);
  EXPECT_TRUE(is_absent(t.report.value("B1:2.1").value()));
}

TEST(TextImport, AFigureOfTheWrongKindIsReported) {
  const std::string text = replace_once(seed_text(), "kế hoạch Nhiệm vụ 35", "kế hoạch Nhiệm vụ 35,5");
  const ImportedText t = import_text(text).value();
  ASSERT_EQ(t.coverage.problems.size(), 1u);
  EXPECT_EQ(t.coverage.problems[0].address, "B1:2.1");
  EXPECT_NE(t.coverage.problems[0].reason_en.find("whole number"), std::string::npos);
}

// --- text that is not a whole report --------------------------------------------------------

TEST(TextImport, TruncatedAnnexGivesAPartialResult) {
  const std::string text = seed_text();
  const ImportedText t = import_text(text.substr(0, text.find("Biểu mẫu 5"))).value();
  EXPECT_FALSE(t.coverage.complete());
  const Score s = score(t);
  EXPECT_TRUE(s.wrong.empty()) << s.wrong.front();
  EXPECT_GT(s.right, 50u);
  EXPECT_EQ(s.right + s.reported, 113u);
}

// A form laid out by position (pdftotext -layout) as an agency types it: "BIỂU MẪU SỐ 01:",
// codes with dots, a remark with figures in "Ghi chú", a code list in the unit column, a row
// centred on its wrapped label, a footnote mark as a superscript.
TEST(TextImport, LaidOutFormKeepsRemarksAndCodeListsOutOfTheFigures) {
  const std::string text =
      "PHỤ LỤC\n"
      "BIỂU MẪU SỐ 01: CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC\n"
      "STT   Nội dung                          ĐVT        Số liệu   Ghi chú\n"
      "1.    Số văn bản chỉ đạo CCHC đã         Văn bản              Gồm 02 văn\n"
      "      ban hành (Kết luận, chỉ thị)                          bản\n"
      "2.1   Số nhiệm vụ đề ra trong kế hoạch   Nhiệm vụ   35\n"
      "2.2   Số nhiệm vụ đã hoàn thành          Nhiệm vụ   21        Đạt 60% kế\n"
      "                                                              hoạch\n"
      "\n"
      "      Số nhiệm vụ quá hạn nhưng chưa\n"
      "4.4                                      Nhiệm vụ   0\n"
      "      hoàn thành\n"
      "\n"
      "6.1   Số lượng phiếu khảo sát             Số lượng   0\n"
      "6.2   Hình thức khảo sát                  Trực tuyến = 0 Phát phiếu\n"
      "                                         = 1 Kết hợp = 2\n"
      "BIỂU MẪU SỐ 02: CẢI CÁCH THỂ CHẾ\n"
      "TT    Chỉ tiêu thống kê                  Đơn vị tính  Số liệu\n"
      "1     Số VBQPPL\u00b9 đã ban hành/tham mưu ban hành  Văn bản  3\n";
  const ImportedText t = import_text(text).value();
  auto value = [&](std::string_view address) { return text_of(t.report.value(address).value()); };
  EXPECT_EQ(value("B1:1"), "");    // "Gồm 02 văn bản" is a remark
  EXPECT_EQ(value("B1:2.1"), "35");
  EXPECT_EQ(value("B1:2.2"), "21");  // not "60%"
  EXPECT_EQ(value("B1:4.4"), "0");   // the code on the label's middle line
  EXPECT_EQ(value("B1:6.1"), "0");
  EXPECT_EQ(value("B1:6.2"), "");    // "= 0", "= 1", "= 2" are the codes' meanings
  EXPECT_EQ(value("B2:1"), "3");     // "VBQPPL¹" is "VBQPPL" with its footnote mark
  for (const auto& p : t.coverage.problems)
    EXPECT_TRUE(p.address != "B1" && p.address != "B2") << p.reason_en;  // both headings found
}

TEST(TextImport, GarbageEmptyBinaryAndLongLines) {
  const ImportedText garbage = import_text("lorem ipsum dolor sit amet\n12 34\n").value();
  EXPECT_EQ(garbage.coverage.rows_found, 0u);
  ASSERT_FALSE(garbage.coverage.problems.empty());
  EXPECT_EQ(garbage.coverage.problems[0].address, "");
  EXPECT_EQ(import_text("").error().code, errc::parse_error);
  EXPECT_EQ(import_text(" \n\n \f").error().code, errc::parse_error);
  EXPECT_EQ(import_text(std::string("\x7F" "ELF\x02\x01\x00\xFF\xFE", 9)).error().code, errc::invalid_utf8);
  const std::string long_line(2u << 20, 'a');
  EXPECT_EQ(import_text(long_line).error().code, errc::limit_exceeded);
  const ImportedText wide = import_text(std::string(300000, '7') + "\n" + seed_text()).value();
  EXPECT_TRUE(wide.coverage.complete());
  TextLimits tiny;
  tiny.max_bytes = 100;
  EXPECT_EQ(import_text(seed_text(), builtin_catalog(), tiny).error().code, errc::limit_exceeded);
  EXPECT_EQ(import_file("/nonexistent.txt").error().code, errc::io_error);
}

// --- PDF --------------------------------------------------------------------------------------

// Typesets the seed's text line by line into a PDF with cairo, breaking pages where the seed
// printed its page numbers, so poppler's text of it is the seed again, laid out anew.
void write_pdf(const std::string& text, const std::string& path) {
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), 595, 842);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 7);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  double y = 40;
  int blanks = 0;
  for (const auto& l : lines) {
    const std::string t = collapse_spaces(l);
    const bool page_number = blanks >= 2 && !t.empty() && t.size() <= 3 &&
                             t.find_first_not_of("0123456789") == std::string::npos;
    blanks = t.empty() ? blanks + 1 : 0;
    if (t.empty()) continue;
    if (y > 800) {
      cairo_show_page(cr);
      y = 40;
    }
    cairo_move_to(cr, page_number ? 290 : 30, page_number ? 820 : y);
    cairo_show_text(cr, t.c_str());
    if (page_number) {
      cairo_show_page(cr);
      y = 40;
    } else {
      y += 10;
    }
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
}

TEST(TextImport, APdfTheTestsMake) {
  const auto path = (std::filesystem::path(::testing::TempDir()) / "cchc-seed.pdf").string();
  write_pdf(seed_text(), path);
  const std::string text = pdf_to_text(path).value();
  EXPECT_NE(text.find("Biểu mẫu 7"), std::string::npos);
  EXPECT_NE(text.find('\f'), std::string::npos);
  const ImportedText t = import_file(path).value();
  EXPECT_TRUE(t.coverage.complete()) << coverage_to_text(t.coverage, Language::en);
  const Score s = score(t);
  EXPECT_TRUE(s.wrong.empty()) << s.wrong.front();
  EXPECT_EQ(s.right, 113u);
  EXPECT_EQ(t.report.metadata().document.symbol, "BC-SKHCN");
  if (!::testing::Test::HasFailure()) std::filesystem::remove(path);  // kept to look at otherwise
}

// Documents made with real tools from the seed report's annex (tests/data/documents, made by
// make_documents.py): python-docx typed it into a Word table, LibreOffice typeset that and an
// HTML page to PDF, openpyxl filled in a workbook. Labels and code lists wrap, rows are centred, remarks beside the figures hold
// figures, headings are "BIỂU MẪU SỐ 01" and codes end in dots. Each row is read exactly or
// reported; none is silently wrong.
TEST(ReadDocuments, OfficeSuiteDocumentsReadEveryRowAndNeverAWrongFigure) {
  const std::string dir = std::string(CCHC_TEST_DATA_DIR) + "/documents/";
  std::size_t rows = 0, exact = 0;
  std::string table = "document              exact  flagged  silently wrong\n";
  for (const char* name : {"annex-word.pdf", "annex-html.pdf", "annex-word.docx", "annex-excel.xlsx"}) {
    SCOPED_TRACE(name);
    const ImportedText t = import_file(dir + name).value();
    const Score s = score(t);
    table += fmt::format("{:<21} {:>5}  {:>7}  {:>14}\n", name, s.right, s.reported, s.wrong.size());
    EXPECT_TRUE(s.wrong.empty()) << s.wrong.front();
    EXPECT_GE(s.right, 111u) << coverage_to_text(t.coverage, Language::en);
    rows += expected().size();
    exact += s.right;
  }
  std::cout << table;
  EXPECT_GE(exact * 100, rows * 95);
}

// Read by position, a PDF's annex comes from its laid-out text and is checked against the text
// in reading order: what the reading order loses when labels wrap is kept, and a figure only the
// reading order sees (a remark's) leaves its row unread, never blank.
TEST(ReadDocuments, APdfIsReadByPositionAndCheckedInReadingOrder) {
  const std::string pdf = std::string(CCHC_TEST_DATA_DIR) + "/documents/annex-word.pdf";
  const std::string reading = pdf_to_text(pdf, PdfTextOrder::reading).value();
  const std::string layout = pdf_to_text(pdf, PdfTextOrder::layout).value();
  EXPECT_NE(reading, layout);
  // In reading order the Word table's figures land in other rows: fewer read right.
  const Score by_reading = score(import_text(reading).value());
  const Score both = score(import_file(pdf).value());
  EXPECT_LT(by_reading.right + 20, both.right);
  EXPECT_TRUE(both.wrong.empty());
  // B1:1 is blank; its remark says "Gồm 02 văn bản": never its value.
  const ImportedText t = import_file(pdf).value();
  EXPECT_EQ(text_of(t.report.value("B1:1").value()), "");
  EXPECT_EQ(text_of(t.report.value("B1:2.2").value()), "21");  // beside "Đạt 60% kế hoạch"
}

// Row by row, what was read and from where: a PDF's rows with their line and page, a row the
// two reading orders disagree on as unread with both figures, a row not in the text as missing.
TEST(ReadDocuments, EachRowSaysWhatWasReadAndFromWhere) {
  const ImportedText pdf = import_file(std::string(CCHC_TEST_DATA_DIR) + "/documents/annex-word.pdf").value();
  const auto rows = row_readings(pdf);
  ASSERT_EQ(rows.size(), expected().size());
  std::size_t values = 0, blanks = 0, unread = 0;
  for (const RowReading& r : rows) {
    values += r.status == RowReading::Status::value;
    blanks += r.status == RowReading::Status::blank;
    unread += r.status == RowReading::Status::unread;
    EXPECT_GT(r.line, 0u) << r.address;
    EXPECT_GE(r.page, 1u) << r.address;
  }
  EXPECT_EQ(values, pdf.coverage.values);
  EXPECT_EQ(blanks, pdf.coverage.blanks);
  EXPECT_EQ(unread, pdf.coverage.problems.size());
  EXPECT_EQ(rows[2].address, "B1:2.1");
  EXPECT_EQ(rows[2].value, "35");
  EXPECT_EQ(rows[2].page, 1u);
  EXPECT_GT(rows.back().page, 5u);  // form 7 is pages on
  const std::string json = import_to_json(pdf);
  EXPECT_NE(json.find("\"row\": \"B1:2.1\",\n      \"status\": \"value\",\n      \"value\": \"35\""), std::string::npos) << json.substr(0, 600);

  const std::string text = seed_text();
  const ImportedText cut = import_text(text.substr(0, text.find("Biểu mẫu 5"))).value();
  const auto partial = row_readings(cut);
  const auto b7 = std::find_if(partial.begin(), partial.end(), [](const RowReading& r) { return r.address == "B7:1"; });
  ASSERT_NE(b7, partial.end());
  EXPECT_EQ(b7->status, RowReading::Status::missing);
  EXPECT_EQ(b7->reason_en, "the row is not in the text");
  EXPECT_EQ(b7->page, 0u);  // the seed's text has no form feeds where it was cut
}

TEST(TextImport, NotAPdf) {
  const auto path = (std::filesystem::path(::testing::TempDir()) / "cchc-not.pdf").string();
  ASSERT_TRUE(write_file(path, "plain text, not a PDF"));
  EXPECT_EQ(import_file(path).error().code, errc::io_error);
  std::filesystem::remove(path);
}

TEST(Coverage, ReadsInBothLanguages) {
  Coverage c;
  c.rows_expected = 10;
  c.rows_found = 9;
  c.values = 8;
  c.blanks = 1;
  c.problems.push_back({"B1:2", 42, "không thấy", "not found"});
  EXPECT_EQ(coverage_to_text(c, Language::en),
            "Read 9/10 annex rows (90%): 8 with a value, 1 blank; 1 problems\n  B1:2 (line 42) not found\n");
  EXPECT_NE(coverage_to_text(c, Language::vi).find("B1:2 (dòng 42) không thấy"), std::string::npos);
  EXPECT_FALSE(c.complete());
}

}  // namespace
}  // namespace cchc
