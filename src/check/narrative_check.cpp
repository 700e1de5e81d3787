// SPDX-License-Identifier: MIT
// The narrative against the annex, the period and the calendar (check_narrative in check.hpp).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "cchc/check.hpp"
#include "cchc/unicode.hpp"
#include "check/stages.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

Finding finding(std::string id, Severity s, std::size_t line, std::string vi, std::string en) {
  Finding f;
  f.rule_id = std::move(id);
  f.severity = s;
  f.line = line;
  f.message_vi = std::move(vi);
  f.message_en = std::move(en);
  return f;
}

std::string show(const Date& d) { return format_vi_date(d); }

// The figure of the prose against the annex, rounding-aware for percentages.
bool agrees(const Value& prose, const Value& annex) {
  if (const auto* a = std::get_if<Percent>(&annex))
    if (const auto* p = std::get_if<Percent>(&prose)) {
      // Either may be the rounded one: they agree when their intervals meet.
      return p->lower() < a->upper() && a->lower() < p->upper();
    }
  if (const auto* a = std::get_if<Count>(&annex))
    if (const auto* p = std::get_if<Count>(&prose)) return *a == *p;
  return text_of(prose) == text_of(annex);
}

}  // namespace

namespace detail {

void append_narrative_findings(const Report& report, const Narrative& n, const CheckOptions& options,
                        std::vector<Finding>& out) {
  const Metadata& m = report.metadata();
  const std::optional<Date> issued = m.document.date;

  // Dates that cannot exist.
  for (const auto& c : n.citations)
    if (!c.date_text.empty() && !c.date_valid)
      out.push_back(finding("date.impossible", Severity::error, c.line,
                            fmt::format("Ngày {} trong \"{}\" không tồn tại", c.date_text, c.text),
                            fmt::format("The date {} in \"{}\" does not exist", c.date_text, c.text)));
  for (const auto& r : n.ranges) {
    // The pattern admits only d/m/yyyy, so a date without a value is one that cannot exist.
    for (const auto& [text, date] : {std::pair{&r.from_text, &r.from}, std::pair{&r.to_text, &r.to}})
      if (!*date)
        out.push_back(finding("date.impossible", Severity::error, r.line,
                              fmt::format("Ngày {} trong \"{}\" không tồn tại", *text, r.text),
                              fmt::format("The date {} in \"{}\" does not exist", *text, r.text)));
    if (r.from && r.to && *r.to < *r.from)
      out.push_back(finding("date.range-reversed", Severity::error, r.line,
                            fmt::format("Khoảng thời gian \"{}\" kết thúc trước khi bắt đầu", r.text),
                            fmt::format("The range \"{}\" ends before it starts", r.text)));
    if (m.period && r.from && r.to) {
      const DateRange w = data_window(*m.period);
      if (r.from != w.first || r.to != w.last) {
        Finding f = finding("date.window", Severity::warning, r.line,
                            fmt::format("\"{}\" khác kỳ số liệu của {} ({} – {})", r.text,
                                        label_vi(*m.period), show(w.first), show(w.last)),
                            fmt::format("\"{}\" differs from the data window of {} ({} – {})", r.text,
                                        label_en(*m.period), show(w.first), show(w.last)));
        f.expected = fmt::format("{} – {}", show(w.first), show(w.last));
        out.push_back(std::move(f));
      }
    }
  }

  if (issued) {
    for (const auto& c : n.citations)
      if (c.date && *c.date > *issued)
        out.push_back(finding("date.after-report", Severity::error, c.line,
                              fmt::format("\"{}\" ghi ngày sau ngày báo cáo ({})", c.text, show(*issued)),
                              fmt::format("\"{}\" is dated after the report ({})", c.text, show(*issued))));
    if (m.period) {
      const DateRange w = data_window(*m.period);
      const Date earliest = earliest_report_date(*m.period, options.holidays);
      if (*issued < earliest) {
        Finding f = finding("date.before-cutoff", Severity::error, 0,
                            fmt::format("Báo cáo ngày {} trước khi kỳ số liệu {} kết thúc ({}); sớm nhất là {}",
                                        show(*issued), label_vi(*m.period), show(w.last), show(earliest)),
                            fmt::format("The report is dated {}, before the data window of {} closes ({}); "
                                        "the earliest is {}",
                                        show(*issued), label_en(*m.period), show(w.last), show(earliest)));
        f.expected = fmt::format("≥ {}", show(earliest));
        out.push_back(std::move(f));
      }
    }
  }

  if (m.period && n.next_period) {
    const auto allowed = plannable_periods(*m.period);
    if (std::find(allowed.begin(), allowed.end(), n.next_period->period) == allowed.end()) {
      std::string vi, en;
      for (const auto& p : allowed) {
        detail::join_into(vi, " hoặc ", label_vi(p));
        detail::join_into(en, " or ", label_en(p));
      }
      Finding f = finding("period.next", Severity::error, n.next_period->line,
                          fmt::format("Mục IV nêu nhiệm vụ {} nhưng kỳ tiếp theo của {} là {}",
                                      label_vi(n.next_period->period), label_vi(*m.period), vi),
                          fmt::format("Section IV plans for {} but the period after {} is {}",
                                      label_en(n.next_period->period), label_en(*m.period), en));
      f.expected = vi;
      out.push_back(std::move(f));
    }
  }

  // Type abbreviations (Decree 30, appendix III).
  for (const auto& c : n.citations) {
    const std::string_view want = expected_abbreviation(c.type_word);
    if (want.empty() || c.type_abbreviation == want) continue;
    const bool known = known_abbreviation(c.type_abbreviation);
    Finding f = finding(
        "citation.type", Severity::warning, c.line,
        fmt::format("\"{}\": ký hiệu {} {}không khớp loại văn bản {} ({})", c.text, c.type_abbreviation,
                    known ? "" : "không có trong Nghị định 30/2020/NĐ-CP và ", c.type_word, want),
        fmt::format("\"{}\": the abbreviation {} {}does not match the type {} ({})", c.text,
                    c.type_abbreviation, known ? "" : "is not in Decree 30/2020/NĐ-CP and ",
                    c.type_word, want));
    f.expected = std::string(want);
    out.push_back(std::move(f));
  }

  // Numbers follow issuing order within one issuer, type and year.
  std::map<std::tuple<std::string, std::string, int>, std::vector<const Citation*>> sequences;
  for (const auto& c : n.citations) {
    if (!c.date || c.type_abbreviation.empty()) continue;
    const int year = c.year.value_or(static_cast<int>(c.date->year()));
    auto& list = sequences[{c.issuer, c.type_abbreviation, year}];
    // A document cited twice is one document.
    const bool again = std::any_of(list.begin(), list.end(), [&](const Citation* o) {
      return o->number == c.number && o->date == c.date;
    });
    if (!again) list.push_back(&c);
  }
  for (auto& [key, list] : sequences) {
    std::sort(list.begin(), list.end(), [](const Citation* a, const Citation* b) {
      return std::stoll(a->number) < std::stoll(b->number);
    });
    const Citation* latest = nullptr;  // the latest-dated of the lower numbers
    for (const Citation* c : list) {
      if (latest && std::stoll(c->number) > std::stoll(latest->number) && *c->date < *latest->date) {
        out.push_back(finding(
            "citation.sequence", Severity::warning, c->line,
            fmt::format("Số {}/{} ngày {} đứng sau số {}/{} ngày {}: số văn bản tăng nhưng ngày lùi",
                        c->number, c->symbol, c->date_text, latest->number, latest->symbol,
                        latest->date_text),
            fmt::format("No. {}/{} of {} follows no. {}/{} of {}: the number grows but the date "
                        "goes back",
                        c->number, c->symbol, c->date_text, latest->number, latest->symbol,
                        latest->date_text)));
      }
      if (!latest || *c->date > *latest->date) latest = c;
    }
  }

  // Figures the prose states against the annex.
  for (const auto& fig : n.figures) {
    const Value annex = report.value(fig.row);
    if (is_absent(annex) || agrees(fig.value, annex)) continue;
    Finding f = finding(
        "narrative." + fig.address, Severity::error, fig.line,
        fmt::format("Phần thuyết minh ghi {} (\"{}\") nhưng phụ lục {} ghi {}", fig.text, fig.phrase,
                    fig.address, text_of(annex)),
        fmt::format("The narrative states {} (\"{}\") but the annex's {} says {}", fig.text,
                    fig.phrase, fig.address, text_of(annex)));
    f.rows = {FindingRow::of(report, fig.row)};
    f.expected = fmt::format("= {}", text_of(annex));
    out.push_back(std::move(f));
  }
}

}  // namespace detail

}  // namespace cchc
