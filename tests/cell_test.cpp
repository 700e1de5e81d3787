// SPDX-License-Identifier: MIT
#include "cchc/cell.hpp"

#include <gtest/gtest.h>

#include <random>

#include <fmt/format.h>

#include "cchc/catalog.hpp"
#include "support/random_report.hpp"

namespace cchc {
namespace {

TEST(Cell, ParsesAsParseValueDoes) {
  struct Case {
    const char* text;
    Kind kind;
  };
  const Case cases[] = {
      {"35", Kind::count},          {"02", Kind::count},         {"1.234", Kind::count},
      {"-3", Kind::count},          {"3,5", Kind::count},        {"abc", Kind::count},
      {"33,3", Kind::percent},      {"100%", Kind::percent},     {"33.3", Kind::percent},
      {"1", Kind::yes_no},          {"2", Kind::yes_no},         {"1.000", Kind::yes_no},
      {"04", Kind::code},           {"0/0", Kind::pair},         {"3 / 5", Kind::pair},
      {"3/", Kind::pair},           {"1/2/3", Kind::pair},       {"85.000.000", Kind::money},
      {"", Kind::count},            {"  ", Kind::percent},       {"7", Kind::heading},
      {"99999999999999999999", Kind::count},
  };
  for (const auto& c : cases) {
    auto cell = parse_cell(c.text, c.kind);
    auto value = parse_value(c.text, c.kind);
    ASSERT_EQ(cell.has_value(), value.has_value()) << c.text;
    if (!cell) {
      EXPECT_EQ(cell.error().message_en, value.error().message_en) << c.text;
      EXPECT_EQ(cell.error().code, value.error().code) << c.text;
      continue;
    }
    EXPECT_EQ(*cell, to_cell(*value)) << c.text;
  }
}

TEST(Cell, KeepsTheTextOnlyWhereItIsNotCanonical) {
  const Cell four = parse_cell("04", Kind::count).value();
  EXPECT_EQ(canonical_text(four, Kind::count), "4");
  EXPECT_FALSE(is_canonical("04", four, Kind::count));
  EXPECT_TRUE(is_canonical("4", four, Kind::count));
  EXPECT_EQ(canonical_text(parse_cell("85000000", Kind::money).value(), Kind::money), "85.000.000");
  EXPECT_EQ(canonical_text(parse_cell("7 / 7", Kind::pair).value(), Kind::pair), "7/7");
  EXPECT_EQ(canonical_text(parse_cell("33,30", Kind::percent).value(), Kind::percent), "33,30");
  EXPECT_EQ(canonical_text(parse_cell("-0,5", Kind::percent).value(), Kind::percent), "-0,5");
  EXPECT_EQ(canonical_text(Cell{}, Kind::count), "");
  EXPECT_EQ(written_text(Value{Count::parse("04").value()}, Kind::count), "04");
  EXPECT_EQ(written_text(Value{Count(4)}, Kind::count), "");
}

TEST(Cell, CanonicalWritingIsTheValueTypesOwn) {
  // The typed values write themselves with format_integer/format_decimal; the cell's writer
  // must agree on every figure, or texts would be kept (or lost) for nothing.
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    const auto n = (static_cast<std::int64_t>(rng()) >> (rng() % 63)) % (Decimal::max_units + 1);
    const int scale = static_cast<int>(rng() % 10);
    EXPECT_EQ(canonical_text(to_cell(Value{Count(n)}), Kind::count), format_integer(n));
    EXPECT_EQ(canonical_text(to_cell(Value{Money(n)}), Kind::money), format_integer(n));
    EXPECT_EQ(canonical_text(to_cell(Value{Percent(Decimal{n, scale})}), Kind::percent),
              format_decimal(Decimal{n, scale}));
  }
  EXPECT_EQ(canonical_text(to_cell(Value{Count(-Decimal::max_units)}), Kind::count),
            format_integer(-Decimal::max_units));
}

TEST(Cell, ToValueAndBackIsTheIdentity) {
  // Every value of random reports, through its cell and its kept text, is the same as written.
  testing::RandomReports gen(11);
  const auto catalog = builtin_catalog();
  for (int i = 0; i < 50; ++i) {
    const Report r = gen.next(catalog);
    for (const Row& row : catalog->rows()) {
      const Value& v = r.value(row.id);
      const Value back = to_value(to_cell(v), row, written_text(v, row.kind));
      EXPECT_TRUE(same_as_written(v, back)) << row.address() << " " << text_of(v);
    }
  }
}

// read_cell() reads usual writings digit by digit; it must agree with parse_cell() and
// is_canonical() on every text, the odd ones (signs, zeros, dots in the wrong place) included.
TEST(Cell, ReadCellIsParseCellAndIsCanonicalInOnePass) {
  const auto same = [](std::string_view text, Kind kind) {
    SCOPED_TRACE(fmt::format("\"{}\" as {}", text, to_string(kind)));
    const auto slow = parse_cell(text, kind);
    const auto fast = read_cell(text, kind);
    ASSERT_EQ(slow.has_value(), fast.has_value());
    if (!slow) {
      EXPECT_EQ(slow.error().message_en, fast.error().message_en);
      return;
    }
    EXPECT_EQ(*slow, fast->cell);
    EXPECT_EQ(slow->reported() && is_canonical(text, *slow, kind), fast->canonical);
  };
  const Kind kinds[] = {Kind::count, Kind::percent, Kind::yes_no, Kind::code, Kind::pair,
                        Kind::money, Kind::heading};
  for (const char* text :
       {"0", "-0", "00", "5", "-5", "05", "999", "1000", "1.000", "01.000", "0.123", "1.00",
        "1..000", ".100", "100.", "12.345.678", "1234.567", "-1.234", "0,0", "-0,0", "-0,5",
        "0,50", ",5", "5,", "1.234,5", "33,3", "-33,30", "1/2", "-1/0", "0/00", "1.000/2",
        "/3", "3/", "1/2/3", "1 /2", "100%", "+5", "123456789012345678", "1234567890123456789",
        "0000000000000000000001", "1,1234567890", "12345678901234567,8", "--1", "-", ""})
    for (const Kind kind : kinds) same(text, kind);
  std::mt19937 rng(13);
  const std::string_view alphabet = "0123456789000...,,-/% x";
  std::uniform_int_distribution<std::size_t> length(0, 14), pick(0, alphabet.size() - 1);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (std::size_t n = length(rng); n > 0; --n) text += alphabet[pick(rng)];
    for (const Kind kind : kinds) same(text, kind);
  }
}

TEST(Cell, StatesHaveNames) {
  EXPECT_EQ(to_string(CellState::reported), "reported");
  EXPECT_EQ(to_string(CellState::invalid), "invalid");
}

}  // namespace
}  // namespace cchc
