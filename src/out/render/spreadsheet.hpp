// SPDX-License-Identifier: MIT
// Internal: SpreadsheetML written as text, the way the XLSX writer needs it: cell styles numbered
// as they are first used, worksheets filled row by row, comments, and the workbook's package.
// What the report's tables look like in a workbook is the XLSX writer's (xlsx.cpp), not this.
// Written without a spreadsheet library: libxlsxwriter 1.1.4 (Debian 12) writes only to files,
// and its scratch files cost more than the whole workbook does in memory.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/error.hpp"
#include "cchc/finding.hpp"

namespace cchc::detail::spreadsheet {

enum class Font : std::uint8_t { normal, bold, title, italic };
enum class Fill : std::uint8_t { none, header, error, warning, info };
enum class Align : std::uint8_t { none, left_top, center_top, center_middle, right_top };

struct Style {
  Font font = Font::normal;
  Fill fill = Fill::none;
  bool border = false;
  bool wrap = false;
  Align align = Align::none;
  int indent = 0;
  std::string format = "General";  // a number format code
  auto operator<=>(const Style&) const = default;
};

// The workbook's styles, each given an index on first use (styles.xml's cellXfs).
class Styles {
 public:
  Styles() { index(Style{}); }  // index 0: the default every unstyled cell has

  std::size_t index(const Style& s) {
    auto [it, added] = ids_.try_emplace(s, styles_.size());
    if (added) styles_.push_back(s);
    return it->second;
  }

  /// styles.xml: the number formats, fonts, fills, borders and cell formats used.
  [[nodiscard]] std::string xml() const;

 private:
  std::map<Style, std::size_t> ids_;
  std::vector<Style> styles_;
};

struct Comment {
  std::size_t row = 0, col = 0;
  std::string text;
};

// One worksheet, written as it is filled: rows in ascending order, cells left to right.
class Sheet {
 public:
  Sheet(std::string name, Styles& styles) : name_(std::move(name)), styles_(&styles) {}

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  void hide() noexcept { hidden_ = true; }
  /// Column `col` (0-based) `chars` characters wide, or hidden.
  void width(std::size_t col, double chars, bool hidden = false);
  // The rows above `row` stay in view when the sheet scrolls.
  void freeze(std::size_t row) { frozen_ = row; }
  void merge(std::size_t row, std::size_t first_col, std::size_t last_col);
  void comment(std::size_t row, std::size_t col, std::string text) { comments_.push_back({row, col, std::move(text)}); }

  /// Cells go in row by row, each row's left to right: a text, a number, an empty cell.
  void text(std::size_t row, std::size_t col, std::string_view s, const Style& style = {});
  // `number` is the figure in decimal, "-33.3".
  void number(std::size_t row, std::size_t col, std::string_view number, const Style& style = {}) {
    open(row, col, style);
    data_ += "><v>";
    data_ += number;
    data_ += "</v></c>";
  }
  void blank(std::size_t row, std::size_t col, const Style& style) {
    open(row, col, style);
    data_ += "/>";
  }

  [[nodiscard]] const std::vector<Comment>& comments() const noexcept { return comments_; }
  [[nodiscard]] bool hidden() const noexcept { return hidden_; }

  /// The worksheet part; `selected`: the tab shown on opening.
  [[nodiscard]] std::string xml(bool selected) const;

 private:
  void open(std::size_t row, std::size_t col, const Style& style);

  std::string name_;
  Styles* styles_;
  bool hidden_ = false;
  std::string cols_;
  std::size_t frozen_ = 0;
  std::vector<std::string> merges_;
  std::vector<Comment> comments_;
  std::string data_;
  std::size_t row_ = 0;
  bool row_open_ = false;
};

/// Sheet names: at most 31 characters (cut between UTF-8 sequences), none of []:*?/\.
[[nodiscard]] std::string sheet_name(std::string name);

/// What the workbook says of itself (docProps).
struct WorkbookProperties {
  std::string title;
  std::string company;
  Language lang = Language::vi;
};

/// The .xlsx file: the sheets in order (the first selected, hidden ones hidden), their comments,
/// the styles they used, zipped in memory.
[[nodiscard]] result<std::string> workbook(const std::vector<Sheet>& sheets, const Styles& styles,
                                           const WorkbookProperties& properties);

}  // namespace cchc::detail::spreadsheet
