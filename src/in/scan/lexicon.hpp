// SPDX-License-Identifier: MIT
// Internal: the words a template's annex is written in, to put back a word that OCR read with a
// slip ("lãy" for "lũy", "ĐVI" for "ĐVT") as the catalogue writes it.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cchc/catalog.hpp"

namespace cchc::detail::scan {

class Lexicon {
 public:
  explicit Lexicon(const Catalog& catalog);
  /// `word` as the catalogue writes it, when exactly one of its words differs from it only by
  /// diacritics, or (four letters and more) by one letter; else `word` unchanged. Figures and
  /// the punctuation around a word are left as they are; the word keeps its capitals.
  [[nodiscard]] std::string snap(std::string_view word) const;
  /// Whether the catalogue writes `word` (the punctuation around it aside; small letters or
  /// capitals alike).
  [[nodiscard]] bool contains(std::string_view word) const;

 private:
  void add(std::string_view text);
  // By the word without diacritics and in small letters: the words that are written so.
  std::unordered_map<std::string, std::vector<std::string>> by_fold_;
};

}  // namespace cchc::detail::scan
