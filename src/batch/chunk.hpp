// SPDX-License-Identifier: MIT
// Internal: how a Batch stores its cells. A chunk holds up to Batch::chunk_reports reports, one
// Column per catalogue row. While a chunk is being filled a column's numbers widen as values
// need (0, 1, 2, 4, 8 bytes); when it is full it is sealed: each column's numbers become offsets
// from its smallest value in the narrowest width that fits, and uniform states and scales
// collapse to one value. The columnar evaluator reads columns through decode_*() below.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "cchc/batch.hpp"
#include "cchc/cell.hpp"

namespace cchc::detail {

/// The bytes an offset from a base needs: 0, 1, 2, 4 or 8.
[[nodiscard]] inline std::uint8_t width_for(std::uint64_t max_offset) noexcept {
  if (max_offset == 0) return 0;
  if (max_offset <= 0xFF) return 1;
  if (max_offset <= 0xFFFF) return 2;
  if (max_offset <= 0xFFFFFFFFu) return 4;
  return 8;
}

struct PackedStates;

/// Integers as offsets from a base, `width` bytes each (0: all equal to the base).
struct PackedInts {
  std::int64_t base = 0;
  std::uint8_t width = 0;  // a new chunk starts narrow and widens as values come
  std::vector<std::uint8_t> data;

  [[nodiscard]] std::int64_t get(std::size_t i) const noexcept {
    std::uint64_t off = 0;
    switch (width) {
      case 0: break;
      case 1: off = data[i]; break;
      case 2: { std::uint16_t v; std::memcpy(&v, &data[i * 2], 2); off = v; break; }
      case 4: { std::uint32_t v; std::memcpy(&v, &data[i * 4], 4); off = v; break; }
      default: std::memcpy(&off, &data[i * 8], 8); break;
    }
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(base) + off);
  }
  /// Writes out[0..n) = values i0..i0+n.
  void decode(std::size_t i0, std::size_t n, std::int64_t* out) const noexcept;
  /// Stores v at i when it fits the current encoding; false otherwise.
  [[nodiscard]] bool try_set(std::size_t i, std::int64_t v) noexcept {
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
  /// Stores v at i of `size` values, widening the encoding when it does not fit.
  void put(std::size_t i, std::int64_t v, std::size_t size) {
    if (try_set(i, v)) return;
    widen(size, v);
    (void)try_set(i, v);
  }
  void push_base() { data.resize(data.size() + width, 0); }
  /// Appends v as value `size - 1`. Inline: a reader appends nearly every cell this way.
  void push(std::int64_t v, std::size_t size) {
    push_base();
    put(size - 1, v, size);
  }
  /// Writes v[0..size) in the current width and base, which they must fit.
  void encode(const std::int64_t* v, std::size_t size) noexcept;
  /// Re-encodes `size` values in the narrowest width that holds the reported ones, from their
  /// smallest. A blank's value is no figure (a cell's number is read only when reported), so it
  /// takes the smallest figure's and widens nothing.
  void seal(std::size_t size, const PackedStates& states);
  /// Re-encodes `size` values so that `v` fits too, at least one width step wider (so that a
  /// column widens at most four times).
  void widen(std::size_t size, std::int64_t v);
  [[nodiscard]] std::size_t bytes() const noexcept { return data.capacity(); }
};

/// Cell states, two bits each, or one state for the whole chunk.
struct PackedStates {
  CellState uniform = CellState::not_reported;
  std::vector<std::uint8_t> bits;  // empty when uniform

  [[nodiscard]] CellState get(std::size_t i) const noexcept {
    if (bits.empty()) return uniform;
    const unsigned byte = bits[i / 4];
    const auto shift = static_cast<unsigned>(2 * (i % 4));
    return static_cast<CellState>((byte >> shift) & 3u);
  }
  void set(std::size_t i, CellState s, std::size_t size) {
    if (bits.empty() && s == uniform) return;  // the usual case, inline
    set_bits(i, s, size);
  }
  void set_bits(std::size_t i, CellState s, std::size_t size);
  void seal(std::size_t size);
  [[nodiscard]] bool all(CellState s) const noexcept { return bits.empty() && uniform == s; }
};

struct Column {
  PackedInts numbers;
  PackedInts seconds;               // pairs only
  PackedStates states;
  std::uint8_t scale = 0;           // percents: the scale of every cell, unless `scales`
  std::vector<std::uint8_t> scales; // percents: per cell, when they differ
  [[nodiscard]] std::uint8_t scale_at(std::size_t i) const noexcept {
    return scales.empty() ? scale : scales[i];
  }
};

/// A few values keyed by (report in chunk, row), sorted by key: 4 bytes of key beside each value
/// instead of a tree node's 40. Reports are added in order, so filling a chunk only appends.
template <class V>
class SparseCells {
 public:
  [[nodiscard]] const V* find(std::uint32_t key) const noexcept {
    const auto it = lower(key);
    return it != items_.end() && it->first == key ? &it->second : nullptr;
  }
  void put(std::uint32_t key, V value) {
    if (items_.empty() || items_.back().first < key) {
      items_.emplace_back(key, std::move(value));
      return;
    }
    const auto it = lower(key);
    if (it != items_.end() && it->first == key) it->second = std::move(value);
    else items_.emplace(it, key, std::move(value));
  }
  void erase(std::uint32_t key) {
    const auto it = lower(key);
    if (it != items_.end() && it->first == key) items_.erase(it);
  }
  void shrink_to_fit() { items_.shrink_to_fit(); }
  [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
  [[nodiscard]] auto begin() const noexcept { return items_.begin(); }
  [[nodiscard]] auto end() const noexcept { return items_.end(); }
  [[nodiscard]] std::size_t capacity_bytes() const noexcept {
    return items_.capacity() * sizeof(typename decltype(items_)::value_type);
  }

 private:
  using Items = std::vector<std::pair<std::uint32_t, V>>;
  [[nodiscard]] typename Items::const_iterator lower(std::uint32_t key) const noexcept {
    return std::lower_bound(items_.begin(), items_.end(), key,
                            [](const auto& item, std::uint32_t k) { return item.first < k; });
  }
  [[nodiscard]] typename Items::iterator lower(std::uint32_t key) noexcept {
    return std::lower_bound(items_.begin(), items_.end(), key,
                            [](const auto& item, std::uint32_t k) { return item.first < k; });
  }
  Items items_;
};

struct BatchChunk {
  std::size_t size = 0;
  bool sealed = false;
  std::vector<Column> columns;                  // one per catalogue row
  SparseCells<std::uint32_t> written;  // key(index, row) → the text as written, a dictionary code
  std::vector<std::uint32_t> lines;    // source lines; empty while all are unknown
  SparseCells<std::uint32_t> row_lines;  // key(index, row) → a row's own line
  std::vector<std::vector<std::uint32_t>> metadata;  // per field: dictionary codes, 0 = unset

  // A report's index in its chunk (12 bits) and a row (20 bits: a catalogue has fewer rows).
  static constexpr unsigned row_bits = 20;
  [[nodiscard]] static std::uint32_t key(std::size_t i, std::uint32_t row) noexcept {
    return static_cast<std::uint32_t>(i << row_bits) | row;
  }
};

/// The columnar evaluator's view of a batch's chunks.
struct BatchAccess {
  static const std::vector<std::unique_ptr<BatchChunk>>& chunks(const Batch& b) noexcept {
    return b.chunks_;
  }
  /// Keeps `written` as the text of a cell already stored, which its reader found not to be
  /// the cell's canonical writing: Batch::set()'s work without storing and comparing again.
  static void keep_written(Batch& b, std::size_t report, RowId row, std::string_view written);
  /// The line one row's value was read from, for a report appended from its cells.
  static void keep_row_line(Batch& b, std::size_t report, RowId row, std::uint32_t line);
};

}  // namespace cchc::detail
