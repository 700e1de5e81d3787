// SPDX-License-Identifier: MIT
// Citations, dates and periods in narrative text: any text gives citations (possibly none) whose
// parts come from the text; dates and periods parse or are refused.
#include <cchc/document.hpp>
#include <cchc/period.hpp>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& c : cchc::find_citations(text)) {
    if (c.number.empty() && c.symbol.empty() && c.type_word.empty())
      cchc::fuzz::broken("an empty citation");
    if (c.date && !c.date_valid) cchc::fuzz::broken("an invalid date was kept");
  }
  bool valid = true;
  if (auto d = cchc::parse_vi_date(text, &valid)) {
    auto back = cchc::parse_vi_date(cchc::format_vi_date(*d));
    if (!back || *back != *d) cchc::fuzz::broken("format_vi_date does not read back");
  }
  if (auto d = cchc::parse_iso_date(text)) {
    auto back = cchc::parse_iso_date(cchc::format_iso_date(*d));
    if (!back || *back != *d) cchc::fuzz::broken("format_iso_date does not read back");
  }
  if (auto p = cchc::parse_period_vi(text)) {
    (void)cchc::data_window(*p);
    (void)cchc::next_period(*p);
    (void)cchc::earliest_report_date(*p);
  }
  return 0;
}
