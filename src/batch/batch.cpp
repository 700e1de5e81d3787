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
    c.states.seal(chunk.size);
    c.numbers.seal(chunk.size, c.states);
    // Only a pair's column has second numbers.
    if (catalog.rows()[r].kind == Kind::pair) c.seconds.seal(chunk.size, c.states);
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

// What a column can hold: no figure on a heading, at most Decimal::max_scale decimals, and
// figures of at most Decimal::max_digits digits (a larger one would not read back).
bool storable(Kind kind, const Cell& c) noexcept {
  if (c.scale > Decimal::max_scale) return false;
  if (c.state != CellState::reported) return true;
  const auto fits = [](std::int64_t n) {
    return n <= Decimal::max_units && n >= -Decimal::max_units;
  };
  return kind != Kind::heading && fits(c.number) && fits(c.second);
}

// storable(), with the reason when not.
result<void> storable(const Row& row, const Cell& c) {
  if (storable(row.kind, c)) return {};
  if (row.kind == Kind::heading && c.state == CellState::reported)
    return make_error(errc::kind_mismatch, "dòng tiêu đề không có số liệu",
                      "a heading row takes no value", row.address());
  if (c.scale > Decimal::max_scale)
    return make_error(errc::out_of_range, "quá nhiều chữ số thập phân", "too many decimals",
                      row.address());
  return make_error(errc::out_of_range,
                    fmt::format("số quá lớn, tối đa {} chữ số", Decimal::max_digits),
                    fmt::format("number too large, at most {} digits", Decimal::max_digits),
                    row.address());
}

// A percent cell's scale at index i: one scale for the column until two cells differ.
void store_scale(Column& c, std::size_t i, std::size_t size, const Cell& cell) {
  if (!cell.reported()) return;
  if (c.scales.empty() && cell.scale != c.scale) c.scales.assign(size, c.scale);
  if (!c.scales.empty()) c.scales[i] = cell.scale;
}

// Appends a cell to a column of `size` cells, the new one included.
void append_cell(Column& c, Kind kind, std::size_t size, const Cell& cell) {
  if (size == 1) {
    // A new chunk's first cell: the column holds that one cell, in no bytes, until one differs.
    c.states.uniform = cell.state;
    if (!cell.reported()) return;
    c.numbers.base = cell.number;
    c.seconds.base = cell.second;
    c.scale = cell.scale;
    return;
  }
  // The usual case, a cell like every one before it in a column of one cell: nothing to store.
  // (Blank cells take their column's base as their number.)
  if (cell.state == c.states.uniform && c.states.bits.empty() && c.numbers.width == 0 &&
      c.seconds.width == 0 && c.scales.empty() &&
      (!cell.reported() || (cell.number == c.numbers.base && cell.second == c.seconds.base &&
                            cell.scale == c.scale)))
    return;
  c.states.set(size - 1, cell.state, size);
  c.numbers.push(cell.reported() ? cell.number : c.numbers.base, size);
  if (kind == Kind::pair) c.seconds.push(cell.reported() ? cell.second : c.seconds.base, size);
  if (kind != Kind::percent) return;
  if (!c.scales.empty()) c.scales.push_back(0);
  store_scale(c, size - 1, size, cell);
}

// Stores a cell at index i of a column of `size` cells, widening what it does not fit.
void store(Column& c, Kind kind, std::size_t i, std::size_t size, const Cell& cell) {
  c.states.set(i, cell.state, size);
  c.numbers.put(i, cell.reported() ? cell.number : c.numbers.base, size);
  if (kind == Kind::pair) c.seconds.put(i, cell.reported() ? cell.second : c.seconds.base, size);
  if (kind == Kind::percent) store_scale(c, i, size, cell);
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
  for (const Row& row : catalog_->rows()) cells[row.id.index] = report.cell(row.id);
  const std::size_t i = append(cells);
  BatchChunk& chunk = *chunks_.back();
  for (const Row& row : catalog_->rows())
    if (const std::string_view text = report.written(row.id); !text.empty())
      chunk.written.put(BatchChunk::key(i % chunk_reports, row.id.index),
                        metadata_->texts.code(text));
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

void detail::BatchAccess::keep_row_line(Batch& b, std::size_t report, RowId row,
                                        std::uint32_t line) {
  BatchChunk& chunk = *b.chunks_[report / Batch::chunk_reports];
  chunk.row_lines.put(BatchChunk::key(report % Batch::chunk_reports, row.index), line);
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
    // An unreadable cell becomes a blank that keeps its text: a Report holds no invalid cell.
    if (c.state == CellState::invalid) (void)out.set(row.id, Cell{}, text);
    else if (c.state != CellState::not_reported || !text.empty()) (void)out.set(row.id, c, text);
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
