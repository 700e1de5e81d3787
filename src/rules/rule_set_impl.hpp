// SPDX-License-Identifier: MIT
// Internal: what a RuleSet holds, for the parts of cchc that run its rules their own way (the
// columnar batch evaluator, derive).
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "cchc/rules.hpp"
#include "program.hpp"

namespace cchc {

struct RuleSet::Impl {
  // Shared and immutable: copying a rule set copies pointers, and check() only reads.
  std::vector<std::shared_ptr<const rules::CompiledRule>> compiled;
  std::vector<std::shared_ptr<const CustomRule>> custom;

  bool has_id(std::string_view id) const {
    return std::any_of(compiled.begin(), compiled.end(), [&](const auto& r) { return r->id == id; }) ||
           std::any_of(custom.begin(), custom.end(), [&](const auto& r) { return r->id == id; });
  }
};

namespace detail {

struct RuleSetAccess {
  static const RuleSet::Impl& impl(const RuleSet& rules) noexcept { return *rules.impl_; }
};

/// Whether a compiled rule fails on `report`, decided exactly as RuleSet::check() decides it;
/// nullopt when its missing policy skips it.
[[nodiscard]] std::optional<bool> rule_fails(const rules::CompiledRule& rule, const Report& report);

/// The finding of a compiled rule that fails on `report`, as RuleSet::check() builds it.
[[nodiscard]] Finding rule_finding(const rules::CompiledRule& rule, const Report& report);

/// A rule written in C++ on one report: its findings stamped with its id and severity, or one
/// error finding when it throws.
void run_custom_rule(const CustomRule& rule, const ReportView& view, std::vector<Finding>& out);

/// Whether a report of `a` may be checked by rules of `b`: the same catalogue, or an equal one.
[[nodiscard]] bool same_catalog(const Catalog& a, const Catalog& b) noexcept;

/// errc::invalid_argument naming both catalogues.
[[nodiscard]] error catalog_mismatch(const Catalog& report, const Catalog& rules);

}  // namespace detail
}  // namespace cchc
