// SPDX-License-Identifier: MIT
#include "cchc/input.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "cchc/io.hpp"
#include "cchc/json.hpp"

namespace cchc {
namespace {

std::string example(std::string_view name) {
  return std::string(CCHC_EXAMPLE_DATA_DIR) + "/" + std::string(name);
}

// A copy of `from` under another name, so that only the content can tell the format.
std::string renamed(const std::string& from, std::string_view name) {
  const auto path = (std::filesystem::path(::testing::TempDir()) / name).string();
  EXPECT_TRUE(write_file(path, read_file(from).value()));
  return path;
}

TEST(Input, FormatByContent) {
  EXPECT_EQ(detect_format("%PDF-1.7\n"), InputFormat::pdf);
  EXPECT_EQ(detect_format("{\"format\": \"cchc.report/1\"}"), InputFormat::json);
  EXPECT_EQ(detect_format(" \r\n\t{"), InputFormat::json);
  EXPECT_EQ(detect_format("\xEF\xBB\xBF{"), InputFormat::json);
  EXPECT_EQ(detect_format("UBND TỈNH SƠN LA\n"), InputFormat::text);
  EXPECT_EQ(detect_format(""), InputFormat::text);
  EXPECT_EQ(detect_format("%PDF"), InputFormat::text);  // too short to be the signature
  EXPECT_EQ(to_string(InputFormat::pdf), "pdf");
}

TEST(Input, ReadsJsonWithoutEvidence) {
  const Reading r = read_document(example("seed-report.json")).value();
  EXPECT_EQ(r.format, InputFormat::json);
  EXPECT_EQ(r.evidence_ptr(), nullptr);
  EXPECT_EQ(text_of(r.report.value("B4:1.4").value()), "33,3");
}

TEST(Input, ReadsTextWithItsEvidence) {
  const Reading r = read_document(example("seed-report.txt")).value();
  EXPECT_EQ(r.format, InputFormat::text);
  ASSERT_NE(r.evidence_ptr(), nullptr);
  EXPECT_TRUE(r.evidence->coverage.complete());
  EXPECT_FALSE(r.evidence->narrative.citations.empty());
  EXPECT_EQ(text_of(r.report.value("B4:1.4").value()), "33,3");
}

TEST(Input, TheContentDecidesNotTheName) {
  const Reading json = read_document(renamed(example("seed-report.json"), "cchc-report.txt")).value();
  EXPECT_EQ(json.format, InputFormat::json);
  const Reading text = read_document(renamed(example("seed-report.txt"), "cchc-report.json")).value();
  EXPECT_EQ(text.format, InputFormat::text);
  EXPECT_EQ(text_of(text.report.value("B4:1.4").value()), "33,3");
}

TEST(Input, ErrorsNameTheFile) {
  const auto missing = read_document("/nonexistent/report.json");
  EXPECT_EQ(missing.error().code, errc::io_error);
  EXPECT_NE(missing.error().describe().find("/nonexistent/report.json"), std::string::npos);
  // A name that promises a PDF the content is not.
  const auto fake = renamed(example("seed-report.txt"), "cchc-fake.pdf");
  EXPECT_EQ(read_document(fake).error().code, errc::io_error);
  // Limits apply to whatever reader is chosen.
  Limits tiny;
  tiny.json.max_bytes = 10;
  EXPECT_EQ(read_document(example("seed-report.json"), builtin_catalog(), tiny).error().code,
            errc::limit_exceeded);
  tiny = {};
  tiny.text.max_bytes = 10;
  EXPECT_EQ(read_document(example("seed-report.txt"), builtin_catalog(), tiny).error().code,
            errc::limit_exceeded);
}

}  // namespace
}  // namespace cchc
