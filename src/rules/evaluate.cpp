// SPDX-License-Identifier: MIT
#include "evaluate.hpp"

#include <algorithm>
#include <type_traits>

#include <fmt/format.h>

namespace cchc::rules {
namespace {

using namespace interval;

// units × 10^-scale.
template <class Num>
Num decimal(const Decimal& d) {
  if constexpr (std::is_same_v<Num, Fraction>) return Fraction::of(d.units, pow10(d.scale));
  else return d.to_rational();
}

std::string format_number(const Rational& r, bool exact) {
  // Exact values to two decimals at most; interval ends to three, so "[33,25; 33,35)" shows.
  const int max = exact ? 2 : 3;
  auto d = round_to_decimal(r, max);
  if (!d) return "?";
  while (d->scale > 0 && d->units % 10 == 0) {
    d->units /= 10;
    --d->scale;
  }
  return format_decimal(*d);
}

}  // namespace

template <class Num>
void BasicEvaluation<Num>::row_value(const Report& report, RowId row, Val& out) const {
  const Cell cell = report.cell(row);
  out.state = Val::State::value;
  auto set_exact = [&](std::int64_t n) {
    out.num = I<Num>::point(Num(n));
    out.nominal = Num(n);
  };
  if (!cell.reported()) {
    if (zero_) {
      set_exact(0);  // pairs: both halves stay 0
      out.first = out.second = 0;
    } else {
      out.state = Val::State::absent;
    }
    return;
  }
  const Kind kind = report.catalog().row(row).kind;
  if (kind == Kind::pair) {
    out.first = cell.number;
    out.second = cell.second;
    return;
  }
  if (kind != Kind::percent) return set_exact(cell.number);  // count, money, yes/no, code
  const Decimal d{cell.number, cell.scale};
  if constexpr (std::is_same_v<Num, Fraction>) {
    // [(2u − 1) / 2·10^s; (2u + 1) / 2·10^s): |u| < 10^18, so 2u ± 1 fits.
    const std::int64_t den = 2 * pow10(d.scale);
    out.num = {Fraction::of(2 * d.units - 1, den), Fraction::of(2 * d.units + 1, den), true,
               false};
    out.nominal = Fraction::of(d.units, pow10(d.scale));
  } else {
    const Num written = d.to_rational();
    const Num half_ulp = Num(1) / Num(2 * pow10(d.scale));
    out.num = {written - half_ulp, written + half_ulp, true, false};
    out.nominal = written;
  }
}

template <class Num>
const BasicVal<Num>& BasicEvaluation<Num>::eval(std::uint32_t i) {
  for (const auto a : rule_.nodes[i].args) eval(a);
  return compute(i);
}

template <class Num>
const BasicVal<Num>& BasicEvaluation<Num>::run(std::uint32_t first, std::uint32_t last) {
  for (std::uint32_t i = first; i < last; ++i) compute(i);
  return compute(last);
}

template <class Num>
const BasicVal<Num>& BasicEvaluation<Num>::compute(std::uint32_t i) {
  const Node& n = rule_.nodes[i];
  Val& out = vals_[i];
  auto arg = [&](std::size_t k) -> const Val& { return vals_[n.args[k]]; };
  // Fields are set in place: a node's value is never built whole and copied, and a field a node's
  // type does not use is never read.
  auto set_truth = [&](Tri t) {
    out.state = Val::State::value;
    out.truth = t;
  };
  auto set_number = [&](I<Num> interval, Num nominal) {
    out.state = Val::State::value;
    out.num = std::move(interval);
    out.nominal = std::move(nominal);
  };
  auto set_exact = [&](Num v) { set_number(I<Num>::point(v), v); };
  auto set_undefined = [&] { out.state = Val::State::undefined; };
  switch (n.op) {
    case Op::literal:
      if constexpr (std::is_same_v<Num, Rational>) set_exact(n.value);
      else set_exact(decimal<Num>(n.decimal));
      break;
    case Op::boolean: set_truth(n.truth ? Tri::yes : Tri::no); break;
    case Op::row: row_value(report_, n.row, out); break;
    case Op::prev:
      if (earlier_ != nullptr) row_value(*earlier_, n.row, out);
      else out.state = Val::State::absent;
      break;
    case Op::present:
    case Op::absent: {
      const bool blank = report_.blank(n.row);
      set_truth((n.op == Op::present) != blank ? Tri::yes : Tri::no);
      break;
    }
    case Op::first:
    case Op::second: {
      const Val& p = arg(0);
      if (p.has_value()) set_exact(Num(n.op == Op::first ? p.first : p.second));
      else set_undefined();
      break;
    }
    case Op::neg: {
      const Val& a = arg(0);
      if (a.has_value()) set_number(neg(a.num), -a.nominal);
      else set_undefined();
      break;
    }
    case Op::add:
    case Op::sub:
    case Op::mul:
    case Op::div: {
      const Val& a = arg(0);
      const Val& b = arg(1);
      if (!a.has_value() || !b.has_value()) {
        set_undefined();
        break;
      }
      if (n.op == Op::add) set_number(add(a.num, b.num), a.nominal + b.nominal);
      else if (n.op == Op::sub) set_number(add(a.num, neg(b.num)), a.nominal - b.nominal);
      else if (n.op == Op::mul) set_number(mul(a.num, b.num), a.nominal * b.nominal);
      else if (auto q = div(a.num, b.num); q && b.nominal != Num(0))
        set_number(std::move(*q), a.nominal / b.nominal);
      else set_undefined();
      break;
    }
    case Op::sum: {
      I<Num> total = I<Num>::point(Num(0));
      Num nominal(0);
      bool defined = true;
      for (std::size_t k = 0; k < n.args.size(); ++k) {
        const Val& a = arg(k);
        if (!a.has_value()) {
          defined = false;
        } else {
          total = add(total, a.num);
          nominal += a.nominal;
        }
      }
      if (defined) set_number(std::move(total), std::move(nominal));
      else set_undefined();
      break;
    }
    case Op::pct: {
      const Val& a = arg(0);
      const Val& b = arg(1);
      if (!a.has_value() || !b.has_value()) {
        set_undefined();
        break;
      }
      auto q = div(a.num, b.num);  // no value over a zero whole
      if (q && b.nominal != Num(0))
        set_number(mul(*q, I<Num>::point(Num(100))), a.nominal * Num(100) / b.nominal);
      else
        set_undefined();
      break;
    }
    case Op::eq:
    case Op::ne:
    case Op::lt:
    case Op::le:
    case Op::gt:
    case Op::ge: {
      const Val& a = arg(0);
      const Val& b = arg(1);
      set_truth((a.has_value() && b.has_value()) ? compare(n.op, a.num, b.num) : Tri::unknown);
      break;
    }
    case Op::in_set: {
      const Val& a = arg(0);
      if (!a.has_value() || !a.num.exact()) {
        set_truth(Tri::unknown);
        break;
      }
      bool member = false;
      for (auto c : n.set) member = member || a.num.lo == Num(c);
      set_truth(member ? Tri::yes : Tri::no);
      break;
    }
    case Op::not_: set_truth(kleene_not(arg(0).truth)); break;
    case Op::and_: {
      const Tri a = arg(0).truth;
      // Both sides are evaluated, so that an explanation can see every part.
      set_truth(kleene_and(a, arg(1).truth));
      break;
    }
    case Op::or_: {
      const Tri a = arg(0).truth;
      set_truth(kleene_or(a, arg(1).truth));
      break;
    }
    case Op::implies: {
      const Tri c = arg(0).truth;
      set_truth(kleene_or(kleene_not(c), arg(1).truth));
      break;
    }
  }
  return out;
}

template class BasicEvaluation<Rational>;
template class BasicEvaluation<Fraction>;

std::optional<Tri> fast_check(const CompiledRule& rule, const Report& report, bool blanks_are_zero,
                              std::vector<BasicVal<Fraction>>& scratch, const Report* earlier) {
  if (scratch.size() < rule.nodes.size()) scratch.resize(rule.nodes.size());
  try {
    return BasicEvaluation<Fraction>(rule, report, blanks_are_zero, scratch.data(), earlier)
        .run(rule.check_first, rule.check)
        .truth;
  } catch (const Fraction::Overflow&) {
    return std::nullopt;
  }
}

Val to_rational(const BasicVal<Fraction>& v) {
  auto r = [](const Fraction& f) { return Rational(f.numerator(), f.denominator()); };
  Val out;
  out.state = static_cast<Val::State>(v.state);
  out.num = {r(v.num.lo), r(v.num.hi), v.num.lo_closed, v.num.hi_closed};
  out.nominal = r(v.nominal);
  out.truth = v.truth;
  out.first = v.first;
  out.second = v.second;
  return out;
}

std::string format_val(const Val& v, Type type) {
  if (!v.has_value()) return "—";
  if (type == Type::boolean) return v.truth == Tri::yes ? "đúng" : v.truth == Tri::no ? "sai" : "?";
  if (type == Type::pair) return fmt::format("{}/{}", v.first, v.second);
  return format_number(v.nominal, true);
}

std::string format_interval(const Interval& i) {
  if (i.exact()) return format_number(i.lo, true);
  return fmt::format("{}{}; {}{}", i.lo_closed ? "[" : "(", format_number(i.lo, false),
                     format_number(i.hi, false), i.hi_closed ? "]" : ")");
}

std::string format_bound(const Rational& r) { return format_number(r, false); }

std::optional<std::string> format_for_row(const Val& v, Kind kind, const Value& current) {
  if (!v.has_value() || !v.num.exact()) return std::nullopt;
  const Rational& r = v.num.lo;
  switch (kind) {
    case Kind::count:
    case Kind::money:
    case Kind::yes_no:
    case Kind::code: {
      if (denominator(r) != 1) return std::nullopt;
      const BigInt n = numerator(r);
      if (n > BigInt(INT64_MAX) || n < BigInt(INT64_MIN)) return std::nullopt;
      const auto i = n.convert_to<std::int64_t>();
      return kind == Kind::count || kind == Kind::money ? format_integer(i) : std::to_string(i);
    }
    case Kind::percent: {
      if (const auto* p = std::get_if<Percent>(&current)) return format_rational(r, p->decimals());
      return format_number(r, true);
    }
    default: return std::nullopt;
  }
}

}  // namespace cchc::rules
