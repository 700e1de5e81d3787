// SPDX-License-Identifier: MIT
// The Word and Excel readers: any bytes give an imported report (with its coverage) or an error,
// within the limits (zip bombs, deep or malformed XML); an imported report round-trips through
// JSON and checks without failing. Mutated zips rarely pass their checksums, so half the inputs
// are packed here instead: the bytes after the first become a Word document's body or an Excel
// sheet, inside a package that is otherwise sound, so the fuzzer reaches the XML and tables.
#include <cchc/json.hpp>
#include <cchc/office_import.hpp>
#include <cchc/rules.hpp>

#include "fuzz_input.hpp"
#include "support/zip.hpp"

namespace {

using cchc::testing::zip_of;

std::string packed(std::uint8_t kind, std::string_view xml) {
  if (kind % 2 == 0) return zip_of({{"word/document.xml", std::string(xml)}});
  return zip_of({{"xl/workbook.xml",
                  R"(<workbook xmlns:r="r"><sheets><sheet name="Biểu mẫu 4" r:id="rId1"/></sheets></workbook>)"},
                 {"xl/_rels/workbook.xml.rels",
                  R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)"},
                 {"xl/worksheets/sheet1.xml", std::string(xml)}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cchc::RuleSet rules = cchc::RuleSet::builtin(cchc::builtin_catalog());
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string built;
  if (size > 0 && data[0] < 0x20 && !bytes.starts_with("PK")) {  // a control byte: pack the rest
    built = packed(data[0], bytes.substr(1));
    bytes = built;
  }
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
