// SPDX-License-Identifier: MIT
// Vietnamese number text and value cells: any text parses or gives an error; what parses keeps
// its text as written, reads back the same, and formats to text that parses to the same number.
#include <cchc/number.hpp>
#include <cchc/value.hpp>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cchc::fuzz::Input in(data, size);
  const std::uint8_t options = in.byte();
  const cchc::NumberSyntax syntax{(options & 1) != 0, (options & 2) != 0, (options & 4) != 0,
                                  (options & 8) != 0};
  const std::string_view text = in.rest();

  if (auto d = cchc::parse_decimal(text, syntax)) {
    const std::string written = cchc::format_decimal(*d);
    auto back = cchc::parse_decimal(written);
    if (!back || !(*back == *d) || back->scale != d->scale)
      cchc::fuzz::broken("format_decimal does not read back");
  }
  const cchc::CodeList codes{{{1, "một", "one"}, {2, "hai", "two"}, {3, "ba", "three"}}};
  for (auto kind : {cchc::Kind::heading, cchc::Kind::count, cchc::Kind::percent,
                    cchc::Kind::yes_no, cchc::Kind::code, cchc::Kind::pair, cchc::Kind::money}) {
    auto v = cchc::parse_value(text, kind, codes);
    if (!v) continue;
    auto again = cchc::parse_value(cchc::text_of(*v), kind, codes);
    if (!again || !cchc::same_as_written(*v, *again))
      cchc::fuzz::broken("a value's text does not read back as the same value");
  }
  return 0;
}
