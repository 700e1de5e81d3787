// SPDX-License-Identifier: MIT
// Internal: a scan's pages as grey pictures, one at a time: a PDF's rendered by poppler, an
// image's frames (PNG, JPEG, TIFF) decoded by Leptonica, each checked against the limits
// before it is drawn or decoded.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>

#include "cchc/error.hpp"
#include "cchc/limits.hpp"
#include "cchc/scan.hpp"

struct Pix;

namespace cchc::detail::scan {

struct PixFree {
  void operator()(Pix* p) const noexcept;
};
using PixPtr = std::unique_ptr<Pix, PixFree>;

/// A page to recognise, and the resolution it is at.
struct PageImage {
  PixPtr pix;
  int dpi = 300;
};

class PageSource {
 public:
  virtual ~PageSource() = default;
  [[nodiscard]] virtual std::size_t pages() const = 0;
  /// Page `index` (from 0). Not to be called from two threads at once.
  [[nodiscard]] virtual result<PageImage> page(std::size_t index) = 0;
};

/// The pages of an image file (by its signature) or of a PDF.
[[nodiscard]] result<std::unique_ptr<PageSource>> open_pages(const std::filesystem::path& path,
                                                             const OcrOptions& options, const TextLimits& limits);

}  // namespace cchc::detail::scan
