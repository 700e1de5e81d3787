// Regular expressions for the readers: Boost.Regex, with std::regex's meaning of ^, $ and ".".
#pragma once

#include <string>

#include <boost/regex.hpp>

namespace cchc::detail {

// libstdc++'s std::regex backtracks by recursion and copies its match state at every step: on a
// report's text it was half of the text import's time. Boost.Regex (header-only since 1.76) runs
// the same ECMAScript patterns several times faster. Perl's defaults differ from ECMAScript's in
// two ways that matter here, and the flags undo both: "^" and "$" match only at the ends of the
// text (no_mod_m), and "." never matches a line break (no_mod_s).
using Regex = boost::regex;

inline Regex regex(const std::string& pattern) {
  return Regex(pattern, boost::regex::ECMAScript | boost::regex::no_mod_m | boost::regex::no_mod_s);
}

}  // namespace cchc::detail
