// SPDX-License-Identifier: MIT
// Version, errors, the process-wide limits and the options of the _v2 functions.
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

// `given` over `base`, each field checked against its ceiling. A zero field takes base's value
// where `zero_inherits`, and is an error where not (cchc_limits_set: nothing to inherit from).
cchc::Limits merged(const cchc_limits& given, cchc::Limits base, bool zero_inherits) {
  check_version(given.version, "limits");
  struct Field {
    const char* name;
    std::size_t value;
    std::size_t ceiling;
    std::size_t& into;
  };
  const Field fields[] = {
      {"json_max_depth", given.json_max_depth, cchc::JsonLimits::max_depth_ceiling, base.json.max_depth},
      {"json_max_bytes", given.json_max_bytes, SIZE_MAX, base.json.max_bytes},
      {"rules_max_source_bytes", given.rules_max_source_bytes, SIZE_MAX, base.rules.max_source_bytes},
      {"rules_max_depth", given.rules_max_depth, cchc::RuleLimits::max_depth_ceiling, base.rules.max_depth},
      {"rules_max_nodes", given.rules_max_nodes, SIZE_MAX, base.rules.max_nodes},
      {"text_max_bytes", given.text_max_bytes, SIZE_MAX, base.text.max_bytes},
      {"text_max_line_bytes", given.text_max_line_bytes, SIZE_MAX, base.text.max_line_bytes},
  };
  for (const auto& f : fields) {
    if (f.value > f.ceiling || (f.value == 0 && !zero_inherits))
      throw cchc::exception(make_error(
          errc::invalid_argument,
          fmt::format("giới hạn {} = {} không hợp lệ (phải từ 1 đến {})", f.name, f.value, f.ceiling),
          fmt::format("limit {} = {} is invalid (1 to {})", f.name, f.value, f.ceiling)));
  }
  for (const auto& f : fields)
    if (f.value != 0) f.into = f.value;
  return base;
}

}  // namespace

namespace cchc::capi {

cchc::Limits limits_over_current(const cchc_limits* given) {
  return given == nullptr ? current_limits() : merged(*given, current_limits(), true);
}

Options read_options(const cchc_options* options) {
  Options out{cchc::builtin_catalog(), {}, current_limits(), {}};
  if (options == nullptr) return out;
  check_struct_version(options->version, CCHC_OPTIONS_VERSION, "cchc_options");
  if (options->lang < CCHC_LANG_VI || options->lang > CCHC_LANG_BOTH)
    throw cchc::exception(make_error(errc::invalid_argument,
                                     fmt::format("options.lang = {} không hợp lệ", options->lang),
                                     fmt::format("options.lang = {} is not a CCHC_LANG_* value",
                                                 options->lang)));
  if (options->catalog != nullptr) out.catalog = options->catalog->catalog;
  if (options->holidays != nullptr) {
    auto holidays = cchc::parse_holidays(cstr_in(options->holidays, "options.holidays"));
    if (!holidays) throw cchc::exception(std::move(holidays.error()).within("options.holidays"));
    out.holidays = std::move(*holidays);
  }
  out.limits = limits_over_current(options->limits);
  if (options->version >= 2) {
    if (options->ocr_language != nullptr && *options->ocr_language != '\0')
      out.ocr.language = cstr_in(options->ocr_language, "options.ocr_language");
    if (options->ocr_tessdata != nullptr && *options->ocr_tessdata != '\0')
      out.ocr.tessdata = std::string(cstr_in(options->ocr_tessdata, "options.ocr_tessdata"));
    const auto in_range = [](const char* name, uint32_t value, uint32_t low, uint32_t high) {
      if (value != 0 && (value < low || value > high))
        throw cchc::exception(make_error(errc::invalid_argument,
                                         fmt::format("options.{} = {} không hợp lệ (0, hoặc từ {} đến {})", name, value, low, high),
                                         fmt::format("options.{} = {} is invalid (0, or {} to {})", name, value, low, high)));
      return value != 0;
    };
    if (in_range("ocr_dpi", options->ocr_dpi, 72, 1200)) out.ocr.dpi = options->ocr_dpi;
    if (in_range("ocr_min_confidence", options->ocr_min_confidence, 1, 101))
      out.ocr.min_confidence = static_cast<float>(options->ocr_min_confidence);
  }
  return out;
}

}  // namespace cchc::capi

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
    const cchc::Limits l = merged(*need(limits, "limits"), cchc::Limits{}, false);
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
