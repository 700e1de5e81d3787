// SPDX-License-Identifier: MIT
#include "out/text/table.hpp"

#include <algorithm>

#include "cchc/unicode.hpp"

namespace cchc::detail {
namespace {

std::vector<std::string> wrap_cell(const std::string& cell, std::size_t width) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const auto end = cell.find('\n', start);
    const auto paragraph = cell.substr(start, end == std::string::npos ? end : end - start);
    for (auto& l : wrap_text(paragraph, width)) lines.push_back(std::move(l));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

std::string Table::render() const {
  auto rule = [&](std::string_view left, std::string_view mid, std::string_view right) {
    std::string out(left);
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      out += repeat("─", columns_[c].width + 2);
      out += c + 1 < columns_.size() ? mid : right;
    }
    return out + '\n';
  };
  auto line = [&](const std::vector<std::vector<std::string>>& wrapped, std::size_t i) {
    std::string out = "│";
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const std::string& text = i < wrapped[c].size() ? wrapped[c][i] : std::string();
      const std::size_t w = display_width(text);
      const std::size_t pad = columns_[c].width > w ? columns_[c].width - w : 0;
      out += ' ';
      if (columns_[c].align == Align::right) out += std::string(pad, ' ') + text;
      else out += text + std::string(pad, ' ');
      out += " │";
    }
    return out + '\n';
  };
  auto block = [&](const std::vector<std::string>& cells) {
    std::vector<std::vector<std::string>> wrapped;
    std::size_t height = 1;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      wrapped.push_back(wrap_cell(c < cells.size() ? cells[c] : std::string(), columns_[c].width));
      height = std::max(height, wrapped.back().size());
    }
    std::string out;
    for (std::size_t i = 0; i < height; ++i) out += line(wrapped, i);
    return out;
  };

  std::vector<std::string> headers;
  for (const auto& c : columns_) headers.push_back(c.header);
  std::string out = rule("┌", "┬", "┐");
  out += block(headers);
  out += rule("├", "┼", "┤");
  for (const auto& r : rows_) out += block(r);
  out += rule("└", "┴", "┘");
  return out;
}

}  // namespace cchc::detail
