// SPDX-License-Identifier: MIT
// Internal: a compiled rule. Expressions are type-checked trees whose row references are resolved
// to RowIds, stored flat so that evaluation follows indices and never looks anything up by name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/finding.hpp"
#include "cchc/history.hpp"
#include "cchc/number.hpp"
#include "cchc/rules.hpp"
#include "lexer.hpp"

namespace cchc::rules {

/// Static types. `literal` is a number written in the rule: it takes the type of what it meets.
enum class Type : std::uint8_t {
  boolean, count, percent, money, number, literal, yes_no, code, pair
};
[[nodiscard]] std::string_view type_name_vi(Type t) noexcept;
[[nodiscard]] std::string_view type_name_en(Type t) noexcept;

enum class Op : std::uint8_t {
  literal, boolean, row,
  neg, add, sub, mul, div,
  eq, ne, lt, le, gt, ge,
  and_, or_, not_, implies,
  sum, pct, present, absent, first, second, in_set,
  prev,  ///< a row of the earlier report the rule is compared with
};

struct Node {
  Op op = Op::literal;
  Type type = Type::literal;
  Position pos;
  RowId row;                        ///< Op::row, prev, present, absent
  Rational value;                   ///< Op::literal
  Decimal decimal;                  ///< Op::literal as written, for the 64-bit evaluator
  bool truth = false;               ///< Op::boolean
  std::vector<std::int64_t> set;    ///< Op::in_set
  std::vector<std::uint32_t> args;  ///< children, indices into Program::nodes
};

/// A piece of a message: literal text, or an expression to format.
struct MessagePart {
  std::string text;
  std::optional<std::uint32_t> expr;
  bool previous_period = false;  ///< {prev_period}: the earlier report's period
};

struct CompiledRule {
  std::string id;
  Severity severity = Severity::error;
  MissingPolicy missing = MissingPolicy::skip_any;
  std::string origin;
  std::string message_vi, message_en;  ///< templates as written
  std::vector<MessagePart> vi, en;
  std::uint32_t check = 0;
  std::uint32_t check_first = 0;  ///< the check's subtree is nodes check_first..check
  std::optional<RowId> fix_row;
  std::optional<std::uint32_t> fix_expr;
  std::vector<RowId> policy_rows;  ///< read outside present()/absent(): the missing policy's
  std::vector<RowId> rows;         ///< every row the check reads, in order of appearance
  /// Rules that read prev(): which earlier reports they compare with, and the rows they read
  /// there (all; and those the missing policy counts).
  std::optional<HistoryScope> history;
  std::vector<RowId> prev_rows;
  std::vector<RowId> policy_prev_rows;
  std::vector<Node> nodes;
};

}  // namespace cchc::rules
