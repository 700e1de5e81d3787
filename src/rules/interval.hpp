// SPDX-License-Identifier: MIT
// Internal: the semantics of numbers as intervals and of three-valued conditions, shared by the
// tree evaluator (evaluate.cpp) and the columnar one (columnar.cpp), so that the two cannot
// disagree. Num is Rational, Fraction, or a 128-bit integer (the columnar comparisons).
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>

#include "program.hpp"

namespace cchc::rules {

enum class Tri : std::uint8_t { no, yes, unknown };

template <class Num>
struct BasicInterval {
  Num lo, hi;
  bool lo_closed = true, hi_closed = true;
  [[nodiscard]] bool exact() const { return lo == hi && lo_closed && hi_closed; }
  [[nodiscard]] static BasicInterval point(Num v) { return {v, v, true, true}; }
};

namespace interval {

inline Tri tri(bool necessary, bool possible) {
  if (necessary) return Tri::yes;
  if (!possible) return Tri::no;
  return Tri::unknown;
}

inline Tri kleene_not(Tri t) {
  return t == Tri::yes ? Tri::no : t == Tri::no ? Tri::yes : Tri::unknown;
}
inline Tri kleene_and(Tri a, Tri b) {
  if (a == Tri::no || b == Tri::no) return Tri::no;
  if (a == Tri::yes && b == Tri::yes) return Tri::yes;
  return Tri::unknown;
}
inline Tri kleene_or(Tri a, Tri b) { return kleene_not(kleene_and(kleene_not(a), kleene_not(b))); }

template <class Num>
using I = BasicInterval<Num>;

template <class Num>
I<Num> neg(const I<Num>& a) { return {-a.hi, -a.lo, a.hi_closed, a.lo_closed}; }

template <class Num>
I<Num> add(const I<Num>& a, const I<Num>& b) {
  return {a.lo + b.lo, a.hi + b.hi, a.lo_closed && b.lo_closed, a.hi_closed && b.hi_closed};
}

// Products of intervals. Where an end's openness is not worth tracking, the end is taken closed:
// a wider interval can only make a check more lenient, never invent a finding.
template <class Num>
I<Num> mul(const I<Num>& a, const I<Num>& b) {
  if (b.exact()) {
    if (b.lo >= Num(0)) return {a.lo * b.lo, a.hi * b.lo, a.lo_closed, a.hi_closed};
    return {a.hi * b.lo, a.lo * b.lo, a.hi_closed, a.lo_closed};
  }
  if (a.exact()) return mul(b, a);
  const Num p[] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
  return {*std::min_element(std::begin(p), std::end(p)), *std::max_element(std::begin(p), std::end(p)),
          true, true};
}

template <class Num>
bool contains_zero(const I<Num>& b) {
  const Num zero(0);
  const bool above = b.lo > zero || (b.lo == zero && !b.lo_closed);
  const bool below = b.hi < zero || (b.hi == zero && !b.hi_closed);
  return !above && !below;
}

template <class Num>
std::optional<I<Num>> div(const I<Num>& a, const I<Num>& b) {
  if (contains_zero(b)) return std::nullopt;
  if (b.exact()) return mul(a, I<Num>::point(Num(1) / b.lo));
  return mul(a, I<Num>{Num(1) / b.hi, Num(1) / b.lo, true, true});
}

// a < b for some / for all values.
template <class Num>
bool possible_lt(const I<Num>& a, const I<Num>& b) { return a.lo < b.hi; }
template <class Num>
bool necessary_lt(const I<Num>& a, const I<Num>& b) {
  return a.hi < b.lo || (a.hi == b.lo && (!a.hi_closed || !b.lo_closed));
}
template <class Num>
bool possible_le(const I<Num>& a, const I<Num>& b) {
  return a.lo < b.hi || (a.lo == b.hi && a.lo_closed && b.hi_closed);
}
template <class Num>
bool necessary_le(const I<Num>& a, const I<Num>& b) { return a.hi <= b.lo; }
template <class Num>
bool possible_eq(const I<Num>& a, const I<Num>& b) {
  // The intervals meet.
  const bool a_lo_max = a.lo > b.lo || (a.lo == b.lo && !a.lo_closed);
  const Num& lo = a_lo_max ? a.lo : b.lo;
  const bool lo_closed = a.lo == b.lo ? (a.lo_closed && b.lo_closed) : (a_lo_max ? a.lo_closed : b.lo_closed);
  const bool a_hi_min = a.hi < b.hi || (a.hi == b.hi && !a.hi_closed);
  const Num& hi = a_hi_min ? a.hi : b.hi;
  const bool hi_closed = a.hi == b.hi ? (a.hi_closed && b.hi_closed) : (a_hi_min ? a.hi_closed : b.hi_closed);
  return lo < hi || (lo == hi && lo_closed && hi_closed);
}
template <class Num>
bool necessary_eq(const I<Num>& a, const I<Num>& b) {
  return a.exact() && b.exact() && a.lo == b.lo;
}

template <class Num>
Tri compare(Op op, const I<Num>& a, const I<Num>& b) {
  switch (op) {
    case Op::eq: return tri(necessary_eq(a, b), possible_eq(a, b));
    case Op::ne: return tri(!possible_eq(a, b), !necessary_eq(a, b));
    case Op::lt: return tri(necessary_lt(a, b), possible_lt(a, b));
    case Op::le: return tri(necessary_le(a, b), possible_le(a, b));
    case Op::gt: return tri(necessary_lt(b, a), possible_lt(b, a));
    case Op::ge: return tri(necessary_le(b, a), possible_le(b, a));
    default: return Tri::unknown;
  }
}

}  // namespace interval
}  // namespace cchc::rules
