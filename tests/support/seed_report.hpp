// SPDX-License-Identifier: MIT
// Test helper: the bundled example report (examples/data/seed-report.json), loaded once.
#pragma once

#include <string>

#include "cchc/json.hpp"
#include "cchc/report.hpp"

namespace cchc::testing {

inline const Report& seed_report() {
  static const Report r =
      load_report(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.json").value();
  return r;
}

}  // namespace cchc::testing
