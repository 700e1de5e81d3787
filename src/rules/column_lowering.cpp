// SPDX-License-Identifier: MIT
// Lowering: a compiled rule's tree becomes a column program, once per rule set and batch
// (columnar.hpp). Running the program is columnar.cpp's.
#include <algorithm>

#include <gsl/assert>

#include "column_kernels.hpp"
#include "columnar.hpp"

namespace cchc::rules {

using namespace kernels;  // NOLINT: the vocabulary of this file

ColumnProgram::ColumnProgram(const CompiledRule& rule, const Catalog& catalog) : rule_(&rule) {
  if (rule.history) return;  // never run over columns (run() skips it)
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
  for (const RowId r : rule.rows) read_rows_.push_back(r.index);
  for (const std::uint32_t r : policy_rows_)
    if (std::find(read_rows_.begin(), read_rows_.end(), r) == read_rows_.end()) read_rows_.push_back(r);
}

bool ColumnProgram::uniform_in(const detail::BatchChunk& chunk) const noexcept {
  return std::all_of(read_rows_.begin(), read_rows_.end(), [&](std::uint32_t r) {
    const detail::Column& c = chunk.columns[r];
    return c.numbers.width == 0 && c.seconds.width == 0 && c.states.bits.empty() &&
           c.scales.empty();
  });
}

}  // namespace cchc::rules
