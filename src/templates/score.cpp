// SPDX-License-Identifier: MIT
// Scoring an indicator set (Decision 766/QĐ-TTg and sets like it): rates from the report's rows,
// points by the published rule, exact to the last step and rounded half up to two decimals.
#include <boost/json.hpp>
#include <fmt/format.h>

#include "cchc/history.hpp"
#include "cchc/score.hpp"
#include "cchc/templates.hpp"
#include "in/json/fields.hpp"
#include "out/json/pretty.hpp"
#include "out/text/table.hpp"
#include "util/strings.hpp"

namespace cchc {
using namespace detail::json_in;

namespace {

// A figure of the scoring file: an integer, or Vietnamese decimal text ("1,5").
result<std::optional<Decimal>> figure(const Fields& f, std::string_view key) {
  const auto* v = f.get(key);
  if (v == nullptr || v->is_null()) return std::optional<Decimal>{};
  if (v->is_int64() && v->get_int64() >= 0 && v->get_int64() <= 1000)
    return std::optional<Decimal>(Decimal{v->get_int64(), 0});
  if (v->is_string()) {
    auto d = parse_decimal(v->get_string(), NumberSyntax{false, true, false, false});
    if (!d) return std::move(d.error()).within(f.path(key));
    if (d->units < 0 || *d > Decimal{1000, 0})
      return at(f.path(key), "cần một số từ 0 đến 1000", "expected a figure from 0 to 1000");
    return std::optional<Decimal>(*d);
  }
  return wrong_type(f.path(key), "integer or decimal text (\"1,5\")", *v);
}

result<std::vector<ScoreTerm>> terms(const Fields& f, std::string_view key, const Catalog& cat) {
  std::vector<ScoreTerm> out;
  const auto* v = f.get(key);
  if (v == nullptr) return at(f.path(key), "thiếu giá trị bắt buộc", "required");
  std::vector<std::pair<std::string, std::string>> items;  // text, path
  if (v->is_string()) {
    items.emplace_back(std::string(v->get_string()), f.path(key));
  } else if (v->is_array() && !v->get_array().empty()) {
    for (std::size_t i = 0; i < v->get_array().size(); ++i) {
      const auto& e = v->get_array()[i];
      if (!e.is_string()) return wrong_type(element(f.path(key), i), "string", e);
      items.emplace_back(std::string(e.get_string()), element(f.path(key), i));
    }
  } else {
    return wrong_type(f.path(key), "row address or array of them (\"-B2:1\" subtracts)", *v);
  }
  for (auto& [text, path] : items) {
    const bool minus = !text.empty() && text.front() == '-';
    auto id = cat.lookup(minus ? text.substr(1) : text);
    if (!id) return std::move(id.error()).within(path);
    if (cat.row(*id).kind != Kind::count)
      return at(path, fmt::format("{} không phải dòng đếm", text), fmt::format("{} is not a count row", text));
    out.push_back({*id, minus});
  }
  return out;
}

result<Indicator> read_indicator(const json::value& v, const std::string& path, const Catalog& cat) {
  auto f = Fields::of(v, path,
                      {"id", "title", "title_en", "rate", "numerator", "denominator", "points",
                       "points_source", "threshold", "multiplied_by", "quarter_denominator"});
  if (!f) return f.error();
  Indicator ind;
  CCHC_TRY(ind.id, f->required_string("id"));
  CCHC_TRY(ind.title, f->required_string("title"));
  CCHC_TRY(ind.title_en, f->string("title_en"));
  std::optional<std::string> rate;
  CCHC_TRY(rate, f->maybe_string("rate"));
  if (rate) {
    // A percent row defined by two counts: its ratio gives the terms.
    if (f->get("numerator") || f->get("denominator"))
      return at(f->path("rate"), "\"rate\" thay cho \"numerator\" và \"denominator\", không dùng cùng",
                "\"rate\" stands for \"numerator\" and \"denominator\"; give one or the other");
    auto id = cat.lookup(*rate);
    if (!id) return std::move(id.error()).within(f->path("rate"));
    if (!cat.row(*id).ratio)
      return at(f->path("rate"), fmt::format("{} không phải tỷ lệ của hai dòng đếm", *rate),
                fmt::format("{} is not a ratio of two count rows", *rate));
    ind.numerator.push_back({cat.row(*id).ratio->numerator, false});
    ind.denominator.push_back({cat.row(*id).ratio->denominator, false});
  } else {
    CCHC_TRY(ind.numerator, terms(*f, "numerator", cat));
    CCHC_TRY(ind.denominator, terms(*f, "denominator", cat));
  }
  CCHC_TRY(ind.points, figure(*f, "points"));
  CCHC_TRY(ind.points_source, f->string("points_source"));
  if (!ind.points && ind.points_source.empty())
    return at(f->path("points_source"),
              "chỉ tiêu không có điểm phải nói vì sao (không tìm thấy trong nguồn công bố)",
              "an indicator without points must say why (not found in a published source)");
  std::optional<Decimal> threshold;
  CCHC_TRY(threshold, figure(*f, "threshold"));
  if (threshold) {
    if (threshold->units <= 0 || *threshold > Decimal{100, 0})
      return at(f->path("threshold"), "ngưỡng phải lớn hơn 0 và không quá 100",
                "a threshold is above 0 and at most 100");
    ind.threshold = *threshold;
  }
  CCHC_TRY(ind.multiplied_by, f->string("multiplied_by"));
  std::optional<std::string> quarter;
  CCHC_TRY(quarter, f->maybe_string("quarter_denominator"));
  if (quarter && *quarter != "last-year")
    return at(f->path("quarter_denominator"), "chỉ nhận \"last-year\"", "only \"last-year\"");
  ind.quarter_denominator_from_last_year = quarter.has_value();
  return ind;
}

std::string two(const Rational& r) { return format_rational(r, 2); }
// A count as counted ("160.000"), a quarter of one with its decimals.
std::string amount(const Rational& r) {
  return format_rational(r, boost::multiprecision::denominator(r) == 1 ? 0 : 2);
}
std::string figure_text(const Decimal& d) { return format_decimal(d); }

Decimal add(const Decimal& a, const Decimal& b) {
  return round_to_decimal(a.to_rational() + b.to_rational(), std::max(a.scale, b.scale)).value();
}

}  // namespace

result<std::shared_ptr<const Scoring>> scoring_from_json(std::string_view text, const Catalog& cat) {
  auto doc = parse_json(text, JsonLimits{});
  if (!doc) return doc.error();
  auto f = Fields::of(*doc, "$", {"format", "title", "source", "groups"});
  if (!f) return f.error();
  if (auto r = check_format(*f, scoring_format); !r) return r.error();
  auto s = std::make_shared<Scoring>();
  CCHC_TRY(s->title, f->required_string("title"));
  CCHC_TRY(s->source, f->required_string("source"));
  const json::array* groups = nullptr;
  CCHC_TRY(groups, array_of(*f, "groups"));
  std::vector<std::string> ids;
  for (std::size_t g = 0; g < groups->size(); ++g) {
    const std::string gpath = element(f->path("groups"), g);
    auto gf = Fields::of((*groups)[g], gpath, {"id", "title", "title_en", "points", "indicators"});
    if (!gf) return gf.error();
    ScoreGroup group;
    CCHC_TRY(group.id, gf->required_string("id"));
    CCHC_TRY(group.title, gf->required_string("title"));
    CCHC_TRY(group.title_en, gf->string("title_en"));
    std::optional<Decimal> points;
    CCHC_TRY(points, figure(*gf, "points"));
    if (!points) return at(gf->path("points"), "thiếu giá trị bắt buộc", "required");
    group.points = *points;
    const json::array* inds = nullptr;
    CCHC_TRY(inds, array_of(*gf, "indicators"));
    Rational weighed = 0;
    bool all_weighed = true;
    for (std::size_t i = 0; i < inds->size(); ++i) {
      auto ind = read_indicator((*inds)[i], element(gf->path("indicators"), i), cat);
      if (!ind) return ind.error();
      for (const auto& id : ids)
        if (id == ind->id)
          return at(element(gf->path("indicators"), i), fmt::format("chỉ tiêu \"{}\" có hai lần", id),
                    fmt::format("indicator \"{}\" is there twice", id));
      ids.push_back(ind->id);
      if (ind->points) weighed += ind->points->to_rational();
      else all_weighed = false;
      group.indicators.push_back(std::move(*ind));
    }
    if (weighed > group.points.to_rational() || (all_weighed && weighed != group.points.to_rational()))
      return at(gf->path("points"),
                fmt::format("điểm các chỉ tiêu ({}) không khớp điểm của nhóm ({})", two(weighed),
                            figure_text(group.points)),
                fmt::format("the indicators' points ({}) do not match the group's ({})", two(weighed),
                            figure_text(group.points)));
    s->total = add(s->total, group.points);
    s->groups.push_back(std::move(group));
  }
  for (std::size_t g = 0; g < s->groups.size(); ++g)
    for (std::size_t i = 0; i < s->groups[g].indicators.size(); ++i) {
      const auto& by = s->groups[g].indicators[i].multiplied_by;
      if (!by.empty() && std::find(ids.begin(), ids.end(), by) == ids.end())
        return at(fmt::format("$.groups[{}].indicators[{}].multiplied_by", g, i),
                  fmt::format("không có chỉ tiêu \"{}\"", by), fmt::format("no indicator \"{}\"", by));
    }
  return std::shared_ptr<const Scoring>(std::move(s));
}

namespace {

struct Terms {
  std::optional<Rational> value;
  std::vector<std::string> missing;
};

Terms sum_terms(const Report& report, const std::vector<ScoreTerm>& terms) {
  Terms s{Rational(0), {}};
  for (const auto& t : terms) {
    const Value v = report.value(t.row);
    const auto* c = std::get_if<Count>(&v);
    if (c == nullptr || !c->ok()) {
      s.missing.push_back(report.catalog().row(t.row).address());
      continue;
    }
    *s.value += t.minus ? -Rational(c->get()) : Rational(c->get());
  }
  if (!s.missing.empty()) s.value.reset();
  return s;
}

const Report* last_year(const Report& report, const History* history) {
  if (history == nullptr || !report.metadata().period) return nullptr;
  const Period want{report.metadata().period->year - 1, PeriodKind::year};
  for (const Report* r : history->before(report))
    if (r->metadata().period == want) return r;
  return nullptr;
}

bool quarter(const Period& p) {
  return p.kind == PeriodKind::q1 || p.kind == PeriodKind::q2 || p.kind == PeriodKind::q3 ||
         p.kind == PeriodKind::q4;
}

}  // namespace

result<Score> score(const Report& report, const Template& tmpl, ScoreOptions options) {
  if (!tmpl.scoring())
    return make_error(errc::invalid_argument,
                      fmt::format("mẫu {} không có cách chấm điểm (scoring.json)", tmpl.id()),
                      fmt::format("template {} has no scoring (scoring.json)", tmpl.id()));
  const Catalog& cat = *tmpl.catalog();
  if (report.catalog().id() != cat.id() || report.catalog().version() != cat.version())
    return make_error(errc::invalid_argument,
                      fmt::format("báo cáo theo mẫu {} {}, không phải {} {}", report.catalog().id(),
                                  report.catalog().version(), cat.id(), cat.version()),
                      fmt::format("the report follows {} {}, not {} {}", report.catalog().id(),
                                  report.catalog().version(), cat.id(), cat.version()));
  const Scoring& scoring = *tmpl.scoring();
  Score out;
  out.scoring = &scoring;
  out.max = scoring.total;
  out.complete = true;
  out.total = Decimal{0, 2};
  // Rates first (an indicator may multiply by another's), then points.
  std::vector<std::pair<std::string, std::optional<Rational>>> rates;
  for (const auto& group : scoring.groups) {
    GroupScore gs;
    gs.group = &group;
    gs.points = Decimal{0, 2};
    for (const auto& ind : group.indicators) {
      IndicatorScore is;
      is.indicator = &ind;
      Terms num = sum_terms(report, ind.numerator);
      Terms den = sum_terms(report, ind.denominator);
      is.missing = num.missing;
      const bool empty_denominator = !den.value || *den.value == 0;
      if (empty_denominator && ind.quarter_denominator_from_last_year && report.metadata().period &&
          quarter(*report.metadata().period)) {
        const Report* last = last_year(report, options.history);
        Terms old = last ? sum_terms(*last, ind.denominator) : Terms{};
        if (old.value && *old.value > 0) {
          den.value = *old.value / 4;
          den.missing.clear();
          is.denominator_rule_vi = fmt::format("mẫu số của quý = năm {} ÷ 4 = {} ÷ 4", last->metadata().period->year,
                                               amount(*old.value));
          is.denominator_rule_en = fmt::format("the quarter's denominator = year {} ÷ 4 = {} ÷ 4",
                                               last->metadata().period->year, amount(*old.value));
        } else {
          is.denominator_rule_vi = "mẫu số trống; không có báo cáo năm trước để lấy ¼";
          is.denominator_rule_en = "blank denominator, and no report of last year to take a quarter of";
        }
      }
      for (auto& m : den.missing) is.missing.push_back(std::move(m));
      if (num.value && den.value && *den.value > 0) is.rate = Rational(100) * *num.value / *den.value;
      rates.emplace_back(ind.id, is.rate);
      gs.indicators.push_back(std::move(is));
    }
    out.groups.push_back(std::move(gs));
  }
  auto rate_of = [&](const std::string& id) -> std::optional<Rational> {
    for (const auto& [i, r] : rates)
      if (i == id) return r;
    return std::nullopt;
  };
  for (auto& gs : out.groups) {
    gs.complete = true;
    for (auto& is : gs.indicators) {
      const Indicator& ind = *is.indicator;
      if (is.rate && !ind.multiplied_by.empty()) {
        const auto by = rate_of(ind.multiplied_by);
        if (by) {
          is.rate = *is.rate * *by / 100;
        } else {
          is.missing.push_back(fmt::format("chỉ tiêu/indicator {}", ind.multiplied_by));
          is.rate.reset();
        }
      }
      if (!ind.points) {
        out.unweighted.push_back(ind.id);
        gs.complete = false;
        continue;
      }
      if (!is.rate) {
        gs.complete = false;
        continue;
      }
      const Rational full = ind.points->to_rational();
      const Rational earned = *is.rate >= ind.threshold.to_rational()
                                  ? full
                                  : full * *is.rate / ind.threshold.to_rational();
      is.points = round_to_decimal(earned, 2).value();
      gs.points = add(gs.points, *is.points);
    }
    out.total = add(out.total, gs.points);
    out.complete = out.complete && gs.complete;
  }
  return out;
}

namespace {

// What the note column says of one indicator: what was missing, how the quarter's denominator
// was found, whether it has a published weight.
std::string indicator_note(const IndicatorScore& is, bool vi) {
  std::string note;
  if (!is.missing.empty()) {
    std::string m;
    for (const auto& x : is.missing) detail::join_into(m, ", ", x);
    detail::join_into(note, "\n", fmt::format("{}: {}", vi ? "thiếu" : "missing", m));
  }
  if (!is.denominator_rule_vi.empty())
    detail::join_into(note, "\n", vi ? is.denominator_rule_vi : is.denominator_rule_en);
  if (!is.indicator->points) detail::join_into(note, "\n", vi ? "chưa có trọng số công bố" : "no published weight");
  return note;
}

std::string points_of(const IndicatorScore& is) {
  return fmt::format("{} / {}", is.points ? figure_text(*is.points) : "—",
                     is.indicator->points ? figure_text(*is.indicator->points) : "?");
}

std::string total_line(const Score& s, bool vi) {
  std::string out = fmt::format("{}: {} / {}", vi ? "Tổng điểm" : "Total", figure_text(s.total), figure_text(s.max));
  if (s.complete) return out;
  std::string missing, list;
  for (const auto& g : s.groups)
    for (const auto& i : g.indicators)
      if (i.indicator->points && !i.points) detail::join_into(missing, ", ", i.indicator->id);
  for (const auto& u : s.unweighted) detail::join_into(list, ", ", u);
  out += vi ? " — chưa đủ" : " — incomplete";
  if (!missing.empty())
    out += vi ? fmt::format("; thiếu số liệu: {}", missing) : fmt::format("; figures missing: {}", missing);
  if (!list.empty())
    out += vi ? fmt::format("; chỉ tiêu chưa có trọng số công bố: {}", list)
              : fmt::format("; indicators without a published weight: {}", list);
  return out;
}

}  // namespace

TableDocument score_table_model(const Report& report, const Score& s, Language lang) {
  const bool vi = lang == Language::vi;
  TableDocument doc;
  doc.lang = lang;
  const Metadata& m = report.metadata();
  doc.agency = m.agency.name;
  if (m.period) doc.period = vi ? label_vi(*m.period) : label_en(*m.period);
  doc.title = vi ? "KẾT QUẢ CHẤM ĐIỂM" : "SCORE";
  doc.subtitle = fmt::format("{}{}{}", s.scoring->title, doc.period.empty() ? "" : " — ", doc.period);
  doc.reference = total_line(s, vi);
  doc.catalog = fmt::format("{} {}", report.catalog().id(), report.catalog().version());
  doc.columns = {vi ? "TT" : "No.", vi ? "Chỉ tiêu" : "Indicator", vi ? "Tỷ lệ (%)" : "Rate (%)",
                 vi ? "Điểm" : "Points", vi ? "Ghi chú" : "Notes"};
  doc.notes = true;
  doc.metadata = m;
  for (std::size_t g = 0; g < s.groups.size(); ++g) {
    const GroupScore& gs = s.groups[g];
    TableForm form;
    form.number = static_cast<int>(g + 1);
    form.label = fmt::format("{} {}", vi ? "Nhóm" : "Group", gs.group->id);
    form.title = fmt::format("{}: {} / {}{}", vi || gs.group->title_en.empty() ? gs.group->title : gs.group->title_en,
                             figure_text(gs.points), figure_text(gs.group->points),
                             gs.complete ? "" : (vi ? " (chưa đủ)" : " (incomplete)"));
    form.title_en = gs.group->title_en;
    for (const auto& is : gs.indicators) {
      TableRow row;
      row.address = is.indicator->id;
      row.code = is.indicator->id;
      row.label = vi || is.indicator->title_en.empty() ? is.indicator->title : is.indicator->title_en;
      row.unit = is.rate ? two(*is.rate) : "—";
      row.value = points_of(is);
      row.kind = Kind::code;  // text in every writer: a rate and points of a maximum
      row.note = indicator_note(is, vi);
      form.rows.push_back(std::move(row));
    }
    doc.forms.push_back(std::move(form));
  }
  // The total as a table of its own, so that every writer shows it where a reader looks.
  TableForm total;
  total.number = static_cast<int>(s.groups.size() + 1);
  total.label = vi ? "Tổng" : "Total";
  total.title = vi ? "Tổng điểm" : "Total";
  TableRow row;
  row.label = s.scoring->title;
  row.unit = "";
  row.value = fmt::format("{} / {}", figure_text(s.total), figure_text(s.max));
  row.kind = Kind::code;
  const std::string line = total_line(s, vi);
  const auto dash = line.find(" — ");
  row.note = dash == std::string::npos ? "" : line.substr(dash + std::string_view(" — ").size());
  total.rows.push_back(std::move(row));
  doc.forms.push_back(std::move(total));
  return doc;
}

std::string score_to_text(const Score& s, Language lang) {
  const bool vi = lang == Language::vi;
  std::string out = fmt::format("{}\n{}\n\n", s.scoring->title, s.scoring->source);
  for (const auto& gs : s.groups) {
    const ScoreGroup& g = *gs.group;
    out += fmt::format("{} {} — {} / {}{}\n", g.id, vi || g.title_en.empty() ? g.title : g.title_en,
                       figure_text(gs.points), figure_text(g.points),
                       gs.complete ? "" : (vi ? " (chưa đủ)" : " (incomplete)"));
    detail::Table table({{vi ? "Chỉ tiêu" : "Indicator", 44},
                         {vi ? "Tỷ lệ %" : "Rate %", 8, detail::Table::Align::right},
                         {vi ? "Điểm" : "Points", 13, detail::Table::Align::right},
                         {vi ? "Ghi chú" : "Note", 30}});
    for (const auto& is : gs.indicators) {
      const Indicator& ind = *is.indicator;
      table.add_row({fmt::format("{} {}", ind.id, vi || ind.title_en.empty() ? ind.title : ind.title_en),
                     is.rate ? two(*is.rate) : "—", points_of(is), indicator_note(is, vi)});
    }
    out += table.render();
    out += '\n';
  }
  return out + total_line(s, vi) + '\n';
}

std::string score_to_json(const Score& s) {
  namespace json = boost::json;
  json::object root;
  root["format"] = "cchc.score/1";
  root["title"] = s.scoring->title;
  root["source"] = s.scoring->source;
  root["total"] = figure_text(s.total);
  root["max"] = figure_text(s.max);
  root["complete"] = s.complete;
  json::array groups;
  for (const auto& gs : s.groups) {
    json::object g;
    g["id"] = gs.group->id;
    g["title"] = gs.group->title;
    g["points"] = figure_text(gs.points);
    g["max"] = figure_text(gs.group->points);
    g["complete"] = gs.complete;
    json::array inds;
    for (const auto& is : gs.indicators) {
      json::object i;
      i["id"] = is.indicator->id;
      i["title"] = is.indicator->title;
      i["rate"] = is.rate ? json::value(two(*is.rate)) : json::value(nullptr);
      i["points"] = is.points ? json::value(figure_text(*is.points)) : json::value(nullptr);
      i["max"] = is.indicator->points ? json::value(figure_text(*is.indicator->points)) : json::value(nullptr);
      i["threshold"] = figure_text(is.indicator->threshold);
      if (!is.indicator->points) i["points_source"] = is.indicator->points_source;
      json::array missing;
      for (const auto& m : is.missing) missing.emplace_back(m);
      if (!missing.empty()) i["missing"] = std::move(missing);
      detail::put_if(i, "denominator_rule", is.denominator_rule_en);
      detail::put_if(i, "denominator_rule_vi", is.denominator_rule_vi);
      inds.emplace_back(std::move(i));
    }
    g["indicators"] = std::move(inds);
    groups.emplace_back(std::move(g));
  }
  root["groups"] = std::move(groups);
  json::array unweighted;
  for (const auto& u : s.unweighted) unweighted.emplace_back(u);
  root["unweighted"] = std::move(unweighted);
  return detail::to_pretty_json(root);
}

}  // namespace cchc
