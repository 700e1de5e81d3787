// SPDX-License-Identifier: MIT
#include "out/json/pretty.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

namespace cchc::detail {
namespace json = boost::json;
namespace {

// Boost.JSON 1.81 serialises compactly only; reports are read by people too.
void pretty(std::string& out, const json::value& v, int indent) {
  const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  const std::string close(static_cast<std::size_t>(indent), ' ');
  if (v.is_object()) {
    const auto& o = v.get_object();
    if (o.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (const auto& kv : o) {
      if (!first) out += ",\n";
      first = false;
      out += pad;
      out += json::serialize(json::string(kv.key()));
      out += ": ";
      pretty(out, kv.value(), indent + 2);
    }
    out += '\n';
    out += close;
    out += '}';
  } else if (v.is_array()) {
    const auto& a = v.get_array();
    if (a.empty()) {
      out += "[]";
      return;
    }
    bool scalars = true;
    for (const auto& e : a) scalars = scalars && !e.is_object() && !e.is_array();
    if (scalars) {
      out += '[';
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (i) out += ", ";
        out += json::serialize(a[i]);
      }
      out += ']';
      return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (i) out += ",\n";
      out += pad;
      pretty(out, a[i], indent + 2);
    }
    out += '\n';
    out += close;
    out += ']';
  } else {
    out += json::serialize(v);
  }
}

}  // namespace

std::string to_pretty_json(const json::value& v) {
  std::string out;
  pretty(out, v, 0);
  out += '\n';
  return out;
}

}  // namespace cchc::detail
