// SPDX-License-Identifier: MIT
#include <iostream>

#include <cchc/cchc.hpp>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  auto report = cchc::load_report(argv[1]);
  if (!report) {
    std::cerr << report.error().describe() << '\n';
    return 2;
  }
  const auto findings = cchc::RuleSet::builtin(report->catalog_ptr()).check(*report).value();
  std::cout << "C++: " << findings.size() << " findings\n";
  return 0;
}
