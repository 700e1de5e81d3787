// SPDX-License-Identifier: MIT
#include "cchc/version.hpp"

namespace cchc {
std::string_view version() noexcept { return CCHC_VERSION_STRING; }
}  // namespace cchc
