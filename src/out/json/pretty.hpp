// SPDX-License-Identifier: MIT
// Internal: writes JSON for people to read (Boost.JSON 1.81 writes only compact JSON).
#pragma once

#include <string>

#include <boost/json/value.hpp>

namespace cchc::detail {

/// Two-space indentation, arrays of scalars on one line, keys in insertion order, a final newline.
[[nodiscard]] std::string to_pretty_json(const boost::json::value& v);

/// Sets o[key] = s, unless s is empty (fields at their default are left out).
inline void put_if(boost::json::object& o, std::string_view key, const std::string& s) {
  if (!s.empty()) o[key] = s;
}

}  // namespace cchc::detail
