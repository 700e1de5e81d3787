// SPDX-License-Identifier: MIT
// The table model as GitHub-flavoured Markdown: a pipe table per form.
#include <fmt/format.h>

#include "cchc/render.hpp"
#include "out/render/words.hpp"

namespace cchc {
namespace {

// A table cell: pipes escaped, line breaks as <br>, and what Markdown would read as markup
// kept literal.
std::string cell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\n': out += "<br>"; break;
      case '\r': break;
      case '*': case '_': case '`': case '[': case ']': case '<': case '>': case '\\':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string render_markdown(const TableDocument& doc) {
  const auto& w = detail::document::words(doc.lang);
  std::string out;
  out.reserve(32 * 1024);
  out += fmt::format("# {}\n\n", cell(doc.title));
  if (!doc.subtitle.empty()) out += fmt::format("**{}**\n\n", cell(doc.subtitle));
  std::string line;
  for (const std::string* part : {&doc.agency, &doc.number, &doc.place_date})
    if (!part->empty()) line += (line.empty() ? "" : " · ") + cell(*part);
  if (!line.empty()) out += line + "\n\n";
  for (const TableForm& form : doc.forms) {
    out += fmt::format("## {} — {}\n\n", cell(detail::document::form_label(doc.lang, form)), cell(form.title));
    if (!form.subtitle.empty()) out += fmt::format("*{}*\n\n", cell(form.subtitle));
    out += "|";
    for (const auto& c : doc.columns_of(form)) out += fmt::format(" {} |", cell(c));
    out += "\n|---|---|---|---:|";
    for (std::size_t k = 0; k < doc.extra_columns(form); ++k) out += "---:|";
    if (doc.notes) out += "---|";
    out += '\n';
    for (const TableRow& r : form.rows) {
      std::string label;
      for (int i = 0; i < r.level; ++i) label += "\u00A0\u00A0\u00A0";  // indentation survives
      label += cell(r.label);
      if (!r.description.empty()) label += fmt::format("<br>*{}*", cell(r.description));
      if (r.kind == Kind::heading) label = "**" + label + "**";
      std::string value = cell(r.value);
      for (std::size_t f : r.findings) value += fmt::format(" [{}]", f + 1);
      out += fmt::format("| {} | {} | {} | {} |", cell(r.code), label, cell(r.unit), value);
      for (std::size_t k = 0; k < doc.extra_columns(form); ++k)
        out += fmt::format(" {} |", k < r.extra.size() ? cell(r.extra[k].text) : std::string());
      if (doc.notes) out += fmt::format(" {} |", cell(r.note));
      out += '\n';
    }
    for (const auto& f : form.footnotes) out += fmt::format("\n{}\n", cell(f));
    out += '\n';
  }
  if (!doc.findings.empty()) {
    out += fmt::format("## {}\n\n", cell(w.findings));
    for (std::size_t i = 0; i < doc.findings.size(); ++i) {
      const Finding& f = doc.findings[i];
      out += fmt::format("{}. **{}** `{}`: {}", i + 1, w.severity(f.severity), f.rule_id,
                         cell(f.message(doc.lang)));
      if (!f.expected.empty()) out += fmt::format(" ({} {})", w.expected, cell(f.expected));
      out += '\n';
    }
    out += '\n';
  }
  if (!doc.signer.empty())
    out += fmt::format("**{}**\n\n**{}**\n", cell(doc.signer_title), cell(doc.signer));
  return out;
}

}  // namespace cchc
