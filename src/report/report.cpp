// SPDX-License-Identifier: MIT
#include "cchc/report.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>
#include <gsl/assert>

#include "util/enum_names.hpp"

namespace cchc {
namespace {

constexpr detail::NameTable<AgencyLevel, 4> level_names{{
    {AgencyLevel::department, "department"},
    {AgencyLevel::district, "district"},
    {AgencyLevel::commune, "commune"},
    {AgencyLevel::province, "province"},
}};

}  // namespace

const std::string& agency_key(const Agency& agency) noexcept {
  return agency.code.empty() ? agency.name : agency.code;
}

std::string_view to_string(AgencyLevel level) noexcept {
  return detail::name_of(level_names, level);
}

std::optional<AgencyLevel> agency_level_from_string(std::string_view s) noexcept {
  return detail::value_of(level_names, s);
}

Report::Report(std::shared_ptr<const Catalog> catalog)
    : catalog_(std::move(catalog)),
      values_(catalog_ ? catalog_->size() : 0),
      notes_(catalog_ ? catalog_->size() : 0),
      lines_(catalog_ ? catalog_->size() : 0) {
  Expects(catalog_ != nullptr);
  metadata_.catalog_id = catalog_->id();
  metadata_.catalog_version = catalog_->version();
}

const Value& Report::value(RowId id) const {
  Expects(id.index < values_.size());
  return values_[id.index];
}

result<std::reference_wrapper<const Value>> Report::value(std::string_view address) const {
  auto id = catalog_->lookup(address);
  if (!id) return id.error();
  return std::cref(values_[id->index]);
}

result<void> Report::set(RowId id, Value v) {
  Expects(id.index < values_.size());
  const Row& row = catalog_->row(id);
  if (auto kind = kind_of(v); kind && *kind != row.kind) {
    if (row.kind == Kind::heading)
      return make_error(errc::kind_mismatch, "dòng tiêu đề không có số liệu",
                        "a heading row takes no value", row.address());
    return make_error(errc::kind_mismatch,
                      fmt::format("dòng này nhận giá trị loại {}, không nhận loại {}",
                                  to_string(row.kind), to_string(*kind)),
                      fmt::format("this row takes a {} value, not a {}", to_string(row.kind),
                                  to_string(*kind)),
                      row.address());
  }
  if (auto* code = std::get_if<Code>(&v)) {
    // The code's validity is the row's list's to decide, not the list it was parsed against.
    auto recheck = Code::parse(code->text(), row.codes);
    if (recheck) v = std::move(*recheck);
  }
  values_[id.index] = std::move(v);
  return {};
}

result<void> Report::set(std::string_view address, Value v) {
  auto id = catalog_->lookup(address);
  if (!id) return id.error();
  return set(*id, std::move(v));
}

result<void> Report::set_text(RowId id, std::string_view text) {
  Expects(id.index < values_.size());
  const Row& row = catalog_->row(id);
  auto v = parse_value(text, row.kind, row.codes);
  if (!v) return std::move(v.error()).within(row.address());
  values_[id.index] = std::move(*v);
  return {};
}

result<void> Report::set_text(std::string_view address, std::string_view text) {
  auto id = catalog_->lookup(address);
  if (!id) return id.error();
  return set_text(*id, text);
}

void Report::clear(RowId id, Absent::Reason reason) {
  Expects(id.index < values_.size());
  values_[id.index] = Absent(reason);
}

const std::string& Report::note(RowId id) const {
  Expects(id.index < notes_.size());
  return notes_[id.index];
}

void Report::set_note(RowId id, std::string note) {
  Expects(id.index < notes_.size());
  notes_[id.index] = std::move(note);
}

std::optional<std::size_t> Report::source_line(RowId id) const {
  Expects(id.index < lines_.size());
  if (lines_[id.index] == 0) return std::nullopt;
  return lines_[id.index];
}

void Report::set_source_line(RowId id, std::size_t line) {
  Expects(id.index < lines_.size());
  lines_[id.index] = static_cast<std::uint32_t>(line);
}

std::size_t Report::reported_count() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(values_.begin(), values_.end(), [](const Value& v) { return !is_absent(v); }));
}

bool operator==(const Report& a, const Report& b) {
  if (a.catalog_ != b.catalog_ || !(a.metadata_ == b.metadata_) || a.notes_ != b.notes_ ||
      a.lines_ != b.lines_)
    return false;
  for (std::size_t i = 0; i < a.values_.size(); ++i)
    if (!same_as_written(a.values_[i], b.values_[i])) return false;
  return true;
}

}  // namespace cchc
