// SPDX-License-Identifier: MIT
// A template from its files: the catalogue, its rule files, and the optional template.json
// (deadlines, vocabulary, provenance), mapping.json and scoring.json, each validated with the
// file, line and field of whatever is wrong.
#include <algorithm>
#include <system_error>
#include <utility>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fmt/format.h>

#include "cchc/json.hpp"
#include "cchc/score.hpp"
#include "cchc/templates.hpp"
#include "in/json/catalog_reader.hpp"
#include "in/json/fields.hpp"
#include "templates/json_lines.hpp"
#include "templates/template_files.hpp"

namespace cchc {
using namespace detail::json_in;

std::string_view to_string(RowMapping::How how) noexcept {
  switch (how) {
    case RowMapping::How::same: return "same";
    case RowMapping::How::merge: return "merge";
    case RowMapping::How::split: return "split";
    case RowMapping::How::added: return "added";
    case RowMapping::How::dropped: return "dropped";
  }
  return "same";
}

namespace {

result<std::vector<Deadline>> read_deadlines(const Fields& f) {
  std::vector<Deadline> out;
  const auto* v = f.get("deadlines");
  if (v == nullptr || v->is_null()) return out;
  if (!v->is_object()) return wrong_type(f.path("deadlines"), "object", *v);
  for (const auto& kv : v->get_object()) {
    const std::string path = member(f.path("deadlines"), kv.key());
    auto kind = period_kind_from_string(kv.key());
    if (!kind)
      return at(path, "kỳ báo cáo không tồn tại (q1, q2, q3, q4, six_months, nine_months, year)",
                "unknown period (q1, q2, q3, q4, six_months, nine_months, year)");
    if (!kv.value().is_string()) return wrong_type(path, "string \"MM-DD\"", kv.value());
    const std::string_view s = kv.value().get_string();
    int month = 0, day = 0;
    const bool shaped = s.size() == 5 && s[2] == '-' &&
                        std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
    if (shaped) {
      month = (s[0] - '0') * 10 + (s[1] - '0');
      day = (s[3] - '0') * 10 + (s[4] - '0');
    }
    // 2024 is a leap year, so 02-29 is accepted and falls to 28 February in other years.
    if (!shaped || month < 1 || month > 12 || day < 1 ||
        day > boost::gregorian::gregorian_calendar::end_of_month_day(2024, static_cast<unsigned short>(month)))
      return at(path, fmt::format("\"{}\" không phải ngày \"MM-DD\"", s),
                fmt::format("\"{}\" is not a day \"MM-DD\"", s));
    out.push_back({*kind, month, day});
  }
  return out;
}

result<void> read_template_json(std::string_view text, const JsonLimits& limits, std::string& derived,
                                std::vector<Deadline>& deadlines, Vocabulary& vocabulary) {
  auto doc = parse_json(text, limits);
  if (!doc) return doc.error();
  auto f = Fields::of(*doc, "$", {"format", "derived", "deadlines", "vocabulary"});
  if (!f) return f.error();
  if (auto r = check_format(*f, template_format); !r) return r;
  CCHC_TRY(derived, f->string("derived"));
  CCHC_TRY(deadlines, read_deadlines(*f));
  return read_vocabulary(*f, vocabulary);
}

result<Mapping> read_mapping(std::string_view text, const JsonLimits& limits, const Catalog& to) {
  auto doc = parse_json(text, limits);
  if (!doc) return doc.error();
  auto f = Fields::of(*doc, "$", {"format", "from", "rows"});
  if (!f) return f.error();
  if (auto r = check_format(*f, mapping_format); !r) return r.error();
  Mapping m;
  const auto* from = f->get("from");
  if (from == nullptr) return at(f->path("from"), "thiếu giá trị bắt buộc", "required");
  auto ff = Fields::of(*from, f->path("from"), {"id", "version"});
  if (!ff) return ff.error();
  CCHC_TRY(m.from_id, ff->required_string("id"));
  CCHC_TRY(m.from_version, ff->required_string("version"));
  if (m.from_id == to.id() && m.from_version == to.version())
    return at(ff->path("version"), "bản đồ chuyển đổi từ chính phiên bản này",
              "a mapping from this very version");
  const json::array* rows = nullptr;
  CCHC_TRY(rows, array_of(*f, "rows"));
  for (std::size_t i = 0; i < rows->size(); ++i) {
    auto rf = Fields::of((*rows)[i], element(f->path("rows"), i), {"how", "from", "to", "note"});
    if (!rf) return rf.error();
    RowMapping r;
    std::string how;
    CCHC_TRY(how, rf->required_string("how"));
    static constexpr RowMapping::How all[] = {RowMapping::How::same, RowMapping::How::merge,
                                              RowMapping::How::split, RowMapping::How::added,
                                              RowMapping::How::dropped};
    const auto* it = std::find_if(std::begin(all), std::end(all), [&](auto h) { return to_string(h) == how; });
    if (it == std::end(all))
      return at(rf->path("how"), fmt::format("cách \"{}\" không tồn tại", how),
                fmt::format("unknown \"{}\" (same, merge, split, added, dropped)", how));
    r.how = *it;
    CCHC_TRY(r.from, string_list(*rf, "from"));
    CCHC_TRY(r.to, string_list(*rf, "to"));
    CCHC_TRY(r.note, rf->string("note"));
    // How many rows each side needs.
    using H = RowMapping::How;
    const std::size_t nf = r.from.size(), nt = r.to.size();
    const bool shaped = (r.how == H::same && nf == 1 && nt == 1) ||
                        (r.how == H::merge && nf >= 2 && nt == 1) ||
                        (r.how == H::split && nf == 1 && nt >= 2) ||
                        (r.how == H::added && nf == 0 && nt >= 1) ||
                        (r.how == H::dropped && nf >= 1 && nt == 0);
    if (!shaped)
      return at(rf->path("how"),
                fmt::format("\"{}\" cần: same 1→1, merge nhiều→1, split 1→nhiều, added →1+, dropped 1+→", how),
                fmt::format("\"{}\" takes: same 1→1, merge 2+→1, split 1→2+, added →1+, dropped 1+→", how));
    for (std::size_t k = 0; k < nf; ++k)
      if (auto a = parse_row_address(r.from[k]); !a)
        return std::move(a.error()).within(nf == 1 && (*rows)[i].as_object().at("from").is_string()
                                               ? rf->path("from")
                                               : element(rf->path("from"), k));
    for (std::size_t k = 0; k < nt; ++k)
      if (auto id = to.lookup(r.to[k]); !id)
        return std::move(id.error()).within(nt == 1 && (*rows)[i].as_object().at("to").is_string()
                                                ? rf->path("to")
                                                : element(rf->path("to"), k));
    m.rows.push_back(std::move(r));
  }
  return m;
}

// A catalogue's own checks name a row ("B1:2.1"); in its file that is $.forms[i].rows[j], so
// the error can give the row's line too.
error locate_row(error e, std::string_view json) {
  auto address = parse_row_address(e.where);
  auto doc = parse_json(json, JsonLimits{});
  if (!address || !doc || !doc->is_object()) return e;
  const auto* forms = doc->as_object().if_contains("forms");
  if (forms == nullptr || !forms->is_array()) return e;
  for (std::size_t i = 0; i < forms->as_array().size(); ++i) {
    const auto* form = forms->as_array()[i].if_object();
    const auto* number = form ? form->if_contains("number") : nullptr;
    const auto* rows = form ? form->if_contains("rows") : nullptr;
    if (!number || !number->is_int64() || number->as_int64() != address->form || !rows || !rows->is_array())
      continue;
    for (std::size_t j = 0; j < rows->as_array().size(); ++j) {
      const auto* row = rows->as_array()[j].if_object();
      const auto* code = row ? row->if_contains("code") : nullptr;
      if (code && code->is_string() && code->as_string() == address->code) {
        e.where = fmt::format("$.forms[{}].rows[{}] ({})", i, j, e.where);
        return e;
      }
    }
  }
  return e;
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Documentation beside the data is welcome in a folder an officer copies.
bool documentation(std::string_view name) {
  return ends_with(name, ".md") || ends_with(name, ".txt") || name == "LICENSE";
}

std::optional<Date> deadline_of(std::span<const Deadline> deadlines, const Period& period) {
  for (const auto& d : deadlines) {
    if (d.kind != period.kind) continue;
    const auto last = boost::gregorian::gregorian_calendar::end_of_month_day(
        static_cast<unsigned short>(period.year), static_cast<unsigned short>(d.month));
    return Date(static_cast<unsigned short>(period.year), static_cast<unsigned short>(d.month),
                static_cast<unsigned short>(std::min<int>(d.day, last)));
  }
  return std::nullopt;
}

// Throws what cannot compile (the caller says whose it is).
std::shared_ptr<const RuleSet> compile_rules(const std::shared_ptr<const Catalog>& catalog,
                                             std::span<const TemplateFile> rule_files,
                                             std::span<const Deadline> deadlines) {
  auto set = std::make_shared<RuleSet>(RuleSet::structural(catalog));
  for (const auto& f : rule_files)
    if (auto r = set->add_source(f.text, f.name); !r) throw exception(std::move(r.error()));
  if (catalog->effective_from() || catalog->effective_until()) {
    // A report whose figures date from before the version took effect, or after it ended,
    // follows the wrong version: cchc migrate carries it to the right one.
    CustomRule rule{"template.in-force", Severity::warning,
                    "Báo cáo theo phiên bản mẫu chưa hoặc hết hiệu lực / a report on a version not in force",
                    [from = catalog->effective_from(), until = catalog->effective_until(),
                     version = catalog->version()](const ReportView& view) {
                      std::vector<Finding> out;
                      const auto& period = view.metadata().period;
                      if (!period) return out;
                      const Date cutoff = data_window(*period).last;
                      const bool early = from && cutoff < *from, late = until && cutoff > *until;
                      if (!early && !late) return out;
                      const std::string range = fmt::format("{} – {}", from ? format_vi_date(*from) : "",
                                                            until ? format_vi_date(*until) : "");
                      Finding f;
                      f.expected = range;
                      f.message_vi = fmt::format(
                          "Số liệu {} (đến {}) theo phiên bản {} của mẫu, phiên bản có hiệu lực {}; chuyển "
                          "sang phiên bản đúng bằng cchc migrate",
                          label_vi(*period), format_vi_date(cutoff), version, range);
                      f.message_en = fmt::format(
                          "The figures of {} (to {}) follow version {} of the template, in force {}; carry "
                          "them to the right version with cchc migrate",
                          label_en(*period), format_vi_date(cutoff), version, range);
                      out.push_back(std::move(f));
                      return out;
                    }};
    if (auto r = set->add_custom(std::move(rule)); !r) throw exception(std::move(r.error()));
  }
  if (!deadlines.empty()) {
    CustomRule rule{"template.deadline", Severity::warning,
                    "Báo cáo ký sau hạn nộp của mẫu / a report signed after the template's deadline",
                    [due_days = std::vector<Deadline>(deadlines.begin(), deadlines.end())](const ReportView& view) {
                      std::vector<Finding> out;
                      const Metadata& m = view.metadata();
                      if (!m.period || !m.document.date) return out;
                      const auto due = deadline_of(due_days, *m.period);
                      if (!due || *m.document.date <= *due) return out;
                      const long late = (*m.document.date - *due).days();
                      Finding f;
                      f.expected = fmt::format("≤ {}", format_vi_date(*due));
                      f.message_vi = fmt::format("Báo cáo ngày {} muộn {} ngày so với hạn {} của mẫu báo cáo",
                                                 format_vi_date(*m.document.date), late, format_vi_date(*due));
                      f.message_en = fmt::format("The report is dated {}, {} days after the template's deadline of {}",
                                                 format_vi_date(*m.document.date), late, format_vi_date(*due));
                      out.push_back(std::move(f));
                      return out;
                    }};
    if (auto r = set->add_custom(std::move(rule)); !r) throw exception(std::move(r.error()));
  }
  return set;
}

}  // namespace

const RuleSet& Template::rules() const {
  std::call_once(compiled_, [this] {
    // The rule files compiled when the template was read; the structural rules come from a
    // validated catalogue. Failing here is a bug in cchc.
    rules_ = compile_rules(catalog_, rule_files_, deadlines_);
  });
  return *rules_;
}

std::optional<Date> Template::deadline(const Period& period) const {
  return deadline_of(deadlines_, period);
}

namespace detail {

std::string file_path(const std::string& origin, const std::string& name) {
  // A plain catalogue file is a template of one file: its own name says where.
  return ends_with(origin, ".json") ? origin : fmt::format("{}/{}", origin, name);
}

// The files of a template by role; other names are an error (a typo must not be ignored).
struct TemplateParts {
  const TemplateFile *catalog = nullptr, *manifest = nullptr, *mapping = nullptr, *scoring = nullptr;
  std::vector<const TemplateFile*> rules;
};

result<TemplateParts> parts_of(const std::vector<TemplateFile>& files, const std::string& origin) {
  TemplateParts p;
  for (const auto& f : files) {
    if (f.name == "catalog.json") p.catalog = &f;
    else if (f.name == "template.json") p.manifest = &f;
    else if (f.name == "mapping.json") p.mapping = &f;
    else if (f.name == "scoring.json") p.scoring = &f;
    else if (ends_with(f.name, ".rules")) p.rules.push_back(&f);
    else if (!documentation(f.name))
      return make_error(errc::invalid_argument,
                        "tệp không thuộc mẫu báo cáo (catalog.json, *.rules, template.json, mapping.json, scoring.json, *.md)",
                        "not a file of a template (catalog.json, *.rules, template.json, mapping.json, scoring.json, *.md)",
                        file_path(origin, f.name));
  }
  if (p.catalog == nullptr)
    return make_error(errc::invalid_argument, "mẫu báo cáo thiếu catalog.json",
                      "a template needs a catalog.json", origin);
  return p;
}

// A string member of a catalogue's top level, as the JSON reader would read it (unescaped, NFC).
result<std::string> identity_string(std::string_view raw) {
  if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"')
    return make_error(errc::parse_error, "cần chuỗi", "expected a string");
  std::string s(raw.substr(1, raw.size() - 2));
  if (s.find('\\') != std::string::npos) {
    boost::system::error_code ec;
    auto v = json::parse(raw, ec);
    if (ec || !v.is_string()) return make_error(errc::parse_error, "chuỗi JSON không hợp lệ", "malformed JSON string");
    s = std::string(v.get_string());
  }
  return normalize_nfc(s);
}

result<TemplateInfo> read_template_info(const std::vector<TemplateFile>& files, const std::string& origin,
                                        const JsonLimits& limits) {
  auto parts = parts_of(files, origin);
  if (!parts) return parts.error();
  TemplateInfo info;
  info.origin = origin;
  const TemplateFile& catalog = *parts->catalog;
  // The identity without the forms: the catalogue is read whole when the template is used. A
  // file this quick look cannot read is read whole now, for the error that says where.
  auto full_error = [&]() -> error {
    auto def = catalog_definition_from_json(catalog.text, limits);
    error e = def ? make_error(errc::parse_error, "không đọc được mã và phiên bản của danh mục",
                               "cannot read the catalogue's id and version")
                  : std::move(def.error());
    return in_json_file(std::move(e), file_path(origin, catalog.name), catalog.text);
  };
  if (catalog.text.size() > limits.max_bytes) return full_error();
  const auto members = top_level_members(catalog.text);
  if (!members) return full_error();
  for (const auto& [key, raw] : *members) {
    std::string* field = key == "id" ? &info.id : key == "version" ? &info.version
                       : key == "title" ? &info.name : key == "level" ? &info.level : nullptr;
    if (field != nullptr) {
      auto v = identity_string(raw);
      if (!v) return full_error();
      *field = std::move(*v);
    } else if (key == "effective") {
      boost::system::error_code ec;
      auto v = json::parse(raw, ec);
      const auto* o = ec ? nullptr : v.if_object();
      if (o == nullptr) return full_error();
      auto date = [&](const char* k) -> result<std::optional<Date>> {
        const auto* d = o->if_contains(k);
        if (d == nullptr || d->is_null()) return std::optional<Date>{};
        if (!d->is_string()) return make_error(errc::parse_error, "cần ngày", "expected a date");
        auto parsed = parse_iso_date(std::string_view(d->get_string()));
        if (!parsed) return parsed.error();
        return std::optional<Date>(*parsed);
      };
      auto from = date("from");
      auto until = date("until");
      if (!from || !until) return full_error();
      info.effective_from = *from;
      info.effective_until = *until;
    }
  }
  if (info.id.empty() || info.version.empty()) return full_error();
  if (parts->manifest != nullptr) {
    std::vector<Deadline> deadlines;
    Vocabulary vocabulary;
    if (auto r = read_template_json(parts->manifest->text, limits, info.derived, deadlines, vocabulary); !r)
      return in_json_file(std::move(r.error()), file_path(origin, parts->manifest->name),
                          parts->manifest->text);
  }
  if (parts->mapping != nullptr) {
    // Only where it comes from; the rows are checked against the catalogue when it is used.
    boost::system::error_code ec;
    auto v = json::parse(parts->mapping->text, ec);
    const auto* from = ec || !v.is_object() ? nullptr : v.as_object().if_contains("from");
    const auto* version = from && from->is_object() ? from->as_object().if_contains("version") : nullptr;
    if (version && version->is_string()) {
      info.mapping_from = std::string(version->get_string());
    } else {
      auto doc = parse_json(parts->mapping->text, limits);  // malformed JSON: its line and column
      error e = doc ? at("$.from.version", "thiếu giá trị bắt buộc", "required") : std::move(doc.error());
      return in_json_file(std::move(e), file_path(origin, parts->mapping->name),
                          parts->mapping->text);
    }
  }
  info.scoring = parts->scoring != nullptr;
  for (const auto* r : parts->rules) info.rule_files.push_back(r->name);
  return info;
}

}  // namespace detail

TemplateInfo Template::info_of(const Template& t) {
  TemplateInfo info{t.id(), t.version(), t.name(), t.level(), t.catalog_->effective_from(),
                    t.catalog_->effective_until(), t.origin_, t.derived_,
                    t.mapping_ ? t.mapping_->from_version : std::string(), t.scoring_ != nullptr, {}};
  for (const auto& f : t.rule_files_) info.rule_files.push_back(f.name);
  return info;
}

std::shared_ptr<const Template> Template::of_catalog(std::shared_ptr<const Catalog> catalog,
                                                     std::string origin) {
  auto t = std::shared_ptr<Template>(new Template());
  t->catalog_ = std::move(catalog);
  t->origin_ = std::move(origin);
  t->info_ = info_of(*t);
  return t;
}

result<std::shared_ptr<const Template>> Template::from_files(std::vector<TemplateFile> files,
                                                             std::string origin,
                                                             JsonLimits limits) {
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  auto t = std::shared_ptr<Template>(new Template());
  t->origin_ = std::move(origin);
  auto parts = detail::parts_of(files, t->origin_);
  if (!parts) return parts.error();
  const TemplateFile *catalog = parts->catalog, *manifest = parts->manifest,
                     *mapping = parts->mapping, *scoring = parts->scoring;
  for (const auto* r : parts->rules) t->rule_files_.push_back(*r);
  auto file_error = [&](error e, const TemplateFile& f) {
    return detail::in_json_file(std::move(e), detail::file_path(t->origin_, f.name), f.text);
  };
  auto def = detail::catalog_definition_from_json(catalog->text, limits);
  if (!def) return file_error(std::move(def.error()), *catalog);
  if (manifest != nullptr) {
    // The importers read the catalogue, so the template's words go onto it.
    Vocabulary vocabulary;
    if (auto r = read_template_json(manifest->text, limits, t->derived_, t->deadlines_, vocabulary); !r)
      return file_error(std::move(r.error()), *manifest);
    for (auto& w : vocabulary.annex_headings) def->vocabulary.annex_headings.push_back(std::move(w));
    for (auto& w : vocabulary.form_headings) def->vocabulary.form_headings.push_back(std::move(w));
  }
  auto cat = Catalog::create(std::move(*def));
  if (!cat) return file_error(locate_row(std::move(cat.error()), catalog->text), *catalog);
  t->catalog_ = std::move(*cat);
  if (mapping != nullptr) {
    auto m = read_mapping(mapping->text, limits, *t->catalog_);
    if (!m) return file_error(std::move(m.error()), *mapping);
    if (m->from_id != t->catalog_->id())
      return file_error(at("$.from.id", "bản đồ chuyển đổi phải từ phiên bản trước của cùng mẫu",
                           "a mapping must come from an earlier version of the same template"),
                        *mapping);
    t->mapping_ = std::move(*m);
  }
  if (scoring != nullptr) {
    auto s = scoring_from_json(scoring->text, *t->catalog_);
    if (!s) return file_error(std::move(s.error()), *scoring);
    t->scoring_ = std::move(*s);
  }
  // The rule files are compiled now, alone, so that their errors are the template's errors; the
  // whole set (with the structural rules) is compiled on first use.
  RuleSet own(t->catalog_);
  for (const auto& f : t->rule_files_)
    if (auto r = own.add_source(f.text, f.name); !r) return std::move(r.error()).within(t->origin_);
  t->info_ = info_of(*t);
  return std::shared_ptr<const Template>(std::move(t));
}

namespace detail {

result<std::vector<TemplateFile>> template_files(const std::filesystem::path& path, const JsonLimits& limits) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    auto text = read_file(path, limits.max_bytes);
    if (!text) return text.error();
    return std::vector<TemplateFile>{{"catalog.json", std::move(*text)}};
  }
  std::vector<TemplateFile> files;
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(path, ec)) entries.push_back(e.path());
  if (ec)
    return make_error(errc::io_error, fmt::format("không đọc được thư mục: {}", ec.message()),
                      fmt::format("cannot read the folder: {}", ec.message()), path.string());
  for (const auto& p : entries) {
    const std::string name = p.filename().string();
    if (name.starts_with(".") || !fs::is_regular_file(p, ec) || documentation(name)) continue;
    auto text = read_file(p, limits.max_bytes);
    if (!text) return text.error();
    files.push_back({name, std::move(*text)});
  }
  return files;
}

}  // namespace detail

result<std::shared_ptr<const Template>> load_template(const std::filesystem::path& path,
                                                      JsonLimits limits) {
  auto files = detail::template_files(path, limits);
  if (!files) return files.error();
  return Template::from_files(std::move(*files), path.string(), limits);
}

}  // namespace cchc
