// SPDX-License-Identifier: MIT
// The table model: what every document writer (HTML, Markdown, CSV, the terminal's tables)
// reads, built from a report once.
#include <algorithm>

#include <fmt/format.h>

#include "cchc/render.hpp"

namespace cchc {
namespace {

std::string_view in(Language lang, std::string_view vi, std::string_view en) {
  return lang == Language::en && !en.empty() ? en : vi;
}

int depth(const Catalog& cat, const Row& row) {
  int level = 0;
  for (auto p = row.parent; p; p = cat.row(*p).parent) ++level;
  return level;
}

std::string place_date(const Document& d, Language lang) {
  if (!d.date) return d.place;
  const auto ymd = d.date->year_month_day();
  const std::string place = d.place.empty() ? std::string() : d.place + ", ";
  if (lang == Language::en) return place + format_vi_date(*d.date);
  return fmt::format("{}ngày {} tháng {} năm {}", place, static_cast<int>(ymd.day),
                     static_cast<int>(ymd.month), static_cast<int>(ymd.year));
}

// An English label has no Vietnamese anchor words for the footnote marks: they go at its end.
std::string label_of(const Row& row, Language lang) {
  if (lang != Language::en || row.label_en.empty()) return row.label_with_marks(true);
  std::string out = row.label_en;
  for (const Footnote& fn : row.footnotes) out += fn.printed_mark(true);
  return out;
}

void heading(TableDocument& doc, const Metadata& m) {
  const Language lang = doc.lang;
  doc.agency = m.agency.name;
  if (!m.document.number.empty() || !m.document.symbol.empty()) {
    std::string n = m.document.number;
    if (!m.document.symbol.empty()) n += "/" + m.document.symbol;
    doc.number = std::string(in(lang, "Số: ", "No. ")) + n;
  }
  if (m.period) doc.period = lang == Language::en ? label_en(*m.period) : label_vi(*m.period);
  if (!m.document.number.empty() || m.document.date) {
    doc.reference = std::string(in(lang, "Báo cáo số ", "Report No. ")) + m.document.number;
    if (!m.document.symbol.empty()) doc.reference += "/" + m.document.symbol;
    if (m.document.date)
      doc.reference += std::string(in(lang, " ngày ", " of ")) + format_vi_date(*m.document.date);
  }
  doc.place_date = place_date(m.document, lang);
  doc.title = in(lang, "BÁO CÁO", "REPORT");
  if (m.period)
    doc.subtitle = lang == Language::en
                       ? fmt::format("Results of administrative reform, {}", label_en(*m.period))
                       : fmt::format("Kết quả thực hiện công tác cải cách hành chính {}", label_vi(*m.period));
  doc.signer_title = m.document.signer_title;
  doc.signer = m.document.signer;
  doc.catalog = m.catalog_id + " " + m.catalog_version;
}

}  // namespace

result<TableDocument> table_model(const Report& report, const RenderOptions& o) {
  const Catalog& cat = report.catalog();
  if (o.form != 0 && cat.form(o.form) == nullptr)
    return make_error(errc::not_found, fmt::format("không có biểu mẫu {}", o.form),
                      fmt::format("no form {}", o.form), "form");
  TableDocument doc;
  doc.lang = o.lang;
  heading(doc, report.metadata());
  doc.metadata = report.metadata();
  // One form shows the findings about its rows; the whole report shows them all.
  for (const Finding& f : o.findings)
    if (o.form == 0 || std::any_of(f.rows.begin(), f.rows.end(), [&](const FindingRow& r) {
          return r.row.index < cat.rows().size() && cat.row(r.row).form == o.form;
        }))
      doc.findings.push_back(f);

  // Each row's findings, in the order given.
  std::vector<std::vector<std::size_t>> about(cat.rows().size());
  for (std::size_t i = 0; i < doc.findings.size(); ++i)
    for (const FindingRow& r : doc.findings[i].rows)
      if (r.row.index < about.size() &&
          std::find(about[r.row.index].begin(), about[r.row.index].end(), i) == about[r.row.index].end())
        about[r.row.index].push_back(i);

  for (const Form& form : cat.forms()) {
    if (o.form != 0 && form.number != o.form) continue;
    TableForm t;
    t.number = form.number;
    t.title = in(o.lang, form.title, form.title_en);
    t.title_en = form.title_en;
    t.subtitle = form.subtitle;
    for (const Row& row : cat.rows(form)) {
      TableRow r;
      r.row = row.id;
      r.address = row.address();
      r.code = row.printed_code;
      r.label = label_of(row, o.lang);
      r.description = row.description;
      r.unit = row.unit;
      r.kind = row.kind;
      r.value = report.text(row.id);
      r.cell = report.cell(row.id);
      r.level = depth(cat, row);
      r.note = report.note(row.id);
      doc.notes = doc.notes || !r.note.empty();
      r.findings = about[row.id.index];
      for (std::size_t f : r.findings)
        if (!r.severity || doc.findings[f].severity > *r.severity) r.severity = doc.findings[f].severity;
      for (const Footnote& fn : row.footnotes) t.footnotes.push_back(fn.printed_mark(true) + " " + fn.text);
      t.rows.push_back(std::move(r));
    }
    doc.forms.push_back(std::move(t));
  }
  doc.columns = {std::string(in(o.lang, "TT", "No.")),
                 std::string(in(o.lang, "Chỉ tiêu thống kê", "Indicator")),
                 std::string(in(o.lang, "Đơn vị tính", "Unit")),
                 std::string(in(o.lang, "Số liệu", "Value"))};
  if (doc.notes) doc.columns.emplace_back(in(o.lang, "Ghi chú", "Notes"));
  return doc;
}

}  // namespace cchc
