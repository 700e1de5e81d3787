// SPDX-License-Identifier: MIT
// The positional path of a scan: any words, at any places on any pages (negative, huge, in any
// order, overlapping, empty), in any table columns, lay out into text the reader reads, or
// rejects with an error, without failing; import_words() cleans them (codes put back from the
// forms' order among them) and reads them the same way; the imported reports survive a JSON
// round trip.
#include <cchc/json.hpp>
#include <cchc/scan.hpp>
#include <cchc/text_import.hpp>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cchc::fuzz::Input in(data, size);
  std::vector<cchc::OcrWord> words;
  while (!in.empty() && words.size() < 2000) {
    cchc::OcrWord w;
    w.text = std::string(in.text(24));
    w.page = static_cast<std::size_t>(in.pick(4));
    w.left = static_cast<int>(in.int64() % 5000);
    w.top = static_cast<int>(in.int64() % 7000);
    w.right = w.left + static_cast<int>(in.int64() % 800);
    w.bottom = w.top + static_cast<int>(in.int64() % 200);
    w.confidence = static_cast<float>(in.pick(101));
    w.column = static_cast<int>(in.pick(7)) - 1;
    w.table_column = w.column < 0 ? -1 : static_cast<int>(in.pick(5));
    words.push_back(std::move(w));
  }
  const auto round_trips = [](const cchc::Report& r) {
    auto again = cchc::report_from_json(cchc::report_to_json(r), cchc::builtin_catalog());
    if (!again || !(*again == r)) cchc::fuzz::broken("a laid-out scan does not round-trip");
  };
  if (auto imported = cchc::import_text(cchc::lay_out_words(words))) round_trips(imported->report);
  if (auto imported = cchc::import_words(std::move(words))) round_trips(imported->report);
  return 0;
}
