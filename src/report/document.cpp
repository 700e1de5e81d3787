// SPDX-License-Identifier: MIT
#include "cchc/document.hpp"

#include <algorithm>
#include <array>
#include "util/regex.hpp"

#include <fmt/format.h>

#include "cchc/unicode.hpp"
#include "util/flat_text.hpp"

namespace cchc {
namespace {

struct DocumentType {
  std::string_view word;
  std::string_view abbreviation;
};

// Decree 30/2020/NĐ-CP, appendix III, and the normative types cited beside them. Longest words
// first, so "Thông tư liên tịch" is not read as "Thông tư".
constexpr std::array<DocumentType, 34> types{{
    {"Thông tư liên tịch", "TTLT"},
    {"Bản thỏa thuận", "BTT"},
    {"Bản thoả thuận", "BTT"},
    {"Giấy giới thiệu", "GGT"},
    {"Giấy nghỉ phép", "GNP"},
    {"Giấy ủy quyền", "GUQ"},
    {"Giấy uỷ quyền", "GUQ"},
    {"Chương trình", "CTr"},
    {"Bản ghi nhớ", "BGN"},
    {"Nghị quyết", "NQ"},
    {"Quyết định", "QĐ"},
    {"Nghị định", "NĐ"},
    {"Thông báo", "TB"},
    {"Thông cáo", "TC"},
    {"Hướng dẫn", "HD"},
    {"Phương án", "PA"},
    {"Công điện", "CĐ"},
    {"Phiếu chuyển", "PC"},
    {"Phiếu gửi", "PG"},
    {"Phiếu báo", "PB"},
    {"Giấy mời", "GM"},
    {"Kế hoạch", "KH"},
    {"Biên bản", "BB"},
    {"Hợp đồng", "HĐ"},
    {"Tờ trình", "TTr"},
    {"Quy định", "QyĐ"},
    {"Thông tư", "TT"},
    {"Chỉ thị", "CT"},
    {"Quy chế", "QC"},
    {"Báo cáo", "BC"},
    {"Đề án", "ĐA"},
    {"Dự án", "DA"},
    {"Công văn", ""},
    {"Luật", ""},
}};

std::string type_alternation() {
  std::string alt;
  for (const auto& t : types) {
    if (!alt.empty()) alt += '|';
    alt += t.word;
  }
  return alt;
}

// A citation in collapsed text: type word, "số", number and symbol, optional "ngày d/m/y".
const detail::Regex& citation_pattern() {
  // Built with fmt: GCC 12's -Wrestrict misreads a chain of std::string operator+ here.
  static const detail::Regex re = detail::regex(fmt::format(
      "({})"
      "\\s+số\\s+([0-9]+(?:/[0-9]{{4}})?(?:-(?:[A-Za-z]|Đ|đ)+)?)/"
      // The pattern reads bytes: a Vietnamese letter is an alternative, never two bytes of a
      // bracket that could split a character.
      "((?:[A-Za-z0-9&/.-]|Đ|đ|Ơ|ơ|Ư|ư)*(?:[A-Za-z0-9&]|Đ|đ))"
      "(?:\\s*,?\\s+ngày\\s+([0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}))?",
      type_alternation()));
  return re;
}

}  // namespace

std::string_view expected_abbreviation(std::string_view type_word) noexcept {
  for (const auto& t : types)
    if (t.word == type_word) return t.abbreviation;
  return "";
}

bool known_abbreviation(std::string_view abbreviation) noexcept {
  if (abbreviation.empty()) return false;
  for (const auto& t : types)
    if (t.abbreviation == abbreviation) return true;
  return false;
}

std::vector<Citation> find_citations(std::string_view text, std::size_t first_line) {
  const detail::FlatText flat = detail::flatten(text, first_line);
  std::vector<Citation> out;
  // Every citation has a type word, then " số ": the pattern runs only where that stands, anchored
  // at the type word (match_continuous), rather than being tried at every byte of the text. The
  // start is the leftmost type word ending there and not inside the previous citation, which is
  // where an unanchored search would find it. Words are at most 256 bytes (flatten), so a
  // citation fits in the window.
  const std::string& t = flat.text;
  constexpr std::string_view so = " số ";
  constexpr std::size_t window = 1024;
  std::size_t from = 0;
  for (auto p = t.find(so); p != std::string::npos; p = t.find(so, p + 1)) {
    std::size_t start = std::string::npos;
    for (const auto& type : types) {
      const std::size_t n = type.word.size();
      if (p >= n && p - n >= from && p - n < start && t.compare(p - n, n, type.word) == 0)
        start = p - n;
    }
    if (start == std::string::npos) continue;
    boost::smatch m;
    const auto begin = t.begin() + static_cast<std::ptrdiff_t>(start);
    const auto end = t.begin() + static_cast<std::ptrdiff_t>(std::min(t.size(), start + window));
    if (!boost::regex_search(begin, end, m, citation_pattern(),
                           boost::match_continuous))
      continue;
    from = start + static_cast<std::size_t>(m.length(0));
    Citation c;
    c.text = m.str(0);
    c.type_word = m.str(1);
    c.line = flat.line_at(start);
    std::string number = m.str(2);
    std::string symbol = m.str(3);
    // "130/2005": the year of a normative document.
    if (const auto slash = number.find('/'); slash != std::string::npos) {
      c.year = std::stoi(number.substr(slash + 1, 4));
      number = number.substr(0, slash) + number.substr(slash + 5);
    }
    // "03-NQ" / "TU": the Party's form puts the type after the number.
    if (const auto dash = number.find('-'); dash != std::string::npos) {
      c.type_abbreviation = number.substr(dash + 1);
      c.issuer = symbol;
      c.symbol = c.type_abbreviation + "/" + symbol;
      c.number = number.substr(0, dash);
    } else {
      c.number = number;
      c.symbol = symbol;
      const auto dash2 = symbol.find('-');
      const std::string first = symbol.substr(0, dash2);
      const std::string rest = dash2 == std::string::npos ? "" : symbol.substr(dash2 + 1);
      if (expected_abbreviation(c.type_word).empty() && c.type_word == "Công văn") {
        c.issuer = first;  // ISSUER-UNIT
        c.unit = rest;
      } else {
        c.type_abbreviation = first;
        c.issuer = rest;
      }
    }
    // Reading order can join a symbol cut at its hyphen at a line's end ("QĐ-" / "UBND" read as
    // "QĐUBND"): where the type word's own abbreviation starts the part and capitals follow, the
    // hyphen goes back.
    if (const std::string_view want = expected_abbreviation(c.type_word);
        !want.empty() && c.issuer.empty() && c.type_abbreviation.size() > want.size() + 1 &&
        std::string_view(c.type_abbreviation).starts_with(want)) {
      const std::string rest = c.type_abbreviation.substr(want.size());
      const bool capitals = std::all_of(rest.begin(), rest.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || (static_cast<unsigned char>(ch) & 0x80) != 0;
      });
      if (capitals && (rest[0] & 0x80) == 0) {
        c.type_abbreviation = std::string(want);
        c.issuer = rest;
        c.symbol = c.type_abbreviation + "-" + rest;
      }
    }
    if (m[4].matched) {
      c.date_text = m.str(4);
      c.date = parse_vi_date(c.date_text, &c.date_valid);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace cchc
