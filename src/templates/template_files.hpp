// SPDX-License-Identifier: MIT
// Internal: a template's files, and what a registry reads of them before the template is used.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cchc/templates.hpp"

namespace cchc::detail {

/// The files of a template folder (documentation left out), or a plain catalogue file as the
/// catalog.json of a template of one file.
[[nodiscard]] result<std::vector<TemplateFile>> template_files(const std::filesystem::path& path,
                                                               const JsonLimits& limits);
/// The identity of a template from its files: catalog.json's id, version, title, level and
/// effective dates without its forms, and template.json (checked whole). Errors name file,
/// line and field.
[[nodiscard]] result<TemplateInfo> read_template_info(const std::vector<TemplateFile>& files,
                                                      const std::string& origin,
                                                      const JsonLimits& limits);

}  // namespace cchc::detail
