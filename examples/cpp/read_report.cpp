// SPDX-License-Identifier: MIT
// Reads a report, prints a few of its figures, changes one and writes the report back as JSON.
//
//   read_report [report.json]      (default: the bundled example of Sơn La's Sở KH&CN, Q1/2024)
#include <iostream>

#include <cchc/cchc.hpp>

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : CCHC_EXAMPLE_REPORT;
  auto loaded = cchc::load_report(path);  // checks the JSON against the built-in catalogue
  if (!loaded) {
    std::cerr << loaded.error().describe() << '\n';  // says where: file, line, row
    return 2;
  }
  cchc::Report report = std::move(*loaded);
  const cchc::Catalog& catalog = report.catalog();

  std::cout << report.metadata().agency.name << ", "
            << cchc::label_vi(*report.metadata().period) << '\n';

  // Rows are addressed B<form>:<row>. Values are typed and keep their text as written.
  for (auto address : {"B1:2", "B1:2.1", "B1:2.2", "B4:1.4", "B7:5.1"}) {
    const cchc::Row& row = catalog.row(catalog.lookup(address).value());
    const cchc::Value& value = report.value(row.id);
    std::cout << address << "  " << row.label << ": "
              << (cchc::is_absent(value) ? "(trống / blank)" : cchc::text_of(value)) << '\n';
  }

  // B1:2 is 100 × B1:2.2 / B1:2.1; the report left it blank. Compute it exactly.
  const auto done = std::get<cchc::Count>(report.value("B1:2.2").value());
  const auto planned = std::get<cchc::Count>(report.value("B1:2.1").value());
  if (auto rate = cchc::Percent::of(done, planned, 1)) {
    std::cout << "B1:2 = " << rate->text() << " %\n";
    if (auto set = report.set("B1:2", cchc::Value{*rate}); !set) {
      std::cerr << set.error().describe() << '\n';
      return 2;
    }
  }

  // A figure of the wrong kind is refused with the row named.
  if (auto wrong = report.set_text("B1:2.1", "33,3"); !wrong)
    std::cout << "refused: " << wrong.error().describe() << '\n';

  std::cout << cchc::report_to_json(report).substr(0, 120) << "…\n";
  return 0;
}
