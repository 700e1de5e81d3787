// SPDX-License-Identifier: MIT
#include "cli/options.hpp"

#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "util/strings.hpp"

namespace cchc::cli {
std::string_view seed_report_json() noexcept;  // examples/data/seed-report.json, embedded

std::shared_ptr<const Catalog> pick_catalog(const Options& o) {
  if (o.catalog_file.empty()) return builtin_catalog();
  return load_catalog(o.catalog_file).value();
}

void check_form_exists(const Catalog& cat, const Options& o) {
  if (o.form != 0 && cat.form(o.form) == nullptr)
    throw exception(make_error(errc::not_found, fmt::format("không có biểu mẫu {}", o.form),
                               fmt::format("no form {}", o.form), "--form"));
}

// The report of FILE, whatever its format, or the bundled example; what an import could not
// read is never silent.
Reading load(const Options& o, const std::shared_ptr<const Catalog>& catalog) {
  if (o.file.empty())
    return {report_from_json(seed_report_json(), catalog).value(), std::nullopt, InputFormat::json};
  Reading doc = read_document(o.file, catalog).value();
  if (doc.evidence && !doc.evidence->coverage.complete())
    std::cerr << coverage_to_text(doc.evidence->coverage, o.language());
  return doc;
}

// --holidays: a file of ISO dates when one is there by that name, else the dates themselves.
Holidays pick_holidays(const Options& o) {
  if (o.holidays.empty()) return {};
  std::error_code ec;
  if (std::filesystem::is_regular_file(o.holidays, ec)) {
    auto days = parse_holidays(read_file(o.holidays).value());
    if (!days) throw exception(std::move(days.error()).within(o.holidays));
    return *days;
  }
  auto days = parse_holidays(o.holidays);
  if (!days) throw exception(std::move(days.error()).within("--holidays"));
  return *days;
}

RuleSet pick_rules(const Options& o, const std::shared_ptr<const Catalog>& catalog) {
  RuleSet rules = o.no_builtin ? RuleSet(catalog) : RuleSet::builtin(catalog);
  for (const auto& file : o.rule_files) rules.add_source(read_file(file).value(), file).value();
  return rules;
}

// The reports of `inputs`; what cannot be read is named on stderr and noted in `unreadable`,
// and the rest is read all the same.
std::vector<NamedReport> read_reports_noting(const Options& o, const std::vector<std::string>& inputs,
                                             const std::shared_ptr<const Catalog>& catalog,
                                             bool& unreadable) {
  return read_reports(inputs, catalog, [&](const error& e) {
    std::cerr << "cchc: " << e.describe(o.language()) << '\n';
    unreadable = true;
  });
}

// The options that several commands share, declared once.
void add_format(CLI::App* cmd, Options& o) {
  std::vector<std::string> names(output_formats().begin(), output_formats().end());
  std::string help;
  for (const auto& n : names) detail::join_into(help, " | ", n);
  cmd->add_option("--format", o.format, help)->check(CLI::IsMember(names));
}
void add_lang(CLI::App* cmd, Options& o) {
  cmd->add_option("--lang", o.lang, "vi | en")->check(CLI::IsMember({"vi", "en"}));
}
void add_catalog(CLI::App* cmd, Options& o) {
  cmd->add_option("--catalog", o.catalog_file, "Danh mục JSON / catalogue (JSON)");
}
void add_form(CLI::App* cmd, Options& o) {
  cmd->add_option("--form", o.form, "Chỉ in biểu mẫu N / print only form N");
}
void add_rules(CLI::App* cmd, Options& o) {
  cmd->add_option("--rules", o.rule_files, "Tệp luật bổ sung / more rule files")->allow_extra_args(false);
}

}  // namespace cchc::cli
