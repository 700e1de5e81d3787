// SPDX-License-Identifier: MIT
// The C API (include/cchc/cchc.h) over the C++ library. Every entry point runs inside guard(),
// which turns every exception into a status code and a thread-local message: nothing thrown
// here ever reaches a C caller.
#include "cchc/cchc.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cchc/cchc.hpp"

using cchc::errc;
using cchc::error;
using cchc::make_error;

struct cchc_catalog {
  std::shared_ptr<const cchc::Catalog> catalog;
  std::vector<std::string> addresses;  // "B1:2.1" per row, borrowed by cchc_row_info
};
struct cchc_report {
  cchc::Report report;
};
struct cchc_ruleset {
  cchc::RuleSet rules;
};
struct cchc_findings {
  std::vector<cchc::Finding> list;
};
struct cchc_finding_sink {
  const cchc::Report* report;
  std::vector<cchc::Finding>* out;
};

namespace {

thread_local std::string last_error;

// The process-wide limits of cchc_limits_set(); every reader takes a copy when it starts.
std::mutex limits_mutex;
cchc::Limits limits_in_force;

cchc::Limits current_limits() {
  std::lock_guard lock(limits_mutex);
  return limits_in_force;
}

// A check in progress on this thread, for C rule callbacks: which report handle to pass them,
// and the first callback that failed.
struct CheckContext {
  const cchc_report* report = nullptr;
  int32_t failed_code = 0;
  std::string failed_rule;
  CheckContext* outer = nullptr;
};
thread_local CheckContext* current_check = nullptr;

int32_t fail(const error& e) {
  last_error = e.describe();
  return static_cast<int32_t>(e.code);
}
int32_t fail(errc code, std::string vi, std::string en, std::string where = {}) {
  return fail(make_error(code, std::move(vi), std::move(en), std::move(where)));
}

template <class F>
int32_t guard(F&& body) noexcept {
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

// Throws the error of a failed result, so that guard() reports it.
template <class T>
T take(cchc::result<T> r) {
  if (!r) throw cchc::exception(std::move(r.error()));
  return std::move(*r);
}
void take(cchc::result<void> r) {
  if (!r) throw cchc::exception(std::move(r.error()));
}

[[noreturn]] void invalid(std::string_view what) {
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
std::string_view text_in(const char* p, std::size_t length, std::string_view what) {
  if (length == CCHC_NTS) length = p ? std::strlen(p) : 0;
  if (p == nullptr && length != 0) invalid(what);
  std::string_view s(p ? p : "", length);
  if (!cchc::is_valid_utf8(s))
    throw cchc::exception(make_error(errc::invalid_utf8,
                                     fmt::format("{} không phải UTF-8 hợp lệ", what),
                                     fmt::format("{} is not valid UTF-8", what)));
  return s;
}

std::string_view cstr_in(const char* p, std::string_view what) {
  return text_in(need(p, what), CCHC_NTS, what);
}

int32_t text_out(char* buf, std::size_t size, std::size_t* length, std::string_view s) {
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

cchc::RowId row_of(const cchc::Report& r, const char* address) {
  return take(r.catalog().lookup(cstr_in(address, "address")));
}

const cchc::Value& value_of(const cchc_report* report, const char* address) {
  const auto& r = need(report, "report")->report;
  return r.value(row_of(r, address));
}

// The value of a row as T, or CCHC_ENOVALUE / CCHC_EKIND.
template <class T>
const T& typed(const cchc_report* report, const char* address, std::string_view kind) {
  const cchc::Value& v = value_of(report, address);
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

void set_value(cchc_report* report, const char* address, cchc::Value v) {
  auto& r = need(report, "report")->report;
  take(r.set(row_of(r, address), std::move(v)));
}

// Hands a new handle to the caller; `out` was checked before the handle was made.
template <class H>
int32_t make(H** out, H* h) {
  *out = h;
  return CCHC_OK;
}

cchc_catalog* wrap(std::shared_ptr<const cchc::Catalog> cat) {
  auto* h = new cchc_catalog{std::move(cat), {}};
  std::unique_ptr<cchc_catalog> owner(h);
  for (const auto& row : h->catalog->rows()) h->addresses.push_back(row.address());
  return owner.release();
}

std::string normalized(const char* value, std::size_t length) {
  return take(cchc::normalize_nfc(text_in(value, length, "value")));
}

}  // namespace

// Definitions take their C linkage from the declarations in cchc.h.

namespace {

void limits_out(cchc_limits* out, const cchc::Limits& l) {
  out->json_max_depth = l.json.max_depth;
  out->json_max_bytes = l.json.max_bytes;
  out->rules_max_source_bytes = l.rules.max_source_bytes;
  out->rules_max_depth = l.rules.max_depth;
  out->rules_max_nodes = l.rules.max_nodes;
  out->text_max_bytes = l.text.max_bytes;
  out->text_max_line_bytes = l.text.max_line_bytes;
}

// Version 1 is the only layout so far; a later one will only add fields at the end.
void check_version(std::uint32_t version, std::string_view what) {
  if (version != CCHC_LIMITS_VERSION)
    throw cchc::exception(make_error(
        errc::invalid_argument, fmt::format("{}: phiên bản cấu trúc {} không được hỗ trợ", what, version),
        fmt::format("{}: struct version {} is not supported", what, version)));
}

}  // namespace

int32_t cchc_limits_default(cchc_limits* out) {
  return guard([&] {
    check_version(need(out, "out")->version, "out");
    limits_out(out, cchc::Limits{});
    return CCHC_OK;
  });
}

int32_t cchc_limits_get(cchc_limits* out) {
  return guard([&] {
    check_version(need(out, "out")->version, "out");
    limits_out(out, current_limits());
    return CCHC_OK;
  });
}

int32_t cchc_limits_set(const cchc_limits* limits) {
  return guard([&] {
    check_version(need(limits, "limits")->version, "limits");
    struct Field {
      const char* name;
      std::size_t value;
      std::size_t ceiling;
    };
    const Field fields[] = {
        {"json_max_depth", limits->json_max_depth, cchc::JsonLimits::max_depth_ceiling},
        {"json_max_bytes", limits->json_max_bytes, SIZE_MAX},
        {"rules_max_source_bytes", limits->rules_max_source_bytes, SIZE_MAX},
        {"rules_max_depth", limits->rules_max_depth, cchc::RuleLimits::max_depth_ceiling},
        {"rules_max_nodes", limits->rules_max_nodes, SIZE_MAX},
        {"text_max_bytes", limits->text_max_bytes, SIZE_MAX},
        {"text_max_line_bytes", limits->text_max_line_bytes, SIZE_MAX},
    };
    for (const auto& f : fields) {
      if (f.value == 0 || f.value > f.ceiling)
        return fail(errc::invalid_argument,
                    fmt::format("giới hạn {} = {} không hợp lệ (phải từ 1 đến {})", f.name,
                                f.value, f.ceiling),
                    fmt::format("limit {} = {} is invalid (1 to {})", f.name, f.value, f.ceiling));
    }
    cchc::Limits l;
    l.json.max_depth = limits->json_max_depth;
    l.json.max_bytes = limits->json_max_bytes;
    l.rules.max_source_bytes = limits->rules_max_source_bytes;
    l.rules.max_depth = limits->rules_max_depth;
    l.rules.max_nodes = limits->rules_max_nodes;
    l.text.max_bytes = limits->text_max_bytes;
    l.text.max_line_bytes = limits->text_max_line_bytes;
    std::lock_guard lock(limits_mutex);
    limits_in_force = l;
    return CCHC_OK;
  });
}

// ---- library ---------------------------------------------------------------------------------

const char* cchc_version(void) { return CCHC_VERSION_STRING; }
int32_t cchc_version_number(void) { return CCHC_VERSION_NUMBER; }

const char* cchc_errstr(int32_t code) {
  // The names are string literals, so the view's data is NUL-terminated.
  return cchc::to_string(static_cast<errc>(code)).data();
}

const char* cchc_last_error(void) { return last_error.c_str(); }

// ---- catalogues ------------------------------------------------------------------------------

int32_t cchc_catalog_builtin(cchc_catalog** out) {
  return guard([&] {
    need(out, "out");
    return make(out, wrap(cchc::builtin_catalog()));
  });
}

int32_t cchc_catalog_from_json(cchc_catalog** out, const char* json, size_t length) {
  return guard([&] {
    need(out, "out");
    return make(out, wrap(take(cchc::catalog_from_json(text_in(json, length, "json"), current_limits().json))));
  });
}

int32_t cchc_catalog_load(cchc_catalog** out, const char* path) {
  return guard([&] {
    need(out, "out");
    return make(out, wrap(take(cchc::load_catalog(std::string(cstr_in(path, "path")), current_limits().json))));
  });
}

void cchc_catalog_free(cchc_catalog* catalog) { delete catalog; }

int32_t cchc_catalog_id(const char** id, const char** version, const cchc_catalog* catalog) {
  return guard([&] {
    const auto& cat = *need(catalog, "catalog")->catalog;
    *need(id, "id") = cat.id().c_str();
    *need(version, "version") = cat.version().c_str();
    return CCHC_OK;
  });
}

int32_t cchc_catalog_form_count(size_t* out, const cchc_catalog* catalog) {
  return guard([&] {
    *need(out, "out") = need(catalog, "catalog")->catalog->forms().size();
    return CCHC_OK;
  });
}

int32_t cchc_catalog_row_count(size_t* out, const cchc_catalog* catalog) {
  return guard([&] {
    *need(out, "out") = need(catalog, "catalog")->catalog->size();
    return CCHC_OK;
  });
}

int32_t cchc_catalog_find_row(size_t* index, const cchc_catalog* catalog, const char* address,
                              size_t length) {
  return guard([&] {
    need(index, "index");
    const auto id = take(need(catalog, "catalog")->catalog->lookup(text_in(address, length, "address")));
    *index = id.index;
    return CCHC_OK;
  });
}

namespace {
void check_struct_version(uint32_t got, uint32_t want, std::string_view what) {
  if (got == 0 || got > want)
    throw cchc::exception(make_error(
        errc::invalid_argument,
        fmt::format("{}.version = {} không được hỗ trợ (dùng {})", what, got, want),
        fmt::format("{}.version = {} is not supported (use {}); initialise with the _INIT macro",
                    what, got, want)));
}

const cchc::Row& row_at(const cchc_catalog* catalog, size_t index) {
  const auto& cat = *need(catalog, "catalog")->catalog;
  if (index >= cat.size())
    throw cchc::exception(make_error(errc::invalid_argument,
                                     fmt::format("chỉ số dòng {} vượt quá {}", index, cat.size()),
                                     fmt::format("row index {} is beyond {}", index, cat.size())));
  return cat.rows()[index];
}

}  // namespace

int32_t cchc_catalog_form(cchc_form_info* out, const cchc_catalog* catalog, size_t index) {
  return guard([&] {
    check_struct_version(need(out, "out")->version, CCHC_FORM_INFO_VERSION, "cchc_form_info");
    const auto& cat = *need(catalog, "catalog")->catalog;
    if (index >= cat.forms().size())
      return fail(errc::invalid_argument, "chỉ số biểu mẫu vượt quá số biểu mẫu",
                  "form index beyond the number of forms");
    const cchc::Form& f = cat.forms()[index];
    out->number = f.number;
    out->title = f.title.c_str();
    out->title_en = f.title_en.c_str();
    out->first_row = f.first_row;
    out->row_count = f.row_count;
    return CCHC_OK;
  });
}

int32_t cchc_catalog_row(cchc_row_info* out, const cchc_catalog* catalog, size_t index) {
  return guard([&] {
    check_struct_version(need(out, "out")->version, CCHC_ROW_INFO_VERSION, "cchc_row_info");
    const cchc::Row& row = row_at(catalog, index);
    out->form = row.form;
    out->address = catalog->addresses[index].c_str();
    out->code = row.code.c_str();
    out->printed_code = row.printed_code.c_str();
    out->label = row.label.c_str();
    out->label_en = row.label_en.c_str();
    out->unit = row.unit.c_str();
    out->kind = static_cast<int32_t>(row.kind);
    out->required = row.required ? 1 : 0;
    out->cumulative = row.cumulative ? 1 : 0;
    out->parent = row.parent ? static_cast<int64_t>(row.parent->index) : -1;
    out->code_count = row.codes.options().size();
    return CCHC_OK;
  });
}

int32_t cchc_catalog_row_code(int64_t* value, const char** label, const char** label_en,
                              const cchc_catalog* catalog, size_t row, size_t i) {
  return guard([&] {
    const cchc::Row& r = row_at(catalog, row);
    if (i >= r.codes.options().size())
      return fail(errc::invalid_argument, "chỉ số mã vượt quá danh sách mã",
                  "code index beyond the code list", r.address());
    const auto& o = r.codes.options()[i];
    *need(value, "value") = o.value;
    *need(label, "label") = o.label.c_str();
    *need(label_en, "label_en") = o.label_en.c_str();
    return CCHC_OK;
  });
}

// ---- reports ---------------------------------------------------------------------------------

int32_t cchc_report_new(cchc_report** out, const cchc_catalog* catalog) {
  return guard([&] {
    need(out, "out");
    return make(out, new cchc_report{cchc::Report(need(catalog, "catalog")->catalog)});
  });
}

int32_t cchc_report_from_json(cchc_report** out, const cchc_catalog* catalog, const char* json,
                              size_t length) {
  return guard([&] {
    need(out, "out");
    auto r = take(cchc::report_from_json(text_in(json, length, "json"),
                                         need(catalog, "catalog")->catalog,
                                         current_limits().json));
    return make(out, new cchc_report{std::move(r)});
  });
}

int32_t cchc_report_load(cchc_report** out, const cchc_catalog* catalog, const char* path) {
  return guard([&] {
    need(out, "out");
    auto r = take(cchc::load_report(std::string(cstr_in(path, "path")),
                                    need(catalog, "catalog")->catalog, current_limits().json));
    return make(out, new cchc_report{std::move(r)});
  });
}

int32_t cchc_report_clone(cchc_report** out, const cchc_report* report) {
  return guard([&] {
    need(out, "out");
    return make(out, new cchc_report{need(report, "report")->report});
  });
}

void cchc_report_free(cchc_report* report) { delete report; }

int32_t cchc_report_to_json(char* buf, size_t size, size_t* length, const cchc_report* report) {
  return guard([&] {
    return text_out(buf, size, length, cchc::report_to_json(need(report, "report")->report));
  });
}

int32_t cchc_report_save(const cchc_report* report, const char* path) {
  return guard([&] {
    const std::string json = cchc::report_to_json(need(report, "report")->report);
    take(cchc::write_file(std::string(cstr_in(path, "path")), json));
    return CCHC_OK;
  });
}

int32_t cchc_report_get_text(char* buf, size_t size, size_t* length, const cchc_report* report,
                             const char* address) {
  return guard([&] { return text_out(buf, size, length, cchc::text_of(value_of(report, address))); });
}

int32_t cchc_report_set_text(cchc_report* report, const char* address, const char* text,
                             size_t length) {
  return guard([&] {
    auto& r = need(report, "report")->report;
    take(r.set_text(row_of(r, address), text_in(text, length, "text")));
    return CCHC_OK;
  });
}

int32_t cchc_report_value_kind(int32_t* kind, int32_t* blank, const cchc_report* report,
                               const char* address) {
  return guard([&] {
    need(kind, "kind");
    need(blank, "blank");
    const auto& r = need(report, "report")->report;
    const cchc::RowId id = row_of(r, address);
    *kind = static_cast<int32_t>(r.catalog().row(id).kind);
    *blank = cchc::is_absent(r.value(id)) ? 1 : 0;
    return CCHC_OK;
  });
}

int32_t cchc_report_value_ok(int32_t* ok, const cchc_report* report, const char* address) {
  return guard([&] {
    need(ok, "ok");
    *ok = cchc::is_ok(value_of(report, address)) ? 1 : 0;
    return CCHC_OK;
  });
}

int32_t cchc_report_clear(cchc_report* report, const char* address, int32_t reason) {
  return guard([&] {
    if (reason != CCHC_BLANK_NOT_REPORTED && reason != CCHC_BLANK_NOT_APPLICABLE)
      return fail(errc::invalid_argument, "lý do để trống không hợp lệ",
                  "reason is not a CCHC_BLANK_* value");
    auto& r = need(report, "report")->report;
    r.clear(row_of(r, address), reason == CCHC_BLANK_NOT_APPLICABLE
                                    ? cchc::Absent::Reason::not_applicable
                                    : cchc::Absent::Reason::not_reported);
    return CCHC_OK;
  });
}

int32_t cchc_report_get_count(int64_t* out, const cchc_report* report, const char* address) {
  return guard([&] {
    need(out, "out");
    *out = typed<cchc::Count>(report, address, "count").get();
    return CCHC_OK;
  });
}

int32_t cchc_report_set_count(cchc_report* report, const char* address, int64_t n) {
  return guard([&] {
    set_value(report, address, cchc::Value{cchc::Count{n}});
    return CCHC_OK;
  });
}

int32_t cchc_report_get_percent(int64_t* units, int32_t* decimals, const cchc_report* report,
                                const char* address) {
  return guard([&] {
    need(units, "units");
    need(decimals, "decimals");
    const auto& p = typed<cchc::Percent>(report, address, "percent");
    *units = p.value().units;
    *decimals = p.value().scale;
    return CCHC_OK;
  });
}

int32_t cchc_report_set_percent(cchc_report* report, const char* address, int64_t units,
                                int32_t decimals) {
  return guard([&] {
    if (decimals < 0 || decimals > cchc::Decimal::max_scale)
      return fail(errc::out_of_range, "số chữ số thập phân phải từ 0 đến 9",
                  "decimals must be between 0 and 9");
    set_value(report, address, cchc::Value{cchc::Percent(cchc::Decimal{units, decimals})});
    return CCHC_OK;
  });
}

int32_t cchc_report_get_code(int64_t* out, const cchc_report* report, const char* address) {
  return guard([&] {
    need(out, "out");
    const cchc::Value& v = value_of(report, address);
    if (const auto* y = std::get_if<cchc::YesNo>(&v)) *out = y->code();
    else *out = typed<cchc::Code>(report, address, "code or yes_no").get();
    return CCHC_OK;
  });
}

int32_t cchc_report_set_code(cchc_report* report, const char* address, int64_t code) {
  return guard([&] {
    auto& r = need(report, "report")->report;
    const cchc::RowId id = row_of(r, address);
    const cchc::Kind kind = r.catalog().row(id).kind;
    if (kind != cchc::Kind::code && kind != cchc::Kind::yes_no)
      return fail(errc::kind_mismatch, "dòng không phải mã hoặc Có/Không",
                  "the row is not a code or yes/no row", r.catalog().row(id).address());
    // Through the text, so a yes/no answer of 2 is kept, invalid, as the checks expect.
    take(r.set_text(id, std::to_string(code)));
    return CCHC_OK;
  });
}

int32_t cchc_report_get_pair(int64_t* first, int64_t* second, const cchc_report* report,
                             const char* address) {
  return guard([&] {
    need(first, "first");
    need(second, "second");
    const auto& p = typed<cchc::Pair>(report, address, "pair");
    *first = p.first().get();
    *second = p.second().get();
    return CCHC_OK;
  });
}

int32_t cchc_report_set_pair(cchc_report* report, const char* address, int64_t first,
                             int64_t second) {
  return guard([&] {
    set_value(report, address, cchc::Value{cchc::Pair(cchc::Count{first}, cchc::Count{second})});
    return CCHC_OK;
  });
}

int32_t cchc_report_get_money(int64_t* dong, const cchc_report* report, const char* address) {
  return guard([&] {
    need(dong, "dong");
    *dong = typed<cchc::Money>(report, address, "money").dong();
    return CCHC_OK;
  });
}

int32_t cchc_report_set_money(cchc_report* report, const char* address, int64_t dong) {
  return guard([&] {
    set_value(report, address, cchc::Value{cchc::Money{dong}});
    return CCHC_OK;
  });
}

namespace {
[[noreturn]] void unknown_field(std::string_view field) {
  throw cchc::exception(make_error(errc::not_found,
                                   fmt::format("trường \"{}\" không tồn tại", field),
                                   fmt::format("unknown field \"{}\"", field)));
}

// The plain text fields, for reading (const) and writing alike.
template <class M>
auto string_field(M& m, std::string_view f) -> decltype(&m.province) {
  if (f == "agency.name") return &m.agency.name;
  if (f == "agency.code") return &m.agency.code;
  if (f == "province") return &m.province;
  if (f == "document.number") return &m.document.number;
  if (f == "document.symbol") return &m.document.symbol;
  if (f == "document.place") return &m.document.place;
  if (f == "document.signer") return &m.document.signer;
  if (f == "document.signer_title") return &m.document.signer_title;
  return nullptr;
}

std::string get_field(const cchc::Metadata& m, std::string_view f) {
  if (const auto* s = string_field(m, f)) return *s;
  if (f == "agency.level") return std::string(cchc::to_string(m.agency.level));
  if (f == "period") return m.period ? fmt::format("{} {}", cchc::to_string(m.period->kind), m.period->year) : "";
  if (f == "period.year") return m.period ? std::to_string(m.period->year) : "";
  if (f == "period.kind") return m.period ? std::string(cchc::to_string(m.period->kind)) : "";
  if (f == "document.date") return m.document.date ? cchc::format_iso_date(*m.document.date) : "";
  if (f == "catalog.id") return m.catalog_id;
  if (f == "catalog.version") return m.catalog_version;
  unknown_field(f);
}

cchc::PeriodKind period_kind(std::string_view s) {
  auto k = cchc::period_kind_from_string(s);
  if (!k)
    throw cchc::exception(make_error(
        errc::parse_error, fmt::format("kỳ báo cáo \"{}\" không tồn tại", s),
        fmt::format("unknown period \"{}\" (q1, q2, q3, q4, six_months, nine_months, year)", s)));
  return *k;
}

int period_year(std::string_view s) {
  auto d = cchc::parse_decimal(s, cchc::NumberSyntax{false, false, false, false});
  if (!d || d->scale != 0 || d->units < cchc::Period::min_year || d->units > cchc::Period::max_year)
    throw cchc::exception(make_error(errc::out_of_range, fmt::format("năm \"{}\" không hợp lệ", s),
                                     fmt::format("implausible year \"{}\"", s)));
  return static_cast<int>(d->units);
}

void set_field(cchc::Metadata& m, std::string_view f, std::string value) {
  if (auto* s = string_field(m, f)) {
    *s = std::move(value);
  } else if (f == "agency.level") {
    auto l = cchc::agency_level_from_string(value);
    if (!l)
      throw cchc::exception(make_error(errc::parse_error, fmt::format("cấp \"{}\" không tồn tại", value),
                                       fmt::format("unknown level \"{}\" (department, district, "
                                                   "commune, province)",
                                                   value)));
    m.agency.level = *l;
  } else if (f == "period") {
    // "q1 2024"; "" clears the period.
    if (value.empty()) {
      m.period.reset();
      return;
    }
    const auto space = value.find(' ');
    if (space == std::string::npos)
      throw cchc::exception(make_error(errc::parse_error, "kỳ báo cáo viết dạng \"q1 2024\"",
                                       "a period is written \"q1 2024\""));
    m.period = cchc::Period{period_year(std::string_view(value).substr(space + 1)),
                            period_kind(std::string_view(value).substr(0, space))};
  } else if (f == "period.year" || f == "period.kind") {
    if (!m.period)
      throw cchc::exception(make_error(errc::invalid_argument, "hãy đặt trường \"period\" trước",
                                       "set \"period\" first (\"q1 2024\")"));
    if (f == "period.year") m.period->year = period_year(value);
    else m.period->kind = period_kind(value);
  } else if (f == "document.date") {
    if (value.empty()) m.document.date.reset();
    else m.document.date = take(cchc::parse_iso_date(value));
  } else if (f == "catalog.id" || f == "catalog.version") {
    throw cchc::exception(make_error(errc::invalid_argument, "trường chỉ đọc",
                                     "the field is read-only; it follows the catalogue"));
  } else {
    unknown_field(f);
  }
}
}  // namespace

int32_t cchc_report_get_meta(char* buf, size_t size, size_t* length, const cchc_report* report,
                             const char* field) {
  return guard([&] {
    const std::string v = get_field(need(report, "report")->report.metadata(), cstr_in(field, "field"));
    return text_out(buf, size, length, v);
  });
}

int32_t cchc_report_set_meta(cchc_report* report, const char* field, const char* value,
                             size_t length) {
  return guard([&] {
    auto& m = need(report, "report")->report.metadata();
    cchc::Metadata copy = m;  // all or nothing
    set_field(copy, cstr_in(field, "field"), normalized(value, length));
    m = std::move(copy);
    return CCHC_OK;
  });
}

namespace {
int32_t imported(cchc_report** out, cchc_findings** findings, cchc::result<cchc::ImportedText> r) {
  cchc::ImportedText t = take(std::move(r));
  std::unique_ptr<cchc_findings> f;
  if (findings) f.reset(new cchc_findings{cchc::check_imported(t)});
  *out = new cchc_report{std::move(t.report)};
  if (findings) *findings = f.release();
  return CCHC_OK;
}
}  // namespace

int32_t cchc_report_import_text(cchc_report** out, cchc_findings** findings,
                                const cchc_catalog* catalog, const char* text, size_t length) {
  return guard([&] {
    need(out, "out");
    const auto& cat = need(catalog, "catalog")->catalog;
    return imported(out, findings, cchc::import_text(text_in(text, length, "text"), cat, current_limits().text));
  });
}

int32_t cchc_report_import_file(cchc_report** out, cchc_findings** findings,
                                const cchc_catalog* catalog, const char* path) {
  return guard([&] {
    need(out, "out");
    const auto& cat = need(catalog, "catalog")->catalog;
    return imported(out, findings, cchc::import_file(std::string(cstr_in(path, "path")), cat, current_limits().text));
  });
}

int32_t cchc_report_derive(cchc_report** out, size_t* count, const cchc_report* report) {
  return guard([&] {
    need(out, "out");
    need(count, "count");
    cchc::Derived d = cchc::derive(need(report, "report")->report);
    *count = d.derivations.size();
    return make(out, new cchc_report{std::move(d.report)});
  });
}

// ---- rule sets -------------------------------------------------------------------------------

int32_t cchc_ruleset_new(cchc_ruleset** out, const cchc_catalog* catalog) {
  return guard([&] {
    need(out, "out");
    return make(out, new cchc_ruleset{cchc::RuleSet(need(catalog, "catalog")->catalog)});
  });
}

int32_t cchc_ruleset_builtin(cchc_ruleset** out, const cchc_catalog* catalog) {
  return guard([&] {
    need(out, "out");
    return make(out, new cchc_ruleset{cchc::RuleSet::builtin(need(catalog, "catalog")->catalog)});
  });
}

void cchc_ruleset_free(cchc_ruleset* rules) { delete rules; }

int32_t cchc_ruleset_size(size_t* out, const cchc_ruleset* rules) {
  return guard([&] {
    *need(out, "out") = need(rules, "rules")->rules.size();
    return CCHC_OK;
  });
}

int32_t cchc_ruleset_add_source(cchc_ruleset* rules, const char* source, size_t length,
                                const char* name, uint32_t* line, uint32_t* column) {
  if (line) *line = 0;
  if (column) *column = 0;
  return guard([&] {
    auto& set = need(rules, "rules")->rules;
    const std::string source_name = name ? std::string(cstr_in(name, "name")) : "<rules>";
    auto added = set.add_source(text_in(source, length, "source"), source_name, current_limits().rules);
    if (!added) {
      // "name:line:column" → the numbers, for tools that point at the spot.
      const std::string& where = added.error().where;
      if (where.size() > source_name.size() && where.starts_with(source_name + ":")) {
        unsigned l = 0, c = 0;
        if (std::sscanf(where.c_str() + source_name.size() + 1, "%u:%u", &l, &c) == 2) {
          if (line) *line = l;
          if (column) *column = c;
        }
      }
      return fail(added.error());
    }
    return CCHC_OK;
  });
}

int32_t cchc_ruleset_add_callback(cchc_ruleset* rules, const char* id, int32_t severity,
                                  cchc_rule_fn fn, void* user_data) {
  return guard([&] {
    auto& set = need(rules, "rules")->rules;
    if (fn == nullptr) invalid("fn");
    if (severity < CCHC_SEVERITY_INFO || severity > CCHC_SEVERITY_ERROR)
      return fail(errc::invalid_argument, "mức độ không hợp lệ",
                  "severity is not a CCHC_SEVERITY_* value");
    std::string rule_id(cstr_in(id, "id"));
    cchc::CustomRule rule;
    rule.id = rule_id;
    rule.severity = static_cast<cchc::Severity>(severity);
    rule.description = "C callback";
    rule.check = [fn, user_data, rule_id](const cchc::ReportView& view) {
      std::vector<cchc::Finding> found;
      CheckContext* ctx = current_check;
      if (ctx == nullptr || ctx->failed_code != 0) return found;
      cchc_finding_sink sink{&view.report(), &found};
      const int32_t rc = fn(user_data, ctx->report, &sink);
      if (rc != 0) {
        ctx->failed_code = rc;
        ctx->failed_rule = rule_id;
      }
      return found;
    };
    take(set.add_custom(std::move(rule)));
    return CCHC_OK;
  });
}

int32_t cchc_sink_add(cchc_finding_sink* sink, const char* message_vi, const char* message_en,
                      const char* const* rows, size_t row_count) {
  return guard([&] {
    need(sink, "sink");
    cchc::Finding f;
    f.message_vi = take(cchc::normalize_nfc(cstr_in(message_vi, "message_vi")));
    f.message_en = take(cchc::normalize_nfc(cstr_in(message_en, "message_en")));
    if (row_count > 0) need(rows, "rows");
    for (size_t i = 0; i < row_count; ++i) {
      const auto id = take(sink->report->catalog().lookup(cstr_in(rows[i], "rows[i]")));
      f.rows.push_back(cchc::FindingRow::of(*sink->report, id));
    }
    sink->out->push_back(std::move(f));
    return CCHC_OK;
  });
}

// ---- checking and findings -------------------------------------------------------------------

int32_t cchc_ruleset_check(cchc_findings** out, const cchc_ruleset* rules,
                           const cchc_report* report) {
  return guard([&] {
    need(out, "out");
    const auto& set = need(rules, "rules")->rules;
    const auto& r = need(report, "report")->report;
    CheckContext ctx;
    ctx.report = report;
    ctx.outer = current_check;
    current_check = &ctx;
    struct Restore {
      CheckContext* outer;
      ~Restore() { current_check = outer; }
    } restore{ctx.outer};
    auto findings = take(set.check(r));
    if (ctx.failed_code != 0)
      return fail(errc::callback_failed,
                  fmt::format("luật {} báo lỗi (mã {})", ctx.failed_rule, ctx.failed_code),
                  fmt::format("rule {} reported failure (code {})", ctx.failed_rule,
                              ctx.failed_code));
    return make(out, new cchc_findings{std::move(findings)});
  });
}

void cchc_findings_free(cchc_findings* findings) { delete findings; }

int32_t cchc_findings_count(size_t* out, const cchc_findings* findings) {
  return guard([&] {
    *need(out, "out") = need(findings, "findings")->list.size();
    return CCHC_OK;
  });
}

int32_t cchc_findings_summary(size_t* errors, size_t* warnings, size_t* infos,
                              const cchc_findings* findings) {
  return guard([&] {
    size_t counts[3] = {0, 0, 0};
    for (const auto& f : need(findings, "findings")->list) ++counts[static_cast<size_t>(f.severity)];
    if (errors) *errors = counts[2];
    if (warnings) *warnings = counts[1];
    if (infos) *infos = counts[0];
    return CCHC_OK;
  });
}

namespace {
const cchc::Finding& finding_at(const cchc_findings* findings, size_t index) {
  const auto& list = need(findings, "findings")->list;
  if (index >= list.size())
    throw cchc::exception(make_error(errc::invalid_argument,
                                     fmt::format("chỉ số {} vượt quá {} phát hiện", index, list.size()),
                                     fmt::format("index {} is beyond {} findings", index, list.size())));
  return list[index];
}
}  // namespace

int32_t cchc_findings_get(cchc_finding_info* out, const cchc_findings* findings, size_t index) {
  return guard([&] {
    check_struct_version(need(out, "out")->version, CCHC_FINDING_INFO_VERSION, "cchc_finding_info");
    const cchc::Finding& f = finding_at(findings, index);
    out->rule_id = f.rule_id.c_str();
    out->severity = static_cast<int32_t>(f.severity);
    out->row_count = f.rows.size();
    out->expected = f.expected.c_str();
    out->message_vi = f.message_vi.c_str();
    out->message_en = f.message_en.c_str();
    out->has_fix = f.fix ? 1 : 0;
    out->fix_row = f.fix ? f.fix->address.c_str() : "";
    out->fix_value = f.fix ? f.fix->text.c_str() : "";
    out->line = static_cast<int64_t>(f.line);
    return CCHC_OK;
  });
}

int32_t cchc_findings_row(const char** address, const char** value, int32_t* blank,
                          const cchc_findings* findings, size_t index, size_t row) {
  return guard([&] {
    need(address, "address");
    need(value, "value");
    need(blank, "blank");
    const cchc::Finding& f = finding_at(findings, index);
    if (row >= f.rows.size())
      return fail(errc::invalid_argument, "chỉ số dòng vượt quá số dòng của phát hiện",
                  "row index beyond the finding's rows");
    *address = f.rows[row].address.c_str();
    *value = f.rows[row].text.c_str();
    *blank = f.rows[row].blank ? 1 : 0;
    return CCHC_OK;
  });
}

int32_t cchc_findings_to_json(char* buf, size_t size, size_t* length,
                              const cchc_findings* findings) {
  return guard([&] {
    return text_out(buf, size, length, cchc::findings_to_json(need(findings, "findings")->list));
  });
}

int32_t cchc_findings_to_text(char* buf, size_t size, size_t* length,
                              const cchc_findings* findings, int32_t lang) {
  return guard([&] {
    if (lang != CCHC_LANG_VI && lang != CCHC_LANG_EN)
      return fail(errc::invalid_argument, "ngôn ngữ không hợp lệ", "lang is not a CCHC_LANG_* value");
    return text_out(buf, size, length,
                    cchc::findings_to_text(need(findings, "findings")->list,
                                           lang == CCHC_LANG_EN ? cchc::Language::en
                                                                : cchc::Language::vi));
  });
}

