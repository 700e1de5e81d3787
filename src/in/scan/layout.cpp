// SPDX-License-Identifier: MIT
// Recognised words laid out as `pdftotext -layout` lays out a PDF's text, so that a scan is read
// by the same reader as a PDF: what the reader relies on is kept. A line is the words whose
// middles stand at one height; a table's columns stand two spaces or more apart, and a row's
// code starts the line near column 0; words of one cell stand one space apart; a gap of more
// than a line's height is a blank line, which ends a table row's block of lines.
#include <algorithm>
#include <cmath>

#include "in/scan/scan.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

using detail::code_points;


// The lower median: of two line steps, a line's and a paragraph's, the line's.
double median(std::vector<double> v, double otherwise) {
  if (v.empty()) return otherwise;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>((v.size() - 1) / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

double middle(const OcrWord& w) { return (w.top + w.bottom) / 2.0; }

struct TextLine {
  std::vector<const OcrWord*> words;
  double middle_sum = 0;
  [[nodiscard]] double middle() const { return middle_sum / static_cast<double>(words.size()); }
};

// Writes a page's lines; `line_of[i]` gets the line of words[i] (text lines count from 1).
void lay_out_page(std::vector<const OcrWord*> words, const OcrWord* first, std::string& out,
                  std::size_t& newlines, std::vector<std::size_t>* line_of) {
  if (words.empty()) return;
  std::vector<double> heights, widths;
  int left_edge = words.front()->left;
  for (const OcrWord* w : words) {
    heights.push_back(std::max(1, w->bottom - w->top));
    if (const std::size_t n = code_points(w->text); n >= 2)
      widths.push_back(std::max(1, w->right - w->left) / static_cast<double>(n));
    left_edge = std::min(left_edge, w->left);
  }
  const double height = median(heights, 1);
  const double char_width = std::max(1.0, median(widths, height / 2));

  std::stable_sort(words.begin(), words.end(),
                   [](const OcrWord* a, const OcrWord* b) { return middle(*a) < middle(*b); });
  std::vector<TextLine> lines;
  for (const OcrWord* w : words) {
    // Within half a letter's height of the line's middle: the same line, even on a page
    // scanned a little askew. A cell centred between two lines of its neighbour is a line of
    // its own, as pdftotext prints it.
    if (lines.empty() || std::abs(middle(*w) - lines.back().middle()) > height / 2) lines.emplace_back();
    lines.back().words.push_back(w);
    lines.back().middle_sum += middle(*w);
  }
  // The distance from one line to the next in running text: the smallest that is a whole
  // line's (a centred cell's lines stand closer), most often seen.
  std::vector<double> steps;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const double step = lines[i].middle() - lines[i - 1].middle();
    if (step >= 0.8 * height) steps.push_back(step);
  }
  const double pitch = median(steps, 1.2 * height);

  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      const double step = lines[i].middle() - lines[i - 1].middle();
      if (step > 1.25 * pitch) {
        const auto blanks = std::clamp<long>(std::lround(step / pitch) - 1, 1, 3);
        out.append(static_cast<std::size_t>(blanks), '\n');
        newlines += static_cast<std::size_t>(blanks);
      }
    }
    auto& line = lines[i].words;
    std::sort(line.begin(), line.end(), [](const OcrWord* a, const OcrWord* b) { return a->left < b->left; });
    std::size_t column = 0;
    const OcrWord* before = nullptr;
    for (const OcrWord* w : line) {
      const auto at = static_cast<std::size_t>(std::lround(std::max(0, w->left - left_edge) / char_width));
      std::size_t pad = at > column ? at - column : 0;
      if (before != nullptr) {
        // Words of one cell: one space, whatever their letters' widths make of the columns.
        // Words of two columns: two at least, as the reader tells columns apart.
        const bool same_cell = w->left - before->right < 1.2 * char_width;
        pad = same_cell ? 1 : std::max<std::size_t>(pad, 2);
      }
      out.append(pad, ' ');
      out += w->text;
      if (line_of != nullptr) (*line_of)[static_cast<std::size_t>(w - first)] = newlines + 1;
      column += pad + code_points(w->text);
      before = w;
    }
    out += '\n';
    ++newlines;
  }
}

constexpr std::size_t max_gap = 1000;

}  // namespace

namespace detail::scan {

std::string lay_out(const std::vector<OcrWord>& words, std::vector<std::size_t>* line_of) {
  if (line_of != nullptr) line_of->assign(words.size(), 0);
  std::vector<const OcrWord*> order;
  for (const OcrWord& w : words)
    if (!w.text.empty()) order.push_back(&w);
  const auto page = [](const OcrWord* w) { return std::max<std::size_t>(w->page, 1); };
  std::stable_sort(order.begin(), order.end(), [&](const OcrWord* a, const OcrWord* b) { return page(a) < page(b); });
  std::string out;
  std::size_t newlines = 0, at = 1;
  auto it = order.begin();
  while (it != order.end()) {
    // Pages with no words between (a thousand at most: a gap wider is not a document's).
    if (page(*it) - at > max_gap) at = page(*it) - max_gap;
    for (; at < page(*it); ++at) out += '\f';
    std::vector<const OcrWord*> on_page;
    for (; it != order.end() && page(*it) == at; ++it) on_page.push_back(*it);
    lay_out_page(std::move(on_page), words.data(), out, newlines, line_of);
    out += '\f';
    ++at;
  }
  return out;
}

}  // namespace detail::scan

std::string lay_out_words(const std::vector<OcrWord>& words) { return detail::scan::lay_out(words, nullptr); }

}  // namespace cchc
