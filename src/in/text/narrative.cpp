// SPDX-License-Identifier: MIT
#include "cchc/narrative.hpp"

#include <algorithm>
#include <map>
#include "util/regex.hpp"

#include <fmt/format.h>

#include "cchc/unicode.hpp"
#include "util/flat_text.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

using detail::FlatText;
using detail::flatten;

bool is_figure_char(char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; }

// The length of a figure "[0-9]+([.,][0-9]+)*" starting at `pos`, read greedily; 0 for none.
std::size_t figure_at(std::string_view t, std::size_t pos) {
  auto digit = [&](std::size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
  std::size_t i = pos;
  while (digit(i)) ++i;
  if (i == pos) return 0;
  while ((t.substr(i, 1) == "." || t.substr(i, 1) == ",") && digit(i + 1)) {
    ++i;
    while (digit(i)) ++i;
  }
  return i - pos;
}

struct Span {
  std::size_t pos, len;
};

// The figures a catalogue phrase "before {n} after" states in `t`, left to right and without
// overlap. `before` is followed by a space; `after` is preceded by one unless it starts with '%'.
// Anchored on the phrase's words, so the text is searched with find(), not tried at every byte:
// the figure is read greedily, and since what follows a shorter prefix of it is a digit, '.' or
// ',', never the space or '%' that starts what follows it, greedy reading finds every match.
std::vector<Span> phrase_figures(std::string_view t, std::string_view before,
                                 std::string_view after) {
  std::vector<Span> out;
  std::string tail;
  if (!after.empty()) {
    if (after.front() != '%') tail += ' ';
    tail += after;
  }
  if (!before.empty()) {
    const std::string lead = std::string(before) + ' ';
    for (std::size_t from = 0, p; (p = t.find(lead, from)) != std::string_view::npos;) {
      const std::size_t q = p + lead.size();
      const std::size_t n = figure_at(t, q);
      if (n > 0 && t.substr(q + n).starts_with(tail)) {
        out.push_back({q, n});
        from = q + n + tail.size();
      } else {
        from = p + 1;
      }
    }
  } else if (!tail.empty()) {
    // No words before: the figure stands alone, after the start or a character that cannot be
    // part of it, and ends where the words after it begin.
    for (std::size_t from = 0, a; (a = t.find(tail, from)) != std::string_view::npos;) {
      std::size_t r = a;
      while (r > 0 && is_figure_char(t[r - 1])) --r;
      const bool whole = r < a && figure_at(t, r) == a - r;
      if (whole && (r == 0 ? from == 0 : r - 1 >= from)) {
        out.push_back({r, a - r});
        from = a + tail.size();
      } else {
        from = a + 1;
      }
    }
  }
  return out;
}

// "85.000.000 đồng", "1500 VNĐ": the sums of money the text states, in the order they stand.
// The figure is the whole run of digits and points before the unit, and not the tail of a
// decimal ("1,500 đồng" is no sum); Money::parse() holds it to groups of three.
void read_money(const FlatText& flat, Narrative& n) {
  const std::string& t = flat.text;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::vector<std::pair<std::size_t, MoneyMention>> found;
  for (const std::string_view unit : {" đồng", " VNĐ", " VND"}) {
    for (auto a = t.find(unit); a != std::string::npos; a = t.find(unit, a + 1)) {
      std::size_t r = a;
      while (r > 0 && (digit(t[r - 1]) || t[r - 1] == '.')) --r;
      if (r == a || (r > 0 && t[r - 1] == ',')) continue;
      const std::string_view figure = std::string_view(t).substr(r, a - r);
      auto amount = Money::parse(figure);
      if (!amount) continue;
      found.push_back({r, {std::string(figure) + std::string(unit), *amount, flat.line_at(r)}});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& f : found) n.money.push_back(std::move(f.second));
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(start, end - start));
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

void read_sections(const std::vector<std::string>& lines, std::size_t first_line, Narrative& n) {
  static const detail::Regex heading = detail::regex(R"(^\s*(I|II|III|IV|V|VI|VII)\.\s*(\S.*)$)");
  static const detail::Regex item = detail::regex(R"(^\s*([0-9]{1,2})\.\s+(\S.*)$)");
  NarrativeSection* section = nullptr;
  NarrativeItem* current = nullptr;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    boost::smatch m;
    // A heading is upper case up to any colon: "V. KIẾN NGHỊ, ĐỀ XUẤT: Không."
    if (boost::regex_match(l, m, heading) && to_upper(m.str(2).substr(0, m.str(2).find(':'))) ==
                                               m.str(2).substr(0, m.str(2).find(':'))) {
      NarrativeSection s;
      s.numeral = m.str(1);
      s.title = collapse_spaces(m.str(2));
      s.line = first_line + i;
      // A heading may go on over the next upper-case lines ("TRỌNG TÂM QUÝ IV NĂM 2023").
      for (std::size_t k = i + 1; k < lines.size() && k < i + 4; ++k) {
        const std::string next = collapse_spaces(lines[k]);
        if (next.empty()) continue;
        if (to_upper(next) != next || boost::regex_match(lines[k], item) ||
            boost::regex_match(lines[k], heading))
          break;
        s.title += " " + next;
        i = k;
      }
      n.sections.push_back(std::move(s));
      section = &n.sections.back();
      current = nullptr;
      continue;
    }
    if (section == nullptr) continue;
    if (boost::regex_match(l, m, item)) {
      section->items.push_back({m.str(1), collapse_spaces(m.str(2)), first_line + i, {}});
      current = &section->items.back();
    }
    const std::string c = collapse_spaces(l);
    if (c.empty()) continue;
    detail::join_into(section->text, " ", c);
    if (current) detail::join_into(current->text, " ", c);
  }
}

}  // namespace

Narrative parse_narrative(std::string_view text, const Catalog& catalog, std::size_t first_line) {
  Narrative n;
  const auto lines = split_lines(text);
  read_sections(lines, first_line, n);
  const FlatText flat = flatten(text, first_line);

  // The title: what precedes the first section, e.g. "… Quý I năm 2024".
  const std::size_t title_end = n.sections.empty() ? std::min<std::size_t>(lines.size(), 20)
                                                   : n.sections.front().line - first_line;
  std::string title;
  for (std::size_t i = 0; i < title_end && i < lines.size(); ++i) {
    if (collapse_spaces(lines[i]).starts_with("Căn cứ")) break;
    title += lines[i] + "\n";
  }
  if (auto p = parse_period_vi(title)) n.title_period = PeriodMention{collapse_spaces(title), *p, first_line};

  for (const auto& s : n.sections)
    if (s.numeral == "IV")
      if (auto p = parse_period_vi(s.title)) n.next_period = PeriodMention{s.title, *p, s.line};

  n.citations = find_citations(text, first_line);

  // Each pattern runs only where a literal every match contains stands, anchored there, rather
  // than being tried at every byte of the text.
  const std::string& t = flat.text;
  static const detail::Regex range = detail::regex(
      R"([Tt]ừ ngày ([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}) (?:đến|tới) (?:hết )?ngày ([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}))");
  constexpr std::string_view from_day = "ừ ngày ";
  for (auto p = t.find(from_day); p != std::string::npos; p = t.find(from_day, p + 1)) {
    if (p == 0 || (t[p - 1] != 'T' && t[p - 1] != 't')) continue;
    boost::smatch m;
    const auto begin = t.begin() + static_cast<std::ptrdiff_t>(p - 1);
    if (!boost::regex_search(begin, t.end(), m, range, boost::match_continuous)) continue;
    DateRangeMention r;
    r.text = m.str(0);
    r.from_text = m.str(1);
    r.to_text = m.str(2);
    r.from = parse_vi_date(r.from_text);
    r.to = parse_vi_date(r.to_text);
    r.line = flat.line_at(p - 1);
    n.ranges.push_back(std::move(r));
    p += static_cast<std::size_t>(m.length(0)) - 1;
  }

  read_money(flat, n);

  // Figures stated for catalogue rows, by the rows' phrases: "giao {n} nhiệm vụ".
  for (const Row& row : catalog.rows()) {
    for (const auto& phrase : row.phrases) {
      const auto at = phrase.find("{n}");
      const std::string before = collapse_spaces(phrase.substr(0, at));
      const std::string after = collapse_spaces(phrase.substr(at + 3));
      for (const Span& f : phrase_figures(flat.text, before, after)) {
        const std::string figure = flat.text.substr(f.pos, f.len);
        auto v = parse_value(figure, row.kind, row.codes);
        if (!v || is_absent(*v)) continue;
        n.figures.push_back(
            {row.id, row.address(), phrase, figure, std::move(*v), flat.line_at(f.pos)});
      }
    }
  }
  std::stable_sort(n.figures.begin(), n.figures.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  return n;
}

}  // namespace cchc
