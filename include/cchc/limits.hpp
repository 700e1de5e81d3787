// SPDX-License-Identifier: MIT
// Limits on untrusted input. Every reader of reports, catalogues, rule files and report text
// takes one of these; input beyond a limit is an errc::limit_exceeded error that names the limit,
// never exhaustion of memory or stack. docs/security.md lists them with their reasons.
#pragma once

#include <cstddef>

namespace cchc {

/// Limits that keep hostile JSON (reports, catalogues) from exhausting memory or stack.
struct JsonLimits {
  /// Ceiling on max_depth that no setting lifts (an errc::invalid_argument error): reading and
  /// freeing a JSON tree recurse through it.
  static constexpr std::size_t max_depth_ceiling = 1024;

  std::size_t max_depth = 32;         ///< nesting of arrays and objects; a report needs 4
  std::size_t max_bytes = 64u << 20;  ///< the whole document
};

/// Limits on rule sources, against hostile or runaway input.
struct RuleLimits {
  /// Compiling and evaluating recurse through expressions, so their depth has a ceiling that no
  /// setting lifts: a larger max_depth is an errc::invalid_argument error. Below it, a thread
  /// whose stack runs short also gets errc::limit_exceeded rather than an overflow.
  static constexpr std::size_t max_depth_ceiling = 1024;

  std::size_t max_source_bytes = 16u << 20;
  std::size_t max_depth = 256;       ///< nesting of expressions, `let` definitions expanded
  std::size_t max_nodes = 1u << 16;  ///< size of one rule, `let` definitions expanded
};

/// Limits on report text (pdftotext output or a PDF's text).
struct TextLimits {
  std::size_t max_bytes = 64u << 20;
  std::size_t max_line_bytes = 1u << 20;  ///< a longer line is a limit_exceeded error
  /// A scan's pages (scan.hpp), and the pixels of one page as rendered or as stored: an A3 page
  /// at 600 dpi is 70 million; a hostile image that claims more is refused before it is decoded.
  std::size_t max_pages = 500;
  std::size_t max_page_pixels = 80'000'000;
};

/// All of them, as the C API keeps them (cchc_limits).
struct Limits {
  JsonLimits json;
  RuleLimits rules;
  TextLimits text;
};

}  // namespace cchc
