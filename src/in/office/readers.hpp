// SPDX-License-Identifier: MIT
// Internal: the Word and Excel readers behind import_office().
#pragma once

#include <memory>

#include "cchc/text_import.hpp"
#include "in/office/package.hpp"

namespace cchc::detail::office {

[[nodiscard]] result<ImportedText> read_xlsx(const Package& package,
                                             std::shared_ptr<const Catalog> catalog);
[[nodiscard]] result<ImportedText> read_docx(const Package& package,
                                             std::shared_ptr<const Catalog> catalog);

/// Sets `field` of the report's metadata from what a document of cchc's kept ("" leaves it); a
/// value that does not read is a coverage problem, never a stop.
void keep_metadata(ImportedText& out, std::string_view field, std::string value);

}  // namespace cchc::detail::office
