// SPDX-License-Identifier: MIT
// Internal: compiles rule sources into CompiledRules.
#pragma once

#include <string_view>
#include <vector>

#include "program.hpp"

namespace cchc::rules {

/// Compiles every rule of `source`. Errors are located "source_name:line:column".
[[nodiscard]] result<std::vector<CompiledRule>> compile(std::string_view source,
                                                        const Catalog& catalog,
                                                        std::string_view source_name,
                                                        const RuleLimits& limits);

}  // namespace cchc::rules
