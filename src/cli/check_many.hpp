// SPDX-License-Identifier: MIT
// `cchc check` over many reports: several files, folders, CSV and JSON Lines files, checked as
// batches (batch.hpp) with per-rule counts, findings streamed on request.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cchc/cchc.hpp"

namespace cchc::cli {

struct CheckManyOptions {
  std::vector<std::string> inputs;  // files and folders
  OutputFormat format = OutputFormat::text;
  Language lang = Language::vi;
  unsigned threads = 0;  // 0: every core
  bool summary = false;
  bool findings = false;
  /// Write the summary as a document in this format (render.hpp) instead of text or JSON, to
  /// `output` or else to stdout.
  std::optional<RenderFormat> document;
  std::string output;
  OcrOptions ocr;  // how a scan among the inputs is recognised
};

/// True when `inputs` need the batch path: more than one, a folder, a CSV or a JSONL file.
[[nodiscard]] bool needs_batch(const std::vector<std::string>& inputs);

/// Checks every report; exit code 0 (no errors), 1 (errors found), 2 (an input or a line could
/// not be read; each is named on stderr).
[[nodiscard]] int check_many(const CheckManyOptions& o, const RuleSet& rules);

}  // namespace cchc::cli
