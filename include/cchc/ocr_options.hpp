// SPDX-License-Identifier: MIT
// cchc/ocr_options.hpp: how a scan is recognised (scan.hpp), for every reader that may meet one:
// import_file(), import_pdf() and read_document() take these and pass them on.
#pragma once

#include <filesystem>
#include <string>

namespace cchc {

/// How a scan is recognised. The defaults suit an A4 report scanned at 300 dpi.
struct OcrOptions {
  /// A PDF's pages are rendered at this resolution. 300 dpi gives the Vietnamese model letters
  /// of 30 pixels or more at 11-13 pt, where it reads best; more is slower and no better.
  unsigned dpi = 300;
  std::string language = "vie";      ///< Tesseract's model, "vie" or "vie+eng"
  std::filesystem::path tessdata;    ///< folder of *.traineddata; empty: Tesseract's own
  /// A figure recognised with a lower confidence (0-100) is left unread and reported.
  float min_confidence = 80.0F;
  unsigned threads = 0;              ///< pages recognised at once; 0: one per core
};

}  // namespace cchc
