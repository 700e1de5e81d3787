// SPDX-License-Identifier: MIT
#include "cchc/io.hpp"

#include <filesystem>

#include <gtest/gtest.h>

namespace cchc {
namespace {

TEST(Io, WriteThenReadTheSameBytes) {
  const auto path = (std::filesystem::path(::testing::TempDir()) / "cchc-io.bin").string();
  const std::string data = std::string("Sở Khoa học") + '\0' + "và\nCông nghệ";
  ASSERT_TRUE(write_file(path, data));
  EXPECT_EQ(read_file(path).value(), data);
  EXPECT_EQ(read_head(path, 4).value(), data.substr(0, 4));
  EXPECT_EQ(read_head(path, 1000).value(), data);  // a short file: all of it
  EXPECT_EQ(read_file(path, data.size() - 1).error().code, errc::limit_exceeded);
  std::filesystem::remove(path);
}

TEST(Io, MissingFilesAreIoErrorsThatNameTheFile) {
  for (const auto& r : {read_file("/nonexistent/x"), read_head("/nonexistent/x", 8)}) {
    EXPECT_EQ(r.error().code, errc::io_error);
    EXPECT_NE(r.error().describe().find("/nonexistent/x"), std::string::npos);
  }
  EXPECT_EQ(write_file("/nonexistent/dir/x", "a").error().code, errc::io_error);
}

}  // namespace
}  // namespace cchc
