// SPDX-License-Identifier: MIT
// cchc: the command-line face of the library.
//
//   cchc show [FILE] [--format text|json] [--form N] [--catalog FILE]
//   cchc check [FILE] [--rules FILE]... [--format text|json] [--lang vi|en] [--catalog FILE]
//   cchc derive [FILE] [--format text|json] [--catalog FILE]
//   cchc import FILE.txt|FILE.pdf [-o report.json] [--lang vi|en] [--catalog FILE]
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
#include <fmt/format.h>

#include "cchc/cchc.hpp"
#include "table.hpp"
#include "../strings.hpp"

namespace cchc::cli {
std::string_view seed_report_json() noexcept;  // examples/data/seed-report.json, embedded

namespace {

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;
constexpr int exit_unreadable = 2;
constexpr int exit_usage = 64;

struct Options {
  std::string file;
  std::string catalog_file;
  std::string format = "text";
  std::string output;
  std::string lang = "vi";
  std::vector<std::string> rule_files;
  bool no_builtin = false;
  bool source = false;
  int form = 0;
};

// Superscript digits for footnote marks, as the printed annex shows them.
std::string superscript(std::string_view mark) {
  static constexpr std::string_view digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : mark) {
    if (c >= '0' && c <= '9') out += digits[c - '0'];
    else out += c;
  }
  return out;
}

std::string label_with_marks(const Row& row) {
  std::string label = row.label;
  for (const auto& fn : row.footnotes) {
    const auto at = fn.anchor.empty() ? std::string::npos : label.find(fn.anchor);
    if (at == std::string::npos) label += superscript(fn.mark);
    else label.insert(at + fn.anchor.size(), superscript(fn.mark));
  }
  if (!row.description.empty()) label += "\n" + row.description;
  return label;
}

std::string footnote_lines(std::span<const Row> rows) {
  std::string out;
  for (const Row& row : rows)
    for (const auto& fn : row.footnotes) out += fmt::format("{} {}\n", superscript(fn.mark), fn.text);
  return out;
}

std::string form_heading(const Form& form) {
  std::string out = fmt::format("Biểu mẫu {} — {}", form.number, form.title);
  if (!form.title_en.empty()) out += fmt::format(" ({})", form.title_en);
  out += '\n';
  if (!form.subtitle.empty()) out += form.subtitle + '\n';
  return out;
}

std::string value_cell(const Value& v) {
  if (const auto* a = std::get_if<Absent>(&v))
    if (a->reason() == Absent::Reason::not_applicable)
      return a->text().empty() ? "(không áp dụng)" : a->text();
  return text_of(v);
}

std::shared_ptr<const Catalog> pick_catalog(const Options& o) {
  if (o.catalog_file.empty()) return builtin_catalog();
  return load_catalog(o.catalog_file).value();
}

bool wants_form(const Options& o, const Form& f) { return o.form == 0 || o.form == f.number; }

void check_form_exists(const Catalog& cat, const Options& o) {
  if (o.form != 0 && cat.form(o.form) == nullptr)
    throw exception(make_error(errc::not_found, fmt::format("không có biểu mẫu {}", o.form),
                               fmt::format("no form {}", o.form), "--form"));
}

bool is_text_input(const std::string& file) {
  const auto ext = std::filesystem::path(file).extension().string();
  return ext == ".txt" || ext == ".pdf" || ext == ".TXT" || ext == ".PDF";
}

// A report as JSON, or read from the text (or PDF) of a signed report; with the import's
// narrative when there is one.
struct Loaded {
  Report report;
  std::optional<ImportedText> imported;
};

Loaded load_any(const Options& o, const std::shared_ptr<const Catalog>& catalog) {
  if (o.file.empty()) return {report_from_json(seed_report_json(), catalog).value(), std::nullopt};
  if (!is_text_input(o.file)) return {load_report(o.file, catalog).value(), std::nullopt};
  ImportedText imported = import_file(o.file, catalog).value();
  if (!imported.coverage.complete())  // what could not be read is never silent
    std::cerr << coverage_to_text(imported.coverage, o.lang == "en" ? Language::en : Language::vi);
  Report r = imported.report;
  return {std::move(r), std::move(imported)};
}

Report load(const Options& o, const std::shared_ptr<const Catalog>& catalog) {
  return load_any(o, catalog).report;
}

RuleSet pick_rules(const Options& o, const std::shared_ptr<const Catalog>& catalog) {
  RuleSet rules = o.no_builtin ? RuleSet(catalog) : RuleSet::builtin(catalog);
  for (const auto& file : o.rule_files) rules.add_source(read_file(file).value(), file).value();
  return rules;
}

int run_check(const Options& o) {
  auto catalog = pick_catalog(o);
  const RuleSet rules = pick_rules(o, catalog);
  const Loaded loaded = load_any(o, catalog);
  auto findings = rules.check(loaded.report).value();
  if (loaded.imported) {
    // What could not be read, and the prose, dates and citations that only the text shows.
    for (auto& f : check_imported(*loaded.imported)) findings.push_back(std::move(f));
    sort_findings(findings, *catalog);
  }
  if (o.format == "json") std::cout << findings_to_json(findings);
  else std::cout << findings_to_text(findings, o.lang == "en" ? Language::en : Language::vi);
  return has_errors(findings) ? exit_findings : exit_ok;
}

int run_derive(const Options& o) {
  auto catalog = pick_catalog(o);
  const Report report = load(o, catalog);
  const Derived d = derive(report);
  if (o.format == "json") {
    std::cout << report_to_json(d.report);
    return exit_ok;
  }
  if (d.derivations.empty()) std::cout << "Không có giá trị nào suy ra được (nothing to derive)\n";
  for (const Derivation& x : d.derivations)
    std::cout << fmt::format("{} = {}    ({})\n", x.address, x.text, x.formula);
  return exit_ok;
}

int run_import(const Options& o) {
  auto catalog = pick_catalog(o);
  const ImportedText imported = import_file(o.file, catalog).value();
  const Language lang = o.lang == "en" ? Language::en : Language::vi;
  const std::string json = report_to_json(imported.report);
  if (o.output.empty()) {
    std::cerr << coverage_to_text(imported.coverage, lang);
    std::cout << json;
  } else {
    write_file(o.output, json).value();
    std::cout << coverage_to_text(imported.coverage, lang);
  }
  return imported.coverage.complete() ? exit_ok : exit_findings;
}

int run_rules(const Options& o) {
  auto catalog = pick_catalog(o);
  if (o.source) {
    std::cout << structural_rules_source(*catalog);
    if (catalog->id() == builtin_catalog()->id()) std::cout << builtin_rules_source();
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
  Report report = load(o, catalog);
  if (o.format == "json") {
    std::cout << report_to_json(report);
    return exit_ok;
  }
  const Metadata& m = report.metadata();
  std::string title = m.agency.name.empty() ? std::string("(chưa có tên cơ quan)") : m.agency.name;
  if (m.period) title += " — " + label_vi(*m.period);
  std::cout << title << '\n';
  if (!m.document.number.empty() || m.document.date) {
    std::string doc = "Báo cáo số " + m.document.number;
    if (!m.document.symbol.empty()) doc += "/" + m.document.symbol;
    if (m.document.date) doc += " ngày " + format_vi_date(*m.document.date);
    std::cout << doc << '\n';
  }
  std::cout << fmt::format("Danh mục (catalogue): {} {}\n", m.catalog_id, m.catalog_version);
  for (const Form& form : catalog->forms()) {
    if (!wants_form(o, form)) continue;
    std::cout << '\n' << form_heading(form);
    bool notes = false;
    for (const Row& row : catalog->rows(form)) notes = notes || !report.note(row.id).empty();
    std::vector<Table::Column> cols{{"TT", 6},
                                    {"Chỉ tiêu thống kê", notes ? 44u : 54u},
                                    {"Đơn vị tính", 16},
                                    {"Số liệu", 8, Table::Align::right}};
    if (notes) cols.push_back({"Ghi chú", 14});
    Table table(std::move(cols));
    for (const Row& row : catalog->rows(form)) {
      std::vector<std::string> cells{row.printed_code, label_with_marks(row), row.unit,
                                     value_cell(report.value(row.id))};
      if (notes) cells.push_back(report.note(row.id));
      table.add_row(std::move(cells));
    }
    std::cout << table.render() << footnote_lines(catalog->rows(form));
  }
  return exit_ok;
}

std::string structure_of(const Catalog& cat, const Row& row) {
  std::vector<std::string> parts;
  if (row.ratio)
    parts.push_back(fmt::format("= 100 × {} / {}", cat.row(row.ratio->numerator).code,
                                cat.row(row.ratio->denominator).code));
  if (row.children_relation == ChildRelation::partition) parts.push_back("= Σ dòng con");
  if (row.children_relation == ChildRelation::of_which) parts.push_back("≥ Σ dòng con");
  if (row.pair && row.pair->relation == PairRelation::first_le_second) parts.push_back("a ≤ b");
  if (row.pair && row.pair->relation == PairRelation::equal) parts.push_back("a = b");
  if (row.cumulative) parts.push_back("lũy kế");
  if (!row.required) parts.push_back("không bắt buộc");
  std::string out;
  for (const auto& p : parts) detail::join_into(out, "; ", p);
  return out;
}

int run_catalog(const Options& o) {
  auto catalog = pick_catalog(o);
  check_form_exists(*catalog, o);
  if (o.format == "json") {
    std::cout << catalog_to_json(*catalog);
    return exit_ok;
  }
  std::cout << fmt::format("{} {}\n{}\n", catalog->id(), catalog->version(), catalog->title());
  const Guidance& g = catalog->guidance();
  if (!g.document.empty())
    std::cout << fmt::format("Theo (following) {} {}{}\n", g.document, g.issuer,
                             g.date ? " ngày " + format_vi_date(*g.date) : std::string());
  for (const Form& form : catalog->forms()) {
    if (!wants_form(o, form)) continue;
    std::cout << '\n' << form_heading(form);
    Table table({{"Địa chỉ", 9},
                 {"Chỉ tiêu thống kê", 46},
                 {"Đơn vị tính", 16},
                 {"Loại", 8},
                 {"Cấu trúc", 16}});
    for (const Row& row : catalog->rows(form)) {
      std::string kind(to_string(row.kind));
      for (const auto& c : row.codes.options()) kind += fmt::format("\n{}={}", c.value, c.label);
      table.add_row({row.address(), label_with_marks(row), row.unit, kind,
                     structure_of(*catalog, row)});
    }
    std::cout << table.render() << footnote_lines(catalog->rows(form));
    for (const Sum& s : catalog->sums()) {
      if (catalog->row(s.total).form != form.number) continue;
      std::string parts;
      for (RowId p : s.parts) detail::join_into(parts, " + ", catalog->row(p).address());
      std::cout << fmt::format("  {} {} {}\n", parts,
                               s.relation == Sum::Relation::equal ? "=" : "≤",
                               catalog->row(s.total).address());
    }
  }
  return exit_ok;
}

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
  show->add_option("file", o.file, "Báo cáo JSON, .txt hoặc .pdf / report (JSON, text or PDF); default: the bundled example");
  show->add_option("--lang", o.lang, "vi | en")->check(CLI::IsMember({"vi", "en"}));
  show->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));
  show->add_option("--form", o.form, "Chỉ in biểu mẫu N / print only form N");
  show->add_option("--catalog", o.catalog_file, "Danh mục JSON / catalogue (JSON)");

  auto* catalog = app.add_subcommand("catalog", "Liệt kê biểu mẫu và dòng / list forms and rows");
  catalog->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));
  catalog->add_option("--form", o.form, "Chỉ in biểu mẫu N / print only form N");
  catalog->add_option("--catalog", o.catalog_file, "Danh mục JSON / catalogue (JSON)");

  auto* check = app.add_subcommand("check", "Kiểm tra báo cáo / check a report");
  check->add_option("file", o.file, "Báo cáo JSON, .txt hoặc .pdf / report (JSON, text or PDF); default: the bundled example");
  check->add_option("--rules", o.rule_files, "Tệp luật bổ sung / more rule files")->allow_extra_args(false);
  check->add_flag("--no-builtin", o.no_builtin, "Chỉ dùng các tệp luật đã cho / only the given rule files");
  check->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));
  check->add_option("--lang", o.lang, "vi | en")->check(CLI::IsMember({"vi", "en"}));
  check->add_option("--catalog", o.catalog_file, "Danh mục JSON / catalogue (JSON)");

  auto* derive_cmd = app.add_subcommand("derive", "Suy ra giá trị còn trống / fill derivable blanks");
  derive_cmd->add_option("file", o.file, "Báo cáo JSON / report (JSON); default: the bundled example");
  derive_cmd->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));
  derive_cmd->add_option("--catalog", o.catalog_file, "Danh mục JSON / catalogue (JSON)");

  auto* import_cmd = app.add_subcommand("import", "Đọc báo cáo từ văn bản hoặc PDF / read a report's text or PDF");
  import_cmd->add_option("file", o.file, "Báo cáo .txt (pdftotext) hoặc .pdf / report text or PDF")->required();
  import_cmd->add_option("-o,--output", o.output, "Ghi báo cáo JSON / write the report as JSON");
  import_cmd->add_option("--lang", o.lang, "vi | en")->check(CLI::IsMember({"vi", "en"}));
  import_cmd->add_option("--catalog", o.catalog_file, "Danh mục JSON / catalogue (JSON)");

  auto* rules_cmd = app.add_subcommand("rules", "Liệt kê luật kiểm tra / list the rules");
  rules_cmd->add_option("--rules", o.rule_files, "Tệp luật bổ sung / more rule files")->allow_extra_args(false);
  rules_cmd->add_option("--lang", o.lang, "vi | en")->check(CLI::IsMember({"vi", "en"}));
  rules_cmd->add_option("--catalog", o.catalog_file, "Danh mục JSON / catalogue (JSON)");
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
    return run_catalog(o);
  } catch (const cchc::exception& e) {
    std::cerr << "cchc: " << e.error().describe() << '\n';
    return exit_unreadable;
  } catch (const std::exception& e) {
    std::cerr << "cchc: lỗi (error): " << e.what() << '\n';
    return exit_unreadable;
  }
}
