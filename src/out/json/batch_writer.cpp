// SPDX-License-Identifier: MIT
// A batch check's per-rule counts as JSON.
#include <boost/json.hpp>

#include "cchc/output.hpp"

namespace cchc {

std::string batch_summary_to_json(std::span<const RuleSummary> rules, std::size_t reports,
                                  std::size_t failed_reports, std::size_t reports_with_errors) {
  namespace json = boost::json;
  json::array list;
  list.reserve(rules.size());
  for (const RuleSummary& s : rules)
    list.push_back({{"rule", s.rule_id},
                    {"severity", to_string(s.severity)},
                    {"evaluated", s.evaluated},
                    {"passed", s.passed},
                    {"fails", s.failed},
                    {"skipped", s.skipped}});
  json::object o;
  o["format"] = "cchc.batch/1";
  o["reports"] = reports;
  o["failed_reports"] = failed_reports;
  o["reports_with_errors"] = reports_with_errors;
  o["summary"] = std::move(list);
  return json::serialize(o);
}

std::string batch_summary_to_json(const BatchResult& result) {
  std::size_t errors = 0;
  for (const ReportStatus& s : result.reports) errors += s.errors > 0;
  return batch_summary_to_json(result.rules, result.reports.size(), result.failed_reports(),
                               errors);
}

}  // namespace cchc
