// SPDX-License-Identifier: MIT
// Internal: tokens of the rule language (docs/rules.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/error.hpp"

namespace cchc::rules {

struct Position {
  std::size_t line = 1;
  std::size_t column = 1;  ///< in code points
};

enum class Tok {
  end,
  ident,    ///< names and keywords: rule, check, sum, my_total
  row,      ///< B1:2.1
  number,   ///< 100, 0.5 (a decimal point: the comma separates arguments)
  string,   ///< "…", unescaped
  lparen, rparen, lbrace, rbrace, comma,
  plus, minus, star, slash,
  eq, ne, lt, le, gt, ge, assign,
};

struct Token {
  Tok kind = Tok::end;
  std::string text;
  Position pos;
};

/// Splits a rule source into tokens. Comments run from '#' to the end of the line. Errors say
/// "line:column" and what is wrong.
[[nodiscard]] result<std::vector<Token>> tokenize(std::string_view source);

/// "line:column".
[[nodiscard]] std::string where(const Position& p);

}  // namespace cchc::rules
