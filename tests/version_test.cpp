// SPDX-License-Identifier: MIT
#include "cchc/version.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cchc {
namespace {

TEST(Version, HeaderAndLibraryAgree) {
  EXPECT_EQ(version(), CCHC_VERSION_STRING);
  const std::string parts = std::to_string(CCHC_VERSION_MAJOR) + "." +
                            std::to_string(CCHC_VERSION_MINOR) + "." +
                            std::to_string(CCHC_VERSION_PATCH);
  EXPECT_EQ(parts, CCHC_VERSION_STRING);
  EXPECT_EQ(CCHC_VERSION_NUMBER,
            CCHC_VERSION_MAJOR * 10000 + CCHC_VERSION_MINOR * 100 + CCHC_VERSION_PATCH);
}

}  // namespace
}  // namespace cchc
