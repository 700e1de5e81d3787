// SPDX-License-Identifier: MIT
// The text importer: any bytes give an imported report (with its coverage) or an error; an
// imported report survives a JSON round trip and checks without failing.
#include <cchc/json.hpp>
#include <cchc/output.hpp>
#include <cchc/rules.hpp>
#include <cchc/text_import.hpp>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cchc::RuleSet rules = cchc::RuleSet::builtin(cchc::builtin_catalog());
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto imported = cchc::import_text(text);
  if (!imported) return 0;
  const cchc::Report& report = imported->report;
  auto again = cchc::report_from_json(cchc::report_to_json(report), cchc::builtin_catalog());
  if (!again || !(*again == report)) cchc::fuzz::broken("an imported report does not round-trip");
  (void)cchc::check_imported(*imported);
  (void)cchc::coverage_to_text(imported->coverage, cchc::Language::en);
  if (!rules.check(report)) cchc::fuzz::broken("an imported report failed to check");
  return 0;
}
