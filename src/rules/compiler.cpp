// SPDX-License-Identifier: MIT
#include "compiler.hpp"

#include <fmt/format.h>

#include "rules/parser.hpp"

namespace cchc::rules {

result<std::vector<CompiledRule>> compile(std::string_view source, const Catalog& catalog,
                                          std::string_view source_name,
                                          const RuleLimits& limits) {
  if (limits.max_depth > RuleLimits::max_depth_ceiling)
    return make_error(errc::invalid_argument,
                      fmt::format("giới hạn độ sâu {} vượt mức trần {}", limits.max_depth,
                                  RuleLimits::max_depth_ceiling),
                      fmt::format("a depth limit of {} is above the ceiling of {}",
                                  limits.max_depth, RuleLimits::max_depth_ceiling),
                      std::string(source_name));
  if (source.size() > limits.max_source_bytes)
    return make_error(errc::limit_exceeded,
                      fmt::format("tệp luật quá lớn ({} byte)", source.size()),
                      fmt::format("rule source too large ({} bytes)", source.size()),
                      std::string(source_name));
  auto toks = tokenize(source);
  if (!toks) return std::move(toks.error()).within(source_name);
  return Compiler(*toks, catalog, source_name, limits).file();
}

}  // namespace cchc::rules
