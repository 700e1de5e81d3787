// SPDX-License-Identifier: MIT
// Findings and coverage as text for people, in one language.
#include <array>

#include <fmt/format.h>

#include "cchc/output.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

std::string_view severity_vi(Severity s) {
  return s == Severity::error ? "lỗi" : s == Severity::warning ? "cảnh báo" : "thông tin";
}

}  // namespace

std::string findings_to_text(std::span<const Finding> findings, Language lang) {
  const bool vi = lang == Language::vi;
  std::string out;
  std::array<std::size_t, 3> counts{};
  for (const Finding& f : findings) {
    ++counts[static_cast<std::size_t>(f.severity)];
    std::string rows;
    for (const auto& r : f.rows)
      detail::join_into(rows, ", ",
                        r.period ? fmt::format("{} ({})", r.address,
                                               vi ? label_vi(*r.period) : label_en(*r.period))
                                 : r.address);
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

std::string coverage_to_text(const Coverage& c, Language lang) {
  const bool vi = lang == Language::vi;
  const unsigned percent =
      c.rows_expected == 0 ? 0u : static_cast<unsigned>(c.rows_found * 100 / c.rows_expected);
  std::string out =
      vi ? fmt::format("Đọc được {}/{} dòng của phụ lục ({}%): {} có số liệu, {} để trống; {} vấn đề\n",
                       c.rows_found, c.rows_expected, percent, c.values, c.blanks, c.problems.size())
         : fmt::format("Read {}/{} annex rows ({}%): {} with a value, {} blank; {} problems\n",
                       c.rows_found, c.rows_expected, percent, c.values, c.blanks, c.problems.size());
  for (const auto& p : c.problems) {
    out += "  ";
    if (!p.address.empty()) out += p.address + " ";
    if (p.line) out += fmt::format("({} {}) ", vi ? "dòng" : "line", p.line);
    out += vi ? p.reason_vi : p.reason_en;
    out += '\n';
  }
  return out;
}

}  // namespace cchc
