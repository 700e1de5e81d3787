// SPDX-License-Identifier: MIT
// cchc/templates.hpp: report templates as data, found through a registry.
//
// A template is one folder (docs/templates.md):
//   catalog.json     the catalogue (cchc.catalog/1): id, version, level, effective dates, forms
//   *.rules          its rule files, compiled in name order after the generated structural rules
//   template.json    optional (cchc.template/1): deadlines, import vocabulary, where it comes from
//   mapping.json     optional (cchc.mapping/1): how rows of the previous version carry over
//   scoring.json     optional (cchc.scoring/1): an indicator set's points (score.hpp)
// A plain catalogue file is a template of one file: its generated structural rules apply.
//
// The registry holds the built-in templates (embedded from templates/ at build time), then what
// the folders on CCHC_TEMPLATE_PATH (colon-separated) and the folders given hold; it reads each
// template whole when it is first used. A report names its template by catalogue id and
// version, and the registry finds it:
//
//   auto registry = cchc::Registry::standard().value();
//   auto t = registry.for_report_json(json).value();   // std::shared_ptr<const Template>
//   auto report = cchc::report_from_json(json, t->catalog()).value();
//   auto findings = t->rules().check(report).value();
//
// Templates and registries are immutable once built and safe to share between threads.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/finding.hpp"
#include "cchc/limits.hpp"
#include "cchc/period.hpp"
#include "cchc/report.hpp"
#include "cchc/rules.hpp"

namespace cchc {

struct Scoring;  // score.hpp

inline constexpr std::string_view template_format = "cchc.template/1";
inline constexpr std::string_view mapping_format = "cchc.mapping/1";

/// One file of a template folder, by its name in the folder.
struct TemplateFile {
  std::string name;  ///< "catalog.json", "rules.rules"
  std::string text;
};

/// When units of this template report to the province: for each period kind, a day of the
/// report's year ("q1": 10 March). Provinces set these (DOMAIN §7); the ministry's own deadline
/// is the 20th of the period's last month.
struct Deadline {
  PeriodKind kind = PeriodKind::q1;
  int month = 0;  ///< 1–12
  int day = 0;    ///< 1–31, a real day of that month
};

/// How one row of the previous version carries over (mapping.json).
struct RowMapping {
  enum class How : std::uint8_t {
    same,    ///< the same row, perhaps under another code or label: its value carries as is
    merge,   ///< the new row is the sum of several old rows
    split,   ///< the old row became several: its value cannot be divided (a 0 carries as 0s)
    added,   ///< a new row: the old version has no figure for it
    dropped, ///< an old row with no place in the new version: its figure is lost
  };
  How how = How::same;
  std::vector<std::string> from;  ///< addresses in the previous version
  std::vector<std::string> to;    ///< addresses in this version
  std::string note;               ///< why, for the migration's findings
};
[[nodiscard]] std::string_view to_string(RowMapping::How how) noexcept;

/// A mapping from the previous version of a template to this one. Rows it does not name carry
/// over to the row at the same address, when there is one of the same kind.
struct Mapping {
  std::string from_id;
  std::string from_version;
  std::vector<RowMapping> rows;
};

/// What a registry knows of a template before reading it whole: enough to list it, find it and
/// tell two apart. Read from catalog.json's identity ("id", "version", "title", "level",
/// "effective") and from template.json, which are checked when the template joins a registry;
/// the rest is read, and checked, when the template is first used (Registry::load).
struct TemplateInfo {
  std::string id;
  std::string version;
  std::string name;   ///< the catalogue's title
  std::string level;  ///< "department", "district", "commune", "province"
  std::optional<Date> effective_from;
  std::optional<Date> effective_until;
  std::string origin;   ///< "built-in", or the folder or file it was found in
  std::string derived;  ///< what it is derived from when no published source gives it whole
  std::string mapping_from;             ///< the version its mapping.json carries reports from
  bool scoring = false;                 ///< it has a scoring.json
  std::vector<std::string> rule_files;  ///< its *.rules files, in the order they compile
  friend bool operator==(const TemplateInfo&, const TemplateInfo&) = default;
};

class Template {
 public:
  /// Builds a template from its files: "catalog.json" is required; every "*.rules" file is a
  /// rule file; "template.json", "mapping.json" and "scoring.json" are read when present; other
  /// names are an error (a typo must not be ignored). Errors name the file, the line and the
  /// field. `origin` says where it was found ("built-in", a folder, a file).
  [[nodiscard]] static result<std::shared_ptr<const Template>> from_files(
      std::vector<TemplateFile> files, std::string origin, JsonLimits limits = {});
  /// A template of one catalogue (a plain cchc.catalog/1 file): its structural rules only.
  [[nodiscard]] static std::shared_ptr<const Template> of_catalog(
      std::shared_ptr<const Catalog> catalog, std::string origin);

  [[nodiscard]] const std::shared_ptr<const Catalog>& catalog() const noexcept { return catalog_; }
  /// Its identity, as a registry lists it.
  [[nodiscard]] const TemplateInfo& info() const noexcept { return info_; }
  [[nodiscard]] const std::string& id() const noexcept { return catalog_->id(); }
  [[nodiscard]] const std::string& version() const noexcept { return catalog_->version(); }
  /// The catalogue's title.
  [[nodiscard]] const std::string& name() const noexcept { return catalog_->title(); }
  /// "department", "district", "commune", "province".
  [[nodiscard]] const std::string& level() const noexcept { return catalog_->level(); }
  [[nodiscard]] const std::string& origin() const noexcept { return origin_; }
  /// What the template is derived from when no published source gives it whole; "" otherwise.
  [[nodiscard]] const std::string& derived() const noexcept { return derived_; }

  [[nodiscard]] std::span<const TemplateFile> rule_files() const noexcept { return rule_files_; }
  [[nodiscard]] std::span<const Deadline> deadlines() const noexcept { return deadlines_; }
  /// The day a report of `period` is due, when the template sets one for its kind.
  [[nodiscard]] std::optional<Date> deadline(const Period& period) const;
  /// The import vocabulary: template.json's, kept on the catalogue the importers read.
  [[nodiscard]] const Vocabulary& vocabulary() const noexcept { return catalog_->vocabulary(); }
  [[nodiscard]] const std::optional<Mapping>& mapping() const noexcept { return mapping_; }
  /// The indicator set's scoring, for templates that have one (score.hpp).
  [[nodiscard]] const std::shared_ptr<const Scoring>& scoring() const noexcept { return scoring_; }

  /// The structural rules, the template's rule files, "template.deadline" when it sets deadlines
  /// (a report dated after its deadline) and "template.in-force" when its catalogue has
  /// effective dates (a report whose figures date from outside them follows the wrong version). Compiled on first use, once (the
  /// rule files were already compiled when the template was read, so that their errors are
  /// reported then): a registry of many templates costs only what is used. A copy is cheap.
  [[nodiscard]] const RuleSet& rules() const;

 private:
  Template() = default;
  static TemplateInfo info_of(const Template& t);
  std::shared_ptr<const Catalog> catalog_;
  TemplateInfo info_;
  std::string origin_, derived_;
  std::vector<TemplateFile> rule_files_;
  std::vector<Deadline> deadlines_;
  std::optional<Mapping> mapping_;
  std::shared_ptr<const Scoring> scoring_;
  mutable std::once_flag compiled_;
  mutable std::shared_ptr<const RuleSet> rules_;
};

/// Reads a template folder, or a plain catalogue file. Errors name the file, line and field.
[[nodiscard]] result<std::shared_ptr<const Template>> load_template(
    const std::filesystem::path& path, JsonLimits limits = {});

/// The templates cchc knows. Adding a folder reads each template's identity and template.json
/// (fast: a registry of a hundred templates is ready in milliseconds); a template is read whole,
/// and its catalogue, rules, mapping and scoring checked, the first time it is used, once, even
/// across copies of the registry and threads.
class Registry {
 public:
  Registry();
  Registry(const Registry&);
  Registry(Registry&&) noexcept;
  Registry& operator=(const Registry&);
  Registry& operator=(Registry&&) noexcept;
  ~Registry();

  /// The built-in templates only.
  [[nodiscard]] static const Registry& builtin();
  /// The built-in templates, then each folder on CCHC_TEMPLATE_PATH, then each of `dirs`.
  [[nodiscard]] static result<Registry> standard(std::span<const std::filesystem::path> dirs = {});

  /// Adds one template, read already; errc::invalid_argument when one of the same id and
  /// version is there.
  [[nodiscard]] result<void> add(std::shared_ptr<const Template> t);
  /// Adds what a folder holds: each sub-folder with a catalog.json is a template, each
  /// "*.json" file of format cchc.catalog/1 a catalogue; a folder that is itself a template
  /// is added as one. Errors name the file, line and field; nothing is added when one fails.
  [[nodiscard]] result<void> add_directory(const std::filesystem::path& dir,
                                           JsonLimits limits = {});

  /// Every template, by id then version (oldest first).
  [[nodiscard]] std::span<const TemplateInfo> templates() const noexcept;
  [[nodiscard]] const TemplateInfo* find(std::string_view id, std::string_view version) const noexcept;
  /// The template read whole (once; later calls share it). Its errors name file, line, field.
  /// `info` is one of templates(), or names one by id and version.
  [[nodiscard]] result<std::shared_ptr<const Template>> load(const TemplateInfo& info) const;

  /// The template of that id and version; with an empty version, the newest. The error names
  /// the versions there are (and `cchc migrate` when the id is known).
  [[nodiscard]] result<std::shared_ptr<const Template>> lookup(std::string_view id,
                                                               std::string_view version = {}) const;
  /// The version of `id` in force on `day` (its effective dates), the newest of several.
  [[nodiscard]] result<std::shared_ptr<const Template>> in_force(std::string_view id,
                                                                 Date day) const;
  /// The template a report in JSON names (its "catalog": {"id", "version"}); a report that
  /// names none follows the built-in catalogue.
  [[nodiscard]] result<std::shared_ptr<const Template>> for_report_json(std::string_view json) const;

  /// The versions from `from_version` to `to_version` of `id`, each reached by its mapping;
  /// errc::not_found when no chain of mappings leads there.
  [[nodiscard]] result<std::vector<std::shared_ptr<const Template>>> migration_path(
      std::string_view id, std::string_view from_version, std::string_view to_version) const;

 private:
  struct Entry;
  result<void> insert(TemplateInfo info, std::shared_ptr<Entry> entry);
  std::vector<TemplateInfo> infos_;               // sorted by id, then version
  std::vector<std::shared_ptr<Entry>> entries_;   // the same order
};

/// A report carried over to another version of its template.
struct Migration {
  Report report;
  /// What could not be carried over, or was carried with a caveat: migrate.dropped.<row>
  /// (a figure lost, warning), migrate.split.<row> (a figure that cannot be divided, warning),
  /// migrate.partial.<row> (a merge over blanks, warning), migrate.added.<row> (info).
  std::vector<Finding> findings;
};

/// Carries `report` over to version `to_version` of its template, through every mapping between
/// (Registry::migration_path). Metadata and notes carry; values by the mappings.
[[nodiscard]] result<Migration> migrate(const Report& report, const Registry& registry,
                                        std::string_view to_version);
/// One step: `report` follows `to`'s previous version (to.mapping()->from_*).
[[nodiscard]] result<Migration> migrate(const Report& report, const Template& to);

/// `earlier` as a report of `current`'s template version, for comparisons across periods: as it
/// is when it already follows that version, carried over by the mappings when it follows an
/// earlier version of the same template; nullopt for another template, or when no chain of
/// mappings leads to `current` (a cross-period rule then has nothing to compare with).
[[nodiscard]] std::optional<Report> comparable(const Report& earlier, const Catalog& current,
                                               const Registry& registry);

}  // namespace cchc
