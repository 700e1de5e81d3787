// SPDX-License-Identifier: MIT
// cchc/catalog.hpp: report templates as data.
//
// A Catalog describes one template of the statistical annex: its forms (Biểu mẫu), and in each
// form its rows, with code, label, unit, kind, code list, parent and structure. Provinces adapt
// the national guidance to their own forms, so a catalogue is data (JSON, see docs/catalog.md),
// versioned by id, version, guidance document and effective dates. The built-in one is the annex
// of Sơn La's guidance 3981/SNV-CCHC&VTLT (2022) for departments.
//
// Rows are addressed "B<form>:<code>", e.g. "B3:3.1.2", and stored densely: RowId is an index
// into Catalog::rows(), which a Report uses to store its values.
//
//   auto cat = cchc::builtin_catalog();
//   cchc::RowId id = cat->lookup("B1:2.1").value();
//   cat->row(id).label      // "Số nhiệm vụ đề ra trong kế hoạch"
//   cat->row(*cat->row(cat->lookup("B1:2").value()).ratio).numerator ...
//
// A Catalog is immutable once created and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cchc/error.hpp"
#include "cchc/period.hpp"
#include "cchc/value.hpp"

namespace cchc {

/// Index of a row in its catalogue.
struct RowId {
  std::uint32_t index = 0;
  friend auto operator<=>(const RowId&, const RowId&) = default;
};

/// How a row's children relate to it.
enum class ChildRelation : std::uint8_t {
  detail,     ///< children are details; no arithmetic relation
  of_which,   ///< "Trong đó": the children are parts, their sum is at most the parent
  partition,  ///< the children split the parent: their sum equals it
};
[[nodiscard]] std::string_view to_string(ChildRelation r) noexcept;
[[nodiscard]] std::optional<ChildRelation> child_relation_from_string(std::string_view) noexcept;

/// A percent row defined as 100 × numerator / denominator of two count rows.
struct Ratio {
  RowId numerator;
  RowId denominator;
};

/// How a row's figure behaves over time (Bộ Nội vụ 581/BNV-CCHC; docs/quarter.md). Every report
/// of a year counts its data from 15/12 of the year before, except Q3 (15/6–14/9).
enum class Measure : std::uint8_t {
  flow,        ///< counted over the data window (dossiers received): a wider window never holds less
  cumulative,  ///< "lũy kế": from the start of the year to the cut-off; never shrinks within a year
  stock,       ///< a state at the cut-off (procedures in force, staff): may move either way
};
[[nodiscard]] std::string_view to_string(Measure m) noexcept;
[[nodiscard]] std::optional<Measure> measure_from_string(std::string_view) noexcept;

/// How a province or district pools a row over its units' reports (docs/quarter.md).
enum class Aggregation : std::uint8_t {
  sum,        ///< additive counts and money; a pair is summed half by half
  ratio,      ///< a percent row recomputed from the pooled numerator and denominator
  count_yes,  ///< a yes/no row: how many units answer yes, how many no, how many did not report
  none,       ///< not additive (procedure counts, codes, rates without parts): the province's own
};
/// "sum", "ratio", "count-yes", "none".
[[nodiscard]] std::string_view to_string(Aggregation a) noexcept;
[[nodiscard]] std::optional<Aggregation> aggregation_from_string(std::string_view) noexcept;

/// How the halves of a pair row relate.
enum class PairRelation : std::uint8_t {
  none,             ///< unrelated halves
  first_le_second,  ///< e.g. apology letters ≤ late dossiers; meetings ≤ participants
  equal,            ///< the halves must be equal
};
[[nodiscard]] std::string_view to_string(PairRelation r) noexcept;
[[nodiscard]] std::optional<PairRelation> pair_relation_from_string(std::string_view) noexcept;

/// What each half of a pair row counts.
struct PairDefinition {
  std::string first;   ///< e.g. "Cuộc"
  std::string second;  ///< e.g. "người tham gia"
  PairRelation relation = PairRelation::none;
};

/// A footnote printed on a row: "VBQPPL¹" with "¹ Văn bản quy phạm pháp luật".
struct Footnote {
  std::string mark;    ///< "1"
  std::string anchor;  ///< the word the mark follows, "VBQPPL"
  std::string text;    ///< "Văn bản quy phạm pháp luật"
  /// The mark as the printed annex shows it ("¹"), or plain as pdftotext prints it ("1").
  [[nodiscard]] std::string printed_mark(bool superscript) const;
};

/// Parts of a total: sum(parts) = total (partition) or sum(parts) ≤ total (at most).
/// Generated from ChildRelation, or declared between rows that are not parent and children
/// (Biểu mẫu 6: units by financial autonomy, rows 2–5, add up to row 1).
struct Sum {
  enum class Relation : std::uint8_t { equal, at_most };
  RowId total;
  std::vector<RowId> parts;
  Relation relation = Relation::equal;
};
[[nodiscard]] std::string_view to_string(Sum::Relation r) noexcept;
[[nodiscard]] std::optional<Sum::Relation> sum_relation_from_string(std::string_view) noexcept;

/// One row of a form.
struct Row {
  RowId id;
  int form = 0;              ///< the form (Biểu mẫu) number
  std::string code;          ///< canonical code: "2.1", "4", "3.1.a"
  std::string printed_code;  ///< the TT column as printed: "4.", or "" for an unnumbered sub-row
  std::string label;         ///< Vietnamese, NFC, as printed without footnote marks
  std::string label_en;      ///< optional English label
  std::string description;   ///< further text printed under the label, if any
  std::string unit;          ///< the unit column as printed (may be empty)
  Kind kind = Kind::heading;
  CodeList codes;            ///< for Kind::code
  std::optional<RowId> parent;
  std::vector<RowId> children;
  ChildRelation children_relation = ChildRelation::detail;
  std::optional<Ratio> ratio;          ///< for percent rows defined by two counts
  std::optional<PairDefinition> pair;  ///< for pair rows
  bool cumulative = false;             ///< "lũy kế": can only grow within a year (measure)
  std::optional<Measure> measure;      ///< flow, cumulative or stock, when the template says
  std::optional<Aggregation> aggregation;  ///< how it consolidates, when the template says
  /// For percent rows: the decimals a computed percentage is written with (consolidation).
  std::optional<int> decimals;
  bool required = true;                ///< the template expects a value (headings never)
  std::vector<Footnote> footnotes;
  std::string note;                    ///< a remark of the catalogue's author
  /// How prose states this row's figure: "giao {n} nhiệm vụ", "đã tiếp nhận {n} hồ sơ". The
  /// importer finds the figure where {n} stands and checks it against the annex.
  std::vector<std::string> phrases;

  /// "B3:3.1.2".
  [[nodiscard]] std::string address() const;
  /// The label with each footnote's mark after its anchor word, or at the end: superscript
  /// digits as the printed annex shows them ("VBQPPL¹"), or plain as pdftotext prints them
  /// ("VBQPPL1").
  [[nodiscard]] std::string label_with_marks(bool superscript) const;
  [[nodiscard]] bool holds_value() const noexcept { return traits(kind).holds_value; }
};

/// One form (Biểu mẫu) of the annex.
struct Form {
  int number = 0;
  std::string title;     ///< "Công tác chỉ đạo điều hành CCHC"
  std::string title_en;
  std::string subtitle;  ///< a printed qualifier, e.g. "(Sử dụng trong kỳ báo cáo hàng quý, …)"
  std::uint32_t first_row = 0;
  std::uint32_t row_count = 0;
};

/// The guidance document a template follows.
struct Guidance {
  std::string document;  ///< "3981/SNV-CCHC&VTLT"
  std::string issuer;    ///< "Sở Nội vụ tỉnh Sơn La"
  std::optional<Date> date;
  std::string title;
};

/// Words the importers accept besides the catalogue's own labels: how the template's documents
/// head their annex and their forms. The national words ("PHỤ LỤC", "Biểu mẫu") are always
/// accepted; a template adds its own ("PHỤ BIỂU", "Biểu số").
struct Vocabulary {
  std::vector<std::string> annex_headings;  ///< a line that starts with one starts the annex
  std::vector<std::string> form_headings;   ///< followed by a form's number, heads the form
  friend bool operator==(const Vocabulary&, const Vocabulary&) = default;
};

// --- Definitions: what a catalogue is made from (by hand, or by the JSON loader) ---------------

/// A row as written by a catalogue's author. Rows refer to each other by code: "2.1" within the
/// same form, or "B4:1.3" across forms.
struct RowDefinition {
  std::string code;
  std::optional<std::string> printed_code;  ///< defaults to `code`
  std::string label;
  std::string label_en;
  std::string description;
  std::string unit;
  Kind kind = Kind::heading;
  std::vector<CodeOption> codes;
  /// Defaults to the code with its last segment removed ("3.1.2" → "3.1"), if that row exists
  /// in the form; "" makes the row top-level.
  std::optional<std::string> parent;
  ChildRelation children = ChildRelation::detail;
  std::optional<std::string> ratio_numerator;
  std::optional<std::string> ratio_denominator;
  std::optional<PairDefinition> pair;
  bool cumulative = false;                 ///< the same as measure = cumulative
  std::optional<Measure> measure;
  std::optional<Aggregation> aggregation;
  std::optional<int> decimals;             ///< percent rows only, 0 to 6
  std::optional<bool> required;  ///< defaults to true for rows that hold a value
  std::vector<Footnote> footnotes;
  std::string note;
  std::vector<std::string> phrases;  ///< each holds "{n}" once
};

struct SumDefinition {
  std::string total;
  std::vector<std::string> parts;
  Sum::Relation relation = Sum::Relation::equal;
};

struct FormDefinition {
  int number = 0;
  std::string title;
  std::string title_en;
  std::string subtitle;
  std::vector<RowDefinition> rows;
  std::vector<SumDefinition> sums;
};

struct CatalogDefinition {
  std::string id;       ///< stable identifier, e.g. "vn.sonla.snv-3981-2022.so-nganh"
  std::string version;  ///< the catalogue's own version, e.g. "2022.1"
  std::string title;
  std::string title_en;
  std::string province;
  std::string level;    ///< who reports with it: "department", "district", "commune"
  Guidance guidance;
  std::optional<Date> effective_from;
  std::optional<Date> effective_until;
  Vocabulary vocabulary;
  std::vector<FormDefinition> forms;
};

/// An immutable, validated template.
class Catalog {
 public:
  /// Validates a definition: non-empty id and version; unique form numbers; in each form, unique
  /// codes and parents that exist and come first; ratios on percent rows that name count rows;
  /// code lists on code rows, with unique values; sums over rows of one summable kind; valid
  /// UTF-8 everywhere (labels are normalised to NFC). Errors name the row ("B3:3.1.2").
  [[nodiscard]] static result<std::shared_ptr<const Catalog>> create(CatalogDefinition def);

  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  [[nodiscard]] const std::string& version() const noexcept { return version_; }
  [[nodiscard]] const std::string& title() const noexcept { return title_; }
  [[nodiscard]] const std::string& title_en() const noexcept { return title_en_; }
  [[nodiscard]] const std::string& province() const noexcept { return province_; }
  [[nodiscard]] const std::string& level() const noexcept { return level_; }
  [[nodiscard]] const Guidance& guidance() const noexcept { return guidance_; }
  [[nodiscard]] const std::optional<Date>& effective_from() const noexcept { return from_; }
  [[nodiscard]] const std::optional<Date>& effective_until() const noexcept { return until_; }
  /// The template's own words; the importers add the national ones (annex_headings()).
  [[nodiscard]] const Vocabulary& vocabulary() const noexcept { return def_.vocabulary; }
  /// Every heading that starts the annex: "PHỤ LỤC", then the template's.
  [[nodiscard]] std::vector<std::string> annex_headings() const;
  /// Every heading of a form before its number: "Biểu mẫu", then the template's.
  [[nodiscard]] std::vector<std::string> form_headings() const;

  [[nodiscard]] std::span<const Form> forms() const noexcept { return forms_; }
  [[nodiscard]] const Form* form(int number) const noexcept;
  [[nodiscard]] std::span<const Row> rows() const noexcept { return rows_; }
  [[nodiscard]] std::span<const Row> rows(const Form& f) const noexcept;
  /// Requires an id of this catalogue.
  [[nodiscard]] const Row& row(RowId id) const;
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }

  /// Every sum relation: those generated from of_which / partition children, then the declared
  /// ones, in form order.
  [[nodiscard]] std::span<const Sum> sums() const noexcept { return sums_; }

  /// Finds "B3:3.1.2" (also "b3:3.1.2" and the printed code "B1:4."); nullopt when unknown.
  [[nodiscard]] std::optional<RowId> find(std::string_view address) const;
  /// As find(), with an error that says what is wrong with the address.
  [[nodiscard]] result<RowId> lookup(std::string_view address) const;

  /// Whether every row that holds a value says how it consolidates (Row::aggregation); else an
  /// invalid_catalog error that names the rows which do not. Only consolidation asks.
  [[nodiscard]] result<void> check_consolidation() const;

  /// The definition this catalogue was made from, e.g. to write it back as JSON.
  [[nodiscard]] const CatalogDefinition& definition() const noexcept { return def_; }

 private:
  Catalog() = default;
  std::string id_, version_, title_, title_en_, province_, level_;
  Guidance guidance_;
  std::optional<Date> from_, until_;
  std::vector<Form> forms_;
  std::vector<Row> rows_;
  std::vector<Sum> sums_;
  std::unordered_map<std::string, RowId> by_address_;
  CatalogDefinition def_;
};

/// Splits "B3:3.1.2" into form 3 and code "3.1.2"; errc::parse_error when malformed.
struct RowAddress {
  int form = 0;
  std::string code;
};
[[nodiscard]] result<RowAddress> parse_row_address(std::string_view address);

/// The built-in catalogue: the annex (Phụ lục I) of Sơn La's guidance 3981/SNV-CCHC&VTLT (2022)
/// for departments, all seven forms, as printed in the reference report. Created once; shared.
[[nodiscard]] std::shared_ptr<const Catalog> builtin_catalog();

}  // namespace cchc
