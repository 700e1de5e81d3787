// SPDX-License-Identifier: MIT
// cchc/version.hpp: the library's version, at compile time and at run time.
#pragma once

#include <string_view>

#define CCHC_VERSION_MAJOR 0
#define CCHC_VERSION_MINOR 1
#define CCHC_VERSION_PATCH 0
#define CCHC_VERSION_STRING "0.1.0"
/// major * 10000 + minor * 100 + patch, for preprocessor comparisons.
#define CCHC_VERSION_NUMBER (CCHC_VERSION_MAJOR * 10000 + CCHC_VERSION_MINOR * 100 + CCHC_VERSION_PATCH)

namespace cchc {
/// The version of the library actually linked, which may differ from the header's.
[[nodiscard]] std::string_view version() noexcept;
}  // namespace cchc
