// SPDX-License-Identifier: MIT
// import_office(): a Word or an Excel file, told apart by its parts.
#include "cchc/office_import.hpp"

#include <fmt/format.h>

#include "cchc/unicode.hpp"
#include "in/office/readers.hpp"

namespace cchc {

namespace detail::office {

void keep_metadata(ImportedText& out, std::string_view field, std::string value) {
  if (value.empty() || field == "catalog.id" || field == "catalog.version") return;
  if (!is_valid_utf8(value)) {
    out.coverage.problems.push_back({"", 0, fmt::format("{}: không phải UTF-8 hợp lệ", field),
                                     fmt::format("{}: not valid UTF-8", field)});
    return;
  }
  auto set = set_metadata_field(out.report.metadata(), field, std::move(value));
  if (!set)
    out.coverage.problems.push_back({"", 0, fmt::format("{}: {}", field, set.error().message_vi),
                                     fmt::format("{}: {}", field, set.error().message_en)});
}

}  // namespace detail::office

result<ImportedText> import_office(std::string_view bytes, std::shared_ptr<const Catalog> catalog,
                                   TextLimits limits) {
  if (!catalog) return make_error(errc::invalid_argument, "thiếu danh mục", "no catalogue given");
  if (bytes.size() > limits.max_bytes)
    return make_error(errc::limit_exceeded,
                      fmt::format("tệp quá lớn ({} byte, tối đa {})", bytes.size(), limits.max_bytes),
                      fmt::format("file too large ({} bytes, at most {})", bytes.size(), limits.max_bytes));
  auto package = detail::office::Package::open(bytes, limits);
  if (!package) return package.error();
  if (package->has("word/document.xml")) return detail::office::read_docx(*package, std::move(catalog));
  if (package->has("xl/workbook.xml")) return detail::office::read_xlsx(*package, std::move(catalog));
  return make_error(errc::parse_error, "tệp nén không phải tài liệu Word hay bảng tính Excel",
                    "a zip that is neither a Word document nor an Excel workbook");
}

}  // namespace cchc
