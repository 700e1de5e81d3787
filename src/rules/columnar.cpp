// SPDX-License-Identifier: MIT
// Running column programs (columnar.hpp) over a chunk, block by block; lowering a rule to one
// is column_lowering.cpp's, the kernels and slots are column_kernels.hpp's.
#include "columnar.hpp"

#include <algorithm>
#include <array>
#include <functional>

#include <gsl/assert>

#include "column_kernels.hpp"
#include "interval.hpp"

namespace cchc::rules {

using namespace kernels;  // NOLINT: the vocabulary of this file

struct ColumnScratch::Slots {
  std::vector<Slot> slot;
  std::array<std::int64_t, B> num, sec;
  std::array<std::uint8_t, B> blank, zero, skip;
  // Each row's numbers decoded once per block, for every rule that reads them. A block is its
  // chunk, first report and length: a chunk's uniform rules run on its first report alone.
  const BatchChunk* block_chunk = nullptr;
  std::size_t block_i0 = 0;
  std::size_t block_n = 0;
  std::uint32_t block = 0;
  std::vector<std::uint32_t> decoded;  // per row: the block its numbers were decoded for
  std::vector<std::int64_t> numbers;   // per row, B numbers
  std::vector<std::pair<std::int64_t, std::unique_ptr<std::array<std::int64_t, B>>>> literals;

  const std::int64_t* row_numbers(const BatchChunk& chunk, std::uint32_t row, std::size_t i0,
                                  std::size_t n) {
    if (&chunk != block_chunk || i0 != block_i0 || n != block_n) {
      block_chunk = &chunk, block_i0 = i0, block_n = n;
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

void ColumnProgram::run(const BatchChunk& chunk, std::size_t i0, std::size_t n,
                        ColumnScratch& scratch, Verdict* out) const {
  Expects(n <= B && i0 + n <= chunk.size);
  if (rule_->history) {
    // A rule that compares periods has no earlier report in a batch.
    std::fill_n(out, n, Verdict::skip);
    return;
  }
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
      case Op::prev: break;  // rules that read prev() never get here (run() skips them)
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
