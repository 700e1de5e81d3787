// SPDX-License-Identifier: MIT
// Internal: the template folders embedded at build time (src/CMakeLists.txt), file by file.
#pragma once

#include <span>
#include <string_view>

namespace cchc::embedded {

struct TemplateFileEntry {
  std::string_view folder;  ///< the folder's name under templates/
  std::string_view name;    ///< the file's name in it
  std::string_view (*text)() noexcept;
};

/// Every embedded file, by folder then name.
std::span<const TemplateFileEntry> template_files() noexcept;
/// The folder of the built-in catalogue's template.
std::string_view builtin_template_folder() noexcept;

}  // namespace cchc::embedded
