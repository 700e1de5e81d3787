// SPDX-License-Identifier: MIT
// cchc: the command-line face of the library.
//
//   cchc show [FILE] [--format text|json] [--form N] [--catalog FILE]
//   cchc check [FILE|FOLDER]... [--rules FILE]... [--no-builtin] [--summary] [--findings]
//              [--threads N] [--holidays DATES|FILE] [--previous FILE]... [--archive DB]
//              [--format text|json]
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
//   cchc catalog [--format text|json] [--catalog FILE]
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
#include "util/strings.hpp"

namespace cchc::cli {
std::string_view seed_report_json() noexcept;  // examples/data/seed-report.json, embedded

namespace {

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
  // consolidate
  std::string agency_name, agency_code, level = "province", province, period, expected;

  [[nodiscard]] Language language() const { return lang == "en" ? Language::en : Language::vi; }
  [[nodiscard]] const Writer& out() const {
    return writer(output_format_from_string(format).value_or(OutputFormat::text));
  }
  [[nodiscard]] WriteOptions write_options() const { return {language(), form}; }
};

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

// The earlier reports given with --previous (files, folders, JSON Lines), as a history.
History pick_history(const Options& o, const std::shared_ptr<const Catalog>& catalog) {
  History history;
  const auto earlier = read_reports(o.previous, catalog, [](const error& e) {
    throw exception(e);  // a history half read would hide the checks it feeds
  });
  for (const auto& r : earlier) history.add(r.report);
  return history;
}

// The history of one report: the files given with --previous, or the archive's.
class HistorySource {
 public:
  HistorySource(const Options& o, const std::shared_ptr<const Catalog>& catalog) {
    if (!o.archive.empty()) archive_.emplace(Archive::open(o.archive).value());
    else given_ = pick_history(o, catalog);
  }
  // The given files whole (only the report's agency is selected from them), or the report's
  // own history from the archive, valid until the next call.
  [[nodiscard]] const History& of(const Report& report) {
    if (!archive_) return given_;
    from_archive_ = archive_->history(report).value();
    return from_archive_;
  }

 private:
  std::optional<Archive> archive_;
  History given_, from_archive_;
};

// Each report checked with the agency's history: cross-period rules and outliers run too.
int check_with_history(const Options& o, const RuleSet& rules, HistorySource source) {
  const CheckOptions options{pick_holidays(o), {}};
  if (!needs_batch(o.files)) {
    const Reading doc = load(o.files.empty() ? o : [&] {
      Options one = o;
      one.file = o.files.front();
      return one;
    }(), rules.catalog_ptr());
    const History& history = source.of(doc.report);
    const auto findings =
        check(doc.report, rules, CheckContext{doc.evidence_ptr(), &history}, options).value();
    std::cout << o.out().findings(findings, o.write_options());
    return has_errors(findings) ? exit_findings : exit_ok;
  }
  bool errors = false, unreadable = false;
  const auto reports = read_reports_noting(o, o.files, rules.catalog_ptr(), unreadable);
  const bool json_out = o.format == "json";
  if (json_out) std::cout << "[\n";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const History& history = source.of(reports[i].report);
    const auto findings =
        check(reports[i].report, rules, CheckContext{nullptr, &history}, options).value();
    errors = errors || has_errors(findings);
    const std::string out = o.out().findings(findings, o.write_options());
    if (json_out)
      std::cout << fmt::format("{}{{\"source\": {}, \"findings\": {}}}", i ? ",\n" : "",
                               boost::json::serialize(boost::json::string(reports[i].source)), out);
    else
      std::cout << fmt::format("── {} ──\n{}", reports[i].source, out);
  }
  if (json_out) std::cout << "\n]\n";
  if (unreadable) return exit_unreadable;
  return errors ? exit_findings : exit_ok;
}

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
    return check_with_history(o, rules, HistorySource(o, catalog));
  }
  if (o.summary || o.findings || needs_batch(o.files)) {
    if (o.files.empty())
      throw exception(make_error(errc::invalid_argument, "--summary và --findings cần tệp báo cáo",
                                 "--summary and --findings need report files", "check"));
    CheckManyOptions many{o.files, output_format_from_string(o.format).value_or(OutputFormat::text),
                          o.language(), o.threads, o.summary, o.findings};
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

// A list given as text ("SKHCN, STC") or as a file with one entry per line.
std::vector<std::string> pick_list(const std::string& given) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(given, ec)) return detail::split_items(read_file(given).value());
  return detail::split_items(given);
}

int run_consolidate(const Options& o) {
  bool unreadable = false;
  Batch inputs(pick_catalog(o));  // units' figures as columns: no Report per line
  (void)read_into(inputs, o.files, [&](const error& e) {
    std::cerr << "cchc: " << e.describe(o.language()) << '\n';
    unreadable = true;
  });
  ConsolidateOptions options;
  Metadata m;
  for (const auto& [field, value] : {std::pair{"agency.name", o.agency_name},
                                     {"agency.code", o.agency_code}, {"agency.level", o.level},
                                     {"period", o.period}})
    if (auto set = set_metadata_field(m, field, value); !set)
      throw exception(std::move(set.error()).within(fmt::format("--{}", field)));
  options.agency = m.agency;
  options.period = m.period;
  options.province = o.province;
  if (!o.expected.empty()) options.expected = pick_list(o.expected);
  const Consolidation c = consolidate(inputs, options).value();
  const std::string json = report_to_json(c.report);
  const std::string findings = o.out().findings(c.findings, o.write_options());
  if (o.output.empty()) {
    std::cerr << findings;
    std::cout << json;
  } else {
    write_file(o.output, json).value();
    std::cout << findings;
  }
  if (unreadable) return exit_unreadable;
  return has_errors(c.findings) ? exit_findings : exit_ok;
}

ArchiveFilter archive_filter(const Options& o) {
  ArchiveFilter f;
  if (!o.period.empty()) {
    Metadata m;
    if (auto set = set_metadata_field(m, "period", o.period); !set)
      throw exception(std::move(set.error()).within("--period"));
    f.period = m.period;
  }
  if (o.year != 0) f.year = o.year;
  f.agency = o.agency;
  return f;
}

int run_archive_add(const Options& o) {
  auto catalog = pick_catalog(o);
  bool unreadable = false;
  const auto inputs = read_reports_noting(o, o.files, catalog, unreadable);
  std::vector<const Report*> reports;
  for (const auto& r : inputs) reports.push_back(&r.report);
  Archive db = Archive::open(o.archive).value();
  std::string source;
  for (const auto& f : o.files) detail::join_into(source, " ", f);
  const ArchiveAdd added = db.add(reports, source).value();
  for (const error& e : added.refused) {
    // "#3": the third report read, named by its file (and line).
    const std::size_t i = std::stoul(e.where.substr(1)) - 1;
    std::cerr << "cchc: " << e.describe(o.language()).replace(0, e.where.size(), inputs[i].source)
              << '\n';
  }
  std::cout << (o.language() == Language::vi
                    ? fmt::format("Thêm mới {}, thay thế {}, không đổi {}, bị từ chối {}\n",
                                  added.added, added.replaced, added.unchanged, added.refused.size())
                    : fmt::format("Added {}, replaced {}, unchanged {}, refused {}\n", added.added,
                                  added.replaced, added.unchanged, added.refused.size()));
  return unreadable || !added.refused.empty() ? exit_unreadable : exit_ok;
}

int run_archive_list(const Options& o) {
  const Archive db = Archive::open(o.archive).value();
  const auto entries = db.list(archive_filter(o)).value();
  const bool vi = o.language() == Language::vi;
  if (o.format == "json") {
    boost::json::array rows;
    for (const auto& e : entries)
      rows.push_back({{"agency", {{"name", e.agency.name}, {"code", e.agency.code},
                                  {"level", to_string(e.agency.level)}}},
                      {"province", e.province},
                      {"period", {{"year", e.period.year}, {"kind", to_string(e.period.kind)}}},
                      {"document", {{"number", e.document.number}, {"symbol", e.document.symbol},
                                    {"date", e.document.date ? format_iso_date(*e.document.date) : ""}}},
                      {"catalog", {{"id", e.catalog_id}, {"version", e.catalog_version}}},
                      {"added_at", e.added_at},
                      {"versions", e.versions}});
    std::cout << boost::json::serialize(boost::json::object{{"format", "cchc.archive-list/1"},
                                                            {"reports", std::move(rows)}})
              << '\n';
    return exit_ok;
  }
  for (const auto& e : entries) {
    std::string doc = e.document.number;
    if (!e.document.symbol.empty()) doc += "/" + e.document.symbol;
    std::cout << fmt::format("{:<28} {:<8} {:<24} {:<16} {} {} {}{}\n",
                             vi ? label_vi(e.period) : label_en(e.period), e.agency.code,
                             e.agency.name, doc.empty() ? "—" : doc, e.catalog_id,
                             e.catalog_version, e.added_at,
                             e.versions <= 1 ? std::string()
                             : vi            ? fmt::format(" ({} phiên bản)", e.versions)
                                             : fmt::format(" ({} versions)", e.versions));
  }
  std::cout << entries.size() << (vi ? " báo cáo\n" : " reports\n");
  return exit_ok;
}

int run_archive_export(const Options& o) {
  const Archive db = Archive::open(o.archive).value();
  const std::string lines = db.export_jsonl(archive_filter(o)).value();
  if (o.output.empty()) std::cout << lines;
  else write_file(o.output, lines).value();
  return exit_ok;
}

int run_archive_verify(const Options& o) {
  const Archive db = Archive::open(o.archive).value();
  db.verify().value();
  const auto current = db.list().value().size();
  const auto versions = db.version_count().value();
  std::cout << (o.language() == Language::vi
                    ? fmt::format("Kho báo cáo nguyên vẹn (lược đồ {}): {} báo cáo hiện hành, {} "
                                  "phiên bản\n",
                                  Archive::schema_version, current, versions)
                    : fmt::format("The archive is sound (schema {}): {} current reports, {} "
                                  "versions\n",
                                  Archive::schema_version, current, versions));
  return exit_ok;
}

int run_derive(const Options& o) {
  auto catalog = pick_catalog(o);
  std::cout << o.out().derived(derive(load(o, catalog).report), o.write_options());
  return exit_ok;
}

int run_import(const Options& o) {
  auto catalog = pick_catalog(o);
  const ImportedText imported = import_file(o.file, catalog).value();
  const std::string coverage = o.out().coverage(imported.coverage, o.write_options());
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
  auto catalog = pick_catalog(o);
  if (o.source) {
    std::cout << structural_rules_source(*catalog) << template_rules_source(*catalog);
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
  auto catalog = pick_catalog(o);
  check_form_exists(*catalog, o);
  std::cout << o.out().catalog(*catalog, o.write_options());
  return exit_ok;
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
  add_lang(show, o), add_format(show, o), add_form(show, o), add_catalog(show, o);

  auto* catalog = app.add_subcommand("catalog", "Liệt kê biểu mẫu và dòng / list forms and rows");
  add_format(catalog, o), add_form(catalog, o), add_catalog(catalog, o);

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
  add_format(check, o), add_lang(check, o), add_catalog(check, o);

  auto* derive_cmd = app.add_subcommand("derive", "Suy ra giá trị còn trống / fill derivable blanks");
  derive_cmd->add_option("file", o.file, report_file_help);
  add_format(derive_cmd, o), add_catalog(derive_cmd, o);

  auto* import_cmd = app.add_subcommand("import", "Đọc báo cáo từ văn bản hoặc PDF / read a report's text or PDF");
  import_cmd->add_option("file", o.file, "Báo cáo .txt, .pdf, .docx hoặc .xlsx / report text, PDF, Word or Excel")->required();
  import_cmd->add_option("-o,--output", o.output, "Ghi báo cáo JSON / write the report as JSON");
  add_format(import_cmd, o), add_lang(import_cmd, o), add_catalog(import_cmd, o);

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

  auto* consolidate_cmd = app.add_subcommand(
      "consolidate", "Tổng hợp báo cáo của các đơn vị / pool units' reports into the province's");
  consolidate_cmd->add_option("files", o.files,
                              "Báo cáo (JSON, .txt, .pdf, .docx, .xlsx), thư mục, .jsonl, .csv / "
                              "reports, folders, JSON Lines or CSV files")
      ->required();
  consolidate_cmd->add_option("-o,--output", o.output, "Ghi báo cáo tổng hợp (JSON) / write the pooled report");
  consolidate_cmd->add_option("--agency-name", o.agency_name, "Cơ quan tổng hợp / consolidating agency");
  consolidate_cmd->add_option("--agency-code", o.agency_code, "Mã cơ quan / its code, e.g. SNV");
  consolidate_cmd->add_option("--level", o.level, "province | district (default province)")
      ->check(CLI::IsMember({"province", "district"}));
  consolidate_cmd->add_option("--province", o.province, "Tỉnh / province (default: the inputs')");
  consolidate_cmd->add_option("--period", o.period,
                              "Kỳ, ví dụ \"q1 2024\" / period (default: most inputs')");
  consolidate_cmd->add_option("--expected", o.expected,
                              "Mã hoặc tên các cơ quan phải báo cáo, cách nhau bởi dấu phẩy, hoặc "
                              "tệp / agencies expected (codes or names, comma-separated, or a file)");
  add_format(consolidate_cmd, o), add_lang(consolidate_cmd, o), add_catalog(consolidate_cmd, o);

  auto* archive_cmd = app.add_subcommand(
      "archive", "Kho báo cáo SQLite / the archive of reports (SQLite): add, list, export, verify");
  archive_cmd->require_subcommand(1);
  auto* archive_add = archive_cmd->add_subcommand("add", "Thêm báo cáo / add reports (idempotent)");
  archive_add->add_option("db", o.archive, "Tệp kho / the archive's file")->required();
  archive_add->add_option("files", o.files,
                          "Báo cáo, thư mục, .jsonl, .csv / reports, folders, JSON Lines or CSV")
      ->required();
  add_lang(archive_add, o), add_catalog(archive_add, o);
  auto* archive_list = archive_cmd->add_subcommand("list", "Liệt kê báo cáo / list the current reports");
  auto* archive_export = archive_cmd->add_subcommand(
      "export", "Xuất báo cáo dạng JSON Lines / export reports as JSON Lines");
  for (auto* cmd : {archive_list, archive_export}) {
    cmd->add_option("db", o.archive, "Tệp kho / the archive's file")->required();
    cmd->add_option("--period", o.period, "Kỳ, ví dụ \"q1 2024\" / period");
    cmd->add_option("--year", o.year, "Năm / year");
    cmd->add_option("--agency", o.agency, "Mã hoặc tên cơ quan / agency code or name");
  }
  archive_list->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));
  add_lang(archive_list, o);
  archive_export->add_option("-o,--output", o.output, "Ghi ra tệp / write to this file (default: stdout)");
  auto* archive_verify = archive_cmd->add_subcommand("verify", "Kiểm tra tính toàn vẹn / check integrity");
  archive_verify->add_option("db", o.archive, "Tệp kho / the archive's file")->required();
  add_lang(archive_verify, o);

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
    if (consolidate_cmd->parsed()) return run_consolidate(o);
    if (archive_add->parsed()) return run_archive_add(o);
    if (archive_list->parsed()) return run_archive_list(o);
    if (archive_export->parsed()) return run_archive_export(o);
    if (archive_verify->parsed()) return run_archive_verify(o);
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
