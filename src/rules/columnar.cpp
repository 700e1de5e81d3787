// SPDX-License-Identifier: MIT
#include "columnar.hpp"

#include <algorithm>
#include <array>
#include <functional>

#include <gsl/assert>

#include "interval.hpp"

namespace cchc::rules {
namespace {

using detail::BatchChunk;
using detail::Column;
constexpr std::size_t B = column_block;

// State bits of a number or condition. A value is `VAL`; without it the node has no value
// (a blank, a ratio over zero). `UNDEC`: this evaluator cannot tell, the exact one must.
enum : std::uint8_t { VAL = 1, LO_OPEN = 2, HI_OPEN = 4, UNDEC = 8 };
constexpr std::uint8_t OPEN = LO_OPEN | HI_OPEN;

// A reported percentage with k ≤ 2 decimals stands for [u − ½, u + ½) × 10^-k: in units of
// 10^-3 both ends are integers.
constexpr int percent_scale = 3;
constexpr int percent_max_decimals = percent_scale - 1;

__extension__ typedef __int128 i128;

// 10^0 .. 10^18, inline: the hot loops scale by these.
constexpr std::array<std::int64_t, 19> p10 = [] {
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

bool mul_ok(std::int64_t a, std::int64_t b, std::int64_t& r) { return !__builtin_mul_overflow(a, b, &r); }
bool add_ok(std::int64_t a, std::int64_t b, std::int64_t& r) { return !__builtin_add_overflow(a, b, &r); }

struct Num {
  std::int64_t lo, hi, den;
  std::uint8_t f;
  [[nodiscard]] bool exact() const { return lo == hi && (f & OPEN) == 0; }
};

std::uint8_t swap_open(std::uint8_t f) {
  return static_cast<std::uint8_t>((f & ~OPEN) | ((f & LO_OPEN) ? HI_OPEN : 0) | ((f & HI_OPEN) ? LO_OPEN : 0));
}

// a + b with both in scale k already; false on overflow.
bool add_num(const Num& a, const Num& b, Num& r) {
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

bool rescale(Num& a, int from, int to) {
  if (from == to) return true;
  const std::int64_t p = ten_to(to - from);
  return mul_ok(a.lo, p, a.lo) && mul_ok(a.hi, p, a.hi);
}

bool neg_num(const Num& a, Num& r) {
  if (a.lo == INT64_MIN || a.hi == INT64_MIN) return false;
  r = {-a.hi, -a.lo, a.den, swap_open(a.f)};
  return true;
}

// The interval product, as the tree evaluator forms it (interval.hpp's mul).
bool mul_num(const Num& a, const Num& b, Num& r) {
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
bool widen(std::int64_t x, std::int64_t m1, int e, i128& out) {
  const i128 r = static_cast<i128>(x) * m1;
  return !__builtin_mul_overflow(r, static_cast<i128>(ten_to(e)), &out);
}

}  // namespace

struct ColumnScratch::Slots {
  std::vector<Slot> slot;
  std::array<std::int64_t, B> num, sec;
  std::array<std::uint8_t, B> blank, zero, skip;
  // Each row's numbers decoded once per block, for every rule that reads them.
  const BatchChunk* block_chunk = nullptr;
  std::size_t block_i0 = 0;
  std::uint32_t block = 0;
  std::vector<std::uint32_t> decoded;  // per row: the block its numbers were decoded for
  std::vector<std::int64_t> numbers;   // per row, B numbers
  std::vector<std::pair<std::int64_t, std::unique_ptr<std::array<std::int64_t, B>>>> literals;

  const std::int64_t* row_numbers(const BatchChunk& chunk, std::uint32_t row, std::size_t i0,
                                  std::size_t n) {
    if (&chunk != block_chunk || i0 != block_i0) {
      block_chunk = &chunk, block_i0 = i0;
      if (++block == 0) std::fill(decoded.begin(), decoded.end(), 0u), block = 1;
    }
    if (decoded.size() < chunk.columns.size()) {
      decoded.resize(chunk.columns.size(), 0);
      numbers.resize(chunk.columns.size() * B);
    }
    std::int64_t* out = numbers.data() + std::size_t{row} * B;
    if (decoded[row] != block) {
      chunk.columns[row].numbers.decode(i0, n, out);
      decoded[row] = block;
    }
    return out;
  }
  const std::int64_t* literal(std::int64_t v) {
    for (const auto& [value, array] : literals)
      if (value == v) return array->data();
    auto array = std::make_unique<std::array<std::int64_t, B>>();
    array->fill(v);
    literals.emplace_back(v, std::move(array));
    return literals.back().second->data();
  }
};

ColumnScratch::ColumnScratch() : slots(std::make_unique<Slots>()) {}
ColumnScratch::~ColumnScratch() = default;
ColumnScratch::ColumnScratch(ColumnScratch&&) noexcept = default;
ColumnScratch& ColumnScratch::operator=(ColumnScratch&&) noexcept = default;

ColumnProgram::ColumnProgram(const CompiledRule& rule, const Catalog& catalog) : rule_(&rule) {
  const std::uint32_t first = rule.check_first;
  for (std::uint32_t i = first; i <= rule.check; ++i) {
    const Node& n = rule.nodes[i];
    Instr in;
    in.op = n.op;
    for (const auto a : n.args) {
      Expects(a >= first && a < i);
      in.args.push_back(a - first);
    }
    auto arg = [&](std::size_t k) -> const Instr& { return code_[in.args[k]]; };
    auto any_den = [&] {
      return std::any_of(in.args.begin(), in.args.end(), [&](auto a) { return code_[a].den; });
    };
    auto max_k = [&] {
      int k = 0;
      for (const auto a : in.args) k = std::max(k, code_[a].k);
      return k;
    };
    switch (n.op) {
      case Op::literal:
        in.literal = n.decimal.units;
        in.k = n.decimal.scale;
        break;
      case Op::boolean: in.truth = n.truth; break;
      case Op::row:
        in.row = n.row.index;
        in.kind = catalog.row(n.row).kind;
        in.k = in.kind == Kind::percent ? percent_scale : 0;
        break;
      case Op::present:
      case Op::absent: in.row = n.row.index; break;
      case Op::neg:
        in.k = arg(0).k;
        in.den = arg(0).den;
        break;
      case Op::add:
      case Op::sub:
      case Op::sum:
        in.k = max_k();
        in.den = any_den();
        break;
      case Op::mul:
        in.k = arg(0).k + arg(1).k;
        in.den = any_den();
        break;
      case Op::div:
      case Op::pct:
        in.k = arg(0).k;
        in.den = true;
        if (arg(1).k > Decimal::max_digits) always_exact_ = true;
        break;
      case Op::in_set: in.set = n.set; break;
      default: break;
    }
    switch (n.op) {
      case Op::literal:
      case Op::first:
      case Op::second: in.point = true; break;
      case Op::row: in.point = in.kind != Kind::percent && in.kind != Kind::pair; break;
      case Op::neg:
      case Op::add:
      case Op::sub:
      case Op::sum:
      case Op::mul:
        in.point = !in.den && std::all_of(in.args.begin(), in.args.end(),
                                          [&](auto a) { return code_[a].point; });
        break;
      default: break;
    }
    if (in.k > Decimal::max_digits) always_exact_ = true;
    code_.push_back(std::move(in));
  }
  for (const RowId r : rule.policy_rows) policy_rows_.push_back(r.index);
}

namespace {

bool is_condition(Op op) {
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
void compare_points(CI64 a, CI64 b, std::size_t n, U8 t, Cmp cmp) {
  for (std::size_t j = 0; j < n; ++j) t[j] = static_cast<std::uint8_t>(cmp(a[j], b[j]));
}

// a OP c for a constant c.
template <class Cmp>
void compare_points_to(CI64 a, std::int64_t c, std::size_t n, U8 t, Cmp cmp) {
  for (std::size_t j = 0; j < n; ++j) t[j] = static_cast<std::uint8_t>(cmp(a[j], c));
}

template <class F>
void with_comparison(Op op, F f) {
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
void compare_intervals(CI64 alo, CI64 ahi, CI64 blo, CI64 bhi, std::uint8_t fa, std::uint8_t fb,
                       std::size_t n, U8 t) {
  const bool alc = !(fa & LO_OPEN), ahc = !(fa & HI_OPEN);
  const bool blc = !(fb & LO_OPEN), bhc = !(fb & HI_OPEN);
  for (std::size_t j = 0; j < n; ++j) {
    const BasicInterval<std::int64_t> x{alo[j], ahi[j], alc, ahc};
    const BasicInterval<std::int64_t> y{blo[j], bhi[j], blc, bhc};
    t[j] = static_cast<std::uint8_t>(interval::compare(op, x, y));
  }
}

void compare_intervals(Op op, CI64 alo, CI64 ahi, CI64 blo, CI64 bhi, std::uint8_t fa,
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
bool scale_all(CI64 x, std::int64_t m, std::size_t n, I64 out) {
  bool overflow = false;
  for (std::size_t j = 0; j < n; ++j) overflow |= __builtin_mul_overflow(x[j], m, &out[j]);
  return !overflow;
}

// acc += x · m for every element, false if one overflows.
bool add_scaled(CI64 x, std::int64_t m, std::size_t n, I64 acc) {
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
void kleene_not(CU8 a, std::size_t n, U8 t) {
  for (std::size_t j = 0; j < n; ++j) t[j] = static_cast<std::uint8_t>(a[j] < 2 ? a[j] ^ 1 : a[j]);
}

void kleene_and(CU8 a, CU8 b, bool negate_a, std::size_t n, U8 t) {
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint8_t x = negate_a ? static_cast<std::uint8_t>(a[j] < 2 ? a[j] ^ 1 : a[j]) : a[j];
    const bool no = x == 0 || b[j] == 0, yes = x == 1 && b[j] == 1;
    t[j] = static_cast<std::uint8_t>(no ? 0 : yes ? 1 : 2);
  }
}

void kleene_or(CU8 a, CU8 b, bool negate_a, std::size_t n, U8 t) {
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint8_t x = negate_a ? static_cast<std::uint8_t>(a[j] < 2 ? a[j] ^ 1 : a[j]) : a[j];
    const bool yes = x == 1 || b[j] == 1, no = x == 0 && b[j] == 0;
    t[j] = static_cast<std::uint8_t>(yes ? 1 : no ? 0 : 2);
  }
}

}  // namespace

std::uint8_t flag_of(const Slot& s, std::size_t j) {
  return s.uniform >= 0 ? static_cast<std::uint8_t>(s.uniform) : s.f[j];
}

// After a loop that wrote each element's flags: the slot is uniform when they agree.
void settle(Slot& o, std::size_t n) {
  if (o.uniform >= 0 || n == 0) return;
  const std::uint8_t first = o.f[0];
  std::uint8_t differ = 0;
  for (std::size_t j = 1; j < n; ++j) differ |= static_cast<std::uint8_t>(o.f[j] ^ first);
  if (differ == 0) o.uniform = first;
}

void ColumnProgram::run(const BatchChunk& chunk, std::size_t i0, std::size_t n,
                        ColumnScratch& scratch, Verdict* out) const {
  Expects(n <= B && i0 + n <= chunk.size);
  auto& S = *scratch.slots;
  if (S.slot.size() < code_.size()) S.slot.resize(code_.size());

  // The missing policy first: which reports skip the rule, and where blanks count as zero.
  bool any_blank = false;
  for (const auto r : policy_rows_) any_blank |= !chunk.columns[r].states.all(CellState::reported);
  if (!any_blank) {
    std::fill_n(S.skip.begin(), n, 0);
    std::fill_n(S.zero.begin(), n, 0);
  } else {
    std::fill_n(S.blank.begin(), n, 0);
    for (const auto r : policy_rows_) {
      const auto& states = chunk.columns[r].states;
      if (states.all(CellState::reported)) continue;
      for (std::size_t j = 0; j < n; ++j)
        S.blank[j] = static_cast<std::uint8_t>(S.blank[j] + (states.get(i0 + j) != CellState::reported));
    }
    const auto rows = policy_rows_.size();
    for (std::size_t j = 0; j < n; ++j) {
      switch (rule_->missing) {
        case MissingPolicy::zero: S.skip[j] = 0, S.zero[j] = 1; break;
        case MissingPolicy::skip_any: S.skip[j] = S.blank[j] > 0, S.zero[j] = 0; break;
        case MissingPolicy::skip_all:
          S.skip[j] = rows > 0 && S.blank[j] == rows;
          S.zero[j] = rows > 0 && S.blank[j] > 0;
          break;
      }
    }
  }
  if (always_exact_) {
    for (std::size_t j = 0; j < n; ++j) out[j] = S.skip[j] ? Verdict::skip : Verdict::undecided;
    return;
  }

  for (std::size_t idx = 0; idx < code_.size(); ++idx) {
    const Instr& in = code_[idx];
    Slot& o = S.slot[idx];
    o.uniform = -1;
    o.view = o.lo.data();
    auto flag = [&](std::uint32_t a, std::size_t j) -> std::uint8_t {
      return flag_of(S.slot[a], j);
    };
    // Plain: every element a closed value (numbers) or a decided condition.
    auto plain = [&](std::uint32_t a) {
      return S.slot[a].uniform == (is_condition(code_[a].op) ? 0 : VAL);
    };
    auto set_plain = [&] { o.uniform = is_condition(in.op) ? 0 : VAL; };
    auto num = [&](std::size_t a, std::size_t j) {
      const std::uint32_t arg = in.args[a];
      const Slot& s = S.slot[arg];
      const Instr& ai = code_[arg];
      return Num{s.view[j], ai.point ? s.view[j] : s.hi[j], ai.den ? s.den[j] : 1, flag(arg, j)};
    };
    auto put = [&](std::size_t j, const Num& v) {
      o.lo[j] = v.lo, o.hi[j] = v.hi, o.f[j] = v.f;
      if (in.den) o.den[j] = v.den;
    };
    bool args_trivial = true;  // every operand plain
    bool args_valued = true;   // every operand has a value, decided, in every element
    for (const auto a : in.args) {
      args_trivial = args_trivial && plain(a);
      const int u = S.slot[a].uniform;
      args_valued = args_valued && u >= 0 && (u & UNDEC) == 0 && (is_condition(code_[a].op) || (u & VAL));
    }
    // No value when an operand has none, whatever the others (a condition is then unknown);
    // else undecided when one is. A condition's flags are written, a number's only on failure.
    auto operand_gate = [&](std::size_t j, bool condition) -> bool {
      if (condition) o.f[j] = 0;
      if (args_valued) return true;
      std::uint8_t undec = 0;
      for (const auto a : in.args) {
        const std::uint8_t f = flag(a, j);
        if ((f & (VAL | UNDEC)) == 0) {
          if (condition) o.t[j] = static_cast<std::uint8_t>(Tri::unknown);
          else o.f[j] = 0;
          return false;
        }
        undec |= f & UNDEC;
      }
      if (undec) {
        o.f[j] = UNDEC;
        return false;
      }
      return true;
    };
    auto gate = [&](std::size_t j) { return operand_gate(j, false); };
    auto truth_gate = [&](std::size_t j) { return operand_gate(j, true); };
    switch (in.op) {
      case Op::literal:
        o.view = S.literal(in.literal);
        if (in.den) std::fill_n(o.den.begin(), n, 1);
        set_plain();
        break;
      case Op::boolean:
        std::fill_n(o.t.begin(), n, static_cast<std::uint8_t>(in.truth ? Tri::yes : Tri::no));
        set_plain();
        break;
      case Op::row: {
        const Column& c = chunk.columns[in.row];
        const bool all = c.states.all(CellState::reported);
        const std::int64_t* numbers = S.row_numbers(chunk, in.row, i0, n);
        if (in.point) {
          if (all) {
            o.view = numbers;
            set_plain();
            break;
          }
          for (std::size_t j = 0; j < n; ++j) {
            if (c.states.get(i0 + j) == CellState::reported) {
              o.lo[j] = numbers[j];
              o.f[j] = VAL;
            } else {
              o.lo[j] = 0;
              o.f[j] = S.zero[j] ? VAL : 0;
            }
          }
          break;
        }
        std::copy_n(numbers, n, S.num.begin());
        if (in.kind == Kind::percent && all && c.scales.empty() && c.scale <= percent_max_decimals) {
          // Every cell reported with the same decimals: u stands for [10u − 5, 10u + 5) · m.
          const std::int64_t m = ten_to(percent_max_decimals - c.scale);
          bool overflow = false;
          for (std::size_t j = 0; j < n; ++j) {
            std::int64_t u;
            overflow |= __builtin_mul_overflow(S.num[j], 10, &u);
            overflow |= __builtin_mul_overflow(u - 5, m, &o.lo[j]);
            overflow |= __builtin_mul_overflow(u + 5, m, &o.hi[j]);
          }
          if (!overflow) {
            o.uniform = VAL | HI_OPEN;
            break;
          }
        }
        if (in.kind == Kind::pair) c.seconds.decode(i0, n, S.sec.data());
        for (std::size_t j = 0; j < n; ++j) {
          if (!all && c.states.get(i0 + j) != CellState::reported) {
            o.lo[j] = o.hi[j] = 0;
            o.f[j] = S.zero[j] ? VAL : 0;
            continue;
          }
          o.f[j] = VAL;
          if (in.kind == Kind::pair) {
            o.lo[j] = S.num[j], o.hi[j] = S.sec[j];
          } else {  // a percent
            const int s = c.scale_at(i0 + j);
            std::int64_t u;
            if (s > percent_max_decimals || !mul_ok(S.num[j], 10, u) ||
                !mul_ok(u - 5, ten_to(percent_max_decimals - s), o.lo[j]) ||
                !mul_ok(u + 5, ten_to(percent_max_decimals - s), o.hi[j]))
              o.f[j] = UNDEC;
            else
              o.f[j] = VAL | HI_OPEN;
          }
        }
        break;
      }
      case Op::present:
      case Op::absent: {
        const auto& states = chunk.columns[in.row].states;
        const bool want = in.op == Op::present;
        set_plain();
        if (states.bits.empty()) {
          const bool reported = states.uniform == CellState::reported;
          std::fill_n(o.t.begin(), n, static_cast<std::uint8_t>(reported == want ? Tri::yes : Tri::no));
          break;
        }
        for (std::size_t j = 0; j < n; ++j) {
          const bool reported = states.get(i0 + j) == CellState::reported;
          o.t[j] = static_cast<std::uint8_t>(reported == want ? Tri::yes : Tri::no);
        }
        break;
      }
      case Op::first:
      case Op::second: {
        const Slot& p = S.slot[in.args[0]];
        o.view = in.op == Op::first ? p.view : p.hi.data();
        if (args_trivial) {
          set_plain();
          break;
        }
        for (std::size_t j = 0; j < n; ++j)
          if (gate(j)) o.f[j] = VAL;
        break;
      }
      case Op::neg:
        for (std::size_t j = 0; j < n; ++j) {
          if (!gate(j)) continue;
          Num r{};
          if (neg_num(num(0, j), r)) put(j, r);
          else o.f[j] = UNDEC;
        }
        break;
      case Op::add:
      case Op::sub:
      case Op::sum: {
        if (in.point && args_trivial) {
          // Plain integers: one pass per operand, overflow noted for the block.
          bool ok = true;
          for (std::size_t a = 0; a < in.args.size() && ok; ++a) {
            const std::int64_t* x = S.slot[in.args[a]].view;
            const std::int64_t m = (in.op == Op::sub && a == 1 ? -1 : 1) *
                                   ten_to(in.k - code_[in.args[a]].k);
            ok = a == 0 ? scale_all(x, m, n, o.lo.data()) : add_scaled(x, m, n, o.lo.data());
          }
          if (ok) {
            set_plain();
            break;
          }
        }
        for (std::size_t j = 0; j < n; ++j) {
          if (!gate(j)) continue;
          Num total{0, 0, 1, VAL};
          bool ok = true;
          for (std::size_t a = 0; a < in.args.size() && ok; ++a) {
            Num x = num(a, j);
            ok = rescale(x, code_[in.args[a]].k, in.k);
            if (ok && in.op == Op::sub && a == 1) ok = neg_num(x, x);
            Num sum{};
            ok = ok && add_num(total, x, sum);
            total = sum;
          }
          if (ok) put(j, total);
          else o.f[j] = UNDEC;
        }
        break;
      }
      case Op::mul:
        for (std::size_t j = 0; j < n; ++j) {
          if (!gate(j)) continue;
          Num r{};
          if (mul_num(num(0, j), num(1, j), r)) put(j, r);
          else o.f[j] = UNDEC;
        }
        break;
      case Op::div:
      case Op::pct: {
        const int kb = code_[in.args[1]].k;
        for (std::size_t j = 0; j < n; ++j) {
          if (!gate(j)) continue;
          const Num a = num(0, j), b = num(1, j);
          if (!b.exact()) {
            o.f[j] = UNDEC;  // a divisor that is an interval: the exact evaluator's
            continue;
          }
          if (b.lo == 0) {
            o.f[j] = 0;  // no value over a zero whole
            continue;
          }
          // (a.lo / a.den) / (b.lo / b.den) · 10^kb, in a's scale.
          std::int64_t m = 0, lo = 0, hi = 0, den = 0;
          bool ok = mul_ok(b.den, ten_to(kb), m) && (in.op == Op::div || mul_ok(m, 100, m)) &&
                    mul_ok(a.lo, m, lo) && mul_ok(a.hi, m, hi) && mul_ok(a.den, b.lo, den) &&
                    den != INT64_MIN;
          if (!ok) {
            o.f[j] = UNDEC;
            continue;
          }
          Num r{lo, hi, den, a.f};
          if (den < 0 && !neg_num(Num{lo, hi, -den, a.f}, r)) {
            o.f[j] = UNDEC;
            continue;
          }
          put(j, r);
        }
        break;
      }
      case Op::eq:
      case Op::ne:
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge: {
        const Instr& ia = code_[in.args[0]];
        const Instr& ib = code_[in.args[1]];
        const int ka = ia.k, kb = ib.k, k = std::max(ka, kb);
        if (ia.point && ib.point && args_trivial) {
          // Plain integers: scale the one with fewer decimals, then one comparison each.
          const std::int64_t* x = S.slot[in.args[0]].view;
          const std::int64_t* y = S.slot[in.args[1]].view;
          std::int64_t c = 0;  // b when it is a literal, in scale k
          const bool constant = ib.op == Op::literal && mul_ok(ib.literal, ten_to(k - kb), c);
          bool ok = true;
          if (ka != k) ok = scale_all(x, ten_to(k - ka), n, S.num.data()), x = S.num.data();
          if (kb != k && ok && !constant)
            ok = scale_all(y, ten_to(k - kb), n, S.sec.data()), y = S.sec.data();
          if (ok) {
            std::uint8_t* t = o.t.data();
            if (constant)
              with_comparison(in.op, [&](auto cmp) { compare_points_to(x, c, n, t, cmp); });
            else
              with_comparison(in.op, [&](auto cmp) { compare_points(x, y, n, t, cmp); });
            set_plain();
            break;
          }
        }
        if (!ia.den && !ib.den && args_valued) {
          // Intervals with the same closure in every element, no denominators: 64-bit ends.
          const Slot& sa = S.slot[in.args[0]];
          const Slot& sb = S.slot[in.args[1]];
          const auto fa = static_cast<std::uint8_t>(sa.uniform);
          const auto fb = static_cast<std::uint8_t>(sb.uniform);
          const std::int64_t* alo = sa.view;
          const std::int64_t* ahi = ia.point ? sa.view : sa.hi.data();
          const std::int64_t* blo = sb.view;
          const std::int64_t* bhi = ib.point ? sb.view : sb.hi.data();
          bool ok = true;
          // Scaled copies go to the scratch rows: a's ends to num/sec, b's to the output slot.
          if (ka != k) {
            ok = scale_all(alo, ten_to(k - ka), n, S.num.data()) &&
                 scale_all(ahi, ten_to(k - ka), n, S.sec.data());
            alo = S.num.data(), ahi = S.sec.data();
          }
          std::int64_t c = 0;
          if (kb != k && ok && ib.op == Op::literal && mul_ok(ib.literal, ten_to(k - kb), c)) {
            blo = bhi = S.literal(c);  // a literal, scaled once
          } else if (kb != k && ok) {
            ok = scale_all(blo, ten_to(k - kb), n, o.lo.data()) &&
                 scale_all(bhi, ten_to(k - kb), n, o.hi.data());
            blo = o.lo.data(), bhi = o.hi.data();
          }
          if (ok) {
            compare_intervals(in.op, alo, ahi, blo, bhi, fa, fb, n, o.t.data());
            o.uniform = 0;
            break;
          }
        }
        for (std::size_t j = 0; j < n; ++j) {
          if (!truth_gate(j)) continue;
          const Num a = num(0, j), b = num(1, j);
          BasicInterval<i128> x, y;
          const bool ok = widen(a.lo, b.den, k - ka, x.lo) && widen(a.hi, b.den, k - ka, x.hi) &&
                          widen(b.lo, a.den, k - kb, y.lo) && widen(b.hi, a.den, k - kb, y.hi);
          if (!ok) {
            o.f[j] = UNDEC;
            continue;
          }
          x.lo_closed = !(a.f & LO_OPEN), x.hi_closed = !(a.f & HI_OPEN);
          y.lo_closed = !(b.f & LO_OPEN), y.hi_closed = !(b.f & HI_OPEN);
          o.t[j] = static_cast<std::uint8_t>(interval::compare(in.op, x, y));
        }
        break;
      }
      case Op::in_set: {
        const int ka = code_[in.args[0]].k;
        for (std::size_t j = 0; j < n; ++j) {
          if (!truth_gate(j)) continue;
          const Num a = num(0, j);
          if (!a.exact()) {
            o.t[j] = static_cast<std::uint8_t>(Tri::unknown);
            continue;
          }
          bool member = false, ok = true;
          for (const auto c : in.set) {
            i128 v;
            ok = ok && widen(c, a.den, ka, v);
            member = member || (ok && v == a.lo);
          }
          if (!ok) o.f[j] = UNDEC;
          else o.t[j] = static_cast<std::uint8_t>(member ? Tri::yes : Tri::no);
        }
        break;
      }
      case Op::not_: {
        const Slot& a = S.slot[in.args[0]];
        kleene_not(a.t.data(), n, o.t.data());
        if (a.uniform >= 0) o.uniform = a.uniform & UNDEC;
        else
          for (std::size_t j = 0; j < n; ++j) o.f[j] = a.f[j] & UNDEC;
        break;
      }
      case Op::and_:
      case Op::or_:
      case Op::implies: {
        const Slot& a = S.slot[in.args[0]];
        const Slot& b = S.slot[in.args[1]];
        if (args_trivial) {
          // "if x then y" is "not x or y".
          if (in.op == Op::and_) kleene_and(a.t.data(), b.t.data(), false, n, o.t.data());
          else kleene_or(a.t.data(), b.t.data(), in.op == Op::implies, n, o.t.data());
          set_plain();
          break;
        }
        // A side that is decided can decide alone: "no and ?" is no, "yes or ?" is yes.
        const Tri decisive = in.op == Op::and_ ? Tri::no : Tri::yes;
        for (std::size_t j = 0; j < n; ++j) {
          Tri x = static_cast<Tri>(a.t[j]);
          if (in.op == Op::implies) x = interval::kleene_not(x);
          const Tri y = static_cast<Tri>(b.t[j]);
          const bool ux = flag(in.args[0], j) & UNDEC, uy = flag(in.args[1], j) & UNDEC;
          if ((!ux && x == decisive) || (!uy && y == decisive)) {
            o.t[j] = static_cast<std::uint8_t>(decisive), o.f[j] = 0;
          } else if (ux || uy) {
            o.f[j] = UNDEC;
          } else {
            o.t[j] = static_cast<std::uint8_t>(in.op == Op::and_ ? interval::kleene_and(x, y)
                                                                 : interval::kleene_or(x, y));
            o.f[j] = 0;
          }
        }
        break;
      }
    }
    settle(o, n);
  }

  const Slot& r = S.slot[code_.size() - 1];
  constexpr auto no = static_cast<std::uint8_t>(Tri::no);
  const bool decided = r.uniform >= 0 && (r.uniform & UNDEC) == 0;
  if (decided && !any_blank) {
    [](CU8 t, std::size_t count, Verdict* __restrict v) {
      for (std::size_t j = 0; j < count; ++j) v[j] = t[j] == no ? Verdict::fail : Verdict::pass;
    }(r.t.data(), n, out);
    return;
  }
  for (std::size_t j = 0; j < n; ++j)
    out[j] = S.skip[j]                           ? Verdict::skip
             : (!decided && (flag_of(r, j) & UNDEC)) ? Verdict::undecided
             : r.t[j] == no                     ? Verdict::fail
                                                : Verdict::pass;
}

}  // namespace cchc::rules
