// SPDX-License-Identifier: MIT
// Test helper: a document's reading scored against the hand transcription of the reference
// report (examples/data/seed-report.json): rows read exactly, rows reported (unread or missing),
// and rows silently wrong, the one thing an importer must not do.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "cchc/json.hpp"
#include "cchc/text_import.hpp"

namespace cchc::testing {

/// What every import should find (text as written, "" for a blank).
inline const std::map<std::string, std::string>& expected() {
  static const auto values = [] {
    std::map<std::string, std::string> out;
    const Report r = load_report(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").value();
    for (const Row& row : r.catalog().rows())
      if (row.holds_value()) out[row.address()] = text_of(r.value(row.id));
    return out;
  }();
  return values;
}

struct Score {
  std::size_t right = 0, reported = 0;
  std::vector<std::string> wrong;  // silently wrong
};

inline Score score(const ImportedText& t, const std::map<std::string, std::string>& want = expected()) {
  Score s;
  for (const auto& [address, text] : want) {
    const std::string got = text_of(t.report.value(address).value());
    const bool reported = std::any_of(t.coverage.problems.begin(), t.coverage.problems.end(),
                                      [&](const ImportProblem& p) { return p.address == address; });
    if (reported) ++s.reported;
    else if (got == text) ++s.right;
    else s.wrong.push_back(address + ": got \"" + got + "\", want \"" + text + "\"");
  }
  return s;
}

}  // namespace cchc::testing
