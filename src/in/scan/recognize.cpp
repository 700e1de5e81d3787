// SPDX-License-Identifier: MIT
// Pages to words: each page (in/scan/pages.hpp) made ready and recognised by its own Tesseract
// engines on a pool of threads. Pages are rendered or decoded one at a time, when a thread is
// free for one, so a long scan never holds more than a page per thread in memory; recognition,
// a second or so a page, runs side by side.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#ifndef CCHC_HAVE_OPENMP
#define CCHC_HAVE_OPENMP 0
#endif
#if CCHC_HAVE_OPENMP
#include <omp.h>
#endif

#include <fmt/format.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "cchc/scan.hpp"
#include "in/scan/columns.hpp"
#include "in/scan/pages.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

using detail::code_points;
using detail::has_digit;
using detail::unreadable_mark;

using detail::scan::PageImage;
using detail::scan::PixPtr;

// Two recognisers a thread: the document's language for the page, and one that knows only
// figures for a second look at them. The Vietnamese model reads a figure alone in its cell
// badly ("35" as "Kio") and loses a code's dot ("3.1" as "31"); read as one word by a model
// that may only answer with digits, points, commas, slashes and "%", the same pixels read right,
// and the recogniser says how sure it is.
struct Engine {
  tesseract::TessBaseAPI page;
  tesseract::TessBaseAPI figures;
};

result<void> start(tesseract::TessBaseAPI& api, const std::string& language, const std::string& data) {
  // Tesseract's notes ("Estimating resolution as …") are not the caller's business.
  api.SetVariable("debug_file", "/dev/null");
  if (api.Init(data.empty() ? nullptr : data.c_str(), language.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
    return make_error(errc::io_error,
                      fmt::format("không nạp được mô hình nhận dạng chữ \"{}\" (cài gói tesseract-ocr-vie?)", language),
                      fmt::format("cannot load the OCR model \"{}\" (is tesseract-ocr-vie installed?)", language),
                      data.empty() ? std::string("tessdata") : data);
  api.SetVariable("debug_file", "/dev/null");
  return {};
}

result<std::unique_ptr<Engine>> start_engine(const OcrOptions& options) {
  auto engine = std::make_unique<Engine>();
  const std::string data = options.tessdata.string();
  if (auto ok = start(engine->page, options.language, data); !ok) return ok.error();
  if (auto ok = start(engine->figures, "eng", data); !ok) return ok.error();
  engine->figures.SetVariable("tessedit_char_whitelist", "0123456789.,/%");
  return engine;
}

// A figure or a code as the second look may give it: digits, with points, commas, one slash
// and a final "%" among them.
bool figure_shaped(std::string_view s) {
  if (s.empty() || !has_digit(s) || std::count(s.begin(), s.end(), '/') > 1) return false;
  if (s.find('%') != std::string_view::npos && s.find('%') != s.size() - 1) return false;
  return s.find_first_not_of("0123456789.,/%") == std::string_view::npos;
}

// What the figures' model reads in a rectangle (the image set beforehand), when it is a figure.
struct FigureReading {
  std::string text;
  float confidence = 0;
};

std::optional<FigureReading> read_figure(Engine& engine, int left, int top, int width, int height) {
  engine.figures.SetRectangle(left, top, width, height);
  std::unique_ptr<char[]> text(engine.figures.GetUTF8Text());
  if (!text) return std::nullopt;
  std::string read(text.get());
  while (!read.empty() && (read.back() == '\n' || read.back() == ' ')) read.pop_back();
  if (!figure_shaped(read)) return std::nullopt;
  return FigureReading{std::move(read), static_cast<float>(engine.figures.MeanTextConf())};
}

// The height of the middle word from `from` on: a line's, on a page of text.
int median_height(const std::vector<OcrWord>& words, std::size_t from) {
  std::vector<int> heights;
  for (std::size_t i = from; i < words.size(); ++i) heights.push_back(words[i].bottom - words[i].top);
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
  return heights[heights.size() / 2];
}

// The words worth a second look: every word with a digit or none at all (ink no word took),
// and a short word the page's model was unsure of, of one line's height, which may be a figure
// it could not read.
bool second_look(const OcrWord& w, int line_height, float sure) {
  if (w.text.empty() || has_digit(w.text)) return true;
  return code_points(w.text) <= 3 && w.confidence < sure && (w.bottom - w.top) * 2 <= 3 * line_height;
}

void look_again(Engine& engine, Pix* image, std::vector<OcrWord>& words, std::size_t from, float sure) {
  const int line_height = median_height(words, from);
  const int pad = std::max(4, line_height / 4);
  const int width = pixGetWidth(image), height = pixGetHeight(image);
  engine.figures.SetPageSegMode(tesseract::PSM_SINGLE_WORD);
  engine.figures.SetImage(image);
  for (std::size_t i = from; i < words.size(); ++i) {
    OcrWord& w = words[i];
    if (!second_look(w, line_height, sure)) continue;
    const auto read_around = [&](int margin) {
      const int left = std::max(0, w.left - margin), top = std::max(0, w.top - margin);
      return read_figure(engine, left, top, std::min(width, w.right + margin) - left,
                         std::min(height, w.bottom + margin) - top);
    };
    auto figure = read_around(pad);
    // A figure alone in its cell that the page's model could not read, in a box as tight as its
    // ink, can read as something else ("0" as "10"): with a line's height of paper around it the
    // recogniser sees it as it is, and a sure reading so is taken. (A word read with a digit, a
    // code among them, keeps to its own box: wider, it would take its neighbours' ink.)
    if ((!figure || figure->confidence < sure) && !has_digit(w.text)) {
      engine.figures.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
      auto wider = read_around(std::max(pad, line_height));
      engine.figures.SetPageSegMode(tesseract::PSM_SINGLE_WORD);
      if (wider && wider->confidence >= sure && (!figure || wider->confidence > figure->confidence))
        figure = std::move(wider);
    }
    if (figure && (has_digit(w.text) ? figure->confidence > w.confidence : figure->confidence >= sure)) {
      // A word with a digit takes the surer reading; a word without one becomes a figure only
      // when the figures' model is sure of it.
      w.text = figure->text;
      w.confidence = figure->confidence;
    } else if (figure && !has_digit(w.text) && (w.confidence < 50 || figure->confidence >= 50)) {
      // A short word neither model is sure of, which reads as a figure to one of them ("33,3"
      // as "ST"): a figure that could not be read, never nothing. (A word the page's model was
      // fairly sure of stays a word unless the figures' model is fairly sure too.)
      w.text = figure->text + std::string(unreadable_mark);
      w.confidence = figure->confidence;
    } else if (w.text.empty()) {
      // Ink no reading made out.
      w.text = unreadable_mark;
    }
  }
}

// A page made ready to read: its table rules painted out (Tesseract reads a rule beside a
// figure as a letter, "|0", and lets a cell's border run two rows' lines together), and how
// askew it was scanned.
struct PreparedPage {
  PixPtr clean;    // grey, without rules
  float skew = 0;  // degrees, as pixFindSkew() gives it
  int threshold = 128;  // darker than this is ink
  l_uint32 paper = 255;  // the paper's grey: what is painted out is painted in it (white boxes on
                         // grey paper read to Tesseract as pictures, and what is between them as
                         // something else than text)
  std::vector<detail::scan::Strip> columns;  // of its ruled tables, each read on its own
};

PreparedPage prepare(const PageImage& image) {
  PreparedPage out;
  PixPtr gray(pixConvertTo8(image.pix.get(), 0));
  if (!gray) return out;
  // Ink is what is darker than the paper, a grey paper's or a white one's.
  l_uint32 paper = 255;
  if (pixGetRankValue(gray.get(), 4, 0.5F, &paper) != 0) paper = 255;
  out.threshold = std::max(64, static_cast<int>(paper) - 32);
  out.paper = paper;
  PixPtr ink(pixConvertTo1(gray.get(), out.threshold));
  if (!ink) {
    out.clean = std::move(gray);
    return out;
  }
  // The page is not turned (that would blur thin strokes); the words' places are, afterwards.
  l_float32 angle = 0, confidence = 0;
  if (pixFindSkew(ink.get(), &angle, &confidence) == 0 && confidence >= 3) out.skew = angle;
  // A run of ink a quarter of an inch long, across or down, and thin, is a rule: no letter is.
  const int run = std::max(20, image.dpi / 4), thick = std::max(4, image.dpi / 40);
  PixPtr across(pixOpenBrick(nullptr, ink.get(), run, 1));
  PixPtr down(pixOpenBrick(nullptr, ink.get(), 1, run));
  if (across && down) {
    PixPtr fat(pixOpenBrick(nullptr, across.get(), 1, thick));
    if (fat) pixSubtract(across.get(), across.get(), fat.get());
    fat.reset(pixOpenBrick(nullptr, down.get(), thick, 1));
    if (fat) pixSubtract(down.get(), down.get(), fat.get());
    out.columns = detail::scan::table_columns(down.get());
    if (PixPtr rules(pixOr(nullptr, across.get(), down.get())); rules) {
      pixDilateBrick(rules.get(), rules.get(), 3, 3);
      pixSetMasked(gray.get(), rules.get(), paper);
    }
  }
  out.clean = std::move(gray);
  return out;
}

void collect(tesseract::TessBaseAPI& api, std::size_t page, std::vector<OcrWord>& out) {
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return;
  constexpr auto level = tesseract::RIL_WORD;
  do {
    if (it->Empty(level)) continue;
    std::unique_ptr<char[]> text(it->GetUTF8Text(level));
    if (!text) continue;
    OcrWord w;
    w.text = text.get();
    w.page = page;
    w.confidence = it->Confidence(level);
    it->BoundingBox(level, &w.left, &w.top, &w.right, &w.bottom);
    out.push_back(std::move(w));
  } while (it->Next(level));
}

// Ink that no word took: a figure the recogniser passed over ("35" alone in its cell, "0"). Each
// cluster of such ink as tall as a figure becomes a word without text, which look_again()
// reads as a figure or marks as unreadable: a figure is read, or its row is reported, but it
// is never silently missed.
void account_for_ink(Pix* clean, int threshold, std::size_t page, std::vector<OcrWord>& out, std::size_t from) {
  if (out.size() == from) return;
  PixPtr ink(pixConvertTo1(clean, threshold));
  if (!ink) return;
  BOXA* found = pixConnCompBB(ink.get(), 8);
  if (found == nullptr) return;
  const int line = std::max(8, median_height(out, from));
  const int pad = line / 4;
  const auto covered = [&](int cx, int cy) {
    for (std::size_t i = from; i < out.size(); ++i) {
      const OcrWord& w = out[i];
      if (cx >= w.left - pad && cx <= w.right + pad && cy >= w.top - pad && cy <= w.bottom + pad) return true;
    }
    return false;
  };
  struct Blob {
    int left, top, right, bottom;
  };
  std::vector<Blob> loose;
  const l_int32 n = boxaGetCount(found);
  for (l_int32 k = 0; k < n; ++k) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    if (boxaGetBoxGeometry(found, k, &x, &y, &w, &h) != 0) continue;
    // Specks, and rules' remains (long and thin), are not figures.
    if (h < line / 6 || w * h < line * line / 40 || w > 8 * line || h > 3 * line) continue;
    if (!covered(x + w / 2, y + h / 2)) loose.push_back({x, y, x + w - 1, y + h - 1});
  }
  boxaDestroy(&found);
  // Ink side by side on one line is one figure ("1", "9", "6").
  std::sort(loose.begin(), loose.end(), [](const Blob& a, const Blob& b) { return a.left < b.left; });
  std::vector<Blob> figures;
  for (const Blob& b : loose) {
    auto near = std::find_if(figures.begin(), figures.end(), [&](const Blob& f) {
      const int overlap = std::min(f.bottom, b.bottom) - std::max(f.top, b.top);
      return overlap * 2 >= std::min(f.bottom - f.top, b.bottom - b.top) && b.left - f.right <= line / 2;
    });
    if (near == figures.end()) {
      figures.push_back(b);
    } else {
      near->left = std::min(near->left, b.left);
      near->top = std::min(near->top, b.top);
      near->right = std::max(near->right, b.right);
      near->bottom = std::max(near->bottom, b.bottom);
    }
  }
  for (const Blob& f : figures) {
    // As tall as a figure: marks, dots and dashes are not.
    if (f.bottom - f.top + 1 < line / 2) continue;
    OcrWord w;
    w.page = page;
    w.left = f.left, w.top = f.top, w.right = f.right, w.bottom = f.bottom;
    out.push_back(std::move(w));
  }
}

// A line of a table's column that may be one figure or code ("3.3.2" read as "2 2", "L2 cu."
// or nothing sure): read again whole by the figures' model, and taken as one word when that
// reading is a figure and surer than the least sure word of the first.
void read_as_figure(Engine& engine, const detail::scan::Strip& band, std::size_t page, std::size_t first,
                    std::vector<OcrWord>& out) {
  float least = 100;
  bool digits = false;
  for (std::size_t i = first; i < out.size(); ++i) {
    least = std::min(least, out[i].confidence);
    digits = digits || has_digit(out[i].text);
  }
  const bool none = out.size() == first;
  if (out.size() > first + 3 || (!digits && least >= 50 && !none)) return;
  engine.figures.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  auto figure = read_figure(engine, band.left, band.top, band.right - band.left + 1, band.bottom - band.top + 1);
  if (!figure || (!none && figure->confidence <= least)) return;
  OcrWord w{std::move(figure->text), page, band.left, band.top, band.right, band.bottom, figure->confidence, -1, -1};
  if (!none) {
    w.left = out[first].left, w.right = out.back().right, w.top = out[first].top, w.bottom = out[first].bottom;
    for (std::size_t i = first; i < out.size(); ++i) {
      w.top = std::min(w.top, out[i].top);
      w.bottom = std::max(w.bottom, out[i].bottom);
    }
  }
  out.resize(first);
  out.push_back(std::move(w));
}

// The words' places as on a straight page: a line of a page scanned askew runs up or down,
// and the layout groups words into lines by their height.
void straighten(std::vector<OcrWord>& words, std::size_t from, float skew, int width) {
  constexpr double radians_per_degree = 3.14159265358979 / 180;
  const double slope = std::tan(skew * radians_per_degree);
  for (std::size_t i = from; i < words.size(); ++i) {
    OcrWord& w = words[i];
    const auto dy = static_cast<int>(std::lround(((w.left + w.right) / 2.0 - width / 2.0) * slope));
    w.top += dy;
    w.bottom += dy;
  }
}

// The page without its tables, then each column of them as one column of text.
void read_words(Engine& engine, const PageImage& image, std::size_t page, float sure, std::vector<OcrWord>& out) {
  PreparedPage prepared = prepare(image);
  if (!prepared.clean) return;
  Pix* clean = prepared.clean.get();
  const std::size_t from = out.size();
  PixPtr rest(prepared.columns.empty() ? nullptr : pixCopy(nullptr, clean));
  if (rest)
    for (const auto& c : prepared.columns) {
      BOX* box = boxCreate(c.left - 4, c.top, c.right - c.left + 9, c.bottom - c.top + 1);
      pixSetInRectArbitrary(rest.get(), box, prepared.paper);
      boxDestroy(&box);
    }
  engine.page.SetPageSegMode(tesseract::PSM_AUTO);
  engine.page.SetImage(rest ? rest.get() : clean);
  engine.page.SetSourceResolution(image.dpi);
  if (engine.page.Recognize(nullptr) == 0) collect(engine.page, page, out);
  if (rest) {
    engine.page.SetImage(clean);
    engine.page.SetSourceResolution(image.dpi);
    PixPtr ink(pixConvertTo1(clean, prepared.threshold));
    engine.figures.SetImage(clean);
    engine.figures.SetSourceResolution(image.dpi);
    for (const auto& c : prepared.columns) {
      // Line by line: one line of text is what the recogniser reads best. A band taller than a
      // line (a cell's lines closer than the rest) is read as a block.
      const auto bands = ink ? detail::scan::text_lines(ink.get(), c) : std::vector<detail::scan::Strip>{c};
      std::vector<int> heights;
      for (const auto& b : bands) heights.push_back(b.bottom - b.top + 1);
      std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
      const int line = heights.empty() ? 0 : heights[heights.size() / 2];
      for (const auto& b : bands) {
        const bool one_line = b.bottom - b.top + 1 <= line * 3 / 2;
        engine.page.SetPageSegMode(one_line ? tesseract::PSM_SINGLE_LINE : tesseract::PSM_SINGLE_BLOCK);
        engine.page.SetRectangle(b.left, b.top, b.right - b.left + 1, b.bottom - b.top + 1);
        const std::size_t first = out.size();
        if (engine.page.Recognize(nullptr) == 0) collect(engine.page, page, out);
        if (one_line) read_as_figure(engine, b, page, first, out);
      }
    }
  }
  engine.page.Clear();
  account_for_ink(clean, prepared.threshold, page, out, from);
  look_again(engine, clean, out, from, sure);
  engine.figures.Clear();
  // Each word's table column, for the reader to tell columns of words from columns of figures,
  // and its place in its table: columns come table by table, left to right, so a table starts
  // where a column stands left of the one before.
  std::vector<int> place(prepared.columns.size(), 0);
  for (std::size_t k = 1; k < prepared.columns.size(); ++k)
    if (prepared.columns[k].left > prepared.columns[k - 1].left) place[k] = place[k - 1] + 1;
  for (std::size_t i = from; i < out.size(); ++i) {
    const int cx = (out[i].left + out[i].right) / 2, cy = (out[i].top + out[i].bottom) / 2;
    for (std::size_t k = 0; k < prepared.columns.size(); ++k) {
      const auto& c = prepared.columns[k];
      if (cx >= c.left && cx <= c.right && cy >= c.top && cy <= c.bottom) {
        out[i].column = static_cast<int>(k);
        out[i].table_column = place[k];
      }
    }
  }
  straighten(out, from, prepared.skew, pixGetWidth(clean));
}

// Pages are recognised side by side, a thread each; Tesseract's own OpenMP threads inside each
// would only fight over the same cores (seen: 29 s instead of 6 s for 7 pages on 2 cores). This
// thread's parallel regions run on it alone.
void one_thread_each() {
#if CCHC_HAVE_OPENMP
  omp_set_max_active_levels(0);
  omp_set_num_threads(1);
#endif
}

}  // namespace

result<ScanText> recognize(const std::filesystem::path& path, const OcrOptions& options, const TextLimits& limits) {
  // Leptonica's warnings ("ridiculously small scaling factor") go to stderr, which is the
  // caller's; what matters of them is in the result.
  setMsgSeverity(L_SEVERITY_NONE);
  auto source = detail::scan::open_pages(path, options, limits);
  if (!source) return source.error();
  detail::scan::PageSource& pages = **source;
  const std::size_t count = pages.pages();
  const unsigned cores = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const auto threads = static_cast<unsigned>(std::min<std::size_t>(cores, std::max<std::size_t>(count, 1)));

  std::mutex source_mutex;  // pages are rendered one at a time
  std::atomic<std::size_t> next{0};
  std::vector<std::vector<OcrWord>> words(count);
  std::vector<std::optional<error>> errors(threads);
  auto work = [&](unsigned t) {
    one_thread_each();
    auto engine = start_engine(options);
    if (!engine) {
      errors[t] = engine.error();
      next = count;  // the others stop too
      return;
    }
    for (std::size_t i = next++; i < count; i = next++) {
      result<PageImage> image = [&] {
        const std::lock_guard lock(source_mutex);
        return pages.page(i);
      }();
      if (!image) {
        errors[t] = image.error();
        next = count;
        return;
      }
      read_words(**engine, *image, i + 1, options.min_confidence, words[i]);
    }
  };
  if (threads <= 1) {
    work(0);
  } else {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
  }
  for (auto& e : errors)
    if (e) return *e;
  ScanText out;
  out.pages = count;
  for (auto& page : words)
    for (auto& w : page) out.words.push_back(std::move(w));
  out.text = lay_out_words(out.words);
  return out;
}

}  // namespace cchc
