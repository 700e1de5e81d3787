// SPDX-License-Identifier: MIT
// Records of named cells into a Batch: the part every tabular reader shares.
#include "in/batch/records.hpp"

#include <fmt/format.h>

#include "batch/chunk.hpp"
#include "cchc/report.hpp"

namespace cchc::detail {
namespace {
constexpr std::string_view cell_rule_id = "input.cell";
}  // namespace

std::string where(std::string_view source, std::size_t line) {
  if (line == 0) return std::string(source);  // no line: an Arrow table's column names
  return source.empty() ? fmt::format("line {}", line) : fmt::format("{}:{}", source, line);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

result<void> RecordReader::columns(std::span<const std::string_view> names, std::size_t line) {
  std::vector<bool> seen(catalog_.size());
  for (std::size_t c = 0; c < names.size(); ++c) {
    std::string_view name = trim(names[c]);
    if (c == 0 && name.starts_with("\xEF\xBB\xBF")) name.remove_prefix(3);  // a byte-order mark
    const std::string at = fmt::format("{}, cột (column) {}", where(source_, line), c + 1);
    if (name.empty())
      return make_error(errc::parse_error, "cột không có tên", "a column without a name", at);
    RecordColumn col;
    col.name = std::string(name);
    if (auto id = catalog_.lookup(name)) {
      const Row& row = catalog_.row(*id);
      if (row.kind == Kind::heading)
        return make_error(errc::kind_mismatch,
                          fmt::format("{} là dòng tiêu đề, không có số liệu", name),
                          fmt::format("{} is a heading row and takes no value", name), at);
      if (seen[id->index])
        return make_error(errc::invalid_argument, fmt::format("cột {} lặp lại", name),
                          fmt::format("column {} appears twice", name), at);
      seen[id->index] = true;
      col.row = *id;
      col.kind = row.kind;
    } else {
      Metadata probe;
      if (!set_metadata_field(probe, col.name, "")) {
        return make_error(errc::not_found,
                          fmt::format("cột \"{}\" không phải địa chỉ dòng của danh mục {} "
                                      "hay trường thông tin báo cáo",
                                      name, catalog_.id()),
                          fmt::format("column \"{}\" is neither a row address of catalogue {} "
                                      "nor a metadata field",
                                      name, catalog_.id()),
                          at);
      }
      for (const RecordColumn& other : columns_)
        if (!other.row && other.name == col.name)
          return make_error(errc::invalid_argument, fmt::format("cột {} lặp lại", name),
                            fmt::format("column {} appears twice", name), at);
    }
    columns_.push_back(std::move(col));
  }
  has_columns_ = true;
  return {};
}

void RecordReader::record(std::span<const std::string_view> fields, std::size_t line,
                          Batch& batch, ReadSummary& summary, std::span<const bool> keep_text) {
  if (fields.size() == 1 && trim(fields[0]).empty()) return;  // a blank line
  if (fields.size() != columns_.size()) {
    summary.skipped.push_back(make_error(
        errc::parse_error,
        fmt::format("dòng có {} ô, tiêu đề có {} cột; bỏ qua dòng", fields.size(),
                    columns_.size()),
        fmt::format("the line has {} cells, the header {} columns; line skipped", fields.size(),
                    columns_.size()),
        where(source_, line)));
    return;
  }
  kept_.clear();
  bad_.clear();
  // Every column's cell is written below, so cells_ needs no clearing: rows without a column
  // stay blank from the start.
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const RecordColumn& col = columns_[c];
    if (!col.row) continue;
    Cell& cell = cells_[col.row->index];
    const std::string_view text = fields[c];
    if (text.empty()) {
      cell = Cell{};
      continue;
    }
    auto read = read_cell(text, col.kind);
    if (!read) {
      cell = Cell{0, 0, 0, CellState::invalid};
      kept_.push_back(c);
      bad_.push_back({c, read.error()});
      continue;
    }
    cell = read->cell;
    // A cell's text is kept where it is not the canonical writing ("04", " 5", "x").
    const bool keep = keep_text.empty() || keep_text[c];
    if (keep && !read->canonical) kept_.push_back(c);
  }
  const std::size_t i = batch.add(cells_).value();  // cells of this catalogue's rows
  for (const std::size_t c : kept_)
    detail::BatchAccess::keep_written(batch, i, *columns_[c].row, fields[c]);
  batch.set_source_line(i, line);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const RecordColumn& col = columns_[c];
    if (col.row || fields[c].empty()) continue;
    if (auto ok = batch.set_metadata_field(i, col.name, trim(fields[c])); !ok)
      bad_.push_back({c, ok.error()});
  }
  for (auto& [c, e] : bad_) {
    batch.add_input_finding(i, cell_finding(c, fields[c], e, line));
    ++summary.input_findings;
  }
  ++summary.reports;
}

Finding RecordReader::cell_finding(std::size_t c, std::string_view text, const error& e,
                                   std::size_t line) const {
  const RecordColumn& col = columns_[c];
  Finding f;
  f.rule_id = std::string(cell_rule_id);
  f.severity = Severity::error;
  if (col.row) f.rows.push_back({*col.row, col.name, std::string(text), false, std::nullopt});
  // The reader's own message quotes the text.
  f.message_vi =
      fmt::format("{}, cột {} ({}): {}", where(source_, line), c + 1, col.name, e.message_vi);
  f.message_en =
      fmt::format("{}, column {} ({}): {}", where(source_, line), c + 1, col.name, e.message_en);
  f.line = line;
  return f;
}

}  // namespace cchc::detail
