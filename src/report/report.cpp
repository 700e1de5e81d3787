// SPDX-License-Identifier: MIT
#include "cchc/report.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>
#include <gsl/assert>

#include "util/enum_names.hpp"

namespace cchc {
namespace {

constexpr detail::NameTable<AgencyLevel, 4> level_names{{
    {AgencyLevel::department, "department"},
    {AgencyLevel::district, "district"},
    {AgencyLevel::commune, "commune"},
    {AgencyLevel::province, "province"},
}};

}  // namespace

const std::string& agency_key(const Agency& agency) noexcept {
  return agency.code.empty() ? agency.name : agency.code;
}

std::string_view to_string(AgencyLevel level) noexcept {
  return detail::name_of(level_names, level);
}

std::optional<AgencyLevel> agency_level_from_string(std::string_view s) noexcept {
  return detail::value_of(level_names, s);
}

namespace {

constexpr std::uint8_t state_bits = 0x3;

std::uint8_t form_of(const Cell& c) noexcept {
  return static_cast<std::uint8_t>(static_cast<std::uint8_t>(c.state) | (c.scale << 2));
}

// Sparse rows: sorted by row index, at most one entry a row.
template <class V>
auto find_row(V& rows, std::uint32_t index) {
  return std::lower_bound(rows.begin(), rows.end(), index,
                          [](const auto& e, std::uint32_t i) { return e.first < i; });
}

template <class T>
const T* sparse_get(const std::vector<std::pair<std::uint32_t, T>>& rows,
                    std::uint32_t index) noexcept {
  auto it = find_row(rows, index);
  return it != rows.end() && it->first == index ? &it->second : nullptr;
}

// Stores `value` for the row, or takes the row's entry away when `keep` is false.
template <class T, class U>
void sparse_put(std::vector<std::pair<std::uint32_t, T>>& rows, std::uint32_t index, U&& value,
                bool keep) {
  auto it = find_row(rows, index);
  const bool found = it != rows.end() && it->first == index;
  if (!keep) {
    if (found) rows.erase(it);
  } else if (found) {
    it->second = T(std::forward<U>(value));
  } else {
    rows.emplace(it, index, T(std::forward<U>(value)));
  }
}

result<void> heading_takes_no_value(const Row& row) {
  return make_error(errc::kind_mismatch, "dòng tiêu đề không có số liệu",
                    "a heading row takes no value", row.address());
}

result<void> not_a_cell(const Row& row, std::string_view vi, std::string_view en) {
  return make_error(errc::invalid_argument, std::string(vi), std::string(en), row.address());
}

}  // namespace

Report::Report(std::shared_ptr<const Catalog> catalog)
    : catalog_(std::move(catalog)),
      numbers_(catalog_ ? catalog_->size() : 0),
      forms_(catalog_ ? catalog_->size() : 0, form_of(Cell{})) {
  Expects(catalog_ != nullptr);
  metadata_.catalog_id = catalog_->id();
  metadata_.catalog_version = catalog_->version();
}

Cell Report::sparse_cell(std::uint32_t index, Cell c) const noexcept {
  if ((forms_[index] & wide_bit) != 0) c.number = *sparse_get(wide_, index);
  if ((forms_[index] & second_bit) != 0) c.second = *sparse_get(seconds_, index);
  return c;
}

std::string_view Report::written(RowId id) const noexcept {
  const Kept* kept = sparse_get(written_, id.index);
  return kept != nullptr ? std::string_view(texts_).substr(kept->offset, kept->size)
                         : std::string_view{};
}

std::string Report::text(RowId id) const {
  if (const std::string_view w = written(id); !w.empty()) return std::string(w);
  return canonical_text(cell(id), catalog_->row(id).kind);
}

Value Report::value(RowId id) const { return to_value(cell(id), catalog_->row(id), written(id)); }

result<Value> Report::value(std::string_view address) const {
  auto id = catalog_->lookup(address);
  if (!id) return id.error();
  return value(*id);
}

void Report::store(std::uint32_t index, const Cell& cell, std::string_view written) {
  const bool narrow = cell.number >= INT32_MIN && cell.number <= INT32_MAX;
  numbers_[index] = narrow ? static_cast<std::int32_t>(cell.number) : 0;
  sparse_put(wide_, index, cell.number, !narrow);
  forms_[index] = static_cast<std::uint8_t>(form_of(cell) | (narrow ? 0 : wide_bit) |
                                            (cell.second != 0 ? second_bit : 0));
  sparse_put(seconds_, index, cell.second, cell.second != 0);
  keep_text(index, written);
}

void Report::keep_text(std::uint32_t index, std::string_view text) {
  if (text.empty()) {
    sparse_put(written_, index, Kept{}, false);
    return;
  }
  const std::less<const char*> before;
  if (!before(text.data(), texts_.data()) && before(text.data(), texts_.data() + texts_.size())) {
    const std::string own(text);  // a text of this report's own, which packing would move
    return keep_text(index, own);
  }
  // A text replaced leaves its bytes behind; once they are most of the string, the live texts
  // are packed again, so that setting one row over and over does not grow the report.
  std::size_t live = text.size();
  for (const auto& [row, kept] : written_)
    if (row != index) live += kept.size;
  if (texts_.size() + text.size() > 2 * live + 64) {
    std::string packed;
    packed.reserve(live);
    for (auto& [row, kept] : written_) {
      if (row == index) continue;
      const auto offset = static_cast<std::uint32_t>(packed.size());
      packed.append(texts_, kept.offset, kept.size);
      kept.offset = offset;
    }
    texts_ = std::move(packed);
  }
  const Kept kept{static_cast<std::uint32_t>(texts_.size()), static_cast<std::uint32_t>(text.size())};
  texts_.append(text);
  sparse_put(written_, index, kept, true);
}

result<void> Report::set(RowId id, Value v) {
  Expects(id.index < numbers_.size());
  const Row& row = catalog_->row(id);
  if (auto kind = kind_of(v); kind && *kind != row.kind) {
    if (row.kind == Kind::heading)
      return heading_takes_no_value(row);
    return make_error(errc::kind_mismatch,
                      fmt::format("dòng này nhận giá trị loại {}, không nhận loại {}",
                                  to_string(row.kind), to_string(*kind)),
                      fmt::format("this row takes a {} value, not a {}", to_string(row.kind),
                                  to_string(*kind)),
                      row.address());
  }
  // A code's validity is the row's list's to decide, which value() does from the cell.
  store(id.index, to_cell(v), written_text(v, row.kind));
  return {};
}

result<void> Report::set(std::string_view address, Value v) {
  auto id = catalog_->lookup(address);
  if (!id) return id.error();
  return set(*id, std::move(v));
}

result<void> Report::set(RowId id, const Cell& cell, std::string_view written) {
  Expects(id.index < numbers_.size());
  const Row& row = catalog_->row(id);
  if (cell.state == CellState::invalid)
    return not_a_cell(row, "báo cáo không giữ ô không đọc được",
                      "a report holds no unreadable cell");
  if (cell.reported()) {
    if (row.kind == Kind::heading)
      return heading_takes_no_value(row);
    if (cell.scale > (row.kind == Kind::percent ? Decimal::max_scale : 0))
      return not_a_cell(row, "số chữ số thập phân không hợp với loại của dòng",
                        "the cell's decimals do not fit the row's kind");
    if (cell.second != 0 && row.kind != Kind::pair)
      return not_a_cell(row, "chỉ dòng cặp số có nửa thứ hai",
                        "only a pair row has a second half");
    const auto too_big = [](std::int64_t n) {
      return n < -Decimal::max_units || n > Decimal::max_units;
    };
    if (too_big(cell.number) || too_big(cell.second))
      return make_error(errc::out_of_range, "số quá lớn (quá 18 chữ số)",
                        "a figure of more than 18 digits", row.address());
    if (!written.empty()) {
      auto back = read_cell(written, row.kind);
      if (!back || back->cell != cell)
        return not_a_cell(row, fmt::format("\"{}\" không phải cách viết của ô này", written),
                          fmt::format("\"{}\" is not a writing of this cell", written));
      if (back->canonical) written = {};
    }
  } else if (cell.number != 0 || cell.second != 0 || cell.scale != 0) {
    return not_a_cell(row, "ô trống không có số", "a blank cell holds no figure");
  }
  store(id.index, cell, written);
  return {};
}

result<void> Report::set_text(RowId id, std::string_view text) {
  Expects(id.index < numbers_.size());
  const Row& row = catalog_->row(id);
  auto c = read_cell(text, row.kind);
  if (!c) return std::move(c.error()).within(row.address());
  store(id.index, c->cell, c->canonical ? std::string_view{} : text);
  return {};
}

result<void> Report::set_text(std::string_view address, std::string_view text) {
  auto id = catalog_->lookup(address);
  if (!id) return id.error();
  return set_text(*id, text);
}

void Report::clear(RowId id, Absent::Reason reason) {
  Expects(id.index < numbers_.size());
  store(id.index,
        Cell{0, 0, 0,
             reason == Absent::Reason::not_applicable ? CellState::not_applicable
                                                      : CellState::not_reported},
        {});
}

const std::string& Report::note(RowId id) const {
  static const std::string none;
  Expects(id.index < numbers_.size());
  const std::string* n = sparse_get(notes_, id.index);
  return n != nullptr ? *n : none;
}

void Report::set_note(RowId id, std::string note) {
  Expects(id.index < numbers_.size());
  const bool keep = !note.empty();
  sparse_put(notes_, id.index, std::move(note), keep);
}

std::optional<std::size_t> Report::source_line(RowId id) const {
  Expects(id.index < numbers_.size());
  if (lines_.empty() || lines_[id.index] == 0) return std::nullopt;
  return lines_[id.index];
}

void Report::set_source_line(RowId id, std::size_t line) {
  Expects(id.index < numbers_.size());
  if (lines_.empty()) {
    if (line == 0) return;
    lines_.assign(numbers_.size(), 0);
  }
  lines_[id.index] = static_cast<std::uint32_t>(line);
}

std::size_t Report::reported_count() const noexcept {
  return static_cast<std::size_t>(std::count_if(forms_.begin(), forms_.end(), [](std::uint8_t f) {
    return static_cast<CellState>(f & state_bits) == CellState::reported;
  }));
}

std::size_t Report::memory_bytes() const noexcept {
  // A string's own buffer is on the heap only past the small-string capacity.
  const auto heap = [](const std::string& s) {
    return s.capacity() > std::string().capacity() ? s.capacity() + 1 : 0;
  };
  const auto sparse_texts = [&](const Sparse<std::string>& rows) {
    std::size_t n = rows.capacity() * sizeof(rows[0]);
    for (const auto& [row, text] : rows) n += heap(text);
    return n;
  };
  const Metadata& m = metadata_;
  std::size_t n = sizeof(Report) + numbers_.capacity() * sizeof(std::int32_t) +
                  forms_.capacity() + wide_.capacity() * sizeof(wide_[0]) +
                  seconds_.capacity() * sizeof(seconds_[0]) +
                  written_.capacity() * sizeof(written_[0]) + heap(texts_) +
                  sparse_texts(notes_) + lines_.capacity() * sizeof(std::uint32_t);
  for (const std::string* s : {&m.agency.name, &m.agency.code, &m.province, &m.document.number,
                               &m.document.symbol, &m.document.place, &m.document.signer,
                               &m.document.signer_title, &m.catalog_id, &m.catalog_version})
    n += heap(*s);
  return n;
}

bool operator==(const Report& a, const Report& b) {
  // Lines not yet set and lines set to 0 are the same fact: unknown.
  const auto no_lines = [](const Report& r) {
    return std::all_of(r.lines_.begin(), r.lines_.end(), [](std::uint32_t l) { return l == 0; });
  };
  const bool same_lines =
      a.lines_.size() == b.lines_.size() ? a.lines_ == b.lines_ : no_lines(a) && no_lines(b);
  // Cells with the text kept only where it is not canonical: equal cells and kept texts are the
  // same values as written.
  const auto same_texts = [&] {
    if (a.written_.size() != b.written_.size()) return false;
    for (std::size_t i = 0; i < a.written_.size(); ++i) {
      const std::uint32_t row = a.written_[i].first;
      if (row != b.written_[i].first || a.written(RowId{row}) != b.written(RowId{row})) return false;
    }
    return true;
  };
  return a.catalog_ == b.catalog_ && a.metadata_ == b.metadata_ && a.numbers_ == b.numbers_ &&
         a.forms_ == b.forms_ && a.wide_ == b.wide_ && a.seconds_ == b.seconds_ &&
         same_texts() && a.notes_ == b.notes_ && same_lines;
}

}  // namespace cchc
