// SPDX-License-Identifier: MIT
// Consolidation: which inputs can be pooled, then one pass per row by its Row::aggregation.
// Sums are exact (checked 64-bit, at most 18 digits); a pooled rate is Percent::of over the
// pooled parts, so it is the exact Σ numerators / Σ denominators rounded once.
#include "cchc/consolidate.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "util/strings.hpp"

namespace cchc {
namespace {

constexpr int default_decimals = 2;  // docs/quarter.md: when the template does not say
constexpr std::size_t named_at_most = 10;  // agencies named in one finding

std::string agency_label(const Report& r, std::size_t index) {
  const Agency& a = r.metadata().agency;
  if (!a.name.empty() && !a.code.empty()) return fmt::format("{} ({})", a.name, a.code);
  if (!a.name.empty()) return a.name;
  if (!a.code.empty()) return a.code;
  return fmt::format("#{}", index + 1);
}

std::string list_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < named_at_most; ++i)
    detail::join_into(out, "; ", names[i]);
  if (names.size() > named_at_most) out += fmt::format("; … ({})", names.size());
  return out;
}

Finding finding(std::string id, Severity severity, std::string vi, std::string en) {
  Finding f;
  f.rule_id = std::move(id);
  f.severity = severity;
  f.message_vi = std::move(vi);
  f.message_en = std::move(en);
  return f;
}

std::string period_text(const std::optional<Period>& p, Language lang) {
  if (!p) return lang == Language::vi ? "(không rõ kỳ)" : "(no period)";
  return lang == Language::vi ? label_vi(*p) : label_en(*p);
}

// The value most inputs have; ties go to the one seen first.
template <class T, class Key>
std::optional<T> most_common(std::span<const Report* const> reports, Key key) {
  std::vector<std::pair<T, std::size_t>> counts;
  for (const Report* r : reports) {
    auto k = key(*r);
    if (!k) continue;
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == *k; });
    if (it == counts.end()) counts.emplace_back(*k, 1);
    else ++it->second;
  }
  if (counts.empty()) return std::nullopt;
  return std::max_element(counts.begin(), counts.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

struct Inputs {
  std::shared_ptr<const Catalog> catalog;
  std::optional<Period> period;
  std::vector<std::size_t> included;
};

// Picks the template and period, and leaves out what cannot be pooled, with findings.
Inputs select(std::span<const Report* const> reports, const ConsolidateOptions& o,
              std::vector<Finding>& out) {
  Inputs in;
  using Template = std::pair<std::string, std::string>;
  const auto tmpl = most_common<Template>(reports, [](const Report& r) {
    return std::optional(Template{r.catalog().id(), r.catalog().version()});
  });
  for (const Report* r : reports)
    if (Template{r->catalog().id(), r->catalog().version()} == *tmpl) {
      in.catalog = r->catalog_ptr();
      break;
    }
  in.period = o.period ? o.period : most_common<Period>(reports, [](const Report& r) {
    return r.metadata().period;
  });

  std::map<std::string, std::size_t, std::less<>> by_agency;  // key → index into included
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const Report& r = *reports[i];
    const std::string who = agency_label(r, i);
    if (Template{r.catalog().id(), r.catalog().version()} != *tmpl) {
      out.push_back(finding(
          "consolidate.template", Severity::error,
          fmt::format("Báo cáo của {} theo mẫu {} {}, khác mẫu {} {}: không được tổng hợp", who,
                      r.catalog().id(), r.catalog().version(), tmpl->first, tmpl->second),
          fmt::format("The report of {} follows template {} {}, not {} {}: left out", who,
                      r.catalog().id(), r.catalog().version(), tmpl->first, tmpl->second)));
      continue;
    }
    if (r.metadata().period != in.period) {
      out.push_back(finding(
          "consolidate.period", Severity::error,
          fmt::format("Báo cáo của {} là {}, khác kỳ tổng hợp {}: không được tổng hợp", who,
                      period_text(r.metadata().period, Language::vi),
                      period_text(in.period, Language::vi)),
          fmt::format("The report of {} covers {}, not {}: left out", who,
                      period_text(r.metadata().period, Language::en),
                      period_text(in.period, Language::en))));
      continue;
    }
    const std::string key = agency_key(r.metadata().agency);
    if (key.empty()) {
      out.push_back(finding("consolidate.no-agency", Severity::error,
                            fmt::format("Báo cáo {} không ghi cơ quan báo cáo: không được tổng hợp",
                                        who),
                            fmt::format("Report {} names no agency: left out", who)));
      continue;
    }
    auto [it, fresh] = by_agency.try_emplace(key, in.included.size());
    if (fresh) {
      in.included.push_back(i);
      continue;
    }
    // The same agency twice: the later document is the correction that replaces the other.
    const std::size_t kept_index = in.included[it->second];
    const auto& kept = reports[kept_index]->metadata().document.date;
    const auto& now = r.metadata().document.date;
    const bool newer = !kept || (now && *now >= *kept);
    const std::size_t dropped = newer ? kept_index : i;
    if (newer) in.included[it->second] = i;
    out.push_back(finding(
        "consolidate.duplicate", Severity::warning,
        fmt::format("{} có hai báo cáo {}: dùng báo cáo số {} (đầu vào #{}), bỏ đầu vào #{}",
                    who, period_text(in.period, Language::vi),
                    reports[newer ? i : kept_index]->metadata().document.number,
                    (newer ? i : kept_index) + 1, dropped + 1),
        fmt::format("{} sent two reports for {}: using document {} (input #{}), leaving out "
                    "input #{}",
                    who, period_text(in.period, Language::en),
                    reports[newer ? i : kept_index]->metadata().document.number,
                    (newer ? i : kept_index) + 1, dropped + 1)));
  }
  std::sort(in.included.begin(), in.included.end());

  if (!o.expected.empty()) {
    std::vector<std::string> missing, unexpected;
    auto reported = [&](const std::string& who) {
      return std::any_of(in.included.begin(), in.included.end(), [&](std::size_t i) {
        const Agency& a = reports[i]->metadata().agency;
        return a.code == who || a.name == who;
      });
    };
    for (const auto& who : o.expected)
      if (!reported(who)) missing.push_back(who);
    for (std::size_t i : in.included) {
      const Agency& a = reports[i]->metadata().agency;
      if (std::none_of(o.expected.begin(), o.expected.end(),
                       [&](const std::string& e) { return e == a.code || e == a.name; }))
        unexpected.push_back(agency_label(*reports[i], i));
    }
    if (!missing.empty())
      out.push_back(finding("consolidate.missing", Severity::warning,
                            fmt::format("{} cơ quan chưa có báo cáo {}: {}", missing.size(),
                                        period_text(in.period, Language::vi), list_names(missing)),
                            fmt::format("{} agencies have no report for {}: {}", missing.size(),
                                        period_text(in.period, Language::en), list_names(missing))));
    if (!unexpected.empty())
      out.push_back(finding(
          "consolidate.unexpected", Severity::warning,
          fmt::format("{} báo cáo của cơ quan không có trong danh sách: {} (vẫn được tổng hợp)",
                      unexpected.size(), list_names(unexpected)),
          fmt::format("{} reports from agencies not on the list: {} (pooled all the same)",
                      unexpected.size(), list_names(unexpected))));
  }
  return in;
}

// Pools one row of kind count, money or pair; returns false when no unit reported it.
struct Pooled {
  std::int64_t first = 0, second = 0;
  std::size_t reported = 0;
  std::size_t not_applicable = 0;
  std::vector<std::string> blank, invalid;
};

Pooled pool_sum(const Row& row, std::span<const Report* const> reports,
                const std::vector<std::size_t>& included) {
  Pooled p;
  for (std::size_t i : included) {
    const Value& v = reports[i]->value(row.id);
    if (const auto* a = std::get_if<Absent>(&v)) {
      if (a->reason() == Absent::Reason::not_applicable) ++p.not_applicable;
      else p.blank.push_back(agency_label(*reports[i], i));
      continue;
    }
    if (!is_ok(v)) {
      p.invalid.push_back(fmt::format("{} = {}", agency_label(*reports[i], i), text_of(v)));
      continue;
    }
    ++p.reported;
    if (const auto* c = std::get_if<Count>(&v)) p.first = detail::checked_add(p.first, c->get());
    else if (const auto* m = std::get_if<Money>(&v)) p.first = detail::checked_add(p.first, m->dong());
    else if (const auto* pr = std::get_if<Pair>(&v)) {
      p.first = detail::checked_add(p.first, pr->first().get());
      p.second = detail::checked_add(p.second, pr->second().get());
    }
  }
  return p;
}

Finding row_finding(const Report& report, RowId row, std::string id, Severity severity,
                    std::string vi, std::string en) {
  Finding f = finding(fmt::format("{}.{}", id, report.catalog().row(row).address()), severity,
                      std::move(vi), std::move(en));
  f.rows.push_back(FindingRow::of(report, row));
  return f;
}

void sum_row(const Row& row, std::span<const Report* const> reports,
             const std::vector<std::size_t>& included, Report& out, std::vector<Finding>& found) {
  const Pooled p = pool_sum(row, reports, included);
  if (p.reported > 0) {
    Value v = row.kind == Kind::pair    ? Value{Pair(Count(p.first), Count(p.second))}
              : row.kind == Kind::money ? Value{Money(p.first)}
                                        : Value{Count(p.first)};
    (void)out.set(row.id, std::move(v)).value();
  } else if (p.not_applicable > 0 && p.blank.empty()) {
    out.clear(row.id, Absent::Reason::not_applicable);
  }
  if (!p.invalid.empty())
    found.push_back(row_finding(
        out, row.id, "consolidate.invalid", Severity::error,
        fmt::format("{}: {} số liệu không hợp lệ không được cộng: {}", row.address(),
                    p.invalid.size(), list_names(p.invalid)),
        fmt::format("{}: {} invalid figures left out of the sum: {}", row.address(),
                    p.invalid.size(), list_names(p.invalid))));
  if (p.reported > 0 && !p.blank.empty())
    found.push_back(row_finding(
        out, row.id, "consolidate.partial", Severity::warning,
        fmt::format("{} là tổng của {} đơn vị; {} đơn vị để trống: {}", row.address(), p.reported,
                    p.blank.size(), list_names(p.blank)),
        fmt::format("{} sums {} units; {} left it blank: {}", row.address(), p.reported,
                    p.blank.size(), list_names(p.blank))));
}

void count_yes_row(const Row& row, std::span<const Report* const> reports,
                   const std::vector<std::size_t>& included, Report& out,
                   std::vector<YesTally>& tallies, std::vector<Finding>& found) {
  YesTally t{row.id};
  std::vector<std::string> invalid;
  for (std::size_t i : included) {
    const Value& v = reports[i]->value(row.id);
    if (is_absent(v)) ++t.blank;
    else if (!is_ok(v)) invalid.push_back(fmt::format("{} = {}", agency_label(*reports[i], i), text_of(v)));
    else if (std::get<YesNo>(v).yes()) ++t.yes;
    else ++t.no;
  }
  if (t.yes + t.no > 0) {
    (void)out.set(row.id, Value{YesNo(t.yes > 0)}).value();
    out.set_note(row.id, fmt::format("Có: {}; Không: {}; chưa báo cáo: {}", t.yes, t.no, t.blank));
  }
  if (!invalid.empty())
    found.push_back(row_finding(
        out, row.id, "consolidate.invalid", Severity::error,
        fmt::format("{}: {} câu trả lời không hợp lệ không được đếm: {}", row.address(),
                    invalid.size(), list_names(invalid)),
        fmt::format("{}: {} invalid answers left out of the tally: {}", row.address(),
                    invalid.size(), list_names(invalid))));
  tallies.push_back(t);
}

void ratio_row(const Row& row, Report& out, std::vector<Finding>& found) {
  const Value& num = out.value(row.ratio->numerator);
  const Value& den = out.value(row.ratio->denominator);
  const auto* n = std::get_if<Count>(&num);
  const auto* d = std::get_if<Count>(&den);
  if (n && d) {
    if (auto p = Percent::of(*n, *d, row.decimals.value_or(default_decimals))) {
      (void)out.set(row.id, Value{*p}).value();
      return;
    }
  }
  const Catalog& cat = out.catalog();
  Finding f = row_finding(
      out, row.id, "consolidate.ratio-undefined", Severity::info,
      fmt::format("{} để trống: mẫu số {} là {}", row.address(),
                  cat.row(row.ratio->denominator).address(), d ? "0" : "(trống)"),
      fmt::format("{} left blank: its denominator {} is {}", row.address(),
                  cat.row(row.ratio->denominator).address(), d ? "0" : "blank"));
  f.rows.push_back(FindingRow::of(out, row.ratio->numerator));
  f.rows.push_back(FindingRow::of(out, row.ratio->denominator));
  found.push_back(std::move(f));
}

}  // namespace

result<Consolidation> consolidate(std::span<const Report* const> reports,
                                  const ConsolidateOptions& options) {
  if (reports.empty())
    return make_error(errc::invalid_argument, "không có báo cáo nào để tổng hợp",
                      "no reports to consolidate");
  for (const Report* r : reports)
    if (r == nullptr)
      return make_error(errc::invalid_argument, "báo cáo rỗng (null)", "a null report");
  std::vector<Finding> found;
  Inputs in = select(reports, options, found);
  if (auto ok = in.catalog->check_consolidation(); !ok) return ok.error();

  Consolidation c{Report(in.catalog), {}, in.included, {}};
  Metadata& m = c.report.metadata();
  m.agency = options.agency;
  m.period = in.period;
  m.province = options.province;
  if (m.province.empty() && !in.included.empty()) {
    const std::string& first = reports[in.included.front()]->metadata().province;
    if (std::all_of(in.included.begin(), in.included.end(),
                    [&](std::size_t i) { return reports[i]->metadata().province == first; }))
      m.province = first;
  }

  std::vector<std::string> own;
  try {
    for (const Row& row : in.catalog->rows()) {
      if (!row.holds_value()) continue;
      switch (*row.aggregation) {
        case Aggregation::sum: sum_row(row, reports, in.included, c.report, found); break;
        case Aggregation::count_yes:
          count_yes_row(row, reports, in.included, c.report, c.tallies, found);
          break;
        case Aggregation::none: own.push_back(row.address()); break;
        case Aggregation::ratio: break;  // below, once every part is pooled
      }
    }
  } catch (const exception& e) {
    return e.error();  // a sum beyond 18 digits
  }
  for (const Row& row : in.catalog->rows())
    if (row.aggregation == Aggregation::ratio) ratio_row(row, c.report, found);
  if (!own.empty())
    found.push_back(finding(
        "consolidate.own-figure", Severity::info,
        fmt::format("{} dòng không cộng được (số TTHC, mã, tỷ lệ không có tử và mẫu), tỉnh tự "
                    "điền theo danh mục của mình: {}",
                    own.size(), list_names(own)),
        fmt::format("{} rows do not add up (procedure counts, codes, rates without parts); the "
                    "province fills them in from its own list: {}",
                    own.size(), list_names(own))));
  sort_findings(found, *in.catalog);
  c.findings = std::move(found);
  return c;
}

result<Consolidation> consolidate(std::span<const Report> reports,
                                  const ConsolidateOptions& options) {
  std::vector<const Report*> pointers;
  pointers.reserve(reports.size());
  for (const Report& r : reports) pointers.push_back(&r);
  return consolidate(std::span<const Report* const>(pointers), options);
}

}  // namespace cchc
