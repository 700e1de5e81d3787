// SPDX-License-Identifier: MIT
// The Office Open XML package (DOCX, XLSX), zipped in memory with libzip.
#include "out/render/package.hpp"

#include <memory>

#include <fmt/format.h>
#include <zip.h>

namespace cchc::detail::document {

void xml_escape_into(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
}

result<std::string> zip_package(std::span<const PackagePart> parts, std::string_view what_vi,
                                std::string_view what_en) {
  auto failure = [&](std::string_view why) -> error {
    return make_error(errc::internal, fmt::format("không đóng gói được {}: {}", what_vi, why),
                      fmt::format("cannot package {}: {}", what_en, why));
  };
  // A buffer source kept after the archive is closed, then read.
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (buffer == nullptr) return failure(zip_error_strerror(&err));
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> owned(buffer, &zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &err);
  if (archive == nullptr) return failure(zip_error_strerror(&err));
  zip_source_keep(buffer);
  auto abandon = [&]() -> error {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    return failure(why);
  };
  for (const PackagePart& p : parts) {
    const std::string name(p.name);
    zip_source_t* part = zip_source_buffer(archive, p.data.data(), p.data.size(), 0);
    if (part == nullptr) return abandon();
    const zip_int64_t index = zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(part);
      return abandon();
    }
    if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1) < 0)
      return abandon();
  }
  if (zip_close(archive) < 0) return abandon();
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) < 0 || zip_source_open(buffer) < 0)
    return failure(zip_error_strerror(zip_source_error(buffer)));
  std::string out(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t got = zip_source_read(buffer, out.data(), st.size);
  zip_source_close(buffer);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) return failure("short read");
  return out;
}

}  // namespace cchc::detail::document
