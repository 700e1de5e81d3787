// SPDX-License-Identifier: MIT
// Internal: the type rules of the rule language, as pure functions over types. The parser
// (compiler.cpp) asks them and turns a refusal into an error at the expression's position.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "program.hpp"

namespace cchc::rules {

/// Why an expression does not type-check, in both languages.
struct TypeError {
  std::string vi, en;
};

/// Counts, percents, money, ratios and literals: what arithmetic takes.
[[nodiscard]] bool numeric(Type t) noexcept;

/// The static type of a row of kind `k` (kind_traits), literal for a heading.
[[nodiscard]] Type type_of_kind(Kind k) noexcept;

/// The type of `a op b` for + - * /, or why it has none.
[[nodiscard]] std::variant<Type, TypeError> arithmetic_type(Op op, Type a, Type b);
/// Why `a op b` cannot be compared (== != < <= > >=), if it cannot.
[[nodiscard]] std::optional<TypeError> comparison_error(Op op, Type a, Type b);
/// Why `a in {…}` cannot be asked, if it cannot.
[[nodiscard]] std::optional<TypeError> in_set_error(Type a);
/// Why `word` ("and", "if", …) cannot take an operand of type `t`, if it cannot.
[[nodiscard]] std::optional<TypeError> condition_error(Type t, std::string_view word);

/// The height of the deepest tree in `nodes`, whose children precede their parents.
[[nodiscard]] std::size_t tree_height(const std::vector<Node>& nodes);

}  // namespace cchc::rules
