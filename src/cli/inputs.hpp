// SPDX-License-Identifier: MIT
// The report files a command is given: files and folders expanded, and each read whole into
// Reports (documents, JSON, JSON Lines, CSV) for the commands that need them as Reports
// (consolidate, archive). `check` streams the same inputs as batches instead (check_many.cpp).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cchc/cchc.hpp"

namespace cchc::cli {

enum class Source { csv, jsonl, document };

/// What a path holds, by its extension: a CSV or JSON Lines file of many reports, or a document.
[[nodiscard]] Source source_of(const std::filesystem::path& p);

/// Files in the order given; a folder's report files in name order, subfolders included.
[[nodiscard]] std::vector<std::filesystem::path> expand(const std::vector<std::string>& inputs);

/// A report read, and where from ("file", or "file:line" for a line of JSON Lines or CSV).
struct NamedReport {
  Report report;
  std::string source;
};

/// Every report of `inputs`. What cannot be read goes to `unreadable`, one error each, and the
/// rest is read all the same.
[[nodiscard]] std::vector<NamedReport> read_reports(const std::vector<std::string>& inputs,
                                                    const std::shared_ptr<const Catalog>& catalog,
                                                    const std::function<void(const error&)>& unreadable,
                                                    const OcrOptions& ocr = {});

/// Every report of `inputs` appended to `batch`, straight from the text for JSON Lines and CSV
/// (no Report per line); errors as read_reports(). Returns each report's source, by index.
[[nodiscard]] std::vector<std::string> read_into(Batch& batch, const std::vector<std::string>& inputs,
                                                 const std::function<void(const error&)>& unreadable,
                                                 const OcrOptions& ocr = {});

}  // namespace cchc::cli
