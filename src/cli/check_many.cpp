// SPDX-License-Identifier: MIT
#include "check_many.hpp"
#include "inputs.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>

#include <boost/json.hpp>
#include <fmt/format.h>

namespace cchc::cli {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::string count(std::size_t n) { return format_integer(static_cast<std::int64_t>(n)); }

json::object error_json(const error& e) {
  return {{"where", e.where}, {"message_vi", e.message_vi}, {"message_en", e.message_en}};
}

class Run {
 public:
  Run(const CheckManyOptions& o, const RuleSet& rules)
      : o_(o), rules_(rules), progress_(isatty(fileno(stderr)) != 0) {
    for (const RuleInfo& r : rules.rules()) total_.rules.push_back({r.id, r.severity});
  }

  int go() {
    const bool json_out = o_.format == OutputFormat::json;
    if (json_out && o_.findings) std::cout << "{\"format\": \"cchc.batch/1\", \"findings\": [";
    Batch documents(rules_.catalog_ptr());
    std::vector<std::string> names;
    auto flush_documents = [&] {
      if (documents.empty()) return;
      check_piece(documents, [&](std::size_t i) { return names[i]; });
      documents.clear();
      names.clear();
    };
    for (const fs::path& path : expand(o_.inputs)) {
      const std::string name = path.string();
      const auto sink = [&](const Batch& piece, std::size_t) -> result<void> {
        check_piece(piece, [&](std::size_t i) {
          return fmt::format("{}:{}", name, piece.source_line(i));
        });
        return {};
      };
      result<ReadSummary> read = ReadSummary{};
      switch (source_of(path)) {
        case Source::csv: {
          CsvOptions csv;
          csv.threads = o_.threads;
          read = read_csv_file(path, rules_.catalog_ptr(), sink, csv);
          break;
        }
        case Source::jsonl: read = read_jsonl_file(path, rules_.catalog_ptr(), sink); break;
        case Source::document: {
          auto doc = read_document(path, rules_.catalog_ptr(), {}, o_.ocr);
          if (!doc) {
            unreadable(doc.error());
            continue;
          }
          if (auto added = documents.add(doc->report); !added) {
            unreadable(std::move(added.error()).within(name));
            continue;
          }
          names.push_back(name);
          if (documents.size() >= 65536) flush_documents();
          continue;
        }
      }
      if (!read) {
        unreadable(read.error());
        continue;
      }
      for (const error& e : read->skipped) unreadable(e);
    }
    flush_documents();
    if (progress_) std::cerr << '\n';
    print_summary();
    if (!unreadable_.empty()) return 2;
    return errors_ > 0 ? 1 : 0;
  }

 private:
  template <class Name>
  void check_piece(const Batch& piece, const Name& name) {
    const std::size_t offset = reports_;
    BatchCheckOptions options;
    options.threads = o_.threads;
    if (o_.findings)
      options.on_findings = [&](std::size_t i, std::span<const Finding> f) {
        const std::lock_guard lock(out_);
        write_findings(offset + i, name(i), f);
      };
    if (progress_)
      options.on_progress = [&](std::size_t done) {
        std::cerr << fmt::format("\rĐã kiểm tra (checked) {} báo cáo (reports)", count(offset + done))
                  << std::flush;
      };
    const BatchResult r = check_batch(piece, rules_, options).value();
    for (const ReportStatus& s : r.reports) errors_ += s.errors > 0;
    failed_ += r.failed_reports();
    reports_ += piece.size();
    BatchResult counts = r;
    counts.reports.clear();  // statuses are counted above; the total keeps only the rules
    accumulate(total_, counts);
  }

  void write_findings(std::size_t index, const std::string& name, std::span<const Finding> f) {
    if (o_.format == OutputFormat::json) {
      std::cout << (streamed_++ ? ",\n" : "\n")
                << fmt::format("{{\"report\": {}, \"source\": {}, \"result\": {}}}", index,
                               json::serialize(json::string(name)), findings_to_json(f));
      return;
    }
    std::cout << fmt::format("── {} ──\n", name) << findings_to_text(f, o_.lang) << '\n';
  }

  void unreadable(const error& e) {
    std::cerr << "cchc: " << e.describe() << '\n';
    unreadable_.push_back(e);
  }

  void print_summary() {
    if (o_.document) {
      const SummaryTotals totals{reports_, failed_, errors_, unreadable_.size()};
      const std::string bytes = render(summary_table_model(total_.rules, totals, &rules_, o_.lang), *o_.document).value();
      if (o_.output.empty()) std::cout << bytes;
      else write_file(o_.output, bytes).value();
      return;
    }
    if (o_.format == OutputFormat::json) {
      json::object o =
          json::parse(batch_summary_to_json(total_.rules, reports_, failed_, errors_)).as_object();
      if (o_.findings) o.erase("format");  // it belongs to the open object
      if (!o_.summary) o.erase("summary");
      json::array bad;
      for (const error& e : unreadable_) bad.push_back(error_json(e));
      o["unreadable"] = std::move(bad);
      std::string body = json::serialize(o);
      if (o_.findings) std::cout << "],\n" << body.substr(1) << '\n';  // into the open object
      else std::cout << body << '\n';
      return;
    }
    const bool vi = o_.lang == Language::vi;
    if (o_.summary) {
      std::cout << fmt::format("{:<42} {:>12} {:>12} {:>12} {:>12}\n", vi ? "Luật" : "Rule",
                               vi ? "Đã xét" : "Evaluated", vi ? "Đạt" : "Passed",
                               vi ? "Không đạt" : "Failed", vi ? "Bỏ qua" : "Skipped");
      for (const RuleSummary& s : total_.rules)
        std::cout << fmt::format("{:<42} {:>12} {:>12} {:>12} {:>12}\n", s.rule_id,
                                 count(s.evaluated), count(s.passed), count(s.failed),
                                 count(s.skipped));
    }
    std::cout << (vi ? fmt::format("Tổng cộng: {} báo cáo, {} có lỗi, {} có phát hiện; {} không "
                                   "đọc được\n",
                                   count(reports_), count(errors_), count(failed_),
                                   count(unreadable_.size()))
                     : fmt::format("Total: {} reports, {} with errors, {} with findings; {} "
                                   "unreadable\n",
                                   count(reports_), count(errors_), count(failed_),
                                   count(unreadable_.size())));
  }

  const CheckManyOptions& o_;
  const RuleSet& rules_;
  bool progress_;
  std::mutex out_;
  std::size_t streamed_ = 0;
  std::size_t reports_ = 0, failed_ = 0, errors_ = 0;
  BatchResult total_;
  std::vector<error> unreadable_;
};

}  // namespace

bool needs_batch(const std::vector<std::string>& inputs) {
  if (inputs.size() > 1) return true;
  if (inputs.empty()) return false;
  std::error_code ec;
  return fs::is_directory(inputs[0], ec) || source_of(inputs[0]) != Source::document;
}

int check_many(const CheckManyOptions& o, const RuleSet& rules) { return Run(o, rules).go(); }

}  // namespace cchc::cli
