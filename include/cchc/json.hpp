// SPDX-License-Identifier: MIT
// cchc/json.hpp: catalogues and reports as JSON (Boost.JSON).
//
// The formats are documented in docs/catalog.md and docs/report-json.md. Reading is strict: an
// unknown key, a value of the wrong JSON type or a figure that does not parse is an error that
// names where it is (line and column for malformed JSON, a JSON path such as
// `$.values["B1:2.1"]` otherwise). Writing is deterministic (catalogue order) and lossless:
// report_from_json(report_to_json(r)) == r, blanks stay blank and "02" stays "02".
//
//   auto report = cchc::load_report("examples/data/seed-report.json").value();
//   std::string text = cchc::report_to_json(report);
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/io.hpp"
#include "cchc/limits.hpp"
#include "cchc/report.hpp"

namespace cchc {

/// Identifies the formats; written by the exporters and checked by the importers.
inline constexpr std::string_view catalog_format = "cchc.catalog/1";
inline constexpr std::string_view report_format = "cchc.report/1";

[[nodiscard]] result<std::shared_ptr<const Catalog>> catalog_from_json(std::string_view json,
                                                                       JsonLimits limits = {});
/// Pretty-printed, in the catalogue's own order, omitting fields at their defaults.
[[nodiscard]] std::string catalog_to_json(const Catalog& catalog);

/// Reads a report against `catalog`. The report's "catalog" id and version must be the
/// catalogue's (errc::invalid_argument otherwise); rows it does not mention are blank.
[[nodiscard]] result<Report> report_from_json(std::string_view json,
                                              std::shared_ptr<const Catalog> catalog,
                                              JsonLimits limits = {});
/// Reads a report against the built-in catalogue.
[[nodiscard]] result<Report> report_from_json(std::string_view json);
/// Pretty-printed; every row that holds a value appears, blanks as null.
[[nodiscard]] std::string report_to_json(const Report& report);
/// The same on one line, without a newline: a line of a JSON Lines file (batch_input.hpp).
[[nodiscard]] std::string report_to_json_line(const Report& report);

/// read_file + catalog_from_json; errors are prefixed with the file name.
[[nodiscard]] result<std::shared_ptr<const Catalog>> load_catalog(
    const std::filesystem::path& path, JsonLimits limits = {});
/// read_file + report_from_json; errors are prefixed with the file name.
[[nodiscard]] result<Report> load_report(const std::filesystem::path& path,
                                         std::shared_ptr<const Catalog> catalog =
                                             builtin_catalog(),
                                         JsonLimits limits = {});

}  // namespace cchc
