// SPDX-License-Identifier: MIT
// cchc/scan.hpp: reading a scanned report, a PDF with no text layer or a page image, by OCR.
//
// Each page is rendered (a PDF's at `OcrOptions::dpi`) and recognised by Tesseract with its
// Vietnamese model (Debian's tesseract-ocr-vie), a page per thread. The words, with their boxes
// and confidences, are laid out by position into text as `pdftotext -layout` lays out a PDF,
// and that text goes through the same reader as every other document (text_import.hpp). What
// OCR adds:
//   - a figure recognised with less than `min_confidence` is never taken: its row is unread,
//     with the figure and its confidence in the reason;
//   - a label word with a slip (a lost or wrong diacritic, a letter or two) is put back as the
//     catalogue writes it, when exactly one word of the catalogue's vocabulary is that close;
//   - each figure's confidence is kept (Coverage::recognized), and row_readings() gives it.
// import_file() and import_pdf() come here by themselves for a PDF without text and for a PNG,
// JPEG or TIFF file.
//
//   auto imported = cchc::import_scan("scan.pdf").value();
//   for (const auto& r : cchc::row_readings(imported)) std::cout << r.address << ' ' << r.confidence << '\n';
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/limits.hpp"
#include "cchc/ocr_options.hpp"
#include "cchc/text_import.hpp"

namespace cchc {

/// A word as the recogniser read it, on its page, in pixels from the page's top left corner.
struct OcrWord {
  std::string text;
  std::size_t page = 1;  ///< 1-based
  int left = 0, top = 0, right = 0, bottom = 0;
  float confidence = 0;  ///< 0-100
  /// The ruled table column it stands in, numbered on its page from 0 (tables one after another,
  /// columns left to right); -1 outside tables.
  int column = -1;
  /// Its place among its own table's columns, from 0 at the left: a table's first column is
  /// where the rows' codes stand. -1 outside tables.
  int table_column = -1;
};

/// A scan's words and their text laid out by position, pages separated by form feeds.
struct ScanText {
  std::vector<OcrWord> words;
  std::string text;
  std::size_t pages = 0;
};

/// Lays out recognised words by position: lines by their height on the page, words at the
/// character column their left edge gives, a blank line where the page leaves a line's worth of
/// space, a form feed after each page. Words need not be in order.
[[nodiscard]] std::string lay_out_words(const std::vector<OcrWord>& words);

/// The words of a scanned PDF (every page rendered) or of a PNG, JPEG or TIFF image (each frame a
/// page), and their laid-out text. Errors: the file cannot be read, the OCR model is not
/// installed, or a page is beyond `limits` (TextLimits::max_pages, max_page_pixels).
[[nodiscard]] result<ScanText> recognize(const std::filesystem::path& path,
                                         const OcrOptions& options = {}, const TextLimits& limits = {});

/// Reads a report from recognised words: recognize()'s, or another recogniser's that gives each
/// word's page, box and confidence, and for a word in a ruled table its column and its place
/// among its table's columns. The words are cleaned as a scan's are: rules' remains, quotes and
/// specks on words' edges taken off; the rows' codes in tables' first columns put back (from their
/// digits, or from the forms' order of rows when OCR made something else of them); a label word
/// with a slip put back from the catalogue's vocabulary; a figure read below `min_confidence`
/// marked so that its row is left unread. Then laid out by position and read by the text reader.
[[nodiscard]] result<ImportedText> import_words(std::vector<OcrWord> words,
                                                std::shared_ptr<const Catalog> catalog = builtin_catalog(),
                                                TextLimits limits = {}, float min_confidence = 80.0F);

/// Reads a scanned report: recognize(), then import_words(), with the figures' confidences.
[[nodiscard]] result<ImportedText> import_scan(const std::filesystem::path& path,
                                               std::shared_ptr<const Catalog> catalog = builtin_catalog(),
                                               TextLimits limits = {}, const OcrOptions& options = {});

}  // namespace cchc
