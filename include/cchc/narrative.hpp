// SPDX-License-Identifier: MIT
// cchc/narrative.hpp: the prose of a report, and the checks that only prose allows.
//
// The narrative (đề cương) has fixed sections: I direction and management, II results in the six
// areas, III assessment, IV tasks for the next period, V proposals. It cites documents, names
// date ranges and sums of money, and repeats figures of the annex ("giao 196 nhiệm vụ").
// parse_narrative() finds all of these; check_narrative() (check.hpp) compares them with the
// dates, the period and the annex of the report.
//
//   auto imported = cchc::import_text(text, cchc::builtin_catalog()).value();
//   auto findings = cchc::check_narrative(imported.report, imported.narrative);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/document.hpp"
#include "cchc/period.hpp"
#include "cchc/report.hpp"
#include "cchc/value.hpp"

namespace cchc {

/// A numbered item of a section: "2. Tiến độ thực hiện Kế hoạch …".
struct NarrativeItem {
  std::string number;  ///< "2"
  std::string title;   ///< the rest of its first line
  std::size_t line = 0;
  std::string text;    ///< the item's whole text, lines joined
};

/// A section I–V: "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH".
struct NarrativeSection {
  std::string numeral;  ///< "II"
  std::string title;
  std::size_t line = 0;
  std::string text;
  std::vector<NarrativeItem> items;
};

/// "Từ ngày 15/12/2023 đến hết ngày 13/3/2024".
struct DateRangeMention {
  std::string text;
  std::string from_text, to_text;
  std::optional<Date> from, to;  ///< nullopt for an impossible date
  std::size_t line = 0;
};

/// "85.000.000 đồng".
struct MoneyMention {
  std::string text;
  Money amount;
  std::size_t line = 0;
};

/// A figure the prose states for a catalogue row, found by one of the row's phrases.
struct NarrativeFigure {
  RowId row;
  std::string address;  ///< "B4:2.1"
  std::string phrase;   ///< "được giao {n} biên chế"
  std::string text;     ///< "31", as written
  Value value;          ///< parsed as the row's kind
  std::size_t line = 0;
};

/// A period named in a heading, e.g. section IV's "TRỌNG TÂM QUÝ IV NĂM 2023".
struct PeriodMention {
  std::string text;
  Period period;
  std::size_t line = 0;
};

struct Narrative {
  std::optional<PeriodMention> title_period;  ///< the report's own period, from its title
  std::vector<NarrativeSection> sections;
  std::vector<Citation> citations;
  std::vector<DateRangeMention> ranges;
  std::vector<MoneyMention> money;
  std::vector<NarrativeFigure> figures;
  std::optional<PeriodMention> next_period;  ///< the period section IV plans for
};

/// Reads the narrative: `text` is the prose before the annex; `first_line` numbers its first
/// line. Figures are found with the catalogue's phrases.
[[nodiscard]] Narrative parse_narrative(std::string_view text, const Catalog& catalog,
                                        std::size_t first_line = 1);

}  // namespace cchc
