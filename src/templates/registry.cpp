// SPDX-License-Identifier: MIT
// The registry of templates: the built-in ones, then the folders on CCHC_TEMPLATE_PATH and those
// given, each template once by id and version.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <system_error>

#include <fmt/format.h>

#include "cchc/json.hpp"
#include "cchc/templates.hpp"
#include "in/json/fields.hpp"
#include "templates/embedded.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace fs = std::filesystem;

namespace {

// Orders versions as people number them: "2022.1" < "2022.10" < "2025.1".
bool version_less(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = a[i] >= '0' && a[i] <= '9', db = b[j] >= '0' && b[j] <= '9';
    if (da && db) {
      std::size_t ei = i, ej = j;
      while (ei < a.size() && a[ei] >= '0' && a[ei] <= '9') ++ei;
      while (ej < b.size() && b[ej] >= '0' && b[ej] <= '9') ++ej;
      auto na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
      while (na.size() > 1 && na.front() == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb.front() == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

bool template_less(const std::shared_ptr<const Template>& a, const std::shared_ptr<const Template>& b) {
  if (a->id() != b->id()) return a->id() < b->id();
  return version_less(a->version(), b->version());
}

std::string versions_of(const std::vector<std::shared_ptr<const Template>>& all, std::string_view id) {
  std::string out;
  for (const auto& t : all)
    if (t->id() == id) detail::join_into(out, ", ", t->version());
  return out;
}

bool is_template_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "catalog.json", ec);
}

// Whether a .json file is a catalogue (and not, say, a report beside it): its "format".
bool is_catalog_file(const fs::path& file) {
  auto head = read_head(file, 4096);
  return head && head->find(catalog_format) != std::string::npos;
}

}  // namespace

const Registry& Registry::builtin() {
  // The embedded templates are tested data: failing to load one is a bug in cchc.
  static const Registry instance = [] {
    Registry r;
    std::map<std::string_view, std::vector<TemplateFile>> folders;
    for (const auto& f : embedded::template_files())
      folders[f.folder].push_back({std::string(f.name), std::string(f.text())});
    for (auto& [folder, files] : folders) {
      auto t = Template::from_files(std::move(files), "built-in");
      if (!t) throw exception(std::move(t.error()).within(folder));
      if (auto added = r.add(std::move(*t)); !added) throw exception(std::move(added.error()));
    }
    return r;
  }();
  return instance;
}

result<Registry> Registry::standard(std::span<const fs::path> dirs) {
  Registry r = builtin();
  if (const char* env = std::getenv("CCHC_TEMPLATE_PATH"); env != nullptr) {
    for (std::string_view rest = env; !rest.empty();) {
      const std::size_t colon = std::min(rest.find(':'), rest.size());
      const std::string_view dir = rest.substr(0, colon);
      rest.remove_prefix(std::min(colon + 1, rest.size()));
      if (dir.empty()) continue;
      if (auto added = r.add_directory(dir); !added)
        return std::move(added.error()).within("CCHC_TEMPLATE_PATH");
    }
  }
  for (const auto& dir : dirs)
    if (auto added = r.add_directory(dir); !added) return added.error();
  return r;
}

result<void> Registry::add(std::shared_ptr<const Template> t) {
  if (!t) return make_error(errc::invalid_argument, "thiếu mẫu báo cáo", "no template given");
  if (const Template* there = find(t->id(), t->version()); there != nullptr)
    return make_error(errc::invalid_argument,
                      fmt::format("mẫu {} phiên bản {} có hai lần: {} và {}", t->id(), t->version(),
                                  there->origin(), t->origin()),
                      fmt::format("template {} version {} is there twice: {} and {}", t->id(),
                                  t->version(), there->origin(), t->origin()),
                      t->origin());
  templates_.insert(std::upper_bound(templates_.begin(), templates_.end(), t, template_less), t);
  return {};
}

result<void> Registry::add_directory(const fs::path& dir, JsonLimits limits) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return make_error(errc::io_error, "không phải thư mục", "not a folder", dir.string());
  std::vector<fs::path> found;
  if (is_template_folder(dir)) {
    found.push_back(dir);
  } else {
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      const fs::path& p = e.path();
      if (p.filename().string().starts_with(".")) continue;
      if (fs::is_directory(p, ec) ? is_template_folder(p)
                                  : p.extension() == ".json" && is_catalog_file(p))
        found.push_back(p);
    }
    if (ec)
      return make_error(errc::io_error, fmt::format("không đọc được thư mục: {}", ec.message()),
                        fmt::format("cannot read the folder: {}", ec.message()), dir.string());
    std::sort(found.begin(), found.end());
  }
  Registry next = *this;  // nothing is added when one fails
  for (const auto& p : found) {
    auto t = load_template(p, limits);
    if (!t) return t.error();
    if (auto added = next.add(std::move(*t)); !added) return added;
  }
  *this = std::move(next);
  return {};
}

const Template* Registry::find(std::string_view id, std::string_view version) const noexcept {
  for (const auto& t : templates_)
    if (t->id() == id && t->version() == version) return t.get();
  return nullptr;
}

result<std::shared_ptr<const Template>> Registry::lookup(std::string_view id,
                                                         std::string_view version) const {
  std::shared_ptr<const Template> newest;
  for (const auto& t : templates_) {
    if (t->id() != id) continue;
    if (t->version() == version) return t;
    newest = t;  // sorted: the last of the id is the newest
  }
  if (version.empty() && newest) return newest;
  if (newest)
    return make_error(errc::not_found,
                      fmt::format("không có mẫu {} phiên bản {}; có các phiên bản: {} (chuyển đổi "
                                  "bằng cchc migrate)",
                                  id, version, versions_of(templates_, id)),
                      fmt::format("no template {} version {}; there are versions {} (convert "
                                  "with cchc migrate)",
                                  id, version, versions_of(templates_, id)));
  return make_error(errc::not_found,
                    fmt::format("không có mẫu báo cáo \"{}\" (xem cchc catalog --list; thêm thư "
                                "mục bằng CCHC_TEMPLATE_PATH hoặc --template-dir)",
                                id),
                    fmt::format("no template \"{}\" (see cchc catalog --list; add folders with "
                                "CCHC_TEMPLATE_PATH or --template-dir)",
                                id));
}

result<std::shared_ptr<const Template>> Registry::in_force(std::string_view id, Date day) const {
  std::shared_ptr<const Template> best;
  bool known = false;
  for (const auto& t : templates_) {
    if (t->id() != id) continue;
    known = true;
    const auto& from = t->catalog()->effective_from();
    const auto& until = t->catalog()->effective_until();
    if ((!from || *from <= day) && (!until || day <= *until)) best = t;
  }
  if (best) return best;
  if (!known) return lookup(id).error();
  return make_error(errc::not_found,
                    fmt::format("không có phiên bản nào của mẫu {} có hiệu lực ngày {}", id,
                                format_vi_date(day)),
                    fmt::format("no version of template {} is in force on {}", id,
                                format_vi_date(day)));
}

result<std::shared_ptr<const Template>> Registry::for_report_json(std::string_view json) const {
  using namespace detail::json_in;
  auto doc = parse_json(json, JsonLimits{});
  if (!doc) return doc.error();
  const auto* obj = doc->if_object();
  const auto* cat = obj != nullptr ? obj->if_contains("catalog") : nullptr;
  if (cat == nullptr || cat->is_null()) {
    const auto builtin = builtin_catalog();
    return lookup(builtin->id(), builtin->version());
  }
  auto f = Fields::of(*cat, "$.catalog", {"id", "version"});
  if (!f) return f.error();
  std::string id, version;
  CCHC_TRY(id, f->required_string("id"));
  CCHC_TRY(version, f->string("version"));
  return lookup(id, version);
}

result<std::vector<std::shared_ptr<const Template>>> Registry::migration_path(
    std::string_view id, std::string_view from_version, std::string_view to_version) const {
  std::vector<std::shared_ptr<const Template>> path;
  auto at = lookup(id, to_version);
  if (!at) return at.error();
  if (!find(id, from_version)) return lookup(id, from_version).error();
  // Walk back from the target through each version's mapping to where the report is.
  for (auto t = *at; t->version() != from_version;) {
    if (!t->mapping() || path.size() > templates_.size())
      return make_error(errc::not_found,
                        fmt::format("không có chuỗi bản đồ chuyển đổi từ {} {} đến {}", id,
                                    from_version, to_version),
                        fmt::format("no chain of mappings leads from {} {} to {}", id,
                                    from_version, to_version));
    path.push_back(t);
    auto previous = lookup(id, t->mapping()->from_version);
    if (!previous) return previous.error();
    t = *previous;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace cchc
