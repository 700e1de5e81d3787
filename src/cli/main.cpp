// SPDX-License-Identifier: MIT
// cchc: the command-line face of the library.
//
//   cchc show [FILE] [--format text|json] [--form N] [--catalog FILE]
//   cchc check [FILE|FOLDER]... [--rules FILE]... [--no-builtin] [--summary] [--findings]
//              [--format text|json|html|md|csv|xlsx|docx] [-o FILE]
//              [--threads N] [--holidays DATES|FILE] [--previous FILE]... [--archive DB]
//              [--lang vi|en] [--catalog FILE]
//   cchc derive [FILE] [--format text|json] [--catalog FILE]
//   cchc render [FILE] [--format html|docx|xlsx|md|csv|json] [-o FILE] [--findings] [--rules FILE]...
//               [--holidays DATES|FILE] [--form N] [--lang vi|en] [--catalog FILE]
//   cchc import FILE.txt|FILE.pdf|FILE.docx|FILE.xlsx [-o report.json] [--format text|json] [--lang vi|en] [--catalog FILE]
//   cchc consolidate REPORTS... [-o province.json] [--agency-name NAME] [--agency-code CODE]
//                    [--level province|district] [--province NAME] [--period "q1 2024"]
//                    [--expected CODES|FILE] [--format text|json] [--lang vi|en] [--catalog FILE]
//   cchc archive add DB REPORTS...        (files, folders, JSON Lines, CSV)
//   cchc archive list DB [--period "q1 2024"] [--year Y] [--agency CODE] [--format text|json]
//   cchc archive export DB [--period ...] [--year Y] [--agency CODE] [-o reports.jsonl]
//   cchc archive verify DB
//   cchc catalog [--list] [--format text|json] [--catalog FILE]
//   cchc migrate REPORT --to VERSION [-o FILE] [--format text|json] [--lang vi|en]
//   cchc score REPORTS... [--previous FILE]... [--archive DB [--period P]] [--format text|json]
//
// Every command that reads reports also takes --template ID[@VERSION] and --template-dir DIR
// (templates found on CCHC_TEMPLATE_PATH, docs/templates.md); a JSON report names its own.
//   cchc rules [--rules FILE]... [--catalog FILE] [--source]
//
// Exit codes: 0 success (for check: no error findings); 1 check found errors; 2 unreadable
// input or rules (the error, with where it is, goes to stderr); 64 a usage error.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fmt/format.h>

#include "cchc/cchc.hpp"
#include "cli/check_many.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "cli/quarter.hpp"
#include "cli/templates.hpp"

namespace cchc::cli {
namespace {

int run_check(Options o) {
  auto catalog = pick_catalog(o);
  const RuleSet rules = pick_rules(o, catalog);
  if (!o.previous.empty() || !o.archive.empty()) {
    if (o.summary || o.findings || (!o.previous.empty() && !o.archive.empty()))
      throw exception(make_error(errc::invalid_argument,
                                 "--previous hoặc --archive (một trong hai) không dùng cùng "
                                 "--summary hay --findings",
                                 "--previous or --archive (one of them) does not combine with "
                                 "--summary or --findings",
                                 "check"));
    return check_with_history(o, rules, catalog);
  }
  // A document format (html, md, csv, xlsx, docx) writes the batch summary.
  auto document = render_format_from_string(o.format);
  if (document == RenderFormat::json) document.reset();  // the summary's own JSON, below
  if (o.summary || o.findings || document || needs_batch(o.files)) {
    if (o.files.empty())
      throw exception(make_error(errc::invalid_argument, "--summary, --findings và --format tài liệu cần tệp báo cáo",
                                 "--summary, --findings and a document --format need report files", "check"));
    if (document && o.findings)
      throw exception(make_error(errc::invalid_argument,
                                 fmt::format("--findings in văn bản hoặc JSON, không in {}", o.format),
                                 fmt::format("--findings prints text or JSON, not {}", o.format), "check"));
    CheckManyOptions many{o.files, output_format_from_string(o.format).value_or(OutputFormat::text),
                          o.language(), o.threads, o.summary || document.has_value(), o.findings, document, o.output, o.ocr};
    return check_many(many, rules);
  }
  if (!o.files.empty()) o.file = o.files.front();
  const Reading doc = load(o, catalog);
  const auto findings = check(doc.report, rules, doc.evidence_ptr(), {pick_holidays(o), {}}).value();
  std::cout << o.out().findings(findings, o.write_options());
  return has_errors(findings) ? exit_findings : exit_ok;
}

int run_render(const Options& o) {
  auto catalog = pick_catalog(o);
  const Reading doc = load(o, catalog);
  std::vector<Finding> findings;
  if (o.findings) {
    const RuleSet rules = pick_rules(o, catalog);
    findings = check(doc.report, rules, doc.evidence_ptr(), {pick_holidays(o), {}}).value();
  }
  RenderOptions options;
  options.lang = o.language();
  options.form = o.form;
  options.findings = findings;
  const RenderFormat format = render_format_from_string(o.format).value_or(RenderFormat::html);
  // -o DIR/ (or an existing folder): one file per form, bieu-mau-N.<format>.
  std::error_code ec;
  if (!o.output.empty() && (o.output.back() == '/' || std::filesystem::is_directory(o.output, ec))) {
    std::filesystem::create_directories(o.output, ec);
    for (const Form& form : catalog->forms()) {
      if (o.form != 0 && form.number != o.form) continue;
      options.form = form.number;
      const auto path = std::filesystem::path(o.output) /
                        fmt::format("bieu-mau-{}.{}", form.number, to_string(format));
      write_file(path, render(doc.report, format, options).value()).value();
      std::cout << path.string() << '\n';
    }
    return exit_ok;
  }
  const std::string out = render(doc.report, format, options).value();
  if (o.output.empty()) std::cout << out;
  else write_file(o.output, out).value();
  return exit_ok;
}

int run_derive(const Options& o) {
  auto catalog = pick_catalog(o);
  std::cout << o.out().derived(derive(load(o, catalog).report), o.write_options());
  return exit_ok;
}

int run_import(const Options& o) {
  auto catalog = pick_catalog(o);
  const ImportedText imported = import_file(o.file, catalog, {}, o.ocr).value();
  std::string coverage = o.format == "json" ? import_to_json(imported) : o.out().coverage(imported.coverage, o.write_options());
  if (o.rows && o.format != "json") {
    // Row by row: what was read, from where, and what was not.
    const bool vi = o.language() == Language::vi;
    for (const RowReading& r : row_readings(imported)) {
      std::string where = r.line ? fmt::format("{} {}", vi ? "dòng" : "line", r.line) : "";
      if (r.page) where += fmt::format(", {} {}", vi ? "trang" : "page", r.page);
      if (r.confidence >= 0) where += fmt::format(", {:.0f}%", r.confidence);
      const std::string what = r.status == RowReading::Status::value ? r.value
                               : r.status == RowReading::Status::blank ? (vi ? "(trống)" : "(blank)")
                               : (vi ? r.reason_vi : r.reason_en);
      coverage += fmt::format("{:<12} {:<8} {:<22} {}\n", r.address, to_string(r.status), where, what);
    }
  }
  const std::string json = report_to_json(imported.report);
  if (o.output.empty()) {
    std::cerr << coverage;
    std::cout << json;
  } else {
    write_file(o.output, json).value();
    std::cout << coverage;
  }
  return imported.coverage.complete() ? exit_ok : exit_findings;
}

int run_rules(const Options& o) {
  const auto tmpl = pick_template(o);
  const auto& catalog = tmpl->catalog();
  if (o.source) {
    std::cout << structural_rules_source(*catalog);
    if (o.catalog_file.empty())
      for (const auto& f : tmpl->rule_files()) std::cout << f.text;
    else
      std::cout << template_rules_source(*catalog);
    return exit_ok;
  }
  const RuleSet rules = pick_rules(o, catalog);
  for (const RuleInfo& r : rules.rules())
    std::cout << fmt::format("{:<8} {:<40} {}\n", to_string(r.severity), r.id,
                             o.lang == "en" ? r.message_en : r.message_vi);
  std::cout << fmt::format("{} luật (rules)\n", rules.size());
  return exit_ok;
}

int run_show(const Options& o) {
  auto catalog = pick_catalog(o);
  check_form_exists(*catalog, o);
  std::cout << o.out().report(load(o, catalog).report, o.write_options());
  return exit_ok;
}

int run_catalog(const Options& o) {
  if (o.list) return list_templates(o);
  auto catalog = pick_catalog(o);
  check_form_exists(*catalog, o);
  std::cout << o.out().catalog(*catalog, o.write_options());
  return exit_ok;
}

constexpr const char* report_file_help =
    "Báo cáo JSON, .txt hoặc .pdf / report (JSON, text or PDF); default: the bundled example";

}  // namespace
}  // namespace cchc::cli

int main(int argc, char** argv) {
  using namespace cchc::cli;
  CLI::App app{"cchc — đọc và kiểm tra báo cáo cải cách hành chính định kỳ\n"
               "cchc — read and check periodic administrative-reform (CCHC) reports"};
  app.set_version_flag("--version", std::string(cchc::version()));
  app.require_subcommand(1);
  Options o;

  auto* show = app.add_subcommand("show", "In báo cáo thành bảng / print a report's forms");
  show->add_option("file", o.file, report_file_help);
  add_lang(show, o), add_format(show, o), add_form(show, o), add_catalog(show, o), add_ocr(show, o);

  auto* catalog = app.add_subcommand("catalog", "Liệt kê biểu mẫu và dòng / list forms and rows");
  catalog->add_flag("--list", o.list,
                    "Liệt kê các mẫu báo cáo đã biết / list the templates: id, version, level, in force, where found");
  add_format(catalog, o), add_lang(catalog, o), add_form(catalog, o), add_catalog(catalog, o);

  auto* check = app.add_subcommand("check", "Kiểm tra báo cáo / check reports");
  check->add_option("files", o.files,
                    "Báo cáo (JSON, .txt, .pdf), thư mục, tệp .csv hoặc .jsonl / reports, folders, "
                    "CSV or JSON Lines files; default: the bundled example");
  check->add_flag("--summary", o.summary,
                  "Đếm theo từng luật / per-rule counts: evaluated, passed, failed, skipped");
  check->add_flag("--findings", o.findings,
                  "In phát hiện của từng báo cáo (nhiều báo cáo) / each report's findings, streamed");
  check->add_option("--threads", o.threads, "Số luồng / threads (default: every core)");
  check->add_option("--holidays", o.holidays,
                    "Ngày nghỉ lễ YYYY-MM-DD, hoặc tệp / public holidays (YYYY-MM-DD, separated by "
                    "commas or spaces), or a file of them, for the deadline check");
  check->add_option("--previous", o.previous,
                    "Báo cáo các kỳ trước của cơ quan (tệp, thư mục, .jsonl) / the agency's earlier "
                    "reports (files, folders, JSON Lines), for the cross-period checks")
      ->allow_extra_args(false);
  check->add_option("--archive", o.archive,
                    "Kho báo cáo SQLite lấy các kỳ trước / an archive to take the earlier reports from");
  add_rules(check, o);
  check->add_flag("--no-builtin", o.no_builtin, "Chỉ dùng các tệp luật đã cho / only the given rule files");
  check->add_option("--format", o.format,
                    "text | json, hoặc tài liệu tổng hợp / or the summary as a document: html | md | csv | xlsx | docx")
      ->check(CLI::IsMember({"text", "json", "html", "md", "markdown", "csv", "xlsx", "docx"}));
  check->add_option("-o,--output", o.output,
                    "Ghi tài liệu tổng hợp ra tệp / write the summary document to this file (default: stdout)");
  add_lang(check, o), add_catalog(check, o), add_ocr(check, o);

  auto* derive_cmd = app.add_subcommand("derive", "Suy ra giá trị còn trống / fill derivable blanks");
  derive_cmd->add_option("file", o.file, report_file_help);
  add_format(derive_cmd, o), add_catalog(derive_cmd, o), add_ocr(derive_cmd, o);

  auto* import_cmd = app.add_subcommand("import", "Đọc báo cáo từ văn bản hoặc PDF / read a report's text or PDF");
  import_cmd->add_option("file", o.file, "Báo cáo .txt, .pdf, .docx hoặc .xlsx / report text, PDF, Word or Excel")->required();
  import_cmd->add_option("-o,--output", o.output, "Ghi báo cáo JSON / write the report as JSON");
  import_cmd->add_flag("--rows", o.rows,
                       "Từng dòng: đọc được gì, ở đâu / row by row: what was read, from where (--format json always has it)");
  add_format(import_cmd, o), add_lang(import_cmd, o), add_catalog(import_cmd, o), add_ocr(import_cmd, o);

  auto* render_cmd = app.add_subcommand(
      "render", "Viết báo cáo thành tài liệu / write a report as HTML, Word, Excel, Markdown, CSV or JSON");
  render_cmd->add_option("file", o.file, report_file_help);
  {
    std::vector<std::string> names(cchc::render_formats().begin(), cchc::render_formats().end());
    names.emplace_back("markdown");
    render_cmd->add_option("--format", o.format, "html | docx | xlsx | md | csv | json (default html)")
        ->check(CLI::IsMember(names));
  }
  render_cmd->add_option("-o,--output", o.output, "Ghi ra tệp / write to this file (default: stdout)");
  render_cmd->add_flag("--findings", o.findings,
                       "Kèm phát hiện khi kiểm tra / show the check's findings on their cells");
  render_cmd->add_option("--holidays", o.holidays, "Ngày nghỉ lễ / public holidays, with --findings");
  add_rules(render_cmd, o), add_lang(render_cmd, o), add_form(render_cmd, o), add_catalog(render_cmd, o);
  add_ocr(render_cmd, o);

  const QuarterCommands quarter = add_quarter_commands(app, o);
  const TemplateCommands templates = add_template_commands(app, o);

  auto* rules_cmd = app.add_subcommand("rules", "Liệt kê luật kiểm tra / list the rules");
  add_rules(rules_cmd, o), add_lang(rules_cmd, o), add_catalog(rules_cmd, o);
  rules_cmd->add_flag("--source", o.source, "In mã nguồn luật / print the rule source");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? exit_ok : exit_usage;
  }
  try {
    if (show->parsed()) return run_show(o);
    if (check->parsed()) return run_check(o);
    if (derive_cmd->parsed()) return run_derive(o);
    if (rules_cmd->parsed()) return run_rules(o);
    if (import_cmd->parsed()) return run_import(o);
    if (const int code = run_quarter(quarter, o); code >= 0) return code;
    if (const int code = run_templates(templates, o); code >= 0) return code;
    if (render_cmd->parsed()) {
      if (o.format == "text") o.format = "html";  // the default of the other commands
      return run_render(o);
    }
    return run_catalog(o);
  } catch (const cchc::exception& e) {
    std::cerr << "cchc: " << e.error().describe() << '\n';
    return exit_unreadable;
  } catch (const std::exception& e) {
    std::cerr << "cchc: lỗi (error): " << e.what() << '\n';
    return exit_unreadable;
  }
}
