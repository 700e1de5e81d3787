// SPDX-License-Identifier: MIT
#include "cchc/batch.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>
#include <gsl/assert>

#include "chunk.hpp"

namespace cchc {
namespace detail {

namespace {

std::uint8_t width_for(std::uint64_t max_offset) noexcept {
  if (max_offset == 0) return 0;
  if (max_offset <= 0xFF) return 1;
  if (max_offset <= 0xFFFF) return 2;
  if (max_offset <= 0xFFFFFFFFu) return 4;
  return 8;
}

template <class T>
void decode_as(const std::uint8_t* data, std::int64_t base, std::size_t n, std::int64_t* out) {
  for (std::size_t i = 0; i < n; ++i) {
    T v;
    std::memcpy(&v, data + i * sizeof(T), sizeof(T));
    out[i] = static_cast<std::int64_t>(static_cast<std::uint64_t>(base) + v);
  }
}

// Every value must fit: the width was chosen for them.
template <class T>
void encode_as(const std::int64_t* v, std::int64_t base, std::size_t n, std::uint8_t* data) {
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<T>(static_cast<std::uint64_t>(v[i]) - static_cast<std::uint64_t>(base));
    std::memcpy(data + i * sizeof(T), &x, sizeof(T));
  }
}

}  // namespace

void PackedInts::decode(std::size_t i0, std::size_t n, std::int64_t* out) const noexcept {
  const std::uint8_t* p = data.data() + i0 * width;
  switch (width) {
    case 0: std::fill_n(out, n, base); break;
    case 1: decode_as<std::uint8_t>(p, base, n, out); break;
    case 2: decode_as<std::uint16_t>(p, base, n, out); break;
    case 4: decode_as<std::uint32_t>(p, base, n, out); break;
    default: decode_as<std::uint64_t>(p, base, n, out); break;
  }
}

bool PackedInts::try_set(std::size_t i, std::int64_t v) noexcept {
  const std::uint64_t off = static_cast<std::uint64_t>(v) - static_cast<std::uint64_t>(base);
  if (width < 8 && (v < base || width_for(off) > width)) return false;
  switch (width) {
    case 0: break;
    case 1: data[i] = static_cast<std::uint8_t>(off); break;
    case 2: { const auto x = static_cast<std::uint16_t>(off); std::memcpy(&data[i * 2], &x, 2); break; }
    case 4: { const auto x = static_cast<std::uint32_t>(off); std::memcpy(&data[i * 4], &x, 4); break; }
    default: std::memcpy(&data[i * 8], &off, 8); break;
  }
  return true;
}

void PackedInts::seal(std::size_t size) {
  if (size == 0) return;
  std::vector<std::int64_t> v(size);
  decode(0, size, v.data());
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  base = *lo;
  width = width_for(static_cast<std::uint64_t>(*hi) - static_cast<std::uint64_t>(*lo));
  data.assign(size * width, 0);
  data.shrink_to_fit();
  encode(v.data(), size);
}

void PackedInts::encode(const std::int64_t* v, std::size_t size) noexcept {
  switch (width) {
    case 0: break;
    case 1: encode_as<std::uint8_t>(v, base, size, data.data()); break;
    case 2: encode_as<std::uint16_t>(v, base, size, data.data()); break;
    case 4: encode_as<std::uint32_t>(v, base, size, data.data()); break;
    default: encode_as<std::uint64_t>(v, base, size, data.data()); break;
  }
}

void PackedInts::widen(std::size_t size, std::int64_t v) {
  std::vector<std::int64_t> values(size);
  decode(0, size, values.data());
  std::int64_t lo = v, hi = v;
  for (const std::int64_t x : values) lo = std::min(lo, x), hi = std::max(hi, x);
  const std::uint8_t next = width == 0 ? 1 : width >= 4 ? 8 : static_cast<std::uint8_t>(width * 2);
  width = std::max(next, width_for(static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo)));
  base = width == 8 ? 0 : lo;
  data.assign(size * width, 0);
  encode(values.data(), size);
}

void PackedInts::push_wide(std::int64_t v, std::size_t size) {
  push_base();
  if (!try_set(size - 1, v)) {
    widen(size, v);
    (void)try_set(size - 1, v);
  }
}

void PackedStates::set_bits(std::size_t i, CellState s, std::size_t size) {
  if (bits.empty()) {
    if (size == 1) {  // the chunk's first cell sets the state all others share until they differ
      uniform = s;
      return;
    }
    const auto u = static_cast<std::uint8_t>(uniform);
    bits.assign((size + 3) / 4 + 1, static_cast<std::uint8_t>(u | u << 2 | u << 4 | u << 6));
  }
  if (i / 4 >= bits.size()) bits.resize(i / 4 + 1, 0);
  const unsigned shift = 2 * (i % 4);
  bits[i / 4] = static_cast<std::uint8_t>((bits[i / 4] & ~(3u << shift)) |
                                          (static_cast<unsigned>(s) << shift));
}

void PackedStates::seal(std::size_t size) {
  if (bits.empty() || size == 0) return;
  const CellState first = get(0);
  for (std::size_t i = 1; i < size; ++i)
    if (get(i) != first) {
      bits.resize((size + 3) / 4);
      bits.shrink_to_fit();
      return;
    }
  uniform = first;
  bits.clear();
  bits.shrink_to_fit();
}

}  // namespace detail

namespace {

using detail::BatchChunk;
using detail::Column;

// The metadata fields a batch stores; the others (period.year, period.kind, catalog.*) are
// views of these or of the catalogue.
constexpr std::array<std::string_view, 11> stored_fields{
    "agency.name",    "agency.code",     "agency.level",  "province",
    "period",         "document.number", "document.symbol", "document.date",
    "document.place", "document.signer", "document.signer_title"};

// Fields whose text is taken as it is; the others are validated once per distinct value.
bool free_text(std::string_view field) {
  return field != "agency.level" && field != "period" && field != "document.date";
}

std::optional<std::size_t> stored_index(std::string_view field) {
  for (std::size_t i = 0; i < stored_fields.size(); ++i)
    if (stored_fields[i] == field) return i;
  return std::nullopt;
}

}  // namespace

struct Batch::Dictionary {
  struct Field {
    std::vector<std::string> values{std::string()};  // code 0: unset
    // Looked up by string_view, without making a string of each text read.
    struct Hash {
      using is_transparent = void;
      std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
      }
    };
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> codes;
    std::uint32_t code(std::string_view text) {
      if (text.empty()) return 0;
      auto it = codes.find(text);
      if (it != codes.end()) return it->second;
      const auto c = static_cast<std::uint32_t>(values.size());
      values.emplace_back(text);
      codes.emplace(values.back(), c);
      return c;
    }
    [[nodiscard]] const std::uint32_t* find(std::string_view text) const {
      auto it = codes.find(text);
      return it == codes.end() ? nullptr : &it->second;
    }
  };
  std::array<Field, stored_fields.size()> fields;
  Field texts;  // texts as written that are not canonical ("04", "04/04"): few, and repeated
};

Batch::Batch(std::shared_ptr<const Catalog> catalog)
    : catalog_(std::move(catalog)), metadata_(std::make_unique<Dictionary>()) {
  Expects(catalog_ != nullptr);
  kinds_.reserve(catalog_->size());
  for (const Row& row : catalog_->rows()) kinds_.push_back(row.kind);
  Expects(catalog_->size() < (std::size_t{1} << BatchChunk::row_bits));
  static_assert(chunk_reports <= (std::size_t{1} << (32 - BatchChunk::row_bits)));
}
Batch::Batch(Batch&&) noexcept = default;
Batch& Batch::operator=(Batch&&) noexcept = default;
Batch::~Batch() = default;
Batch::Batch(const Batch& o)
    : catalog_(o.catalog_), kinds_(o.kinds_), size_(o.size_), input_findings_(o.input_findings_),
      metadata_(std::make_unique<Dictionary>(*o.metadata_)) {
  for (const auto& c : o.chunks_) chunks_.push_back(std::make_unique<BatchChunk>(*c));
}
Batch& Batch::operator=(const Batch& o) {
  if (this != &o) *this = Batch(o);
  return *this;
}

namespace {

void seal(BatchChunk& chunk, const Catalog& catalog) {
  for (std::size_t r = 0; r < chunk.columns.size(); ++r) {
    Column& c = chunk.columns[r];
    c.numbers.seal(chunk.size);
    // Only a pair's column has second numbers.
    if (catalog.rows()[r].kind == Kind::pair) c.seconds.seal(chunk.size);
    c.states.seal(chunk.size);
    if (!c.scales.empty()) {
      // One scale for the chunk when every reported cell has it; a blank's scale is no scale.
      std::optional<std::uint8_t> only;
      bool same = true;
      for (std::size_t i = 0; i < chunk.size && same; ++i) {
        if (c.states.get(i) != CellState::reported) continue;
        if (!only) only = c.scales[i];
        same = *only == c.scales[i];
      }
      if (same) {
        c.scale = only.value_or(0);
        c.scales.clear();
      }
      c.scales.shrink_to_fit();
    }
  }
  chunk.lines.shrink_to_fit();
  chunk.written.shrink_to_fit();
  chunk.row_lines.shrink_to_fit();
  for (auto& m : chunk.metadata) m.shrink_to_fit();
  chunk.sealed = true;
}

}  // namespace

namespace {

bool storable(Kind kind, const Cell& c) noexcept;

// What a column can hold: no figure on a heading, at most Decimal::max_scale decimals, at most
// Decimal::max_digits digits.
result<void> storable(const Row& row, const Cell& c) {
  if (row.kind == Kind::heading && c.state == CellState::reported)
    return make_error(errc::kind_mismatch, "dòng tiêu đề không có số liệu",
                      "a heading row takes no value", row.address());
  if (c.scale > Decimal::max_scale)
    return make_error(errc::out_of_range, "quá nhiều chữ số thập phân", "too many decimals",
                      row.address());
  if (!storable(row.kind, c))
    return make_error(errc::out_of_range,
                      fmt::format("số quá lớn, tối đa {} chữ số", Decimal::max_digits),
                      fmt::format("number too large, at most {} digits", Decimal::max_digits),
                      row.address());
  return {};
}

// A figure of more than 18 digits would not read back (Decimal::max_units).
bool storable(Kind kind, const Cell& c) noexcept {
  const auto fits = [](std::int64_t n) {
    return n <= Decimal::max_units && n >= -Decimal::max_units;
  };
  return !(kind == Kind::heading && c.state == CellState::reported) &&
         c.scale <= Decimal::max_scale &&
         (c.state != CellState::reported || (fits(c.number) && fits(c.second)));
}

// Appends a cell to a column of `size` cells, the new one included: store()'s work for the
// last index, without first growing every part by a placeholder.
void append_cell(Column& c, Kind kind, std::size_t size, const Cell& cell) {
  const std::size_t i = size - 1;
  c.states.set(i, cell.state, size);
  c.numbers.push(cell.reported() ? cell.number : c.numbers.base, size);
  if (kind == Kind::pair) c.seconds.push(cell.reported() ? cell.second : c.seconds.base, size);
  if (kind != Kind::percent) return;
  if (!c.scales.empty()) c.scales.push_back(0);
  if (cell.reported()) {
    if (c.scales.empty() && cell.scale != c.scale) c.scales.assign(size, c.scale);
    if (!c.scales.empty()) c.scales[i] = cell.scale;
  }
}

// Stores a cell at index i of a column of `size` cells, widening what it does not fit.
void store(Column& c, Kind kind, std::size_t i, std::size_t size, const Cell& cell) {
  c.states.set(i, cell.state, size);
  const std::int64_t number = cell.reported() ? cell.number : c.numbers.base;
  if (!c.numbers.try_set(i, number)) {
    c.numbers.widen(size, number);
    (void)c.numbers.try_set(i, number);
  }
  if (kind == Kind::pair) {
    const std::int64_t second = cell.reported() ? cell.second : c.seconds.base;
    if (!c.seconds.try_set(i, second)) {
      c.seconds.widen(size, second);
      (void)c.seconds.try_set(i, second);
    }
  }
  if (kind == Kind::percent && cell.reported()) {
    if (c.scales.empty() && cell.scale != c.scale) c.scales.assign(size, c.scale);
    if (!c.scales.empty()) c.scales[i] = cell.scale;
  }
}

}  // namespace

std::size_t Batch::append(std::span<const Cell> cells) {
  Expects(cells.empty() || cells.size() == catalog_->size());
  if (chunks_.empty() || chunks_.back()->size == chunk_reports) {
    if (!chunks_.empty()) seal(*chunks_.back(), *catalog_);
    auto chunk = std::make_unique<BatchChunk>();
    chunk->columns.resize(catalog_->size());
    chunks_.push_back(std::move(chunk));
  }
  BatchChunk& chunk = *chunks_.back();
  ++chunk.size;
  const Cell blank;
  for (std::size_t r = 0; r < chunk.columns.size(); ++r)
    append_cell(chunk.columns[r], kinds_[r], chunk.size, cells.empty() ? blank : cells[r]);
  if (!chunk.lines.empty()) chunk.lines.push_back(0);
  for (auto& m : chunk.metadata)
    if (!m.empty()) m.push_back(0);
  return size_++;
}

std::size_t Batch::add_blank() { return append({}); }

result<std::size_t> Batch::add(std::span<const Cell> cells) {
  if (cells.size() != catalog_->size())
    return make_error(errc::invalid_argument,
                      fmt::format("cần {} ô, có {}", catalog_->size(), cells.size()),
                      fmt::format("{} cells needed, {} given", catalog_->size(), cells.size()));
  for (std::size_t r = 0; r < cells.size(); ++r)
    if (!storable(kinds_[r], cells[r]))  // the error's words come from the row
      return storable(catalog_->rows()[r], cells[r]).error();
  return append(cells);
}

void Batch::clear() noexcept {
  chunks_.clear();
  input_findings_.clear();
  size_ = 0;
}

result<std::size_t> Batch::add(const Report& report) {
  const Catalog& rc = report.catalog();
  if (&rc != catalog_.get() && (rc.id() != catalog_->id() || rc.version() != catalog_->version() ||
                                rc.size() != catalog_->size()))
    return make_error(errc::invalid_argument,
                      fmt::format("báo cáo theo danh mục {} {}, lô theo {} {}", rc.id(),
                                  rc.version(), catalog_->id(), catalog_->version()),
                      fmt::format("the report follows catalogue {} {}, the batch {} {}", rc.id(),
                                  rc.version(), catalog_->id(), catalog_->version()));
  // A Report's values are valid for their rows, so they go straight into the columns.
  std::vector<Cell> cells(catalog_->size());
  for (const Row& row : catalog_->rows()) cells[row.id.index] = to_cell(report.value(row.id));
  const std::size_t i = append(cells);
  BatchChunk& chunk = *chunks_.back();
  for (const Row& row : catalog_->rows()) {
    const std::string_view text = text_of(report.value(row.id));
    const Cell& c = cells[row.id.index];
    if (!text.empty() && (!c.reported() || !is_canonical(text, c, row.kind)))
      chunk.written.put(BatchChunk::key(i % chunk_reports, row.id.index),
                        metadata_->texts.code(text));
  }
  for (const Row& row : catalog_->rows())
    if (const auto line = report.source_line(row.id); line && *line != 0)
      chunk.row_lines.put(BatchChunk::key(i % chunk_reports, row.id.index),
                          static_cast<std::uint32_t>(*line));
  for (const auto field : stored_fields) {
    auto text = cchc::metadata_field(report.metadata(), field);
    if (text && !text->empty())
      if (auto r = set_metadata_field(i, field, *text); !r) return r.error();
  }
  return i;
}

namespace {

std::pair<const BatchChunk*, std::size_t> locate(
    const std::vector<std::unique_ptr<BatchChunk>>& chunks, std::size_t report) {
  return {chunks[report / Batch::chunk_reports].get(), report % Batch::chunk_reports};
}

}  // namespace

Cell Batch::cell(std::size_t report, RowId row) const {
  Expects(report < size_ && row.index < catalog_->size());
  const auto [chunk, i] = locate(chunks_, report);
  const Column& c = chunk->columns[row.index];
  Cell out;
  out.state = c.states.get(i);
  if (out.state == CellState::reported) {
    out.number = c.numbers.get(i);
    if (catalog_->row(row).kind == Kind::pair) out.second = c.seconds.get(i);
    out.scale = c.scale_at(i);
  }
  return out;
}

void Batch::read_column(RowId row, std::size_t first, std::span<std::int64_t> numbers,
                        std::span<CellState> states) const {
  Expects(row.index < catalog_->size() && first + numbers.size() <= size_);
  Expects(states.empty() || states.size() == numbers.size());
  std::size_t done = 0;
  while (done < numbers.size()) {
    const auto [chunk, i] = locate(chunks_, first + done);
    const std::size_t n = std::min(numbers.size() - done, chunk->size - i);
    const Column& c = chunk->columns[row.index];
    std::int64_t* out = numbers.data() + done;
    c.numbers.decode(i, n, out);
    if (c.states.all(CellState::reported)) {
      if (!states.empty()) std::fill_n(states.data() + done, n, CellState::reported);
    } else {
      for (std::size_t j = 0; j < n; ++j) {
        const CellState s = c.states.get(i + j);
        if (s != CellState::reported) out[j] = 0;
        if (!states.empty()) states[done + j] = s;
      }
    }
    done += n;
  }
}

std::string_view Batch::written(std::size_t report, RowId row) const {
  Expects(report < size_ && row.index < catalog_->size());
  const auto [chunk, i] = locate(chunks_, report);
  const std::uint32_t* code = chunk->written.find(BatchChunk::key(i, row.index));
  return code ? std::string_view(metadata_->texts.values[*code]) : std::string_view{};
}

result<void> Batch::set(std::size_t report, RowId row, const Cell& cell, std::string_view written) {
  Expects(report < size_ && row.index < catalog_->size());
  const Row& def = catalog_->row(row);
  if (auto ok = storable(def, cell); !ok) return ok;
  BatchChunk& chunk = *chunks_[report / chunk_reports];
  const std::size_t i = report % chunk_reports;
  store(chunk.columns[row.index], def.kind, i, chunk.size, cell);
  const auto key = BatchChunk::key(i, row.index);
  const bool keep = cell.reported() ? !written.empty() && !is_canonical(written, cell, def.kind)
                                    : !written.empty();
  if (keep) chunk.written.put(key, metadata_->texts.code(written));
  else chunk.written.erase(key);
  return {};
}

void detail::BatchAccess::keep_written(Batch& b, std::size_t report, RowId row,
                                       std::string_view written) {
  BatchChunk& chunk = *b.chunks_[report / Batch::chunk_reports];
  chunk.written.put(BatchChunk::key(report % Batch::chunk_reports, row.index),
                    b.metadata_->texts.code(written));
}

std::size_t Batch::source_line(std::size_t report) const {
  Expects(report < size_);
  const auto [chunk, i] = locate(chunks_, report);
  return chunk->lines.empty() ? 0 : chunk->lines[i];
}

std::size_t Batch::source_line(std::size_t report, RowId row) const {
  Expects(report < size_ && row.index < catalog_->size());
  const auto [chunk, i] = locate(chunks_, report);
  if (const auto* line = chunk->row_lines.find(BatchChunk::key(i, row.index))) return *line;
  return chunk->lines.empty() ? 0 : chunk->lines[i];
}

void Batch::set_source_line(std::size_t report, std::size_t line) {
  Expects(report < size_);
  BatchChunk& chunk = *chunks_[report / chunk_reports];
  if (chunk.lines.empty()) {
    if (line == 0) return;
    chunk.lines.assign(chunk.size, 0);
  }
  chunk.lines[report % chunk_reports] = static_cast<std::uint32_t>(line);
}

namespace {

template <class Fields>  // Batch::Dictionary's fields
Metadata stored_metadata(const BatchChunk& chunk, std::size_t i, const Fields& dict,
                         const Catalog& catalog) {
  Metadata m;
  m.catalog_id = catalog.id();
  m.catalog_version = catalog.version();
  for (std::size_t f = 0; f < chunk.metadata.size(); ++f) {
    if (chunk.metadata[f].empty() || chunk.metadata[f][i] == 0) continue;
    // Stored values were validated when they were set.
    (void)cchc::set_metadata_field(m, stored_fields[f], dict[f].values[chunk.metadata[f][i]]);
  }
  return m;
}

}  // namespace

result<std::string> Batch::metadata_field(std::size_t report, std::string_view field) const {
  Expects(report < size_);
  const auto [chunk, i] = locate(chunks_, report);
  if (auto f = stored_index(field)) {
    if (*f >= chunk->metadata.size() || chunk->metadata[*f].empty()) return std::string();
    return metadata_->fields[*f].values[chunk->metadata[*f][i]];
  }
  return cchc::metadata_field(stored_metadata(*chunk, i, metadata_->fields, *catalog_), field);
}

result<void> Batch::set_metadata_field(std::size_t report, std::string_view field,
                                       std::string_view value) {
  Expects(report < size_);
  BatchChunk& chunk = *chunks_[report / chunk_reports];
  const std::size_t i = report % chunk_reports;
  auto store = [&](std::size_t f, std::uint32_t code) {
    if (chunk.metadata.size() <= f) chunk.metadata.resize(stored_fields.size());
    auto& column = chunk.metadata[f];
    if (column.empty()) {
      if (code == 0) return;
      column.assign(chunk.size, 0);
    }
    column[i] = code;
  };
  const auto f = stored_index(field);
  if (f) {
    auto& dict = metadata_->fields[*f];
    const std::uint32_t* known = value.empty() ? nullptr : dict.find(value);
    if (value.empty() || known || free_text(field)) {
      store(*f, value.empty() ? 0 : known ? *known : dict.code(value));
      return {};
    }
  }
  // A value not seen before, or a field that is a view of another: through the one schema.
  Metadata m = stored_metadata(chunk, i, metadata_->fields, *catalog_);
  if (auto r = cchc::set_metadata_field(m, field, std::string(value)); !r) return r;
  for (std::size_t k = 0; k < stored_fields.size(); ++k) {
    const std::string text = cchc::metadata_field(m, stored_fields[k]).value();
    const bool have = k < chunk.metadata.size() && !chunk.metadata[k].empty();
    if (text.empty() && !have) continue;
    store(k, metadata_->fields[k].code(text));
  }
  // The text as given maps to the same code, so the next report with it takes the fast path.
  if (f && !free_text(field)) {
    auto& dict = metadata_->fields[*f];
    const auto code = chunk.metadata[*f][i];
    dict.codes.emplace(std::string(value), code);
  }
  return {};
}

void Batch::add_input_finding(std::size_t report, Finding finding) {
  Expects(report < size_);
  input_findings_.push_back({report, std::move(finding)});
}

Report Batch::report(std::size_t index) const {
  Expects(index < size_);
  const auto [chunk, i] = locate(chunks_, index);
  Report out(catalog_);
  out.metadata() = stored_metadata(*chunk, i, metadata_->fields, *catalog_);
  for (const Row& row : catalog_->rows()) {
    const Cell c = cell(index, row.id);
    const std::string_view text = written(index, row.id);
    if (c.state != CellState::not_reported || !text.empty())
      (void)out.set(row.id, to_value(c, row, text));
  }
  for (const Row& row : catalog_->rows())
    if (const std::size_t line = source_line(index, row.id); line != 0)
      out.set_source_line(row.id, line);
  return out;
}

std::size_t Batch::memory_bytes() const noexcept {
  std::size_t n = chunks_.capacity() * sizeof(void*);
  for (const auto& chunk : chunks_) {
    n += sizeof(BatchChunk) + chunk->columns.capacity() * sizeof(Column);
    for (const Column& c : chunk->columns)
      n += c.numbers.bytes() + c.seconds.bytes() + c.states.bits.capacity() + c.scales.capacity();
    n += chunk->written.capacity_bytes() + chunk->row_lines.capacity_bytes();
    n += chunk->lines.capacity() * sizeof(std::uint32_t);
    for (const auto& m : chunk->metadata) n += sizeof(m) + m.capacity() * sizeof(std::uint32_t);
  }
  for (const auto& field : metadata_->fields)
    for (const auto& v : field.values) n += sizeof(v) + 2 * v.capacity() + 32;
  for (const auto& v : metadata_->texts.values) n += sizeof(v) + 2 * v.capacity() + 32;
  for (const auto& f : input_findings_) n += sizeof(f) + f.finding.message_vi.size() + f.finding.message_en.size();
  return n;
}

}  // namespace cchc
