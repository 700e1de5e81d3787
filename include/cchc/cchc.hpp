// SPDX-License-Identifier: MIT
// cchc/cchc.hpp: everything of the C++ API in one include.
//
//   #include <cchc/cchc.hpp>
//   auto report = cchc::load_report("examples/data/seed-report.json").value();
//   for (const cchc::Row& row : report.catalog().rows())
//     if (!cchc::is_absent(report.value(row.id)))
//       std::cout << row.address() << ' ' << cchc::text_of(report.value(row.id)) << '\n';
#pragma once

#include "cchc/archive.hpp"
#include "cchc/batch.hpp"
#include "cchc/batch_input.hpp"
#include "cchc/catalog.hpp"
#include "cchc/cell.hpp"
#include "cchc/check.hpp"
#include "cchc/consolidate.hpp"
#include "cchc/derive.hpp"
#include "cchc/document.hpp"
#include "cchc/error.hpp"
#include "cchc/evidence.hpp"
#include "cchc/finding.hpp"
#include "cchc/history.hpp"
#include "cchc/input.hpp"
#include "cchc/io.hpp"
#include "cchc/json.hpp"
#include "cchc/kind.hpp"
#include "cchc/limits.hpp"
#include "cchc/narrative.hpp"
#include "cchc/number.hpp"
#include "cchc/office_import.hpp"
#include "cchc/output.hpp"
#include "cchc/period.hpp"
#include "cchc/render.hpp"
#include "cchc/report.hpp"
#include "cchc/rules.hpp"
#include "cchc/scan.hpp"
#include "cchc/score.hpp"
#include "cchc/templates.hpp"
#include "cchc/text_import.hpp"
#include "cchc/unicode.hpp"
#include "cchc/value.hpp"
#include "cchc/version.hpp"
