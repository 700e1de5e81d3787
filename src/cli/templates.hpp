// SPDX-License-Identifier: MIT
// Templates on the command line: `cchc catalog --list` (the registry) and `cchc migrate`
// (docs/templates.md). Every command takes --template and --template-dir (options.hpp).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/options.hpp"

namespace cchc::cli {

struct TemplateCommands {
  CLI::App* migrate = nullptr;
};
TemplateCommands add_template_commands(CLI::App& app, Options& o);

/// Runs the template subcommand that was given, or returns -1 when none was.
int run_templates(const TemplateCommands& commands, const Options& o);

/// `cchc catalog --list`: every template the registry holds.
int list_templates(const Options& o);

}  // namespace cchc::cli
