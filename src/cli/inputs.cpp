// SPDX-License-Identifier: MIT
#include "inputs.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace cchc::cli {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool report_file(const fs::path& p) {
  const std::string ext = lower_extension(p);
  return ext == ".json" || ext == ".txt" || ext == ".pdf" || ext == ".docx" || ext == ".xlsx" ||
         ext == ".csv" || ext == ".jsonl" || ext == ".ndjson";
}

}  // namespace

Source source_of(const fs::path& p) {
  const std::string ext = lower_extension(p);
  if (ext == ".csv") return Source::csv;
  if (ext == ".jsonl" || ext == ".ndjson") return Source::jsonl;
  return Source::document;
}

std::vector<fs::path> expand(const std::vector<std::string>& inputs) {
  std::vector<fs::path> out;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      out.emplace_back(input);
      continue;
    }
    std::vector<fs::path> found;
    for (const auto& e : fs::recursive_directory_iterator(input, ec))
      if (e.is_regular_file() && report_file(e.path())) found.push_back(e.path());
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

std::vector<NamedReport> read_reports(const std::vector<std::string>& inputs,
                                      const std::shared_ptr<const Catalog>& catalog,
                                      const std::function<void(const error&)>& unreadable,
                                      const OcrOptions& ocr) {
  std::vector<NamedReport> out;
  for (const fs::path& path : expand(inputs)) {
    const std::string name = path.string();
    const auto sink = [&](const Batch& piece, std::size_t) -> result<void> {
      for (std::size_t i = 0; i < piece.size(); ++i)
        out.push_back({piece.report(i), fmt::format("{}:{}", name, piece.source_line(i))});
      return {};
    };
    result<ReadSummary> read = ReadSummary{};
    switch (source_of(path)) {
      case Source::csv: read = read_csv_file(path, catalog, sink); break;
      case Source::jsonl: read = read_jsonl_file(path, catalog, sink); break;
      case Source::document: {
        auto doc = read_document(path, catalog, {}, ocr);
        if (!doc) unreadable(doc.error());
        else out.push_back({std::move(doc->report), name});
        continue;
      }
    }
    if (!read) {
      unreadable(read.error());
      continue;
    }
    for (const error& e : read->skipped) unreadable(e);
  }
  return out;
}

std::vector<std::string> read_into(Batch& batch, const std::vector<std::string>& inputs,
                                   const std::function<void(const error&)>& unreadable, const OcrOptions& ocr) {
  std::vector<std::string> sources;
  for (const fs::path& path : expand(inputs)) {
    const std::string name = path.string();
    const std::size_t before = batch.size();
    result<ReadSummary> read = ReadSummary{};
    switch (source_of(path)) {
      case Source::csv:
      case Source::jsonl: {
        auto text = read_file(path);
        if (!text) {
          unreadable(text.error());
          continue;
        }
        read = source_of(path) == Source::csv ? read_csv(*text, batch, {}, name)
                                              : read_jsonl(*text, batch, name);
        break;
      }
      case Source::document: {
        auto doc = read_document(path, batch.catalog_ptr(), {}, ocr);
        if (!doc) unreadable(doc.error());
        else if (auto added = batch.add(doc->report); !added) unreadable(added.error());
        else sources.push_back(name);
        continue;
      }
    }
    if (!read) {
      unreadable(read.error());
      continue;
    }
    for (const error& e : read->skipped) unreadable(e);
    for (std::size_t i = before; i < batch.size(); ++i)
      sources.push_back(fmt::format("{}:{}", name, batch.source_line(i)));
  }
  return sources;
}

}  // namespace cchc::cli
