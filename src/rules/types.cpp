// SPDX-License-Identifier: MIT
#include "rules/types.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>

#include "util/enum_names.hpp"

namespace cchc::rules {
namespace {

// The rule language's type of each kind of row: the one mapping, read both ways.
constexpr std::array<std::pair<Kind, Type>, 6> kind_types{{
    {Kind::count, Type::count}, {Kind::percent, Type::percent}, {Kind::yes_no, Type::yes_no},
    {Kind::code, Type::code}, {Kind::pair, Type::pair}, {Kind::money, Type::money},
}};

// Names of the types that are not kinds of rows; those that are take the kind table's labels.
constexpr detail::NameTable<Type, 3> other_names_en{{
    {Type::boolean, "a condition"}, {Type::number, "a ratio"}, {Type::literal, "a number"},
}};
constexpr detail::NameTable<Type, 3> other_names_vi{{
    {Type::boolean, "điều kiện"}, {Type::number, "tỉ số"}, {Type::literal, "hằng số"},
}};

const KindTraits* kind_traits_of(Type t) {
  for (auto [k, type] : kind_types)
    if (type == t) return &traits(k);
  return nullptr;
}

bool dimensioned(Type t) { return t == Type::count || t == Type::percent || t == Type::money; }

}  // namespace

bool numeric(Type t) noexcept {
  return t == Type::count || t == Type::percent || t == Type::money || t == Type::number ||
         t == Type::literal;
}

std::string_view type_name_vi(Type t) noexcept {
  const KindTraits* k = kind_traits_of(t);
  return k ? k->label_vi : detail::name_of(other_names_vi, t);
}
std::string_view type_name_en(Type t) noexcept {
  const KindTraits* k = kind_traits_of(t);
  return k ? k->label_en : detail::name_of(other_names_en, t);
}

Type type_of_kind(Kind k) noexcept {
  for (auto [kind, type] : kind_types)
    if (kind == k) return type;
  return Type::literal;  // a heading holds no value
}

std::variant<Type, TypeError> arithmetic_type(Op op, Type a, Type b) {
  const auto bad = [&]() -> std::variant<Type, TypeError> {
    const char* sym = op == Op::add ? "+" : op == Op::sub ? "-" : op == Op::mul ? "*" : "/";
    return TypeError{fmt::format("không thể tính {} {} {}", type_name_vi(a), sym, type_name_vi(b)),
                     fmt::format("cannot compute {} {} {}", type_name_en(a), sym, type_name_en(b))};
  };
  if (!numeric(a) || !numeric(b)) return bad();
  switch (op) {
    case Op::add:
    case Op::sub:
      if (a == b) return a;
      if (a == Type::literal) return b;
      if (b == Type::literal) return a;
      return bad();
    case Op::mul:
      if (a == Type::literal) return b;
      if (b == Type::literal) return a;
      if (a == Type::number && b == Type::number) return Type::number;
      if (a == Type::number && dimensioned(b)) return b;
      if (b == Type::number && dimensioned(a)) return a;
      return bad();
    case Op::div:
      if (b == Type::literal || b == Type::number) return a == Type::literal ? b : a;
      if (a == b) return Type::number;  // count / count: a ratio without a unit
      return bad();
    default: return bad();
  }
}

std::optional<TypeError> comparison_error(Op op, Type a, Type b) {
  const bool ordered = op != Op::eq && op != Op::ne;
  const auto mismatch = [&]() {
    std::string hint_vi, hint_en;
    if ((a == Type::percent && b == Type::count) || (a == Type::count && b == Type::percent) ||
        (a == Type::percent && b == Type::number) || (a == Type::number && b == Type::percent)) {
      hint_vi = "; dùng pct(tử, mẫu)";
      hint_en = "; use pct(part, whole)";
    }
    return TypeError{
        fmt::format("không thể so sánh {} với {}{}", type_name_vi(a), type_name_vi(b), hint_vi),
        fmt::format("cannot compare {} with {}{}", type_name_en(a), type_name_en(b), hint_en)};
  };
  if (a == Type::boolean || b == Type::boolean || a == Type::pair || b == Type::pair)
    return mismatch();
  const bool codes = a == Type::code || a == Type::yes_no || b == Type::code || b == Type::yes_no;
  const bool same = a == b || a == Type::literal || b == Type::literal;
  if (!same) return mismatch();
  if (codes && ordered)
    return TypeError{"mã chỉ so sánh bằng hoặc khác", "codes compare only with == and !="};
  return std::nullopt;
}

std::optional<TypeError> in_set_error(Type a) {
  if (a == Type::code || a == Type::yes_no || a == Type::count || a == Type::literal)
    return std::nullopt;
  return TypeError{fmt::format("'in' áp dụng cho mã hoặc số lượng, không cho {}", type_name_vi(a)),
                   fmt::format("'in' applies to codes and counts, not to {}", type_name_en(a))};
}

std::optional<TypeError> condition_error(Type t, std::string_view word) {
  if (t == Type::boolean) return std::nullopt;
  return TypeError{fmt::format("'{}' cần điều kiện, không phải {}", word, type_name_vi(t)),
                   fmt::format("'{}' needs a condition, not {}", word, type_name_en(t))};
}

std::size_t tree_height(const std::vector<Node>& nodes) {
  // Children always precede their parent, so one forward pass suffices and nothing recurses.
  std::vector<std::uint32_t> height(nodes.size(), 1);
  std::uint32_t deepest = 0;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    for (auto a : nodes[i].args) height[i] = std::max(height[i], height[a] + 1);
    deepest = std::max(deepest, height[i]);
  }
  return deepest;
}

}  // namespace cchc::rules
