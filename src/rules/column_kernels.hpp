// SPDX-License-Identifier: MIT
// Internal: what the column programs (columnar.cpp) compute with. Slots of 256 elements of
// interval ends and flags, exact 64-bit arithmetic on them, and the kernels the hot loops call
// (comparisons, scaling, Kleene logic), with restrict pointers so that they vectorise.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include "columnar.hpp"
#include "interval.hpp"

namespace cchc::rules::kernels {

using detail::BatchChunk;
using detail::Column;

using detail::BatchChunk;
using detail::Column;

inline constexpr std::size_t B = column_block;

// State bits of a number or condition. A value is `VAL`; without it the node has no value
// (a blank, a ratio over zero). `UNDEC`: this evaluator cannot tell, the exact one must.
enum : std::uint8_t { VAL = 1, LO_OPEN = 2, HI_OPEN = 4, UNDEC = 8 };
constexpr std::uint8_t OPEN = LO_OPEN | HI_OPEN;

// A reported percentage with k ≤ 2 decimals stands for [u − ½, u + ½) × 10^-k: in units of
// 10^-3 both ends are integers.
inline constexpr int percent_scale = 3;
inline constexpr int percent_max_decimals = percent_scale - 1;

__extension__ typedef __int128 i128;

// 10^0 .. 10^18, inline: the hot loops scale by these.
inline constexpr std::array<std::int64_t, 19> p10 = [] {
  std::array<std::int64_t, 19> t{};
  t[0] = 1;
  for (std::size_t i = 1; i < t.size(); ++i) t[i] = t[i - 1] * 10;
  return t;
}();
constexpr std::int64_t ten_to(int e) { return p10[static_cast<std::size_t>(e)]; }


struct Slot {
  std::array<std::int64_t, B> lo, hi, den;
  std::array<std::uint8_t, B> f, t;
  // The flags every element shares, or -1 when f holds each element's own. A uniform slot's f
  // is not written.
  int uniform = -1;
  // Where lo is read: lo itself, or a row's decoded block, or a literal's filled array, which
  // several rules share.
  const std::int64_t* view = nullptr;
};

inline bool mul_ok(std::int64_t a, std::int64_t b, std::int64_t& r) { return !__builtin_mul_overflow(a, b, &r); }
inline bool add_ok(std::int64_t a, std::int64_t b, std::int64_t& r) { return !__builtin_add_overflow(a, b, &r); }

struct Num {
  std::int64_t lo, hi, den;
  std::uint8_t f;
  [[nodiscard]] bool exact() const { return lo == hi && (f & OPEN) == 0; }
};

inline std::uint8_t swap_open(std::uint8_t f) {
  return static_cast<std::uint8_t>((f & ~OPEN) | ((f & LO_OPEN) ? HI_OPEN : 0) | ((f & HI_OPEN) ? LO_OPEN : 0));
}

// a + b with both in scale k already; false on overflow.
inline bool add_num(const Num& a, const Num& b, Num& r) {
  r.f = static_cast<std::uint8_t>(VAL | ((a.f | b.f) & OPEN));
  if (a.den == 1 && b.den == 1) {
    r.den = 1;
    return add_ok(a.lo, b.lo, r.lo) && add_ok(a.hi, b.hi, r.hi);
  }
  std::int64_t x, y;
  return mul_ok(a.lo, b.den, x) && mul_ok(b.lo, a.den, y) && add_ok(x, y, r.lo) &&
         mul_ok(a.hi, b.den, x) && mul_ok(b.hi, a.den, y) && add_ok(x, y, r.hi) &&
         mul_ok(a.den, b.den, r.den);
}

inline bool rescale(Num& a, int from, int to) {
  if (from == to) return true;
  const std::int64_t p = ten_to(to - from);
  return mul_ok(a.lo, p, a.lo) && mul_ok(a.hi, p, a.hi);
}

inline bool neg_num(const Num& a, Num& r) {
  if (a.lo == INT64_MIN || a.hi == INT64_MIN) return false;
  r = {-a.hi, -a.lo, a.den, swap_open(a.f)};
  return true;
}

// The interval product, as the tree evaluator forms it (interval.hpp's mul).
inline bool mul_num(const Num& a, const Num& b, Num& r) {
  if (!mul_ok(a.den, b.den, r.den)) return false;
  auto scale_by = [&](const Num& x, std::int64_t m) {
    std::int64_t lo, hi;
    if (!mul_ok(x.lo, m, lo) || !mul_ok(x.hi, m, hi)) return false;
    if (m >= 0) r.lo = lo, r.hi = hi, r.f = x.f;
    else r.lo = hi, r.hi = lo, r.f = swap_open(x.f);
    return true;
  };
  if (b.exact()) return scale_by(a, b.lo);
  if (a.exact()) return scale_by(b, a.lo);
  std::array<std::int64_t, 4> p{};
  if (!mul_ok(a.lo, b.lo, p[0]) || !mul_ok(a.lo, b.hi, p[1]) || !mul_ok(a.hi, b.lo, p[2]) ||
      !mul_ok(a.hi, b.hi, p[3]))
    return false;
  r.lo = *std::min_element(p.begin(), p.end());
  r.hi = *std::max_element(p.begin(), p.end());
  r.f = VAL;
  return true;
}

// An end of a number, × m1 × 10^e in 128 bits; false on overflow.
inline bool widen(std::int64_t x, std::int64_t m1, int e, i128& out) {
  const i128 r = static_cast<i128>(x) * m1;
  return !__builtin_mul_overflow(r, static_cast<i128>(ten_to(e)), &out);
}


inline bool is_condition(Op op) {
  switch (op) {
    case Op::boolean: case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt:
    case Op::ge: case Op::and_: case Op::or_: case Op::not_: case Op::implies:
    case Op::present: case Op::absent: case Op::in_set:
      return true;
    default:
      return false;
  }
}

// The kernels below take restrict pointers: Tri codes are bytes, and a byte store may alias
// anything unless the compiler is told otherwise, which keeps it from vectorising.
using I64 = std::int64_t* __restrict;
using CI64 = const std::int64_t* __restrict;
using U8 = std::uint8_t* __restrict;
using CU8 = const std::uint8_t* __restrict;

// a OP b on plain integers, as a Tri code.
template <class Cmp>
inline void compare_points(CI64 a, CI64 b, std::size_t n, U8 t, Cmp cmp) {
  for (std::size_t j = 0; j < n; ++j) t[j] = static_cast<std::uint8_t>(cmp(a[j], b[j]));
}

// a OP c for a constant c.
template <class Cmp>
inline void compare_points_to(CI64 a, std::int64_t c, std::size_t n, U8 t, Cmp cmp) {
  for (std::size_t j = 0; j < n; ++j) t[j] = static_cast<std::uint8_t>(cmp(a[j], c));
}

template <class F>
inline void with_comparison(Op op, F f) {
  switch (op) {
    case Op::eq: f(std::equal_to<>()); break;
    case Op::ne: f(std::not_equal_to<>()); break;
    case Op::lt: f(std::less<>()); break;
    case Op::le: f(std::less_equal<>()); break;
    case Op::gt: f(std::greater<>()); break;
    default: f(std::greater_equal<>()); break;
  }
}

// Intervals with one closure for every element, in 64 bits: interval::compare per element, the
// operator chosen once.
template <Op op>
inline void compare_intervals(CI64 alo, CI64 ahi, CI64 blo, CI64 bhi, std::uint8_t fa, std::uint8_t fb,
                       std::size_t n, U8 t) {
  const bool alc = !(fa & LO_OPEN), ahc = !(fa & HI_OPEN);
  const bool blc = !(fb & LO_OPEN), bhc = !(fb & HI_OPEN);
  for (std::size_t j = 0; j < n; ++j) {
    const BasicInterval<std::int64_t> x{alo[j], ahi[j], alc, ahc};
    const BasicInterval<std::int64_t> y{blo[j], bhi[j], blc, bhc};
    t[j] = static_cast<std::uint8_t>(interval::compare(op, x, y));
  }
}

inline void compare_intervals(Op op, CI64 alo, CI64 ahi, CI64 blo, CI64 bhi, std::uint8_t fa,
                       std::uint8_t fb, std::size_t n, U8 t) {
  switch (op) {
    case Op::eq: compare_intervals<Op::eq>(alo, ahi, blo, bhi, fa, fb, n, t); break;
    case Op::ne: compare_intervals<Op::ne>(alo, ahi, blo, bhi, fa, fb, n, t); break;
    case Op::lt: compare_intervals<Op::lt>(alo, ahi, blo, bhi, fa, fb, n, t); break;
    case Op::le: compare_intervals<Op::le>(alo, ahi, blo, bhi, fa, fb, n, t); break;
    case Op::gt: compare_intervals<Op::gt>(alo, ahi, blo, bhi, fa, fb, n, t); break;
    default: compare_intervals<Op::ge>(alo, ahi, blo, bhi, fa, fb, n, t); break;
  }
}

// x · m for every element, false if one overflows.
inline bool scale_all(CI64 x, std::int64_t m, std::size_t n, I64 out) {
  bool overflow = false;
  for (std::size_t j = 0; j < n; ++j) overflow |= __builtin_mul_overflow(x[j], m, &out[j]);
  return !overflow;
}

// acc += x · m for every element, false if one overflows.
inline bool add_scaled(CI64 x, std::int64_t m, std::size_t n, I64 acc) {
  bool overflow = false;
  for (std::size_t j = 0; j < n; ++j) {
    std::int64_t v;
    overflow |= __builtin_mul_overflow(x[j], m, &v);
    overflow |= __builtin_add_overflow(acc[j], v, &acc[j]);
  }
  return !overflow;
}

// Kleene's connectives on Tri codes (no 0, yes 1, unknown 2) as byte arithmetic, which
// vectorises where table lookups would not.
inline void kleene_not(CU8 a, std::size_t n, U8 t) {
  for (std::size_t j = 0; j < n; ++j) t[j] = static_cast<std::uint8_t>(a[j] < 2 ? a[j] ^ 1 : a[j]);
}

inline void kleene_and(CU8 a, CU8 b, bool negate_a, std::size_t n, U8 t) {
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint8_t x = negate_a ? static_cast<std::uint8_t>(a[j] < 2 ? a[j] ^ 1 : a[j]) : a[j];
    const bool no = x == 0 || b[j] == 0, yes = x == 1 && b[j] == 1;
    t[j] = static_cast<std::uint8_t>(no ? 0 : yes ? 1 : 2);
  }
}

inline void kleene_or(CU8 a, CU8 b, bool negate_a, std::size_t n, U8 t) {
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint8_t x = negate_a ? static_cast<std::uint8_t>(a[j] < 2 ? a[j] ^ 1 : a[j]) : a[j];
    const bool yes = x == 1 || b[j] == 1, no = x == 0 && b[j] == 0;
    t[j] = static_cast<std::uint8_t>(yes ? 1 : no ? 0 : 2);
  }
}

inline std::uint8_t flag_of(const Slot& s, std::size_t j) {
  return s.uniform >= 0 ? static_cast<std::uint8_t>(s.uniform) : s.f[j];
}

// After a loop that wrote each element's flags: the slot is uniform when they agree.
inline void settle(Slot& o, std::size_t n) {
  if (o.uniform >= 0 || n == 0) return;
  const std::uint8_t first = o.f[0];
  std::uint8_t differ = 0;
  for (std::size_t j = 1; j < n; ++j) differ |= static_cast<std::uint8_t>(o.f[j] ^ first);
  if (differ == 0) o.uniform = first;
}


}  // namespace cchc::rules::kernels
