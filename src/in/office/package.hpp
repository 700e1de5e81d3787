// SPDX-License-Identifier: MIT
// Internal: an Office Open XML package (.docx, .xlsx) read from memory with libzip, its parts
// parsed with pugixml, within limits: a zip bomb or a part beyond the text limit is an error that
// names the part, never exhaustion of memory.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "cchc/error.hpp"
#include "cchc/limits.hpp"

namespace cchc::detail::office {

class Package {
 public:
  /// The package in `bytes` (which must outlive it).
  [[nodiscard]] static result<Package> open(std::string_view bytes, const TextLimits& limits);

  [[nodiscard]] bool has(const std::string& part) const;
  /// A part's bytes: errc::not_found when it is missing, limit_exceeded beyond the limits.
  [[nodiscard]] result<std::string> read(const std::string& part) const;
  /// A part parsed as XML; errc::parse_error names the part and the offset.
  [[nodiscard]] result<std::shared_ptr<pugi::xml_document>> xml(const std::string& part) const;

 private:
  struct Zip;
  std::shared_ptr<Zip> zip_;
  TextLimits limits_;
  mutable std::size_t read_total_ = 0;
};

/// The text of an element: its w:t / t descendants in order, w:br and w:cr as line breaks,
/// w:tab as a tab. Iterative, so a deep document cannot exhaust the stack.
[[nodiscard]] std::string text_of(pugi::xml_node node);

/// The part a relationship of `rels_part` with id `id` points to, resolved against `base`
/// ("xl/"): "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml".
[[nodiscard]] std::string resolve(std::string_view base, std::string_view target);

}  // namespace cchc::detail::office
