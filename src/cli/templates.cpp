// SPDX-License-Identifier: MIT
#include "cli/templates.hpp"

#include <iostream>

#include <boost/json.hpp>
#include <fmt/format.h>

namespace cchc::cli {
namespace {

std::string in_force(const Template& t) {
  const auto& from = t.catalog()->effective_from();
  const auto& until = t.catalog()->effective_until();
  return fmt::format("{} – {}", from ? format_vi_date(*from) : "", until ? format_vi_date(*until) : "");
}

int run_migrate(const Options& o) {
  const auto from = pick_template(o);
  const Reading doc = load(o, from->catalog());
  const Migration m = migrate(doc.report, pick_registry(o), o.to_version).value();
  const std::string json = report_to_json(m.report);
  const std::string findings = o.out().findings(m.findings, o.write_options());
  if (o.output.empty()) {
    std::cerr << findings;
    std::cout << json;
  } else {
    write_file(o.output, json).value();
    std::cout << findings;
  }
  // Something that could not be carried over is worth a non-zero exit, as a check's error is.
  const bool lost = std::any_of(m.findings.begin(), m.findings.end(),
                                [](const Finding& f) { return f.severity != Severity::info; });
  return lost ? exit_findings : exit_ok;
}

}  // namespace

int list_templates(const Options& o) {
  const Registry& registry = pick_registry(o);
  if (o.format == "json") {
    boost::json::array out;
    for (const auto& t : registry.templates()) {
      boost::json::object j;
      j["id"] = t->id();
      j["version"] = t->version();
      j["name"] = t->name();
      j["level"] = t->level();
      const auto& from = t->catalog()->effective_from();
      const auto& until = t->catalog()->effective_until();
      j["effective_from"] = from ? boost::json::value(format_iso_date(*from)) : boost::json::value(nullptr);
      j["effective_until"] = until ? boost::json::value(format_iso_date(*until)) : boost::json::value(nullptr);
      j["origin"] = t->origin();
      if (!t->derived().empty()) j["derived"] = t->derived();
      boost::json::array rules;
      for (const auto& f : t->rule_files()) rules.emplace_back(f.name);
      j["rule_files"] = std::move(rules);
      if (t->mapping()) j["mapping_from"] = t->mapping()->from_version;
      j["scoring"] = t->scoring() != nullptr;
      out.emplace_back(std::move(j));
    }
    std::cout << boost::json::serialize(out) << '\n';
    return exit_ok;
  }
  const bool vi = o.language() == Language::vi;
  std::cout << fmt::format("{:<34} {:<8} {:<11} {:<25} {:<10} {}\n", vi ? "Mẫu (id)" : "Template (id)",
                           vi ? "Phiên bản" : "Version", vi ? "Cấp" : "Level",
                           vi ? "Hiệu lực" : "In force", vi ? "Nguồn" : "Found in", vi ? "Tên" : "Name");
  for (const auto& t : registry.templates())
    std::cout << fmt::format("{:<34} {:<8} {:<11} {:<25} {:<10} {}{}\n", t->id(), t->version(), t->level(),
                             in_force(*t), t->origin(), vi || t->catalog()->title_en().empty() ? t->name() : t->catalog()->title_en(),
                             t->derived().empty() ? "" : (vi ? " [do cchc suy ra]" : " [derived by cchc]"));
  std::cout << fmt::format("{} mẫu báo cáo (templates)\n", registry.templates().size());
  return exit_ok;
}

TemplateCommands add_template_commands(CLI::App& app, Options& o) {
  auto* migrate_cmd = app.add_subcommand(
      "migrate", "Chuyển báo cáo sang phiên bản khác của mẫu / carry a report to another version of its template");
  migrate_cmd->add_option("file", o.file, "Báo cáo / the report")->required();
  migrate_cmd->add_option("--to", o.to_version, "Phiên bản đích / the version to carry it to")->required();
  migrate_cmd->add_option("-o,--output", o.output, "Ghi báo cáo JSON / write the report as JSON");
  add_format(migrate_cmd, o), add_lang(migrate_cmd, o), add_catalog(migrate_cmd, o);
  return {migrate_cmd};
}

int run_templates(const TemplateCommands& c, const Options& o) {
  if (c.migrate->parsed()) return run_migrate(o);
  return -1;
}

}  // namespace cchc::cli
