// SPDX-License-Identifier: MIT
#include "cchc/error.hpp"

#include <utility>

namespace cchc {

std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::ok: return "ok";
    case errc::invalid_argument: return "invalid_argument";
    case errc::parse_error: return "parse_error";
    case errc::not_found: return "not_found";
    case errc::kind_mismatch: return "kind_mismatch";
    case errc::out_of_range: return "out_of_range";
    case errc::invalid_utf8: return "invalid_utf8";
    case errc::io_error: return "io_error";
    case errc::invalid_catalog: return "invalid_catalog";
    case errc::limit_exceeded: return "limit_exceeded";
    case errc::buffer_too_small: return "buffer_too_small";
    case errc::callback_failed: return "callback_failed";
    case errc::no_value: return "no_value";
    case errc::out_of_memory: return "out_of_memory";
    case errc::internal: return "internal";
  }
  return "unknown";
}

std::string error::describe(Language lang) const {
  const std::string& asked = lang == Language::en ? message_en : message_vi;
  const std::string& message = asked.empty() ? (lang == Language::en ? message_vi : message_en) : asked;
  return where.empty() ? message : where + ": " + message;
}

std::string error::describe() const {
  std::string out;
  if (!where.empty()) {
    out += where;
    out += ": ";
  }
  out += message_vi;
  if (!message_en.empty() && message_en != message_vi) {
    out += " (";
    out += message_en;
    out += ')';
  }
  return out;
}

error error::within(std::string_view outer) const& {
  error copy = *this;
  return std::move(copy).within(outer);
}

error error::within(std::string_view outer) && {
  if (!outer.empty()) {
    // "file.json" + "3:17" reads as "file.json:3:17"; a JSON path or row gets a ": ".
    const bool line_col = !where.empty() && where[0] >= '0' && where[0] <= '9';
    where = where.empty() ? std::string(outer)
                          : std::string(outer) + (line_col ? ":" : ": ") + where;
  }
  return std::move(*this);
}

error make_error(errc code, std::string message_vi, std::string message_en, std::string where) {
  return error{code, std::move(message_en), std::move(message_vi), std::move(where)};
}

exception::exception(cchc::error e) : std::runtime_error(e.describe()), error_(std::move(e)) {}

void throw_exception_from_error(const error& e, const boost::source_location&) {
  throw exception(e);
}

}  // namespace cchc
