// SPDX-License-Identifier: MIT
// JSON Lines into a batch: any bytes give reports or skipped lines, never a crash; every report
// read comes back from the batch as it was read (a line written again reads the same).
#include <cchc/batch_input.hpp>
#include <cchc/json.hpp>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  cchc::Batch batch(cchc::builtin_catalog());
  auto read = cchc::read_jsonl(text, batch, "fuzz.jsonl");
  if (!read) cchc::fuzz::broken("read_jsonl failed as a whole");
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const cchc::Report r = batch.report(i);
    const std::string line = cchc::report_to_json_line(r);
    auto again = cchc::report_from_json(line, cchc::builtin_catalog());
    if (!again) cchc::fuzz::broken("a report from the batch does not import");
    if (cchc::report_to_json_line(*again) != line) cchc::fuzz::broken("the round trip is not stable");
  }
  return 0;
}
