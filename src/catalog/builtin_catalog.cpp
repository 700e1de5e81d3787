// SPDX-License-Identifier: MIT
#include <string_view>

#include "cchc/catalog.hpp"
#include "cchc/json.hpp"  // catalog_from_json

namespace cchc {
namespace embedded {
std::string_view builtin_catalog_json() noexcept;  // embedded from templates/<id>/catalog.json
}  // namespace embedded

std::shared_ptr<const Catalog> builtin_catalog() {
  // The embedded catalogue is tested data; failing to load it is a bug in cchc, not bad input.
  static const std::shared_ptr<const Catalog> instance = [] {
    auto cat = catalog_from_json(embedded::builtin_catalog_json());
    if (!cat) throw exception(std::move(cat.error()).within("built-in catalogue"));
    return *cat;
  }();
  return instance;
}

}  // namespace cchc
