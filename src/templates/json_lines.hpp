// SPDX-License-Identifier: MIT
// Internal: the line of a JSON document where a JSON path ($.forms[2].rows[3].kind) points, so
// that an error in a template's file says file, line and field.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "cchc/error.hpp"

namespace cchc::detail {

/// The 1-based line of the value (or member) `path` names in `json`, a document that parses;
/// nullopt when the path does not lead anywhere in it.
[[nodiscard]] std::optional<std::size_t> json_line_of(std::string_view json, std::string_view path);

/// `e` located in `file`: "file:line: $.path" when e.where is a JSON path of `json`, else
/// "file: where".
[[nodiscard]] error in_json_file(error e, std::string_view file, std::string_view json);

}  // namespace cchc::detail
