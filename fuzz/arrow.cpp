// SPDX-License-Identifier: MIT
// Arrow arrays into a batch: any table a producer may hand over (every column type the reader
// takes, nulls, dictionaries with indices out of range, pairs, decimals of any bits, floats of
// any bits, sliced tables, null records, names that are rows, headings, metadata or nothing)
// gives reports, input findings, skipped records or an error, never a crash. The buffers are
// always as long as the arrays say: the interface cannot be checked past that, so the fuzzer
// does not break it.
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <cchc/batch.hpp>
#include <cchc/batch_input.hpp>

#include "fuzz_input.hpp"
#include "support/arrow.hpp"

namespace {

template <class T>
std::vector<std::optional<T>> column(cchc::fuzz::Input& in, std::size_t n) {
  std::vector<std::optional<T>> v(n);
  for (auto& x : v) {
    if (in.flag()) continue;  // null
    const std::int64_t bits = in.int64();
    T t;
    std::memcpy(&t, &bits, sizeof(T));  // every bit pattern: NaN, infinities, subnormals
    x = t;
  }
  return v;
}

std::string name(cchc::fuzz::Input& in) {
  const auto& rows = cchc::builtin_catalog()->rows();
  switch (in.pick(4)) {
    case 0: return std::string(in.text(12));
    case 1: return std::string(rows[in.pick(rows.size())].address());
    case 2: {
      const char* fields[] = {"agency.name", "agency.code", "period", "document.date",
                              "agency.level", "period.year"};
      return fields[in.pick(std::size(fields))];
    }
    default: return std::string(rows[in.pick(rows.size())].address());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cchc::fuzz::Input in(data, size);
  cchc::testing::ArrowTable table;
  const std::size_t n = in.pick(24);
  const std::size_t columns = 1 + in.pick(6);
  for (std::size_t c = 0; c < columns; ++c) {
    std::string col = name(in);
    switch (in.pick(11)) {
      case 0: table.add_int64(col, column<std::int64_t>(in, n)); break;
      case 1: table.add_double(col, column<double>(in, n)); break;
      case 2: table.add_numbers<float>(col, "f", column<float>(in, n)); break;
      case 3: table.add_numbers<std::int8_t>(col, "c", column<std::int8_t>(in, n)); break;
      case 4: table.add_numbers<std::uint64_t>(col, "L", column<std::uint64_t>(in, n)); break;
      case 5: {
        std::vector<std::optional<bool>> v(n);
        for (auto& x : v)
          if (!in.flag()) x = in.flag();
        table.add_bool(col, v);
        break;
      }
      case 6: {
        const int precision = 1 + static_cast<int>(in.pick(38));
        const int scale = static_cast<int>(in.pick(12));
        table.add_decimal(col, precision, scale, column<std::int64_t>(in, n));
        break;
      }
      case 7:
      case 8: {
        std::vector<std::optional<std::string>> v(n);
        for (auto& x : v)
          if (!in.flag()) x = std::string(in.text(16));
        table.add_strings(col, v);
        break;
      }
      case 9: {
        std::vector<std::optional<std::string>> dictionary(in.pick(5));
        for (auto& x : dictionary)
          if (!in.flag()) x = std::string(in.text(8));
        std::vector<std::optional<std::int32_t>> indices(n);
        for (auto& x : indices)
          if (!in.flag()) x = static_cast<std::int32_t>(in.int64());  // out of range too
        table.add_dictionary(col, indices, dictionary);
        break;
      }
      default: {
        std::vector<std::optional<std::pair<std::int64_t, std::int64_t>>> v(n);
        for (auto& x : v)
          if (!in.flag()) x = std::make_pair(in.int64(), in.int64());
        table.add_pairs(col, v);
        break;
      }
    }
  }
  if (n > 0 && in.flag()) table.null_record(in.pick(n));
  const auto offset = static_cast<std::int64_t>(in.pick(n + 1));
  cchc::Batch batch(cchc::builtin_catalog());
  auto read = cchc::read_arrow(table.schema(), table.array(offset), batch, "fuzz");
  if (!read) return 0;
  if (read->reports != batch.size()) cchc::fuzz::broken("the summary miscounts the reports");
  static const auto rules = cchc::RuleSet::builtin(cchc::builtin_catalog());
  const auto result = cchc::check_batch(batch, rules);
  if (!result) cchc::fuzz::broken("a batch read from Arrow cannot be checked");
  for (std::size_t i = 0; i < batch.size(); ++i) (void)batch.report(i);
  return 0;
}
