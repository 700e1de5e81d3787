// SPDX-License-Identifier: MIT
// The archive in SQLite. Each report is stored as its cchc.report/1 JSON line (exact, and what
// the readers already read back losslessly) beside the columns it is found by. A version is
// current while `replaced_at` is NULL; a partial unique index keeps one current version per
// agency, template and period, so the database itself refuses two.
#include "cchc/archive.hpp"
#include "cchc/templates.hpp"

#include <sqlite3.h>

#include <array>
#include <mutex>

#include <fmt/format.h>

#include "cchc/json.hpp"

namespace cchc {
namespace {

// Schema steps: steps[i] takes a database from user_version i to i + 1, inside one transaction.
constexpr std::array<std::string_view, Archive::schema_version> migrations{
    R"sql(
CREATE TABLE reports (
  id               INTEGER PRIMARY KEY,
  agency_key       TEXT NOT NULL,
  agency_code      TEXT NOT NULL,
  agency_name      TEXT NOT NULL,
  agency_level     TEXT NOT NULL,
  province         TEXT NOT NULL,
  period_year      INTEGER NOT NULL,
  period_kind      TEXT NOT NULL,
  cutoff           TEXT NOT NULL,
  catalog_id       TEXT NOT NULL,
  catalog_version  TEXT NOT NULL,
  document_number  TEXT NOT NULL,
  document_symbol  TEXT NOT NULL,
  document_date    TEXT,
  report           TEXT NOT NULL,
  source           TEXT NOT NULL,
  added_at         TEXT NOT NULL,
  replaced_at      TEXT
);
CREATE UNIQUE INDEX reports_current
  ON reports(agency_key, catalog_id, period_year, period_kind) WHERE replaced_at IS NULL;
CREATE INDEX reports_by_cutoff
  ON reports(agency_key, catalog_id, catalog_version, cutoff) WHERE replaced_at IS NULL;
CREATE INDEX reports_by_period ON reports(period_year, period_kind) WHERE replaced_at IS NULL;
)sql"};

// What SQLite was asked to do, in both languages, for messages.
struct Doing {
  std::string_view vi, en;
};
constexpr Doing opening{"mở cơ sở dữ liệu", "open the database"};
constexpr Doing querying{"chuẩn bị truy vấn", "prepare a query"};
constexpr Doing accessing{"đọc hoặc ghi", "read or write"};

error db_error(sqlite3* db, Doing what, const std::filesystem::path& path) {
  const char* msg = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
  return make_error(errc::io_error, fmt::format("kho báo cáo: không {} được: {}", what.vi, msg),
                    fmt::format("archive: cannot {}: {}", what.en, msg), path.string());
}

struct Statement {
  sqlite3_stmt* s = nullptr;
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(s); }
  void bind(int i, std::string_view text) {
    // An empty view may have no data; SQLite would store NULL for it.
    sqlite3_bind_text(s, i, text.empty() ? "" : text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  void bind(int i, std::int64_t n) { sqlite3_bind_int64(s, i, n); }
  void bind_null(int i) { sqlite3_bind_null(s, i); }
  [[nodiscard]] std::string text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, col));
    return p == nullptr ? std::string() : std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, col)));
  }
  [[nodiscard]] std::int64_t integer(int col) const { return sqlite3_column_int64(s, col); }
};

}  // namespace

struct Archive::Impl {
  sqlite3* db = nullptr;
  std::filesystem::path path;
  mutable std::mutex mutex;  // one connection: calls take turns

  ~Impl() { sqlite3_close_v2(db); }

  result<void> exec(std::string_view sql) const {
    if (sqlite3_exec(db, std::string(sql).c_str(), nullptr, nullptr, nullptr) == SQLITE_OK) return {};
    return db_error(db, accessing, path);
  }

  result<void> prepare(Statement& st, std::string_view sql) const {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st.s, nullptr) != SQLITE_OK)
      return db_error(db, querying, path);
    return {};
  }

  // SQLITE_ROW → true, SQLITE_DONE → false.
  result<bool> step(Statement& st) const {
    const int rc = sqlite3_step(st.s);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return db_error(db, accessing, path);
  }

  result<int> user_version() const {
    Statement st;
    if (auto r = prepare(st, "PRAGMA user_version"); !r) return r.error();
    auto row = step(st);
    if (!row) return row.error();
    return static_cast<int>(st.integer(0));
  }

  result<void> migrate() {
    auto version = user_version();
    if (!version) return version.error();
    if (*version > Archive::schema_version)
      return make_error(errc::invalid_argument,
                        fmt::format("kho báo cáo có lược đồ phiên bản {}, mới hơn phiên bản {} mà "
                                    "cchc này đọc được",
                                    *version, Archive::schema_version),
                        fmt::format("the archive's schema is version {}, newer than the {} this "
                                    "cchc reads",
                                    *version, Archive::schema_version),
                        path.string());
    for (int v = *version; v < Archive::schema_version; ++v) {
      if (auto r = exec("BEGIN IMMEDIATE"); !r) return r;
      auto step_done = exec(migrations[static_cast<std::size_t>(v)]);
      if (step_done) step_done = exec(fmt::format("PRAGMA user_version = {}", v + 1));
      if (!step_done) {
        (void)exec("ROLLBACK");
        return step_done;
      }
      if (auto r = exec("COMMIT"); !r) return r;
    }
    return {};
  }
};

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;
Archive::~Archive() = default;

result<Archive> Archive::open(const std::filesystem::path& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  const int rc = sqlite3_open_v2(path.string().c_str(), &impl->db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) return db_error(impl->db, opening, path);
  sqlite3_busy_timeout(impl->db, 10000);  // a writer holds the lock for one transaction
  // WAL: readers never wait for the writer; NORMAL sync is durable up to the last checkpoint
  // and never corrupts (sqlite.org/wal.html).
  if (auto r = impl->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                          "PRAGMA foreign_keys = ON");
      !r) {
    if (r.error().message_en.find("not a database") != std::string::npos ||
        r.error().message_en.find("file is not") != std::string::npos)
      return make_error(errc::parse_error, "tệp không phải kho báo cáo SQLite",
                        "the file is not an SQLite archive", path.string());
    return r.error();
  }
  if (auto r = impl->migrate(); !r) return r.error();
  return Archive(std::move(impl));
}

result<ArchiveAdd> Archive::add(std::span<const Report> reports, std::string_view source) {
  std::vector<const Report*> pointers;
  pointers.reserve(reports.size());
  for (const Report& r : reports) pointers.push_back(&r);
  return add(std::span<const Report* const>(pointers), source);
}

result<ArchiveAdd> Archive::add(std::span<const Report* const> reports, std::string_view source) {
  const std::lock_guard lock(impl_->mutex);
  Impl& d = *impl_;
  ArchiveAdd out;
  Statement find, retire, insert;
  if (auto r = d.prepare(find,
                         "SELECT id, report FROM reports WHERE agency_key = ?1 AND catalog_id = ?2 "
                         "AND period_year = ?3 AND period_kind = ?4 AND replaced_at IS NULL");
      !r)
    return r.error();
  if (auto r = d.prepare(retire,
                         "UPDATE reports SET replaced_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                         "WHERE id = ?1");
      !r)
    return r.error();
  if (auto r = d.prepare(insert,
                         "INSERT INTO reports (agency_key, agency_code, agency_name, agency_level, "
                         "province, period_year, period_kind, cutoff, catalog_id, catalog_version, "
                         "document_number, document_symbol, document_date, report, source, "
                         "added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                         "?14, ?15, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
      !r)
    return r.error();
  if (auto r = d.exec("BEGIN IMMEDIATE"); !r) return r.error();
  auto body = [&]() -> result<void> {
    for (std::size_t i = 0; i < reports.size(); ++i) {
      const Report& report = *reports[i];
      const Metadata& m = report.metadata();
      const std::string& key = agency_key(m.agency);
      if (key.empty() || !m.period) {
        out.refused.push_back(make_error(
            errc::invalid_argument,
            key.empty() ? "báo cáo không ghi cơ quan báo cáo" : "báo cáo không ghi kỳ báo cáo",
            key.empty() ? "the report names no agency" : "the report names no period",
            fmt::format("#{}", i + 1)));
        continue;
      }
      const std::string json = report_to_json_line(report);
      sqlite3_reset(find.s);
      find.bind(1, key);
      find.bind(2, report.catalog().id());
      find.bind(3, std::int64_t{m.period->year});
      find.bind(4, to_string(m.period->kind));
      auto found = d.step(find);
      if (!found) return found.error();
      if (*found) {
        if (find.text(1) == json) {
          ++out.unchanged;
          continue;
        }
        sqlite3_reset(retire.s);
        retire.bind(1, find.integer(0));
        if (auto r = d.step(retire); !r) return r.error();
        ++out.replaced;
      } else {
        ++out.added;
      }
      sqlite3_reset(insert.s);
      insert.bind(1, key);
      insert.bind(2, m.agency.code);
      insert.bind(3, m.agency.name);
      insert.bind(4, to_string(m.agency.level));
      insert.bind(5, m.province);
      insert.bind(6, std::int64_t{m.period->year});
      insert.bind(7, to_string(m.period->kind));
      insert.bind(8, format_iso_date(data_window(*m.period).last));
      insert.bind(9, report.catalog().id());
      insert.bind(10, report.catalog().version());
      insert.bind(11, m.document.number);
      insert.bind(12, m.document.symbol);
      if (m.document.date) insert.bind(13, format_iso_date(*m.document.date));
      else insert.bind_null(13);
      insert.bind(14, json);
      insert.bind(15, source);
      if (auto r = d.step(insert); !r) return r.error();
    }
    return {};
  };
  if (auto r = body(); !r) {
    (void)d.exec("ROLLBACK");
    return r.error();
  }
  if (auto r = d.exec("COMMIT"); !r) return r.error();
  return out;
}

namespace {

// "WHERE replaced_at IS NULL AND …" for a filter, with its parameters from ?1.
struct Where {
  std::string sql = "replaced_at IS NULL";
  std::vector<std::string> texts;
  std::vector<std::int64_t> numbers;
  std::vector<bool> is_text;
};

Where where_of(const ArchiveFilter& f) {
  Where w;
  auto add_text = [&](std::string_view cond, std::string value) {
    w.sql += fmt::format(" AND {}", cond);
    w.texts.push_back(std::move(value));
    w.numbers.push_back(0);
    w.is_text.push_back(true);
  };
  auto add_number = [&](std::string_view cond, std::int64_t value) {
    w.sql += fmt::format(" AND {}", cond);
    w.texts.emplace_back();
    w.numbers.push_back(value);
    w.is_text.push_back(false);
  };
  if (f.period) {
    add_number(fmt::format("period_year = ?{}", w.is_text.size() + 1), f.period->year);
    add_text(fmt::format("period_kind = ?{}", w.is_text.size() + 1), std::string(to_string(f.period->kind)));
  }
  if (f.year) add_number(fmt::format("period_year = ?{}", w.is_text.size() + 1), *f.year);
  if (!f.agency.empty()) {
    const auto n = w.is_text.size() + 1;
    add_text(fmt::format("(agency_code = ?{0} OR agency_name = ?{0})", n), f.agency);
  }
  return w;
}

void bind_where(Statement& st, const Where& w, int offset = 0) {
  for (std::size_t i = 0; i < w.is_text.size(); ++i) {
    const int at = static_cast<int>(i) + 1 + offset;
    if (w.is_text[i]) st.bind(at, w.texts[i]);
    else st.bind(at, w.numbers[i]);
  }
}

constexpr std::string_view order = " ORDER BY cutoff, period_kind, agency_key";

}  // namespace

result<std::vector<ArchiveEntry>> Archive::list(const ArchiveFilter& filter) const {
  const std::lock_guard lock(impl_->mutex);
  const Where w = where_of(filter);
  Statement st;
  const std::string sql = fmt::format(
      "SELECT agency_code, agency_name, agency_level, province, period_year, period_kind, "
      "document_number, document_symbol, document_date, catalog_id, catalog_version, added_at, "
      "(SELECT COUNT(*) FROM reports o WHERE o.agency_key = r.agency_key AND o.catalog_id = "
      "r.catalog_id AND o.period_year = r.period_year AND o.period_kind = r.period_kind) "
      "FROM reports r WHERE {}{}",
      w.sql, order);
  if (auto r = impl_->prepare(st, sql); !r) return r.error();
  bind_where(st, w);
  std::vector<ArchiveEntry> out;
  for (;;) {
    auto row = impl_->step(st);
    if (!row) return row.error();
    if (!*row) break;
    ArchiveEntry e;
    e.agency.code = st.text(0);
    e.agency.name = st.text(1);
    e.agency.level = agency_level_from_string(st.text(2)).value_or(AgencyLevel::department);
    e.province = st.text(3);
    e.period = Period{static_cast<int>(st.integer(4)),
                      period_kind_from_string(st.text(5)).value_or(PeriodKind::q1)};
    e.document.number = st.text(6);
    e.document.symbol = st.text(7);
    if (auto d = parse_iso_date(st.text(8))) e.document.date = *d;
    e.catalog_id = st.text(9);
    e.catalog_version = st.text(10);
    e.added_at = st.text(11);
    e.versions = static_cast<std::size_t>(st.integer(12));
    out.push_back(std::move(e));
  }
  return out;
}

result<std::string> Archive::export_jsonl(const ArchiveFilter& filter) const {
  const std::lock_guard lock(impl_->mutex);
  const Where w = where_of(filter);
  Statement st;
  if (auto r = impl_->prepare(st, fmt::format("SELECT report FROM reports WHERE {}{}", w.sql, order)); !r)
    return r.error();
  bind_where(st, w);
  std::string out;
  for (;;) {
    auto row = impl_->step(st);
    if (!row) return row.error();
    if (!*row) break;
    out += st.text(0);
    out += '\n';
  }
  return out;
}

result<std::vector<Report>> Archive::reports(std::shared_ptr<const Catalog> catalog,
                                             const ArchiveFilter& filter) const {
  if (!catalog) return make_error(errc::invalid_argument, "thiếu danh mục", "no catalogue given");
  const std::lock_guard lock(impl_->mutex);
  const Where w = where_of(filter);
  Statement st;
  const std::string sql = fmt::format(
      "SELECT report, agency_key, period_year, period_kind FROM reports WHERE {} AND catalog_id = "
      "?{} AND catalog_version = ?{}{}",
      w.sql, w.is_text.size() + 1, w.is_text.size() + 2, order);
  if (auto r = impl_->prepare(st, sql); !r) return r.error();
  bind_where(st, w);
  st.bind(static_cast<int>(w.is_text.size()) + 1, catalog->id());
  st.bind(static_cast<int>(w.is_text.size()) + 2, catalog->version());
  std::vector<Report> out;
  for (;;) {
    auto row = impl_->step(st);
    if (!row) return row.error();
    if (!*row) break;
    auto report = report_from_json(st.text(0), catalog);
    if (!report)
      return std::move(report.error())
          .within(fmt::format("{}: {} {} {}", impl_->path.string(), st.text(1), st.text(3),
                              st.integer(2)));
    out.push_back(std::move(*report));
  }
  return out;
}

result<History> Archive::history(const Report& report, int years) const {
  return history_of(report, nullptr, years);
}

result<History> Archive::history(const Report& report, const Registry& registry, int years) const {
  return history_of(report, &registry, years);
}

result<History> Archive::history_of(const Report& report, const Registry* registry, int years) const {
  History h;
  const Metadata& m = report.metadata();
  if (!m.period || agency_key(m.agency).empty()) return h;
  const std::lock_guard lock(impl_->mutex);
  Statement st;
  if (auto r = impl_->prepare(st,
                              "SELECT report, catalog_version FROM reports WHERE agency_key = ?1 AND "
                              "catalog_id = ?2 AND (?3 IS NULL OR catalog_version = ?3) AND "
                              "replaced_at IS NULL AND cutoff < ?4 AND period_year >= ?5 ORDER BY cutoff");
      !r)
    return r.error();
  st.bind(1, agency_key(m.agency));
  st.bind(2, report.catalog().id());
  if (registry == nullptr) st.bind(3, report.catalog().version());
  st.bind(4, format_iso_date(data_window(*m.period).last));
  st.bind(5, std::int64_t{m.period->year - std::max(years, 1) + 1});
  for (;;) {
    auto row = impl_->step(st);
    if (!row) return row.error();
    if (!*row) break;
    const std::string version = st.text(1);
    std::shared_ptr<const Catalog> catalog = report.catalog_ptr();
    if (version != report.catalog().version()) {
      auto t = registry->lookup(report.catalog().id(), version);
      if (!t) continue;  // a version this registry does not know cannot be compared
      catalog = (*t)->catalog();
    }
    auto earlier = report_from_json(st.text(0), catalog);
    if (!earlier) return std::move(earlier.error()).within(impl_->path.string());
    if (auto same = comparable(*earlier, report.catalog(), registry == nullptr ? Registry::builtin() : *registry))
      h.add(std::move(*same));
  }
  return h;
}

result<void> Archive::verify() const {
  const std::lock_guard lock(impl_->mutex);
  Statement st;
  if (auto r = impl_->prepare(st, "PRAGMA integrity_check"); !r) return r.error();
  std::string problems;
  for (;;) {
    auto row = impl_->step(st);
    if (!row) return row.error();
    if (!*row) break;
    if (st.text(0) != "ok") problems += (problems.empty() ? "" : "; ") + st.text(0);
  }
  if (!problems.empty())
    return make_error(errc::io_error, fmt::format("kho báo cáo bị hỏng: {}", problems),
                      fmt::format("the archive is damaged: {}", problems), impl_->path.string());
  auto version = impl_->user_version();
  if (!version) return version.error();
  if (*version != schema_version)
    return make_error(errc::io_error,
                      fmt::format("lược đồ phiên bản {}, cần {}", *version, schema_version),
                      fmt::format("schema version {}, expected {}", *version, schema_version),
                      impl_->path.string());
  return {};
}

result<Archive::Counts> Archive::counts() const {
  const std::lock_guard lock(impl_->mutex);
  Statement st;
  if (auto r = impl_->prepare(st, "SELECT COUNT(*) FILTER (WHERE replaced_at IS NULL), COUNT(*) "
                                  "FROM reports");
      !r)
    return r.error();
  auto row = impl_->step(st);
  if (!row) return row.error();
  return Counts{static_cast<std::size_t>(st.integer(0)), static_cast<std::size_t>(st.integer(1))};
}

}  // namespace cchc
