// SPDX-License-Identifier: MIT
// Catalogues from JSON (cchc.catalog/1, docs/catalog.md): every row and form validated, with
// the path of whatever is wrong.
#include <utility>

#include <fmt/format.h>

#include "cchc/json.hpp"
#include "cchc/unicode.hpp"
#include "in/json/catalog_reader.hpp"
#include "in/json/fields.hpp"

namespace cchc {
using namespace detail::json_in;
namespace {

result<RowDefinition> read_row(const json::value& v, const std::string& path) {
  auto f = Fields::of(v, path,
                      {"code", "printed_code", "label", "label_en", "description", "unit", "kind",
                       "codes", "parent", "children", "ratio", "pair", "cumulative", "measure",
                       "consolidate", "decimals", "required",
                       "footnotes", "note", "phrases"});
  if (!f) return f.error();
  RowDefinition r;
  CCHC_TRY(r.code, f->required_string("code"));
  CCHC_TRY(r.printed_code, f->maybe_string("printed_code"));
  CCHC_TRY(r.label, f->required_string("label"));
  CCHC_TRY(r.label_en, f->string("label_en"));
  CCHC_TRY(r.description, f->string("description"));
  CCHC_TRY(r.unit, f->string("unit"));
  std::string kind;
  CCHC_TRY(kind, f->required_string("kind"));
  auto k = kind_from_string(kind);
  if (!k)
    return at(f->path("kind"), fmt::format("loại \"{}\" không tồn tại", kind),
              fmt::format("unknown kind \"{}\" (heading, count, percent, yes_no, code, pair, "
                          "money)",
                          kind));
  r.kind = *k;
  const json::array* codes = nullptr;
  CCHC_TRY(codes, array_of(*f, "codes"));
  for (std::size_t i = 0; i < codes->size(); ++i) {
    auto c = Fields::of((*codes)[i], element(f->path("codes"), i), {"value", "label", "label_en"});
    if (!c) return c.error();
    CodeOption o;
    CCHC_TRY(o.value, c->integer("value"));
    CCHC_TRY(o.label, c->required_string("label"));
    CCHC_TRY(o.label_en, c->string("label_en"));
    r.codes.push_back(std::move(o));
  }
  if (const auto* parent = f->get("parent"); parent && parent->is_null()) {
    r.parent = std::string{};  // explicitly top-level
  } else {
    CCHC_TRY(r.parent, f->maybe_string("parent"));
  }
  std::optional<std::string> children;
  CCHC_TRY(children, f->maybe_string("children"));
  if (children) {
    auto rel = child_relation_from_string(*children);
    if (!rel)
      return at(f->path("children"), fmt::format("quan hệ \"{}\" không tồn tại", *children),
                fmt::format("unknown relation \"{}\" (detail, of_which, partition)", *children));
    r.children = *rel;
  }
  if (const auto* ratio = f->get("ratio"); ratio && !ratio->is_null()) {
    auto rf = Fields::of(*ratio, f->path("ratio"), {"numerator", "denominator"});
    if (!rf) return rf.error();
    CCHC_TRY(r.ratio_numerator, rf->required_string("numerator"));
    CCHC_TRY(r.ratio_denominator, rf->required_string("denominator"));
  }
  if (const auto* pair = f->get("pair"); pair && !pair->is_null()) {
    auto pf = Fields::of(*pair, f->path("pair"), {"first", "second", "relation"});
    if (!pf) return pf.error();
    PairDefinition pd;
    CCHC_TRY(pd.first, pf->string("first"));
    CCHC_TRY(pd.second, pf->string("second"));
    std::optional<std::string> rel;
    CCHC_TRY(rel, pf->maybe_string("relation"));
    if (rel) {
      auto pr = pair_relation_from_string(*rel);
      if (!pr)
        return at(pf->path("relation"), fmt::format("quan hệ \"{}\" không tồn tại", *rel),
                  fmt::format("unknown relation \"{}\" (none, first_le_second, equal)", *rel));
      pd.relation = *pr;
    }
    r.pair = std::move(pd);
  }
  CCHC_TRY(r.cumulative, f->boolean("cumulative", false));
  std::optional<std::string> measure;
  CCHC_TRY(measure, f->maybe_string("measure"));
  if (measure) {
    r.measure = measure_from_string(*measure);
    if (!r.measure)
      return at(f->path("measure"), fmt::format("measure \"{}\" không tồn tại", *measure),
                fmt::format("unknown measure \"{}\" (flow, cumulative, stock)", *measure));
  }
  std::optional<std::string> consolidate;
  CCHC_TRY(consolidate, f->maybe_string("consolidate"));
  if (consolidate) {
    r.aggregation = aggregation_from_string(*consolidate);
    if (!r.aggregation)
      return at(f->path("consolidate"),
                fmt::format("cách tổng hợp \"{}\" không tồn tại", *consolidate),
                fmt::format("unknown consolidation \"{}\" (sum, ratio, count-yes, none)",
                            *consolidate));
  }
  if (f->get("decimals") && !f->get("decimals")->is_null()) {
    std::int64_t decimals = 0;
    CCHC_TRY(decimals, f->integer("decimals"));
    if (decimals < 0 || decimals > 6)
      return at(f->path("decimals"), "decimals từ 0 đến 6", "decimals is from 0 to 6");
    r.decimals = static_cast<int>(decimals);
  }
  CCHC_TRY(r.required, f->maybe_boolean("required"));
  const json::array* notes = nullptr;
  CCHC_TRY(notes, array_of(*f, "footnotes"));
  for (std::size_t i = 0; i < notes->size(); ++i) {
    auto nf = Fields::of((*notes)[i], element(f->path("footnotes"), i), {"mark", "anchor", "text"});
    if (!nf) return nf.error();
    Footnote fn;
    CCHC_TRY(fn.mark, nf->required_string("mark"));
    CCHC_TRY(fn.anchor, nf->string("anchor"));
    CCHC_TRY(fn.text, nf->required_string("text"));
    r.footnotes.push_back(std::move(fn));
  }
  CCHC_TRY(r.note, f->string("note"));
  const json::array* phrases = nullptr;
  CCHC_TRY(phrases, array_of(*f, "phrases"));
  for (std::size_t i = 0; i < phrases->size(); ++i) {
    if (!(*phrases)[i].is_string())
      return wrong_type(element(f->path("phrases"), i), "string", (*phrases)[i]);
    auto nfc = normalize_nfc(std::string_view((*phrases)[i].get_string()));
    if (!nfc) return std::move(nfc.error()).within(element(f->path("phrases"), i));
    r.phrases.push_back(std::move(*nfc));
  }
  return r;
}

result<FormDefinition> read_form(const json::value& v, const std::string& path) {
  auto f = Fields::of(v, path, {"number", "title", "title_en", "subtitle", "rows", "sums"});
  if (!f) return f.error();
  FormDefinition form;
  std::int64_t number = 0;
  CCHC_TRY(number, f->integer("number"));
  if (number <= 0 || number > 999)
    return at(f->path("number"), "số biểu mẫu phải từ 1 đến 999",
              "a form number is between 1 and 999");
  form.number = static_cast<int>(number);
  CCHC_TRY(form.title, f->required_string("title"));
  CCHC_TRY(form.title_en, f->string("title_en"));
  CCHC_TRY(form.subtitle, f->string("subtitle"));
  const json::array* rows = nullptr;
  CCHC_TRY(rows, array_of(*f, "rows"));
  for (std::size_t i = 0; i < rows->size(); ++i) {
    auto row = read_row((*rows)[i], element(f->path("rows"), i));
    if (!row) return row.error();
    form.rows.push_back(std::move(*row));
  }
  const json::array* sums = nullptr;
  CCHC_TRY(sums, array_of(*f, "sums"));
  for (std::size_t i = 0; i < sums->size(); ++i) {
    const std::string spath = element(f->path("sums"), i);
    auto sf = Fields::of((*sums)[i], spath, {"total", "parts", "relation"});
    if (!sf) return sf.error();
    SumDefinition sd;
    CCHC_TRY(sd.total, sf->required_string("total"));
    const json::array* parts = nullptr;
    CCHC_TRY(parts, array_of(*sf, "parts"));
    for (std::size_t j = 0; j < parts->size(); ++j) {
      if (!(*parts)[j].is_string())
        return wrong_type(element(sf->path("parts"), j), "string", (*parts)[j]);
      sd.parts.emplace_back((*parts)[j].get_string());
    }
    std::string rel;
    CCHC_TRY(rel, sf->string("relation"));
    if (!rel.empty()) {
      auto r = sum_relation_from_string(rel);
      if (!r)
        return at(sf->path("relation"), fmt::format("quan hệ \"{}\" không tồn tại", rel),
                  fmt::format("unknown relation \"{}\" (equal, at_most)", rel));
      sd.relation = *r;
    }
    form.sums.push_back(std::move(sd));
  }
  return form;
}


}  // namespace

namespace detail {

result<CatalogDefinition> catalog_definition_from_json(std::string_view text, JsonLimits limits) {
  auto doc = parse_json(text, limits);
  if (!doc) return doc.error();
  auto f = Fields::of(*doc, "$",
                      {"format", "id", "version", "title", "title_en", "province", "level",
                       "guidance", "effective", "vocabulary", "forms"});
  if (!f) return f.error();
  if (auto r = check_format(*f, catalog_format); !r) return r.error();
  CatalogDefinition def;
  CCHC_TRY(def.id, f->required_string("id"));
  CCHC_TRY(def.version, f->required_string("version"));
  CCHC_TRY(def.title, f->string("title"));
  CCHC_TRY(def.title_en, f->string("title_en"));
  CCHC_TRY(def.province, f->string("province"));
  CCHC_TRY(def.level, f->string("level"));
  if (const auto* g = f->get("guidance"); g && !g->is_null()) {
    auto gf = Fields::of(*g, f->path("guidance"), {"document", "issuer", "date", "title"});
    if (!gf) return gf.error();
    CCHC_TRY(def.guidance.document, gf->string("document"));
    CCHC_TRY(def.guidance.issuer, gf->string("issuer"));
    CCHC_TRY(def.guidance.date, gf->date("date"));
    CCHC_TRY(def.guidance.title, gf->string("title"));
  }
  if (const auto* e = f->get("effective"); e && !e->is_null()) {
    auto ef = Fields::of(*e, f->path("effective"), {"from", "until"});
    if (!ef) return ef.error();
    CCHC_TRY(def.effective_from, ef->date("from"));
    CCHC_TRY(def.effective_until, ef->date("until"));
  }
  if (auto r = read_vocabulary(*f, def.vocabulary); !r) return r.error();
  const json::array* forms = nullptr;
  CCHC_TRY(forms, array_of(*f, "forms"));
  if (forms->empty()) return at(f->path("forms"), "danh mục không có biểu mẫu", "no forms");
  for (std::size_t i = 0; i < forms->size(); ++i) {
    auto form = read_form((*forms)[i], element(f->path("forms"), i));
    if (!form) return form.error();
    def.forms.push_back(std::move(*form));
  }
  return def;
}

}  // namespace detail

result<std::shared_ptr<const Catalog>> catalog_from_json(std::string_view text, JsonLimits limits) {
  auto def = detail::catalog_definition_from_json(text, limits);
  if (!def) return def.error();
  return Catalog::create(std::move(*def));
}

}  // namespace cchc
