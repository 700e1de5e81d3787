// SPDX-License-Identifier: MIT
// cchc/error.hpp: how cchc reports input it cannot read.
//
// Three tiers, as in abseil and simdjson:
//   * programmer errors (a row id from another catalogue, a null view) are contracts: GSL
//     Expects/Ensures, which terminate;
//   * unreadable input (malformed JSON, "3x" where a count belongs) is a recoverable value,
//     cchc::result<T>, carrying a cchc::error that says what and where;
//   * findings of a validation (a percentage that does not match its parts) are plain data,
//     never errors.
//
//   cchc::result<cchc::Count> c = cchc::Count::parse("02");
//   if (!c) std::cerr << c.error().describe() << '\n';
//   cchc::Count n = cchc::Count::parse("35").value();  // throws cchc::exception on failure
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

namespace cchc {

/// The closed set of error codes. The numbers are part of the stable C API (cchc.h) and never
/// change meaning; new codes may be added.
enum class errc : std::int32_t {
  ok = 0,
  invalid_argument = -1,  ///< a caller passed something unusable (null, empty, wrong kind)
  parse_error = -2,       ///< text that is not what it should be (not a number, bad JSON)
  not_found = -3,         ///< an unknown row address, form or file
  kind_mismatch = -4,     ///< a value of one kind given where another kind belongs
  out_of_range = -5,      ///< a number too large to hold exactly, or a date that cannot exist
  invalid_utf8 = -6,      ///< text that is not valid UTF-8
  io_error = -7,          ///< a file that cannot be read or written
  invalid_catalog = -8,   ///< a catalogue that contradicts itself (duplicate codes, bad parents)
  limit_exceeded = -9,    ///< input beyond a documented safety limit
  buffer_too_small = -10, ///< a caller's buffer cannot hold the whole output (C API)
  callback_failed = -11,  ///< a rule callback reported failure (C API)
  no_value = -12,         ///< the row is blank, so there is no value of the asked kind
  out_of_memory = -13,    ///< an allocation failed
  internal = -99,         ///< a bug in cchc; please report it
};

/// The language of a message: officers read Vietnamese, and English stands beside it for others.
enum class Language : std::uint8_t { vi, en };

/// Stable English name of a code, e.g. "parse_error".
[[nodiscard]] std::string_view to_string(errc code) noexcept;

/// Why some input could not be read, and where.
///
/// `where` locates the problem in the terms the user knows: "report.json:3:17",
/// "$.values[\"B1:2.1\"]", "B3:3.1.2", or "" when there is nothing more precise to say.
/// Messages come in Vietnamese and English, because both kinds of reader meet them.
struct error {
  errc code = errc::internal;
  std::string message_en;
  std::string message_vi;
  std::string where;

  /// "where: message_vi (message_en)", or without the location when there is none.
  [[nodiscard]] std::string describe() const;
  /// "where: message" in one language only (the other when the asked one is empty).
  [[nodiscard]] std::string describe(Language lang) const;

  /// The same error, located further out: `within("report.json")` turns "$.values" into
  /// "report.json: $.values".
  [[nodiscard]] error within(std::string_view outer) const&;
  [[nodiscard]] error within(std::string_view outer) &&;
};

/// Builds an error; the Vietnamese message comes first because that is what officers read.
[[nodiscard]] error make_error(errc code, std::string message_vi, std::string message_en,
                               std::string where = {});

/// Thrown by result<T>::value() when the result holds an error, and by the few APIs that have no
/// result to return (constructors of immutable objects from trusted, built-in data).
class exception : public std::runtime_error {
 public:
  explicit exception(cchc::error e);
  [[nodiscard]] const cchc::error& error() const noexcept { return error_; }
  [[nodiscard]] errc code() const noexcept { return error_.code; }

 private:
  cchc::error error_;
};

/// A value or the reason it could not be produced. `.value()` throws cchc::exception.
template <class T>
using result = boost::system::result<T, error>;

/// Found by boost::system::result through ADL; turns an error into cchc::exception.
[[noreturn]] void throw_exception_from_error(const error& e, const boost::source_location& loc);

}  // namespace cchc
