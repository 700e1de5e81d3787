// SPDX-License-Identifier: MIT
#include "cchc/number.hpp"

#include <array>
#include <cstdlib>

#include <fmt/format.h>
#include <gsl/assert>

namespace cchc {
namespace {

constexpr std::array<std::int64_t, 19> powers = [] {
  std::array<std::int64_t, 19> p{};
  p[0] = 1;
  for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
  return p;
}();

__extension__ typedef __int128 int128;  // GCC and Clang; exact for every pair of Decimals

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string quoted(std::string_view text) {
  constexpr std::size_t shown = 40;
  if (text.size() <= shown) return fmt::format("\"{}\"", text);
  return fmt::format("\"{}…\"", text.substr(0, shown));
}

error bad(std::string_view text, std::string vi, std::string en) {
  return make_error(errc::parse_error, fmt::format("{}: {}", quoted(text), vi),
                    fmt::format("{}: {}", quoted(text), en));
}

// Describes the byte at `pos`, so a stray "x" or a non-ASCII space is named in the message.
std::string describe_char(std::string_view text, std::size_t pos) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c >= 0x21 && c < 0x7f) return fmt::format("'{}' at position {}", text[pos], pos + 1);
  return fmt::format("byte 0x{:02X} at position {}", c, pos + 1);
}

}  // namespace

std::int64_t pow10(int n) noexcept {
  Expects(n >= 0 && n <= 18);
  return powers[static_cast<std::size_t>(n)];
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) noexcept {
  // Both sides scaled to the larger scale: |units| < 2^63 and 10^9 < 2^30 fit in 128 bits.
  const int scale = a.scale > b.scale ? a.scale : b.scale;
  const int128 lhs = static_cast<int128>(a.units) * pow10(scale - a.scale);
  const int128 rhs = static_cast<int128>(b.units) * pow10(scale - b.scale);
  return lhs <=> rhs;
}

bool Decimal::is_integer() const noexcept { return units % pow10(scale) == 0; }

Rational Decimal::to_rational() const { return Rational(units, pow10(scale)); }

result<Decimal> parse_decimal(std::string_view text, NumberSyntax syntax) {
  const std::string_view original = text;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  if (text.empty()) return bad(original, "không có số", "no number");

  std::size_t pos = 0;
  bool negative = false;
  const std::string_view minus_sign = "\xE2\x88\x92";  // U+2212, as some word processors write it
  if (text[0] == '-' || text[0] == '+' || text.starts_with(minus_sign)) {
    if (!syntax.allow_sign) return bad(original, "không được có dấu", "a sign is not allowed here");
    negative = text[0] != '+';
    pos = text[0] == '+' || text[0] == '-' ? 1 : minus_sign.size();
  }

  // Digits are accumulated as they are read, and reading stops at the first digit too many: a
  // billion-digit figure costs nineteen steps, not a copy of itself.
  std::int64_t units = 0;
  std::size_t significant = 0;  // digits after the leading zeros, fraction digits included
  auto too_large = [&] {
    return make_error(
        errc::out_of_range,
        fmt::format("{}: số quá lớn, tối đa {} chữ số", quoted(original), Decimal::max_digits),
        fmt::format("{}: number too large, at most {} digits", quoted(original),
                    Decimal::max_digits));
  };
  auto take_digit = [&](char c, bool in_fraction) {
    if (in_fraction || significant > 0 || c != '0') ++significant;
    if (significant > static_cast<std::size_t>(Decimal::max_digits)) return false;
    units = units * 10 + (c - '0');  // at most max_digits significant digits: fits
    return true;
  };

  // Integer part, possibly grouped by dots: 1-3 digits, then groups of exactly 3.
  std::size_t int_digit_count = 0;
  std::size_t group_len = 0;
  bool grouped = false;
  std::size_t int_start = pos;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (is_digit(c)) {
      if (!take_digit(c, false)) return too_large();
      ++int_digit_count;
      ++group_len;
    } else if (c == '.') {
      if (!syntax.allow_grouping)
        return bad(original, "không được dùng dấu chấm phân cách hàng nghìn",
                   "thousands separators are not allowed here");
      if (pos == int_start || group_len == 0 || (!grouped && group_len > 3) ||
          (grouped && group_len != 3))
        return bad(original,
                   fmt::format("dấu chấm ở vị trí {} không phân cách nhóm ba chữ số; số thập phân "
                               "dùng dấu phẩy (33,3)",
                               pos + 1),
                   fmt::format("the dot at position {} does not separate groups of three digits; "
                               "decimals take a comma (33,3)",
                               pos + 1));
      grouped = true;
      group_len = 0;
    } else {
      break;
    }
  }
  if (int_digit_count == 0) {
    if (pos < text.size())
      return bad(original, fmt::format("không phải số: {}", describe_char(text, pos)),
                 fmt::format("not a number: {}", describe_char(text, pos)));
    return bad(original, "không có chữ số", "no digits");
  }
  if (grouped && group_len != 3)
    return bad(original, "nhóm cuối sau dấu chấm phải có ba chữ số; số thập phân dùng dấu phẩy",
               "the last group after a dot must have three digits; decimals take a comma");

  std::int32_t scale = 0;
  if (pos < text.size() && text[pos] == ',') {
    if (!syntax.allow_fraction)
      return bad(original, "phải là số nguyên", "must be a whole number");
    ++pos;
    for (; pos < text.size() && is_digit(text[pos]); ++pos) {
      if (scale == Decimal::max_scale)
        return make_error(errc::out_of_range,
                          fmt::format("{}: quá {} chữ số thập phân", quoted(original),
                                      Decimal::max_scale),
                          fmt::format("{}: more than {} decimals", quoted(original),
                                      Decimal::max_scale));
      if (!take_digit(text[pos], true)) return too_large();
      ++scale;
    }
    if (scale == 0)
      return bad(original, "thiếu chữ số sau dấu phẩy", "no digits after the decimal comma");
  }

  if (pos < text.size()) {
    std::size_t after = pos;
    while (after < text.size() && text[after] == ' ') ++after;
    if (after < text.size() && text[after] == '%' && after + 1 == text.size()) {
      if (!syntax.allow_percent_sign)
        return bad(original, "không được có dấu %", "a percent sign is not allowed here");
      pos = text.size();
    }
  }
  if (pos < text.size())
    return bad(original, fmt::format("ký tự không hợp lệ: {}", describe_char(text, pos)),
               fmt::format("unexpected {}", describe_char(text, pos)));
  return Decimal{negative ? -units : units, scale};
}

std::string format_integer(std::int64_t n, bool group_thousands) {
  // Unsigned magnitude, so INT64_MIN formats too.
  const bool negative = n < 0;
  std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  std::string digits = std::to_string(mag);
  std::string out;
  if (negative) out += '-';
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (group_thousands && i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

std::string format_decimal(const Decimal& d, bool group_thousands) {
  Expects(d.scale >= 0 && d.scale <= Decimal::max_scale);
  const bool negative = d.units < 0;
  const std::uint64_t mag =
      negative ? 0 - static_cast<std::uint64_t>(d.units) : static_cast<std::uint64_t>(d.units);
  const auto p = static_cast<std::uint64_t>(pow10(d.scale));
  std::string out = format_integer(static_cast<std::int64_t>(mag / p), group_thousands);
  if (negative) out.insert(out.begin(), '-');
  if (d.scale > 0) out += fmt::format(",{:0{}}", mag % p, d.scale);
  return out;
}

result<Decimal> round_to_decimal(const Rational& r, int scale) {
  Expects(scale >= 0 && scale <= Decimal::max_scale);
  const Rational scaled = r * pow10(scale);
  const BigInt num = boost::multiprecision::numerator(scaled);
  const BigInt den = boost::multiprecision::denominator(scaled);
  BigInt q = abs(num) / den;
  const BigInt rem = abs(num) % den;
  if (rem * 2 >= den) ++q;  // half away from zero
  if (num < 0) q = -q;
  if (q > BigInt(INT64_MAX) || q < BigInt(INT64_MIN + 1))
    return make_error(errc::out_of_range, "số quá lớn", "number too large");
  return Decimal{q.convert_to<std::int64_t>(), scale};
}

std::string format_rational(const Rational& r, int scale) {
  auto d = round_to_decimal(r, scale);
  if (!d) return "?";
  return format_decimal(*d);
}

}  // namespace cchc
