// SPDX-License-Identifier: MIT
// Internal: the line of a JSON document where a JSON path ($.forms[2].rows[3].kind) points, so
// that an error in a template's file says file, line and field.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "cchc/error.hpp"

namespace cchc::detail {

/// The 1-based line of the value (or member) `path` names in `json`, a document that parses;
/// nullopt when the path does not lead anywhere in it.
[[nodiscard]] std::optional<std::size_t> json_line_of(std::string_view json, std::string_view path);

/// The members of a JSON object, each value as its raw text, without reading the values (a
/// catalogue's identity without its forms); nullopt for anything but one well-formed object.
[[nodiscard]] std::optional<std::vector<std::pair<std::string_view, std::string_view>>>
top_level_members(std::string_view json);

/// `e` located in `file`: "file:line: $.path" when e.where is a JSON path of `json`, else
/// "file: where".
[[nodiscard]] error in_json_file(error e, std::string_view file, std::string_view json);

}  // namespace cchc::detail
