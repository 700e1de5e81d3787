// SPDX-License-Identifier: MIT
// Internal: the exact values that failing rules' `fix` clauses give, for derive().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cchc/number.hpp"
#include "cchc/rules.hpp"

namespace cchc::detail {

struct ExactFix {
  std::string rule_id;
  RowId row;              ///< the row the fix sets
  Rational value;         ///< exactly, before any rounding to the row's writing
  std::vector<RowId> from;
};

/// The fixes of the rules whose id starts with `id_prefix` that fail on `report`, in rule order.
[[nodiscard]] std::vector<ExactFix> failing_fixes(const RuleSet& rules, const Report& report,
                                                  std::string_view id_prefix);

}  // namespace cchc::detail
