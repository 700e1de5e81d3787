// SPDX-License-Identifier: MIT
// Arrow C Data Interface arrays into a Batch. A struct array is a table: each child is a column
// named by a row address or a metadata field, each element a report. Every element becomes the
// text a CSV cell would hold (numbers in plain digits, decimals with a comma), and the record
// reader that CSV uses takes it from there, so both give the same cells and the same findings.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

#include <boost/multiprecision/cpp_int.hpp>
#include <fmt/format.h>

#include "cchc/arrow.h"
#include "cchc/batch_input.hpp"
#include "cchc/unicode.hpp"
#include "in/batch/records.hpp"

namespace cchc {
namespace {

enum class Type {
  null, boolean, i8, u8, i16, u16, i32, u32, i64, u64, f32, f64, decimal, utf8, large_utf8, pair
};

error arrow_error(std::string vi, std::string en, std::string where) {
  return make_error(errc::invalid_argument, std::move(vi), std::move(en), std::move(where));
}

// The type of an integer format ("c" .. "L"), if it is one.
std::optional<Type> integer_type(std::string_view f) {
  static constexpr std::array<std::pair<std::string_view, Type>, 8> ints{{{"c", Type::i8},
                                                                          {"C", Type::u8},
                                                                          {"s", Type::i16},
                                                                          {"S", Type::u16},
                                                                          {"i", Type::i32},
                                                                          {"I", Type::u32},
                                                                          {"l", Type::i64},
                                                                          {"L", Type::u64}}};
  for (const auto& [name, type] : ints)
    if (f == name) return type;
  return std::nullopt;
}

template <class T>
T load(const void* buffer, std::int64_t i) {
  T v;
  std::memcpy(&v, static_cast<const unsigned char*>(buffer) + static_cast<std::size_t>(i) * sizeof(T),
              sizeof(T));
  return v;
}

bool bit(const void* bitmap, std::int64_t i) {
  const auto byte = static_cast<const std::uint8_t*>(bitmap)[static_cast<std::size_t>(i >> 3)];
  return ((byte >> (i & 7)) & 1) != 0;
}

// One column: its type, buffers and the offset of its first element.
class Column {
 public:
  // `base` is the parent struct's offset, which applies to its children.
  static result<Column> make(const ArrowSchema& schema, const ArrowArray& array, std::int64_t base,
                             std::int64_t length, const std::string& where) {
    Column c;
    c.array_ = &array;
    c.offset_ = base + array.offset;
    if (schema.format == nullptr)
      return arrow_error("cột không có định dạng", "a column without a format", where);
    const std::string_view f = schema.format;
    if (array.offset < 0 || array.length < 0 || base + length > array.length)
      return arrow_error("cột ngắn hơn bảng", "a column is shorter than its table", where);
    if (schema.dictionary != nullptr) {
      // Dictionary-encoded (pandas categoricals): integer indices into a dictionary array.
      const auto index = integer_type(f);
      if (!index || array.dictionary == nullptr)
        return arrow_error("chỉ số từ điển phải là số nguyên",
                           "dictionary indices must be integers", where);
      const ArrowArray& dict = *array.dictionary;
      auto values = make(*schema.dictionary, dict, 0, dict.length, where);
      if (!values) return values.error();
      c.dictionary_ = std::make_shared<Column>(std::move(*values));
      c.type_ = *index;
      return c.buffers(2, where);
    }
    if (f == "n") {
      c.type_ = Type::null;
      return c;
    }
    if (f == "b") {
      c.type_ = Type::boolean;
      return c.buffers(2, where);
    }
    if (auto t = integer_type(f)) {
      c.type_ = *t;
      return c.buffers(2, where);
    }
    if (f == "f" || f == "g") {
      c.type_ = f == "f" ? Type::f32 : Type::f64;
      return c.buffers(2, where);
    }
    if (f == "u" || f == "U") {
      c.type_ = f == "u" ? Type::utf8 : Type::large_utf8;
      return c.buffers(3, where);
    }
    if (f.starts_with("d:")) {
      // "d:precision,scale[,bit width]"; bit widths 32, 64 and 128 (the default).
      int precision = 0, scale = 0, width = 128;
      const std::string spec(f.substr(2));
      const int n = std::sscanf(spec.c_str(), "%d,%d,%d", &precision, &scale, &width);
      if (n < 2 || scale < 0 || scale > 38 || (width != 32 && width != 64 && width != 128))
        return arrow_error(fmt::format("kiểu thập phân {} không được hỗ trợ", f),
                           fmt::format("decimal type {} is not supported (32, 64 or 128 bits, "
                                       "scale 0..38)",
                                       f),
                           where);
      c.type_ = Type::decimal;
      c.scale_ = scale;
      c.width_ = width;
      return c.buffers(2, where);
    }
    if (f == "+w:2") {
      // A pair as a fixed-size list of two integers.
      if (schema.n_children != 1 || array.n_children != 1 || schema.children == nullptr ||
          array.children == nullptr || schema.children[0] == nullptr ||
          array.children[0] == nullptr)
        return arrow_error("danh sách cặp thiếu cột con", "a pair list without its child",
                           where);
      const ArrowSchema& child_schema = *schema.children[0];
      const ArrowArray& child = *array.children[0];
      if (child_schema.format == nullptr || !integer_type(child_schema.format) ||
          child_schema.dictionary != nullptr)
        return arrow_error("cặp số phải gồm hai số nguyên",
                           "a pair list must hold integers", where);
      auto items = make(child_schema, child, 0, child.length, where);
      if (!items) return items.error();
      if ((c.offset_ + length) * 2 > child.length)
        return arrow_error("danh sách cặp ngắn hơn bảng", "a pair list is shorter than its table",
                           where);
      c.dictionary_ = std::make_shared<Column>(std::move(*items));
      c.type_ = Type::pair;
      return c.buffers(1, where);
    }
    return arrow_error(fmt::format("kiểu Arrow \"{}\" không được hỗ trợ", f),
                       fmt::format("Arrow type \"{}\" is not supported (integers, booleans, "
                                   "floats, decimals, UTF-8 strings, dictionaries of them, "
                                   "\"+w:2\" pairs)",
                                   f),
                       where);
  }

  /// Whether the column's texts are made here from numbers (never kept as written).
  [[nodiscard]] bool from_numbers() const noexcept {
    if (dictionary_ && type_ != Type::pair) return dictionary_->from_numbers();
    return type_ != Type::utf8 && type_ != Type::large_utf8;
  }

  /// Element i (0-based in the table) as text into `out`; "" for a null. An error (without a
  /// place: the caller knows it) for a string that is not UTF-8 or whose offsets are out of order.
  result<void> text(std::int64_t i, std::string& out) const {
    out.clear();
    const std::int64_t j = offset_ + i;
    if (type_ == Type::null) return {};
    if (array_->null_count != 0 && array_->buffers[0] != nullptr && !bit(array_->buffers[0], j))
      return {};
    if (dictionary_ && type_ != Type::pair) {
      const auto index = integer(j);
      if (!index || *index < 0 || *index >= dictionary_->array_->length)
        return arrow_error("chỉ số từ điển ngoài phạm vi", "a dictionary index out of range", {});
      return dictionary_->text(*index, out);
    }
    if (type_ == Type::pair) {  // a fixed-size list has one buffer: no buffers[1] to read
      std::string second;
      if (auto ok = dictionary_->text(2 * j, out); !ok) return ok;
      if (auto ok = dictionary_->text(2 * j + 1, second); !ok) return ok;
      if (out.empty() || second.empty()) out.clear();  // half a pair is no pair
      else out += "/" + second;
      return {};
    }
    const void* data = array_->buffers[1];
    switch (type_) {
      case Type::boolean:
        // Not operator=(const char*), on which GCC 12 at -O3 warns falsely (-Wrestrict).
        out.assign(1, bit(data, j) ? '1' : '0');
        return {};
      case Type::f32:
        return floating(load<float>(data, j), out);
      case Type::f64:
        return floating(load<double>(data, j), out);
      case Type::decimal:
        decimal(j, out);
        return {};
      case Type::utf8:
        return string<std::int32_t>(j, out);
      case Type::large_utf8:
        return string<std::int64_t>(j, out);
      default:
        break;
    }
    if (type_ == Type::u64) {
      out = fmt::format_int(load<std::uint64_t>(data, j)).str();
      return {};
    }
    out = fmt::format_int(*integer(j)).str();
    return {};
  }

 private:
  result<Column> buffers(std::int64_t n, const std::string& where) {
    if (array_->n_buffers != n || array_->buffers == nullptr)
      return arrow_error(fmt::format("cột cần {} vùng đệm, có {}", n, array_->n_buffers),
                         fmt::format("the column needs {} buffers, it has {}", n,
                                     array_->n_buffers),
                         where);
    for (std::int64_t b = 1; b < n; ++b)
      if (array_->buffers[b] == nullptr && array_->length > 0)
        return arrow_error("vùng đệm dữ liệu rỗng (NULL)", "a data buffer is NULL", where);
    if (array_->null_count != 0 && array_->buffers[0] == nullptr && array_->null_count > 0)
      return arrow_error("có giá trị rỗng nhưng không có bitmap", "nulls without a validity bitmap",
                         where);
    return std::move(*this);
  }

  [[nodiscard]] std::optional<std::int64_t> integer(std::int64_t j) const {
    const void* data = array_->buffers[1];
    switch (type_) {
      case Type::i8: return load<std::int8_t>(data, j);
      case Type::u8: return load<std::uint8_t>(data, j);
      case Type::i16: return load<std::int16_t>(data, j);
      case Type::u16: return load<std::uint16_t>(data, j);
      case Type::i32: return load<std::int32_t>(data, j);
      case Type::u32: return load<std::uint32_t>(data, j);
      case Type::i64: return load<std::int64_t>(data, j);
      case Type::u64: {
        const auto v = load<std::uint64_t>(data, j);
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
          return std::nullopt;
        return static_cast<std::int64_t>(v);
      }
      default: return std::nullopt;
    }
  }

  // The shortest text that reads back as the same float, with a decimal comma: 33.3 → "33,3".
  // A float is taken at its shortest writing: what the producer meant, not its binary expansion.
  template <class F>
  static result<void> floating(F v, std::string& out) {
    if (std::isnan(v)) return {};  // NaN: pandas' blank
    if (std::isinf(v)) {
      out = v < 0 ? "-∞" : "∞";  // not a figure: the cell is kept invalid with this text
      return {};
    }
    std::array<char, 400> buf{};
    const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v,
                                         std::chars_format::fixed);
    if (ec != std::errc()) return arrow_error("số thực quá dài", "a float too long to write", {});
    out.assign(buf.data(), end);
    for (char& ch : out)
      if (ch == '.') ch = ',';
    return {};
  }

  void decimal(std::int64_t j, std::string& out) const {
    using boost::multiprecision::int128_t;
    const void* data = array_->buffers[1];
    int128_t v = 0;
    if (width_ == 32) v = load<std::int32_t>(data, j);
    else if (width_ == 64) v = load<std::int64_t>(data, j);
    else {
      // Two's complement, little-endian: the low word, then the high word.
      const auto lo = load<std::uint64_t>(data, 2 * j);
      const auto hi = load<std::int64_t>(data, 2 * j + 1);
      v = int128_t(hi);
      v <<= 64;
      v += int128_t(lo);
    }
    const bool negative = v < 0;
    // Digit by digit rather than number::str(), on which GCC 12 at -O3 warns falsely
    // (-Wrestrict): at most 39 digits.
    int128_t mag = negative ? int128_t(-v) : v;
    std::string digits;
    do {
      digits.push_back(static_cast<char>('0' + static_cast<int>(mag % 10)));
      mag /= 10;
    } while (mag != 0);
    std::reverse(digits.begin(), digits.end());
    const auto scale = static_cast<std::size_t>(scale_);
    if (scale > 0) {
      if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
      digits.insert(digits.size() - scale, 1, ',');
    }
    out = negative ? "-" + digits : digits;
  }

  template <class Offset>
  result<void> string(std::int64_t j, std::string& out) const {
    const Offset from = load<Offset>(array_->buffers[1], j);
    const Offset to = load<Offset>(array_->buffers[1], j + 1);
    if (from < 0 || to < from)
      return arrow_error("độ dời chuỗi sai thứ tự", "string offsets out of order", {});
    const std::string_view s(static_cast<const char*>(array_->buffers[2]) + from,
                             static_cast<std::size_t>(to - from));
    if (!is_valid_utf8(s))
      return make_error(errc::invalid_utf8, "chuỗi không phải UTF-8", "a string is not UTF-8");
    out.assign(s);
    return {};
  }

  const ArrowArray* array_ = nullptr;
  std::int64_t offset_ = 0;
  Type type_ = Type::null;
  int scale_ = 0;
  int width_ = 128;
  std::shared_ptr<Column> dictionary_;  // a dictionary's values, or a pair list's items
};

}  // namespace

result<ReadSummary> read_arrow(const ArrowSchema& schema, const ArrowArray& array, Batch& batch,
                               std::string_view source) {
  const std::string name = source.empty() ? std::string("arrow") : std::string(source);
  if (schema.release == nullptr || array.release == nullptr)
    return arrow_error("mảng Arrow đã được giải phóng", "the Arrow array was released", name);
  if (schema.format == nullptr || std::string_view(schema.format) != "+s")
    return arrow_error("cần một mảng struct (\"+s\"): một bảng, mỗi cột một dòng",
                       fmt::format("a struct array (\"+s\") is needed: a table with a column per "
                                   "row; got \"{}\"",
                                   schema.format ? schema.format : ""),
                       name);
  if (schema.n_children != array.n_children || schema.n_children < 0 ||
      (schema.n_children > 0 && (schema.children == nullptr || array.children == nullptr)))
    return arrow_error("lược đồ và mảng có số cột khác nhau",
                       "the schema and the array have different numbers of columns", name);
  if (array.length < 0 || array.offset < 0)
    return arrow_error("độ dài âm", "a negative length or offset", name);
  const auto ncols = static_cast<std::size_t>(schema.n_children);
  std::vector<std::string_view> names(ncols);
  std::vector<Column> columns;
  std::vector<bool> numeric(ncols);
  for (std::size_t c = 0; c < ncols; ++c) {
    const ArrowSchema* s = schema.children[c];
    const ArrowArray* a = array.children[c];
    if (s == nullptr || a == nullptr || s->name == nullptr)
      return arrow_error(fmt::format("cột {} thiếu tên hoặc dữ liệu", c + 1),
                         fmt::format("column {} has no name or no data", c + 1), name);
    names[c] = s->name;
    const std::string at = fmt::format("{}, column {} ({})", name, c + 1, s->name);
    auto col = Column::make(*s, *a, array.offset, array.length, at);
    if (!col) return col.error();
    numeric[c] = col->from_numbers();
    columns.push_back(std::move(*col));
  }
  detail::RecordReader records(batch.catalog(), name);
  if (auto ok = records.columns(names, 0); !ok) return ok.error();
  std::vector<std::string> texts(ncols);
  std::vector<std::string_view> fields(ncols);
  std::unique_ptr<bool[]> keep(new bool[ncols]);
  for (std::size_t c = 0; c < ncols; ++c) keep[c] = !numeric[c];
  ReadSummary summary;
  const bool struct_nulls = array.null_count != 0 && array.n_buffers >= 1 && array.buffers &&
                            array.buffers[0] != nullptr;
  for (std::int64_t i = 0; i < array.length; ++i) {
    const auto record = static_cast<std::size_t>(i) + 1;
    summary.lines = record;
    if (struct_nulls && !bit(array.buffers[0], array.offset + i)) {
      summary.skipped.push_back(make_error(errc::parse_error, "bản ghi rỗng (null); bỏ qua",
                                           "a null record; skipped",
                                           detail::where(name, record)));
      continue;
    }
    for (std::size_t c = 0; c < ncols; ++c) {
      if (auto ok = columns[c].text(i, texts[c]); !ok)
        return std::move(ok.error())
            .within(fmt::format("{}, cột (column) {} ({})", detail::where(name, record), c + 1,
                                names[c]));
      fields[c] = texts[c];
    }
    records.record(fields, record, batch, summary, std::span<const bool>(keep.get(), ncols));
  }
  return summary;
}

}  // namespace cchc
