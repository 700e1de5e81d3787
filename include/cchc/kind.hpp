// SPDX-License-Identifier: MIT
// cchc/kind.hpp: the kinds of value a row holds, described in one table.
//
// Every layer maps from kind_traits: JSON and catalogue files use `name`, messages the labels,
// the C API `c_code` (CCHC_KIND_*), the catalogue `summable`, the rule language its types.
//
//   cchc::traits(cchc::Kind::percent).name      // "percent"
//   cchc::traits(row.kind).summable              // parts may add up to it
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cchc {

/// What a row holds. `heading` rows only group their children and hold no value. The order is
/// the order of the alternatives of Value after Absent (value.hpp).
enum class Kind : std::uint8_t { heading, count, percent, yes_no, code, pair, money };

struct KindTraits {
  Kind kind;
  std::string_view name;      ///< stable, in JSON and catalogue files: "yes_no"
  std::string_view label_vi;  ///< "mã Có/Không"
  std::string_view label_en;  ///< "a yes/no code"
  std::int32_t c_code;        ///< CCHC_KIND_* of the C API
  bool holds_value;           ///< false for headings
  bool summable;              ///< parts may add up to a total of it
  bool integral;              ///< whole numbers only
};

inline constexpr std::array<KindTraits, 7> kind_traits{{
    {Kind::heading, "heading", "tiêu đề", "a heading", 0, false, false, false},
    {Kind::count, "count", "số lượng", "a count", 1, true, true, true},
    {Kind::percent, "percent", "tỷ lệ (%)", "a percent", 2, true, true, false},
    {Kind::yes_no, "yes_no", "mã Có/Không", "a yes/no code", 3, true, false, true},
    {Kind::code, "code", "mã", "a code", 4, true, false, true},
    {Kind::pair, "pair", "cặp số", "a pair", 5, true, false, true},
    {Kind::money, "money", "số tiền", "an amount of money", 6, true, true, true},
}};

[[nodiscard]] constexpr const KindTraits& traits(Kind k) noexcept {
  return kind_traits[static_cast<std::size_t>(k)];
}

/// Stable name of a kind as used in JSON: "heading", "count", "percent", "yes_no", "code",
/// "pair", "money".
[[nodiscard]] constexpr std::string_view to_string(Kind kind) noexcept { return traits(kind).name; }
[[nodiscard]] constexpr std::optional<Kind> kind_from_string(std::string_view name) noexcept {
  for (const auto& t : kind_traits)
    if (t.name == name) return t.kind;
  return std::nullopt;
}

// The table is indexed by kind.
static_assert([] {
  for (std::size_t i = 0; i < kind_traits.size(); ++i)
    if (static_cast<std::size_t>(kind_traits[i].kind) != i) return false;
  return true;
}());

}  // namespace cchc
