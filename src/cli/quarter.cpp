// SPDX-License-Identifier: MIT
#include "cli/quarter.hpp"

#include <filesystem>
#include <iostream>
#include <optional>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "cli/check_many.hpp"
#include "util/strings.hpp"

namespace cchc::cli {
namespace {

// The earlier reports given with --previous (files, folders, JSON Lines), as a history. A JSON
// report of an earlier version of the template is read with that version and carried over by
// its mappings, so that cross-period checks compare like with like.
History pick_history(const Options& o, const std::shared_ptr<const Catalog>& catalog) {
  History history;
  const Registry& registry = pick_registry(o);
  std::vector<std::string> rest;
  for (const auto& path : expand(o.previous)) {
    if (source_of(path) != Source::document || path.extension() != ".json") {
      rest.push_back(path.string());
      continue;
    }
    const std::string text = read_file(path).value();
    auto t = registry.for_report_json(text);
    auto earlier = report_from_json(text, t && (*t)->id() == catalog->id() ? (*t)->catalog() : catalog);
    if (!earlier) throw exception(std::move(earlier.error()).within(path.string()));
    if (auto same = comparable(*earlier, *catalog, registry)) history.add(std::move(*same));
  }
  const auto earlier = read_reports(rest, catalog, [](const error& e) {
    throw exception(e);  // a history half read would hide the checks it feeds
  });
  for (const auto& r : earlier) history.add(r.report);
  return history;
}

// The history of one report: the files given with --previous, or the archive's.
class HistorySource {
 public:
  HistorySource(const Options& o, const std::shared_ptr<const Catalog>& catalog)
      : registry_(pick_registry(o)) {
    if (!o.archive.empty()) archive_.emplace(Archive::open(o.archive).value());
    else given_ = pick_history(o, catalog);
  }
  // The given files whole (only the report's agency is selected from them), or the report's
  // own history from the archive, valid until the next call.
  [[nodiscard]] const History& of(const Report& report) {
    if (!archive_) return given_;
    from_archive_ = archive_->history(report, registry_).value();
    return from_archive_;
  }

 private:
  const Registry& registry_;
  std::optional<Archive> archive_;
  History given_, from_archive_;
};

// Each report checked with the agency's history: cross-period rules and outliers run too.
int check_each(const Options& o, const RuleSet& rules, HistorySource source) {
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
  }, o.ocr);
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
  write_report_and_findings(o, c.report, c.findings);
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
  const auto [current, versions] = db.counts().value();
  std::cout << (o.language() == Language::vi
                    ? fmt::format("Kho báo cáo nguyên vẹn (lược đồ {}): {} báo cáo hiện hành, {} "
                                  "phiên bản\n",
                                  Archive::schema_version, current, versions)
                    : fmt::format("The archive is sound (schema {}): {} current reports, {} "
                                  "versions\n",
                                  Archive::schema_version, current, versions));
  return exit_ok;
}

}  // namespace

int check_with_history(const Options& o, const RuleSet& rules,
                       const std::shared_ptr<const Catalog>& catalog) {
  return check_each(o, rules, HistorySource(o, catalog));
}

// `cchc score`: each report scored under its template's indicator set (score.hpp), with the
// agency's earlier reports for the quarter's denominator rule.
int run_score(const Options& o) {
  const auto tmpl = pick_template(o);
  if (!tmpl->scoring())
    throw exception(make_error(errc::invalid_argument,
                               fmt::format("mẫu {} không có cách chấm điểm; chọn mẫu bằng --template", tmpl->id()),
                               fmt::format("template {} has no scoring; pick one with --template", tmpl->id()),
                               "score"));
  const auto& catalog = tmpl->catalog();
  bool unreadable = false;
  std::vector<NamedReport> reports;
  if (!o.files.empty()) reports = read_reports_noting(o, o.files, catalog, unreadable);
  if (!o.archive.empty() && o.files.empty()) {
    const Archive db = Archive::open(o.archive).value();
    for (auto& r : db.reports(catalog, archive_filter(o)).value())
      reports.push_back({std::move(r), o.archive});
  }
  if (reports.empty())
    throw exception(make_error(errc::invalid_argument, "không có báo cáo để chấm điểm", "no report to score", "score"));
  HistorySource history(o, catalog);
  // A document of the score through the render layer: one report at a time.
  if (const auto doc_format = render_format_from_string(o.format);
      doc_format && *doc_format != RenderFormat::json) {
    if (reports.size() != 1)
      throw exception(make_error(errc::invalid_argument,
                                 fmt::format("--format {} viết từng báo cáo một", o.format),
                                 fmt::format("--format {} writes one report at a time", o.format), "score"));
    const Report& r = reports.front().report;
    const TableDocument doc = score_table_model(r, score(r, *tmpl, {&history.of(r)}).value(), o.language());
    const std::string bytes = render(doc, *doc_format).value();
    if (o.output.empty()) std::cout << bytes;
    else write_file(o.output, bytes).value();
    return unreadable ? exit_unreadable : exit_ok;
  }
  const bool json_out = o.format == "json";
  std::string out;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const Score s = score(reports[i].report, *tmpl, {&history.of(reports[i].report)}).value();
    const Agency& a = reports[i].report.metadata().agency;
    const std::string who = a.name.empty() ? reports[i].source : fmt::format("{} ({})", a.name, reports[i].source);
    if (json_out)
      out += fmt::format("{}{{\"source\": {}, \"score\": {}}}", i ? ",\n" : "",
                         boost::json::serialize(boost::json::string(reports[i].source)), score_to_json(s));
    else
      out += fmt::format("{}{}", reports.size() > 1 ? fmt::format("── {} ──\n", who) : "",
                         score_to_text(s, o.language()));
  }
  std::cout << (json_out ? fmt::format("[\n{}\n]\n", out) : out);
  return unreadable ? exit_unreadable : exit_ok;
}

QuarterCommands add_quarter_commands(CLI::App& app, Options& o) {
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
  add_ocr(consolidate_cmd, o);

  auto* archive_cmd = app.add_subcommand(
      "archive", "Kho báo cáo SQLite / the archive of reports (SQLite): add, list, export, verify");
  archive_cmd->require_subcommand(1);
  auto* archive_add = archive_cmd->add_subcommand("add", "Thêm báo cáo / add reports (idempotent)");
  archive_add->add_option("db", o.archive, "Tệp kho / the archive's file")->required();
  archive_add->add_option("files", o.files,
                          "Báo cáo, thư mục, .jsonl, .csv / reports, folders, JSON Lines or CSV")
      ->required();
  add_lang(archive_add, o), add_catalog(archive_add, o), add_ocr(archive_add, o);
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

  auto* score_cmd = app.add_subcommand(
      "score", "Chấm điểm theo bộ chỉ số (Quyết định 766/QĐ-TTg) / score reports under an indicator set");
  score_cmd->add_option("files", o.files,
                        "Báo cáo (JSON, .jsonl, .csv, thư mục) / reports, folders, JSON Lines or CSV");
  score_cmd->add_option("--previous", o.previous,
                        "Báo cáo các kỳ trước (mẫu số quý = năm trước ÷ 4) / earlier reports, for the "
                        "quarter's denominator rule")
      ->allow_extra_args(false);
  score_cmd->add_option("--archive", o.archive,
                        "Kho báo cáo: các kỳ trước, hoặc chấm cả một kỳ với --period / an archive: the "
                        "earlier reports, or with --period and no files a whole period to score");
  score_cmd->add_option("--period", o.period, "Kỳ, ví dụ \"q1 2025\" / period (with --archive)");
  score_cmd->add_option("--format", o.format, "text | json | html | md | csv | xlsx | docx")
      ->check(CLI::IsMember({"text", "json", "html", "md", "markdown", "csv", "xlsx", "docx"}));
  score_cmd->add_option("-o,--output", o.output, "Ghi ra tệp / write to this file (default: stdout)");
  add_lang(score_cmd, o), add_catalog(score_cmd, o), add_ocr(score_cmd, o);
  return {consolidate_cmd, archive_add, archive_list, archive_export, archive_verify, score_cmd};
}

int run_quarter(const QuarterCommands& c, const Options& o) {
  if (c.consolidate->parsed()) return run_consolidate(o);
  if (c.archive_add->parsed()) return run_archive_add(o);
  if (c.archive_list->parsed()) return run_archive_list(o);
  if (c.archive_export->parsed()) return run_archive_export(o);
  if (c.archive_verify->parsed()) return run_archive_verify(o);
  if (c.score->parsed()) return run_score(o);
  return -1;
}

}  // namespace cchc::cli
