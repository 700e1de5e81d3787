// SPDX-License-Identifier: MIT
// cchc/score.hpp: scoring an indicator set, such as Decision 766/QĐ-TTg's service-quality
// index (DOMAIN §8, docs/templates.md).
//
// A template with a scoring.json names its groups and indicators: each indicator's rate is
// numerator / denominator over rows of the report (sums and differences of rows allowed); it
// earns its full points at its threshold (80 % by default) and rate × points ÷ threshold below,
// rounded half up to two decimals. Group subtotals and the total are sums of those points.
// Where the template cannot name an indicator's points from a published source it says so, and
// the score says which indicators it could not weigh instead of inventing a weight.
//
//   const auto& t = *registry.lookup("vn.qd-766-2022.chi-so-phuc-vu").value();
//   cchc::Score s = cchc::score(report, t).value();
//   std::cout << cchc::score_to_text(s, cchc::Language::vi);
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/number.hpp"
#include "cchc/render.hpp"
#include "cchc/report.hpp"

namespace cchc {

class History;
class Template;

inline constexpr std::string_view scoring_format = "cchc.scoring/1";

/// A row added to or taken from a sum.
struct ScoreTerm {
  RowId row;
  bool minus = false;
};

struct Indicator {
  std::string id;  ///< "1.4"
  std::string title;
  std::string title_en;
  std::vector<ScoreTerm> numerator;
  std::vector<ScoreTerm> denominator;
  /// The indicator's points; nullopt when no published source gives them.
  std::optional<Decimal> points;
  std::string points_source;  ///< where the points come from, or why they are not known
  Decimal threshold{80, 0};   ///< the rate (percent) that earns the full points
  /// Another indicator whose rate multiplies this one's (online dossiers × synchronisation).
  std::string multiplied_by;
  /// A quarter whose denominator is blank or 0 uses the previous year's ÷ 4 (Decision 766).
  bool quarter_denominator_from_last_year = false;
};

struct ScoreGroup {
  std::string id;
  std::string title;
  std::string title_en;
  Decimal points;  ///< the group's maximum
  std::vector<Indicator> indicators;
};

struct Scoring {
  std::string title;
  std::string source;  ///< the published source of the method
  Decimal total;       ///< the set's maximum, the sum of the groups'
  std::vector<ScoreGroup> groups;
};

struct IndicatorScore {
  const Indicator* indicator = nullptr;
  std::optional<Rational> rate;   ///< percent; nullopt when it cannot be computed
  std::optional<Decimal> points;  ///< two decimals; nullopt without a rate or a weight
  /// Rows the rate needs that the report leaves blank.
  std::vector<std::string> missing;
  /// How the denominator was found when the quarter rule applied ("" otherwise).
  std::string denominator_rule_vi, denominator_rule_en;
};

struct GroupScore {
  const ScoreGroup* group = nullptr;
  std::vector<IndicatorScore> indicators;
  Decimal points;         ///< the sum of the indicators' points that could be scored
  bool complete = false;  ///< every indicator scored and weighed
};

struct Score {
  const Scoring* scoring = nullptr;
  std::vector<GroupScore> groups;
  Decimal total;
  Decimal max;
  bool complete = false;
  /// Indicators without a published weight ("1.1", …): their points are not in the total.
  std::vector<std::string> unweighted;
};

/// Options of score().
struct ScoreOptions {
  /// The agency's earlier reports, for the quarter's denominator rule; may be null.
  const History* history = nullptr;
};

/// Scores `report` under `tmpl`'s scoring. errc::invalid_argument when the template has none or
/// the report follows another catalogue. Keep `tmpl` alive while the Score is used.
[[nodiscard]] result<Score> score(const Report& report, const Template& tmpl,
                                  ScoreOptions options = {});

/// Reads a scoring.json against the catalogue its rows belong to; errors name the field.
[[nodiscard]] result<std::shared_ptr<const Scoring>> scoring_from_json(std::string_view json,
                                                                       const Catalog& catalog);

/// A table per group: indicator, rate, points of max, what was missing; the total last.
[[nodiscard]] std::string score_to_text(const Score& s, Language lang);
/// {"total": "61,25", "max": "100", "complete": false, "groups": [...], "unweighted": [...]}
/// with figures written the Vietnamese way as strings and rates to two decimals.
[[nodiscard]] std::string score_to_json(const Score& s);
/// The score as the render layer's model (render.hpp), for its HTML, Markdown, CSV, XLSX and
/// DOCX writers: the report's heading, the total in the subtitle, a table per group whose rows
/// are the indicators (rate %, points of the maximum, and what was missing or not weighed).
[[nodiscard]] TableDocument score_table_model(const Report& report, const Score& s, Language lang);

}  // namespace cchc
