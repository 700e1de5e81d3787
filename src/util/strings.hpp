// SPDX-License-Identifier: MIT
// Internal: building lists in text. Appending keeps clear of GCC 12's false -Wrestrict alarm on
// `"literal" + std::string` at -O3.
#pragma once

#include <string>
#include <string_view>

namespace cchc::detail {

/// Appends `item` to `out`, after `separator` unless `out` is still empty: "a, b, c".
inline void join_into(std::string& out, std::string_view separator, std::string_view item) {
  if (!out.empty()) out += separator;
  out += item;
}

}  // namespace cchc::detail
