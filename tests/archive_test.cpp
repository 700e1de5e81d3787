// SPDX-License-Identifier: MIT
// The archive (cchc/archive.hpp): idempotent adds with history, lists, exports that read back,
// histories for the cross-period checks, schema versions, concurrent readers, and a writer
// killed midway that leaves the database as it was.
#include "cchc/archive.hpp"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "cchc/batch.hpp"
#include "cchc/batch_input.hpp"
#include "cchc/json.hpp"
#include "cchc/rules.hpp"
#include "support/seed_report.hpp"

namespace cchc {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            fmt::format("cchc-archive-{}-{}", ::getpid(), counter_++);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  [[nodiscard]] fs::path operator/(std::string_view name) const { return path_ / name; }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

Report unit(std::string code, Period period, std::string dossiers = "100") {
  Report r = testing::seed_report();
  r.metadata().agency = {std::string("Sở ").append(code), code, AgencyLevel::department};
  r.metadata().period = period;
  r.set_text("B7:4.4.1", dossiers).value();
  return r;
}

constexpr Period q1{2024, PeriodKind::q1};
constexpr Period six{2024, PeriodKind::six_months};

TEST(Archive, AddsOnceReplacesKeepingHistoryAndReadsBackExactly) {
  TempDir dir;
  auto db = Archive::open(dir / "a.db").value();
  std::vector<Report> reports{unit("SKHCN", q1), unit("STC", q1), unit("SKHCN", six)};
  auto added = db.add(reports, "test").value();
  EXPECT_EQ(added.added, 3u);
  added = db.add(reports).value();  // the same again: nothing changes
  EXPECT_EQ(added.added, 0u);
  EXPECT_EQ(added.unchanged, 3u);
  EXPECT_EQ(db.counts().value().versions, 3u);
  // A corrected report replaces the current one; the earlier version stays.
  std::vector<Report> corrected{unit("STC", q1, "120")};
  added = db.add(corrected).value();
  EXPECT_EQ(added.replaced, 1u);
  EXPECT_EQ(db.counts().value().versions, 4u);
  EXPECT_EQ(db.counts().value().current, 3u);

  const auto entries = db.list().value();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].period, q1);
  EXPECT_EQ(entries[0].agency.code, "SKHCN");
  EXPECT_EQ(entries[1].agency.code, "STC");
  EXPECT_EQ(entries[1].versions, 2u);
  EXPECT_EQ(entries[1].document.number, "94");
  EXPECT_EQ(entries[1].catalog_id, builtin_catalog()->id());
  EXPECT_EQ(entries[2].period, six);
  EXPECT_FALSE(entries[0].added_at.empty());

  const auto back = db.reports(builtin_catalog(), {q1, {}, "STC"}).value();
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0], corrected[0]);  // every value as written, metadata, notes
  EXPECT_EQ(db.list({std::nullopt, 2024, {}}).value().size(), 3u);
  EXPECT_TRUE(db.list({std::nullopt, 2023, {}}).value().empty());
  EXPECT_TRUE(db.verify());
}

TEST(Archive, ExportsJsonLinesThatReadBackAsABatch) {
  TempDir dir;
  auto db = Archive::open(dir / "a.db").value();
  std::vector<Report> reports{unit("SKHCN", q1), unit("STC", q1), unit("SKHCN", six)};
  (void)db.add(reports).value();
  const std::string lines = db.export_jsonl({q1, {}, {}}).value();
  Batch batch(builtin_catalog());
  const auto read = read_jsonl(lines, batch).value();
  EXPECT_EQ(read.reports, 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const Report back = batch.report(i);  // with the line it came from as each row's source
    EXPECT_EQ(back.metadata(), reports[i].metadata());
    for (const Row& row : back.catalog().rows())
      EXPECT_TRUE(same_as_written(back.value(row.id), reports[i].value(row.id))) << row.address();
  }
}

TEST(Archive, RefusesReportsWithoutAgencyOrPeriodAndAddsTheRest) {
  TempDir dir;
  auto db = Archive::open(dir / "a.db").value();
  std::vector<Report> reports{unit("SKHCN", q1), unit("", q1), unit("STC", q1)};
  reports[1].metadata().agency = {};
  reports[2].metadata().period.reset();
  const auto added = db.add(reports).value();
  EXPECT_EQ(added.added, 1u);
  ASSERT_EQ(added.refused.size(), 2u);
  EXPECT_EQ(added.refused[0].where, "#2");
  EXPECT_NE(added.refused[1].message_en.find("no period"), std::string::npos);
}

TEST(Archive, GivesTheHistoryTheCrossPeriodChecksNeed) {
  TempDir dir;
  auto db = Archive::open(dir / "a.db").value();
  std::vector<Report> reports{unit("SKHCN", {2020, PeriodKind::year}), unit("SKHCN", q1, "150"),
                              unit("STC", q1), unit("SKHCN", {2024, PeriodKind::year})};
  (void)db.add(reports).value();
  const Report now = unit("SKHCN", six, "90");
  const History h = db.history(now).value();
  ASSERT_EQ(h.reports().size(), 1u);  // Q1 2024: not 2020 (too old), not STC, not the year after
  EXPECT_EQ(h.reports()[0], reports[1]);
  EXPECT_EQ(db.history(now, 10).value().reports().size(), 2u);
  const auto found = RuleSet::builtin(builtin_catalog()).check(now, h).value();
  EXPECT_TRUE(std::any_of(found.begin(), found.end(), [](const Finding& f) {
    return f.rule_id == "period.flow.B7:4.4.1";
  }));
}

TEST(Archive, RefusesANewerSchemaAndAFileThatIsNotAnArchive) {
  TempDir dir;
  { (void)Archive::open(dir / "a.db").value(); }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "a.db").string().c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  auto newer = Archive::open(dir / "a.db");
  ASSERT_FALSE(newer);
  EXPECT_NE(newer.error().message_en.find("version 99, newer"), std::string::npos);
  std::ofstream(dir / "not.db") << "this is a report, not a database, and it is long enough to "
                                   "be read as a header of one\n";
  auto garbage = Archive::open(dir / "not.db");
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().code, errc::parse_error);
}

TEST(Archive, MigratesAnEmptyDatabase) {
  TempDir dir;
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "old.db").string().c_str(), &raw), SQLITE_OK);
  sqlite3_close(raw);
  auto db = Archive::open(dir / "old.db").value();
  EXPECT_TRUE(db.verify());
  EXPECT_EQ(db.counts().value().versions, 0u);
}

TEST(Archive, ReadersReadWhileOneWriterAdds) {
  TempDir dir;
  { (void)Archive::open(dir / "a.db").value(); }
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::thread writer([&] {
    auto db = Archive::open(dir / "a.db").value();
    for (int i = 0; i < 20; ++i) {
      std::vector<Report> batch;
      for (int j = 0; j < 10; ++j) batch.push_back(unit(fmt::format("A{}-{}", i, j), q1));
      if (!db.add(batch)) ++failures;
    }
    done = true;
  });
  std::size_t last = 0;
  auto reader = Archive::open(dir / "a.db").value();
  while (!done) {
    auto n = reader.list();
    if (!n) {
      ++failures;
      break;
    }
    EXPECT_EQ(n->size() % 10, 0u);  // a batch is seen whole or not at all
    EXPECT_GE(n->size(), last);
    last = n->size();
  }
  writer.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(reader.list().value().size(), 200u);
}

#ifdef CCHC_CLI_PATH
// `cchc archive add` killed while it writes a large batch: the database is as it was before.
TEST(Archive, AKilledWriterLeavesTheDatabaseAsItWas) {
  TempDir dir;
  const fs::path db_path = dir / "a.db";
  {
    auto db = Archive::open(db_path).value();
    std::vector<Report> first{unit("SKHCN", q1)};
    (void)db.add(first).value();
  }
  {
    std::ofstream big(dir / "big.jsonl");
    for (int i = 0; i < 8000; ++i) big << report_to_json_line(unit(fmt::format("U{}", i), six)) << '\n';
  }
  const std::string jsonl = (dir / "big.jsonl").string(), db_arg = db_path.string();
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::execl(CCHC_CLI_PATH, CCHC_CLI_PATH, "archive", "add", db_arg.c_str(), jsonl.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Kill it once its transaction has spilled pages into the write-ahead log.
  const fs::path wal = db_path.string() + "-wal";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  int status = 0;
  bool exited = false;
  while (std::chrono::steady_clock::now() < deadline) {
    std::error_code ec;
    if (fs::file_size(wal, ec) > (1u << 20)) break;
    if (::waitpid(child, &status, WNOHANG) == child) {
      exited = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_FALSE(exited) << "the writer finished before it could be killed";
  ::kill(child, SIGKILL);
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  auto db = Archive::open(db_path).value();
  EXPECT_TRUE(db.verify());
  EXPECT_EQ(db.counts().value().versions, 1u);
  EXPECT_EQ(db.list().value().size(), 1u);
}
#endif

}  // namespace
}  // namespace cchc
