// SPDX-License-Identifier: MIT
// JSON catalogue import: any bytes give a valid catalogue or an error; a catalogue read exports
// to JSON that reads back to the same export, and a report on it survives a JSON round trip.
#include <cchc/json.hpp>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto catalog = cchc::catalog_from_json(text);
  if (!catalog) return 0;
  const std::string once = cchc::catalog_to_json(**catalog);
  auto again = cchc::catalog_from_json(once);
  if (!again) cchc::fuzz::broken("an exported catalogue does not import");
  if (cchc::catalog_to_json(**again) != once) cchc::fuzz::broken("catalogue export is not stable");
  const cchc::Report blank(*catalog);
  auto report = cchc::report_from_json(cchc::report_to_json(blank), *catalog);
  if (!report || !(*report == blank)) cchc::fuzz::broken("a blank report does not round-trip");
  return 0;
}
