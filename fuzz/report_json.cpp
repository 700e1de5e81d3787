// SPDX-License-Identifier: MIT
// JSON report import: any bytes give a report or an error; a report read survives
// export∘import unchanged (the exactness promise: a round trip loses nothing).
#include <cchc/json.hpp>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto report = cchc::report_from_json(text, cchc::builtin_catalog());
  if (!report) return 0;
  const std::string once = cchc::report_to_json(*report);
  auto again = cchc::report_from_json(once, cchc::builtin_catalog());
  if (!again) cchc::fuzz::broken("an exported report does not import");
  if (!(*again == *report)) cchc::fuzz::broken("export then import changed the report");
  if (cchc::report_to_json(*again) != once) cchc::fuzz::broken("export is not stable");
  return 0;
}
