// SPDX-License-Identifier: MIT
// Fuzzer bytes as a stream of choices, for the targets that do more than parse one input (the C
// API driver, the number parser's syntax options). Every read succeeds: past the end it yields
// zeros and empty strings, so any input is a complete program.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace cchc::fuzz {

class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  [[nodiscard]] bool empty() const noexcept { return pos_ >= size_; }

  std::uint8_t byte() noexcept { return empty() ? 0 : data_[pos_++]; }

  /// 0 .. n-1 (n > 0).
  std::size_t pick(std::size_t n) noexcept { return byte() % n; }

  bool flag() noexcept { return (byte() & 1) != 0; }

  std::int64_t int64() noexcept {
    // One byte chooses the size, so small and edge values are as likely as huge ones.
    switch (byte() % 8) {
      case 0: return 0;
      case 1: return INT64_MAX;
      case 2: return INT64_MIN;
      case 3: return -1;
      default: {
        std::uint64_t v = 0;
        const std::size_t bytes = 1 + pick(8);
        for (std::size_t i = 0; i < bytes; ++i) v = (v << 8) | byte();
        return static_cast<std::int64_t>(v);
      }
    }
  }

  /// Up to `max` bytes: a length byte, then that many bytes (fewer at the end of the input).
  std::string_view text(std::size_t max = 255) noexcept {
    std::size_t n = byte();
    if (n == 255) n = max;  // "the rest", within max
    if (n > max) n = max;
    if (n > size_ - pos_) n = size_ - pos_;
    std::string_view s(reinterpret_cast<const char*>(data_ + pos_), n);
    pos_ += n;
    return s;
  }

  /// Everything not yet read.
  std::string_view rest() noexcept {
    std::string_view s(reinterpret_cast<const char*>(data_ + pos_), size_ - pos_);
    pos_ = size_;
    return s;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

/// Stops the fuzzer on a broken invariant: libFuzzer saves the input that did it.
[[noreturn]] inline void broken(const char* what) {
  __builtin_fprintf(stderr, "invariant broken: %s\n", what);
  __builtin_trap();
}

}  // namespace cchc::fuzz
