// SPDX-License-Identifier: MIT
// The one dispatch from a file to its reader, by content.
#include "cchc/input.hpp"

#include <cctype>

#include <fmt/format.h>

#include "cchc/io.hpp"
#include "cchc/json.hpp"
#include "cchc/office_import.hpp"
#include "cchc/scan.hpp"
#include "cchc/text_import.hpp"

namespace cchc {
namespace {

constexpr std::size_t head_bytes = 64;

bool named_pdf(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".pdf";
}

// By content. A name that promises a PDF the content is not is a damaged file, not text.
result<InputFormat> format_of(const std::filesystem::path& path) {
  auto head = read_head(path, head_bytes);
  if (!head) return head.error();
  InputFormat format = detect_format(*head);
  if (format == InputFormat::docx) {
    // A zip: Word or Excel by its parts; import_office() says what else it may be.
    auto bytes = read_file(path);
    if (!bytes) return bytes.error();
    if (bytes->find("xl/workbook.xml") != std::string::npos) format = InputFormat::xlsx;
  }
  if (format != InputFormat::pdf && named_pdf(path))
    return make_error(errc::io_error, "tệp .pdf nhưng không phải PDF (thiếu \"%PDF-\")",
                      "a .pdf file that is not a PDF (no \"%PDF-\")", path.string());
  return format;
}

// A PDF is held to the text's byte limit too, before poppler reads it.
result<void> within_text_limit(const std::filesystem::path& path, const TextLimits& limits) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes)
    return make_error(errc::limit_exceeded,
                      fmt::format("tệp quá lớn ({} byte, tối đa {})", size, limits.max_bytes),
                      fmt::format("file too large ({} bytes, at most {})", size, limits.max_bytes),
                      path.string());
  return {};
}

result<ImportedText> import_as(const std::filesystem::path& path, InputFormat format,
                               std::shared_ptr<const Catalog> catalog, const TextLimits& limits,
                               const OcrOptions& ocr) {
  if (auto ok = within_text_limit(path, limits); !ok) return ok.error();
  if (format == InputFormat::docx || format == InputFormat::xlsx) {
    auto bytes = read_file(path, limits.max_bytes);
    if (!bytes) return bytes.error();
    auto imported = import_office(*bytes, std::move(catalog), limits);
    if (!imported) return std::move(imported.error()).within(path.string());
    return imported;
  }
  if (format == InputFormat::image) return import_scan(path, std::move(catalog), limits, ocr);
  if (format == InputFormat::pdf) return import_pdf(path, std::move(catalog), limits, ocr);
  result<std::string> text = read_file(path, limits.max_bytes);
  if (!text) return text.error();
  auto imported = import_text(*text, std::move(catalog), limits);
  if (!imported) return std::move(imported.error()).within(path.string());
  return imported;
}

}  // namespace

std::string_view to_string(InputFormat f) noexcept {
  switch (f) {
    case InputFormat::json: return "json";
    case InputFormat::text: return "text";
    case InputFormat::pdf: return "pdf";
    case InputFormat::docx: return "docx";
    case InputFormat::xlsx: return "xlsx";
    case InputFormat::image: return "image";
  }
  return "?";
}

InputFormat detect_format(std::string_view head) noexcept {
  if (head.starts_with("%PDF-")) return InputFormat::pdf;
  if (head.starts_with("PK\x03\x04")) return InputFormat::docx;
  if (head.starts_with("\x89PNG\r\n\x1a\n") || head.starts_with("\xFF\xD8\xFF") ||
      head.starts_with(std::string_view("II*\0", 4)) || head.starts_with(std::string_view("MM\0*", 4)))
    return InputFormat::image;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty() && (head.front() == ' ' || head.front() == '\t' || head.front() == '\r' ||
                           head.front() == '\n'))
    head.remove_prefix(1);
  return head.starts_with('{') ? InputFormat::json : InputFormat::text;
}

result<ImportedText> import_file(const std::filesystem::path& path,
                                 std::shared_ptr<const Catalog> catalog, TextLimits limits,
                                 const OcrOptions& ocr) {
  auto format = format_of(path);
  if (!format) return format.error();
  // A JSON file given to an importer is read as text.
  return import_as(path, *format == InputFormat::json ? InputFormat::text : *format,
                   std::move(catalog), limits, ocr);
}

result<Reading> read_document(const std::filesystem::path& path,
                               std::shared_ptr<const Catalog> catalog, const Limits& limits,
                               const OcrOptions& ocr) {
  auto format = format_of(path);
  if (!format) return format.error();
  if (*format == InputFormat::json) {
    auto report = load_report(path, std::move(catalog), limits.json);
    if (!report) return report.error();
    return Reading{std::move(*report), std::nullopt, InputFormat::json};
  }
  auto imported = import_as(path, *format, std::move(catalog), limits.text, ocr);
  if (!imported) return imported.error();
  Evidence& evidence = *imported;
  return Reading{std::move(imported->report), std::move(evidence), *format};
}

}  // namespace cchc
