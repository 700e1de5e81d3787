// SPDX-License-Identifier: MIT
// A column of a table read on its own is what Tesseract reads best: one column of text. Read as
// a whole page, a table's short cells (a lone "3" or "0", a code) are lost or run into their
// neighbours' lines.
#include "in/scan/columns.hpp"

#include <algorithm>

#include <leptonica/allheaders.h>

namespace cchc::detail::scan {
namespace {

struct Rule {
  int left = 0, right = 0;  // the pixel columns it takes
  int top = 0, bottom = 0;  // one stretch of it down the page
};

}  // namespace

std::vector<Strip> table_columns(Pix* down) {
  std::vector<Strip> out;
  if (down == nullptr || pixGetDepth(down) != 1) return out;
  const int width = pixGetWidth(down), height = pixGetHeight(down);
  const l_int32 wpl = pixGetWpl(down);
  const l_uint32* data = pixGetData(down);
  const auto ink = [&](int x, int y) { return GET_DATA_BIT(data + static_cast<std::ptrdiff_t>(y) * wpl, x) != 0; };

  // Pixel columns with rule ink, gathered into rules a few pixels wide.
  std::vector<int> count(static_cast<std::size_t>(width), 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) count[static_cast<std::size_t>(x)] += ink(x, y) ? 1 : 0;
  const int tall = std::max(40, height / 20);  // shorter is not a table's rule
  std::vector<std::pair<int, int>> xs;
  for (int x = 0; x < width; ++x) {
    if (count[static_cast<std::size_t>(x)] == 0) continue;
    if (!xs.empty() && x - xs.back().second <= 4) xs.back().second = x;
    else xs.emplace_back(x, x);
  }
  // Each rule's stretches down the page; a gap of a few rows (a scanner's dropout) is bridged.
  std::vector<Rule> rules;
  for (const auto& [left, right] : xs) {
    int top = -1, last = -1;
    for (int y = 0; y <= height; ++y) {
      bool any = false;
      for (int x = left; y < height && x <= right && !any; ++x) any = ink(x, y);
      if (any) {
        if (top < 0) top = y;
        last = y;
      } else if (top >= 0 && y - last > 24) {
        if (last - top >= tall) rules.push_back({left, right, top, last});
        top = -1;
      }
    }
    if (top >= 0 && last - top >= tall) rules.push_back({left, right, top, last});
  }
  // A table: stretches that overlap down the page, two rules or more side by side.
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.top < b.top; });
  std::vector<bool> done(rules.size(), false);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (done[i]) continue;
    int top = rules[i].top, bottom = rules[i].bottom;
    std::vector<Rule> table;
    for (std::size_t k = i; k < rules.size(); ++k) {
      if (done[k] || rules[k].top > bottom) continue;
      // Most of the shorter stretch lies beside the other: the same table.
      const int overlap = std::min(bottom, rules[k].bottom) - std::max(top, rules[k].top);
      if (overlap * 2 < std::min(bottom - top, rules[k].bottom - rules[k].top)) continue;
      done[k] = true;
      top = std::min(top, rules[k].top);
      bottom = std::max(bottom, rules[k].bottom);
      table.push_back(rules[k]);
    }
    if (table.size() < 2) continue;
    std::sort(table.begin(), table.end(), [](const Rule& a, const Rule& b) { return a.left < b.left; });
    for (std::size_t c = 0; c + 1 < table.size(); ++c) {
      const Strip s{table[c].right + 1, top, table[c + 1].left - 1, bottom};
      if (s.right - s.left >= 8) out.push_back(s);
    }
  }
  return out;
}

std::vector<Strip> text_lines(Pix* ink, const Strip& strip) {
  std::vector<Strip> bands;
  if (ink == nullptr || pixGetDepth(ink) != 1) return bands;
  const int width = pixGetWidth(ink), height = pixGetHeight(ink);
  const int left = std::max(0, strip.left), right = std::min(width - 1, strip.right);
  const int top = std::max(0, strip.top), bottom = std::min(height - 1, strip.bottom);
  if (left > right || top > bottom) return bands;
  const l_int32 wpl = pixGetWpl(ink);
  const l_uint32* data = pixGetData(ink);
  const auto inked = [&](int y) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    int n = 0;
    for (int x = left; x <= right; ++x) n += GET_DATA_BIT(line, x) != 0 ? 1 : 0;
    return n >= 2;  // a lone pixel is a speck
  };
  for (int y = top; y <= bottom; ++y) {
    if (!inked(y)) continue;
    if (!bands.empty() && y - bands.back().bottom <= 3) bands.back().bottom = y;
    else bands.push_back({left, y, right, y});
  }
  // Too low to be a line: a tone mark above its letters (Vietnamese stacks them: "ể"), a dot
  // below ("ụ"), a speck. It joins the nearer band.
  std::vector<int> heights;
  for (const auto& b : bands) heights.push_back(b.bottom - b.top + 1);
  if (heights.empty()) return bands;
  std::vector<int> sorted = heights;
  std::sort(sorted.begin(), sorted.end());
  const int tallest = sorted.back();
  const int low = std::max(4, tallest * 2 / 5);
  for (std::size_t i = 0; i < bands.size();) {
    if (bands[i].bottom - bands[i].top + 1 >= low || bands.size() == 1) {
      ++i;
      continue;
    }
    const int up = i > 0 ? bands[i].top - bands[i - 1].bottom : height;
    const int below = i + 1 < bands.size() ? bands[i + 1].top - bands[i].bottom : height;
    const std::size_t into = up <= below ? i - 1 : i + 1;
    bands[into].top = std::min(bands[into].top, bands[i].top);
    bands[into].bottom = std::max(bands[into].bottom, bands[i].bottom);
    bands.erase(bands.begin() + static_cast<std::ptrdiff_t>(i));
    if (into < i) i = into;
  }
  // Each band as wide as its ink, a few pixels round it.
  for (auto& b : bands) {
    int l = right, r = left;
    for (int y = b.top; y <= b.bottom; ++y) {
      const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
      for (int x = left; x <= right; ++x)
        if (GET_DATA_BIT(line, x) != 0) {
          l = std::min(l, x);
          r = std::max(r, x);
        }
    }
    constexpr int pad = 6;
    b = {std::max(left, l - pad), std::max(top, b.top - pad), std::min(right, r + pad), std::min(bottom, b.bottom + pad)};
  }
  return bands;
}

}  // namespace cchc::detail::scan
