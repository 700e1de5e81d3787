// SPDX-License-Identifier: MIT
// The text writer: reports and catalogues as box-drawn tables for a terminal, findings and
// coverage as paragraphs (findings_text.cpp).
#include <fmt/format.h>

#include "cchc/output.hpp"
#include "cchc/render.hpp"
#include "out/text/table.hpp"
#include "out/writers.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

std::string label_cell(const Row& row) {
  std::string label = row.label_with_marks(true);
  if (!row.description.empty()) label += "\n" + row.description;
  return label;
}

std::string footnote_lines(std::span<const Row> rows) {
  std::string out;
  for (const Row& row : rows)
    for (const auto& fn : row.footnotes) out += fmt::format("{} {}\n", fn.printed_mark(true), fn.text);
  return out;
}

std::string form_heading(const Form& form) {
  std::string out = fmt::format("Biểu mẫu {} — {}", form.number, form.title);
  if (!form.title_en.empty()) out += fmt::format(" ({})", form.title_en);
  out += '\n';
  if (!form.subtitle.empty()) out += form.subtitle + '\n';
  return out;
}

bool wanted(const WriteOptions& o, const Form& f) { return o.form == 0 || o.form == f.number; }

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

class TextWriter final : public Writer {
 public:
  OutputFormat format() const noexcept override { return OutputFormat::text; }

  std::string report(const Report& report, const WriteOptions& o) const override {
    RenderOptions ro;
    ro.lang = o.lang;
    ro.form = o.form;
    const TableDocument doc = table_model(report, ro).value();
    const bool en = o.lang == Language::en;
    std::string out = doc.agency.empty() ? std::string(en ? "(no agency name)" : "(chưa có tên cơ quan)")
                                         : doc.agency;
    if (!doc.period.empty()) out += " — " + doc.period;
    out += '\n';
    if (!doc.reference.empty()) out += doc.reference + '\n';
    out += fmt::format("Danh mục (catalogue): {}\n", doc.catalog);
    for (const TableForm& form : doc.forms) {
      out += fmt::format("\n{} {} — {}", en ? "Form" : "Biểu mẫu", form.number, form.title);
      if (!en && !form.title_en.empty()) out += fmt::format(" ({})", form.title_en);
      out += '\n';
      if (!form.subtitle.empty()) out += form.subtitle + '\n';
      std::vector<detail::Table::Column> cols{{doc.columns[0], 6},
                                              {doc.columns[1], doc.notes ? 44u : 54u},
                                              {doc.columns[2], 16},
                                              {doc.columns[3], 8, detail::Table::Align::right}};
      if (doc.notes) cols.push_back({doc.columns[4], 14});
      detail::Table table(std::move(cols));
      for (const TableRow& r : form.rows) {
        std::string label = r.label;
        if (!r.description.empty()) label += "\n" + r.description;
        std::string value = r.value;
        if (value.empty() && r.cell.state == CellState::not_applicable)
          value = en ? "(not applicable)" : "(không áp dụng)";
        std::vector<std::string> cells{r.code, std::move(label), r.unit, std::move(value)};
        if (doc.notes) cells.push_back(r.note);
        table.add_row(std::move(cells));
      }
      out += table.render();
      for (const auto& f : form.footnotes) out += f + '\n';
    }
    return out;
  }

  std::string catalog(const Catalog& catalog, const WriteOptions& o) const override {
    std::string out = fmt::format("{} {}\n{}\n", catalog.id(), catalog.version(), catalog.title());
    const Guidance& g = catalog.guidance();
    if (!g.document.empty())
      out += fmt::format("Theo (following) {} {}{}\n", g.document, g.issuer,
                         g.date ? " ngày " + format_vi_date(*g.date) : std::string());
    for (const Form& form : catalog.forms()) {
      if (!wanted(o, form)) continue;
      out += '\n' + form_heading(form);
      detail::Table table({{"Địa chỉ", 9},
                           {"Chỉ tiêu thống kê", 46},
                           {"Đơn vị tính", 16},
                           {"Loại", 8},
                           {"Cấu trúc", 16}});
      for (const Row& row : catalog.rows(form)) {
        std::string kind(to_string(row.kind));
        for (const auto& c : row.codes.options()) kind += fmt::format("\n{}={}", c.value, c.label);
        table.add_row({row.address(), label_cell(row), row.unit, kind, structure_of(catalog, row)});
      }
      out += table.render() + footnote_lines(catalog.rows(form));
      for (const Sum& s : catalog.sums()) {
        if (catalog.row(s.total).form != form.number) continue;
        std::string parts;
        for (RowId p : s.parts) detail::join_into(parts, " + ", catalog.row(p).address());
        out += fmt::format("  {} {} {}\n", parts, s.relation == Sum::Relation::equal ? "=" : "≤",
                           catalog.row(s.total).address());
      }
    }
    return out;
  }

  std::string findings(std::span<const Finding> f, const WriteOptions& o) const override {
    return findings_to_text(f, o.lang);
  }
  std::string coverage(const Coverage& c, const WriteOptions& o) const override {
    return coverage_to_text(c, o.lang);
  }
  std::string derived(const Derived& d, const WriteOptions&) const override {
    if (d.derivations.empty()) return "Không có giá trị nào suy ra được (nothing to derive)\n";
    std::string out;
    for (const Derivation& x : d.derivations)
      out += fmt::format("{} = {}    ({})\n", x.address, x.text, x.formula);
    return out;
  }
};

}  // namespace

namespace detail {
const Writer& text_writer() noexcept {
  static const TextWriter instance;
  return instance;
}
}  // namespace detail

}  // namespace cchc
