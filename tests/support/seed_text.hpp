// SPDX-License-Identifier: MIT
// Test helper: the annex of the reference report (examples/data/seed-report.txt, as pdftotext
// printed it) as a token stream, so tests can check the built-in catalogue and the transcribed
// example against the printed text rather than against values the code produced.
#pragma once

#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/unicode.hpp"

namespace cchc::testing {

inline std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string seed_text() {
  return read_all(std::string(CCHC_EXAMPLE_DATA_DIR) + "/seed-report.txt");
}

/// The annex: everything from "Phụ lục I" on, NFC.
inline std::string seed_annex() {
  const std::string text = normalize_nfc(seed_text()).value();
  const auto at = text.find("Phụ lục I");
  return at == std::string::npos ? std::string() : text.substr(at);
}

inline std::vector<std::string> tokens(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

inline bool numeric_token(const std::string& t) {
  static const std::regex number(R"(^[0-9][0-9.,/]*%?$)");
  return std::regex_match(t, number);
}

/// The tokens a row prints: its label with footnote marks, its description, its unit.
struct RowTokens {
  std::vector<std::string> code, label, description, unit;
};

inline RowTokens row_tokens(const Row& row) {
  RowTokens t;
  t.code = tokens(row.printed_code);
  t.label = tokens(row.label);
  for (const auto& fn : row.footnotes)
    for (auto& tok : t.label)
      if (tok == fn.anchor) tok += fn.mark;  // pdftotext prints the superscript inline
  t.description = tokens(row.description);
  t.unit = tokens(row.unit);
  return t;
}

/// Where each catalogue row starts in the annex token stream, found in catalogue order: its
/// printed code followed at once by the first words of its label. nullopt for a row not found.
inline std::vector<std::optional<std::size_t>> row_starts(const Catalog& cat,
                                                          const std::vector<std::string>& toks) {
  std::vector<std::optional<std::size_t>> starts;
  std::size_t cursor = 0;
  for (const Row& row : cat.rows()) {
    const RowTokens rt = row_tokens(row);
    std::vector<std::string> head = rt.code;
    for (std::size_t i = 0; i < rt.label.size() && i < 2; ++i) head.push_back(rt.label[i]);
    std::optional<std::size_t> found;
    for (std::size_t i = cursor; i + head.size() <= toks.size() && !found; ++i) {
      bool all = true;
      for (std::size_t j = 0; j < head.size() && all; ++j) all = toks[i + j] == head[j];
      if (all) found = i;
    }
    starts.push_back(found);
    if (found) cursor = *found + head.size();
  }
  return starts;
}

/// Marks `want` as a subsequence of toks[begin, end), each next token at most `max_gap` tokens
/// after the previous; returns false if it is not there. `hits` receives the positions.
inline bool match_subsequence(const std::vector<std::string>& toks, std::size_t begin,
                              std::size_t end, const std::vector<std::string>& want,
                              std::vector<bool>& used, std::vector<std::size_t>* hits_out = nullptr,
                              std::size_t max_gap = 32) {
  std::size_t pos = begin;
  std::vector<std::size_t> hits;
  for (const auto& w : want) {
    bool found = false;
    const std::size_t limit = hits.empty() ? end : std::min(end, pos + max_gap + 1);
    for (; pos < limit; ++pos) {
      if (!used[pos] && toks[pos] == w) {
        hits.push_back(pos++);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  for (auto h : hits) used[h] = true;
  if (hits_out) *hits_out = std::move(hits);
  return true;
}

/// Matches a row's printed parts inside its stretch [begin, end) of the annex and checks that the
/// label is printed whole: between its first and last word stand only the row's own code, unit
/// and description words (pdftotext interleaves table columns) and figures. Returns what failed,
/// or "" when the row is printed as the catalogue says.
inline std::string match_row(const std::vector<std::string>& toks, std::size_t begin,
                             std::size_t end, const RowTokens& rt, std::vector<bool>& used) {
  std::vector<std::size_t> label_hits;
  if (!match_subsequence(toks, begin, end, rt.code, used)) return "code";
  if (!match_subsequence(toks, begin, end, rt.label, used, &label_hits)) return "label";
  if (!match_subsequence(toks, begin, end, rt.description, used)) return "description";
  if (!match_subsequence(toks, begin, end, rt.unit, used)) return "unit";
  if (!label_hits.empty())
    for (std::size_t i = label_hits.front(); i <= label_hits.back(); ++i)
      if (!used[i] && !numeric_token(toks[i])) return "label lacks the printed word " + toks[i];
  return "";
}

}  // namespace cchc::testing
