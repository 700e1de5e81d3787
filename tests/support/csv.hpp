// SPDX-License-Identifier: MIT
// Test helper: reports written as a CSV of one report per line (batch_input.hpp's format):
// every row that holds a value, as written, then the given metadata fields; RFC 4180 quotes.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/report.hpp"

namespace cchc::testing {

inline std::string csv_field(std::string_view field, char sep) {
  if (field.find_first_of(std::string{sep, '"', '\n', '\r'}) == std::string_view::npos &&
      (field.empty() || (field.front() != ' ' && field.back() != ' ')))
    return std::string(field);
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

inline std::string to_csv(const std::vector<Report>& reports, const Catalog& cat,
                          std::span<const std::string_view> metadata, char sep = ',',
                          std::string_view eol = "\n") {
  std::string out;
  bool first = true;
  auto cell = [&](std::string_view f) {
    if (!first) out += sep;
    out += csv_field(f, sep);
    first = false;
  };
  for (const Row& row : cat.rows())
    if (row.holds_value()) cell(row.address());
  for (auto f : metadata) cell(f);
  out += eol;
  for (const Report& r : reports) {
    first = true;
    for (const Row& row : cat.rows())
      if (row.holds_value()) cell(text_of(r.value(row.id)));
    for (auto f : metadata) cell(metadata_field(r.metadata(), f).value());
    out += eol;
  }
  return out;
}

}  // namespace cchc::testing
