// SPDX-License-Identifier: MIT
// Test helper: a zip of the given parts, made in memory with libzip, for building Word and Excel
// packages (sound or hostile) in tests and in the fuzz_office target. "" if libzip fails.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <zip.h>

namespace cchc::testing {

inline std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (buffer == nullptr) return {};
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &err);
  if (z == nullptr) {
    zip_source_free(buffer);
    return {};
  }
  zip_source_keep(buffer);
  for (const auto& [name, data] : parts)
    zip_file_add(z, name.c_str(), zip_source_buffer(z, data.data(), data.size(), 0), 0);
  zip_close(z);
  zip_stat_t st;
  std::string out;
  if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
    out.resize(st.size);
    if (zip_source_read(buffer, out.data(), st.size) < 0) out.clear();
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return out;
}

}  // namespace cchc::testing
