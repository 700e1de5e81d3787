// SPDX-License-Identifier: MIT
// Reads the text of a report (pdftotext's default output, or poppler's): the narrative before
// the annex, the annex matched against the catalogue row by row (annex.cpp), and the metadata
// (metadata.cpp). Reading gathers evidence; the check pipeline judges it.
#include "cchc/text_import.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cchc/unicode.hpp"
#include "in/text/lines.hpp"

namespace cchc {

using namespace detail::text;

result<ImportedText> import_text(std::string_view text, std::shared_ptr<const Catalog> catalog,
                                 TextLimits limits) {
  if (!catalog) return make_error(errc::invalid_argument, "thiếu danh mục", "no catalogue given");
  if (text.size() > limits.max_bytes)
    return make_error(errc::limit_exceeded,
                      fmt::format("văn bản quá lớn ({} byte, tối đa {})", text.size(), limits.max_bytes),
                      fmt::format("text too large ({} bytes, at most {})", text.size(), limits.max_bytes));
  if (blank(text)) return make_error(errc::parse_error, "văn bản trống", "the text is empty");
  auto normalized = normalize_nfc(text);
  if (!normalized) return normalized.error();
  // NFC and without invisible characters: what every reader below sees.
  const std::string clean = without_invisibles(*normalized);
  const auto lines = split_lines(clean);
  for (const auto& l : lines)
    if (l.text.size() > limits.max_line_bytes)
      return make_error(errc::limit_exceeded,
                        fmt::format("dòng quá dài ({} byte, tối đa {})", l.text.size(), limits.max_line_bytes),
                        fmt::format("line too long ({} bytes, at most {})", l.text.size(), limits.max_line_bytes),
                        fmt::format("{}", l.number));

  ImportedText out{{}, Report(catalog)};
  if (clean.find('\f') != std::string::npos) {
    out.coverage.page_starts.push_back(1);
    for (const auto& l : lines)
      if (l.after_page_break && l.number != out.coverage.page_starts.back()) out.coverage.page_starts.push_back(l.number);
  }
  const auto annex = find_annex(lines, *catalog);
  const std::size_t prose_end = annex.value_or(lines.size());
  // The narrative's own text, numbered as in the file.
  std::string prose;
  for (std::size_t i = 0; i < prose_end; ++i) {
    prose += lines[i].text;
    prose += '\n';
  }
  out.narrative = parse_narrative(prose, *catalog, 1);
  if (annex) {
    read_annex(lines, *annex, *catalog, out.report, out.coverage);
  } else {
    for (const Row& row : catalog->rows())
      if (row.holds_value()) ++out.coverage.rows_expected;
    out.coverage.problems.push_back({"", 0, "không tìm thấy phụ lục số liệu (\"Phụ lục\" hoặc \"Biểu mẫu\")",
                                     "no statistical annex (\"Phụ lục\" or \"Biểu mẫu\") in the text"});
  }
  read_metadata(clean, lines, annex.value_or(lines.size()), lines.size(), *catalog, out.narrative,
                out.report.metadata());
  return out;
}

std::string_view to_string(RowReading::Status s) noexcept {
  switch (s) {
    case RowReading::Status::value: return "value";
    case RowReading::Status::blank: return "blank";
    case RowReading::Status::unread: return "unread";
    case RowReading::Status::missing: return "missing";
  }
  return "?";
}

namespace {

// How sure OCR was of a row's figure: the words on the row's line whose figures make up the
// value ("7", "/", "7"), or the doubted figure of an unread row, the least sure of them.
float confidence_of(const Coverage& cov, const RowReading& r) {
  if (cov.recognized.empty() || r.line == 0) return -1;
  const auto first = std::lower_bound(cov.recognized.begin(), cov.recognized.end(), r.line,
                                      [](const RecognizedFigure& f, std::size_t line) { return f.line < line; });
  float least = -1;
  for (auto it = first; it != cov.recognized.end() && it->line == r.line; ++it) {
    // A pair's parts may be words of their own ("7", "/", "7"); any other figure is one word.
    const bool part = r.status == RowReading::Status::value
                          ? it->text == r.value || (r.value.find('/') != std::string::npos &&
                                                    r.value.find(it->text) != std::string::npos)
                          : r.reason_en.find('"' + it->text + '"') != std::string::npos;
    if (part && (least < 0 || it->confidence < least)) least = it->confidence;
  }
  return least;
}

}  // namespace

std::vector<RowReading> row_readings(const ImportedText& imported) {
  const Report& report = imported.report;
  const Coverage& cov = imported.coverage;
  std::vector<RowReading> out;
  for (const Row& row : report.catalog().rows()) {
    if (!row.holds_value()) continue;
    RowReading r;
    r.address = row.address();
    r.line = report.source_line(row.id).value_or(0);
    const auto problem = std::find_if(cov.problems.begin(), cov.problems.end(),
                                      [&](const ImportProblem& p) { return p.address == r.address; });
    if (problem != cov.problems.end()) {
      // A row found has a line of its own; a row looked for and not found has none.
      r.status = r.line != 0 || problem->line != 0 ? RowReading::Status::unread : RowReading::Status::missing;
      if (r.line == 0) r.line = problem->line;
      r.reason_vi = problem->reason_vi;
      r.reason_en = problem->reason_en;
    } else if (!report.blank(row.id)) {
      r.status = RowReading::Status::value;
      r.value = report.text(row.id);
    } else {
      r.status = r.line != 0 ? RowReading::Status::blank : RowReading::Status::missing;
    }
    r.page = cov.page_of(r.line);
    r.confidence = confidence_of(cov, r);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Finding> check_imported(const ImportedText& imported, const CheckOptions& options) {
  return check_evidence(imported.report, imported, options);
}

}  // namespace cchc
