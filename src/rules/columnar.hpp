// SPDX-License-Identifier: MIT
// Internal: a compiled rule lowered to a program over columns.
//
// The tree of a CompiledRule is evaluated node by node over a block of reports at once: each
// node's values for the block are arrays (interval ends as 64-bit integers in a fixed decimal
// scale per node, a positive denominator where a division is below, state bits), so the work per
// node is a loop without lookups or allocation. The semantics are the tree evaluator's
// (interval.hpp is shared); where a value does not fit this representation (an overflow, a
// percentage with more than two decimals, a division by an interval) the report is marked
// undecided for the rule, and the caller asks the exact evaluator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "batch/chunk.hpp"
#include "program.hpp"

namespace cchc::rules {

/// What one rule says about one report.
enum class Verdict : std::uint8_t { pass, fail, skip, undecided };

/// Reports evaluated together: the arrays of one node fit the L1/L2 caches.
inline constexpr std::size_t column_block = 256;

struct ColumnScratch;

class ColumnProgram {
 public:
  ColumnProgram(const CompiledRule& rule, const Catalog& catalog);

  /// Verdicts for reports i0..i0+n of `chunk` (n <= column_block) into out[0..n).
  void run(const detail::BatchChunk& chunk, std::size_t i0, std::size_t n, ColumnScratch& scratch,
           Verdict* out) const;

  [[nodiscard]] const CompiledRule& rule() const noexcept { return *rule_; }

  /// True when each column the rule reads holds one cell for the whole chunk (one number, one
  /// state, one scale: a constant vector, as column engines say). A verdict depends only on those
  /// cells, so every report of the chunk then has the verdict of the first.
  [[nodiscard]] bool uniform_in(const detail::BatchChunk& chunk) const noexcept;

  struct Instr {
    Op op = Op::literal;
    Kind kind = Kind::heading;  // Op::row
    std::uint32_t row = 0;      // Op::row, present, absent
    int k = 0;                  // decimal scale of a number's ends
    bool den = false;           // numbers: a denominator other than 1 is possible
    bool point = false;         // numbers: always a single value (lo == hi, closed): hi is not stored
    std::vector<std::uint32_t> args;
    std::int64_t literal = 0;
    bool truth = false;
    std::vector<std::int64_t> set;
  };

 private:
  const CompiledRule* rule_;
  std::vector<Instr> code_;  // one per node of the check's subtree, children first
  std::vector<std::uint32_t> policy_rows_;
  std::vector<std::uint32_t> read_rows_;  // every row the check reads
  bool always_exact_ = false;  // a scale past 10^18: no block can be decided here
};

/// Per-thread working memory for ColumnProgram::run.
struct ColumnScratch {
  ColumnScratch();
  ~ColumnScratch();
  ColumnScratch(ColumnScratch&&) noexcept;
  ColumnScratch& operator=(ColumnScratch&&) noexcept;
  struct Slots;
  std::unique_ptr<Slots> slots;
};

}  // namespace cchc::rules
