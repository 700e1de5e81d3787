// SPDX-License-Identifier: MIT
// Internal: an exact fraction of two 64-bit integers, the evaluator's fast number. Report figures
// are small (counts, percentages with two decimals, money in đồng), so checking almost never needs
// more; an operation whose exact result does not fit throws Fraction::Overflow, and the caller
// evaluates that rule again with cpp_rational. Either way the answer is exact: the fast path is
// an optimisation, never an approximation.
#pragma once

#include <compare>
#include <cstdint>
#include <limits>

namespace cchc::rules {

class Fraction {
 public:
  struct Overflow {};

  constexpr Fraction() = default;
  constexpr Fraction(std::int64_t n) noexcept : n_(n) {}  // NOLINT: as Rational(int) converts
  /// n / d for any d != 0.
  static Fraction of(std::int64_t n, std::int64_t d) {
    return make(static_cast<int128>(n), static_cast<int128>(d));
  }

  [[nodiscard]] constexpr std::int64_t numerator() const noexcept { return n_; }
  [[nodiscard]] constexpr std::int64_t denominator() const noexcept { return d_; }

  friend Fraction operator-(const Fraction& a) { return make(-static_cast<int128>(a.n_), a.d_); }
  friend Fraction operator+(const Fraction& a, const Fraction& b) {
    if (a.d_ == b.d_) return make(static_cast<int128>(a.n_) + b.n_, a.d_);
    return make(static_cast<int128>(a.n_) * b.d_ + static_cast<int128>(b.n_) * a.d_,
                static_cast<int128>(a.d_) * b.d_);
  }
  friend Fraction operator-(const Fraction& a, const Fraction& b) { return a + -b; }
  friend Fraction operator*(const Fraction& a, const Fraction& b) {
    return make(static_cast<int128>(a.n_) * b.n_, static_cast<int128>(a.d_) * b.d_);
  }
  friend Fraction operator/(const Fraction& a, const Fraction& b) {
    return make(static_cast<int128>(a.n_) * b.d_, static_cast<int128>(a.d_) * b.n_);
  }
  Fraction& operator+=(const Fraction& b) { return *this = *this + b; }

  // Cross-multiplied in 128 bits: exact for every pair, reduced or not.
  friend bool operator==(const Fraction& a, const Fraction& b) noexcept {
    return static_cast<int128>(a.n_) * b.d_ == static_cast<int128>(b.n_) * a.d_;
  }
  friend std::strong_ordering operator<=>(const Fraction& a, const Fraction& b) noexcept {
    return static_cast<int128>(a.n_) * b.d_ <=> static_cast<int128>(b.n_) * a.d_;
  }

 private:
  __extension__ typedef __int128 int128;
  __extension__ typedef unsigned __int128 uint128;

  static constexpr int128 max = std::numeric_limits<std::int64_t>::max();

  static uint128 gcd(uint128 a, uint128 b) noexcept {
    while (b != 0) {
      const uint128 t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  // n / d with d > 0; reduced only when it would not fit otherwise, since reducing costs a
  // division loop and report figures rarely need it.
  static Fraction make(int128 n, int128 d) {
    if (d == 0) throw Overflow{};  // callers test for zero first; never silently infinite
    if (d < 0) n = -n, d = -d;
    if (n > max || n < -max || d > max) {
      const int128 g = static_cast<int128>(gcd(static_cast<uint128>(n < 0 ? -n : n),
                                               static_cast<uint128>(d)));
      n /= g, d /= g;
      if (n > max || n < -max || d > max) throw Overflow{};
    }
    Fraction f;
    f.n_ = static_cast<std::int64_t>(n);
    f.d_ = static_cast<std::int64_t>(d);
    return f;
  }

  std::int64_t n_ = 0;
  std::int64_t d_ = 1;  // > 0
};

}  // namespace cchc::rules
