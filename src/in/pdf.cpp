// SPDX-License-Identifier: MIT
// PDF text through poppler-cpp, in reading order or laid out by position, and a PDF's import
// from both.
#include <algorithm>
#include <memory>

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include "cchc/scan.hpp"
#include "cchc/text_import.hpp"

namespace cchc {

result<std::string> pdf_to_text(const std::filesystem::path& path, PdfTextOrder order) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path.string()));
  if (!doc)
    return make_error(errc::io_error, "không mở được tệp PDF (hỏng, có mật khẩu hoặc không phải PDF)",
                      "cannot open the PDF (damaged, encrypted or not a PDF)", path.string());
  if (doc->is_locked())
    return make_error(errc::io_error, "tệp PDF có mật khẩu", "the PDF is password-protected",
                      path.string());
  std::string text;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    const auto layout = order == PdfTextOrder::layout ? poppler::page::physical_layout
                                                      : poppler::page::non_raw_non_physical_layout;
    const auto bytes = page->text(poppler::rectf(), layout).to_utf8();
    text.append(bytes.begin(), bytes.end());
    text += '\f';  // as pdftotext ends each page
  }
  return text;
}

result<ImportedText> import_pdf(const std::filesystem::path& path, std::shared_ptr<const Catalog> catalog,
                                TextLimits limits, const OcrOptions& ocr) {
  auto reading_text = pdf_to_text(path, PdfTextOrder::reading);
  if (!reading_text) return reading_text.error();
  // No text on any page: the pages are pictures, a scan.
  if (std::all_of(reading_text->begin(), reading_text->end(),
                  [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; }))
    return import_scan(path, std::move(catalog), limits, ocr);
  auto reading = import_text(*reading_text, catalog, limits);
  if (!reading) return std::move(reading.error()).within(path.string());
  auto layout_text = pdf_to_text(path, PdfTextOrder::layout);
  if (!layout_text) return layout_text.error();
  auto layout = import_text(*layout_text, catalog, limits);
  // No annex by position (or none at all): the reading order is all there is.
  if (!layout || layout->coverage.rows_found == 0) return reading;

  ImportedText out{{std::move(layout->coverage), std::move(reading->narrative)}, std::move(layout->report)};
  out.report.metadata() = reading->report.metadata();
  for (const Row& row : catalog->rows()) {
    if (!row.holds_value()) continue;
    const Value by_layout = out.report.value(row.id);
    const Value by_reading = reading->report.value(row.id);
    // Two figures that differ, or a figure only the reading order found: the row is unread, not
    // blank. (A remark's figure that only the reading order took is one; it costs a row.) A
    // figure only the layout found is what the reading order loses when labels wrap.
    if (is_absent(by_reading) || text_of(by_layout) == text_of(by_reading)) continue;
    const std::string a = is_absent(by_layout) ? "(trống/blank)" : text_of(by_layout);
    const std::string b = is_absent(by_reading) ? "(trống/blank)" : text_of(by_reading);
    out.coverage.problems.push_back(
        {row.address(), out.report.source_line(row.id).value_or(0),
         fmt::format("theo bố cục trang đọc được {}, theo thứ tự đọc được {}: chưa đọc dòng này", a, b),
         fmt::format("read as {} by position and as {} in reading order: the row is left unread", a, b)});
    if (!is_absent(by_layout)) {
      out.report.clear(row.id);
      --out.coverage.values;
    }
  }
  return out;
}

}  // namespace cchc
