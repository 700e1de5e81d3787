// SPDX-License-Identifier: MIT
// cchc/io.hpp: files, read and written in one place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "cchc/error.hpp"

namespace cchc {

/// The whole file; errc::io_error naming the file when it cannot be read, errc::limit_exceeded
/// when it holds more than `max_bytes` (read no further than that, so /dev/zero is refused too).
[[nodiscard]] result<std::string> read_file(const std::filesystem::path& path,
                                            std::size_t max_bytes = SIZE_MAX);
/// At most the first `bytes` bytes of a file: enough to tell its format.
[[nodiscard]] result<std::string> read_head(const std::filesystem::path& path, std::size_t bytes);
/// Writes the whole file, replacing it: errc::io_error naming the file on failure.
[[nodiscard]] result<void> write_file(const std::filesystem::path& path, std::string_view data);

}  // namespace cchc
