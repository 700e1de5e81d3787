// SPDX-License-Identifier: MIT
// The province's quarter on the command line: `cchc consolidate`, `cchc archive add|list|export|
// verify`, `cchc score`, and `cchc check --previous | --archive` (docs/quarter.md).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/options.hpp"

namespace cchc::cli {

/// The subcommands, once declared on the app.
struct QuarterCommands {
  CLI::App* consolidate = nullptr;
  CLI::App* archive_add = nullptr;
  CLI::App* archive_list = nullptr;
  CLI::App* archive_export = nullptr;
  CLI::App* archive_verify = nullptr;
  CLI::App* score = nullptr;
};
QuarterCommands add_quarter_commands(CLI::App& app, Options& o);

/// Runs the quarter subcommand that was given, or returns -1 when none was.
int run_quarter(const QuarterCommands& commands, const Options& o);

/// `cchc check` with --previous or --archive: each report checked with its agency's history.
int check_with_history(const Options& o, const RuleSet& rules,
                       const std::shared_ptr<const Catalog>& catalog);

}  // namespace cchc::cli
