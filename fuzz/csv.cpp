// SPDX-License-Identifier: MIT
// CSV into a batch: any bytes give reports, input findings, skipped lines or an error, never a
// crash; and what the columnar engine says of each report read is what the tree evaluator says
// of the same report (issue #13's property, on whatever the fuzzer writes).
#include <map>
#include <set>

#include <cchc/batch_input.hpp>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const auto rules = cchc::RuleSet::builtin(cchc::builtin_catalog());
  cchc::Batch batch(cchc::builtin_catalog());
  auto read = cchc::read_csv(text, batch, {}, "fuzz.csv");
  if (!read) return 0;
  if (read->reports != batch.size()) cchc::fuzz::broken("the summary miscounts the reports");
  if (batch.size() > 64) return 0;  // the tree comparison below is for small inputs
  const auto result = cchc::check_batch(batch, rules).value();
  std::map<std::string, std::size_t> tree;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    std::set<std::string> failing;
    for (const auto& f : rules.check(batch.report(i)).value()) failing.insert(f.rule_id);
    for (const auto& id : failing) ++tree[id];
  }
  for (const auto& s : result.rules) {
    if (s.rule_id == "input.cell") continue;
    const auto it = tree.find(s.rule_id);
    if (s.failed != (it == tree.end() ? 0 : it->second))
      cchc::fuzz::broken("the columnar engine and the tree disagree");
  }
  return 0;
}
