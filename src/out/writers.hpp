// SPDX-License-Identifier: MIT
// Internal: the writer of each format, for writer() (out/writer.cpp).
#pragma once

#include "cchc/output.hpp"

namespace cchc::detail {

[[nodiscard]] const Writer& text_writer() noexcept;  // out/text/text_writer.cpp
[[nodiscard]] const Writer& json_writer() noexcept;  // out/json/json_writer.cpp

}  // namespace cchc::detail
