// SPDX-License-Identifier: MIT
// CSV and JSON Lines into a Batch. A CSV record's cells go straight from the text into cells
// (parse_cell) and the batch's columns: no Report, no Value, no string per cell unless a cell
// must be unquoted or its text kept.
#include "cchc/batch_input.hpp"
#include "in/json/report_cells.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <fstream>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "cchc/json.hpp"
#include "cchc/report.hpp"
#include "in/batch/records.hpp"

namespace cchc {
namespace {

using detail::trim;
using detail::where;

// A CSV record's fields, as views into the text or into `unquoted` when they had quotes.
struct Record {
  std::vector<std::string_view> fields;
  std::deque<std::string> unquoted;  // reused between records; a deque, so views stay valid
  std::size_t used = 0;
  std::size_t lines = 0;  // newlines the record spans, its own included
};

enum class Scan { record, incomplete, end };

// The next separator or newline from p, or npos; a plain loop, which beats find_first_of's
// memchr per position on short cells.
std::size_t field_end(std::string_view text, std::size_t p, char sep) {
  for (; p < text.size(); ++p)
    if (text[p] == sep || text[p] == '\n') return p;
  return std::string_view::npos;
}

// Reads one record from text[pos..]; `at_end` says no more text will follow. RFC 4180: a quoted
// field may hold separators, newlines and "" for a quote.
Scan scan_record(std::string_view text, std::size_t& pos, char sep, bool at_end, Record& r) {
  r.fields.clear();
  r.used = 0;
  r.lines = 0;
  if (pos >= text.size()) return Scan::end;
  std::size_t p = pos;
  while (true) {
    if (p < text.size() && text[p] == '"') {
      if (r.used == r.unquoted.size()) r.unquoted.emplace_back();
      std::string& field = r.unquoted[r.used++];
      field.clear();
      ++p;
      while (true) {
        const std::size_t q = text.find('"', p);
        if (q == std::string_view::npos) {
          if (!at_end) return Scan::incomplete;
          field.append(text.substr(p));  // an unclosed quote runs to the end
          r.lines += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(p), text.end(), '\n'));
          p = text.size();
          break;
        }
        field.append(text.substr(p, q - p));
        r.lines += static_cast<std::size_t>(
            std::count(text.begin() + static_cast<std::ptrdiff_t>(p), text.begin() + static_cast<std::ptrdiff_t>(q), '\n'));
        p = q + 1;
        if (p < text.size() && text[p] == '"') {
          field.push_back('"');
          ++p;
          continue;
        }
        if (p >= text.size() && !at_end) return Scan::incomplete;
        break;
      }
      // Text after the closing quote, up to the separator, belongs to the field.
      const std::size_t stop = field_end(text, p, sep);
      const std::size_t end = stop == std::string_view::npos ? text.size() : stop;
      if (stop == std::string_view::npos && !at_end) return Scan::incomplete;
      std::string_view tail = text.substr(p, end - p);
      if (!tail.empty() && tail.back() == '\r' && (end == text.size() || text[end] == '\n'))
        tail.remove_suffix(1);
      field.append(tail);
      r.fields.emplace_back(field);
      p = end;
    } else {
      const std::size_t stop = field_end(text, p, sep);
      if (stop == std::string_view::npos && !at_end) return Scan::incomplete;
      const std::size_t end = stop == std::string_view::npos ? text.size() : stop;
      std::string_view field = text.substr(p, end - p);
      if (!field.empty() && field.back() == '\r' && (end == text.size() || text[end] == '\n'))
        field.remove_suffix(1);
      r.fields.push_back(field);
      p = end;
    }
    if (p >= text.size()) {
      pos = p;
      r.lines += 1;
      return Scan::record;
    }
    if (text[p] == '\n') {
      pos = p + 1;
      r.lines += 1;
      return Scan::record;
    }
    ++p;  // the separator
  }
}

char detect_separator(std::string_view head) {
  const std::size_t eol = head.find('\n');
  const std::string_view line = head.substr(0, eol);
  std::array<std::size_t, 3> n{};
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ',') ++n[0];
    if (c == ';') ++n[1];
    if (c == '\t') ++n[2];
  }
  const auto most = std::max_element(n.begin(), n.end()) - n.begin();
  return n[static_cast<std::size_t>(most)] == 0 ? ',' : ",;\t"[most];
}

// Feeds text to a reader record by record; returns how far it got (a record cut at the end of
// `text` is left for the next call unless `at_end`).
// A CSV reader: records of named cells, split at one separator.
struct CsvReader {
  CsvReader(const Catalog& catalog, std::string_view source, char separator)
      : records(catalog, source), sep(separator) {}
  detail::RecordReader records;
  char sep;
};

result<std::size_t> feed_csv(CsvReader& reader, std::string_view text, bool at_end,
                             std::size_t& line, Batch& batch, ReadSummary& summary, Record& r,
                             const std::function<result<void>()>& piece_full) {
  std::size_t pos = 0;
  while (true) {
    const std::size_t start = pos;
    const Scan s = scan_record(text, pos, reader.sep, at_end, r);
    if (s == Scan::end) return pos;
    if (s == Scan::incomplete) return start;
    const std::size_t first_line = line + 1;
    line += r.lines;
    summary.lines = line;
    if (!reader.records.has_columns()) {
      if (auto ok = reader.records.columns(r.fields, first_line); !ok) return ok.error();
      continue;
    }
    reader.records.record(r.fields, first_line, batch, summary);
    if (piece_full)
      if (auto ok = piece_full(); !ok) return ok.error();
  }
}

result<void> no_header(std::string_view source) {
  return make_error(errc::parse_error, "tệp CSV trống, thiếu dòng tiêu đề",
                    "the CSV file is empty: no header line", std::string(source));
}

// One JSON Lines line into the batch, or into `summary.skipped`.
void jsonl_line(std::string_view text, std::size_t line, Batch& batch, ReadSummary& summary,
                std::string_view source, const JsonLimits& limits) {
  if (trim(text).empty()) return;
  // Straight into the batch's cells: no Report per line.
  auto i = detail::append_report_json(text, batch, limits);
  if (!i) {
    summary.skipped.push_back(std::move(i.error()).within(where(source, line)));
    return;
  }
  batch.set_source_line(*i, line);
  ++summary.reports;
}

constexpr std::size_t read_block = std::size_t{4} << 20;

// Reads a file block by block; `consume(text, at_end)` returns how much of `text` it used.
result<void> read_blocks(const std::filesystem::path& path,
                         const std::function<result<std::size_t>(std::string_view, bool)>& consume) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return make_error(errc::io_error, "không mở được tệp", "cannot open the file", path.string());
  std::string buffer;
  std::vector<char> block(read_block);
  while (true) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.bad())
      return make_error(errc::io_error, "lỗi khi đọc tệp", "error reading the file", path.string());
    buffer.append(block.data(), got);
    const bool at_end = got < block.size();
    auto used = consume(buffer, at_end);
    if (!used) return used.error();
    buffer.erase(0, *used);
    if (at_end) return {};
  }
}

}  // namespace

result<ReadSummary> read_csv(std::string_view text, Batch& batch, const CsvOptions& options,
                             std::string_view source) {
  CsvReader reader(batch.catalog(), source,
                   options.separator != 0 ? options.separator : detect_separator(text));
  ReadSummary summary;
  std::size_t line = 0;
  Record r;
  auto done = feed_csv(reader, text, true, line, batch, summary, r, {});
  if (!done) return done.error();
  if (!reader.records.has_columns()) return no_header(source).error();
  return summary;
}

result<ReadSummary> read_jsonl(std::string_view text, Batch& batch, std::string_view source,
                               JsonLimits limits) {
  ReadSummary summary;
  std::size_t line = 0, pos = 0;
  while (pos < text.size()) {
    const std::size_t eol = std::min(text.find('\n', pos), text.size());
    jsonl_line(text.substr(pos, eol - pos), ++line, batch, summary, source, limits);
    pos = eol + 1;
  }
  summary.lines = line;
  return summary;
}

namespace {

// The piece a file reader fills, handed on when full and at the end.
struct Pieces {
  Batch batch;
  const BatchSink& sink;
  std::size_t chunk;
  std::size_t first = 0;
  result<void> flush() {
    if (batch.empty()) return {};
    if (auto ok = sink(batch, first); !ok) return ok;
    first += batch.size();
    batch.clear();
    return {};
  }
  result<void> flush_if_full() { return batch.size() >= chunk ? flush() : result<void>{}; }
};

}  // namespace

namespace {

// A CSV file read on several threads. One thread finds where records end (the scan is cheap
// next to reading cells); the records of `threads` pieces are then read at once, each piece into
// its own batch by its own thread, and the pieces are handed to the sink in file order. Pieces
// are full (chunk records) but at the end, where the records left are shared out evenly.
class ParallelCsv {
 public:
  ParallelCsv(const CsvReader& header, std::shared_ptr<const Catalog> catalog,
              const BatchSink& sink, std::size_t chunk, unsigned threads)
      : sink_(sink), chunk_(chunk) {
    for (unsigned t = 0; t < threads; ++t) workers_.push_back({header, Batch(catalog), {}, {}});
  }

  // `line`: lines read before text[0]. Returns how much of `text` was used; what is left is
  // given again, with more, in the next call.
  result<std::size_t> consume(std::string_view text, bool at_end, std::size_t& line,
                              ReadSummary& summary) {
    const std::size_t want = chunk_ * workers_.size();
    const char sep = workers_.front().reader.sep;
    std::size_t used = 0;
    while (true) {
      while (ends_.size() < want && record_end(text, sep, at_end) == Scan::record) {
        scanned_line_ += scratch_.lines;
        ends_.push_back(scanned_);
        lines_.push_back(scanned_line_);
      }
      const bool full = ends_.size() >= want;
      if ((!full && !at_end) || ends_.empty()) break;
      if (auto ok = read_pieces(text, used, line, summary); !ok) return ok.error();
      used = ends_.back();
      line += lines_.back();
      ends_.clear();
      lines_.clear();
      scanned_line_ = 0;
      if (!full) break;  // the end of the file
    }
    // The next call's text starts where this one's use ended.
    scanned_ -= used;
    for (std::size_t& e : ends_) e -= used;
    return used;
  }

 private:
  struct Worker {
    CsvReader reader;
    Batch batch;
    ReadSummary summary;
    Record record;
  };

  // Moves scanned_ past the next record and counts its lines in scratch_.lines. A line without
  // a quote ends at its newline, found with memchr; the others take scan_record()'s path.
  Scan record_end(std::string_view text, char sep, bool at_end) {
    if (scanned_ >= text.size()) return Scan::end;
    const char* from = text.data() + scanned_;
    const std::size_t left = text.size() - scanned_;
    const void* nl = std::memchr(from, '\n', left);
    const std::size_t n = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - from) : left;
    if (std::memchr(from, '"', n) != nullptr || (nl == nullptr && !at_end))
      return scan_record(text, scanned_, sep, at_end, scratch_);
    scanned_ += nl ? n + 1 : n;
    scratch_.lines = 1;
    return Scan::record;
  }

  // Reads the records found (ends_, from `base` in `text`, after `line` lines) as pieces.
  result<void> read_pieces(std::string_view text, std::size_t base, std::size_t line,
                           ReadSummary& summary) {
    // Full pieces, but at the end of the file the records left are shared out evenly.
    const std::size_t per = std::min(chunk_, (ends_.size() + workers_.size() - 1) / workers_.size());
    const std::size_t pieces = (ends_.size() + per - 1) / per;
    std::vector<std::exception_ptr> failed(pieces);
    auto read = [&](std::size_t k) {
      try {
        const std::size_t first = k * per;
        const std::size_t last = std::min(ends_.size(), first + per) - 1;
        const std::size_t begin = first == 0 ? base : ends_[first - 1];
        std::size_t at = line + (first == 0 ? 0 : lines_[first - 1]);
        Worker& w = workers_[k];
        w.summary = {};
        (void)feed_csv(w.reader, text.substr(begin, ends_[last] - begin), true, at, w.batch,
                       w.summary, w.record, {});  // only a header can fail, and it was read
      } catch (...) {
        failed[k] = std::current_exception();
      }
    };
    {
      std::vector<std::jthread> threads;
      for (std::size_t k = 1; k < pieces; ++k) threads.emplace_back(read, k);
      read(0);
    }
    for (const auto& e : failed)
      if (e) std::rethrow_exception(e);
    for (std::size_t k = 0; k < pieces; ++k) {
      Worker& w = workers_[k];
      summary.reports += w.summary.reports;
      summary.input_findings += w.summary.input_findings;
      summary.lines = std::max(summary.lines, w.summary.lines);
      for (error& e : w.summary.skipped) summary.skipped.push_back(std::move(e));
      if (!w.batch.empty()) {
        if (auto ok = sink_(w.batch, first_); !ok) return ok;
        first_ += w.batch.size();
      }
      w.batch.clear();
    }
    return {};
  }

  const BatchSink& sink_;
  std::size_t chunk_;
  std::vector<Worker> workers_;
  std::vector<std::size_t> ends_;   // where each record found so far ends, in this text
  std::vector<std::size_t> lines_;  // lines from this text's start to each record's end
  std::size_t scanned_ = 0;
  std::size_t scanned_line_ = 0;
  std::size_t first_ = 0;  // the index in the file of the next piece's first report
  Record scratch_;
};

result<ReadSummary> read_csv_file_parallel(const std::filesystem::path& path,
                                           std::shared_ptr<const Catalog> catalog,
                                           const BatchSink& sink, const CsvOptions& options,
                                           std::size_t chunk, unsigned threads) {
  const std::string source = path.string();
  std::optional<CsvReader> header;
  std::optional<ParallelCsv> parallel;
  ReadSummary summary;
  std::size_t line = 0;
  Record r;
  auto read = read_blocks(path, [&](std::string_view text, bool at_end) -> result<std::size_t> {
    if (!header) {
      header.emplace(*catalog, source,
                     options.separator != 0 ? options.separator : detect_separator(text));
    }
    std::size_t pos = 0;
    if (!header->records.has_columns()) {
      const Scan s = scan_record(text, pos, header->sep, at_end, r);
      if (s != Scan::record) return std::size_t{0};
      line += r.lines;
      summary.lines = line;
      if (auto ok = header->records.columns(r.fields, 1); !ok) return ok.error();
      parallel.emplace(*header, catalog, sink, chunk, threads);
    }
    auto used = parallel->consume(text.substr(pos), at_end, line, summary);
    if (!used) return used.error();
    return pos + *used;
  });
  if (!read) return read.error();
  if (!header || !header->records.has_columns()) return no_header(source).error();
  return summary;
}

}  // namespace

result<ReadSummary> read_csv_file(const std::filesystem::path& path,
                                  std::shared_ptr<const Catalog> catalog, const BatchSink& sink,
                                  const CsvOptions& options, std::size_t chunk_reports) {
  const unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  if (threads > 1) return read_csv_file_parallel(path, std::move(catalog), sink, options,
                                                 std::max<std::size_t>(1, chunk_reports), threads);
  Pieces pieces{Batch(std::move(catalog)), sink, std::max<std::size_t>(1, chunk_reports)};
  const std::string source = path.string();
  std::optional<CsvReader> reader;
  ReadSummary summary;
  std::size_t line = 0;
  Record r;
  const std::function<result<void>()> full = [&] { return pieces.flush_if_full(); };
  auto read = read_blocks(path, [&](std::string_view text, bool at_end) -> result<std::size_t> {
    if (!reader)
      reader.emplace(pieces.batch.catalog(), source,
                     options.separator != 0 ? options.separator : detect_separator(text));
    return feed_csv(*reader, text, at_end, line, pieces.batch, summary, r, full);
  });
  if (!read) return read.error();
  if (!reader || !reader->records.has_columns()) return no_header(source).error();
  if (auto ok = pieces.flush(); !ok) return ok.error();
  return summary;
}

result<ReadSummary> read_jsonl_file(const std::filesystem::path& path,
                                    std::shared_ptr<const Catalog> catalog, const BatchSink& sink,
                                    std::size_t chunk_reports, JsonLimits limits) {
  Pieces pieces{Batch(std::move(catalog)), sink, std::max<std::size_t>(1, chunk_reports)};
  const std::string source = path.string();
  ReadSummary summary;
  std::size_t line = 0;
  auto read = read_blocks(path, [&](std::string_view text, bool at_end) -> result<std::size_t> {
    std::size_t pos = 0;
    while (pos < text.size()) {
      const std::size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos && !at_end) break;
      const std::size_t end = eol == std::string_view::npos ? text.size() : eol;
      jsonl_line(text.substr(pos, end - pos), ++line, pieces.batch, summary, source, limits);
      pos = end + 1;
      if (auto ok = pieces.flush_if_full(); !ok) return ok.error();
    }
    return std::min(pos, text.size());
  });
  if (!read) return read.error();
  summary.lines = line;
  if (auto ok = pieces.flush(); !ok) return ok.error();
  return summary;
}

}  // namespace cchc
