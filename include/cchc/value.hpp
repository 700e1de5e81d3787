// SPDX-License-Identifier: MIT
// cchc/value.hpp: the strong value types of a report's annex.
//
// Each kind of figure a report holds has its own type: Count, Percent, YesNo, Code, Pair, Money,
// and Absent for a blank, with the reason it is blank. Every value keeps the text it was written
// as ("02", "33,3", "0/0"), so writing a report back reproduces it byte for byte, and each value
// can be stored while invalid: a negative count or a percent of 120 parses, and `ok()` says no.
// A check reports that as a finding; it is not an exception (like date::year_month_day::ok()).
//
// Operations that make no sense do not compile:
//   Count a{3}, b{4};  a + b;            // Count 7
//   a + Percent::parse("10").value();    // error: no operator+ for Count and Percent
//   Count c = 3.5;                        // error: deleted constructor, a double is not a count
//
//   auto p = cchc::Percent::parse("33,3").value();
//   p.decimals();                              // 1
//   p.admits(cchc::Rational(100, 3));          // true: 33,3 stands for [33,25; 33,35)
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cchc/error.hpp"
#include "cchc/kind.hpp"
#include "cchc/number.hpp"

namespace cchc {


/// A blank value. Blank is not zero: "not reported" and "not applicable" are different facts,
/// and neither takes part in arithmetic.
class Absent {
 public:
  enum class Reason : std::uint8_t { not_reported, not_applicable };

  Absent() = default;
  explicit Absent(Reason reason, std::string text = {}) : reason_(reason), text_(std::move(text)) {}

  [[nodiscard]] Reason reason() const noexcept { return reason_; }
  /// What stood in the cell: "" for a blank, or a marker such as "-" or "x".
  [[nodiscard]] const std::string& text() const noexcept { return text_; }
  [[nodiscard]] bool ok() const noexcept { return true; }

  friend bool operator==(const Absent&, const Absent&) = default;

 private:
  Reason reason_ = Reason::not_reported;
  std::string text_;
};

[[nodiscard]] std::string_view to_string(Absent::Reason reason) noexcept;
[[nodiscard]] std::optional<Absent::Reason> absence_from_string(std::string_view name) noexcept;

namespace detail {

/// Exact 64-bit arithmetic for the whole-number kinds; an overflow throws cchc::exception
/// (out_of_range), which no real report comes near, since parsing stops at 18 digits.
/// `n`, when its magnitude is at most Decimal::max_units; else throws cchc::exception
/// (out_of_range): a figure of more than 18 digits would not read back.
[[nodiscard]] std::int64_t checked_figure(std::int64_t n);
[[nodiscard]] std::int64_t checked_add(std::int64_t a, std::int64_t b);
[[nodiscard]] std::int64_t checked_sub(std::int64_t a, std::int64_t b);
[[nodiscard]] std::int64_t checked_mul(std::int64_t a, std::int64_t b);
/// "35", "02", "1.234": a whole number of the kind named in the error ("a count").
[[nodiscard]] result<std::int64_t> parse_whole_number(std::string_view text,
                                                      std::string_view kind_vi,
                                                      std::string_view kind_en);

/// What Count and Money share: a whole number with the text it was written as, valid when
/// non-negative. Each kind is its own type, so a count never adds to an amount of money.
template <class D>
class WholeNumber {
 public:
  [[nodiscard]] bool ok() const noexcept { return n_ >= 0; }
  [[nodiscard]] const std::string& text() const noexcept { return text_; }

  friend D operator+(const D& a, const D& b) { return D(checked_add(a.n_, b.n_)); }
  friend D operator-(const D& a, const D& b) { return D(checked_sub(a.n_, b.n_)); }
  friend D operator*(const D& a, std::int64_t k) { return D(checked_mul(a.n_, k)); }
  /// Numeric comparison: "02" == "2". Compare text() for the written form.
  friend std::strong_ordering operator<=>(const D& a, const D& b) noexcept { return a.n_ <=> b.n_; }
  friend bool operator==(const D& a, const D& b) noexcept { return a.n_ == b.n_; }

 protected:
  WholeNumber(std::int64_t n, std::string text) : n_(n), text_(std::move(text)) {}
  std::int64_t n_;
  std::string text_;
};

}  // namespace detail

/// A number of things: documents, tasks, dossiers, people. Valid when non-negative. At most
/// 18 digits (Decimal::max_units): a larger count, or a sum that outgrows it, throws
/// cchc::exception (out_of_range). Arithmetic is exact.
class Count : public detail::WholeNumber<Count> {
 public:
  Count() : Count(0) {}
  explicit Count(std::int64_t n);
  /// A double is never a count: 2.9999 would become 2. Parse text or pass an integer.
  template <std::floating_point F>
  Count(F) = delete;
  template <class B>
    requires std::same_as<B, bool>
  Count(B) = delete;  // true is not a count

  /// "35", "02", "1.234" (a thousands dot). A fraction is a kind error; a sign is allowed and
  /// makes an invalid count.
  [[nodiscard]] static result<Count> parse(std::string_view text);

  [[nodiscard]] std::int64_t get() const noexcept { return n_; }

  friend Count operator*(std::int64_t k, const Count& a) { return a * k; }
  Count& operator+=(const Count& b) { return *this = *this + b; }
  Count& operator-=(const Count& b) { return *this = *this - b; }

 private:
  Count(std::int64_t n, std::string text) : WholeNumber(n, std::move(text)) {}
};

/// A percentage, exact, with the number of decimals it was written with ("33,3" has 1).
/// Valid when 0 <= value <= 100.
class Percent {
 public:
  Percent() : Percent(Decimal{}) {}
  explicit Percent(Decimal value);
  template <std::floating_point F>
  Percent(F) = delete;

  /// "100", "33,3", "11,11", "100%". A sign is allowed and makes an invalid percent.
  [[nodiscard]] static result<Percent> parse(std::string_view text);
  /// 100 × part / whole rounded half away from zero to `decimals`; nullopt when whole is 0,
  /// because 0/0 has no percentage.
  [[nodiscard]] static std::optional<Percent> of(const Count& part, const Count& whole,
                                                 int decimals);

  [[nodiscard]] const Decimal& value() const noexcept { return value_; }
  [[nodiscard]] int decimals() const noexcept { return value_.scale; }
  [[nodiscard]] bool ok() const noexcept;
  [[nodiscard]] const std::string& text() const noexcept { return text_; }

  /// The interval a rounded figure stands for: [v − ½·10^-k, v + ½·10^-k).
  /// "33,3" stands for [33,25; 33,35); "100" for [99,5; 100,5).
  [[nodiscard]] Rational lower() const;
  [[nodiscard]] Rational upper() const;
  /// True when `exact` rounds to this figure, i.e. lies in [lower(), upper()).
  [[nodiscard]] bool admits(const Rational& exact) const;

  /// Shares of one whole add up ("of which" rows); the result keeps the finer precision.
  friend Percent operator+(const Percent& a, const Percent& b);
  friend Percent operator-(const Percent& a, const Percent& b);

  friend std::strong_ordering operator<=>(const Percent& a, const Percent& b) noexcept {
    return a.value_ <=> b.value_;
  }
  friend bool operator==(const Percent& a, const Percent& b) noexcept {
    return a.value_ == b.value_;
  }

 private:
  Percent(Decimal value, std::string text) : value_(value), text_(std::move(text)) {}
  Decimal value_;
  std::string text_;
};

/// 100 × part / whole, exact; nullopt when whole is 0 (a ratio with no value).
[[nodiscard]] std::optional<Rational> pct(const Count& part, const Count& whole);

/// "Có = 1; Không = 0". Valid when the number written is 0 or 1.
class YesNo {
 public:
  YesNo() : YesNo(false) {}
  explicit YesNo(bool yes);
  template <class T>
    requires(!std::same_as<T, bool>)
  YesNo(T) = delete;  // only a bool says yes or no; 2 is no answer

  [[nodiscard]] static result<YesNo> parse(std::string_view text);

  /// The number written, which may be outside {0, 1} for an invalid value.
  [[nodiscard]] std::int64_t code() const noexcept { return code_; }
  [[nodiscard]] bool ok() const noexcept { return code_ == 0 || code_ == 1; }
  /// Requires ok().
  [[nodiscard]] bool yes() const;
  [[nodiscard]] const std::string& text() const noexcept { return text_; }

  friend bool operator==(const YesNo& a, const YesNo& b) noexcept { return a.code_ == b.code_; }

 private:
  YesNo(std::int64_t code, std::string text) : code_(code), text_(std::move(text)) {}
  std::int64_t code_;
  std::string text_;
};

/// One entry of an enumerated row's code list: "Kết hợp = 2".
struct CodeOption {
  std::int64_t value = 0;
  std::string label;     ///< Vietnamese, as printed
  std::string label_en;  ///< optional English label
  friend bool operator==(const CodeOption&, const CodeOption&) = default;
};

/// The codes an enumerated row accepts. Part of the row's definition.
class CodeList {
 public:
  CodeList() = default;
  explicit CodeList(std::vector<CodeOption> options) : options_(std::move(options)) {}

  [[nodiscard]] const std::vector<CodeOption>& options() const noexcept { return options_; }
  [[nodiscard]] const CodeOption* find(std::int64_t value) const noexcept;
  [[nodiscard]] bool contains(std::int64_t value) const noexcept { return find(value) != nullptr; }
  [[nodiscard]] bool empty() const noexcept { return options_.empty(); }

  friend bool operator==(const CodeList&, const CodeList&) = default;

 private:
  std::vector<CodeOption> options_;
};

/// A member of a code list, e.g. "Trực tuyến = 0 / Phát phiếu = 1 / Kết hợp = 2".
/// Valid when the code is in the list it was read against.
class Code {
 public:
  Code(std::int64_t value, const CodeList& list);
  template <std::floating_point F>
  Code(F, const CodeList&) = delete;

  [[nodiscard]] static result<Code> parse(std::string_view text, const CodeList& list);

  [[nodiscard]] std::int64_t get() const noexcept { return value_; }
  [[nodiscard]] bool ok() const noexcept { return listed_; }
  [[nodiscard]] const std::string& text() const noexcept { return text_; }

  friend bool operator==(const Code& a, const Code& b) noexcept { return a.value_ == b.value_; }

 private:
  Code(std::int64_t value, bool listed, std::string text)
      : value_(value), listed_(listed), text_(std::move(text)) {}
  std::int64_t value_;
  bool listed_;
  std::string text_;
};

/// Two counts with their own meanings, written "0/0" or "04/04" (meetings / participants,
/// apology letters / late dossiers). Valid when both halves are.
class Pair {
 public:
  Pair() : Pair(Count{}, Count{}) {}
  Pair(Count first, Count second);

  /// "0/0", "04/04", "3 / 5". Both halves are required.
  [[nodiscard]] static result<Pair> parse(std::string_view text);

  [[nodiscard]] const Count& first() const noexcept { return first_; }
  [[nodiscard]] const Count& second() const noexcept { return second_; }
  [[nodiscard]] bool ok() const noexcept { return first_.ok() && second_.ok(); }
  [[nodiscard]] const std::string& text() const noexcept { return text_; }

  friend bool operator==(const Pair& a, const Pair& b) noexcept {
    return a.first_ == b.first_ && a.second_ == b.second_;
  }

 private:
  Pair(Count first, Count second, std::string text)
      : first_(std::move(first)), second_(std::move(second)), text_(std::move(text)) {}
  Count first_;
  Count second_;
  std::string text_;
};

/// An amount in đồng, written "85.000.000". Exact; valid when non-negative.
class Money : public detail::WholeNumber<Money> {
 public:
  Money() : Money(0) {}
  explicit Money(std::int64_t dong);
  template <std::floating_point F>
  Money(F) = delete;

  [[nodiscard]] static result<Money> parse(std::string_view text);

  [[nodiscard]] std::int64_t dong() const noexcept { return n_; }

 private:
  Money(std::int64_t dong, std::string text) : WholeNumber(dong, std::move(text)) {}
};

/// Any cell of an annex.
using Value = std::variant<Absent, Count, Percent, YesNo, Code, Pair, Money>;

/// The kind a value is, or nullopt for Absent.
[[nodiscard]] std::optional<Kind> kind_of(const Value& v) noexcept;
[[nodiscard]] bool is_absent(const Value& v) noexcept;
/// The value's own validity (count >= 0, percent in [0, 100], code listed, ...). Absent is ok.
[[nodiscard]] bool is_ok(const Value& v) noexcept;
/// The text as written.
[[nodiscard]] const std::string& text_of(const Value& v) noexcept;
/// Byte-for-byte equality of the written form and the kind, which is what a round trip keeps.
[[nodiscard]] bool same_as_written(const Value& a, const Value& b) noexcept;

/// Parses a cell of the given kind. A blank (empty or only spaces) is Absent(not_reported);
/// `codes` is used by Kind::code. A heading takes no value: any text is a kind_mismatch error.
[[nodiscard]] result<Value> parse_value(std::string_view text, Kind kind,
                                        const CodeList& codes = {});

}  // namespace cchc
