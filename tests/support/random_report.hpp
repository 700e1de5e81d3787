// SPDX-License-Identifier: MIT
// Test helper: random reports for the property tests. Unlike bench/synthetic.hpp (consistent
// figures, for timing), these aim at the corners of the format: every kind of value, both kinds of
// blank, odd but valid writing ("035", "85000000", "3 / 5", "0,50"), values a kind calls invalid
// but keeps as written ("-3", yes/no "2"), notes and metadata with quotes, backslashes, line
// breaks and non-Latin text. Deterministic for a seed.
#pragma once

#include <array>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cchc/report.hpp"

namespace cchc::testing {

class RandomReports {
 public:
  explicit RandomReports(std::uint64_t seed) : rng_(seed) {}

  Report next(const std::shared_ptr<const Catalog>& catalog) {
    Report r(catalog);
    for (const Row& row : catalog->rows()) {
      if (!row.holds_value()) continue;
      switch (pick(0, 9)) {
        case 0: r.clear(row.id, Absent::Reason::not_reported); break;
        case 1: r.clear(row.id, Absent::Reason::not_applicable); break;
        default: {
          // Odd writings first; the plain one always parses.
          const auto candidates = texts(row);
          for (const auto& t : candidates)
            if (r.set_text(row.id, t)) break;
        }
      }
      if (pick(0, 5) == 0) r.set_note(row.id, words());
      if (pick(0, 5) == 0) r.set_source_line(row.id, static_cast<std::size_t>(pick(1, 99999)));
    }
    Metadata& m = r.metadata();
    m.agency.name = words();
    m.agency.code = pick(0, 1) ? "SKHCN" : words();
    m.agency.level = static_cast<AgencyLevel>(pick(0, 3));
    m.province = words();
    if (pick(0, 3) != 0) m.period = Period{static_cast<int>(pick(2000, 2040)),
                                           static_cast<PeriodKind>(pick(0, 6))};
    m.document.number = pick(0, 1) ? fmt::format("{:02}", pick(0, 300)) : std::string();
    m.document.symbol = words();
    if (pick(0, 2) != 0)
      m.document.date = Date(static_cast<unsigned short>(pick(2000, 2040)),
                             static_cast<unsigned short>(pick(1, 12)),
                             static_cast<unsigned short>(pick(1, 28)));
    m.document.place = words();
    m.document.signer = words();
    m.document.signer_title = words();
    return r;
  }

 private:
  std::int64_t pick(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }

  std::vector<std::string> texts(const Row& row) {
    const auto n = pick(0, 2) == 0 ? pick(0, 3'000'000) : pick(0, 400);
    switch (row.kind) {
      case Kind::count:
        return {pick(0, 1) ? fmt::format("{:03}", n) : grouped(n),
                pick(0, 9) == 0 ? fmt::format("-{}", n) : fmt::format(" {} ", n),
                std::to_string(n)};
      case Kind::money:
        return {pick(0, 1) ? grouped(n * 1000) : std::to_string(n * 1000), std::to_string(n)};
      case Kind::percent: {
        const auto d = pick(0, 2);
        const auto units = pick(0, 10000);
        const std::string frac = d == 0 ? "" : fmt::format(",{:0{}}", units % (d == 1 ? 10 : 100), d);
        return {fmt::format("{}{}{}", units / 100, frac, pick(0, 3) == 0 ? " %" : ""),
                fmt::format("{}{}", units / 100, frac), "0"};
      }
      case Kind::yes_no:
        return {pick(0, 9) == 0 ? "2" : (pick(0, 1) ? "1" : "0"), "0"};
      case Kind::code: {
        const auto& options = row.codes.options();
        const auto v = options.empty() ? 0 : options[static_cast<std::size_t>(
                                                 pick(0, static_cast<std::int64_t>(options.size()) - 1))].value;
        return {pick(0, 1) ? fmt::format("{:02}", v) : std::to_string(v), std::to_string(v)};
      }
      case Kind::pair: {
        const auto a = pick(0, 40), b = pick(0, 40);
        return {pick(0, 1) ? fmt::format("{:02}/{:02}", a, b) : fmt::format("{} / {}", a, b),
                fmt::format("{}/{}", a, b)};
      }
      case Kind::heading: return {};
    }
    return {};
  }

  static std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
      out += digits[i];
    }
    return out;
  }

  std::string words() {
    static constexpr std::array<const char*, 14> pieces = {
        "Sở", "Nội vụ", "Khoa học và Công nghệ", "\"trích dẫn\"", "a\\b", "dòng\nmới", "tab\t",
        "GIÁM ĐỐC", "Sơn La", "Điện Biên", "100%", "{B1:1}", "漢字", "😀"};
    std::string out;
    const auto n = pick(0, 4);
    for (std::int64_t i = 0; i < n; ++i) {
      if (!out.empty()) out += ' ';
      out += pieces[static_cast<std::size_t>(pick(0, static_cast<std::int64_t>(pieces.size()) - 1))];
    }
    return out;
  }

  std::mt19937_64 rng_;
};

}  // namespace cchc::testing
