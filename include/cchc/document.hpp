// SPDX-License-Identifier: MIT
// cchc/document.hpp: documents cited in a report (Decree 30/2020/NĐ-CP); their dates are read
// with parse_vi_date (period.hpp).
//
// A citation reads "<type word> số <number>/<symbol> ngày <d>/<m>/<yyyy>":
//   "Kế hoạch số 39/KH-SKHCN ngày 09/01/2024"      type KH, issuer SKHCN
//   "Nghị định số 130/2005/NĐ-CP ngày 17/10/2005"  a normative document: the year in the number
//   "Nghị quyết số 03-NQ/TU ngày 21/01/2021"       the Party's form: number-type/issuer
//   "Công văn số 3981/SNV-CCHC&VTLT ngày 01/3/2022" a letter: issuer and unit, no type
//
//   auto cites = cchc::find_citations(text);
//   cites[0].type_abbreviation   // "KH"
//   cchc::expected_abbreviation("Kế hoạch")   // "KH"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/period.hpp"

namespace cchc {

/// One cited document.
struct Citation {
  std::string text;              ///< as it stands in the report, white space collapsed
  std::string type_word;         ///< "Kế hoạch", "Nghị định", "Công văn"
  std::string number;            ///< "39", "03", as written
  std::optional<int> year;       ///< from a normative number "130/2005/…"
  std::string symbol;            ///< "KH-SKHCN", "NĐ-CP", "SNV-CCHC&VTLT", "NQ/TU"
  std::string type_abbreviation; ///< "KH", "NĐ", "NQ"; "" for a công văn
  std::string issuer;            ///< "SKHCN", "CP", "TU", "SNV"
  std::string unit;              ///< the drafting unit of a công văn: "CCHC&VTLT"
  std::string date_text;         ///< "09/01/2024"; "" when the citation has no date
  std::optional<Date> date;      ///< nullopt when absent or impossible (see date_valid)
  bool date_valid = true;        ///< false for "31/02/2024"
  std::size_t line = 0;          ///< 1-based line of the type word, when known
};

/// The Decree 30 type abbreviation for a type word ("Kế hoạch" → "KH", "Quyết định" → "QĐ"),
/// including the higher normative types (Nghị định NĐ, Thông tư TT, Thông tư liên tịch TTLT);
/// "" for a công văn (which carries no type) and for unknown words.
[[nodiscard]] std::string_view expected_abbreviation(std::string_view type_word) noexcept;
/// True when `abbreviation` is a document type of Decree 30 (appendix III) or a higher
/// normative type; case matters ("QyĐ", "CTr").
[[nodiscard]] bool known_abbreviation(std::string_view abbreviation) noexcept;

/// Every citation in `text`, in order. Line breaks inside a citation are allowed (pdftotext
/// wraps them); `line` counts from `first_line`.
[[nodiscard]] std::vector<Citation> find_citations(std::string_view text,
                                                   std::size_t first_line = 1);


}  // namespace cchc
