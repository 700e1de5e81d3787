// SPDX-License-Identifier: MIT
// A PDF's page is drawn in grey at the resolution asked for; an image's frame is decoded as it
// is, at the resolution its scanner wrote. What a page claims (its size in points, an image's
// header) is checked against the limits before any pixel is made.
#include "in/scan/pages.hpp"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>
#include <leptonica/allheaders.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

namespace cchc::detail::scan {

void PixFree::operator()(Pix* p) const noexcept { pixDestroy(&p); }

namespace {

error too_large(std::size_t page, std::size_t pixels, const TextLimits& limits, const std::string& where) {
  return make_error(errc::limit_exceeded,
                    fmt::format("trang {} quá lớn ({} điểm ảnh, tối đa {})", page, pixels, limits.max_page_pixels),
                    fmt::format("page {} too large ({} pixels, at most {})", page, pixels, limits.max_page_pixels),
                    where);
}

error too_many_pages(std::size_t pages, const TextLimits& limits, const std::string& where) {
  return make_error(errc::limit_exceeded, fmt::format("quá nhiều trang ({}, tối đa {})", pages, limits.max_pages),
                    fmt::format("too many pages ({}, at most {})", pages, limits.max_pages), where);
}

class PdfPages final : public PageSource {
 public:
  PdfPages(std::unique_ptr<poppler::document> doc, unsigned dpi, TextLimits limits, std::string where)
      : doc_(std::move(doc)), dpi_(dpi), limits_(limits), where_(std::move(where)) {
    renderer_.set_image_format(poppler::image::format_gray8);
    renderer_.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer_.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  }
  [[nodiscard]] std::size_t pages() const override { return static_cast<std::size_t>(doc_->pages()); }
  result<PageImage> page(std::size_t index) override {
    std::unique_ptr<poppler::page> p(doc_->create_page(static_cast<int>(index)));
    if (!p)
      return make_error(errc::io_error, fmt::format("không đọc được trang {}", index + 1),
                        fmt::format("cannot read page {}", index + 1), where_);
    // The size is known before anything is drawn: a page that claims to be huge costs nothing.
    const poppler::rectf box = p->page_rect();
    const double w = box.width() * dpi_ / 72.0, h = box.height() * dpi_ / 72.0;
    if (!(w >= 1 && h >= 1) || w * h > static_cast<double>(limits_.max_page_pixels))
      return too_large(index + 1, w >= 1 && h >= 1 ? static_cast<std::size_t>(w * h) : 0, limits_, where_);
    poppler::image img = renderer_.render_page(p.get(), dpi_, dpi_);
    if (!img.is_valid())
      return make_error(errc::io_error, fmt::format("không vẽ được trang {}", index + 1),
                        fmt::format("cannot render page {}", index + 1), where_);
    PixPtr pix(pixCreate(img.width(), img.height(), 8));
    if (!pix) return too_large(index + 1, static_cast<std::size_t>(w * h), limits_, where_);
    for (int y = 0; y < img.height(); ++y) {
      const auto* row = reinterpret_cast<const unsigned char*>(img.const_data()) +
                        static_cast<std::ptrdiff_t>(y) * img.bytes_per_row();
      l_uint32* line = pixGetData(pix.get()) + static_cast<std::ptrdiff_t>(y) * pixGetWpl(pix.get());
      for (int x = 0; x < img.width(); ++x) SET_DATA_BYTE(line, x, row[x]);
    }
    return PageImage{std::move(pix), static_cast<int>(dpi_)};
  }

 private:
  std::unique_ptr<poppler::document> doc_;
  poppler::page_renderer renderer_;
  unsigned dpi_;
  TextLimits limits_;
  std::string where_;
};

// PNG, JPEG or TIFF; a TIFF's frames are pages. Each frame's header is read before the frame.
class ImagePages final : public PageSource {
 public:
  ImagePages(std::string path, std::size_t frames, bool tiff, TextLimits limits)
      : path_(std::move(path)), frames_(frames), tiff_(tiff), limits_(limits) {}
  [[nodiscard]] std::size_t pages() const override { return frames_; }
  result<PageImage> page(std::size_t index) override {
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0;
    const bool header = tiff_ ? readHeaderTiff(path_.c_str(), static_cast<l_int32>(index), &w, &h, &bps, &spp,
                                               &res, &cmap, &format) == 0
                              : pixReadHeader(path_.c_str(), &format, &w, &h, &bps, &spp, &cmap) == 0;
    if (!header)
      return make_error(errc::io_error, fmt::format("không đọc được đầu ảnh (trang {})", index + 1),
                        fmt::format("cannot read the image's header (page {})", index + 1), path_);
    const auto claimed = static_cast<std::size_t>(std::max(w, 0)) * static_cast<std::size_t>(std::max(h, 0));
    if (claimed > limits_.max_page_pixels) return too_large(index + 1, claimed, limits_, path_);
    PixPtr pix(tiff_ ? pixReadTiff(path_.c_str(), static_cast<l_int32>(index)) : pixRead(path_.c_str()));
    if (!pix)
      return make_error(errc::io_error, fmt::format("không đọc được ảnh (trang {})", index + 1),
                        fmt::format("cannot decode the image (page {})", index + 1), path_);
    const auto pixels = static_cast<std::size_t>(pixGetWidth(pix.get())) * static_cast<std::size_t>(pixGetHeight(pix.get()));
    if (pixels > limits_.max_page_pixels) return too_large(index + 1, pixels, limits_, path_);
    // The resolution the scanner wrote, else the one scanners use.
    const int dpi = pixGetXRes(pix.get()) >= 70 && pixGetXRes(pix.get()) <= 1200 ? pixGetXRes(pix.get()) : 300;
    return PageImage{std::move(pix), dpi};
  }

 private:
  std::string path_;
  std::size_t frames_;
  bool tiff_;
  TextLimits limits_;
};

}  // namespace

result<std::unique_ptr<PageSource>> open_pages(const std::filesystem::path& path, const OcrOptions& options,
                                               const TextLimits& limits) {
  const std::string where = path.string();
  FILE* f = std::fopen(where.c_str(), "rb");
  if (f == nullptr)
    return make_error(errc::io_error, "không mở được tệp", "cannot open the file", where);
  unsigned char head[8] = {};
  const std::size_t n = std::fread(head, 1, sizeof head, f);
  const bool tiff = n >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0) ||
                               (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42));
  const bool image = tiff || (n >= 8 && std::equal(head, head + 8, "\x89PNG\r\n\x1a\n")) ||
                     (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF);
  std::size_t frames = 1;
  if (tiff) {
    std::rewind(f);
    l_int32 count = 0;
    if (tiffGetCount(f, &count) != 0 || count < 1) count = 0;
    frames = static_cast<std::size_t>(count);
  }
  std::fclose(f);
  if (image) {
    if (frames == 0) return make_error(errc::io_error, "tệp TIFF hỏng", "a damaged TIFF file", where);
    if (frames > limits.max_pages) return too_many_pages(frames, limits, where);
    return std::unique_ptr<PageSource>(std::make_unique<ImagePages>(where, frames, tiff, limits));
  }
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(where));
  if (!doc || doc->is_locked())
    return make_error(errc::io_error, "không phải ảnh PNG, JPEG, TIFF hay tệp PDF đọc được",
                      "not a PNG, JPEG or TIFF image nor a readable PDF", where);
  if (static_cast<std::size_t>(doc->pages()) > limits.max_pages)
    return too_many_pages(static_cast<std::size_t>(doc->pages()), limits, where);
  if (options.dpi < 70 || options.dpi > 1200)
    return make_error(errc::invalid_argument, fmt::format("độ phân giải {} dpi ngoài khoảng 70-1200", options.dpi),
                      fmt::format("a resolution of {} dpi is outside 70-1200", options.dpi), where);
  return std::unique_ptr<PageSource>(std::make_unique<PdfPages>(std::move(doc), options.dpi, limits, where));
}


}  // namespace cchc::detail::scan
