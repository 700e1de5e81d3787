// SPDX-License-Identifier: MIT
// Checks a report with the built-in rules, one rule written in the rule language, and one
// written in C++.
//
//   custom_rule [report.json]
#include <iostream>

#include <cchc/cchc.hpp>

int main(int argc, char** argv) {
  auto report = cchc::load_report(argc > 1 ? argv[1] : CCHC_EXAMPLE_REPORT);
  if (!report) {
    std::cerr << report.error().describe() << '\n';
    return 2;
  }
  cchc::RuleSet rules = cchc::RuleSet::builtin(report->catalog_ptr());

  // A rule in the rule language (docs/rules.md): compiled once, type-checked, rows resolved.
  auto added = rules.add_source(R"rules(
    rule my.on-time-tasks {
      severity warning
      check pct(B1:4.2, B1:4.1) >= 80
      vi "Chỉ {pct(B1:4.2, B1:4.1)}% nhiệm vụ hoàn thành đúng hạn ({B1:4.2}/{B1:4.1})"
      en "Only {pct(B1:4.2, B1:4.1)}% of tasks were completed on time ({B1:4.2}/{B1:4.1})"
    })rules", "my.rules");
  if (!added) {
    std::cerr << added.error().describe() << '\n';  // my.rules:line:column: why
    return 2;
  }

  // A rule in C++, over a read-only typed view of the report.
  auto custom = rules.add_custom({"my.meetings-need-participants", cchc::Severity::warning,
                                  "a dialogue has participants",
                                  [](const cchc::ReportView& view) {
                                    std::vector<cchc::Finding> out;
                                    const auto meetings = view.get<cchc::Pair>("B3:3.3");
                                    if (meetings && meetings->first().get() > 0 &&
                                        meetings->second().get() == 0) {
                                      cchc::Finding f;
                                      f.rows = {view.row("B3:3.3")};
                                      f.message_vi = "Có cuộc đối thoại nhưng không có người tham gia";
                                      f.message_en = "Dialogues were held without participants";
                                      out.push_back(std::move(f));
                                    }
                                    return out;
                                  }});
  if (!custom) {
    std::cerr << custom.error().describe() << '\n';
    return 2;
  }

  const auto findings = rules.check(*report).value();
  std::cout << cchc::findings_to_text(findings, cchc::Language::en);
  return cchc::has_errors(findings) ? 1 : 0;
}
