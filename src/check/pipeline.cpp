// SPDX-License-Identifier: MIT
// The check pipeline: every family of checks appends findings, and run_checks() orders them once.
#include <utility>

#include <gsl/assert>

#include "cchc/check.hpp"
#include "check/stages.hpp"

namespace cchc {
namespace {

// A rule check that keeps its set alive.
class OwningRuleCheck final : public detail::RuleCheckView {
 public:
  explicit OwningRuleCheck(std::shared_ptr<const RuleSet> rules)
      : RuleCheckView(*rules), owner_(std::move(rules)) {}

 private:
  std::shared_ptr<const RuleSet> owner_;
};

class CoverageCheck final : public Check {
 public:
  std::string_view name() const noexcept override { return "coverage"; }
  result<void> run(const Report& report, const Evidence* evidence,
                   std::vector<Finding>& out) const override {
    if (evidence != nullptr) detail::append_coverage_findings(report, evidence->coverage, out);
    return {};
  }
};

class HistoryCheck final : public Check {
 public:
  explicit HistoryCheck(CheckOptions options) : options_(std::move(options)) {}
  std::string_view name() const noexcept override { return "history"; }
  result<void> run(const Report&, const Evidence*, std::vector<Finding>&) const override {
    return {};  // nothing to compare with
  }
  result<void> run_with(const Report& report, const CheckContext& context,
                        std::vector<Finding>& out) const override {
    if (context.history != nullptr)
      detail::append_outlier_findings(report, *context.history, options_.outliers, out);
    return {};
  }

 private:
  CheckOptions options_;
};

class NarrativeCheck final : public Check {
 public:
  explicit NarrativeCheck(CheckOptions options) : options_(std::move(options)) {}
  std::string_view name() const noexcept override { return "narrative"; }
  result<void> run(const Report& report, const Evidence* evidence,
                   std::vector<Finding>& out) const override {
    if (evidence != nullptr) detail::append_narrative_findings(report, evidence->narrative, options_, out);
    return {};
  }

 private:
  CheckOptions options_;
};

}  // namespace

namespace detail {

result<std::vector<Finding>> run_checks(std::span<const Check* const> checks, const Report& report,
                                        const CheckContext& context) {
  std::vector<Finding> out;
  for (const Check* c : checks)
    if (auto r = c->run_with(report, context, out); !r) return r.error();
  finish(out, report);
  return out;
}

void finish(std::vector<Finding>& findings, const Report& report) {
  sort_findings(findings, report.catalog());
}

void append_coverage_findings(const Report& report, const Coverage& coverage,
                              std::vector<Finding>& out) {
  for (const auto& p : coverage.problems) {
    Finding f;
    f.rule_id = "import.unread";
    f.severity = Severity::warning;
    f.line = p.line;
    const std::string prefix = p.address.empty() ? std::string() : p.address + ": ";
    f.message_vi = prefix + p.reason_vi;
    f.message_en = prefix + p.reason_en;
    if (auto id = report.catalog().find(p.address)) f.rows = {FindingRow::of(report, *id)};
    out.push_back(std::move(f));
  }
}

}  // namespace detail

std::shared_ptr<const Check> rule_check(std::shared_ptr<const RuleSet> rules) {
  Expects(rules != nullptr);
  return std::make_shared<OwningRuleCheck>(std::move(rules));
}
std::shared_ptr<const Check> coverage_check() { return std::make_shared<CoverageCheck>(); }
std::shared_ptr<const Check> narrative_check(CheckOptions options) {
  return std::make_shared<NarrativeCheck>(std::move(options));
}
std::shared_ptr<const Check> history_check(CheckOptions options) {
  return std::make_shared<HistoryCheck>(std::move(options));
}

Pipeline Pipeline::standard(std::shared_ptr<const RuleSet> rules, CheckOptions options) {
  Pipeline p;
  p.add(rule_check(std::move(rules)))
      .add(coverage_check())
      .add(narrative_check(options))
      .add(history_check(options));
  return p;
}

Pipeline& Pipeline::add(std::shared_ptr<const Check> check) {
  Expects(check != nullptr);
  checks_.push_back(std::move(check));
  return *this;
}

result<std::vector<Finding>> Pipeline::run(const Report& report, const Evidence* evidence) const {
  return run(report, CheckContext{evidence, nullptr});
}

result<std::vector<Finding>> Pipeline::run(const Report& report, const CheckContext& context) const {
  std::vector<const Check*> checks;
  checks.reserve(checks_.size());
  for (const auto& c : checks_) checks.push_back(c.get());
  return detail::run_checks(checks, report, context);
}

result<std::vector<Finding>> check(const Report& report, const RuleSet& rules,
                                   const Evidence* evidence, const CheckOptions& options) {
  return check(report, rules, CheckContext{evidence, nullptr}, options);
}

result<std::vector<Finding>> check(const Report& report, const RuleSet& rules,
                                   const CheckContext& context, const CheckOptions& options) {
  const detail::RuleCheckView r(rules);
  const CoverageCheck c;
  const NarrativeCheck n(options);
  const HistoryCheck h(options);
  const Check* checks[] = {&r, &c, &n, &h};
  return detail::run_checks(checks, report, context);
}

std::vector<Finding> check_evidence(const Report& report, const Evidence& evidence,
                                    const CheckOptions& options) {
  const CoverageCheck c;
  const NarrativeCheck n(options);
  const Check* checks[] = {&c, &n};
  return detail::run_checks(checks, report, {&evidence, nullptr}).value();  // these never fail
}

std::vector<Finding> coverage_findings(const Coverage& coverage, const Report& report) {
  std::vector<Finding> out;
  detail::append_coverage_findings(report, coverage, out);
  detail::finish(out, report);
  return out;
}

std::vector<Finding> check_narrative(const Report& report, const Narrative& narrative,
                                     const CheckOptions& options) {
  std::vector<Finding> out;
  detail::append_narrative_findings(report, narrative, options, out);
  detail::finish(out, report);
  return out;
}

}  // namespace cchc
