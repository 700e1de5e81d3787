// SPDX-License-Identifier: MIT
// Internal: a catalogue's definition read from JSON but not yet validated, for a template that
// adds to it (its vocabulary) before the one Catalog::create.
#pragma once

#include <string_view>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/limits.hpp"

namespace cchc::detail {

[[nodiscard]] result<CatalogDefinition> catalog_definition_from_json(std::string_view text,
                                                                     JsonLimits limits);

}  // namespace cchc::detail
