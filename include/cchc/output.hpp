// SPDX-License-Identifier: MIT
// cchc/output.hpp: writing what cchc knows, one writer per format behind one interface.
//
// Every document cchc writes (a report, a catalogue, findings, an import's coverage, what derive
// filled in) is written by the Writer of the chosen format. The CLI's --format takes the names
// of output_formats(); a new format is a new Writer, and every command has it at once.
//
//   const cchc::Writer& w = cchc::writer(cchc::OutputFormat::json);
//   std::cout << w.findings(findings, {});
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cchc/batch.hpp"
#include "cchc/catalog.hpp"
#include "cchc/derive.hpp"
#include "cchc/evidence.hpp"
#include "cchc/finding.hpp"
#include "cchc/report.hpp"

namespace cchc {

enum class OutputFormat : std::uint8_t { text, json };
[[nodiscard]] std::string_view to_string(OutputFormat f) noexcept;
[[nodiscard]] std::optional<OutputFormat> output_format_from_string(std::string_view s) noexcept;
/// The formats there are writers for, by name: "text", "json".
[[nodiscard]] std::span<const std::string_view> output_formats() noexcept;

struct WriteOptions {
  Language lang = Language::vi;  ///< for messages, where a format has one language
  int form = 0;                  ///< only this form (Biểu mẫu), or 0 for all; text only
};

class Writer {
 public:
  virtual ~Writer() = default;
  [[nodiscard]] virtual OutputFormat format() const noexcept = 0;
  /// The report: its forms as tables (text), or cchc.report/1 (JSON, lossless).
  [[nodiscard]] virtual std::string report(const Report& report, const WriteOptions& o) const = 0;
  /// The template: forms, rows, kinds and structure (text), or cchc.catalog/1 (JSON).
  [[nodiscard]] virtual std::string catalog(const Catalog& catalog, const WriteOptions& o) const = 0;
  /// Findings with a summary line (text), or cchc.findings/1 (JSON, both languages).
  [[nodiscard]] virtual std::string findings(std::span<const Finding> findings,
                                             const WriteOptions& o) const = 0;
  /// How much of the annex an import read, and what it could not.
  [[nodiscard]] virtual std::string coverage(const Coverage& coverage,
                                             const WriteOptions& o) const = 0;
  /// What derive() filled in (text), or the derived report (JSON).
  [[nodiscard]] virtual std::string derived(const Derived& derived, const WriteOptions& o) const = 0;
};

/// The writer of a format; it lives as long as the program.
[[nodiscard]] const Writer& writer(OutputFormat format) noexcept;

/// {"format": "cchc.findings/1", "summary": {...}, "findings": [...]}: both messages, rows,
/// expected, fix. Pretty-printed.
[[nodiscard]] std::string findings_to_json(std::span<const Finding> findings);
/// A readable report, one finding per paragraph, in the chosen language, with a summary line.
[[nodiscard]] std::string findings_to_text(std::span<const Finding> findings, Language lang);
/// "Đọc được 113/113 dòng (100%) …" and each problem with its line, in one language.
[[nodiscard]] std::string coverage_to_text(const Coverage& coverage, Language lang);
/// A batch check's counts as one compact JSON object: {"format": "cchc.batch/1", "reports",
/// "failed_reports" (with any finding), "reports_with_errors", "summary": [{"rule", "severity",
/// "evaluated", "passed", "fails", "skipped"}]}. `cchc check --summary --format json` prints it.
[[nodiscard]] std::string batch_summary_to_json(std::span<const RuleSummary> rules,
                                                std::size_t reports, std::size_t failed_reports,
                                                std::size_t reports_with_errors);
/// The same for one BatchResult, its totals counted from its reports' statuses.
[[nodiscard]] std::string batch_summary_to_json(const BatchResult& result);
/// {"format": "cchc.coverage/1", "rows_expected": …, "problems": [...]}: both languages.
[[nodiscard]] std::string coverage_to_json(const Coverage& coverage);

}  // namespace cchc
