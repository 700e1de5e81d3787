// SPDX-License-Identifier: MIT
// Internal: a report's JSON appended to a Batch as cells, for JSON Lines: the same checks and
// errors as report_from_json(), without building a Report and its Values.
#pragma once

#include <string_view>

#include "cchc/batch.hpp"
#include "cchc/json.hpp"

namespace cchc::detail {

/// Appends the report of `text` to `batch` and returns its index; on error nothing is appended.
[[nodiscard]] result<std::size_t> append_report_json(std::string_view text, Batch& batch,
                                                     const JsonLimits& limits);

}  // namespace cchc::detail
