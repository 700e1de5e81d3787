// SPDX-License-Identifier: MIT
// Internal: the text reader's lines and words. Text is split into numbered lines that know where
// the pages break; words are split where figures are glued to letters; page numbers, repeated
// table headers and footnotes are recognised as noise.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/evidence.hpp"
#include "cchc/narrative.hpp"
#include "cchc/report.hpp"

namespace cchc::detail::text {

struct Line {
  std::string text;
  std::size_t number = 0;  // 1-based
  bool after_page_break = false;
  bool before_page_break = false;
};

struct Token {
  std::string text;
  std::size_t line = 0;
  std::size_t column = 0;  // where its word starts on the line, in characters
  bool note = false;       // in a table's "Ghi chú" (remarks) column: never a value
};

[[nodiscard]] bool is_space(char c);
[[nodiscard]] bool blank(std::string_view s);
[[nodiscard]] std::string trim(std::string_view s);
[[nodiscard]] bool digits_only(std::string_view s);
[[nodiscard]] /// Text as a reader sees it: no-break and other fixed spaces (U+00A0, U+2007, U+202F) become
/// spaces; soft hyphens (U+00AD), zero-width characters (U+200B-U+200D, U+2060) and byte-order
/// marks (U+FEFF) go; CRLF and a lone CR end a line. They are invisible on the page, so a
/// figure, a label or a heading must read the same with them as without.
[[nodiscard]] std::string without_invisibles(std::string_view text);
std::vector<Line> split_lines(std::string_view text);
[[nodiscard]] bool digit(char c);
void split_glued(std::string_view w, std::vector<std::string>& out);
[[nodiscard]] std::vector<std::string> words(std::string_view s);
/// words() of a line, each with the character column its word starts at.
void tokens_of(const Line& line, std::vector<Token>& out);
[[nodiscard]] bool page_number(const std::vector<Line>& lines, std::size_t i);
[[nodiscard]] bool table_header(std::string_view line);
[[nodiscard]] bool noise(const std::vector<Line>& lines, std::size_t i, const std::vector<std::string>& known);
[[nodiscard]] std::vector<std::string> known_noise(const Catalog& cat);

/// The line where the annex starts (a line that starts with one of the catalogue's annex
/// headings, "PHỤ LỤC", else the first form heading, "Biểu mẫu"), if any.
[[nodiscard]] std::optional<std::size_t> find_annex(const std::vector<Line>& lines, const Catalog& cat);
/// Reads the annex from line `annex` on into `report`, and what it could not read into `cov`.
void read_annex(const std::vector<Line>& lines, std::size_t annex, const Catalog& cat,
                Report& report, Coverage& cov);
/// Agency, period, number, symbol, date, place and signer, from the text around the annex.
void read_metadata(std::string_view text, const std::vector<Line>& lines, std::size_t annex,
                   std::size_t annex_end, const Catalog& cat, const Narrative& narrative,
                   Metadata& m);

}  // namespace cchc::detail::text
