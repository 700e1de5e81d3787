// SPDX-License-Identifier: MIT
#include "cchc/cell.hpp"

#include <array>
#include <cstring>
#include <optional>

#include "util/enum_names.hpp"

namespace cchc {
namespace {

constexpr detail::NameTable<CellState, 4> state_names{{
    {CellState::reported, "reported"},
    {CellState::not_reported, "not_reported"},
    {CellState::not_applicable, "not_applicable"},
    {CellState::invalid, "invalid"},
}};

// The canonical writing goes into a fixed buffer, so that checking a text against it allocates
// nothing: two 64-bit figures with their sign and dots are under 60 bytes.
class Writing {
 public:
  std::string_view view() const noexcept { return {buf_.data(), size_}; }

  void integer(std::int64_t n) {
    const bool negative = n < 0;
    std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    if (negative) put('-');
    grouped(mag);
  }
  void decimal(std::int64_t units, int scale) {
    const bool negative = units < 0;
    const std::uint64_t mag =
        negative ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    const auto p = static_cast<std::uint64_t>(pow10(scale));
    if (negative) put('-');
    grouped(mag / p);
    if (scale == 0) return;
    put(',');
    std::uint64_t frac = mag % p;
    std::array<char, 20> digits{};
    for (int i = scale - 1; i >= 0; --i, frac /= 10) digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + frac % 10);
    for (int i = 0; i < scale; ++i) put(digits[static_cast<std::size_t>(i)]);
  }
  void plain(std::int64_t n) {  // codes: no grouping, as std::to_string writes them
    const bool negative = n < 0;
    std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    if (negative) put('-');
    digits(mag, false);
  }
  void put(char c) { buf_[size_++] = c; }

 private:
  void grouped(std::uint64_t mag) { digits(mag, true); }
  void digits(std::uint64_t mag, bool group) {
    std::array<char, 20> d{};
    std::size_t n = 0;
    do {
      d[n++] = static_cast<char>('0' + mag % 10);
      mag /= 10;
    } while (mag != 0);
    for (std::size_t i = n; i-- > 0;) {
      put(d[i]);
      if (group && i > 0 && i % 3 == 0) put('.');
    }
  }
  std::array<char, 96> buf_{};
  std::size_t size_ = 0;
};

Writing write(const Cell& c, Kind kind) {
  Writing w;
  if (!c.reported()) return w;
  switch (kind) {
    case Kind::heading: break;
    case Kind::count:
    case Kind::money: w.integer(c.number); break;
    case Kind::percent: w.decimal(c.number, c.scale); break;
    case Kind::yes_no:
    case Kind::code: w.plain(c.number); break;
    case Kind::pair:
      w.integer(c.number);
      w.put('/');
      w.integer(c.second);
      break;
  }
  return w;
}

Cell reported(std::int64_t number, std::int64_t second = 0, int scale = 0) {
  return Cell{number, second, static_cast<std::uint8_t>(scale), CellState::reported};
}

// The error is parse_value()'s own, so that a batch and a report say the same thing.
result<Cell> refused(std::string_view text, Kind kind) {
  auto v = parse_value(text, kind);
  if (!v) return v.error();
  return make_error(errc::internal, "không đọc được ô", "the cell could not be read");
}

result<std::int64_t> whole(std::string_view text, bool grouping) {
  NumberSyntax syntax;
  syntax.allow_grouping = grouping;
  auto d = parse_decimal(text, syntax);
  if (!d || d->scale != 0) return make_error(errc::parse_error, "", "");
  return d->units;
}

// The fast path of read_cell(): [-]digits with dots grouping thousands (when `grouping`), at
// most 18 digits in all. nullopt for anything else, which parse_cell() then reads; so this
// path needs to be right only about what it accepts.
struct Whole {
  std::int64_t value = 0;
  int digits = 0;
  bool canonical = false;
};

std::optional<Whole> fast_whole(std::string_view t, bool grouping) noexcept {
  std::size_t p = 0;
  const bool negative = !t.empty() && t[0] == '-';
  if (negative) p = 1;
  std::int64_t v = 0;
  int digits = 0, group = 0, groups = 0;  // groups: dots seen
  int first_group = 0;
  const std::size_t start = p;
  for (; p < t.size(); ++p) {
    const char c = t[p];
    if (c >= '0' && c <= '9') {
      if (++digits > Decimal::max_digits) return std::nullopt;
      v = v * 10 + (c - '0');
      ++group;
    } else if (c == '.' && grouping) {
      if (groups == 0) {
        if (group == 0 || group > 3) return std::nullopt;
        first_group = group;
      } else if (group != 3) {
        return std::nullopt;
      }
      ++groups;
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0 || (groups > 0 && group != 3)) return std::nullopt;
  if (groups == 0) first_group = digits;
  const bool leading_zero = t[start] == '0' && digits > 1;
  // Canonical: no leading zero, no "-0", and dots exactly where write() puts them.
  const bool dots_right = grouping ? groups == (digits - 1) / 3 && first_group == (digits - 1) % 3 + 1
                                   : groups == 0;
  Whole w;
  w.value = negative ? -v : v;
  w.digits = digits;
  w.canonical = !leading_zero && !(negative && v == 0) && dots_right;
  return w;
}

std::optional<ReadCell> fast_cell(std::string_view text, Kind kind) noexcept {
  if (text.empty()) return std::nullopt;
  switch (kind) {
    case Kind::count:
    case Kind::money:
    case Kind::yes_no:
    case Kind::code: {
      const bool grouping = kind == Kind::count || kind == Kind::money;
      const auto w = fast_whole(text, grouping);
      if (!w) return std::nullopt;
      return ReadCell{reported(w->value), w->canonical};
    }
    case Kind::percent: {
      const bool negative = text[0] == '-';
      const std::string_view body = negative ? text.substr(1) : text;
      if (body.empty() || body[0] == '-') return std::nullopt;
      const std::size_t comma = body.find(',');
      const auto w = fast_whole(body.substr(0, comma), true);
      if (!w) return std::nullopt;
      std::int64_t units = w->value;
      int scale = 0;
      if (comma != std::string_view::npos) {
        const std::string_view frac = body.substr(comma + 1);
        if (frac.empty() || frac.size() > static_cast<std::size_t>(Decimal::max_scale) ||
            w->digits + static_cast<int>(frac.size()) > Decimal::max_digits)
          return std::nullopt;
        for (const char c : frac) {
          if (c < '0' || c > '9') return std::nullopt;
          units = units * 10 + (c - '0');
        }
        scale = static_cast<int>(frac.size());
      }
      // The integer part is written as a whole number would be ("-0,5" keeps its "0"); only a
      // zero has no sign.
      return ReadCell{reported(negative ? -units : units, 0, scale),
                      w->canonical && !(negative && units == 0)};
    }
    case Kind::pair: {
      const std::size_t slash = text.find('/');
      if (slash == std::string_view::npos) return std::nullopt;
      const auto a = fast_whole(text.substr(0, slash), true);
      const auto b = fast_whole(text.substr(slash + 1), true);
      if (!a || !b) return std::nullopt;
      return ReadCell{reported(a->value, b->value), a->canonical && b->canonical};
    }
    case Kind::heading: break;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(CellState s) noexcept { return detail::name_of(state_names, s); }

Cell to_cell(const Value& v) noexcept {
  switch (v.index()) {
    case 0:
      return Cell{0, 0, 0,
                  std::get<Absent>(v).reason() == Absent::Reason::not_applicable
                      ? CellState::not_applicable
                      : CellState::not_reported};
    case static_cast<std::size_t>(Kind::count): return reported(std::get<Count>(v).get());
    case static_cast<std::size_t>(Kind::percent): {
      const Decimal& d = std::get<Percent>(v).value();
      return reported(d.units, 0, d.scale);
    }
    case static_cast<std::size_t>(Kind::yes_no): return reported(std::get<YesNo>(v).code());
    case static_cast<std::size_t>(Kind::code): return reported(std::get<Code>(v).get());
    case static_cast<std::size_t>(Kind::pair): {
      const Pair& p = std::get<Pair>(v);
      return reported(p.first().get(), p.second().get());
    }
    case static_cast<std::size_t>(Kind::money): return reported(std::get<Money>(v).dong());
    default: return Cell{};
  }
}

std::string canonical_text(const Cell& c, Kind kind) { return std::string(write(c, kind).view()); }

bool is_canonical(std::string_view text, const Cell& c, Kind kind) noexcept {
  return write(c, kind).view() == text;
}

result<Cell> parse_cell(std::string_view text, Kind kind) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Cell{};
  switch (kind) {
    case Kind::heading: break;
    case Kind::count:
    case Kind::money:
      if (auto n = whole(text, true)) return reported(*n);
      break;
    case Kind::yes_no:
    case Kind::code:
      if (auto n = whole(text, false)) return reported(*n);
      break;
    case Kind::percent: {
      NumberSyntax syntax;
      syntax.allow_percent_sign = true;
      if (auto d = parse_decimal(text, syntax)) return reported(d->units, 0, d->scale);
      break;
    }
    case Kind::pair: {
      const auto slash = text.find('/');
      if (slash == std::string_view::npos || text.find('/', slash + 1) != std::string_view::npos)
        break;
      auto a = whole(text.substr(0, slash), true);
      auto b = whole(text.substr(slash + 1), true);
      if (a && b) return reported(*a, *b);
      break;
    }
  }
  return refused(text, kind);
}

result<ReadCell> read_cell(std::string_view text, Kind kind) {
  if (auto fast = fast_cell(text, kind)) return *fast;
  auto c = parse_cell(text, kind);
  if (!c) return c.error();
  return ReadCell{*c, c->reported() && is_canonical(text, *c, kind)};
}

Value to_value(const Cell& c, const Row& row, std::string_view written) {
  if (!c.reported())
    return Absent(c.state == CellState::not_applicable ? Absent::Reason::not_applicable
                                                       : Absent::Reason::not_reported,
                  std::string(written));
  if (!written.empty()) {
    if (auto v = parse_value(written, row.kind, row.codes)) return std::move(*v);
  }
  switch (row.kind) {
    case Kind::heading: return Absent{};
    case Kind::count: return Count(c.number);
    case Kind::percent: return Percent(Decimal{c.number, c.scale});
    case Kind::yes_no: return YesNo::parse(canonical_text(c, Kind::yes_no)).value();
    case Kind::code: return Code(c.number, row.codes);
    case Kind::pair: return Pair(Count(c.number), Count(c.second));
    case Kind::money: return Money(c.number);
  }
  return Absent{};
}

std::string_view written_text(const Value& v, Kind kind) {
  const std::string& text = text_of(v);
  if (text.empty()) return {};
  return is_canonical(text, to_cell(v), kind) ? std::string_view{} : std::string_view(text);
}

}  // namespace cchc
