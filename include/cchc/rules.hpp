// SPDX-License-Identifier: MIT
// cchc/rules.hpp: consistency checks.
//
// Rules are written in a small typed language (docs/rules.md) and compiled against a catalogue:
// row references are resolved and every expression is type-checked once, so checking a report
// does no lookups by name. Three sources of rules share one evaluator:
//   * structural rules, generated from the catalogue (ratios, sums, domains, required rows);
//   * the built-in rule file of the built-in catalogue (cross-form and conditional rules);
//   * rules of your own: rule files, or C++ callables over a read-only view of the report.
//
//   auto rules = cchc::RuleSet::builtin(report.catalog_ptr());
//   rules.add_source(R"(rule my.check {
//                         check B1:4.2 <= B1:4.1
//                         vi "…" en "…"
//                       })", "my.rules").value();
//   std::vector<cchc::Finding> findings = rules.check(report);
//
// Comparisons are rounding-aware: a percentage written with k decimals stands for an interval
// ("33,3" is [33,25; 33,35)) and a check fails only when no value in the intervals satisfies it.
// A ratio with a zero denominator has no value; comparisons with it are undecided, not errors.
//
// A RuleSet is immutable while checking: check() is const and may run on many threads at once.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/limits.hpp"
#include "cchc/finding.hpp"
#include "cchc/history.hpp"
#include "cchc/report.hpp"

namespace cchc {

/// What a rule does when rows it reads are blank. Rows read only by present() and absent() do
/// not count.
enum class MissingPolicy : std::uint8_t {
  skip_any,  ///< skip the rule when any row it reads is blank (the default)
  skip_all,  ///< skip only when every row it reads is blank; blanks count as zero otherwise
  zero,      ///< blanks count as zero
};
[[nodiscard]] std::string_view to_string(MissingPolicy p) noexcept;
[[nodiscard]] std::optional<MissingPolicy> missing_policy_from_string(std::string_view) noexcept;

/// A read-only, typed view of a report, for rules written in C++.
class ReportView {
 public:
  explicit ReportView(const Report& report) noexcept : report_(&report) {}

  [[nodiscard]] const Report& report() const noexcept { return *report_; }
  [[nodiscard]] const Catalog& catalog() const noexcept { return report_->catalog(); }
  [[nodiscard]] const Metadata& metadata() const noexcept { return report_->metadata(); }
  /// The row's value, built from its compact cell (Report::value()).
  [[nodiscard]] Value value(RowId row) const { return report_->value(row); }

  /// The value of `address` as T, or nullopt when the row is blank, unknown or of another kind.
  template <class T>
  [[nodiscard]] std::optional<T> get(std::string_view address) const {
    auto id = catalog().find(address);
    if (!id) return std::nullopt;
    Value v = report_->value(*id);
    if (auto* t = std::get_if<T>(&v)) return std::move(*t);
    return std::nullopt;
  }

  /// A finding row for `address` with its value as written; requires a known address.
  [[nodiscard]] FindingRow row(std::string_view address) const;

 private:
  const Report* report_;
};

/// A check written in C++. It returns the findings it makes; the rule set stamps them with the
/// rule's id and severity and orders them with the others. An exception escaping it becomes an
/// error finding with id "<id>" and the exception's text, never a crash; only a cchc::exception
/// of errc::callback_failed stops the check, which then returns that error (RuleSet::check,
/// check_batch).
struct CustomRule {
  std::string id;
  Severity severity = Severity::warning;
  std::string description;  ///< what it checks, for listings
  std::function<std::vector<Finding>(const ReportView&)> check;
};

/// A compiled rule, as listed by RuleSet::rules().
struct RuleInfo {
  std::string id;
  Severity severity = Severity::error;
  MissingPolicy missing = MissingPolicy::skip_any;
  std::string message_vi;  ///< the message template, placeholders unexpanded
  std::string message_en;
  std::string origin;      ///< "file.rules:12", "structure", or "C++"
  std::vector<RowId> rows; ///< rows the rule reads
};

namespace detail {
struct RuleSetAccess;  // the check pipeline's view of the compiled rules
}  // namespace detail

class RuleSet {
 public:
  /// An empty set for `catalog`.
  explicit RuleSet(std::shared_ptr<const Catalog> catalog);
  RuleSet(const RuleSet&);
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(const RuleSet&);
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

  /// Rules generated from the catalogue's structure: value domains, ratios (and their zero
  /// denominators), sums of parts, pair relations, required rows and blank derivable rows.
  [[nodiscard]] static RuleSet structural(std::shared_ptr<const Catalog> catalog);
  /// structural() plus the rule file of the catalogue's template (template_rules_source()).
  [[nodiscard]] static RuleSet builtin(std::shared_ptr<const Catalog> catalog);
  /// Compiles a rule source into a new set. Errors give "name:line:column" and the reason.
  [[nodiscard]] static result<RuleSet> compile(std::string_view source,
                                               std::shared_ptr<const Catalog> catalog,
                                               std::string_view source_name = "<rules>",
                                               RuleLimits limits = {});

  /// Compiles a source and adds its rules. Rule ids must be unique within the set. On error the
  /// set is unchanged.
  [[nodiscard]] result<void> add_source(std::string_view source, std::string_view source_name,
                                        RuleLimits limits = {});
  /// Adds a rule written in C++; errc::invalid_argument for an empty id, a duplicate id or no
  /// callable.
  [[nodiscard]] result<void> add_custom(CustomRule rule);

  [[nodiscard]] const Catalog& catalog() const noexcept { return *catalog_; }
  [[nodiscard]] const std::shared_ptr<const Catalog>& catalog_ptr() const noexcept {
    return catalog_;
  }
  [[nodiscard]] std::size_t size() const noexcept;
  [[nodiscard]] std::vector<RuleInfo> rules() const;

  /// Checks a report that follows this set's catalogue (errc::invalid_argument otherwise). The
  /// findings are in canonical order (sort_findings) and the same on every call.
  /// Rules that compare periods (they read prev()) need earlier reports, and are skipped.
  [[nodiscard]] result<std::vector<Finding>> check(const Report& report) const;
  /// The same, with the agency's earlier reports: each rule that reads prev() runs once against
  /// every earlier report its history clause selects (history.hpp).
  [[nodiscard]] result<std::vector<Finding>> check(const Report& report,
                                                   const History& history) const;

  /// Checks many reports on `threads` threads (0: every core), each report's findings at its
  /// index, exactly as check() gives them. Fails like check() on the first report of another
  /// catalogue, before checking any.
  [[nodiscard]] result<std::vector<std::vector<Finding>>> check_all(std::span<const Report> reports,
                                                                    unsigned threads = 0) const;

 private:
  friend struct detail::RuleSetAccess;
  struct Impl;
  std::shared_ptr<const Catalog> catalog_;
  std::unique_ptr<Impl> impl_;
};

/// The text of the built-in rule file (for the built-in catalogue), as shipped.
[[nodiscard]] std::string_view builtin_rules_source() noexcept;
/// The rule file of the template `catalog` belongs to (for the built-in catalogue, its built-in
/// rule file), or "" when its template has none.
[[nodiscard]] std::string_view template_rules_source(const Catalog& catalog) noexcept;
/// The rule source that RuleSet::structural() compiles for `catalog`, for reading.
[[nodiscard]] std::string structural_rules_source(const Catalog& catalog);

}  // namespace cchc
