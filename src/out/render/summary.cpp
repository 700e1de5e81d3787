// SPDX-License-Identifier: MIT
// A batch check's summary as a table model: the rules' counts, and the totals, for the same
// writers as a report.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "cchc/render.hpp"
#include "out/render/words.hpp"

namespace cchc {
namespace {

TableValue count_value(std::size_t n) {
  TableValue v;
  v.cell = {static_cast<std::int64_t>(n), 0, 0, CellState::reported};
  v.kind = Kind::count;
  v.text = canonical_text(v.cell, v.kind);
  return v;
}

// The share failed, to one decimal; blank for a rule evaluated on no report.
TableValue share_failed(const RuleSummary& s) {
  TableValue v;
  v.kind = Kind::percent;
  const auto p = Percent::of(Count(static_cast<std::int64_t>(s.failed)), Count(static_cast<std::int64_t>(s.evaluated)), 1);
  if (!p) return v;
  v.cell = to_cell(Value(*p));
  v.text = canonical_text(v.cell, v.kind);
  return v;
}

}  // namespace

TableDocument summary_table_model(std::span<const RuleSummary> summary, const SummaryTotals& totals,
                                  const RuleSet* rules, Language lang) {
  const bool vi = lang == Language::vi;
  const auto& words = detail::document::words(lang);
  TableDocument doc;
  doc.lang = lang;
  doc.title = vi ? "TỔNG HỢP KẾT QUẢ KIỂM TRA" : "CHECK SUMMARY";
  doc.subtitle = vi ? fmt::format("{} báo cáo: {} có lỗi, {} có phát hiện", format_integer(static_cast<std::int64_t>(totals.reports)),
                                  format_integer(static_cast<std::int64_t>(totals.with_errors)),
                                  format_integer(static_cast<std::int64_t>(totals.with_findings)))
                    : fmt::format("{} reports: {} with errors, {} with findings", format_integer(static_cast<std::int64_t>(totals.reports)),
                                  format_integer(static_cast<std::int64_t>(totals.with_errors)),
                                  format_integer(static_cast<std::int64_t>(totals.with_findings)));
  if (rules) {
    doc.catalog = fmt::format("{} {}", rules->catalog().id(), rules->catalog().version());
    doc.metadata.catalog_id = rules->catalog().id();
    doc.metadata.catalog_version = rules->catalog().version();
  }
  doc.columns = {vi ? "TT" : "No.", vi ? "Luật kiểm tra" : "Rule", vi ? "Mức độ" : "Severity",
                 vi ? "Đã xét" : "Evaluated", vi ? "Đạt" : "Passed", vi ? "Không đạt" : "Failed",
                 vi ? "Bỏ qua" : "Skipped", vi ? "Tỷ lệ không đạt (%)" : "Failed (%)"};

  std::map<std::string_view, const RuleInfo*> info_of;
  const std::vector<RuleInfo> infos = rules ? rules->rules() : std::vector<RuleInfo>{};
  for (const RuleInfo& info : infos) info_of.emplace(info.id, &info);

  TableForm by_rule;
  by_rule.number = 1;
  by_rule.label = vi ? "Bảng 1" : "Table 1";
  by_rule.title = vi ? "Theo luật kiểm tra" : "By rule";
  for (std::size_t i = 0; i < summary.size(); ++i) {
    const RuleSummary& s = summary[i];
    TableRow r;
    r.address = s.rule_id;
    r.code = std::to_string(i + 1);
    r.label = s.rule_id;
    if (const auto it = info_of.find(s.rule_id); it != info_of.end())
      r.description = vi || it->second->message_en.empty() ? it->second->message_vi : it->second->message_en;
    r.unit = words.severity(s.severity);
    const TableValue evaluated = count_value(s.evaluated);
    r.kind = evaluated.kind;
    r.cell = evaluated.cell;
    r.value = evaluated.text;
    r.extra = {count_value(s.passed), count_value(s.failed), count_value(s.skipped), share_failed(s)};
    by_rule.rows.push_back(std::move(r));
  }
  doc.forms.push_back(std::move(by_rule));

  TableForm total;
  total.number = 2;
  total.label = vi ? "Bảng 2" : "Table 2";
  total.title = vi ? "Tổng cộng" : "Totals";
  total.columns = {vi ? "TT" : "No.", vi ? "Nội dung" : "Item", vi ? "Đơn vị tính" : "Unit",
                   vi ? "Số lượng" : "Number"};
  const std::pair<std::string_view, std::size_t> lines[] = {
      {vi ? "Báo cáo đã kiểm tra" : "Reports checked", totals.reports},
      {vi ? "Không có phát hiện" : "With no finding", totals.reports - std::min(totals.reports, totals.with_findings)},
      {vi ? "Có phát hiện" : "With findings", totals.with_findings},
      {vi ? "Có lỗi" : "With errors", totals.with_errors},
      {vi ? "Không đọc được" : "Unreadable", totals.unreadable},
  };
  for (std::size_t i = 0; i < std::size(lines); ++i) {
    TableRow r;
    r.code = std::to_string(i + 1);
    r.label = lines[i].first;
    r.unit = vi ? "báo cáo" : "reports";
    const TableValue v = count_value(lines[i].second);
    r.kind = v.kind;
    r.cell = v.cell;
    r.value = v.text;
    total.rows.push_back(std::move(r));
  }
  doc.forms.push_back(std::move(total));
  return doc;
}

TableDocument summary_table_model(const BatchResult& result, const RuleSet* rules, Language lang) {
  SummaryTotals totals;
  totals.reports = result.reports.empty() ? result.checked : result.reports.size();
  totals.with_findings = result.failed_reports();
  for (const ReportStatus& s : result.reports) totals.with_errors += s.errors > 0 ? 1 : 0;
  return summary_table_model(result.rules, totals, rules, lang);
}

}  // namespace cchc
