// SPDX-License-Identifier: MIT
// The report's own data, from the text around the annex: agency, period, document number and
// symbol, date and place, signer.
#include <algorithm>
#include "util/regex.hpp"

#include <fmt/format.h>

#include "cchc/unicode.hpp"
#include "in/text/lines.hpp"
#include "util/strings.hpp"

namespace cchc::detail::text {
namespace {

std::string joined(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to && i < lines.size(); ++i) {
    out += lines[i].text;
    out += '\n';
  }
  return out;
}

bool upper_case(std::string_view s) { return to_upper(s) == s; }

// A line's parts: the columns a laid-out line holds (two spaces or more apart), and what follows
// "Nơi nhận:" (the recipients' heading, which a signature block shares a line with).
std::vector<std::string> parts_of(std::string_view line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    std::size_t j = i;
    while (j < line.size() && !(is_space(line[j]) && j + 1 < line.size() && is_space(line[j + 1]))) ++j;
    std::string part = collapse_spaces(line.substr(i, j - i));
    constexpr std::string_view recipients = "Nơi nhận:";
    if (part.starts_with(recipients)) part = collapse_spaces(std::string_view(part).substr(recipients.size()));
    if (!part.empty()) out.push_back(std::move(part));
    i = j;
  }
  return out;
}

// A recipient ("- UBND tỉnh;"), the file copy ("Lưu: VT", not the surname Lưu), a note in
// brackets ("(Đã ký)"), a page number: not the signer.
bool recipient(std::string_view part) {
  return part.starts_with("-") || part.starts_with("+") || part.starts_with("\u2022") ||
         part.starts_with("(") || part.starts_with("Lưu:") || part.starts_with("Lưu VT") ||
         digits_only(part);
}

void read_signer(const std::vector<Line>& lines, std::size_t end, Metadata& m) {
  static const std::vector<std::string> titles{
      "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH",
      "TM. ỦY BAN NHÂN DÂN", "TM. UỶ BAN NHÂN DÂN", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN",
      "KT. TRƯỞNG BAN", "CHÁNH VĂN PHÒNG", "Q. GIÁM ĐỐC", "TUQ. GIÁM ĐỐC"};
  // The last title standing as a line or as a column of one (the signature block is last).
  std::optional<std::size_t> title_at;
  std::string title;
  for (std::size_t i = 0; i < end; ++i) {
    if (lines[i].text.find_first_not_of(" \t") == std::string::npos) continue;
    for (const auto& part : parts_of(lines[i].text))
      if (std::find(titles.begin(), titles.end(), part) != titles.end()) title_at = i, title = part;
  }
  if (!title_at) return;
  m.document.signer_title = title;
  for (std::size_t i = *title_at + 1; i < end; ++i) {
    const auto parts = parts_of(lines[i].text);
    if (parts.empty()) continue;
    // Beside the recipients, the signature block is the last column.
    const std::string& t = parts.back();
    if (recipient(t)) continue;
    if (upper_case(t)) {  // a second title line: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"
      m.document.signer_title = t;
      continue;
    }
    const auto n = words(t).size();
    if (n >= 2 && n <= 6) m.document.signer = t;
    return;
  }
}

AgencyLevel level_of(std::string_view name, const Catalog& cat) {
  const std::string up = to_upper(name);
  if (up.find(" XÃ") != std::string::npos || up.find("PHƯỜNG") != std::string::npos)
    return AgencyLevel::commune;
  if (up.find("HUYỆN") != std::string::npos) return AgencyLevel::district;
  if (up.starts_with("SỞ") || up.starts_with("BAN")) return AgencyLevel::department;
  return agency_level_from_string(cat.level()).value_or(AgencyLevel::department);
}

}  // namespace

void read_metadata(std::string_view text, const std::vector<Line>& lines, std::size_t annex,
                   std::size_t annex_end, const Catalog& cat, const Narrative& narrative,
                   Metadata& m) {
  if (narrative.title_period) m.period = narrative.title_period->period;
  // The annex's heading names the report: "(Ban hành kèm theo Báo cáo số 94/BC-SKHCN ngày
  // 12/3/2024 của Sở Khoa học và Công nghệ)".
  const std::string header = collapse_spaces(joined(lines, annex, std::min(annex + 12, annex_end)));
  std::optional<Citation> self;
  for (auto& c : find_citations(header))
    if (c.type_word == "Báo cáo") {
      self = std::move(c);
      break;
    }
  const std::string top = joined(lines, 0, std::min<std::size_t>(25, lines.size()));
  if (!self) {
    // "Số: 94/BC-SKHCN" at the head of the report.
    static const detail::Regex so = detail::regex("Số\\s*:\\s*([0-9]+)/((?:[A-Za-z0-9&-]|Đ|đ)+)");
    boost::smatch mm;
    if (boost::regex_search(top, mm, so)) {
      Citation c;
      c.number = mm.str(1);
      c.symbol = mm.str(2);
      const auto dash = c.symbol.find('-');
      c.issuer = dash == std::string::npos ? "" : c.symbol.substr(dash + 1);
      self = std::move(c);
    }
  }
  if (self) {
    m.document.number = self->number;
    m.document.symbol = self->symbol;
    m.document.date = self->date;
    m.agency.code = self->issuer;
    static const detail::Regex of_agency = detail::regex("của ([^()]+?)\\)");
    boost::smatch mm;
    const auto at = header.find(self->text);
    if (at != std::string::npos) {
      const std::string after = header.substr(at + self->text.size());
      if (boost::regex_search(after, mm, of_agency) && mm.position(std::size_t{0}) < 4) m.agency.name = mm.str(1);
    }
  }
  // "Sơn La, ngày 12 tháng 3 năm 2024": the place and the date of issue.
  static const detail::Regex dated = detail::regex("([^,\\n]{2,40}), ngày ([0-9]{1,2}) tháng ([0-9]{1,2}) năm ([0-9]{4})");
  boost::smatch dm;
  if (boost::regex_search(top, dm, dated)) {
    m.document.place = collapse_spaces(dm.str(1));
    bool valid = false;
    if (auto d = parse_vi_date(dm.str(2) + "/" + dm.str(3) + "/" + dm.str(4), &valid))
      m.document.date = d;
  }
  if (m.agency.name.empty()) {
    static const detail::Regex reports = detail::regex("((?:Sở|Ban|Ủy ban nhân dân|UBND)[^.,;:()]{2,80}?) báo cáo kết quả");
    const std::string prose = collapse_spaces(joined(lines, 0, annex));
    boost::smatch am;
    if (boost::regex_search(prose, am, reports)) m.agency.name = am.str(1);
  }
  if (!m.agency.name.empty()) m.agency.level = level_of(m.agency.name, cat);
  if (!cat.province().empty() && text.find(cat.province()) != std::string_view::npos)
    m.province = cat.province();
  read_signer(lines, annex, m);
}

}  // namespace cchc::detail::text
