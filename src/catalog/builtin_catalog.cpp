// SPDX-License-Identifier: MIT
#include <string_view>

#include "cchc/catalog.hpp"
#include "cchc/json.hpp"  // catalog_from_json
#include "templates/embedded.hpp"

namespace cchc {

std::shared_ptr<const Catalog> builtin_catalog() {
  // The embedded catalogue is tested data; failing to load it is a bug in cchc, not bad input.
  // It is read on its own, not through the registry, so that it costs one catalogue.
  static const std::shared_ptr<const Catalog> instance = [] {
    for (const auto& f : embedded::template_files())
      if (f.folder == embedded::builtin_template_folder() && f.name == "catalog.json") {
        auto cat = catalog_from_json(f.text());
        if (!cat) throw exception(std::move(cat.error()).within("built-in catalogue"));
        return *cat;
      }
    throw exception(make_error(errc::internal, "thiếu danh mục dựng sẵn", "no built-in catalogue"));
  }();
  return instance;
}

}  // namespace cchc
