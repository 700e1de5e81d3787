// SPDX-License-Identifier: MIT
// Reads the text of a report (pdftotext's default output, or poppler's): the narrative before
// the annex, the annex matched against the catalogue row by row (annex.cpp), and the metadata
// (metadata.cpp). Reading gathers evidence; the check pipeline judges it.
#include "cchc/text_import.hpp"

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

std::vector<Finding> check_imported(const ImportedText& imported, const CheckOptions& options) {
  return check_evidence(imported.report, imported, options);
}

}  // namespace cchc
