// SPDX-License-Identifier: MIT
// The options of the `cchc` command, and what several commands do with them the same way:
// pick the catalogue, the rules and the holidays, read the report or the reports given, declare
// the options they share.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cchc/cchc.hpp"
#include "cli/inputs.hpp"

namespace cchc::cli {

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;
constexpr int exit_unreadable = 2;
constexpr int exit_usage = 64;

struct Options {
  std::string file;
  std::vector<std::string> files;  // check: any number of files and folders
  bool summary = false;
  bool findings = false;
  unsigned threads = 0;
  std::string catalog_file;
  std::string template_name;               // --template ID or ID@VERSION
  std::vector<std::string> template_dirs;  // --template-dir, after CCHC_TEMPLATE_PATH
  bool list = false;                       // catalog --list
  bool rows = false;                       // import --rows
  std::string to_version;                  // migrate --to
  std::string format = "text";
  std::string output;
  std::string lang = "vi";
  std::string holidays;  // dates, or a file of them
  std::vector<std::string> rule_files;
  std::vector<std::string> previous;  // check: the agency's earlier reports
  std::string archive;                // check: … from this archive; archive: the database
  int year = 0;                       // archive list/export
  std::string agency;
  bool no_builtin = false;
  bool source = false;
  int form = 0;
  OcrOptions ocr;  // how a scan is recognised
  // consolidate
  std::string agency_name, agency_code, level = "province", province, period, expected;

  [[nodiscard]] Language language() const { return lang == "en" ? Language::en : Language::vi; }
  [[nodiscard]] const Writer& out() const {
    return writer(output_format_from_string(format).value_or(OutputFormat::text));
  }
  [[nodiscard]] WriteOptions write_options() const { return {language(), form}; }
};

/// The registry: the built-in templates, CCHC_TEMPLATE_PATH, then --template-dir; built once.
const Registry& pick_registry(const Options& o);
/// The template a command works with: --catalog FILE (a template of one file), --template
/// ID[@VERSION], the one a single JSON report names, or the built-in catalogue's.
std::shared_ptr<const Template> pick_template(const Options& o);
std::shared_ptr<const Catalog> pick_catalog(const Options& o);
/// errc::not_found for a --form the catalogue does not have.
void check_form_exists(const Catalog& cat, const Options& o);
/// The report of FILE, whatever its format, or the bundled example; what an import could not
/// read is never silent.
Reading load(const Options& o, const std::shared_ptr<const Catalog>& catalog);
/// --holidays: a file of ISO dates when one is there by that name, else the dates themselves.
Holidays pick_holidays(const Options& o);
/// The template's rules (unless --no-builtin) and each --rules file.
RuleSet pick_rules(const Options& o, const std::shared_ptr<const Catalog>& catalog);
/// The reports of `inputs`; what cannot be read is named on stderr and noted in `unreadable`,
/// and the rest is read all the same.
std::vector<NamedReport> read_reports_noting(const Options& o, const std::vector<std::string>& inputs,
                                             const std::shared_ptr<const Catalog>& catalog,
                                             bool& unreadable);

/// A report that a command makes (consolidate, migrate): as JSON to -o FILE, or to stdout; its
/// findings on the other stream (stdout when the report goes to a file, else stderr).
void write_report_and_findings(const Options& o, const Report& report,
                               const std::vector<Finding>& findings);

// The options that several commands share, declared once.
void add_format(CLI::App* cmd, Options& o);
void add_lang(CLI::App* cmd, Options& o);
void add_catalog(CLI::App* cmd, Options& o);
void add_form(CLI::App* cmd, Options& o);
void add_rules(CLI::App* cmd, Options& o);
void add_ocr(CLI::App* cmd, Options& o);

}  // namespace cchc::cli
