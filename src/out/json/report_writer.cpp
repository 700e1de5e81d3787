// SPDX-License-Identifier: MIT
// Reports as JSON: lossless ("02" stays "02", blanks stay blank), in catalogue order.
#include <boost/json.hpp>
#include <fmt/format.h>

#include "cchc/json.hpp"
#include "out/json/pretty.hpp"

namespace cchc {
namespace json = boost::json;
using detail::put_if;
namespace {

json::value write_value(const Value& v) {
  if (const auto* a = std::get_if<Absent>(&v)) {
    if (a->reason() == Absent::Reason::not_reported && a->text().empty()) return nullptr;
    json::object o;
    o["absent"] = to_string(a->reason());
    if (!a->text().empty()) o["text"] = a->text();
    return o;
  }
  return json::string(text_of(v));
}


}  // namespace

namespace {

json::object report_object(const Report& report) {
  const Metadata& m = report.metadata();
  const Catalog& cat = report.catalog();
  json::object o;
  o["format"] = report_format;
  o["catalog"] = {{"id", m.catalog_id}, {"version", m.catalog_version}};
  json::object agency;
  agency["name"] = m.agency.name;
  put_if(agency, "code", m.agency.code);
  agency["level"] = to_string(m.agency.level);
  o["agency"] = std::move(agency);
  put_if(o, "province", m.province);
  if (m.period)
    o["period"] = {{"year", m.period->year}, {"kind", to_string(m.period->kind)}};
  json::object doc;
  put_if(doc, "number", m.document.number);
  put_if(doc, "symbol", m.document.symbol);
  if (m.document.date) doc["date"] = format_iso_date(*m.document.date);
  put_if(doc, "place", m.document.place);
  put_if(doc, "signer", m.document.signer);
  put_if(doc, "signer_title", m.document.signer_title);
  if (!doc.empty()) o["document"] = std::move(doc);
  json::object values;
  json::object notes;
  json::object lines;
  for (const Row& row : cat.rows()) {
    if (row.holds_value()) values[row.address()] = write_value(report.value(row.id));
    if (!report.note(row.id).empty()) notes[row.address()] = report.note(row.id);
    if (auto line = report.source_line(row.id)) lines[row.address()] = *line;
  }
  o["values"] = std::move(values);
  if (!notes.empty()) o["notes"] = std::move(notes);
  if (!lines.empty()) o["lines"] = std::move(lines);
  return o;
}

}  // namespace

std::string report_to_json(const Report& report) { return detail::to_pretty_json(report_object(report)); }

std::string report_to_json_line(const Report& report) {
  return json::serialize(report_object(report));
}

}  // namespace cchc
