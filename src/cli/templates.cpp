// SPDX-License-Identifier: MIT
#include "cli/templates.hpp"

#include <iostream>

#include <boost/json.hpp>
#include <fmt/format.h>

namespace cchc::cli {
namespace {

std::string in_force(const TemplateInfo& t) {
  return fmt::format("{} – {}", t.effective_from ? format_vi_date(*t.effective_from) : "",
                     t.effective_until ? format_vi_date(*t.effective_until) : "");
}

int run_migrate(const Options& o) {
  const auto from = pick_template(o);
  const Reading doc = load(o, from->catalog());
  const Migration m = migrate(doc.report, pick_registry(o), o.to_version).value();
  write_report_and_findings(o, m.report, m.findings);
  // Something that could not be carried over is worth a non-zero exit, as a check's error is.
  const bool lost = std::any_of(m.findings.begin(), m.findings.end(),
                                [](const Finding& f) { return f.severity != Severity::info; });
  return lost ? exit_findings : exit_ok;
}

}  // namespace

int list_templates(const Options& o) {
  // A listing reads every template whole, so that one that does not load says why here.
  const Registry& registry = pick_registry(o);
  bool broken = false;
  if (o.format == "json") {
    boost::json::array out;
    for (const TemplateInfo& t : registry.templates()) {
      boost::json::object j;
      j["id"] = t.id;
      j["version"] = t.version;
      j["name"] = t.name;
      j["level"] = t.level;
      j["effective_from"] = t.effective_from ? boost::json::value(format_iso_date(*t.effective_from)) : nullptr;
      j["effective_until"] = t.effective_until ? boost::json::value(format_iso_date(*t.effective_until)) : nullptr;
      j["origin"] = t.origin;
      if (!t.derived.empty()) j["derived"] = t.derived;
      boost::json::array rules;
      for (const auto& f : t.rule_files) rules.emplace_back(f);
      j["rule_files"] = std::move(rules);
      if (!t.mapping_from.empty()) j["mapping_from"] = t.mapping_from;
      j["scoring"] = t.scoring;
      if (auto loaded = registry.load(t); !loaded) {
        j["error"] = loaded.error().describe(o.language());
        broken = true;
      }
      out.emplace_back(std::move(j));
    }
    std::cout << boost::json::serialize(out) << '\n';
    return broken ? exit_unreadable : exit_ok;
  }
  const bool vi = o.language() == Language::vi;
  std::cout << fmt::format("{:<34} {:<8} {:<11} {:<25} {:<10} {}\n", vi ? "Mẫu (id)" : "Template (id)",
                           vi ? "Phiên bản" : "Version", vi ? "Cấp" : "Level",
                           vi ? "Hiệu lực" : "In force", vi ? "Nguồn" : "Found in", vi ? "Tên" : "Name");
  for (const TemplateInfo& t : registry.templates()) {
    std::string name = t.name;
    auto loaded = registry.load(t);
    if (loaded && !vi && !(*loaded)->catalog()->title_en().empty()) name = (*loaded)->catalog()->title_en();
    std::cout << fmt::format("{:<34} {:<8} {:<11} {:<25} {:<10} {}{}\n", t.id, t.version, t.level,
                             in_force(t), t.origin, name,
                             t.derived.empty() ? "" : (vi ? " [do cchc suy ra]" : " [derived by cchc]"));
    if (!loaded) {
      std::cout << fmt::format("  ! {}\n", loaded.error().describe(o.language()));
      broken = true;
    }
  }
  std::cout << fmt::format("{} mẫu báo cáo (templates)\n", registry.templates().size());
  return broken ? exit_unreadable : exit_ok;
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
