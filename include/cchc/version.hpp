// SPDX-License-Identifier: MIT
// cchc/version.hpp: the library's version, at compile time (cchc/version.h) and at run time.
#pragma once

#include <string_view>

#include "cchc/version.h"

namespace cchc {
/// The version of the library actually linked, which may differ from the header's.
[[nodiscard]] std::string_view version() noexcept;
}  // namespace cchc
