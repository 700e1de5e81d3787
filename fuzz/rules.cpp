// SPDX-License-Identifier: MIT
// The rule-language compiler: any source compiles or gives a located error; whatever compiles
// runs on the example report and on a blank one without failing, with the same findings twice,
// and the 64-bit evaluator agrees with the exact one on every rule it answers (white box: the
// compiled rules come from src/rules/).
#include <cchc/json.hpp>
#include <cchc/output.hpp>
#include <cchc/rules.hpp>

#include "fuzz_input.hpp"
#include "rules/compiler.hpp"
#include "rules/evaluate.hpp"

namespace {

const cchc::Report& example() {
  static const cchc::Report r = cchc::load_report(CCHC_FUZZ_EXAMPLE_REPORT).value();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  auto rules = cchc::RuleSet::compile(source, cchc::builtin_catalog(), "fuzz.rules");
  if (!rules) {
    if (rules.error().where.empty()) cchc::fuzz::broken("a compile error without a place");
    return 0;
  }
  const cchc::Report blank(cchc::builtin_catalog());
  auto compiled = cchc::rules::compile(source, *cchc::builtin_catalog(), "fuzz.rules", {});
  if (!compiled) cchc::fuzz::broken("RuleSet::compile and rules::compile disagree");
  std::vector<cchc::rules::BasicVal<cchc::rules::Fraction>> scratch;
  for (const cchc::Report* r : {&example(), &blank})
    for (const auto& rule : *compiled)
      for (const bool zero : {false, true}) {
        const auto fast = cchc::rules::fast_check(rule, *r, zero, scratch);
        cchc::rules::Evaluation exact(rule, *r, zero);
        if (fast && *fast != exact.eval(rule.check).truth)
          cchc::fuzz::broken("the 64-bit and the exact evaluator disagree");
      }
  for (const cchc::Report* r : {&example(), &blank}) {
    auto first = rules->check(*r);
    if (!first) cchc::fuzz::broken("a compiled rule set failed to check");
    auto second = rules->check(*r);
    if (!second || cchc::findings_to_json(*first) != cchc::findings_to_json(*second))
      cchc::fuzz::broken("checking is not deterministic");
  }
  return 0;
}
