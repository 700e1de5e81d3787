// SPDX-License-Identifier: MIT
// Test support: Arrow C Data Interface tables built by hand, as a producer (pandas, DuckDB) would
// hand them over. The table owns every buffer; its release callbacks only mark the structs
// released, as the interface requires, so a consumer that releases them (the C API) can.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cchc/arrow.h"

namespace cchc::testing {

class ArrowTable {
 public:
  ArrowTable() {
    root_schema_.format = "+s";
    root_schema_.release = release_schema;
    root_array_.release = release_array;
    root_array_.n_buffers = 1;
    root_buffers_.push_back(nullptr);
  }
  ArrowTable(const ArrowTable&) = delete;
  ArrowTable& operator=(const ArrowTable&) = delete;

  template <class T>
  void add_numbers(std::string name, const char* format, const std::vector<std::optional<T>>& v) {
    auto [s, a] = column(std::move(name), format, static_cast<std::int64_t>(v.size()));
    std::vector<T> data(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) data[i] = v[i].value_or(T{});
    a->buffers = buffers({validity(v), bytes(data.data(), data.size() * sizeof(T))});
    a->null_count = nulls(v);
  }
  void add_int64(std::string name, const std::vector<std::optional<std::int64_t>>& v) {
    add_numbers<std::int64_t>(std::move(name), "l", v);
  }
  void add_double(std::string name, const std::vector<std::optional<double>>& v) {
    add_numbers<double>(std::move(name), "g", v);
  }
  void add_bool(std::string name, const std::vector<std::optional<bool>>& v) {
    auto [s, a] = column(std::move(name), "b", static_cast<std::int64_t>(v.size()));
    std::vector<std::uint8_t> bits((v.size() + 7) / 8);
    for (std::size_t i = 0; i < v.size(); ++i)
      if (v[i].value_or(false)) bits[i / 8] = static_cast<std::uint8_t>(bits[i / 8] | (1u << (i % 8)));
    a->buffers = buffers({validity(v), bytes(bits.data(), bits.size())});
    a->null_count = nulls(v);
  }
  /// A decimal128(precision, scale) column of values that fit 64 bits.
  void add_decimal(std::string name, int precision, int scale,
                   const std::vector<std::optional<std::int64_t>>& v) {
    formats_.push_back("d:" + std::to_string(precision) + "," + std::to_string(scale));
    auto [s, a] = column(std::move(name), formats_.back().c_str(), static_cast<std::int64_t>(v.size()));
    std::vector<std::int64_t> words(2 * v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      words[2 * i] = v[i].value_or(0);
      words[2 * i + 1] = v[i].value_or(0) < 0 ? -1 : 0;
    }
    a->buffers = buffers({validity(v), bytes(words.data(), words.size() * 8)});
    a->null_count = nulls(v);
  }
  void add_strings(std::string name, const std::vector<std::optional<std::string>>& v) {
    auto [s, a] = column(std::move(name), "u", static_cast<std::int64_t>(v.size()));
    fill_strings(*a, v);
  }
  /// Dictionary-encoded strings: int32 indices (nullopt: null) into `dictionary`.
  void add_dictionary(std::string name, const std::vector<std::optional<std::int32_t>>& indices,
                      const std::vector<std::optional<std::string>>& dictionary) {
    auto [s, a] = column(std::move(name), "i", static_cast<std::int64_t>(indices.size()));
    std::vector<std::int32_t> data(indices.size());
    for (std::size_t i = 0; i < indices.size(); ++i) data[i] = indices[i].value_or(0);
    a->buffers = buffers({validity(indices), bytes(data.data(), data.size() * 4)});
    a->null_count = nulls(indices);
    auto& ds = owned_schemas_.emplace_back(std::make_unique<ArrowSchema>());
    *ds = ArrowSchema{};
    ds->format = "u";
    ds->release = release_schema;
    s->dictionary = ds.get();
    auto& da = owned_arrays_.emplace_back(std::make_unique<ArrowArray>());
    *da = ArrowArray{};
    da->release = release_array;
    da->length = static_cast<std::int64_t>(dictionary.size());
    fill_strings(*da, dictionary);
    a->dictionary = da.get();
  }
  /// Pairs as a fixed-size list of two int64 ("+w:2").
  void add_pairs(std::string name, const std::vector<std::optional<std::pair<std::int64_t, std::int64_t>>>& v) {
    auto [s, a] = column(std::move(name), "+w:2", static_cast<std::int64_t>(v.size()));
    a->buffers = buffers({validity(v)});
    a->n_buffers = 1;
    a->null_count = nulls(v);
    std::vector<std::int64_t> items;
    for (const auto& p : v) {
      items.push_back(p ? p->first : 0);
      items.push_back(p ? p->second : 0);
    }
    auto& cs = owned_schemas_.emplace_back(std::make_unique<ArrowSchema>());
    *cs = ArrowSchema{};
    cs->format = "l";
    cs->name = "item";
    cs->release = release_schema;
    auto& ca = owned_arrays_.emplace_back(std::make_unique<ArrowArray>());
    *ca = ArrowArray{};
    ca->release = release_array;
    ca->length = static_cast<std::int64_t>(items.size());
    ca->n_buffers = 2;
    ca->buffers = buffers({nullptr, bytes(items.data(), items.size() * 8)});
    child_lists_.push_back({cs.get()});
    s->children = child_lists_.back().data();
    s->n_children = 1;
    array_lists_.push_back({ca.get()});
    a->children = array_lists_.back().data();
    a->n_children = 1;
  }

  /// The table; valid while this object lives. `offset` slices the first records away.
  ArrowSchema& schema() {
    root_schema_.n_children = static_cast<std::int64_t>(schemas_.size());
    root_schema_.children = schemas_.data();
    root_schema_.release = release_schema;
    return root_schema_;
  }
  ArrowArray& array(std::int64_t offset = 0) {
    root_array_.length = length_ - offset;
    root_array_.offset = offset;
    root_array_.n_children = static_cast<std::int64_t>(arrays_.size());
    root_array_.children = arrays_.data();
    root_array_.buffers = root_buffers_.data();
    root_array_.release = release_array;
    return root_array_;
  }
  /// Marks record `i` of the table itself null.
  void null_record(std::size_t i) {
    if (root_bits_.empty()) root_bits_.assign(static_cast<std::size_t>(length_ + 7) / 8, 0xFF);
    root_bits_[i / 8] = static_cast<std::uint8_t>(root_bits_[i / 8] & ~(1u << (i % 8)));
    root_buffers_[0] = root_bits_.data();
    root_array_.null_count = 1;
  }

 private:
  static void release_schema(ArrowSchema* s) { s->release = nullptr; }
  static void release_array(ArrowArray* a) { a->release = nullptr; }

  std::pair<ArrowSchema*, ArrowArray*> column(std::string name, const char* format,
                                              std::int64_t length) {
    length_ = length;
    names_.push_back(std::move(name));
    auto& s = owned_schemas_.emplace_back(std::make_unique<ArrowSchema>());
    *s = ArrowSchema{};
    s->format = format;
    s->name = names_.back().c_str();
    s->flags = ARROW_FLAG_NULLABLE;
    s->release = release_schema;
    auto& a = owned_arrays_.emplace_back(std::make_unique<ArrowArray>());
    *a = ArrowArray{};
    a->length = length;
    a->n_buffers = 2;
    a->release = release_array;
    schemas_.push_back(s.get());
    arrays_.push_back(a.get());
    return {s.get(), a.get()};
  }
  const void* bytes(const void* p, std::size_t n) {
    auto& b = data_.emplace_back(n + 1);
    if (n) std::memcpy(b.data(), p, n);
    return b.data();
  }
  const void** buffers(std::vector<const void*> list) {
    buffer_lists_.push_back(std::move(list));
    return buffer_lists_.back().data();
  }
  template <class T>
  const void* validity(const std::vector<std::optional<T>>& v) {
    if (nulls(v) == 0) return nullptr;
    std::vector<std::uint8_t> bits((v.size() + 7) / 8);
    for (std::size_t i = 0; i < v.size(); ++i)
      if (v[i]) bits[i / 8] = static_cast<std::uint8_t>(bits[i / 8] | (1u << (i % 8)));
    return bytes(bits.data(), bits.size());
  }
  template <class T>
  static std::int64_t nulls(const std::vector<std::optional<T>>& v) {
    std::int64_t n = 0;
    for (const auto& x : v) n += !x;
    return n;
  }
  void fill_strings(ArrowArray& a, const std::vector<std::optional<std::string>>& v) {
    std::vector<std::int32_t> offsets{0};
    std::string chars;
    for (const auto& x : v) {
      chars += x.value_or("");
      offsets.push_back(static_cast<std::int32_t>(chars.size()));
    }
    a.n_buffers = 3;
    a.buffers = buffers({validity(v), bytes(offsets.data(), offsets.size() * 4),
                         bytes(chars.data(), chars.size())});
    a.null_count = nulls(v);
  }

  ArrowSchema root_schema_{};
  ArrowArray root_array_{};
  std::int64_t length_ = 0;
  std::vector<const void*> root_buffers_;
  std::vector<std::uint8_t> root_bits_;
  std::vector<ArrowSchema*> schemas_;
  std::vector<ArrowArray*> arrays_;
  std::deque<std::string> names_, formats_;
  std::deque<std::unique_ptr<ArrowSchema>> owned_schemas_;
  std::deque<std::unique_ptr<ArrowArray>> owned_arrays_;
  std::deque<std::vector<unsigned char>> data_;
  std::deque<std::vector<const void*>> buffer_lists_;
  std::deque<std::vector<ArrowSchema*>> child_lists_;
  std::deque<std::vector<ArrowArray*>> array_lists_;
};

}  // namespace cchc::testing
