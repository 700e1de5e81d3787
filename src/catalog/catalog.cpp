// SPDX-License-Identifier: MIT
#include "cchc/catalog.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <gsl/assert>

#include "cchc/unicode.hpp"
#include "util/enum_names.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

error catalog_error(std::string where, std::string vi, std::string en) {
  return make_error(errc::invalid_catalog, std::move(vi), std::move(en), std::move(where));
}

// Normalises one text field to NFC in place; the error names the field.
result<void> nfc_in_place(std::string& s, const std::string& where, std::string_view field) {
  auto n = normalize_nfc(s);
  if (!n) return n.error().within(fmt::format("{} ({})", where, field));
  s = std::move(*n);
  return {};
}

std::string parent_code_of(std::string_view code) {
  const auto dot = code.rfind('.');
  if (dot == std::string_view::npos) return {};
  return std::string(code.substr(0, dot));
}

bool summable(Kind k) { return traits(k).summable; }

}  // namespace

const Form* Catalog::form(int number) const noexcept {
  auto it = std::find_if(forms_.begin(), forms_.end(),
                         [number](const Form& f) { return f.number == number; });
  return it == forms_.end() ? nullptr : &*it;
}

std::span<const Row> Catalog::rows(const Form& f) const noexcept {
  return std::span<const Row>(rows_).subspan(f.first_row, f.row_count);
}

const Row& Catalog::row(RowId id) const {
  Expects(id.index < rows_.size());
  return rows_[id.index];
}

std::optional<RowId> Catalog::find(std::string_view address) const {
  // Addresses are nearly always written canonically ("B1:2.1"): one hash lookup, no parsing.
  if (auto it = by_address_.find(std::string(address)); it != by_address_.end()) return it->second;
  auto parsed = parse_row_address(address);
  if (!parsed) return std::nullopt;
  auto it = by_address_.find(fmt::format("B{}:{}", parsed->form, parsed->code));
  if (it != by_address_.end()) return it->second;
  // The printed code: "B1:4." names row "4".
  if (parsed->code.size() > 1 && parsed->code.back() == '.') {
    parsed->code.pop_back();
    it = by_address_.find(fmt::format("B{}:{}", parsed->form, parsed->code));
    if (it != by_address_.end()) return it->second;
  }
  return std::nullopt;
}

result<RowId> Catalog::lookup(std::string_view address) const {
  if (auto id = find(address)) return *id;
  auto parsed = parse_row_address(address);
  if (!parsed) return parsed.error();
  if (form(parsed->form) == nullptr)
    return make_error(errc::not_found,
                      fmt::format("danh mục {} không có biểu mẫu {}", id_, parsed->form),
                      fmt::format("catalogue {} has no form {}", id_, parsed->form),
                      std::string(address));
  return make_error(errc::not_found,
                    fmt::format("biểu mẫu {} không có dòng \"{}\"", parsed->form, parsed->code),
                    fmt::format("form {} has no row \"{}\"", parsed->form, parsed->code),
                    std::string(address));
}

result<std::shared_ptr<const Catalog>> Catalog::create(CatalogDefinition def) {
  if (def.id.empty())
    return catalog_error("id", "danh mục thiếu mã (id)", "the catalogue has no id");
  if (def.version.empty())
    return catalog_error("version", "danh mục thiếu phiên bản", "the catalogue has no version");
  for (auto* field : {&def.id, &def.version, &def.title, &def.title_en, &def.province,
                      &def.level, &def.guidance.document, &def.guidance.issuer,
                      &def.guidance.title}) {
    if (auto r = nfc_in_place(*field, "catalog", "metadata"); !r) return r.error();
  }
  for (auto* words : {&def.vocabulary.annex_headings, &def.vocabulary.form_headings})
    for (auto& w : *words) {
      if (auto r = nfc_in_place(w, "catalog", "vocabulary"); !r) return r.error();
      if (w.find_first_not_of(" \t") == std::string::npos)
        return catalog_error("vocabulary", "từ trống trong bộ từ vựng", "an empty heading in the vocabulary");
    }
  if (def.effective_from && def.effective_until && *def.effective_until < *def.effective_from)
    return catalog_error("effective", "ngày hết hiệu lực trước ngày có hiệu lực",
                         "the catalogue ends before it takes effect");

  std::shared_ptr<Catalog> cat(new Catalog());
  {
    std::size_t rows = 0;
    for (const auto& fd : def.forms) rows += fd.rows.size();
    cat->rows_.reserve(rows);
    cat->by_address_.reserve(rows);
  }
  cat->id_ = def.id;  // messages below name the catalogue
  std::set<int> form_numbers;
  for (auto& fd : def.forms) {
    const std::string fwhere = fmt::format("B{}", fd.number);
    if (fd.number <= 0)
      return catalog_error(fwhere, "số biểu mẫu phải là số dương",
                           "a form number must be positive");
    if (!form_numbers.insert(fd.number).second)
      return catalog_error(fwhere, "biểu mẫu bị trùng", "duplicate form number");
    for (auto* field : {&fd.title, &fd.title_en, &fd.subtitle})
      if (auto r = nfc_in_place(*field, fwhere, "title"); !r) return r.error();

    Form form;
    form.number = fd.number;
    form.title = fd.title;
    form.title_en = fd.title_en;
    form.subtitle = fd.subtitle;
    form.first_row = static_cast<std::uint32_t>(cat->rows_.size());
    for (auto& rd : fd.rows) {
      Row row;
      row.form = fd.number;
      row.code = rd.code;
      const std::string where = row.address();
      if (rd.code.empty() || rd.code.find_first_of(" \t:") != std::string::npos ||
          rd.code.back() == '.')
        return catalog_error(where, "mã dòng trống, có khoảng trắng, dấu ':' hoặc kết thúc bằng '.'",
                             "a row code must be non-empty, without spaces or ':', and not end "
                             "with '.'");
      for (auto* field : {&rd.label, &rd.label_en, &rd.description, &rd.unit, &rd.note})
        if (auto r = nfc_in_place(*field, where, "text"); !r) return r.error();
      if (rd.printed_code)
        if (auto r = nfc_in_place(*rd.printed_code, where, "printed_code"); !r) return r.error();
      for (auto& o : rd.codes)
        for (auto* field : {&o.label, &o.label_en})
          if (auto r = nfc_in_place(*field, where, "codes"); !r) return r.error();
      for (auto& f : rd.footnotes)
        for (auto* field : {&f.mark, &f.anchor, &f.text})
          if (auto r = nfc_in_place(*field, where, "footnotes"); !r) return r.error();
      if (rd.pair)
        for (auto* field : {&rd.pair->first, &rd.pair->second})
          if (auto r = nfc_in_place(*field, where, "pair"); !r) return r.error();
      if (rd.label.empty())
        return catalog_error(where, "dòng thiếu tên chỉ tiêu", "the row has no label");
      if (cat->by_address_.contains(where))
        return catalog_error(where, "mã dòng bị trùng", "duplicate row code");

      row.id = RowId{static_cast<std::uint32_t>(cat->rows_.size())};
      row.printed_code = rd.printed_code.value_or(rd.code);
      row.label = rd.label;
      row.label_en = rd.label_en;
      row.description = rd.description;
      row.unit = rd.unit;
      row.kind = rd.kind;
      row.children_relation = rd.children;
      if (rd.cumulative && rd.measure && *rd.measure != Measure::cumulative)
        return catalog_error(where, "dòng lũy kế (cumulative) nhưng measure khác \"cumulative\"",
                             "the row is cumulative but its measure is not \"cumulative\"");
      row.measure = rd.cumulative ? std::optional(Measure::cumulative) : rd.measure;
      row.cumulative = row.measure == Measure::cumulative;
      if (row.measure && rd.kind == Kind::heading)
        return catalog_error(where, "dòng tiêu đề không có measure", "a heading has no measure");
      if (rd.decimals && (rd.kind != Kind::percent || *rd.decimals < 0 || *rd.decimals > 6))
        return catalog_error(where, "decimals chỉ dành cho dòng tỷ lệ, từ 0 đến 6",
                             "decimals is for percent rows only, from 0 to 6");
      row.decimals = rd.decimals;
      row.required = rd.required.value_or(rd.kind != Kind::heading);
      row.footnotes = rd.footnotes;
      row.note = rd.note;
      row.pair = rd.pair;
      for (auto& phrase : rd.phrases) {
        if (auto r = nfc_in_place(phrase, where, "phrases"); !r) return r.error();
        const auto at = phrase.find("{n}");
        if (at == std::string::npos || phrase.find("{n}", at + 3) != std::string::npos ||
            collapse_spaces(phrase) == "{n}")
          return catalog_error(where, "mỗi cụm từ cần đúng một {n} và chữ bên cạnh",
                               "each phrase needs exactly one {n} and words beside it");
      }
      if (!rd.phrases.empty() && !row.holds_value())
        return catalog_error(where, "dòng tiêu đề không có cụm từ số liệu",
                             "a heading has no figure for phrases to find");
      row.phrases = rd.phrases;

      if (rd.kind == Kind::heading && rd.required.value_or(false))
        return catalog_error(where, "dòng tiêu đề không thể bắt buộc có số liệu",
                             "a heading cannot require a value");
      if (rd.kind == Kind::code) {
        if (rd.codes.empty())
          return catalog_error(where, "dòng loại mã thiếu danh sách mã",
                               "a code row needs a code list");
        std::set<std::int64_t> seen;
        for (const auto& o : rd.codes)
          if (!seen.insert(o.value).second)
            return catalog_error(where, fmt::format("mã {} bị trùng trong danh sách", o.value),
                                 fmt::format("code {} appears twice in the list", o.value));
        row.codes = CodeList(rd.codes);
      } else if (!rd.codes.empty()) {
        return catalog_error(where, "chỉ dòng loại mã (code) mới có danh sách mã",
                             "only code rows have a code list");
      }
      if (rd.pair && rd.kind != Kind::pair)
        return catalog_error(where, "chỉ dòng loại cặp số (pair) mới có định nghĩa cặp",
                             "only pair rows have a pair definition");
      if (rd.children != ChildRelation::detail && !summable(rd.kind))
        return catalog_error(where,
                             "chỉ dòng số lượng, tỷ lệ hoặc tiền mới có quan hệ tổng với dòng con",
                             "only count, percent or money rows can sum their children");

      const std::string parent_code = rd.parent.value_or(parent_code_of(rd.code));
      if (!parent_code.empty()) {
        auto it = cat->by_address_.find(fmt::format("B{}:{}", fd.number, parent_code));
        if (it == cat->by_address_.end())
          return catalog_error(where,
                               fmt::format("dòng cha \"{}\" không có trước dòng này trong biểu mẫu",
                                           parent_code),
                               fmt::format("parent \"{}\" does not precede this row in the form",
                                           parent_code));
        row.parent = it->second;
        cat->rows_[it->second.index].children.push_back(row.id);
      }
      cat->by_address_.emplace(where, row.id);
      cat->rows_.push_back(std::move(row));
    }
    form.row_count = static_cast<std::uint32_t>(cat->rows_.size()) - form.first_row;
    cat->forms_.push_back(std::move(form));
  }

  // References may point forward and across forms, so they resolve once every row exists.
  auto resolve = [&](const std::string& ref, int form_number,
                     const std::string& where) -> result<RowId> {
    const std::string address =
        ref.find(':') == std::string::npos ? fmt::format("B{}:{}", form_number, ref) : ref;
    auto id = cat->lookup(address);
    if (!id)
      return catalog_error(where, fmt::format("tham chiếu \"{}\" không tồn tại", ref),
                           fmt::format("reference \"{}\" names no row", ref));
    return *id;
  };

  std::size_t row_index = 0;
  for (const auto& fd : def.forms) {
    for (const auto& rd : fd.rows) {
      Row& row = cat->rows_[row_index++];
      const std::string where = row.address();
      if (rd.ratio_numerator.has_value() != rd.ratio_denominator.has_value())
        return catalog_error(where, "tỷ lệ cần cả tử số và mẫu số",
                             "a ratio needs both a numerator and a denominator");
      if (rd.ratio_numerator) {
        if (row.kind != Kind::percent)
          return catalog_error(where, "chỉ dòng tỷ lệ (%) mới có định nghĩa tỷ số",
                               "only percent rows have a ratio");
        auto num = resolve(*rd.ratio_numerator, fd.number, where);
        if (!num) return num.error();
        auto den = resolve(*rd.ratio_denominator, fd.number, where);
        if (!den) return den.error();
        for (RowId id : {*num, *den})
          if (cat->rows_[id.index].kind != Kind::count)
            return catalog_error(
                where,
                fmt::format("tỷ lệ tham chiếu {} không phải dòng số lượng",
                            cat->rows_[id.index].address()),
                fmt::format("the ratio references {}, which is not a count row",
                            cat->rows_[id.index].address()));
        if (*num == *den)
          return catalog_error(where, "tử số và mẫu số là cùng một dòng",
                               "numerator and denominator are the same row");
        row.ratio = Ratio{*num, *den};
      }
      if (rd.aggregation) {
        const Aggregation a = *rd.aggregation;
        const bool fits = row.kind != Kind::heading &&
                          (a == Aggregation::none ||
                           (a == Aggregation::sum &&
                            (row.kind == Kind::count || row.kind == Kind::money ||
                             row.kind == Kind::pair)) ||
                           (a == Aggregation::ratio && row.ratio) ||
                           (a == Aggregation::count_yes && row.kind == Kind::yes_no));
        if (!fits)
          return catalog_error(
              where,
              fmt::format("cách tổng hợp \"{}\" không hợp với dòng {} (sum: số lượng, tiền, cặp "
                          "số; ratio: tỷ lệ có tử và mẫu; count-yes: có/không; none: mọi dòng có "
                          "số liệu)",
                          to_string(a), to_string(row.kind)),
              fmt::format("consolidation \"{}\" does not fit a {} row (sum: count, money, pair; "
                          "ratio: a percent row with a ratio; count-yes: yes/no; none: any row "
                          "with a value)",
                          to_string(a), to_string(row.kind)));
        row.aggregation = a;
      }
    }
    // Generated sums first (from the children relation), then the declared ones.
    const Form& form = *cat->form(fd.number);
    for (const Row& row : cat->rows(form)) {
      if (row.children_relation == ChildRelation::detail) continue;
      if (row.children.empty())
        return catalog_error(row.address(), "quan hệ tổng nhưng dòng không có dòng con",
                             "a sum relation on a row without children");
      for (RowId c : row.children)
        if (cat->rows_[c.index].kind != row.kind)
          return catalog_error(cat->rows_[c.index].address(),
                               fmt::format("dòng con phải cùng loại với dòng cha {}",
                                           row.address()),
                               fmt::format("a part must be of the same kind as its total {}",
                                           row.address()));
      cat->sums_.push_back(Sum{row.id, row.children,
                               row.children_relation == ChildRelation::partition
                                   ? Sum::Relation::equal
                                   : Sum::Relation::at_most});
    }
    for (std::size_t i = 0; i < fd.sums.size(); ++i) {
      const auto& sd = fd.sums[i];
      const std::string where = fmt::format("B{} sums[{}]", fd.number, i);
      auto total = resolve(sd.total, fd.number, where);
      if (!total) return total.error();
      if (sd.parts.empty())
        return catalog_error(where, "tổng không có thành phần", "a sum without parts");
      Sum sum{*total, {}, sd.relation};
      const Kind kind = cat->rows_[total->index].kind;
      if (!summable(kind))
        return catalog_error(where, "dòng tổng không phải số lượng, tỷ lệ hoặc tiền",
                             "the total is not a count, percent or money row");
      for (const auto& p : sd.parts) {
        auto part = resolve(p, fd.number, where);
        if (!part) return part.error();
        if (cat->rows_[part->index].kind != kind)
          return catalog_error(where,
                               fmt::format("{} khác loại với dòng tổng",
                                           cat->rows_[part->index].address()),
                               fmt::format("{} is not of the total's kind",
                                           cat->rows_[part->index].address()));
        if (*part == *total)
          return catalog_error(where, "dòng tổng nằm trong các thành phần của chính nó",
                               "the total is one of its own parts");
        sum.parts.push_back(*part);
      }
      cat->sums_.push_back(std::move(sum));
    }
  }

  cat->version_ = def.version;
  cat->title_ = def.title;
  cat->title_en_ = def.title_en;
  cat->province_ = def.province;
  cat->level_ = def.level;
  cat->guidance_ = def.guidance;
  cat->from_ = def.effective_from;
  cat->until_ = def.effective_until;
  cat->def_ = std::move(def);
  return std::shared_ptr<const Catalog>(std::move(cat));
}

std::vector<std::string> Catalog::annex_headings() const {
  std::vector<std::string> out{"PHỤ LỤC"};
  out.insert(out.end(), def_.vocabulary.annex_headings.begin(), def_.vocabulary.annex_headings.end());
  return out;
}

std::vector<std::string> Catalog::form_headings() const {
  std::vector<std::string> out{"Biểu mẫu"};
  out.insert(out.end(), def_.vocabulary.form_headings.begin(), def_.vocabulary.form_headings.end());
  return out;
}

result<void> Catalog::check_consolidation() const {
  std::string missing;
  std::size_t count = 0;
  for (const Row& row : rows_) {
    if (!row.holds_value() || row.aggregation) continue;
    if (++count <= 8) detail::join_into(missing, ", ", row.address());
  }
  if (count == 0) {
    // A pooled rate is Σ numerators / Σ denominators: both must be summed.
    for (const Row& row : rows_) {
      if (row.aggregation != Aggregation::ratio) continue;
      for (RowId part : {row.ratio->numerator, row.ratio->denominator})
        if (rows_[part.index].aggregation != Aggregation::sum)
          return make_error(
              errc::invalid_catalog,
              fmt::format("{} tổng hợp theo tỷ lệ nhưng {} không được cộng (\"sum\")",
                          row.address(), rows_[part.index].address()),
              fmt::format("{} consolidates as a ratio, but {} is not summed (\"sum\")",
                          row.address(), rows_[part.index].address()),
              row.address());
    }
    return {};
  }
  if (count > 8) missing += fmt::format(", … ({})", count);
  return make_error(errc::invalid_catalog,
                    fmt::format("danh mục {} {} không nói cách tổng hợp (\"consolidate\") của "
                                "các dòng: {}",
                                id_, version_, missing),
                    fmt::format("catalogue {} {} does not say how these rows consolidate "
                                "(\"consolidate\"): {}",
                                id_, version_, missing));
}

}  // namespace cchc
