// SPDX-License-Identifier: MIT
// cchc/archive.hpp: a province's reports over the years, in one SQLite database.
//
// The archive keeps one current version of each report (agency, template and period), and every
// version it replaced. It feeds the cross-period checks (history.hpp): `cchc check --archive DB`
// takes the agency's earlier reports from it. Adding is idempotent (the same report twice changes
// nothing) and atomic (a batch is added whole or not at all, even if the process is killed
// midway). The database runs in WAL mode: any number of readers, in other processes too, while
// one writer adds. The schema is versioned (PRAGMA user_version) and migrated on open.
//
//   auto db = cchc::Archive::open("sonla.cchc.db").value();
//   db.add(reports).value();                       // {added, replaced, unchanged, refused}
//   for (const auto& e : db.list().value()) ...    // agency, period, document, template, when
//   cchc::History h = db.history(report).value();  // the agency's earlier reports
//
// An Archive is one connection; its methods may be called from several threads (they take turns).
// Open one per process or thread for parallel readers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cchc/error.hpp"
#include "cchc/history.hpp"
#include "cchc/report.hpp"

namespace cchc {

class Registry;

/// What Archive::add did.
struct ArchiveAdd {
  std::size_t added = 0;      ///< reports the archive did not have
  std::size_t replaced = 0;   ///< changed reports; the earlier version is kept as history
  std::size_t unchanged = 0;  ///< the same report again: nothing done
  /// Reports that cannot be archived (no agency, no period), each naming its index; the others
  /// are added all the same.
  std::vector<error> refused;
};

/// One current report of the archive.
struct ArchiveEntry {
  Agency agency;
  std::string province;
  Period period;
  Document document;  ///< number, symbol and date
  std::string catalog_id;
  std::string catalog_version;
  std::string added_at;      ///< UTC, "2024-03-20T08:15:00Z"
  std::size_t versions = 1;  ///< 1 + the versions it replaced
};

/// Which current reports to read; empty fields select all.
struct ArchiveFilter {
  std::optional<Period> period;
  std::optional<int> year;
  std::string agency;  ///< code or name
};

class Archive {
 public:
  /// The schema this version of cchc writes.
  static constexpr int schema_version = 1;

  /// Opens the archive at `path`, creating it when missing and migrating an older schema.
  /// A database of a newer schema, or a file that is not an archive, is an error.
  [[nodiscard]] static result<Archive> open(const std::filesystem::path& path);

  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;
  ~Archive();

  /// Adds reports in one transaction (all or nothing). `source` is recorded with them.
  [[nodiscard]] result<ArchiveAdd> add(std::span<const Report* const> reports,
                                       std::string_view source = {});
  [[nodiscard]] result<ArchiveAdd> add(std::span<const Report> reports, std::string_view source = {});

  /// The current reports, by period (oldest first), then agency.
  [[nodiscard]] result<std::vector<ArchiveEntry>> list(const ArchiveFilter& filter = {}) const;
  /// The current reports of `catalog`'s template that `filter` selects, read back exactly.
  [[nodiscard]] result<std::vector<Report>> reports(std::shared_ptr<const Catalog> catalog,
                                                    const ArchiveFilter& filter = {}) const;
  /// The same as JSON Lines, one report per line, as `cchc archive export` writes them.
  [[nodiscard]] result<std::string> export_jsonl(const ArchiveFilter& filter = {}) const;

  /// The current reports of `report`'s agency and template with a cut-off before its own, from
  /// `years` years back at most (its own year included): what its cross-period checks need.
  [[nodiscard]] result<History> history(const Report& report, int years = 3) const;
  /// The same across the versions of its template: earlier reports of another version are read
  /// with that version's catalogue from `registry` and carried over by its mappings
  /// (comparable(), templates.hpp); those no mapping reaches are left out.
  [[nodiscard]] result<History> history(const Report& report, const Registry& registry,
                                        int years = 3) const;

  /// SQLite's integrity check, and the schema version; errc::io_error naming what is wrong.
  [[nodiscard]] result<void> verify() const;
  /// The current reports, and every version stored (current or replaced), counted in one query.
  struct Counts {
    std::size_t current = 0;
    std::size_t versions = 0;
  };
  [[nodiscard]] result<Counts> counts() const;

 private:
  result<History> history_of(const Report& report, const Registry* registry, int years) const;
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cchc
