// SPDX-License-Identifier: MIT
#include "cchc/finding.hpp"

#include <algorithm>
#include <array>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "cchc/report.hpp"
#include "enum_names.hpp"
#include "json_writer.hpp"
#include "strings.hpp"

namespace cchc {
namespace {
constexpr detail::NameTable<Severity, 3> severity_names{{
    {Severity::info, "info"},
    {Severity::warning, "warning"},
    {Severity::error, "error"},
}};

std::string_view severity_vi(Severity s) {
  return s == Severity::error ? "lỗi" : s == Severity::warning ? "cảnh báo" : "thông tin";
}
}  // namespace

std::string_view to_string(Severity s) noexcept { return detail::name_of(severity_names, s); }
std::optional<Severity> severity_from_string(std::string_view s) noexcept {
  return detail::value_of(severity_names, s);
}

FindingRow FindingRow::of(const Report& report, RowId row) {
  const Value& v = report.value(row);
  return FindingRow{row, report.catalog().row(row).address(), text_of(v), is_absent(v)};
}

void sort_findings(std::vector<Finding>& findings, const Catalog& catalog) {
  auto first_row = [&](const Finding& f) {
    return f.rows.empty() ? catalog.size() : std::size_t{f.rows.front().row.index};
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    const auto ra = first_row(a), rb = first_row(b);
    if (ra != rb) return ra < rb;
    if (a.line != b.line) return a.line < b.line;
    return a.rule_id < b.rule_id;
  });
}

bool has_errors(std::span<const Finding> findings) noexcept {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::error; });
}

std::string findings_to_json(std::span<const Finding> findings) {
  namespace json = boost::json;
  json::array list;
  std::array<std::size_t, 3> counts{};
  for (const Finding& f : findings) {
    ++counts[static_cast<std::size_t>(f.severity)];
    json::object o;
    o["rule"] = f.rule_id;
    o["severity"] = to_string(f.severity);
    json::array rows;
    for (const auto& r : f.rows) {
      json::object ro;
      ro["row"] = r.address;
      if (r.blank) ro["value"] = nullptr;
      else ro["value"] = r.text;
      rows.push_back(std::move(ro));
    }
    o["rows"] = std::move(rows);
    if (!f.expected.empty()) o["expected"] = f.expected;
    o["message"] = {{"vi", f.message_vi}, {"en", f.message_en}};
    if (f.fix) o["fix"] = {{"row", f.fix->address}, {"value", f.fix->text}};
    if (f.line) o["line"] = f.line;
    list.push_back(std::move(o));
  }
  json::object doc;
  doc["format"] = "cchc.findings/1";
  doc["summary"] = {{"errors", counts[2]}, {"warnings", counts[1]}, {"info", counts[0]}};
  doc["findings"] = std::move(list);
  return detail::to_pretty_json(doc);
}

std::string findings_to_text(std::span<const Finding> findings, Language lang) {
  const bool vi = lang == Language::vi;
  std::string out;
  std::array<std::size_t, 3> counts{};
  for (const Finding& f : findings) {
    ++counts[static_cast<std::size_t>(f.severity)];
    std::string rows;
    for (const auto& r : f.rows) detail::join_into(rows, ", ", r.address);
    std::string where = rows;
    if (f.line) where += fmt::format("{}({} {})", where.empty() ? "" : " ", vi ? "dòng" : "line", f.line);
    out += fmt::format("{} [{}]{}{}\n", vi ? severity_vi(f.severity) : to_string(f.severity),
                       f.rule_id, where.empty() ? "" : " ", where);
    out += fmt::format("  {}\n", f.message(lang));
    if (!f.expected.empty()) out += fmt::format("  {} {}\n", vi ? "cần:" : "expected:", f.expected);
    if (f.fix)
      out += fmt::format("  {} {} = {}\n", vi ? "đề xuất sửa:" : "suggested fix:", f.fix->address,
                         f.fix->text);
  }
  if (vi)
    out += fmt::format("Tổng cộng: {} lỗi, {} cảnh báo, {} thông tin\n", counts[2], counts[1],
                       counts[0]);
  else
    out += fmt::format("Total: {} errors, {} warnings, {} info\n", counts[2], counts[1], counts[0]);
  return out;
}

}  // namespace cchc
