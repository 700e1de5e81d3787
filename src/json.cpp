// SPDX-License-Identifier: MIT
#include "cchc/json.hpp"

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <utility>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "cchc/unicode.hpp"
#include "json_writer.hpp"

namespace cchc {
namespace json = boost::json;
namespace {

// Assigns the value of a result, or returns its error from the enclosing function.
#define CCHC_TRY(lhs, expr)              \
  do {                                   \
    auto cchc_r_ = (expr);               \
    if (!cchc_r_) return cchc_r_.error(); \
    lhs = std::move(*cchc_r_);           \
  } while (0)

// --- reading -----------------------------------------------------------------------------------

error at(const std::string& path, std::string vi, std::string en,
         errc code = errc::parse_error) {
  return make_error(code, std::move(vi), std::move(en), path);
}

std::string member(const std::string& path, std::string_view key) {
  const bool plain = !key.empty() && key.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyz_0123456789") ==
                                         std::string_view::npos;
  return plain ? fmt::format("{}.{}", path, key) : fmt::format("{}[\"{}\"]", path, key);
}

std::string element(const std::string& path, std::size_t i) {
  return fmt::format("{}[{}]", path, i);
}

std::string_view json_type(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "number";
    case json::kind::string: return "string";
    case json::kind::array: return "array";
    case json::kind::object: return "object";
  }
  return "value";
}

error wrong_type(const std::string& path, std::string_view expected, const json::value& v) {
  return at(path, fmt::format("cần {}, gặp {}", expected, json_type(v)),
            fmt::format("expected {}, found {}", expected, json_type(v)));
}

result<json::value> parse_json(std::string_view text, const JsonLimits& limits) {
  if (limits.max_depth > JsonLimits::max_depth_ceiling)
    return make_error(errc::invalid_argument,
                      fmt::format("giới hạn độ sâu {} vượt mức trần {}", limits.max_depth,
                                  JsonLimits::max_depth_ceiling),
                      fmt::format("a depth limit of {} is above the ceiling of {}",
                                  limits.max_depth, JsonLimits::max_depth_ceiling));
  if (text.size() > limits.max_bytes)
    return make_error(errc::limit_exceeded,
                      fmt::format("tài liệu JSON quá lớn ({} byte, tối đa {})", text.size(),
                                  limits.max_bytes),
                      fmt::format("JSON document too large ({} bytes, at most {})", text.size(),
                                  limits.max_bytes));
  json::parse_options opt;
  opt.max_depth = limits.max_depth;
  json::stream_parser p({}, opt);
  boost::system::error_code ec;
  const std::size_t used = p.write_some(text.data(), text.size(), ec);
  if (!ec && used < text.size()) ec = json::error::extra_data;
  if (!ec) p.finish(ec);
  if (ec) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < used && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++col;
      }
    }
    const bool depth = ec == json::error::too_deep;
    return make_error(depth ? errc::limit_exceeded
                            : (ec == json::error::syntax && !is_valid_utf8(text)
                                   ? errc::invalid_utf8
                                   : errc::parse_error),
                      fmt::format("JSON không hợp lệ: {}", ec.message()),
                      fmt::format("malformed JSON: {}", ec.message()),
                      fmt::format("{}:{}", line, col));
  }
  return p.release();
}

// A JSON object whose keys are checked against a closed list, with typed getters that name the
// path of whatever is wrong.
class Fields {
 public:
  static result<Fields> of(const json::value& v, std::string path,
                           std::initializer_list<std::string_view> allowed) {
    if (!v.is_object()) return wrong_type(path, "object", v);
    const auto& obj = v.get_object();
    for (const auto& kv : obj) {
      bool known = false;
      for (auto a : allowed) known = known || a == kv.key();
      if (!known)
        return at(member(path, kv.key()), "khóa không được hỗ trợ", "unknown key");
    }
    return Fields(obj, std::move(path));
  }

  const std::string& path() const { return path_; }
  const json::value* get(std::string_view key) const {
    auto it = obj_.find(key);
    return it == obj_.end() ? nullptr : &it->value();
  }
  std::string path(std::string_view key) const { return member(path_, key); }

  result<std::optional<std::string>> maybe_string(std::string_view key) const {
    const auto* v = get(key);
    if (v == nullptr || v->is_null()) return std::optional<std::string>{};
    if (!v->is_string()) return wrong_type(path(key), "string", *v);
    auto nfc = normalize_nfc(std::string_view(v->get_string()));
    if (!nfc) return std::move(nfc.error()).within(path(key));
    return std::optional<std::string>(std::move(*nfc));
  }
  result<std::string> string(std::string_view key) const {
    auto s = maybe_string(key);
    if (!s) return s.error();
    return s->value_or(std::string{});
  }
  result<std::string> required_string(std::string_view key) const {
    auto s = maybe_string(key);
    if (!s) return s.error();
    if (!*s || (*s)->empty()) return at(path(key), "thiếu giá trị bắt buộc", "required");
    return std::move(**s);
  }
  result<bool> boolean(std::string_view key, bool fallback) const {
    const auto* v = get(key);
    if (v == nullptr || v->is_null()) return fallback;
    if (!v->is_bool()) return wrong_type(path(key), "boolean", *v);
    return v->get_bool();
  }
  result<std::optional<bool>> maybe_boolean(std::string_view key) const {
    const auto* v = get(key);
    if (v == nullptr || v->is_null()) return std::optional<bool>{};
    if (!v->is_bool()) return wrong_type(path(key), "boolean", *v);
    return std::optional<bool>(v->get_bool());
  }
  result<std::int64_t> integer(std::string_view key) const {
    const auto* v = get(key);
    if (v == nullptr) return at(path(key), "thiếu giá trị bắt buộc", "required");
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64())
      return at(path(key), "số quá lớn", "number too large", errc::out_of_range);
    return wrong_type(path(key), "integer", *v);
  }
  result<std::optional<Date>> date(std::string_view key) const {
    auto s = maybe_string(key);
    if (!s) return s.error();
    if (!*s) return std::optional<Date>{};
    auto d = parse_iso_date(**s);
    if (!d) return std::move(d.error()).within(path(key));
    return std::optional<Date>(*d);
  }

 private:
  Fields(const json::object& obj, std::string path) : obj_(obj), path_(std::move(path)) {}
  const json::object& obj_;
  std::string path_;
};

result<const json::array*> array_of(const Fields& f, std::string_view key) {
  const auto* v = f.get(key);
  static const json::array empty;
  if (v == nullptr || v->is_null()) return &empty;
  if (!v->is_array()) return wrong_type(f.path(key), "array", *v);
  return &v->get_array();
}

result<void> check_format(const Fields& f, std::string_view expected) {
  auto s = f.maybe_string("format");
  if (!s) return s.error();
  if (*s && **s != expected)
    return at(f.path("format"),
              fmt::format("định dạng \"{}\" không được hỗ trợ, cần \"{}\"", **s, expected),
              fmt::format("unsupported format \"{}\", expected \"{}\"", **s, expected));
  return {};
}

// --- writing -----------------------------------------------------------------------------------

void put_if(json::object& o, std::string_view key, const std::string& s) {
  if (!s.empty()) o[key] = s;
}

// --- catalogue ---------------------------------------------------------------------------------

result<RowDefinition> read_row(const json::value& v, const std::string& path) {
  auto f = Fields::of(v, path,
                      {"code", "printed_code", "label", "label_en", "description", "unit", "kind",
                       "codes", "parent", "children", "ratio", "pair", "cumulative", "required",
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

// --- report ------------------------------------------------------------------------------------

// `parent` and `key` make the JSON path of the value, which is built only for an error: reading a
// valid report formats no paths.
result<Value> read_value(const json::value& v, const Row& row, const std::string& parent,
                         std::string_view key) {
  auto path = [&] { return member(parent, key); };
  if (v.is_null()) return Value{Absent{}};
  if (v.is_string()) {
    const std::string_view text(v.get_string());
    auto value = parse_value(text, row.kind, row.codes);
    if (!value) return std::move(value.error()).within(path());
    return value;
  }
  if (v.is_int64() || v.is_uint64()) {
    // Whole JSON numbers are unambiguous for integer kinds; decimals must be text to stay exact.
    if (row.kind == Kind::percent || row.kind == Kind::pair || row.kind == Kind::heading)
      return at(path(), "số liệu này phải viết dạng chuỗi, ví dụ \"33,3\" hoặc \"0/0\"",
                "write this value as a string, e.g. \"33,3\" or \"0/0\"", errc::kind_mismatch);
    if (v.is_uint64())
      return at(path(), "số quá lớn", "number too large", errc::out_of_range);
    auto value = parse_value(std::to_string(v.get_int64()), row.kind, row.codes);
    if (!value) return std::move(value.error()).within(path());
    return value;
  }
  if (v.is_double())
    return at(path(), "số thập phân phải viết dạng chuỗi để giữ chính xác, ví dụ \"33,3\"",
              "write decimals as strings to keep them exact, e.g. \"33,3\"", errc::kind_mismatch);
  if (v.is_object()) {
    auto f = Fields::of(v, path(), {"absent", "text"});
    if (!f) return f.error();
    std::string reason, text;
    CCHC_TRY(reason, f->required_string("absent"));
    CCHC_TRY(text, f->string("text"));
    auto r = absence_from_string(reason);
    if (!r)
      return at(f->path("absent"), fmt::format("lý do \"{}\" không tồn tại", reason),
                fmt::format("unknown reason \"{}\" (not_reported, not_applicable)", reason));
    return Value{Absent(*r, std::move(text))};
  }
  return wrong_type(path(), "string, integer, null or {\"absent\": …}", v);
}

json::value write_value(const Value& v) {
  if (const auto* a = std::get_if<Absent>(&v)) {
    if (a->reason() == Absent::Reason::not_reported && a->text().empty()) return nullptr;
    json::object o;
    o["absent"] = to_string(a->reason());
    if (!a->text().empty()) o["text"] = a->text();
    return o;
  }
  return json::string(text_of(v));
}

}  // namespace

result<std::shared_ptr<const Catalog>> catalog_from_json(std::string_view text,
                                                         JsonLimits limits) {
  auto doc = parse_json(text, limits);
  if (!doc) return doc.error();
  auto f = Fields::of(*doc, "$",
                      {"format", "id", "version", "title", "title_en", "province", "level",
                       "guidance", "effective", "forms"});
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
  const json::array* forms = nullptr;
  CCHC_TRY(forms, array_of(*f, "forms"));
  if (forms->empty()) return at(f->path("forms"), "danh mục không có biểu mẫu", "no forms");
  for (std::size_t i = 0; i < forms->size(); ++i) {
    auto form = read_form((*forms)[i], element(f->path("forms"), i));
    if (!form) return form.error();
    def.forms.push_back(std::move(*form));
  }
  return Catalog::create(std::move(def));
}

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

result<Report> report_from_json(std::string_view text, std::shared_ptr<const Catalog> catalog,
                                JsonLimits limits) {
  if (!catalog)
    return make_error(errc::invalid_argument, "thiếu danh mục", "no catalogue given");
  auto doc = parse_json(text, limits);
  if (!doc) return doc.error();
  auto f = Fields::of(*doc, "$",
                      {"format", "catalog", "agency", "province", "period", "document", "values",
                       "notes", "lines"});
  if (!f) return f.error();
  if (auto r = check_format(*f, report_format); !r) return r.error();
  Report report(catalog);
  Metadata& m = report.metadata();

  if (const auto* c = f->get("catalog"); c && !c->is_null()) {
    auto cf = Fields::of(*c, f->path("catalog"), {"id", "version"});
    if (!cf) return cf.error();
    std::string id, version;
    CCHC_TRY(id, cf->required_string("id"));
    CCHC_TRY(version, cf->required_string("version"));
    if (id != catalog->id() || version != catalog->version())
      return at(f->path("catalog"),
                fmt::format("báo cáo theo danh mục {} phiên bản {}, không phải {} phiên bản {}",
                            id, version, catalog->id(), catalog->version()),
                fmt::format("the report follows catalogue {} version {}, not {} version {}", id,
                            version, catalog->id(), catalog->version()),
                errc::invalid_argument);
  }
  if (const auto* a = f->get("agency"); a && !a->is_null()) {
    auto af = Fields::of(*a, f->path("agency"), {"name", "code", "level"});
    if (!af) return af.error();
    CCHC_TRY(m.agency.name, af->string("name"));
    CCHC_TRY(m.agency.code, af->string("code"));
    std::optional<std::string> level;
    CCHC_TRY(level, af->maybe_string("level"));
    if (level) {
      auto l = agency_level_from_string(*level);
      if (!l)
        return at(af->path("level"), fmt::format("cấp \"{}\" không tồn tại", *level),
                  fmt::format("unknown level \"{}\" (department, district, commune, province)",
                              *level));
      m.agency.level = *l;
    }
  }
  CCHC_TRY(m.province, f->string("province"));
  if (const auto* p = f->get("period"); p && !p->is_null()) {
    auto pf = Fields::of(*p, f->path("period"), {"year", "kind"});
    if (!pf) return pf.error();
    std::int64_t year = 0;
    CCHC_TRY(year, pf->integer("year"));
    if (year < Period::min_year || year > Period::max_year)
      return at(pf->path("year"), "năm không hợp lệ", "implausible year", errc::out_of_range);
    std::string kind;
    CCHC_TRY(kind, pf->required_string("kind"));
    auto k = period_kind_from_string(kind);
    if (!k)
      return at(pf->path("kind"), fmt::format("kỳ báo cáo \"{}\" không tồn tại", kind),
                fmt::format("unknown period \"{}\" (q1, q2, q3, q4, six_months, nine_months, "
                            "year)",
                            kind));
    m.period = Period{static_cast<int>(year), *k};
  }
  if (const auto* d = f->get("document"); d && !d->is_null()) {
    auto df = Fields::of(*d, f->path("document"),
                         {"number", "symbol", "date", "place", "signer", "signer_title"});
    if (!df) return df.error();
    CCHC_TRY(m.document.number, df->string("number"));
    CCHC_TRY(m.document.symbol, df->string("symbol"));
    CCHC_TRY(m.document.date, df->date("date"));
    CCHC_TRY(m.document.place, df->string("place"));
    CCHC_TRY(m.document.signer, df->string("signer"));
    CCHC_TRY(m.document.signer_title, df->string("signer_title"));
  }
  if (const auto* values = f->get("values"); values && !values->is_null()) {
    if (!values->is_object()) return wrong_type(f->path("values"), "object", *values);
    const std::string parent = f->path("values");
    for (const auto& kv : values->get_object()) {
      auto id = catalog->lookup(kv.key());
      if (!id) return std::move(id.error()).within(parent);
      auto v = read_value(kv.value(), catalog->row(*id), parent, kv.key());
      if (!v) return v.error();
      if (auto r = report.set(*id, std::move(*v)); !r)
        return std::move(r.error()).within(member(parent, kv.key()));
    }
  }
  if (const auto* notes = f->get("notes"); notes && !notes->is_null()) {
    if (!notes->is_object()) return wrong_type(f->path("notes"), "object", *notes);
    for (const auto& kv : notes->get_object()) {
      const std::string path = member(f->path("notes"), kv.key());
      auto id = catalog->lookup(kv.key());
      if (!id) return std::move(id.error()).within(f->path("notes"));
      if (!kv.value().is_string()) return wrong_type(path, "string", kv.value());
      auto note = normalize_nfc(std::string_view(kv.value().get_string()));
      if (!note) return std::move(note.error()).within(path);
      report.set_note(*id, std::move(*note));
    }
  }
  if (const auto* lines = f->get("lines"); lines && !lines->is_null()) {
    if (!lines->is_object()) return wrong_type(f->path("lines"), "object", *lines);
    for (const auto& kv : lines->get_object()) {
      const std::string path = member(f->path("lines"), kv.key());
      auto id = catalog->lookup(kv.key());
      if (!id) return std::move(id.error()).within(f->path("lines"));
      if (!kv.value().is_int64() || kv.value().get_int64() <= 0 ||
          kv.value().get_int64() > INT32_MAX)
        return wrong_type(path, "a positive line number", kv.value());
      report.set_source_line(*id, static_cast<std::size_t>(kv.value().get_int64()));
    }
  }
  return report;
}

result<Report> report_from_json(std::string_view json) {
  return report_from_json(json, builtin_catalog());
}

std::string report_to_json(const Report& report) {
  const Metadata& m = report.metadata();
  const Catalog& cat = report.catalog();
  json::object o;
  o["format"] = report_format;
  o["catalog"] = {{"id", m.catalog_id}, {"version", m.catalog_version}};
  json::object agency;
  agency["name"] = m.agency.name;
  put_if(agency, "code", m.agency.code);
  agency["level"] = to_string(m.agency.level);
  o["agency"] = std::move(agency);
  put_if(o, "province", m.province);
  if (m.period)
    o["period"] = {{"year", m.period->year}, {"kind", to_string(m.period->kind)}};
  json::object doc;
  put_if(doc, "number", m.document.number);
  put_if(doc, "symbol", m.document.symbol);
  if (m.document.date) doc["date"] = format_iso_date(*m.document.date);
  put_if(doc, "place", m.document.place);
  put_if(doc, "signer", m.document.signer);
  put_if(doc, "signer_title", m.document.signer_title);
  if (!doc.empty()) o["document"] = std::move(doc);
  json::object values;
  json::object notes;
  json::object lines;
  for (const Row& row : cat.rows()) {
    if (row.holds_value()) values[row.address()] = write_value(report.value(row.id));
    if (!report.note(row.id).empty()) notes[row.address()] = report.note(row.id);
    if (auto line = report.source_line(row.id)) lines[row.address()] = *line;
  }
  o["values"] = std::move(values);
  if (!notes.empty()) o["notes"] = std::move(notes);
  if (!lines.empty()) o["lines"] = std::move(lines);
  return detail::to_pretty_json(o);
}

result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return make_error(errc::io_error, "không mở được tệp", "cannot open the file", path.string());
  std::string data;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n > max_bytes - data.size())
      return make_error(errc::limit_exceeded,
                        fmt::format("tệp quá lớn (hơn {} byte)", max_bytes),
                        fmt::format("file too large (more than {} bytes)", max_bytes),
                        path.string());
    data.append(chunk, n);
  }
  if (in.bad())
    return make_error(errc::io_error, "không đọc được tệp", "cannot read the file",
                      path.string());
  return data;
}

result<void> write_file(const std::filesystem::path& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    return make_error(errc::io_error, "không ghi được tệp", "cannot write the file",
                      path.string());
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out)
    return make_error(errc::io_error, "không ghi được tệp", "cannot write the file",
                      path.string());
  return {};
}

result<std::shared_ptr<const Catalog>> load_catalog(const std::filesystem::path& path,
                                                   JsonLimits limits) {
  auto text = read_file(path, limits.max_bytes);
  if (!text) return text.error();
  auto cat = catalog_from_json(*text, limits);
  if (!cat) return std::move(cat.error()).within(path.string());
  return cat;
}

result<Report> load_report(const std::filesystem::path& path,
                           std::shared_ptr<const Catalog> catalog, JsonLimits limits) {
  auto text = read_file(path, limits.max_bytes);
  if (!text) return text.error();
  auto report = report_from_json(*text, std::move(catalog), limits);
  if (!report) return std::move(report.error()).within(path.string());
  return report;
}

}  // namespace cchc
