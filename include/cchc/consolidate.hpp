// SPDX-License-Identifier: MIT
// cchc/consolidate.hpp: the province's (or district's) report, pooled from its units' reports.
//
// A Sở Nội vụ consolidates the reports of its departments and communes into one report of the
// same template. Each catalogue row says how it pools (Row::aggregation, docs/quarter.md):
//   sum        counts and money added up; a pair half by half
//   ratio      a rate recomputed from the pooled numerator and denominator, Σ num / Σ den, never
//              an average of the units' rates; rounded to the row's decimals (2 when not said)
//   count-yes  a yes/no row: 1 when any unit answers yes, 0 when every unit that answered said
//              no; the tally (yes, no, not reported) is kept, and written in the row's note
//   none       not additive (procedure counts): left blank for the province's own figure
// Blank is not zero: a sum over units of which some left the row blank is the sum of those who
// reported, with a warning that names the others.
//
//   std::vector<cchc::Report> units = ...;
//   cchc::ConsolidateOptions o;
//   o.agency = {"Sở Nội vụ tỉnh Sơn La", "SNV", cchc::AgencyLevel::province};
//   auto c = cchc::consolidate(units, o).value();
//   c.report            // checks like any other report: cchc::check(c.report, rules)
//   c.findings          // consolidate.* findings: inputs left out, partial sums, …
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cchc/error.hpp"
#include "cchc/finding.hpp"
#include "cchc/report.hpp"

namespace cchc {

class Batch;

struct ConsolidateOptions {
  /// The consolidating agency, written into the report's metadata.
  Agency agency{{}, {}, AgencyLevel::province};
  /// The province; "" takes the inputs' own when they all name the same one.
  std::string province;
  /// The period; unset takes the one most inputs have. Inputs of another period are left out.
  std::optional<Period> period;
  /// Agencies expected to report, each by code or name; those without a report are named in a
  /// `consolidate.missing` finding, and reports of agencies not listed in
  /// `consolidate.unexpected`. Empty: no list.
  std::vector<std::string> expected;
};

/// How the units answered a yes/no row pooled by count-yes.
struct YesTally {
  RowId row;
  std::size_t yes = 0;
  std::size_t no = 0;
  std::size_t blank = 0;  ///< included units that left it blank
};

struct Consolidation {
  Report report;
  /// consolidate.* findings, in canonical order: inputs left out (`consolidate.period`,
  /// `consolidate.template`, `consolidate.duplicate`, `consolidate.no-agency`), agencies missing
  /// or unexpected, rows summed over part of the units (`consolidate.partial`), invalid figures
  /// left out (`consolidate.invalid`), rates with no value (`consolidate.ratio-undefined`), and
  /// rows the province fills in itself (`consolidate.own-figure`).
  std::vector<Finding> findings;
  /// The inputs pooled, as indices into the span given.
  std::vector<std::size_t> included;
  /// One per count-yes row, in catalogue order.
  std::vector<YesTally> tallies;
};

/// Pools `reports` into one. Fails (errc::invalid_argument) when there is nothing to pool, and
/// (errc::invalid_catalog) when the template the inputs follow does not say how every row
/// consolidates (Catalog::check_consolidation); a sum beyond 18 digits is errc::out_of_range.
/// Inputs that cannot be pooled are left out with a finding, never a failure of the whole.
[[nodiscard]] result<Consolidation> consolidate(std::span<const Report* const> reports,
                                                const ConsolidateOptions& options = {});
[[nodiscard]] result<Consolidation> consolidate(std::span<const Report> reports,
                                                const ConsolidateOptions& options = {});
/// The same over a batch's columns, without building a Report per input: what a province's
/// JSON Lines or CSV of units' reports is pooled through (batch_input.hpp). Input i is report i.
[[nodiscard]] result<Consolidation> consolidate(const Batch& batch,
                                                const ConsolidateOptions& options = {});

}  // namespace cchc
