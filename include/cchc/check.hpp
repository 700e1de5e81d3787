// SPDX-License-Identifier: MIT
// cchc/check.hpp: the check pipeline, the one owner of findings.
//
// Checking a report runs a list of checks over the report and, when it was read from a document,
// its evidence (evidence.hpp): the rule set (structural, built-in and your own rules), the
// coverage of the import ("import.unread") and the narrative's dates, periods, citations and
// figures. Every check appends findings; the pipeline orders them once (sort_findings) and hands
// back one list. The CLI's `check`, cchc_ruleset_check() in C and RuleSet::check() all go through
// here, so they agree.
//
//   auto rules = cchc::RuleSet::builtin(imported.report.catalog_ptr());
//   std::vector<cchc::Finding> all = cchc::check(imported.report, rules, &imported).value();
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "cchc/error.hpp"
#include "cchc/evidence.hpp"
#include "cchc/finding.hpp"
#include "cchc/history.hpp"
#include "cchc/period.hpp"
#include "cchc/report.hpp"
#include "cchc/rules.hpp"

namespace cchc {

/// When a stock's figure is an outlier against the agency's own history (history_check()): its
/// change since the last report is at least `min_change` (counts, money) or `min_points`
/// (percentages), at least `min_percent` % of the earlier figure (counts, money), and, when the
/// history shows two or more earlier figures, more than `factor` times the largest change
/// between them. A warning to look at, never an error: stocks do move.
struct OutlierOptions {
  std::int64_t min_change = 10;
  std::int64_t min_percent = 50;
  std::int64_t min_points = 30;
  std::int64_t factor = 3;
};

/// What the checks need beyond the report.
struct CheckOptions {
  Holidays holidays;  ///< for the earliest date a report may be sent
  OutlierOptions outliers;
};

/// What a check sees beside one report: where it was read from, and what came before it.
struct CheckContext {
  const Evidence* evidence = nullptr;  ///< null for a report not read from a document
  const History* history = nullptr;    ///< the agency's earlier reports; null: none
};
using NarrativeCheckOptions = CheckOptions;

/// One family of checks. It appends its findings in any order; the pipeline sorts them.
class Check {
 public:
  virtual ~Check() = default;
  /// "rules", "coverage", "narrative": for listings and errors.
  [[nodiscard]] virtual std::string_view name() const noexcept = 0;
  /// `evidence` is null for a report that was not read from a document. Fails only for a report
  /// the check cannot apply to (another catalogue); findings are never errors.
  [[nodiscard]] virtual result<void> run(const Report& report, const Evidence* evidence,
                                         std::vector<Finding>& out) const = 0;
  /// What the pipeline calls. Checks that compare periods override it to read the history; the
  /// others need not: it calls run() with the evidence.
  [[nodiscard]] virtual result<void> run_with(const Report& report, const CheckContext& context,
                                              std::vector<Finding>& out) const {
    return run(report, context.evidence, out);
  }
};

/// The rules of `rules` (the set is shared, not copied, by the pipeline).
[[nodiscard]] std::shared_ptr<const Check> rule_check(std::shared_ptr<const RuleSet> rules);
/// Rows the reader could not read, as "import.unread" warnings.
[[nodiscard]] std::shared_ptr<const Check> coverage_check();
/// The narrative against the annex and the calendar: dates, ranges, periods, citations, figures.
[[nodiscard]] std::shared_ptr<const Check> narrative_check(CheckOptions options = {});
/// Stocks (Row::measure) that jumped against the agency's history, as `history.outlier.<row>`
/// warnings (OutlierOptions); nothing without a history.
[[nodiscard]] std::shared_ptr<const Check> history_check(CheckOptions options = {});

/// An ordered list of checks.
class Pipeline {
 public:
  Pipeline() = default;
  /// Rules, coverage, narrative and history: what `cchc check` runs.
  [[nodiscard]] static Pipeline standard(std::shared_ptr<const RuleSet> rules,
                                         CheckOptions options = {});
  Pipeline& add(std::shared_ptr<const Check> check);
  [[nodiscard]] std::span<const std::shared_ptr<const Check>> checks() const noexcept {
    return checks_;
  }

  /// Runs every check; the findings in canonical order, the same on every call.
  [[nodiscard]] result<std::vector<Finding>> run(const Report& report,
                                                 const Evidence* evidence = nullptr) const;
  [[nodiscard]] result<std::vector<Finding>> run(const Report& report,
                                                 const CheckContext& context) const;

 private:
  std::vector<std::shared_ptr<const Check>> checks_;
};

/// Pipeline::standard(rules, options).run(report, evidence), without copying the rule set.
[[nodiscard]] result<std::vector<Finding>> check(const Report& report, const RuleSet& rules,
                                                 const Evidence* evidence = nullptr,
                                                 const CheckOptions& options = {});
/// The same with the report's evidence and the agency's earlier reports: rules that read prev()
/// and the outlier check run too.
[[nodiscard]] result<std::vector<Finding>> check(const Report& report, const RuleSet& rules,
                                                 const CheckContext& context,
                                                 const CheckOptions& options = {});

/// Only the evidence checks (coverage and narrative), in canonical order.
[[nodiscard]] std::vector<Finding> check_evidence(const Report& report, const Evidence& evidence,
                                                  const CheckOptions& options = {});

/// The coverage's problems as findings ("import.unread", warning), with their rows and lines.
[[nodiscard]] std::vector<Finding> coverage_findings(const Coverage& coverage, const Report& report);

/// Checks the narrative against the report, as findings (ids in parentheses):
/// impossible dates (date.impossible), ranges that end before they start (date.range-reversed),
/// a stated data window other than the period's (date.window), citations dated after the report
/// (date.after-report), a report dated before its data cut-off (date.before-cutoff), a section
/// IV that plans another period than the next (period.next), a type abbreviation that does not
/// match its type word or is not in Decree 30 (citation.type), numbers that run against their
/// dates within one issuer, type and year (citation.sequence), and prose figures that differ
/// from the annex, rounding-aware (narrative.<row>).
[[nodiscard]] std::vector<Finding> check_narrative(const Report& report,
                                                   const Narrative& narrative,
                                                   const CheckOptions& options = {});

}  // namespace cchc
