// SPDX-License-Identifier: MIT
// Catalogues as JSON: deterministic, in the catalogue's own order, defaults omitted.
#include <boost/json.hpp>
#include <fmt/format.h>

#include "cchc/json.hpp"
#include "out/json/pretty.hpp"

namespace cchc {
namespace json = boost::json;
using detail::put_if;
namespace {

json::value write_row(const RowDefinition& r) {
  json::object o;
  o["code"] = r.code;
  if (r.printed_code && *r.printed_code != r.code) o["printed_code"] = *r.printed_code;
  o["label"] = r.label;
  put_if(o, "label_en", r.label_en);
  put_if(o, "description", r.description);
  put_if(o, "unit", r.unit);
  o["kind"] = to_string(r.kind);
  if (!r.codes.empty()) {
    json::array codes;
    for (const auto& c : r.codes) {
      json::object co;
      co["value"] = c.value;
      co["label"] = c.label;
      put_if(co, "label_en", c.label_en);
      codes.push_back(std::move(co));
    }
    o["codes"] = std::move(codes);
  }
  if (r.parent) {
    if (r.parent->empty()) o["parent"] = nullptr;
    else o["parent"] = *r.parent;
  }
  if (r.children != ChildRelation::detail) o["children"] = to_string(r.children);
  if (r.ratio_numerator && r.ratio_denominator)
    o["ratio"] = {{"numerator", *r.ratio_numerator}, {"denominator", *r.ratio_denominator}};
  if (r.pair) {
    json::object p;
    p["first"] = r.pair->first;
    p["second"] = r.pair->second;
    p["relation"] = to_string(r.pair->relation);
    o["pair"] = std::move(p);
  }
  if (r.cumulative) o["cumulative"] = true;
  if (r.measure) o["measure"] = to_string(*r.measure);
  if (r.aggregation) o["consolidate"] = to_string(*r.aggregation);
  if (r.decimals) o["decimals"] = *r.decimals;
  if (r.required) o["required"] = *r.required;
  if (!r.footnotes.empty()) {
    json::array notes;
    for (const auto& fn : r.footnotes) {
      json::object n;
      n["mark"] = fn.mark;
      put_if(n, "anchor", fn.anchor);
      n["text"] = fn.text;
      notes.push_back(std::move(n));
    }
    o["footnotes"] = std::move(notes);
  }
  put_if(o, "note", r.note);
  if (!r.phrases.empty()) {
    json::array phrases;
    for (const auto& p : r.phrases) phrases.emplace_back(p);
    o["phrases"] = std::move(phrases);
  }
  return o;
}


}  // namespace

std::string catalog_to_json(const Catalog& catalog) {
  const CatalogDefinition& def = catalog.definition();
  json::object o;
  o["format"] = catalog_format;
  o["id"] = def.id;
  o["version"] = def.version;
  put_if(o, "title", def.title);
  put_if(o, "title_en", def.title_en);
  put_if(o, "province", def.province);
  put_if(o, "level", def.level);
  json::object g;
  put_if(g, "document", def.guidance.document);
  put_if(g, "issuer", def.guidance.issuer);
  if (def.guidance.date) g["date"] = format_iso_date(*def.guidance.date);
  put_if(g, "title", def.guidance.title);
  if (!g.empty()) o["guidance"] = std::move(g);
  if (def.effective_from || def.effective_until) {
    json::object e;
    if (def.effective_from) e["from"] = format_iso_date(*def.effective_from);
    if (def.effective_until) e["until"] = format_iso_date(*def.effective_until);
    o["effective"] = std::move(e);
  }
  if (def.vocabulary != Vocabulary{}) {
    json::object v;
    auto list = [](const std::vector<std::string>& words) {
      json::array a;
      for (const auto& w : words) a.emplace_back(w);
      return a;
    };
    if (!def.vocabulary.annex_headings.empty()) v["annex_headings"] = list(def.vocabulary.annex_headings);
    if (!def.vocabulary.form_headings.empty()) v["form_headings"] = list(def.vocabulary.form_headings);
    o["vocabulary"] = std::move(v);
  }
  json::array forms;
  for (const auto& fd : def.forms) {
    json::object fo;
    fo["number"] = fd.number;
    fo["title"] = fd.title;
    put_if(fo, "title_en", fd.title_en);
    put_if(fo, "subtitle", fd.subtitle);
    json::array rows;
    for (const auto& r : fd.rows) rows.push_back(write_row(r));
    fo["rows"] = std::move(rows);
    if (!fd.sums.empty()) {
      json::array sums;
      for (const auto& s : fd.sums) {
        json::object so;
        so["total"] = s.total;
        json::array parts;
        for (const auto& p : s.parts) parts.emplace_back(p);
        so["parts"] = std::move(parts);
        so["relation"] = to_string(s.relation);
        sums.push_back(std::move(so));
      }
      fo["sums"] = std::move(sums);
    }
    forms.push_back(std::move(fo));
  }
  o["forms"] = std::move(forms);
  return detail::to_pretty_json(o);
}

}  // namespace cchc
