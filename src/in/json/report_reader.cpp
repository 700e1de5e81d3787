// SPDX-License-Identifier: MIT
// Reports from JSON (cchc.report/1, docs/report-json.md), read against their catalogue.
#include <utility>

#include <fmt/format.h>

#include "cchc/io.hpp"
#include "cchc/json.hpp"
#include "cchc/unicode.hpp"
#include "batch/chunk.hpp"
#include "cchc/cell.hpp"
#include "in/json/fields.hpp"
#include "in/json/report_cells.hpp"

namespace cchc {
using namespace detail::json_in;
namespace {

// `parent` and `key` make the JSON path of the value, which is built only for an error: reading a
// valid report formats no paths.
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


// The report's metadata ("catalog" must name `catalog`), as report_from_json reads it.
result<void> read_metadata(const Fields& fields, const Catalog& catalog, Metadata& m) {
  const Fields* f = &fields;
  if (const auto* c = f->get("catalog"); c && !c->is_null()) {
    auto cf = Fields::of(*c, f->path("catalog"), {"id", "version"});
    if (!cf) return cf.error();
    std::string id, version;
    CCHC_TRY(id, cf->required_string("id"));
    CCHC_TRY(version, cf->required_string("version"));
    if (id != catalog.id() || version != catalog.version())
      return at(f->path("catalog"),
                fmt::format("báo cáo theo danh mục {} phiên bản {}, không phải {} phiên bản {}",
                            id, version, catalog.id(), catalog.version()),
                fmt::format("the report follows catalogue {} version {}, not {} version {}", id,
                            version, catalog.id(), catalog.version()),
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
    auto y = period_year(year);
    if (!y) return std::move(y.error()).within(pf->path("year"));
    std::string kind;
    CCHC_TRY(kind, pf->required_string("kind"));
    auto k = parse_period_kind(kind);
    if (!k) return std::move(k.error()).within(pf->path("kind"));
    m.period = Period{*y, *k};
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
  return {};
}

}  // namespace

namespace {

// The one reader of cchc.report/1: the metadata into `m`, then each value, note and row line
// handed to `sink` (value(id, row, json, parent, key), note(id, text), line(id, n), each giving
// result<void>), in the document's order, every key and type checked on the way. A Report and a
// batch's cells are filled through it, so both refuse and accept the same documents.
template <class Sink>
result<void> read_report(std::string_view text, const Catalog& catalog, const JsonLimits& limits,
                         Metadata& m, Sink& sink) {
  auto doc = parse_json(text, limits);
  if (!doc) return doc.error();
  auto f = Fields::of(*doc, "$",
                      {"format", "catalog", "agency", "province", "period", "document", "values",
                       "notes", "lines"});
  if (!f) return f.error();
  if (auto r = check_format(*f, report_format); !r) return r.error();
  if (auto r = read_metadata(*f, catalog, m); !r) return r.error();
  if (const auto* values = f->get("values"); values && !values->is_null()) {
    if (!values->is_object()) return wrong_type(f->path("values"), "object", *values);
    const std::string parent = f->path("values");
    for (const auto& kv : values->get_object()) {
      auto id = catalog.lookup(kv.key());
      if (!id) return std::move(id.error()).within(parent);
      if (auto r = sink.value(*id, catalog.row(*id), kv.value(), parent, kv.key()); !r) return r;
    }
  }
  if (const auto* notes = f->get("notes"); notes && !notes->is_null()) {
    if (!notes->is_object()) return wrong_type(f->path("notes"), "object", *notes);
    for (const auto& kv : notes->get_object()) {
      const std::string path = member(f->path("notes"), kv.key());
      auto id = catalog.lookup(kv.key());
      if (!id) return std::move(id.error()).within(f->path("notes"));
      if (!kv.value().is_string()) return wrong_type(path, "string", kv.value());
      auto note = normalize_nfc(std::string_view(kv.value().get_string()));
      if (!note) return std::move(note.error()).within(path);
      sink.note(*id, std::move(*note));
    }
  }
  if (const auto* lines = f->get("lines"); lines && !lines->is_null()) {
    if (!lines->is_object()) return wrong_type(f->path("lines"), "object", *lines);
    for (const auto& kv : lines->get_object()) {
      const std::string path = member(f->path("lines"), kv.key());
      auto id = catalog.lookup(kv.key());
      if (!id) return std::move(id.error()).within(f->path("lines"));
      if (!kv.value().is_int64() || kv.value().get_int64() <= 0 ||
          kv.value().get_int64() > INT32_MAX)
        return wrong_type(path, "a positive line number", kv.value());
      sink.line(*id, static_cast<std::uint32_t>(kv.value().get_int64()));
    }
  }
  return {};
}

// Values into a Report.
struct ReportSink {
  Report& report;
  result<void> value(RowId id, const Row& row, const json::value& v, const std::string& parent,
                     std::string_view key) {
    auto value = read_value(v, row, parent, key);
    if (!value) return value.error();
    if (auto r = report.set(id, std::move(*value)); !r)
      return std::move(r.error()).within(member(parent, key));
    return {};
  }
  void note(RowId id, std::string text) { report.set_note(id, std::move(text)); }
  void line(RowId id, std::uint32_t n) { report.set_source_line(id, n); }
};

// Values into cells, to be appended to a batch once the whole document has read.
struct CellSink {
  std::vector<Cell> cells;
  std::vector<std::pair<RowId, std::string>> written;  // texts that are not canonical
  std::vector<std::pair<RowId, std::uint32_t>> lines;

  result<void> value(RowId id, const Row& row, const json::value& v, const std::string& parent,
                     std::string_view key) {
    if (v.is_string() && row.kind != Kind::heading) {
      // The usual case, read digit by digit into a cell: read_value()'s parse, no Value.
      const std::string_view t(v.get_string());
      auto read = read_cell(t, row.kind);
      if (!read) return std::move(read.error()).within(member(parent, key));
      cells[id.index] = read->cell;
      if (!read->canonical) written.emplace_back(id, std::string(t));
      return {};
    }
    auto value = read_value(v, row, parent, key);
    if (!value) return value.error();
    if (const auto kind = kind_of(*value); kind && *kind != row.kind)  // a heading's figure
      return make_error(errc::kind_mismatch, "dòng tiêu đề không có số liệu",
                        "a heading row takes no value", row.address())
          .within(member(parent, key));
    cells[id.index] = to_cell(*value);
    if (const auto w = written_text(*value, row.kind); !w.empty())
      written.emplace_back(id, std::string(w));
    return {};
  }
  void note(RowId, std::string) {}  // a batch keeps no notes; they are checked all the same
  void line(RowId id, std::uint32_t n) { lines.emplace_back(id, n); }
};

}  // namespace

result<Report> report_from_json(std::string_view text, std::shared_ptr<const Catalog> catalog,
                                JsonLimits limits) {
  if (!catalog)
    return make_error(errc::invalid_argument, "thiếu danh mục", "no catalogue given");
  Report report(catalog);
  ReportSink sink{report};
  if (auto r = read_report(text, *catalog, limits, report.metadata(), sink); !r) return r.error();
  return report;
}

result<std::size_t> detail::append_report_json(std::string_view text, Batch& batch,
                                               const JsonLimits& limits) {
  // Everything is read and checked before the batch is touched.
  Metadata m;
  CellSink sink{std::vector<Cell>(batch.catalog().size()), {}, {}};
  if (auto r = read_report(text, batch.catalog(), limits, m, sink); !r) return r.error();
  std::vector<std::pair<std::string_view, std::string>> fields;
  for (const std::string_view field : metadata_fields()) {
    auto t = metadata_field(m, field);
    if (t && !t->empty()) fields.emplace_back(field, std::move(*t));
  }
  auto i = batch.add(sink.cells);
  if (!i) return i.error();
  for (const auto& [row, t] : sink.written) BatchAccess::keep_written(batch, *i, row, t);
  for (const auto& [row, line] : sink.lines) BatchAccess::keep_row_line(batch, *i, row, line);
  for (const auto& [field, t] : fields)
    if (auto r = batch.set_metadata_field(*i, field, t); !r) return r.error();
  return *i;
}

result<Report> report_from_json(std::string_view json) {
  return report_from_json(json, builtin_catalog());
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
