// SPDX-License-Identifier: MIT
// Internal: the glue of the C API (include/cchc/cchc.h). The handles are plain structs over the
// C++ objects; every entry point runs inside guard(), which turns every exception into a status
// code and a thread-local message, so nothing thrown ever reaches a C caller. One file per kind
// of handle uses these: library.cpp, catalog.cpp, report.cpp, ruleset.cpp, findings.cpp.
#pragma once

#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cchc/cchc.h"
#include "cchc/cchc.hpp"

struct cchc_catalog {
  std::shared_ptr<const cchc::Catalog> catalog;
  std::vector<std::string> addresses;  // "B1:2.1" per row, borrowed by cchc_row_info
};
struct cchc_report {
  cchc::Report report;
  // What the document it was read from showed (coverage, narrative); checked with the rules.
  std::shared_ptr<const cchc::Evidence> evidence;
};
struct cchc_ruleset {
  cchc::RuleSet rules;
  std::optional<cchc_limits> limits;  // cchc_ruleset_set_limits(); zero fields: process-wide
};
struct cchc_findings {
  std::vector<cchc::Finding> list;
};
struct cchc_history {
  cchc::History history;
};
struct cchc_archive {
  cchc::Archive archive;
};
struct cchc_registry;
struct cchc_template {
  const cchc_registry* registry;
  const cchc::TemplateInfo* info;
  std::string from, until;  // borrowed by cchc_template_info
};
struct cchc_registry {
  cchc::Registry registry;
  std::vector<std::unique_ptr<cchc_template>> templates;  // one per template, in order
};
struct cchc_finding_sink {
  const cchc::Report* report;
  std::vector<cchc::Finding>* out;
};

// The C header's kind codes are the kind table's (kind.hpp).
static_assert(cchc::traits(cchc::Kind::heading).c_code == CCHC_KIND_HEADING &&
              cchc::traits(cchc::Kind::count).c_code == CCHC_KIND_COUNT &&
              cchc::traits(cchc::Kind::percent).c_code == CCHC_KIND_PERCENT &&
              cchc::traits(cchc::Kind::yes_no).c_code == CCHC_KIND_YES_NO &&
              cchc::traits(cchc::Kind::code).c_code == CCHC_KIND_CODE &&
              cchc::traits(cchc::Kind::pair).c_code == CCHC_KIND_PAIR &&
              cchc::traits(cchc::Kind::money).c_code == CCHC_KIND_MONEY);

namespace cchc::capi {

using cchc::errc;
using cchc::error;
using cchc::make_error;


inline thread_local std::string last_error;
// The language of last_error for the call under way (cchc_options.lang).
inline thread_local int32_t message_lang = CCHC_LANG_BOTH;

// The limits of cchc_limits_set() in force (library.cpp); every reader takes a copy when it starts.
/// A caller's render options checked (struct version, format, language); NULL gives the defaults.
cchc_render_options render_options_in(const cchc_render_options* options);

cchc::Limits current_limits();
// `given` over the limits in force: a zero field takes the value in force; a field above its
// ceiling throws invalid_argument. Null: the limits in force.
cchc::Limits limits_over_current(const cchc_limits* given);

// A handle's own limits (cchc_*_set_limits): checked now, so that a bad field changes nothing,
// and kept as given, so that zero fields follow the process-wide limits at each use. Null: none.
inline void keep_limits(std::optional<cchc_limits>& slot, const cchc_limits* limits) {
  if (limits == nullptr) {
    slot.reset();
    return;
  }
  (void)limits_over_current(limits);
  slot = *limits;
}

// A cchc_options, checked and read (library.cpp): what the _v2 functions use.
struct Options {
  std::shared_ptr<const cchc::Catalog> catalog;  // the built-in one when none was given
  cchc::Holidays holidays;
  cchc::Limits limits;
  cchc::OcrOptions ocr;
};
Options read_options(const cchc_options* options);

// A check in progress on this thread, for C rule callbacks: which report handle to pass them,
// and the first callback that failed.
struct CheckContext {
  const cchc_report* report = nullptr;
  int32_t failed_code = 0;
  std::string failed_rule;
  CheckContext* outer = nullptr;
};
inline thread_local CheckContext* current_check = nullptr;

inline int32_t fail(const error& e) {
  last_error = message_lang == CCHC_LANG_BOTH ? e.describe()
               : e.describe(message_lang == CCHC_LANG_EN ? cchc::Language::en : cchc::Language::vi);
  return static_cast<int32_t>(e.code);
}
inline int32_t fail(errc code, std::string vi, std::string en, std::string where = {}) {
  return fail(make_error(code, std::move(vi), std::move(en), std::move(where)));
}

// A C rule callback returned `code`: the check stops with CCHC_ECALLBACK.
inline error callback_failure(std::string_view rule, int32_t code) {
  return make_error(errc::callback_failed, fmt::format("luật {} báo lỗi (mã {})", rule, code),
                    fmt::format("rule {} reported failure (code {})", rule, code));
}

template <class F>
inline int32_t guard(F&& body) noexcept {
  try {
    last_error.clear();
    return body();
  } catch (const cchc::exception& e) {
    return fail(e.error());
  } catch (const std::bad_alloc&) {
    try {
      return fail(errc::out_of_memory, "hết bộ nhớ", "out of memory");
    } catch (...) {
      return CCHC_ENOMEM;
    }
  } catch (const std::exception& e) {
    try {
      return fail(errc::internal, fmt::format("lỗi nội bộ: {}", e.what()),
                  fmt::format("internal error: {}", e.what()));
    } catch (...) {
      return CCHC_EINTERNAL;
    }
  } catch (...) {
    return CCHC_EINTERNAL;
  }
}

// guard() for a function with options: its messages in the language the options ask for.
template <class F>
inline int32_t guard(const cchc_options* options, F&& body) noexcept {
  struct Restore {
    int32_t saved = message_lang;
    ~Restore() { message_lang = saved; }
  } restore;
  if (options != nullptr && options->version >= 1 && options->version <= CCHC_OPTIONS_VERSION &&
      options->lang >= CCHC_LANG_VI && options->lang <= CCHC_LANG_BOTH)
    message_lang = options->lang;  // read_options() reports what is wrong with the rest
  return guard(std::forward<F>(body));
}

// Throws the error of a failed result, so that guard() reports it.
template <class T>
T take(cchc::result<T> r) {
  if (!r) throw cchc::exception(std::move(r.error()));
  return std::move(*r);
}
inline void take(cchc::result<void> r) {
  if (!r) throw cchc::exception(std::move(r.error()));
}

[[noreturn]] inline void invalid(std::string_view what) {
  throw cchc::exception(make_error(errc::invalid_argument,
                                   fmt::format("tham số {} không hợp lệ (NULL)", what),
                                   fmt::format("argument {} is NULL", what)));
}

template <class T>
T* need(T* p, std::string_view what) {
  if (p == nullptr) invalid(what);
  return p;
}

// An input string: (pointer, length) or NUL-terminated with CCHC_NTS; UTF-8 checked.
inline std::string_view text_in(const char* p, std::size_t length, std::string_view what) {
  if (length == CCHC_NTS) length = p ? std::strlen(p) : 0;
  if (p == nullptr && length != 0) invalid(what);
  std::string_view s(p ? p : "", length);
  if (!cchc::is_valid_utf8(s))
    throw cchc::exception(make_error(errc::invalid_utf8,
                                     fmt::format("{} không phải UTF-8 hợp lệ", what),
                                     fmt::format("{} is not valid UTF-8", what)));
  return s;
}

inline std::string_view cstr_in(const char* p, std::string_view what) {
  return text_in(need(p, what), CCHC_NTS, what);
}

inline int32_t text_out(char* buf, std::size_t size, std::size_t* length, std::string_view s) {
  if (length) *length = s.size();
  if (size == 0) return CCHC_OK;  // measuring only
  need(buf, "buf");
  const std::size_t n = s.size() < size ? s.size() : size - 1;
  std::memcpy(buf, s.data(), n);
  buf[n] = '\0';
  if (s.size() >= size)
    return fail(errc::buffer_too_small,
                fmt::format("bộ đệm quá nhỏ: cần {} byte", s.size() + 1),
                fmt::format("buffer too small: {} bytes needed", s.size() + 1));
  return CCHC_OK;
}

inline cchc::RowId row_of(const cchc::Report& r, const char* address) {
  return take(r.catalog().lookup(cstr_in(address, "address")));
}

inline cchc::Value value_of(const cchc_report* report, const char* address) {
  const auto& r = need(report, "report")->report;
  return r.value(row_of(r, address));
}

// The value of a row as T, or CCHC_ENOVALUE / CCHC_EKIND.
template <class T>
T typed(const cchc_report* report, const char* address, std::string_view kind) {
  const cchc::Value v = value_of(report, address);
  if (cchc::is_absent(v))
    throw cchc::exception(make_error(errc::no_value, "dòng để trống", "the row is blank",
                                     address));
  const T* t = std::get_if<T>(&v);
  if (t == nullptr)
    throw cchc::exception(make_error(
        errc::kind_mismatch, fmt::format("dòng không phải loại {}", kind),
        fmt::format("the row is not of kind {}", kind), address));
  return *t;
}

inline void set_value(cchc_report* report, const char* address, cchc::Value v) {
  auto& r = need(report, "report")->report;
  take(r.set(row_of(r, address), std::move(v)));
}

// Hands a new handle to the caller; `out` was checked before the handle was made.
template <class H>
inline int32_t make(H** out, H* h) {
  *out = h;
  return CCHC_OK;
}

inline cchc_catalog* wrap(std::shared_ptr<const cchc::Catalog> cat) {
  auto* h = new cchc_catalog{std::move(cat), {}};
  std::unique_ptr<cchc_catalog> owner(h);
  for (const auto& row : h->catalog->rows()) h->addresses.push_back(row.address());
  return owner.release();
}

inline std::string normalized(const char* value, std::size_t length) {
  return take(cchc::normalize_nfc(text_in(value, length, "value")));
}


inline void check_struct_version(uint32_t got, uint32_t want, std::string_view what) {
  if (got == 0 || got > want)
    throw cchc::exception(make_error(
        errc::invalid_argument,
        fmt::format("{}.version = {} không được hỗ trợ (dùng {})", what, got, want),
        fmt::format("{}.version = {} is not supported (use {}); initialise with the _INIT macro",
                    what, got, want)));
}

}  // namespace cchc::capi
