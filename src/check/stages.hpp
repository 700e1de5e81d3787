// SPDX-License-Identifier: MIT
// Internal: the checks of the pipeline as plain functions that append findings unsorted, so that
// the pipeline (pipeline.cpp) is the one place where findings are put in order.
#pragma once

#include <span>
#include <vector>

#include "cchc/check.hpp"

namespace cchc::detail {

/// The rule set's findings (rules/rule_set.cpp); fails for a report of another catalogue.
[[nodiscard]] result<void> append_rule_findings(const RuleSet& rules, const Report& report,
                                                std::vector<Finding>& out,
                                                const History* history = nullptr);
void append_coverage_findings(const Report& report, const Coverage& coverage, std::vector<Finding>& out);
void append_narrative_findings(const Report& report, const Narrative& narrative,
                        const CheckOptions& options, std::vector<Finding>& out);
/// Outliers of stocks against the history (src/quarter/outliers.cpp).
void append_outlier_findings(const Report& report, const History& history,
                             const OutlierOptions& options, std::vector<Finding>& out);

/// The rules of a set it borrows, as a check.
class RuleCheckView : public Check {
 public:
  explicit RuleCheckView(const RuleSet& rules) noexcept : rules_(rules) {}
  [[nodiscard]] std::string_view name() const noexcept override { return "rules"; }
  [[nodiscard]] result<void> run(const Report& report, const Evidence*,
                                 std::vector<Finding>& out) const override {
    return append_rule_findings(rules_, report, out);
  }
  [[nodiscard]] result<void> run_with(const Report& report, const CheckContext& context,
                                      std::vector<Finding>& out) const override {
    return append_rule_findings(rules_, report, out, context.history);
  }

 private:
  const RuleSet& rules_;
};

/// Puts findings in their canonical order: the one place where that happens.
void finish(std::vector<Finding>& findings, const Report& report);

/// Runs `checks` in order and sorts what they found: the one ordering of findings.
[[nodiscard]] result<std::vector<Finding>> run_checks(std::span<const Check* const> checks,
                                                      const Report& report,
                                                      const CheckContext& context);

}  // namespace cchc::detail
