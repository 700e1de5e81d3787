// SPDX-License-Identifier: MIT
// Internal: strict JSON reading shared by the catalogue and report readers. Errors name a JSON
// path ($.values["B1:2.1"]) or, for malformed JSON, line:column.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/limits.hpp"
#include "cchc/period.hpp"
#include "cchc/unicode.hpp"

namespace cchc::detail::json_in {
namespace json = boost::json;

// Assigns the value of a result, or returns its error from the enclosing function.
#define CCHC_TRY(lhs, expr)              \
  do {                                   \
    auto cchc_r_ = (expr);               \
    if (!cchc_r_) return cchc_r_.error(); \
    lhs = std::move(*cchc_r_);           \
  } while (0)

inline error at(const std::string& path, std::string vi, std::string en,
         errc code = errc::parse_error) {
  return make_error(code, std::move(vi), std::move(en), path);
}

inline std::string member(const std::string& path, std::string_view key) {
  const bool plain = !key.empty() && key.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyz_0123456789") ==
                                         std::string_view::npos;
  return plain ? fmt::format("{}.{}", path, key) : fmt::format("{}[\"{}\"]", path, key);
}

inline std::string element(const std::string& path, std::size_t i) {
  return fmt::format("{}[{}]", path, i);
}

inline std::string_view json_type(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "number";
    case json::kind::string: return "string";
    case json::kind::array: return "array";
    case json::kind::object: return "object";
  }
  return "value";
}

inline error wrong_type(const std::string& path, std::string_view expected, const json::value& v) {
  return at(path, fmt::format("cần {}, gặp {}", expected, json_type(v)),
            fmt::format("expected {}, found {}", expected, json_type(v)));
}

inline result<json::value> parse_json(std::string_view text, const JsonLimits& limits) {
  if (limits.max_depth > JsonLimits::max_depth_ceiling)
    return make_error(errc::invalid_argument,
                      fmt::format("giới hạn độ sâu {} vượt mức trần {}", limits.max_depth,
                                  JsonLimits::max_depth_ceiling),
                      fmt::format("a depth limit of {} is above the ceiling of {}",
                                  limits.max_depth, JsonLimits::max_depth_ceiling));
  if (text.size() > limits.max_bytes)
    return make_error(errc::limit_exceeded,
                      fmt::format("tài liệu JSON quá lớn ({} byte, tối đa {})", text.size(),
                                  limits.max_bytes),
                      fmt::format("JSON document too large ({} bytes, at most {})", text.size(),
                                  limits.max_bytes));
  json::parse_options opt;
  opt.max_depth = limits.max_depth;
  json::stream_parser p({}, opt);
  boost::system::error_code ec;
  const std::size_t used = p.write_some(text.data(), text.size(), ec);
  if (!ec && used < text.size()) ec = json::error::extra_data;
  if (!ec) p.finish(ec);
  if (ec) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < used && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++col;
      }
    }
    const bool depth = ec == json::error::too_deep;
    return make_error(depth ? errc::limit_exceeded
                            : (ec == json::error::syntax && !is_valid_utf8(text)
                                   ? errc::invalid_utf8
                                   : errc::parse_error),
                      fmt::format("JSON không hợp lệ: {}", ec.message()),
                      fmt::format("malformed JSON: {}", ec.message()),
                      fmt::format("{}:{}", line, col));
  }
  return p.release();
}

// A JSON object whose keys are checked against a closed list, with typed getters that name the
// path of whatever is wrong.
class Fields {
 public:
  static result<Fields> of(const json::value& v, std::string path,
                           std::initializer_list<std::string_view> allowed) {
    if (!v.is_object()) return wrong_type(path, "object", v);
    const auto& obj = v.get_object();
    for (const auto& kv : obj) {
      bool known = false;
      for (auto a : allowed) known = known || a == kv.key();
      if (!known)
        return at(member(path, kv.key()), "khóa không được hỗ trợ", "unknown key");
    }
    return Fields(obj, std::move(path));
  }

  const std::string& path() const { return path_; }
  const json::value* get(std::string_view key) const {
    auto it = obj_.find(key);
    return it == obj_.end() ? nullptr : &it->value();
  }
  std::string path(std::string_view key) const { return member(path_, key); }

  result<std::optional<std::string>> maybe_string(std::string_view key) const {
    const auto* v = get(key);
    if (v == nullptr || v->is_null()) return std::optional<std::string>{};
    if (!v->is_string()) return wrong_type(path(key), "string", *v);
    auto nfc = normalize_nfc(std::string_view(v->get_string()));
    if (!nfc) return std::move(nfc.error()).within(path(key));
    return std::optional<std::string>(std::move(*nfc));
  }
  result<std::string> string(std::string_view key) const {
    auto s = maybe_string(key);
    if (!s) return s.error();
    return s->value_or(std::string{});
  }
  result<std::string> required_string(std::string_view key) const {
    auto s = maybe_string(key);
    if (!s) return s.error();
    if (!*s || (*s)->empty()) return at(path(key), "thiếu giá trị bắt buộc", "required");
    return std::move(**s);
  }
  result<bool> boolean(std::string_view key, bool fallback) const {
    const auto* v = get(key);
    if (v == nullptr || v->is_null()) return fallback;
    if (!v->is_bool()) return wrong_type(path(key), "boolean", *v);
    return v->get_bool();
  }
  result<std::optional<bool>> maybe_boolean(std::string_view key) const {
    const auto* v = get(key);
    if (v == nullptr || v->is_null()) return std::optional<bool>{};
    if (!v->is_bool()) return wrong_type(path(key), "boolean", *v);
    return std::optional<bool>(v->get_bool());
  }
  result<std::int64_t> integer(std::string_view key) const {
    const auto* v = get(key);
    if (v == nullptr) return at(path(key), "thiếu giá trị bắt buộc", "required");
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64())
      return at(path(key), "số quá lớn", "number too large", errc::out_of_range);
    return wrong_type(path(key), "integer", *v);
  }
  result<std::optional<Date>> date(std::string_view key) const {
    auto s = maybe_string(key);
    if (!s) return s.error();
    if (!*s) return std::optional<Date>{};
    auto d = parse_iso_date(**s);
    if (!d) return std::move(d.error()).within(path(key));
    return std::optional<Date>(*d);
  }

 private:
  Fields(const json::object& obj, std::string path) : obj_(obj), path_(std::move(path)) {}
  const json::object& obj_;
  std::string path_;
};

inline result<const json::array*> array_of(const Fields& f, std::string_view key) {
  const auto* v = f.get(key);
  static const json::array empty;
  if (v == nullptr || v->is_null()) return &empty;
  if (!v->is_array()) return wrong_type(f.path(key), "array", *v);
  return &v->get_array();
}

// A string or an array of strings.
inline result<std::vector<std::string>> string_list(const Fields& f, std::string_view key) {
  std::vector<std::string> out;
  const auto* v = f.get(key);
  if (v == nullptr || v->is_null()) return out;
  if (v->is_string()) {
    auto s = f.required_string(key);
    if (!s) return s.error();
    out.push_back(std::move(*s));
    return out;
  }
  if (!v->is_array()) return wrong_type(f.path(key), "string or array of strings", *v);
  const auto& a = v->get_array();
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_string() || a[i].get_string().empty())
      return wrong_type(element(f.path(key), i), "non-empty string", a[i]);
    out.emplace_back(a[i].get_string());
  }
  return out;
}

// "vocabulary": {"annex_headings": [...], "form_headings": [...]}, of a catalogue or a template.
inline result<void> read_vocabulary(const Fields& f, Vocabulary& out) {
  const auto* v = f.get("vocabulary");
  if (v == nullptr || v->is_null()) return {};
  auto vf = Fields::of(*v, f.path("vocabulary"), {"annex_headings", "form_headings"});
  if (!vf) return vf.error();
  CCHC_TRY(out.annex_headings, string_list(*vf, "annex_headings"));
  CCHC_TRY(out.form_headings, string_list(*vf, "form_headings"));
  return {};
}

inline result<void> check_format(const Fields& f, std::string_view expected) {
  auto s = f.maybe_string("format");
  if (!s) return s.error();
  if (*s && **s != expected)
    return at(f.path("format"),
              fmt::format("định dạng \"{}\" không được hỗ trợ, cần \"{}\"", **s, expected),
              fmt::format("unsupported format \"{}\", expected \"{}\"", **s, expected));
  return {};
}

}  // namespace cchc::detail::json_in
