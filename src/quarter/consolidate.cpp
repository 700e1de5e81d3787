// SPDX-License-Identifier: MIT
// Consolidation: which inputs can be pooled, then one pass per row by its Row::aggregation.
// Sums are exact (checked 64-bit, at most 18 digits); a pooled rate is Percent::of over the
// pooled parts, so it is the exact Σ numerators / Σ denominators rounded once.
#include "cchc/consolidate.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "cchc/batch.hpp"
#include "cchc/cell.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

constexpr int default_decimals = 2;  // docs/quarter.md: when the template does not say
constexpr std::size_t named_at_most = 10;  // agencies named in one finding

// The inputs, as Reports or as a Batch's columns: what consolidation reads of each.
class Source {
 public:
  virtual ~Source() = default;
  [[nodiscard]] virtual std::size_t size() const = 0;
  [[nodiscard]] virtual const std::shared_ptr<const Catalog>& catalog(std::size_t i) const = 0;
  [[nodiscard]] virtual const Metadata& metadata(std::size_t i) const = 0;
  [[nodiscard]] virtual Cell cell(std::size_t i, RowId row) const = 0;
  /// The figure as the unit wrote it, for messages.
  [[nodiscard]] virtual std::string text(std::size_t i, RowId row) const = 0;
};

class ReportSource final : public Source {
 public:
  explicit ReportSource(std::span<const Report* const> reports) : reports_(reports) {}
  std::size_t size() const override { return reports_.size(); }
  const std::shared_ptr<const Catalog>& catalog(std::size_t i) const override {
    return reports_[i]->catalog_ptr();
  }
  const Metadata& metadata(std::size_t i) const override { return reports_[i]->metadata(); }
  Cell cell(std::size_t i, RowId row) const override { return reports_[i]->cell(row); }
  std::string text(std::size_t i, RowId row) const override { return reports_[i]->text(row); }

 private:
  std::span<const Report* const> reports_;
};

class BatchSource final : public Source {
 public:
  explicit BatchSource(const Batch& batch) : batch_(batch), metadata_(batch.size()) {
    for (std::size_t i = 0; i < batch.size(); ++i)
      for (const std::string_view field : metadata_fields())
        if (auto v = batch.metadata_field(i, field); v && !v->empty())
          (void)set_metadata_field(metadata_[i], field, std::move(*v));
  }
  std::size_t size() const override { return batch_.size(); }
  const std::shared_ptr<const Catalog>& catalog(std::size_t) const override {
    return batch_.catalog_ptr();
  }
  const Metadata& metadata(std::size_t i) const override { return metadata_[i]; }
  Cell cell(std::size_t i, RowId row) const override { return batch_.cell(i, row); }
  std::string text(std::size_t i, RowId row) const override {
    const std::string_view written = batch_.written(i, row);
    return written.empty() ? canonical_text(batch_.cell(i, row), batch_.catalog().row(row).kind)
                           : std::string(written);
  }

 private:
  const Batch& batch_;
  std::vector<Metadata> metadata_;
};

// A reported figure that its row's kind admits.
bool admissible(const Cell& c, Kind kind) {
  if (c.state != CellState::reported) return false;
  switch (kind) {
    case Kind::count:
    case Kind::money: return c.number >= 0;
    case Kind::pair: return c.number >= 0 && c.second >= 0;
    case Kind::yes_no: return c.number == 0 || c.number == 1;
    default: return true;
  }
}

std::string agency_label(const Source& src, std::size_t index) {
  const Agency& a = src.metadata(index).agency;
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
std::optional<T> most_common(const Source& src, Key key) {
  std::vector<std::pair<T, std::size_t>> counts;
  for (std::size_t i = 0; i < src.size(); ++i) {
    auto k = key(i);
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
Inputs select(const Source& src, const ConsolidateOptions& o, std::vector<Finding>& out) {
  Inputs in;
  using Template = std::pair<std::string, std::string>;
  auto template_of = [&](std::size_t i) {
    return Template{src.catalog(i)->id(), src.catalog(i)->version()};
  };
  const auto tmpl = most_common<Template>(src, [&](std::size_t i) { return std::optional(template_of(i)); });
  for (std::size_t i = 0; i < src.size(); ++i)
    if (template_of(i) == *tmpl) {
      in.catalog = src.catalog(i);
      break;
    }
  in.period = o.period ? o.period : most_common<Period>(src, [&](std::size_t i) {
    return src.metadata(i).period;
  });

  std::map<std::string, std::size_t, std::less<>> by_agency;  // key → index into included
  for (std::size_t i = 0; i < src.size(); ++i) {
    const Metadata& m = src.metadata(i);
    const std::string who = agency_label(src, i);
    if (template_of(i) != *tmpl) {
      const Template t = template_of(i);
      out.push_back(finding(
          "consolidate.template", Severity::error,
          fmt::format("Báo cáo của {} theo mẫu {} {}, khác mẫu {} {}: không được tổng hợp", who,
                      t.first, t.second, tmpl->first, tmpl->second),
          fmt::format("The report of {} follows template {} {}, not {} {}: left out", who,
                      t.first, t.second, tmpl->first, tmpl->second)));
      continue;
    }
    if (m.period != in.period) {
      out.push_back(finding(
          "consolidate.period", Severity::error,
          fmt::format("Báo cáo của {} là {}, khác kỳ tổng hợp {}: không được tổng hợp", who,
                      period_text(m.period, Language::vi),
                      period_text(in.period, Language::vi)),
          fmt::format("The report of {} covers {}, not {}: left out", who,
                      period_text(m.period, Language::en),
                      period_text(in.period, Language::en))));
      continue;
    }
    const std::string key = agency_key(m.agency);
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
    const auto& kept = src.metadata(kept_index).document.date;
    const auto& now = m.document.date;
    const bool newer = !kept || (now && *now >= *kept);
    const std::size_t dropped = newer ? kept_index : i;
    if (newer) in.included[it->second] = i;
    out.push_back(finding(
        "consolidate.duplicate", Severity::warning,
        fmt::format("{} có hai báo cáo {}: dùng báo cáo số {} (đầu vào #{}), bỏ đầu vào #{}",
                    who, period_text(in.period, Language::vi),
                    src.metadata(newer ? i : kept_index).document.number,
                    (newer ? i : kept_index) + 1, dropped + 1),
        fmt::format("{} sent two reports for {}: using document {} (input #{}), leaving out "
                    "input #{}",
                    who, period_text(in.period, Language::en),
                    src.metadata(newer ? i : kept_index).document.number,
                    (newer ? i : kept_index) + 1, dropped + 1)));
  }
  std::sort(in.included.begin(), in.included.end());

  if (!o.expected.empty()) {
    std::vector<std::string> missing, unexpected;
    auto reported = [&](const std::string& who) {
      return std::any_of(in.included.begin(), in.included.end(), [&](std::size_t i) {
        const Agency& a = src.metadata(i).agency;
        return a.code == who || a.name == who;
      });
    };
    for (const auto& who : o.expected)
      if (!reported(who)) missing.push_back(who);
    for (std::size_t i : in.included) {
      const Agency& a = src.metadata(i).agency;
      if (std::none_of(o.expected.begin(), o.expected.end(),
                       [&](const std::string& e) { return e == a.code || e == a.name; }))
        unexpected.push_back(agency_label(src, i));
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

Pooled pool_sum(const Row& row, const Source& src, const std::vector<std::size_t>& included) {
  Pooled p;
  for (std::size_t i : included) {
    const Cell c = src.cell(i, row.id);
    if (c.state == CellState::not_applicable) {
      ++p.not_applicable;
    } else if (c.state == CellState::not_reported) {
      p.blank.push_back(agency_label(src, i));
    } else if (!admissible(c, row.kind)) {
      p.invalid.push_back(fmt::format("{} = {}", agency_label(src, i), src.text(i, row.id)));
    } else {
      ++p.reported;
      p.first = detail::checked_add(p.first, c.number);
      if (row.kind == Kind::pair) p.second = detail::checked_add(p.second, c.second);
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

void sum_row(const Row& row, const Source& src, const std::vector<std::size_t>& included,
             Report& out, std::vector<Finding>& found) {
  const Pooled p = pool_sum(row, src, included);
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

void count_yes_row(const Row& row, const Source& src, const std::vector<std::size_t>& included,
                   Report& out, std::vector<YesTally>& tallies, std::vector<Finding>& found) {
  YesTally t{row.id};
  std::vector<std::string> invalid;
  for (std::size_t i : included) {
    const Cell c = src.cell(i, row.id);
    if (c.state == CellState::not_reported || c.state == CellState::not_applicable) ++t.blank;
    else if (!admissible(c, row.kind))
      invalid.push_back(fmt::format("{} = {}", agency_label(src, i), src.text(i, row.id)));
    else if (c.number == 1) ++t.yes;
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
  const Value num = out.value(row.ratio->numerator);
  const Value den = out.value(row.ratio->denominator);
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

result<Consolidation> pool(const Source& src, const ConsolidateOptions& options) {
  if (src.size() == 0)
    return make_error(errc::invalid_argument, "không có báo cáo nào để tổng hợp",
                      "no reports to consolidate");
  std::vector<Finding> found;
  Inputs in = select(src, options, found);
  if (auto ok = in.catalog->check_consolidation(); !ok) return ok.error();

  Consolidation c{Report(in.catalog), {}, in.included, {}};
  Metadata& m = c.report.metadata();
  m.agency = options.agency;
  m.period = in.period;
  m.province = options.province;
  if (m.province.empty() && !in.included.empty()) {
    const std::string& first = src.metadata(in.included.front()).province;
    if (std::all_of(in.included.begin(), in.included.end(),
                    [&](std::size_t i) { return src.metadata(i).province == first; }))
      m.province = first;
  }

  std::vector<std::string> own;
  try {
    for (const Row& row : in.catalog->rows()) {
      if (!row.holds_value()) continue;
      switch (*row.aggregation) {
        case Aggregation::sum: sum_row(row, src, in.included, c.report, found); break;
        case Aggregation::count_yes:
          count_yes_row(row, src, in.included, c.report, c.tallies, found);
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

}  // namespace

result<Consolidation> consolidate(std::span<const Report* const> reports,
                                  const ConsolidateOptions& options) {
  for (const Report* r : reports)
    if (r == nullptr)
      return make_error(errc::invalid_argument, "báo cáo rỗng (null)", "a null report");
  return pool(ReportSource(reports), options);
}

result<Consolidation> consolidate(const Batch& batch, const ConsolidateOptions& options) {
  return pool(BatchSource(batch), options);
}

result<Consolidation> consolidate(std::span<const Report> reports,
                                  const ConsolidateOptions& options) {
  std::vector<const Report*> pointers;
  pointers.reserve(reports.size());
  for (const Report& r : reports) pointers.push_back(&r);
  return consolidate(std::span<const Report* const>(pointers), options);
}

}  // namespace cchc
