// SPDX-License-Identifier: MIT
// Template folders: any bytes, as any file of a template (the catalogue, template.json,
// mapping.json, scoring.json, a rule file) or as a whole folder, give a template or an error
// that names file, line and field; a template read compiles its rules, checks a report, carries
// a report over by its mapping and scores one by its scoring, never crashing.
#include <cchc/cchc.hpp>

#include "templates/template_files.hpp"  // white box: what a registry reads first

#include "fuzz_input.hpp"

namespace {

// A small, sound template (version 1), and its catalogue as version 2 for mapping inputs.
constexpr std::string_view catalog_v1 = R"({"format": "cchc.catalog/1", "id": "vn.fuzz", "version": "1",
  "forms": [{"number": 1, "title": "F", "rows": [
    {"code": "1", "label": "Tỷ lệ", "kind": "percent", "ratio": {"numerator": "1.2", "denominator": "1.1"}},
    {"code": "1.1", "label": "Tổng", "kind": "count"}, {"code": "1.2", "label": "Đạt", "kind": "count"},
    {"code": "2", "label": "Cặp", "kind": "pair"}, {"code": "3", "label": "Có", "kind": "yes_no"}]}]})";

std::string catalog_v2() {
  std::string c(catalog_v1);
  c.replace(c.find("\"version\": \"1\""), 14, "\"version\": \"2\"");
  return c;
}

void exercise(const cchc::Template& t, const cchc::Registry& registry) {
  cchc::Report r(t.catalog());
  for (const cchc::Row& row : t.catalog()->rows())
    if (row.kind == cchc::Kind::count) (void)r.set_text(row.id, "3");
  (void)t.rules().check(r);
  if (t.scoring()) (void)cchc::score(r, t);
  if (t.mapping()) {
    if (auto from = registry.lookup(t.mapping()->from_id, t.mapping()->from_version)) {
      cchc::Report old((*from)->catalog());
      for (const cchc::Row& row : (*from)->catalog()->rows())
        if (row.kind == cchc::Kind::count || row.kind == cchc::Kind::pair)
          (void)old.set_text(row.id, row.kind == cchc::Kind::pair ? "0/0" : "7");
      (void)cchc::migrate(old, t);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cchc::fuzz::Input in(data, size);
  const int mode = static_cast<int>(in.pick(5));
  const std::string rest(reinterpret_cast<const char*>(data) + (size ? 1 : 0), size ? size - 1 : 0);
  std::vector<cchc::TemplateFile> files;
  switch (mode) {
    case 0: files = {{"catalog.json", rest}}; break;
    case 1: files = {{"catalog.json", std::string(catalog_v1)}, {"template.json", rest}}; break;
    case 2: files = {{"catalog.json", catalog_v2()}, {"mapping.json", rest}}; break;
    case 3: files = {{"catalog.json", std::string(catalog_v1)}, {"scoring.json", rest}}; break;
    default: {
      // A whole folder: files separated by NUL bytes, in this order.
      static const char* const names[] = {"catalog.json", "template.json", "mapping.json", "scoring.json", "a.rules"};
      std::size_t at = 0;
      for (const char* name : names) {
        if (at > rest.size()) break;
        const std::size_t end = std::min(rest.find('\0', at), rest.size());
        files.push_back({name, rest.substr(at, end - at)});
        at = end + 1;
      }
    }
  }
  cchc::Registry registry;
  auto v1 = cchc::Template::from_files({{"catalog.json", std::string(catalog_v1)}}, "fuzz/v1");
  if (!v1 || !registry.add(*v1)) cchc::fuzz::broken("the sound template does not load");
  // What a registry reads at once (the identity, without the forms) must agree with the whole.
  auto info = cchc::detail::read_template_info(files, "fuzz", {});
  auto t = cchc::Template::from_files(std::move(files), "fuzz");
  if (t && !info) cchc::fuzz::broken("a template that loads has an identity the registry cannot read");
  if (t && info && (info->id != (*t)->id() || info->version != (*t)->version() ||
                    info->derived != (*t)->derived() || info->mapping_from != (*t)->info().mapping_from))
    cchc::fuzz::broken("the registry's identity of a template differs from the template's");
  if (!t) {
    if (t.error().describe().empty()) cchc::fuzz::broken("an error without a message");
    return 0;
  }
  exercise(**t, registry);
  return 0;
}
