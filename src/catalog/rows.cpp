// SPDX-License-Identifier: MIT
// The names and text of a catalogue's parts: the names of its enums as JSON writes them, footnote
// marks and labels as printed, and row addresses ("B3:3.1.2"). Validation is catalog.cpp's.
#include <charconv>

#include <fmt/format.h>

#include "cchc/catalog.hpp"
#include "util/enum_names.hpp"

namespace cchc {

namespace {
constexpr detail::NameTable<ChildRelation, 3> child_relation_names{{
    {ChildRelation::detail, "detail"},
    {ChildRelation::of_which, "of_which"},
    {ChildRelation::partition, "partition"},
}};
constexpr detail::NameTable<PairRelation, 3> pair_relation_names{{
    {PairRelation::none, "none"},
    {PairRelation::first_le_second, "first_le_second"},
    {PairRelation::equal, "equal"},
}};
constexpr detail::NameTable<Measure, 3> measure_names{{
    {Measure::flow, "flow"},
    {Measure::cumulative, "cumulative"},
    {Measure::stock, "stock"},
}};
constexpr detail::NameTable<Aggregation, 4> aggregation_names{{
    {Aggregation::sum, "sum"},
    {Aggregation::ratio, "ratio"},
    {Aggregation::count_yes, "count-yes"},
    {Aggregation::none, "none"},
}};
constexpr detail::NameTable<Sum::Relation, 2> sum_relation_names{{
    {Sum::Relation::equal, "equal"},
    {Sum::Relation::at_most, "at_most"},
}};
}  // namespace

std::string_view to_string(Measure m) noexcept { return detail::name_of(measure_names, m); }
std::optional<Measure> measure_from_string(std::string_view s) noexcept {
  return detail::value_of(measure_names, s);
}
std::string_view to_string(Aggregation a) noexcept {
  return detail::name_of(aggregation_names, a);
}
std::optional<Aggregation> aggregation_from_string(std::string_view s) noexcept {
  return detail::value_of(aggregation_names, s);
}

std::string_view to_string(ChildRelation r) noexcept {
  return detail::name_of(child_relation_names, r);
}
std::optional<ChildRelation> child_relation_from_string(std::string_view s) noexcept {
  return detail::value_of(child_relation_names, s);
}
std::string_view to_string(PairRelation r) noexcept {
  return detail::name_of(pair_relation_names, r);
}
std::optional<PairRelation> pair_relation_from_string(std::string_view s) noexcept {
  return detail::value_of(pair_relation_names, s);
}
std::string_view to_string(Sum::Relation r) noexcept { return detail::name_of(sum_relation_names, r); }
std::optional<Sum::Relation> sum_relation_from_string(std::string_view s) noexcept {
  return detail::value_of(sum_relation_names, s);
}

std::string Footnote::printed_mark(bool superscript) const {
  if (!superscript) return mark;
  static constexpr std::string_view digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : mark) {
    if (c >= '0' && c <= '9') out += digits[c - '0'];
    else out += c;
  }
  return out;
}

std::string Row::label_with_marks(bool superscript) const {
  std::string out = label;
  for (const auto& fn : footnotes) {
    const std::string mark = fn.printed_mark(superscript);
    const auto at = fn.anchor.empty() ? std::string::npos : out.find(fn.anchor);
    if (at == std::string::npos) out += mark;
    else out.insert(at + fn.anchor.size(), mark);
  }
  return out;
}

std::string Row::address() const { return fmt::format("B{}:{}", form, code); }

result<RowAddress> parse_row_address(std::string_view address) {
  auto bad = [&] {
    return make_error(
        errc::parse_error,
        fmt::format("\"{}\": địa chỉ dòng phải có dạng B<biểu mẫu>:<mã dòng>, ví dụ B3:3.1.2",
                    address),
        fmt::format("\"{}\": a row address is B<form>:<row code>, e.g. B3:3.1.2", address));
  };
  if (address.size() < 4 || (address[0] != 'B' && address[0] != 'b')) return bad();
  const auto colon = address.find(':');
  if (colon == std::string_view::npos || colon < 2 || colon + 1 >= address.size()) return bad();
  int form = 0;
  const auto digits = address.substr(1, colon - 1);
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), form);
  if (ec != std::errc{} || p != digits.data() + digits.size() || form <= 0) return bad();
  return RowAddress{form, std::string(address.substr(colon + 1))};
}

}  // namespace cchc
