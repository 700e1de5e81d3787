// SPDX-License-Identifier: MIT
// check_batch(): every rule of a set over every report of a batch. Chunks are shared out to
// threads; within a chunk, blocks of reports go through each rule's column program. A report is
// turned back into a Report only where the columns cannot answer alone: a verdict the column
// program leaves undecided, rules written in C++, and the findings the caller asked for.
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "cchc/batch.hpp"
#include "chunk.hpp"
#include "check/stages.hpp"
#include "rules/columnar.hpp"
#include "rules/rule_set_impl.hpp"

namespace cchc {
namespace {

constexpr std::string_view input_rule_id = "input.cell";

void count(ReportStatus& s, Severity severity) {
  switch (severity) {
    case Severity::error: ++s.errors; break;
    case Severity::warning: ++s.warnings; break;
    case Severity::info: ++s.infos; break;
  }
}

struct Counts {
  std::size_t passed = 0, failed = 0, skipped = 0;
};

class Checker {
 public:
  Checker(const Batch& batch, const RuleSet& rules, const BatchCheckOptions& options,
          BatchResult& result)
      : batch_(batch), rules_(rules), compiled_(detail::RuleSetAccess::impl(rules).compiled),
        custom_(detail::RuleSetAccess::impl(rules).custom), options_(options), result_(result) {
    for (const auto& r : compiled_) programs_.emplace_back(*r, batch.catalog());
    for (const auto& f : batch.input_findings()) inputs_[f.report].push_back(&f.finding);
  }

  // The reports of chunk `c`, whose first report is `first`; counts go into `counts`, one per
  // rule of the set.
  void check_chunk(const detail::BatchChunk& chunk, std::size_t first, std::vector<Counts>& counts,
                   rules::ColumnScratch& scratch) const {
    std::array<rules::Verdict, rules::column_block> verdicts{};
    // A rule whose columns each hold one cell in this chunk has one verdict for all its reports:
    // a pass or a skip is counted for the whole chunk at once; anything else (a failure to
    // explain, an undecided verdict) goes report by report below.
    std::vector<std::size_t> varying;
    varying.reserve(programs_.size());
    for (std::size_t p = 0; p < programs_.size(); ++p) {
      if (programs_[p].uniform_in(chunk)) {
        programs_[p].run(chunk, 0, 1, scratch, verdicts.data());
        if (verdicts[0] == rules::Verdict::pass) {
          counts[p].passed += chunk.size;
          continue;
        }
        if (verdicts[0] == rules::Verdict::skip) {
          counts[p].skipped += chunk.size;
          continue;
        }
      }
      varying.push_back(p);
    }
    std::vector<std::optional<Report>> reports(rules::column_block);
    std::vector<std::uint8_t> failing(rules::column_block);
    for (std::size_t i0 = 0; i0 < chunk.size; i0 += rules::column_block) {
      const std::size_t n = std::min(rules::column_block, chunk.size - i0);
      for (auto& r : reports) r.reset();
      std::fill(failing.begin(), failing.end(), 0);
      auto report = [&](std::size_t j) -> const Report& {
        if (!reports[j]) reports[j] = batch_.report(first + i0 + j);
        return *reports[j];
      };
      for (const std::size_t p : varying) {
        programs_[p].run(chunk, i0, n, scratch, verdicts.data());
        const auto& rule = programs_[p].rule();
        // Most verdicts are passes: find that out in one pass without stores, then visit the
        // others.
        std::size_t others = 0;
        for (std::size_t j = 0; j < n; ++j) others += verdicts[j] != rules::Verdict::pass;
        counts[p].passed += n - others;
        if (others == 0) continue;
        for (std::size_t j = 0; j < n; ++j) {
          rules::Verdict v = verdicts[j];
          if (v == rules::Verdict::pass) continue;
          if (v == rules::Verdict::skip) {
            ++counts[p].skipped;
            continue;
          }
          if (v == rules::Verdict::undecided) {
            const auto fails = detail::rule_fails(rule, report(j));
            v = !fails ? rules::Verdict::skip : *fails ? rules::Verdict::fail : rules::Verdict::pass;
            if (v == rules::Verdict::pass) ++counts[p].passed;
            if (v == rules::Verdict::skip) ++counts[p].skipped;
          }
          if (v != rules::Verdict::fail) continue;
          ++counts[p].failed;
          count(result_.reports[first + i0 + j], rule.severity);
          failing[j] = 1;
        }
      }
      for (std::size_t c = 0; c < custom_.size(); ++c) {
        const CustomRule& rule = *custom_[c];
        auto& tally = counts[programs_.size() + c];
        for (std::size_t j = 0; j < n; ++j) {
          std::vector<Finding> found;
          detail::run_custom_rule(rule, ReportView(report(j)), found);
          if (found.empty()) {
            ++tally.passed;
            continue;
          }
          ++tally.failed;
          failing[j] = 1;
          for (const auto& f : found) count(result_.reports[first + i0 + j], f.severity);
        }
      }
      if (options_.on_findings)
        for (std::size_t j = 0; j < n; ++j) {
          const std::size_t index = first + i0 + j;
          const auto input = inputs_.find(index);
          if (!failing[j] && input == inputs_.end()) continue;
          std::vector<Finding> findings;
          (void)detail::append_rule_findings(rules_, report(j), findings);
          if (input != inputs_.end())
            for (const Finding* f : input->second) findings.push_back(*f);
          detail::finish(findings, report(j));
          options_.on_findings(index, findings);
        }
    }
  }

  [[nodiscard]] const std::unordered_map<std::size_t, std::vector<const Finding*>>& inputs() const {
    return inputs_;
  }

 private:
  const Batch& batch_;
  const RuleSet& rules_;
  const std::vector<std::shared_ptr<const rules::CompiledRule>>& compiled_;
  const std::vector<std::shared_ptr<const CustomRule>>& custom_;
  const BatchCheckOptions& options_;
  BatchResult& result_;
  std::vector<rules::ColumnProgram> programs_;
  std::unordered_map<std::size_t, std::vector<const Finding*>> inputs_;
};

}  // namespace

std::size_t BatchResult::failed_reports() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(reports.begin(), reports.end(), [](const ReportStatus& s) { return !s.clean(); }));
}

result<BatchResult> check_batch(const Batch& batch, const RuleSet& rules,
                                const BatchCheckOptions& options) {
  if (!detail::same_catalog(batch.catalog(), rules.catalog()))
    return detail::catalog_mismatch(batch.catalog(), rules.catalog());
  BatchResult result;
  for (const RuleInfo& r : rules.rules()) result.rules.push_back({r.id, r.severity});
  result.reports.resize(batch.size());
  result.checked = batch.size();
  const Checker checker(batch, rules, options, result);
  if (!batch.input_findings().empty()) {
    RuleSummary input{std::string(input_rule_id), Severity::error};
    input.evaluated = batch.size();
    input.failed = checker.inputs().size();
    input.passed = input.evaluated - input.failed;
    for (const auto& f : batch.input_findings()) count(result.reports[f.report], f.finding.severity);
    result.rules.push_back(std::move(input));
  }

  const auto& chunks = detail::BatchAccess::chunks(batch);
  unsigned threads = options.threads != 0 ? options.threads
                                          : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::clamp<std::size_t>(chunks.size(), 1, threads));
  const std::size_t nrules = rules.size();
  std::vector<std::vector<Counts>> counts(threads, std::vector<Counts>(nrules));
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex progress;
  std::exception_ptr failure;
  auto work = [&](unsigned t) {
    rules::ColumnScratch scratch;
    try {
      for (std::size_t c = next++; c < chunks.size(); c = next++) {
        checker.check_chunk(*chunks[c], c * Batch::chunk_reports, counts[t], scratch);
        const std::lock_guard lock(progress);
        done += chunks[c]->size;
        if (options.on_progress) options.on_progress(done);
      }
    } catch (...) {
      const std::lock_guard lock(progress);
      if (!failure) failure = std::current_exception();
      next = chunks.size();
    }
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
  }
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const exception& e) {
      return e.error();
    } catch (const std::exception& e) {
      return make_error(errc::internal, e.what(), e.what());
    }
  }
  for (std::size_t r = 0; r < nrules; ++r) {
    for (const auto& c : counts) {
      result.rules[r].passed += c[r].passed;
      result.rules[r].failed += c[r].failed;
      result.rules[r].skipped += c[r].skipped;
    }
    result.rules[r].evaluated = result.rules[r].passed + result.rules[r].failed;
  }
  return result;
}

void accumulate(BatchResult& total, const BatchResult& part) {
  // A piece without unreadable cells has no input.cell summary, but its reports all passed
  // that rule: counted so, the total does not depend on where a file was cut into pieces.
  const auto find = [](auto& rules, std::string_view id) {
    return std::find_if(rules.begin(), rules.end(),
                        [&](const RuleSummary& r) { return r.rule_id == id; });
  };
  if (find(part.rules, input_rule_id) == part.rules.end())
    if (auto it = find(total.rules, input_rule_id); it != total.rules.end()) {
      it->evaluated += part.checked;
      it->passed += part.checked;
    }
  for (const RuleSummary& p : part.rules) {
    auto it = find(total.rules, p.rule_id);
    if (it == total.rules.end()) {
      total.rules.push_back(p);
      if (p.rule_id == input_rule_id) {  // the reports before it passed it
        total.rules.back().evaluated += total.checked;
        total.rules.back().passed += total.checked;
      }
      continue;
    }
    it->evaluated += p.evaluated;
    it->passed += p.passed;
    it->failed += p.failed;
    it->skipped += p.skipped;
  }
  total.reports.insert(total.reports.end(), part.reports.begin(), part.reports.end());
  total.checked += part.checked;
}

}  // namespace cchc
