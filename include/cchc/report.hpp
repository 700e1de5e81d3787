// SPDX-License-Identifier: MIT
// cchc/report.hpp: one agency's report for one period.
//
// A Report holds its metadata (agency, period, document number, date, signer, the catalogue it
// follows) and one value per catalogue row. Values are typed (cchc/value.hpp) and keep their text
// as written; a blank is Absent, never zero. Inside, each row is a compact cell (cchc/cell.hpp):
// a report of the built-in catalogue holds about 1,5 KiB, not a Value with a string per row
// (19,6 KiB), so value() builds the typed Value on each call and returns it by value.
//
//   cchc::Report r(cchc::builtin_catalog());
//   r.metadata().agency.name = "Sở Khoa học và Công nghệ";
//   r.set_text("B1:2.1", "35").value();
//   r.value("B1:2.1")            // Count 35 (a result<Value>)
//   r.cell(id)                   // {35, 0, 0, reported}: no allocation
//   r.set("B1:2.1", cchc::Value{cchc::Percent::parse("10").value()});  // kind_mismatch error
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/cell.hpp"
#include "cchc/error.hpp"
#include "cchc/period.hpp"
#include "cchc/value.hpp"

namespace cchc {

/// Who reports: the level of government of the agency.
enum class AgencyLevel : std::uint8_t {
  department,  ///< sở, ban, ngành of a province
  district,    ///< UBND cấp huyện (reported until 1 July 2025)
  commune,     ///< UBND xã, phường
  province,    ///< a province's consolidated report
};
[[nodiscard]] std::string_view to_string(AgencyLevel level) noexcept;
[[nodiscard]] std::optional<AgencyLevel> agency_level_from_string(std::string_view) noexcept;

struct Agency {
  std::string name;  ///< "Sở Khoa học và Công nghệ"
  std::string code;  ///< short code, as in document symbols: "SKHCN"
  AgencyLevel level = AgencyLevel::department;
  friend bool operator==(const Agency&, const Agency&) = default;
};

/// Who an agency is when reports are matched (consolidation, history): its code, or its name
/// when it has no code; "" when it has neither.
[[nodiscard]] const std::string& agency_key(const Agency& agency) noexcept;

/// The report as a document (Decree 30/2020/NĐ-CP): "Báo cáo số 94/BC-SKHCN ngày 12/3/2024".
struct Document {
  std::string number;  ///< "94", as written
  std::string symbol;  ///< "BC-SKHCN"
  std::optional<Date> date;
  std::string place;         ///< "Sơn La", from "Sơn La, ngày 12 tháng 3 năm 2024"
  std::string signer;        ///< "Lưu Bình Khiêm"
  std::string signer_title;  ///< "GIÁM ĐỐC"
  friend bool operator==(const Document&, const Document&) = default;
};

struct Metadata {
  Agency agency;
  std::string province;  ///< "Sơn La"
  std::optional<Period> period;
  Document document;
  std::string catalog_id;       ///< the catalogue the report follows
  std::string catalog_version;
  friend bool operator==(const Metadata&, const Metadata&) = default;
};

/// One report: metadata and a value per row of its catalogue.
/// Metadata by field name, the names of the C API and of docs/report-json.md: "agency.name",
/// "agency.code", "agency.level", "province", "period" ("q1 2024"), "period.year" and
/// "period.kind" (one part of a period already set; without one, errc::invalid_argument, since
/// half a period is no period), "document.number", "document.symbol", "document.date" (YYYY-MM-DD),
/// "document.place", "document.signer", "document.signer_title"; read-only "catalog.id" and
/// "catalog.version". An unset field reads as ""; an unknown one is errc::not_found.
[[nodiscard]] result<std::string> metadata_field(const Metadata& m, std::string_view field);
/// The fields set_metadata_field() takes, in a stable order: what a writer keeps so that a
/// reader gets the metadata back exactly ("period" stands for its year and kind).
[[nodiscard]] std::span<const std::string_view> metadata_fields() noexcept;
/// Sets one field from its text ("" clears it). On error `m` is unchanged.
[[nodiscard]] result<void> set_metadata_field(Metadata& m, std::string_view field,
                                              std::string value);

class Report {
 public:
  /// An empty report: every row blank (Absent, not reported). The catalogue id and version are
  /// filled in from the catalogue.
  explicit Report(std::shared_ptr<const Catalog> catalog);

  [[nodiscard]] const Catalog& catalog() const noexcept { return *catalog_; }
  [[nodiscard]] const std::shared_ptr<const Catalog>& catalog_ptr() const noexcept {
    return catalog_;
  }

  [[nodiscard]] Metadata& metadata() noexcept { return metadata_; }
  [[nodiscard]] const Metadata& metadata() const noexcept { return metadata_; }

  /// The value of a row, typed (cchc/value.hpp), with its text as written. Built from the row's
  /// cell on each call, so it is returned by value: keep the Value, not a reference into it.
  /// Requires an id of this report's catalogue.
  [[nodiscard]] Value value(RowId id) const;
  /// errc::not_found for an unknown address.
  [[nodiscard]] result<Value> value(std::string_view address) const;
  /// The row's compact form (cchc/cell.hpp): what a report holds. Never CellState::invalid: a
  /// report holds no unreadable values. No allocation.
  [[nodiscard]] Cell cell(RowId id) const noexcept {
    const std::uint8_t form = forms_[id.index];
    const Cell c{numbers_[id.index], 0, static_cast<std::uint8_t>((form >> 2) & 0xF),
                 static_cast<CellState>(form & 0x3)};
    return (form & (wide_bit | second_bit)) == 0 ? c : sparse_cell(id.index, c);
  }
  /// The text kept for a row because it differs from its cell's canonical writing ("04",
  /// "85000000", a blank's marker "x"); "" when the canonical writing is the text.
  [[nodiscard]] std::string_view written(RowId id) const noexcept;
  /// The row's text as written: written(), or else the canonical writing of its cell.
  [[nodiscard]] std::string text(RowId id) const;
  /// True when the row is blank (not reported or not applicable). No allocation.
  [[nodiscard]] bool blank(RowId id) const noexcept {
    return static_cast<CellState>(forms_[id.index] & 0x3) != CellState::reported;
  }

  /// Stores a value. errc::kind_mismatch when the value's kind is not the row's (a heading takes
  /// only Absent). A Code is re-checked against the row's own code list.
  [[nodiscard]] result<void> set(RowId id, Value v);
  [[nodiscard]] result<void> set(std::string_view address, Value v);
  /// Parses text as the row's kind and stores it: "35", "33,3", "0/0", "" for a blank.
  /// Errors name the row.
  [[nodiscard]] result<void> set_text(RowId id, std::string_view text);
  [[nodiscard]] result<void> set_text(std::string_view address, std::string_view text);
  /// Stores a cell of the row's kind and, when the text as written differs from its canonical
  /// writing, that text: what a reader of compact cells (a Batch) calls. The same validity as
  /// set(): errc::invalid_argument for an invalid cell, a scale beyond Decimal::max_scale, a
  /// scale or a second half on a row that takes none, or a written text that does not read back
  /// as the cell.
  [[nodiscard]] result<void> set(RowId id, const Cell& cell, std::string_view written = {});
  /// Makes a row blank.
  void clear(RowId id, Absent::Reason reason = Absent::Reason::not_reported);

  /// The "Ghi chú" (remarks) column of a row.
  [[nodiscard]] const std::string& note(RowId id) const;
  void set_note(RowId id, std::string note);

  /// The line of the source text a value was read from (text import), if known.
  [[nodiscard]] std::optional<std::size_t> source_line(RowId id) const;
  void set_source_line(RowId id, std::size_t line);

  /// Rows that hold a reported (non-absent) value.
  [[nodiscard]] std::size_t reported_count() const noexcept;

  /// Bytes the report holds: the object and what it owns on the heap (its catalogue is shared
  /// and not counted). About 1,5 KiB for a report of the built-in catalogue (129 rows).
  [[nodiscard]] std::size_t memory_bytes() const noexcept;

  friend bool operator==(const Report& a, const Report& b);

 private:
  // Rows as compact cells, 5 bytes a row: a 32-bit number and a byte of state and scale, each
  // in catalogue order. What few rows have (a number beyond 32 bits, a pair's second half, a
  // text that is not canonical, a note) is kept sparse, sorted by row index; the kept texts
  // back to back in one string; source lines only once a reader sets one.
  template <class T>
  using Sparse = std::vector<std::pair<std::uint32_t, T>>;
  struct Kept {
    std::uint32_t offset;
    std::uint32_t size;
  };

  // A row's form byte: its CellState, its scale, and whether its number or a second half is kept
  // sparse (then cell() looks there).
  static constexpr std::uint8_t wide_bit = 0x40, second_bit = 0x80;
  [[nodiscard]] Cell sparse_cell(std::uint32_t index, Cell c) const noexcept;
  void store(std::uint32_t index, const Cell& cell, std::string_view written);
  void keep_text(std::uint32_t index, std::string_view text);

  std::shared_ptr<const Catalog> catalog_;
  Metadata metadata_;
  std::vector<std::int32_t> numbers_;  // 0 when the number is in wide_ (wide_bit)
  std::vector<std::uint8_t> forms_;    // CellState | scale << 2 | wide_bit | second_bit
  Sparse<std::int64_t> wide_;
  Sparse<std::int64_t> seconds_;
  Sparse<Kept> written_;
  std::string texts_;  // the kept texts of written_, and space that later texts left behind
  Sparse<std::string> notes_;
  std::vector<std::uint32_t> lines_;  // empty, or one per row; 0: unknown
};

}  // namespace cchc
