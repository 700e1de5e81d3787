// SPDX-License-Identifier: MIT
// PDF text through poppler-cpp, in the order `pdftotext` gives by default.
#include <memory>

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include "cchc/text_import.hpp"

namespace cchc {

result<std::string> pdf_to_text(const std::filesystem::path& path) {
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
    const auto bytes = page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
    text.append(bytes.begin(), bytes.end());
    text += '\f';  // as pdftotext ends each page
  }
  return text;
}

}  // namespace cchc
