// SPDX-License-Identifier: MIT
// Internal: evaluates a compiled rule against a report.
//
// Numbers are intervals: a reported percentage with k decimals stands for the values that round
// to it, everything else is exact. Conditions are three-valued (Kleene): a comparison is `yes`
// when it holds for every value in the intervals, `no` when it holds for none, and `unknown`
// otherwise or when an operand has no value (a ratio over 0). A check fails only on `no`.
#pragma once

#include <optional>
#include <vector>

#include "cchc/report.hpp"
#include "fraction.hpp"
#include "interval.hpp"
#include "program.hpp"

namespace cchc::rules {

template <class Num>
struct BasicVal {
  enum class State : std::uint8_t { value, absent, undefined };
  State state = State::value;
  BasicInterval<Num> num;     ///< numeric kinds, codes and yes/no as exact integers
  Num nominal;                ///< the value as written (a sum of written percentages: 200)
  Tri truth = Tri::unknown;   ///< booleans
  std::int64_t first = 0, second = 0;  ///< pairs
  [[nodiscard]] bool has_value() const { return state == State::value; }
};

/// Evaluation of one rule on one report, with numbers of type Num: Rational (exact, any size,
/// keeps every node's value for explaining a failure) or Fraction (exact while the figures fit
/// 64 bits, throws Fraction::Overflow otherwise; no allocation, for the fast path).
template <class Num>
class BasicEvaluation {
 public:
  using Val = BasicVal<Num>;
  /// Node values go into `scratch`, which must hold rule.nodes.size() values.
  /// `earlier` is the report prev() reads (a cross-period rule); without one prev() is blank.
  BasicEvaluation(const CompiledRule& rule, const Report& report, bool blanks_are_zero,
                  Val* scratch, const Report* earlier = nullptr)
      : rule_(rule), report_(report), earlier_(earlier), zero_(blanks_are_zero), vals_(scratch) {}
  /// Evaluates `node` and, first, everything below it.
  const Val& eval(std::uint32_t node);
  /// Evaluates nodes first..last in order: children precede their parents in a compiled rule,
  /// so a contiguous subtree needs no recursion.
  const Val& run(std::uint32_t first, std::uint32_t last);
  [[nodiscard]] const Val& value(std::uint32_t node) const { return vals_[node]; }

 private:
  const Val& compute(std::uint32_t node);  // its children already evaluated
  void row_value(const Report& report, RowId row, Val& out) const;
  const CompiledRule& rule_;
  const Report& report_;
  const Report* earlier_;
  bool zero_;
  Val* vals_;
};

using Interval = BasicInterval<Rational>;
using Val = BasicVal<Rational>;

/// The exact evaluation, owning its node values.
class Evaluation : public BasicEvaluation<Rational> {
 public:
  Evaluation(const CompiledRule& rule, const Report& report, bool blanks_are_zero,
             const Report* earlier = nullptr)
      : Evaluation(rule, report, blanks_are_zero, std::vector<Val>(rule.nodes.size()), earlier) {}

 private:
  Evaluation(const CompiledRule& rule, const Report& report, bool zero, std::vector<Val> vals,
             const Report* earlier)
      : BasicEvaluation(rule, report, zero, vals.data(), earlier), storage_(std::move(vals)) {}
  std::vector<Val> storage_;  // a vector's buffer does not move when the vector does
};

/// The fast evaluation's truth for a rule's check, or nullopt when a figure outgrew 64 bits (the
/// caller then evaluates exactly). `scratch` is reused from rule to rule.
[[nodiscard]] std::optional<Tri> fast_check(const CompiledRule& rule, const Report& report,
                                            bool blanks_are_zero,
                                            std::vector<BasicVal<Fraction>>& scratch,
                                            const Report* earlier = nullptr);

/// Writes a value for people, as written or computed: "33,33", "200", "—" for no value.
[[nodiscard]] std::string format_val(const Val& v, Type type);
/// "[33,25; 33,35)", or the number when the interval is a point.
[[nodiscard]] std::string format_interval(const Interval& i);
/// One end of an interval: "199", "33,25".
[[nodiscard]] std::string format_bound(const Rational& r);

/// The exact value of `v` written as a value of `kind`, in the precision of `current` when that
/// is a reported percentage; nullopt when it has no such value (not exact, not whole, …).
[[nodiscard]] std::optional<std::string> format_for_row(const Val& v, Kind kind,
                                                        const Value& current);

/// The same for the fast evaluator's values, through their exact Rational equivalents.
[[nodiscard]] Val to_rational(const BasicVal<Fraction>& v);
[[nodiscard]] inline std::string format_val(const BasicVal<Fraction>& v, Type type) {
  return format_val(to_rational(v), type);
}
[[nodiscard]] inline std::string format_interval(const BasicInterval<Fraction>& i) {
  BasicVal<Fraction> v;
  v.num = i;
  return format_interval(to_rational(v).num);
}
[[nodiscard]] inline std::string format_bound(const Fraction& f) {
  return format_bound(Rational(f.numerator(), f.denominator()));
}
[[nodiscard]] inline std::optional<std::string> format_for_row(const BasicVal<Fraction>& v,
                                                               Kind kind, const Value& current) {
  return format_for_row(to_rational(v), kind, current);
}

}  // namespace cchc::rules
