// SPDX-License-Identifier: MIT
#include "cchc/value.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>
#include <gsl/assert>

#include "util/enum_names.hpp"

namespace cchc {
namespace {

constexpr detail::NameTable<Absent::Reason, 2> absence_names{{
    {Absent::Reason::not_reported, "not_reported"},
    {Absent::Reason::not_applicable, "not_applicable"},
}};

// Overflow is not a finding but an impossibility for real figures; it throws rather than wraps.
std::int64_t checked(bool overflow, std::int64_t r) {
  if (overflow)
    throw exception(make_error(errc::out_of_range, "tràn số khi tính toán",
                               "arithmetic overflow"));
  return r;
}
std::int64_t add(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  const bool overflow = __builtin_add_overflow(a, b, &r);
  return checked(overflow, r);
}
std::int64_t sub(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  const bool overflow = __builtin_sub_overflow(a, b, &r);
  return checked(overflow, r);
}
std::int64_t mul(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  const bool overflow = __builtin_mul_overflow(a, b, &r);
  return checked(overflow, r);
}

// Integers of the integer kinds: a fraction is a kind error with the kind named.
result<std::int64_t> parse_whole(std::string_view text, NumberSyntax syntax,
                                 std::string_view kind_vi, std::string_view kind_en) {
  syntax.allow_fraction = true;  // read it, to say precisely why it is refused
  auto d = parse_decimal(text, syntax);
  if (!d) return d.error();
  if (d->scale != 0)
    return make_error(errc::kind_mismatch,
                      fmt::format("\"{}\": {} phải là số nguyên", text, kind_vi),
                      fmt::format("\"{}\": {} must be a whole number", text, kind_en));
  return d->units;
}

}  // namespace

namespace detail {
std::int64_t checked_figure(std::int64_t n) {
  if (n > Decimal::max_units || n < -Decimal::max_units)
    throw exception(make_error(
        errc::out_of_range,
        fmt::format("{}: số quá lớn, tối đa {} chữ số", n, Decimal::max_digits),
        fmt::format("{}: number too large, at most {} digits", n, Decimal::max_digits)));
  return n;
}
std::int64_t checked_add(std::int64_t a, std::int64_t b) { return add(a, b); }
std::int64_t checked_sub(std::int64_t a, std::int64_t b) { return sub(a, b); }
std::int64_t checked_mul(std::int64_t a, std::int64_t b) { return mul(a, b); }
result<std::int64_t> parse_whole_number(std::string_view text, std::string_view kind_vi,
                                        std::string_view kind_en) {
  return parse_whole(text, NumberSyntax{}, kind_vi, kind_en);
}
}  // namespace detail

std::string_view to_string(Absent::Reason reason) noexcept {
  return detail::name_of(absence_names, reason);
}

std::optional<Absent::Reason> absence_from_string(std::string_view name) noexcept {
  return detail::value_of(absence_names, name);
}

// --- Count -------------------------------------------------------------------------------------

Count::Count(std::int64_t n) : WholeNumber(detail::checked_figure(n), format_integer(n, true)) {}

result<Count> Count::parse(std::string_view text) {
  auto n = detail::parse_whole_number(text, "số lượng", "a count");
  if (!n) return n.error();
  return Count(*n, std::string(text));
}

// --- Percent -----------------------------------------------------------------------------------

Percent::Percent(Decimal value) : value_(value), text_(format_decimal(value, true)) {
  Expects(value.scale >= 0 && value.scale <= Decimal::max_scale);
  (void)detail::checked_figure(value.units);
}

result<Percent> Percent::parse(std::string_view text) {
  NumberSyntax syntax;
  syntax.allow_percent_sign = true;
  auto d = parse_decimal(text, syntax);
  if (!d) return d.error();
  return Percent(*d, std::string(text));
}

std::optional<Percent> Percent::of(const Count& part, const Count& whole, int decimals) {
  Expects(decimals >= 0 && decimals <= Decimal::max_scale);
  auto exact = pct(part, whole);
  if (!exact) return std::nullopt;
  auto d = round_to_decimal(*exact, decimals);
  if (!d) return std::nullopt;
  return Percent(*d);
}

bool Percent::ok() const noexcept {
  return value_ >= Decimal{0, 0} && value_ <= Decimal{100, 0};
}

Rational Percent::lower() const {
  return value_.to_rational() - Rational(1, 2 * pow10(value_.scale));
}

Rational Percent::upper() const {
  return value_.to_rational() + Rational(1, 2 * pow10(value_.scale));
}

bool Percent::admits(const Rational& exact) const { return lower() <= exact && exact < upper(); }

namespace {
Decimal rescale(const Decimal& d, int scale) {
  return Decimal{mul(d.units, pow10(scale - d.scale)), scale};
}
}  // namespace

Percent operator+(const Percent& a, const Percent& b) {
  const int s = std::max(a.value_.scale, b.value_.scale);
  return Percent(Decimal{add(rescale(a.value_, s).units, rescale(b.value_, s).units), s});
}

Percent operator-(const Percent& a, const Percent& b) {
  const int s = std::max(a.value_.scale, b.value_.scale);
  return Percent(Decimal{sub(rescale(a.value_, s).units, rescale(b.value_, s).units), s});
}

std::optional<Rational> pct(const Count& part, const Count& whole) {
  if (whole.get() == 0) return std::nullopt;
  return Rational(part.get()) * 100 / Rational(whole.get());
}

// --- YesNo -------------------------------------------------------------------------------------

YesNo::YesNo(bool yes) : code_(yes ? 1 : 0), text_(yes ? "1" : "0") {}

result<YesNo> YesNo::parse(std::string_view text) {
  NumberSyntax syntax;
  syntax.allow_grouping = false;
  auto n = parse_whole(text, syntax, "mã Có/Không", "a yes/no code");
  if (!n) return n.error();
  return YesNo(*n, std::string(text));
}

bool YesNo::yes() const {
  Expects(ok());
  return code_ == 1;
}

// --- Code --------------------------------------------------------------------------------------

const CodeOption* CodeList::find(std::int64_t value) const noexcept {
  auto it = std::find_if(options_.begin(), options_.end(),
                         [value](const CodeOption& o) { return o.value == value; });
  return it == options_.end() ? nullptr : &*it;
}

Code::Code(std::int64_t value, const CodeList& list)
    : value_(detail::checked_figure(value)), listed_(list.contains(value)),
      text_(std::to_string(value)) {}

result<Code> Code::parse(std::string_view text, const CodeList& list) {
  NumberSyntax syntax;
  syntax.allow_grouping = false;
  auto n = parse_whole(text, syntax, "mã", "a code");
  if (!n) return n.error();
  return Code(*n, list.contains(*n), std::string(text));
}

// --- Pair --------------------------------------------------------------------------------------

Pair::Pair(Count first, Count second)
    : first_(std::move(first)), second_(std::move(second)),
      text_(first_.text() + "/" + second_.text()) {}

result<Pair> Pair::parse(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos)
    return make_error(errc::parse_error,
                      fmt::format("\"{}\": cặp số phải viết dạng a/b, ví dụ 0/0", text),
                      fmt::format("\"{}\": a pair is written a/b, e.g. 0/0", text));
  if (text.find('/', slash + 1) != std::string_view::npos)
    return make_error(errc::parse_error, fmt::format("\"{}\": có nhiều hơn một dấu /", text),
                      fmt::format("\"{}\": more than one slash", text));
  auto first = Count::parse(text.substr(0, slash));
  if (!first)
    return make_error(first.error().code,
                      fmt::format("vế thứ nhất của cặp số: {}", first.error().message_vi),
                      fmt::format("first half of the pair: {}", first.error().message_en));
  auto second = Count::parse(text.substr(slash + 1));
  if (!second)
    return make_error(second.error().code,
                      fmt::format("vế thứ hai của cặp số: {}", second.error().message_vi),
                      fmt::format("second half of the pair: {}", second.error().message_en));
  return Pair(std::move(*first), std::move(*second), std::string(text));
}

// --- Money -------------------------------------------------------------------------------------

Money::Money(std::int64_t dong)
    : WholeNumber(detail::checked_figure(dong), format_integer(dong, true)) {}

result<Money> Money::parse(std::string_view text) {
  auto n = detail::parse_whole_number(text, "số tiền (đồng)", "an amount of money (đồng)");
  if (!n) return n.error();
  return Money(*n, std::string(text));
}

// --- Value -------------------------------------------------------------------------------------

// Value's alternatives after Absent are in the order of Kind (kind.hpp).
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(Kind::count), Value>, Count> &&
              std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(Kind::percent), Value>, Percent> &&
              std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(Kind::yes_no), Value>, YesNo> &&
              std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(Kind::code), Value>, Code> &&
              std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(Kind::pair), Value>, Pair> &&
              std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(Kind::money), Value>, Money>);

std::optional<Kind> kind_of(const Value& v) noexcept {
  if (v.index() == 0) return std::nullopt;  // Absent
  return static_cast<Kind>(v.index());
}

bool is_absent(const Value& v) noexcept { return std::holds_alternative<Absent>(v); }

bool is_ok(const Value& v) noexcept {
  return std::visit([](const auto& x) { return x.ok(); }, v);
}

const std::string& text_of(const Value& v) noexcept {
  return std::visit([](const auto& x) -> const std::string& { return x.text(); }, v);
}

bool same_as_written(const Value& a, const Value& b) noexcept {
  if (a.index() != b.index() || text_of(a) != text_of(b)) return false;
  if (const auto* x = std::get_if<Absent>(&a)) return x->reason() == std::get<Absent>(b).reason();
  return true;
}

result<Value> parse_value(std::string_view text, Kind kind, const CodeList& codes) {
  const bool blank = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (blank) {
    if (kind == Kind::heading) return Value{Absent{}};
    return Value{Absent(Absent::Reason::not_reported, std::string(text))};
  }
  auto wrap = [](auto r) -> result<Value> {
    if (!r) return r.error();
    return Value{std::move(*r)};
  };
  switch (kind) {
    case Kind::heading:
      return make_error(errc::kind_mismatch,
                        fmt::format("\"{}\": dòng tiêu đề không có số liệu", text),
                        fmt::format("\"{}\": a heading row takes no value", text));
    case Kind::count: return wrap(Count::parse(text));
    case Kind::percent: return wrap(Percent::parse(text));
    case Kind::yes_no: return wrap(YesNo::parse(text));
    case Kind::code: return wrap(Code::parse(text, codes));
    case Kind::pair: return wrap(Pair::parse(text));
    case Kind::money: return wrap(Money::parse(text));
  }
  return make_error(errc::internal, "loại số liệu không xác định", "unknown kind");
}

}  // namespace cchc
