// SPDX-License-Identifier: MIT
// Internal: what the Office Open XML writers (DOCX, XLSX) share: XML text escaping and the
// package, zipped in memory.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "cchc/error.hpp"

namespace cchc::detail::document {

/// Appends `s` escaped for XML text or an attribute value. Characters XML 1.0 cannot hold (C0
/// controls other than tab, line feed and carriage return) are left out: a report's text never
/// means them, and one would make the whole part unreadable.
void xml_escape_into(std::string& out, std::string_view s);

/// One part of a package: its name in the zip, and its bytes.
struct PackagePart {
  std::string_view name;
  std::string_view data;
};

/// The parts zipped in memory, in their order, deflated at the fastest level (an annex's XML
/// shrinks nearly as much as at the default level, at a third of the time). `what` names the
/// document in an error ("tài liệu Word" / "the Word document").
[[nodiscard]] result<std::string> zip_package(std::span<const PackagePart> parts, std::string_view what_vi,
                                              std::string_view what_en);

}  // namespace cchc::detail::document
