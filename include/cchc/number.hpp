// SPDX-License-Identifier: MIT
// cchc/number.hpp: exact decimal numbers written the Vietnamese way.
//
// Vietnamese writes a decimal comma and groups thousands with dots: "33,3", "85.000.000".
// Reports also keep layout zeros ("02") and sometimes a percent sign ("100%"). A Decimal holds
// such a number exactly as an integer count of units of 10^-scale, with the scale it was
// written with, so "33,30" and "33,3" compare equal yet keep their precision.
//
//   auto d = cchc::parse_decimal("33,3").value();    // {333, 1}
//   cchc::format_decimal(d)                           // "33,3"
//   cchc::format_decimal(cchc::Decimal{85000000, 0})  // "85.000.000"
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

#include "cchc/error.hpp"

namespace cchc {

/// An exact rational number, for derived ratios such as 100 × part / whole.
using Rational = boost::multiprecision::cpp_rational;
/// An integer of any size, for sums that must never overflow.
using BigInt = boost::multiprecision::cpp_int;

/// An exact decimal: units × 10^-scale.
struct Decimal {
  /// Most digits after the comma that cchc reads; reports use 0 to 2.
  static constexpr int max_scale = 9;
  /// Most significant digits that cchc reads: anything longer is not a figure a report means.
  static constexpr int max_digits = 18;
  /// The largest magnitude of a figure (max_digits nines). What cchc writes it must read back,
  /// so the value types, the C API's setters and a batch's cells refuse anything larger.
  static constexpr std::int64_t max_units = 999'999'999'999'999'999;

  std::int64_t units = 0;
  std::int32_t scale = 0;

  /// Numeric comparison, exact whatever the scales ("33,30" == "33,3").
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) noexcept;
  friend bool operator==(const Decimal& a, const Decimal& b) noexcept {
    return (a <=> b) == std::strong_ordering::equal;
  }

  [[nodiscard]] bool is_integer() const noexcept;
  [[nodiscard]] Rational to_rational() const;
};

/// What a piece of number text may contain; everything else is a parse error.
struct NumberSyntax {
  bool allow_sign = true;          ///< "-3" parses (into a value that a kind may call invalid)
  bool allow_fraction = true;      ///< "33,3"
  bool allow_grouping = true;      ///< "85.000.000"
  bool allow_percent_sign = false; ///< "100%" or "100 %"
};

/// Parses Vietnamese number text exactly. Leading and trailing ASCII blanks are ignored; the
/// error says which character is wrong and why ("33.3": a dot groups thousands, the decimal
/// separator is a comma). Numbers longer than Decimal::max_digits fail with errc::out_of_range.
[[nodiscard]] result<Decimal> parse_decimal(std::string_view text, NumberSyntax syntax = {});

/// Writes a Decimal the Vietnamese way: "33,3", "85.000.000", "-5". Exactly `scale` decimals.
[[nodiscard]] std::string format_decimal(const Decimal& d, bool group_thousands = true);

/// Writes an integer the Vietnamese way, grouping thousands with dots.
[[nodiscard]] std::string format_integer(std::int64_t n, bool group_thousands = true);

/// Writes a rational rounded half away from zero to `scale` decimals, the Vietnamese way.
[[nodiscard]] std::string format_rational(const Rational& r, int scale);

/// Rounds a rational half away from zero to `scale` decimals; errc::out_of_range when the result
/// does not fit a Decimal.
[[nodiscard]] result<Decimal> round_to_decimal(const Rational& r, int scale);

/// 10^n for 0 <= n <= 18.
[[nodiscard]] std::int64_t pow10(int n) noexcept;

}  // namespace cchc
