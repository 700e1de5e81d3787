// SPDX-License-Identifier: MIT
#include "cli/options.hpp"

#include <filesystem>
#include <iostream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "util/strings.hpp"

namespace cchc::cli {
std::string_view seed_report_json() noexcept;  // examples/data/seed-report.json, embedded

const Registry& pick_registry(const Options& o) {
  static const Registry registry = [&] {
    std::vector<std::filesystem::path> dirs(o.template_dirs.begin(), o.template_dirs.end());
    return Registry::standard(dirs).value();
  }();
  return registry;
}

namespace {

// The JSON report a command reads, or the first of the files it was given that is one: the
// template it names is the command's (several reports of one command share one template).
std::optional<std::pair<std::string, std::string>> first_json_report(const Options& o) {
  std::vector<std::string> candidates;
  if (!o.file.empty()) candidates.push_back(o.file);
  else candidates = o.files;
  for (const auto& file : candidates) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec) || std::filesystem::path(file).extension() != ".json")
      continue;
    auto text = read_file(file);
    if (!text) return std::nullopt;
    return std::pair{file, std::move(*text)};
  }
  return std::nullopt;
}

}  // namespace

std::shared_ptr<const Template> pick_template(const Options& o) {
  if (!o.catalog_file.empty()) {
    if (!o.template_name.empty())
      throw exception(make_error(errc::invalid_argument, "--catalog hoặc --template, không cả hai",
                                 "--catalog or --template, not both", "--template"));
    return Template::of_catalog(load_catalog(o.catalog_file).value(), o.catalog_file);
  }
  const Registry& registry = pick_registry(o);
  if (!o.template_name.empty()) {
    const auto at = o.template_name.find('@');
    const std::string id = o.template_name.substr(0, at);
    const std::string version = at == std::string::npos ? std::string() : o.template_name.substr(at + 1);
    auto t = registry.lookup(id, version);
    if (!t) throw exception(std::move(t.error()).within("--template"));
    return *t;
  }
  if (const auto json = first_json_report(o)) {
    // A report names its template. A report that is not JSON at all is the reader's to report,
    // with its line and column; a template that is unknown or broken is reported here.
    boost::system::error_code ec;
    (void)boost::json::parse(json->second, ec);
    if (!ec) {
      auto t = registry.for_report_json(json->second);
      if (!t) throw exception(std::move(t.error()).within(json->first));
      return *t;
    }
  }
  const auto builtin = builtin_catalog();
  return registry.lookup(builtin->id(), builtin->version()).value();
}

std::shared_ptr<const Catalog> pick_catalog(const Options& o) { return pick_template(o)->catalog(); }

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
  Reading doc = read_document(o.file, catalog, {}, o.ocr).value();
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
  const auto t = pick_template(o);
  RuleSet rules = o.no_builtin ? RuleSet(catalog)
                  : t->catalog() == catalog && o.catalog_file.empty() ? t->rules()
                                                                       : RuleSet::builtin(catalog);
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
  }, o.ocr);
}

void write_report_and_findings(const Options& o, const Report& report,
                               const std::vector<Finding>& findings) {
  const std::string json = report_to_json(report);
  const std::string text = o.out().findings(findings, o.write_options());
  if (o.output.empty()) {
    std::cerr << text;
    std::cout << json;
  } else {
    write_file(o.output, json).value();
    std::cout << text;
  }
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
  cmd->add_option("--template", o.template_name,
                  "Mẫu báo cáo ID hoặc ID@PHIÊN_BẢN / template id, or id@version (cchc catalog --list)");
  cmd->add_option("--template-dir", o.template_dirs,
                  "Thư mục mẫu báo cáo (thêm vào CCHC_TEMPLATE_PATH) / a folder of templates")
      ->allow_extra_args(false);
}
void add_form(CLI::App* cmd, Options& o) {
  cmd->add_option("--form", o.form, "Chỉ in biểu mẫu N / print only form N");
}
void add_rules(CLI::App* cmd, Options& o) {
  cmd->add_option("--rules", o.rule_files, "Tệp luật bổ sung / more rule files")->allow_extra_args(false);
}
void add_ocr(CLI::App* cmd, Options& o) {
  cmd->add_option("--ocr-lang", o.ocr.language,
                  "Bản quét: mô hình Tesseract / scans: Tesseract's model (default vie; vie+eng)");
  cmd->add_option("--ocr-dpi", o.ocr.dpi, "Bản quét: độ phân giải trang PDF / scans: a PDF page's resolution (default 300)")
      ->check(CLI::Range(72U, 1200U));
  cmd->add_option("--min-confidence", o.ocr.min_confidence,
                  "Bản quét: độ tin cậy tối thiểu của số liệu / scans: a figure read with less (0-101) is left "
                  "unread (default 80)")
      ->check(CLI::Range(0.0F, 101.0F));
  cmd->add_option("--tessdata", o.ocr.tessdata, "Bản quét: thư mục *.traineddata / scans: the folder of OCR models");
}

}  // namespace cchc::cli
