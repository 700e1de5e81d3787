// SPDX-License-Identifier: MIT
// How a chunk's columns are packed (chunk.hpp): encoding, widening and sealing.
#include "chunk.hpp"

#include <algorithm>
#include <optional>

namespace cchc::detail {

namespace {

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

void PackedInts::seal(std::size_t size, const PackedStates& states) {
  if (size == 0) return;
  std::vector<std::int64_t> v(size);
  decode(0, size, v.data());
  std::optional<std::int64_t> lo, hi;
  for (std::size_t i = 0; i < size; ++i)
    if (states.get(i) == CellState::reported) {
      lo = std::min(lo.value_or(v[i]), v[i]);
      hi = std::max(hi.value_or(v[i]), v[i]);
    }
  if (!states.all(CellState::reported))
    for (std::size_t i = 0; i < size; ++i)
      if (states.get(i) != CellState::reported) v[i] = lo.value_or(0);
  base = lo.value_or(0);
  width = width_for(static_cast<std::uint64_t>(hi.value_or(0)) - static_cast<std::uint64_t>(base));
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
  // A column of one value that widens counts from 0 when its figures are not negative (they
  // rarely are), so that a later, smaller figure fits without widening it again.
  std::int64_t lo = width == 0 ? std::min<std::int64_t>(v, 0) : v, hi = v;
  for (const std::int64_t x : values) lo = std::min(lo, x), hi = std::max(hi, x);
  const std::uint8_t next = width == 0 ? 1 : width >= 4 ? 8 : static_cast<std::uint8_t>(width * 2);
  width = std::max(next, width_for(static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo)));
  base = width == 8 ? 0 : lo;
  data.assign(size * width, 0);
  encode(values.data(), size);
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

}  // namespace cchc::detail
