// SPDX-License-Identifier: MIT
// The registry of templates: the built-in ones, then the folders on CCHC_TEMPLATE_PATH and those
// given, each template once by id and version.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <system_error>

#include <fmt/format.h>

#include "cchc/json.hpp"
#include "cchc/templates.hpp"
#include "in/json/fields.hpp"
#include "templates/embedded.hpp"
#include "templates/template_files.hpp"
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

bool info_less(const TemplateInfo& a, const TemplateInfo& b) {
  if (a.id != b.id) return a.id < b.id;
  return version_less(a.version, b.version);
}

std::string versions_of(std::span<const TemplateInfo> all, std::string_view id) {
  std::string out;
  for (const auto& t : all)
    if (t.id == id) detail::join_into(out, ", ", t.version);
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

// One template of a registry: its files until it is first used, then the template (or why it
// cannot be read). Copies of a registry share their entries, so a template is read once.
struct Registry::Entry {
  std::vector<TemplateFile> files;
  std::string origin;
  JsonLimits limits;
  std::once_flag once;
  std::shared_ptr<const Template> loaded;
  std::optional<error> failed;
};

Registry::Registry() = default;
Registry::Registry(const Registry&) = default;
Registry::Registry(Registry&&) noexcept = default;
Registry& Registry::operator=(const Registry&) = default;
Registry& Registry::operator=(Registry&&) noexcept = default;
Registry::~Registry() = default;

const Registry& Registry::builtin() {
  // The embedded templates are tested data: failing to read one is a bug in cchc.
  static const Registry instance = [] {
    Registry r;
    std::map<std::string_view, std::vector<TemplateFile>> folders;
    for (const auto& f : embedded::template_files())
      folders[f.folder].push_back({std::string(f.name), std::string(f.text())});
    for (auto& [folder, files] : folders) {
      auto info = detail::read_template_info(files, "built-in", {});
      if (!info) throw exception(std::move(info.error()).within(folder));
      auto entry = std::make_shared<Entry>();
      entry->files = std::move(files);
      entry->origin = "built-in";
      if (auto added = r.insert(std::move(*info), std::move(entry)); !added)
        throw exception(std::move(added.error()));
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

result<void> Registry::insert(TemplateInfo info, std::shared_ptr<Entry> entry) {
  if (const TemplateInfo* there = find(info.id, info.version); there != nullptr)
    return make_error(errc::invalid_argument,
                      fmt::format("mẫu {} phiên bản {} có hai lần: {} và {}", info.id, info.version,
                                  there->origin, info.origin),
                      fmt::format("template {} version {} is there twice: {} and {}", info.id,
                                  info.version, there->origin, info.origin),
                      info.origin);
  const auto at = std::upper_bound(infos_.begin(), infos_.end(), info, info_less);
  entries_.insert(entries_.begin() + (at - infos_.begin()), std::move(entry));
  infos_.insert(at, std::move(info));
  return {};
}

result<void> Registry::add(std::shared_ptr<const Template> t) {
  if (!t) return make_error(errc::invalid_argument, "thiếu mẫu báo cáo", "no template given");
  auto entry = std::make_shared<Entry>();
  entry->origin = t->origin();
  std::call_once(entry->once, [&] { entry->loaded = t; });
  return insert(t->info(), std::move(entry));
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
    auto files = detail::template_files(p, limits);
    if (!files) return files.error();
    auto info = detail::read_template_info(*files, p.string(), limits);
    if (!info) return info.error();
    auto entry = std::make_shared<Entry>();
    entry->files = std::move(*files);
    entry->origin = p.string();
    entry->limits = limits;
    if (auto added = next.insert(std::move(*info), std::move(entry)); !added) return added;
  }
  *this = std::move(next);
  return {};
}

std::span<const TemplateInfo> Registry::templates() const noexcept { return infos_; }

const TemplateInfo* Registry::find(std::string_view id, std::string_view version) const noexcept {
  for (const auto& t : infos_)
    if (t.id == id && t.version == version) return &t;
  return nullptr;
}

result<std::shared_ptr<const Template>> Registry::load(const TemplateInfo& info) const {
  const TemplateInfo* mine = find(info.id, info.version);
  if (mine == nullptr) return lookup(info.id, info.version).error();
  Entry& e = *entries_[static_cast<std::size_t>(mine - infos_.data())];
  std::call_once(e.once, [&] {
    auto t = Template::from_files(e.files, e.origin, e.limits);
    if (t) {
      e.loaded = std::move(*t);
      e.files.clear();  // the template holds what it needs
      e.files.shrink_to_fit();
    } else {
      e.failed = std::move(t.error());
    }
  });
  if (e.failed) return *e.failed;
  return e.loaded;
}

result<std::shared_ptr<const Template>> Registry::lookup(std::string_view id,
                                                         std::string_view version) const {
  const TemplateInfo* newest = nullptr;
  for (const auto& t : infos_) {
    if (t.id != id) continue;
    if (t.version == version) return load(t);
    newest = &t;  // sorted: the last of the id is the newest
  }
  if (version.empty() && newest) return load(*newest);
  if (newest)
    return make_error(errc::not_found,
                      fmt::format("không có mẫu {} phiên bản {}; có các phiên bản: {} (chuyển đổi "
                                  "bằng cchc migrate)",
                                  id, version, versions_of(infos_, id)),
                      fmt::format("no template {} version {}; there are versions {} (convert "
                                  "with cchc migrate)",
                                  id, version, versions_of(infos_, id)));
  return make_error(errc::not_found,
                    fmt::format("không có mẫu báo cáo \"{}\" (xem cchc catalog --list; thêm thư "
                                "mục bằng CCHC_TEMPLATE_PATH hoặc --template-dir)",
                                id),
                    fmt::format("no template \"{}\" (see cchc catalog --list; add folders with "
                                "CCHC_TEMPLATE_PATH or --template-dir)",
                                id));
}

result<std::shared_ptr<const Template>> Registry::in_force(std::string_view id, Date day) const {
  const TemplateInfo* best = nullptr;
  bool known = false;
  for (const auto& t : infos_) {
    if (t.id != id) continue;
    known = true;
    if ((!t.effective_from || *t.effective_from <= day) && (!t.effective_until || day <= *t.effective_until))
      best = &t;
  }
  if (best) return load(*best);
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
    if (!t->mapping() || path.size() > infos_.size())
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
