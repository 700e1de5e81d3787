// SPDX-License-Identifier: MIT
// Generates, from a catalogue's structure, the rule source of RuleSet::structural(). The rules
// are ordinary rule-language text, compiled like any rule file: one evaluator, one truth.
#include <algorithm>

#include <fmt/format.h>

#include "cchc/history.hpp"
#include "cchc/rules.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// Catalogue text placed in a message, where a brace would open a placeholder.
std::string literal(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '{' || c == '}') out += c;
    out += c;
  }
  return out;
}

struct Writer {
  const Catalog& cat;
  std::string out;
  std::vector<RowId> derived_totals;  // one derivable.* rule per total

  void rule(std::string_view id, Severity severity, std::string_view check, std::string_view vi,
            std::string_view en, std::string_view fix = {},
            std::optional<HistoryScope> history = std::nullopt) {
    out += fmt::format("rule {} {{\n  severity {}\n", quote(id), to_string(severity));
    if (history) out += fmt::format("  history {}\n", to_string(*history));
    out += fmt::format("  check {}\n  vi {}\n  en {}\n", check, vi, en);
    if (!fix.empty()) out += fmt::format("  fix {}\n", fix);
    out += "}\n\n";
  }

  std::string addr(RowId id) const { return cat.row(id).address(); }

  // "B6:2 + B6:3": how parts are named in messages and ids.
  std::string joined(const std::vector<RowId>& ids, std::string_view sep, bool local_to = false,
                     int form = 0) const {
    std::string s;
    for (RowId id : ids) {
      if (!s.empty()) s += sep;
      const Row& r = cat.row(id);
      s += local_to && r.form == form ? r.code : r.address();
    }
    return s;
  }

  void domain(const Row& row) {
    const std::string a = row.address();
    const std::string id = "domain." + a;
    switch (row.kind) {
      case Kind::count:
        rule(id, Severity::error, fmt::format("{} >= 0", a),
             quote(fmt::format("{} = {{{}}}: số lượng không được âm", a, a)),
             quote(fmt::format("{} = {{{}}}: a count cannot be negative", a, a)));
        break;
      case Kind::money:
        rule(id, Severity::error, fmt::format("{} >= 0", a),
             quote(fmt::format("{} = {{{}}}: số tiền không được âm", a, a)),
             quote(fmt::format("{} = {{{}}}: an amount cannot be negative", a, a)));
        break;
      case Kind::percent:
        rule(id, Severity::error, fmt::format("{0} >= 0 and {0} <= 100", a),
             quote(fmt::format("{} = {{{}}}%: tỷ lệ phải từ 0 đến 100", a, a)),
             quote(fmt::format("{} = {{{}}}%: a percentage lies between 0 and 100", a, a)));
        break;
      case Kind::yes_no:
        rule(id, Severity::error, fmt::format("{} in {{0, 1}}", a),
             quote(fmt::format("{} = {{{}}}: chỉ ghi 1 (Có) hoặc 0 (Không)", a, a)),
             quote(fmt::format("{} = {{{}}}: write 1 (yes) or 0 (no)", a, a)));
        break;
      case Kind::code: {
        std::string set, vi, en;
        for (const auto& o : row.codes.options()) {
          detail::join_into(set, ", ", std::to_string(o.value));
          vi += fmt::format("{}{} = {}", vi.empty() ? "" : "; ", o.value, literal(o.label));
          en += fmt::format("{}{} = {}", en.empty() ? "" : "; ", o.value,
                            literal(o.label_en.empty() ? o.label : o.label_en));
        }
        rule(id, Severity::error, fmt::format("{} in {{{}}}", a, set),
             quote(fmt::format("{} = {{{}}}: mã không có trong danh sách ({})", a, a, vi)),
             quote(fmt::format("{} = {{{}}}: not one of the codes ({})", a, a, en)));
        break;
      }
      case Kind::pair:
        rule(id, Severity::error, fmt::format("first({0}) >= 0 and second({0}) >= 0", a),
             quote(fmt::format("{} = {{{}}}: hai vế của cặp số không được âm", a, a)),
             quote(fmt::format("{} = {{{}}}: neither half of a pair can be negative", a, a)));
        break;
      case Kind::heading: break;
    }
  }

  void ratio(const Row& row) {
    const std::string a = row.address(), n = addr(row.ratio->numerator),
                      d = addr(row.ratio->denominator);
    const std::string computed = fmt::format("pct({}, {})", n, d);
    rule("ratio." + a, Severity::error, fmt::format("{} == {}", a, computed),
         quote(fmt::format("{0} = {{{0}}}% nhưng 100 × {1} / {2} = 100 × {{{1}}} / {{{2}}} = "
                           "{{{3}}}%",
                           a, n, d, computed)),
         quote(fmt::format("{0} = {{{0}}}% but 100 × {1} / {2} = 100 × {{{1}}} / {{{2}}} = "
                           "{{{3}}}%",
                           a, n, d, computed)));
    rule("ratio-undefined." + a, Severity::info, fmt::format("if {} == 0 then absent({})", d, a),
         quote(fmt::format("{0} = {{{0}}}% nhưng mẫu số {1} = 0 nên tỷ lệ không xác định; nên để "
                           "trống",
                           a, d)),
         quote(fmt::format("{0} = {{{0}}}% but its denominator {1} is 0, so the ratio has no "
                           "value; leave it blank",
                           a, d)));
    rule("derivable." + a, Severity::warning,
         fmt::format("if {} > 0 and {} >= 0 then present({})", d, n, a),
         quote(fmt::format("{0} để trống dù {1} = {{{1}}} và {2} = {{{2}}} đã có; tỷ lệ là "
                           "{{{3}}}%",
                           a, n, d, computed)),
         quote(fmt::format("{0} is blank although {1} = {{{1}}} and {2} = {{{2}}} are reported; "
                           "the rate is {{{3}}}%",
                           a, n, d, computed)),
         fmt::format("{} = {}", a, computed));
  }

  void sum(const Sum& s, std::size_t index_in_total) {
    const Row& total = cat.row(s.total);
    const std::string t = total.address();
    const std::string parts = joined(s.parts, " + ");
    const std::string args = joined(s.parts, ", ");
    std::string id = fmt::format("sum.{}[{}]", t, joined(s.parts, "+", true, total.form));
    if (index_in_total > 0) id += fmt::format("#{}", index_in_total + 1);
    if (s.relation == Sum::Relation::at_most) {
      rule(id, Severity::error, fmt::format("sum({}) <= {}", args, t),
           quote(fmt::format("{} = {{sum({})}} vượt quá {} = {{{}}}", parts, args, t, t)),
           quote(fmt::format("{} = {{sum({})}} exceeds {} = {{{}}}", parts, args, t, t)));
    } else {
      rule(id, Severity::error, fmt::format("sum({}) == {}", args, t),
           quote(fmt::format("{} = {{sum({})}} nhưng {} = {{{}}}", parts, args, t, t)),
           quote(fmt::format("{} = {{sum({})}} but {} = {{{}}}", parts, args, t, t)));
      if (std::find(derived_totals.begin(), derived_totals.end(), s.total) != derived_totals.end())
        return;
      derived_totals.push_back(s.total);
      rule("derivable." + t, Severity::warning, fmt::format("if sum({}) >= 0 then present({})", args, t),
           quote(fmt::format("{} để trống dù {} đã có; tổng là {{sum({})}}", t, parts, args)),
           quote(fmt::format("{} is blank although {} are reported; the total is {{sum({})}}", t,
                             parts, args)),
           fmt::format("{} = sum({})", t, args));
    }
  }

  void pair(const Row& row) {
    if (!row.pair || row.pair->relation == PairRelation::none) return;
    const std::string a = row.address();
    const bool eq = row.pair->relation == PairRelation::equal;
    rule("pair." + a, Severity::warning,
         fmt::format("first({0}) {1} second({0})", a, eq ? "==" : "<="),
         quote(fmt::format("{0} = {{{0}}}: vế đầu ({1}) phải {2} vế sau ({3})", a,
                           literal(row.pair->first), eq ? "bằng" : "không lớn hơn",
                           literal(row.pair->second))),
         quote(fmt::format("{0} = {{{0}}}: the first half ({1}) must {2} the second ({3})", a,
                           literal(row.pair->first), eq ? "equal" : "not exceed",
                           literal(row.pair->second))));
  }

  // Across periods (docs/quarter.md): a flow over a window that holds an earlier report's window,
  // and a cumulative figure later in the year, are never smaller than the earlier figure.
  void period(const Row& row) {
    if (!row.measure || *row.measure == Measure::stock) return;
    if (row.kind != Kind::count && row.kind != Kind::money && row.kind != Kind::pair) return;
    const std::string a = row.address();
    const bool flow = *row.measure == Measure::flow;
    const std::string check =
        row.kind == Kind::pair
            ? fmt::format("first({0}) >= first(prev({0})) and second({0}) >= second(prev({0}))", a)
            : fmt::format("{0} >= prev({0})", a);
    rule(fmt::format("period.{}.{}", flow ? "flow" : "cumulative", a), Severity::error, check,
         quote(fmt::format("{0} = {{{0}}} nhỏ hơn {{prev({0})}} ở báo cáo {{prev_period}}: {1}", a,
                           flow ? "số liệu tính từ 15/12 năm trước không thể giảm khi kỳ báo cáo "
                                  "dài hơn"
                                : "số liệu lũy kế không giảm trong năm")),
         quote(fmt::format("{0} = {{{0}}} is less than {{prev({0})}} in the report of "
                           "{{prev_period}}: {1}",
                           a, flow ? "a flow counted from 15/12 of the year before cannot shrink "
                                     "over a longer window"
                                   : "a cumulative (lũy kế) figure never shrinks within the year")),
         {}, flow ? HistoryScope::within : HistoryScope::year);
  }

  // The template requires a value; a blank that derive() can fill is left to derivable.*.
  void required(const Row& row, const std::vector<RowId>& derivable_from) {
    if (!row.required || !row.holds_value()) return;
    const std::string a = row.address();
    std::string check = fmt::format("present({})", a);
    if (!derivable_from.empty()) {
      std::string all;
      for (RowId id : derivable_from)
        all += fmt::format("{}present({})", all.empty() ? "" : " and ", addr(id));
      check += fmt::format(" or ({})", all);
    }
    rule("required." + a, Severity::error, check,
         quote(fmt::format("{} để trống; mẫu biểu yêu cầu số liệu này", a)),
         quote(fmt::format("{} is blank; the template requires it", a)));
  }
};

}  // namespace

std::string structural_rules_source(const Catalog& catalog) {
  Writer w{catalog, {}, {}};
  w.out = fmt::format("# Structural rules generated from catalogue {} {}.\n\ncatalog {}\n\n",
                      catalog.id(), catalog.version(), quote(catalog.id()));
  for (const Row& row : catalog.rows()) {
    w.domain(row);
    w.pair(row);
    if (row.ratio) w.ratio(row);
    std::vector<RowId> from;
    if (row.ratio) from = {row.ratio->numerator, row.ratio->denominator};
    if (row.children_relation == ChildRelation::partition) from = row.children;
    for (const Sum& s : catalog.sums())
      if (s.total == row.id && s.relation == Sum::Relation::equal && from.empty()) from = s.parts;
    w.required(row, from);
    w.period(row);
  }
  for (std::size_t i = 0; i < catalog.sums().size(); ++i) {
    const Sum& s = catalog.sums()[i];
    std::size_t earlier = 0;
    for (std::size_t j = 0; j < i; ++j) {
      const Sum& o = catalog.sums()[j];
      if (o.total == s.total && o.relation == s.relation && o.parts == s.parts) ++earlier;
    }
    w.sum(s, earlier);
  }
  return w.out;
}

}  // namespace cchc
