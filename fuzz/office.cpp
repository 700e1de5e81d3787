// SPDX-License-Identifier: MIT
// The Word and Excel readers: any bytes give an imported report (with its coverage) or an error,
// within the limits (zip bombs, deep or malformed XML); an imported report round-trips through
// JSON and checks without failing.
#include <cchc/json.hpp>
#include <cchc/office_import.hpp>
#include <cchc/rules.hpp>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cchc::RuleSet rules = cchc::RuleSet::builtin(cchc::builtin_catalog());
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  cchc::TextLimits limits;
  limits.max_bytes = 4u << 20;  // keeps a bomb's work small; the check is the same
  auto imported = cchc::import_office(bytes, cchc::builtin_catalog(), limits);
  if (!imported) return 0;
  const cchc::Report& report = imported->report;
  auto again = cchc::report_from_json(cchc::report_to_json(report), cchc::builtin_catalog());
  if (!again || !(*again == report)) cchc::fuzz::broken("an imported report does not round-trip");
  (void)cchc::check_imported(*imported);
  if (!rules.check(report)) cchc::fuzz::broken("an imported report failed to check");
  return 0;
}
