// SPDX-License-Identifier: MIT
// The type rules of cchc/value.hpp, as static_asserts: compiling this file is the test.
// tests/compile_fail/ shows the same rules as code that must not compile.
#include <concepts>
#include <type_traits>

#include "cchc/value.hpp"

namespace {
using namespace cchc;

template <class A, class B>
concept addable = requires(A a, B b) { a + b; };
template <class A, class B>
concept comparable = requires(A a, B b) { a < b; };
template <class A, class B>
concept equatable = requires(A a, B b) { a == b; };

// What makes sense compiles...
static_assert(addable<Count, Count>);
static_assert(addable<Money, Money>);
static_assert(addable<Percent, Percent>);
static_assert(comparable<Count, Count>);
static_assert(comparable<Percent, Percent>);
static_assert(std::same_as<decltype(Count{1} + Count{2}), Count>);
static_assert(std::is_constructible_v<Count, std::int64_t>);
static_assert(std::is_constructible_v<Count, int>);

// ...and what does not make sense does not.
static_assert(!addable<Count, Percent>);
static_assert(!addable<Percent, Count>);
static_assert(!addable<Count, Money>);
static_assert(!addable<Count, Code>);
static_assert(!addable<YesNo, YesNo>);
static_assert(!addable<Code, Code>);
static_assert(!addable<Pair, Pair>);
static_assert(!addable<Count, int>);     // a bare number has no unit
static_assert(!comparable<Count, Percent>);
static_assert(!equatable<Count, Percent>);
static_assert(!equatable<Money, Count>);

// No silent conversions from raw numbers.
static_assert(!std::is_convertible_v<int, Count>);      // explicit only
static_assert(!std::is_convertible_v<double, Count>);
static_assert(!std::is_constructible_v<Count, double>);  // deleted: 2.9999 is not a count
static_assert(!std::is_constructible_v<Count, float>);
static_assert(!std::is_constructible_v<Count, bool>);
static_assert(!std::is_constructible_v<Percent, double>);
static_assert(!std::is_constructible_v<Money, double>);
static_assert(!std::is_constructible_v<YesNo, int>);     // only a bool answers yes or no
static_assert(!std::is_convertible_v<Count, std::int64_t>);
static_assert(!std::is_convertible_v<Percent, Count>);
static_assert(!std::is_convertible_v<Count, Percent>);
}  // namespace
