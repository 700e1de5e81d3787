// SPDX-License-Identifier: MIT
// Version, errors and the process-wide limits.
#include "capi/glue.hpp"

#include <mutex>

using namespace cchc::capi;

namespace cchc::capi {
namespace {
// The process-wide limits of cchc_limits_set(); every reader takes a copy when it starts.
std::mutex limits_mutex;
cchc::Limits limits_in_force;
}  // namespace

cchc::Limits current_limits() {
  std::lock_guard lock(limits_mutex);
  return limits_in_force;
}

namespace {
// Version 1 is the only layout so far; a later one will only add fields at the end.
void check_version(std::uint32_t version, std::string_view what) {
  if (version != CCHC_LIMITS_VERSION)
    throw cchc::exception(make_error(
        errc::invalid_argument, fmt::format("{}: phiên bản cấu trúc {} không được hỗ trợ", what, version),
        fmt::format("{}: struct version {} is not supported", what, version)));
}
}  // namespace

}  // namespace cchc::capi

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
