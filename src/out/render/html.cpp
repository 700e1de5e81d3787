// SPDX-License-Identifier: MIT
// The table model as one self-contained HTML file: the heading block of a Vietnamese
// administrative document (Decree 30/2020/NĐ-CP: issuer and number on the left, the national
// motto, place and date on the right), the forms as real tables, findings highlighted on their
// cells and listed with their messages, and print CSS for A4.
#include <fmt/format.h>

#include "cchc/render.hpp"
#include "out/render/words.hpp"

namespace cchc {
namespace {

constexpr std::string_view style = R"css(
:root { --error: #b3261e; --warning: #8a5a00; --info: #245a8d; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.35;
       color: #111; max-width: 210mm; margin: 0 auto; padding: 12mm 15mm; }
.heading { display: flex; justify-content: space-between; gap: 8mm; text-align: center; }
.heading p { margin: 0; }
.heading .issuer { flex: 1 1 40%; }
.heading .motto { flex: 1 1 60%; }
.motto .nation { white-space: nowrap; }
.issuer .agency, .motto .nation { font-weight: bold; text-transform: uppercase; }
.motto .motto-line { font-weight: bold; text-decoration: underline; text-underline-offset: 3px; }
.place-date { font-style: italic; margin-top: 4mm !important; }
h1 { text-align: center; font-size: 15pt; margin: 8mm 0 0; }
.subtitle { text-align: center; font-weight: bold; margin: 1mm 0 6mm; }
h2 { font-size: 13.5pt; margin: 7mm 0 1mm; }
.form-subtitle { font-style: italic; margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; }
th, td { border: 1px solid #444; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #eee; }
td.code { white-space: nowrap; text-align: center; width: 4.5em; }
td.unit { width: 9em; }
td.value { text-align: right; white-space: nowrap; width: 6em; font-variant-numeric: tabular-nums; }
td.note { width: 9em; }
tr.heading-row td { font-weight: bold; }
.description { display: block; font-style: italic; font-size: 11pt; }
td.error { background: #fbe4e2; outline: 2px solid var(--error); }
td.warning { background: #fff3d6; outline: 2px solid var(--warning); }
td.info { background: #e3eef9; }
td .refs { font-size: 9pt; vertical-align: super; margin-left: 1mm; }
td .refs a { color: inherit; }
.footnotes { font-size: 11pt; margin: 1mm 0 0; padding-left: 0; list-style: none; }
.findings li { margin-bottom: 2mm; }
.findings .severity { font-weight: bold; text-transform: uppercase; font-size: 10pt; }
.findings li.error .severity { color: var(--error); }
.findings li.warning .severity { color: var(--warning); }
.findings li.info .severity { color: var(--info); }
.findings .rule { font-family: "DejaVu Sans Mono", monospace; font-size: 10pt; color: #555; }
.signature { margin: 10mm 0 0 auto; width: 50%; text-align: center; }
.signature .signer-title { font-weight: bold; text-transform: uppercase; }
.signature .signer { font-weight: bold; margin-top: 18mm; }
.catalog { color: #666; font-size: 9pt; margin-top: 8mm; }
@page { size: A4; margin: 15mm 15mm 15mm 20mm; }
@media print {
  body { max-width: none; padding: 0; }
  section.form { break-inside: auto; }
  tr, .findings li { break-inside: avoid; }
  thead { display: table-header-group; }
  td .refs a { text-decoration: none; }
}
)css";

void escape_into(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': out += "<br>"; break;
      default: out += c;
    }
  }
}

std::string escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  escape_into(out, s);
  return out;
}

void paragraph(std::string& out, std::string_view cls, std::string_view text) {
  if (text.empty()) return;
  out += fmt::format("<p class=\"{}\">", cls);
  escape_into(out, text);
  out += "</p>";
}

std::string_view severity_class(const std::optional<Severity>& s) {
  return s ? to_string(*s) : std::string_view();
}

void value_cell(std::string& out, const TableDocument& doc, const TableRow& r) {
  out += "<td class=\"value";
  if (r.severity) out += fmt::format(" {}", severity_class(r.severity));
  out += fmt::format("\" data-row=\"{}\" data-state=\"{}\"", escaped(r.address), to_string(r.cell.state));
  if (!r.findings.empty()) {
    std::string tip;
    for (std::size_t f : r.findings) {
      if (!tip.empty()) tip += '\n';
      tip += doc.findings[f].message(doc.lang);
    }
    out += " title=\"";
    for (char c : tip) {  // a title keeps its line breaks
      if (c == '\n') out += "&#10;";
      else escape_into(out, std::string_view(&c, 1));
    }
    out += '"';
  }
  out += '>';
  escape_into(out, r.value);
  if (!r.findings.empty()) {
    out += "<span class=\"refs\">";
    for (std::size_t k = 0; k < r.findings.size(); ++k)
      out += fmt::format("{}<a href=\"#f{}\">{}</a>", k ? "," : "", r.findings[k] + 1, r.findings[k] + 1);
    out += "</span>";
  }
  out += "</td>";
}

void form_table(std::string& out, const TableDocument& doc, const TableForm& form) {
  out += fmt::format("<section class=\"form\" id=\"{}{}\">\n<h2>", detail::document::words(doc.lang).form_id,
                     form.number);
  escape_into(out, fmt::format("{} — {}", detail::document::form_label(doc.lang, form), form.title));
  out += "</h2>\n";
  paragraph(out, "form-subtitle", form.subtitle);
  out += "<table>\n<thead><tr>";
  for (const auto& c : doc.columns_of(form)) {
    out += "<th scope=\"col\">";
    escape_into(out, c);
    out += "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const TableRow& r : form.rows) {
    out += r.kind == Kind::heading ? "<tr class=\"heading-row\">" : "<tr>";
    out += "<td class=\"code\">";
    escape_into(out, r.code);
    out += fmt::format("</td><td class=\"label\" style=\"padding-left:{:.1f}em\">", 0.4 + 1.2 * r.level);
    escape_into(out, r.label);
    if (!r.description.empty()) {
      out += "<span class=\"description\">";
      escape_into(out, r.description);
      out += "</span>";
    }
    out += "</td><td class=\"unit\">";
    escape_into(out, r.unit);
    out += "</td>";
    value_cell(out, doc, r);
    for (std::size_t k = 0; k < doc.extra_columns(form); ++k) {
      out += "<td class=\"value\">";
      if (k < r.extra.size()) escape_into(out, r.extra[k].text);
      out += "</td>";
    }
    if (doc.notes) {
      out += "<td class=\"note\">";
      escape_into(out, r.note);
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (!form.footnotes.empty()) {
    out += "<ul class=\"footnotes\">";
    for (const auto& f : form.footnotes) {
      out += "<li>";
      escape_into(out, f);
      out += "</li>";
    }
    out += "</ul>\n";
  }
  out += "</section>\n";
}

void findings_list(std::string& out, const TableDocument& doc) {
  if (doc.findings.empty()) return;
  const auto& w = detail::document::words(doc.lang);
  out += "<section class=\"findings\">\n<h2>";
  escape_into(out, w.findings);
  out += "</h2>\n<ol>\n";
  for (std::size_t i = 0; i < doc.findings.size(); ++i) {
    const Finding& f = doc.findings[i];
    out += fmt::format("<li id=\"f{}\" class=\"{}\"><span class=\"severity\">{}</span> ", i + 1,
                       to_string(f.severity), escaped(w.severity(f.severity)));
    out += "<span class=\"rule\">";
    escape_into(out, f.rule_id);
    out += "</span>: ";
    escape_into(out, f.message(doc.lang));
    if (!f.expected.empty()) {
      out += fmt::format(" <span class=\"expected\">({} ", escaped(w.expected));
      escape_into(out, f.expected);
      out += ")</span>";
    }
    out += "</li>\n";
  }
  out += "</ol>\n</section>\n";
}

}  // namespace

std::string render_html(const TableDocument& doc) {
  const auto& w = detail::document::words(doc.lang);
  std::string out;
  out.reserve(64 * 1024);
  out += "<!DOCTYPE html>\n<html lang=\"";
  out += doc.lang == Language::en ? "en" : "vi";
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"cchc\">\n<title>";
  escape_into(out, doc.title);
  if (!doc.agency.empty()) {
    out += " — ";
    escape_into(out, doc.agency);
  }
  if (!doc.subtitle.empty()) {
    out += " — ";
    escape_into(out, doc.subtitle);
  }
  out += "</title>\n<style>";
  out += style;
  out += "</style>\n</head>\n<body>\n<header class=\"heading\">\n<div class=\"issuer\">";
  paragraph(out, "agency", doc.agency);
  paragraph(out, "number", doc.number);
  out += "</div>\n<div class=\"motto\">";
  paragraph(out, "nation", detail::document::nation);
  paragraph(out, "motto-line", detail::document::motto);
  paragraph(out, "place-date", doc.place_date);
  out += "</div>\n</header>\n<h1>";
  escape_into(out, doc.title);
  out += "</h1>\n";
  paragraph(out, "subtitle", doc.subtitle);
  out += '\n';
  for (const TableForm& form : doc.forms) form_table(out, doc, form);
  findings_list(out, doc);
  if (!doc.signer.empty() || !doc.signer_title.empty()) {
    out += "<footer class=\"signature\">";
    paragraph(out, "signer-title", doc.signer_title);
    paragraph(out, "signer", doc.signer);
    out += "</footer>\n";
  }
  out += "<p class=\"catalog\">";
  escape_into(out, fmt::format("{}: {}", w.catalog, doc.catalog));
  out += "</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace cchc
