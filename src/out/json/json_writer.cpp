// SPDX-License-Identifier: MIT
// Findings and coverage as JSON, and the JSON writer (output.hpp).
#include <array>
#include <cmath>

#include <boost/json.hpp>

#include "cchc/json.hpp"
#include "cchc/output.hpp"
#include "cchc/text_import.hpp"
#include "out/json/pretty.hpp"
#include "out/writers.hpp"

namespace cchc {
namespace {

class JsonWriter final : public Writer {
 public:
  OutputFormat format() const noexcept override { return OutputFormat::json; }
  std::string report(const Report& r, const WriteOptions&) const override {
    return report_to_json(r);
  }
  std::string catalog(const Catalog& c, const WriteOptions&) const override {
    return catalog_to_json(c);
  }
  std::string findings(std::span<const Finding> f, const WriteOptions&) const override {
    return findings_to_json(f);
  }
  std::string coverage(const Coverage& c, const WriteOptions&) const override {
    return coverage_to_json(c);
  }
  std::string derived(const Derived& d, const WriteOptions&) const override {
    return report_to_json(d.report);
  }
};

}  // namespace

namespace detail {
const Writer& json_writer() noexcept {
  static const JsonWriter instance;
  return instance;
}
}  // namespace detail

std::string findings_to_json(std::span<const Finding> findings) {
  namespace json = boost::json;
  json::array list;
  std::array<std::size_t, 3> counts{};
  for (const Finding& f : findings) {
    ++counts[static_cast<std::size_t>(f.severity)];
    json::object o;
    o["rule"] = f.rule_id;
    o["severity"] = to_string(f.severity);
    json::array rows;
    for (const auto& r : f.rows) {
      json::object ro;
      ro["row"] = r.address;
      if (r.blank) ro["value"] = nullptr;
      else ro["value"] = r.text;
      if (r.period) ro["period"] = {{"year", r.period->year}, {"kind", to_string(r.period->kind)}};
      rows.push_back(std::move(ro));
    }
    o["rows"] = std::move(rows);
    if (!f.expected.empty()) o["expected"] = f.expected;
    o["message"] = {{"vi", f.message_vi}, {"en", f.message_en}};
    if (f.fix) o["fix"] = {{"row", f.fix->address}, {"value", f.fix->text}};
    if (f.line) o["line"] = f.line;
    list.push_back(std::move(o));
  }
  json::object doc;
  doc["format"] = "cchc.findings/1";
  doc["summary"] = {{"errors", counts[2]}, {"warnings", counts[1]}, {"info", counts[0]}};
  doc["findings"] = std::move(list);
  return detail::to_pretty_json(doc);
}

namespace {

boost::json::object coverage_object(const Coverage& c) {
  namespace json = boost::json;
  json::array problems;
  for (const auto& p : c.problems) {
    json::object o;
    if (!p.address.empty()) o["row"] = p.address;
    if (p.line) o["line"] = p.line;
    o["reason"] = {{"vi", p.reason_vi}, {"en", p.reason_en}};
    problems.push_back(std::move(o));
  }
  json::object doc;
  doc["format"] = "cchc.coverage/1";
  doc["rows_expected"] = c.rows_expected;
  doc["rows_found"] = c.rows_found;
  doc["values"] = c.values;
  doc["blanks"] = c.blanks;
  doc["complete"] = c.complete();
  doc["problems"] = std::move(problems);
  return doc;
}

}  // namespace

std::string coverage_to_json(const Coverage& c) { return detail::to_pretty_json(coverage_object(c)); }

std::string import_to_json(const ImportedText& imported) {
  namespace json = boost::json;
  json::object doc = coverage_object(imported.coverage);
  json::array rows;
  for (const RowReading& r : row_readings(imported)) {
    json::object o;
    o["row"] = r.address;
    o["status"] = to_string(r.status);
    if (r.status == RowReading::Status::value) o["value"] = r.value;
    if (r.line) o["line"] = r.line;
    if (r.page) o["page"] = r.page;
    if (r.confidence >= 0) o["confidence"] = std::round(r.confidence * 10) / 10;
    if (!r.reason_en.empty()) o["reason"] = {{"vi", r.reason_vi}, {"en", r.reason_en}};
    rows.push_back(std::move(o));
  }
  doc["rows"] = std::move(rows);
  return detail::to_pretty_json(doc);
}

}  // namespace cchc
