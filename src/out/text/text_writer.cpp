// SPDX-License-Identifier: MIT
// The text writer: reports and catalogues as box-drawn tables for a terminal, findings and
// coverage as paragraphs (findings_text.cpp).
#include <fmt/format.h>

#include "cchc/output.hpp"
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

std::string value_cell(const Value& v) {
  if (const auto* a = std::get_if<Absent>(&v))
    if (a->reason() == Absent::Reason::not_applicable)
      return a->text().empty() ? "(không áp dụng)" : a->text();
  return text_of(v);
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
    const Catalog& catalog = report.catalog();
    const Metadata& m = report.metadata();
    std::string out = m.agency.name.empty() ? std::string("(chưa có tên cơ quan)") : m.agency.name;
    if (m.period) out += " — " + label_vi(*m.period);
    out += '\n';
    if (!m.document.number.empty() || m.document.date) {
      out += "Báo cáo số " + m.document.number;
      if (!m.document.symbol.empty()) out += "/" + m.document.symbol;
      if (m.document.date) out += " ngày " + format_vi_date(*m.document.date);
      out += '\n';
    }
    out += fmt::format("Danh mục (catalogue): {} {}\n", m.catalog_id, m.catalog_version);
    for (const Form& form : catalog.forms()) {
      if (!wanted(o, form)) continue;
      out += '\n' + form_heading(form);
      bool notes = false;
      for (const Row& row : catalog.rows(form)) notes = notes || !report.note(row.id).empty();
      std::vector<detail::Table::Column> cols{{"TT", 6},
                                              {"Chỉ tiêu thống kê", notes ? 44u : 54u},
                                              {"Đơn vị tính", 16},
                                              {"Số liệu", 8, detail::Table::Align::right}};
      if (notes) cols.push_back({"Ghi chú", 14});
      detail::Table table(std::move(cols));
      for (const Row& row : catalog.rows(form)) {
        std::vector<std::string> cells{row.printed_code, label_cell(row), row.unit,
                                       value_cell(report.value(row.id))};
        if (notes) cells.push_back(report.note(row.id));
        table.add_row(std::move(cells));
      }
      out += table.render() + footnote_lines(catalog.rows(form));
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
