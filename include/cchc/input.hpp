// SPDX-License-Identifier: MIT
// cchc/input.hpp: reading a report from whatever file it comes in.
//
// The reader is chosen by the file's content, not its name: "%PDF-" is a PDF (its text through
// poppler, then the text reader; a PDF with no text is a scan, read by OCR, as is an image:
// scan.hpp), a zip is a Word or Excel file (office_import.hpp, told apart by
// its parts), a JSON object is a cchc.report/1 report, anything else is the text of a signed
// report. Readers of documents return the report with its evidence (coverage and
// narrative, evidence.hpp), which the check pipeline judges.
//
//   auto doc = cchc::read_document("report.pdf").value();
//   auto findings = cchc::check(doc.report, rules, doc.evidence ? &*doc.evidence : nullptr);
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/evidence.hpp"
#include "cchc/limits.hpp"
#include "cchc/ocr_options.hpp"
#include "cchc/report.hpp"

namespace cchc {

/// `image` is a PNG, JPEG or TIFF scan, read by OCR (scan.hpp).
enum class InputFormat : std::uint8_t { json, text, pdf, docx, xlsx, image };
[[nodiscard]] std::string_view to_string(InputFormat f) noexcept;

/// The format of a document by its first bytes (a few are enough): "%PDF-" a PDF; a zip
/// ("PK\3\4") an Office file, docx until its parts say otherwise (read_document() looks); a PNG,
/// JPEG or TIFF signature an image; "{" after optional whitespace and a byte-order mark, a JSON
/// report; otherwise text.
[[nodiscard]] InputFormat detect_format(std::string_view head) noexcept;

/// A report as read from a file, with the evidence of the document it came from (none for JSON).
struct Reading {
  Report report;
  std::optional<Evidence> evidence;
  InputFormat format = InputFormat::json;
  [[nodiscard]] const Evidence* evidence_ptr() const noexcept {
    return evidence ? &*evidence : nullptr;
  }
};

/// Reads a report file of any supported format against `catalog`; `ocr` is how a scan is
/// recognised. Errors name the file.
[[nodiscard]] result<Reading> read_document(const std::filesystem::path& path,
                                             std::shared_ptr<const Catalog> catalog =
                                                 builtin_catalog(),
                                             const Limits& limits = {}, const OcrOptions& ocr = {});

}  // namespace cchc
