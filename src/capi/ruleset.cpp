// SPDX-License-Identifier: MIT
// cchc_ruleset: rules from source and C callbacks.
#include <optional>

#include "capi/glue.hpp"

using namespace cchc::capi;

// Definitions take their C linkage from the declarations in cchc.h.

// ---- rule sets -------------------------------------------------------------------------------

int32_t cchc_ruleset_new(cchc_ruleset** out, const cchc_catalog* catalog) {
  return guard([&] {
    need(out, "out");
    return make(out, new cchc_ruleset{cchc::RuleSet(need(catalog, "catalog")->catalog), {}});
  });
}

int32_t cchc_ruleset_builtin(cchc_ruleset** out, const cchc_catalog* catalog) {
  return guard([&] {
    need(out, "out");
    return make(out, new cchc_ruleset{cchc::RuleSet::builtin(need(catalog, "catalog")->catalog), {}});
  });
}

void cchc_ruleset_free(cchc_ruleset* rules) { delete rules; }

int32_t cchc_ruleset_size(size_t* out, const cchc_ruleset* rules) {
  return guard([&] {
    *need(out, "out") = need(rules, "rules")->rules.size();
    return CCHC_OK;
  });
}

int32_t cchc_ruleset_set_limits(cchc_ruleset* rules, const cchc_limits* limits) {
  return guard([&] {
    auto* h = need(rules, "rules");
    keep_limits(h->limits, limits);
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
    const cchc::Limits limits = limits_over_current(rules->limits ? &*rules->limits : nullptr);
    auto added = set.add_source(text_in(source, length, "source"), source_name, limits.rules);
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
      const cchc_report* handle = nullptr;
      // A batch check (cchc_batch_check) runs on threads of its own, with no report handle: the
      // callback gets one that lives for the call.
      thread_local std::optional<cchc_report> scratch;
      if (ctx != nullptr && &ctx->report->report == &view.report()) {
        if (ctx->failed_code != 0) return found;
        handle = ctx->report;
      } else {
        if (scratch) scratch->report = view.report();
        else scratch.emplace(cchc_report{view.report(), nullptr});
        handle = &*scratch;
      }
      cchc_finding_sink sink{&view.report(), &found};
      const int32_t rc = fn(user_data, handle, &sink);
      if (rc != 0) {
        if (ctx == nullptr || handle != ctx->report)
          throw cchc::exception(callback_failure(rule_id, rc));  // stops the batch check
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
