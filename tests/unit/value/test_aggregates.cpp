// tests/unit/value/test_aggregates.cpp — count, sum, avg, min, max, collect, percentiles,
// stDev/stDevP and DISTINCT, following the TCK's Aggregation features.
// Stage: tests of engine/function/aggregate.cpp.
#include "value_test_support.hpp"

#include <cmath>

using namespace kgq;
using kgq::test::aggregate;
using kgq::test::error_of;
using kgq::test::text;

namespace {
const Value N = nullptr;
}

TEST_CASE("is_aggregate") {
    CHECK(function::is_aggregate("COUNT"));
    CHECK(function::is_aggregate("percentileDisc"));
    CHECK_FALSE(function::is_aggregate("size"));
}

TEST_CASE("count ignores nulls; DISTINCT by equivalence") {
    CHECK(aggregate("count", {1, N, 2, 2}) == Value(3));
    CHECK(aggregate("count", {}) == Value(0));
    CHECK(aggregate("count", {1, 1.0, N, 2}, true) == Value(2));
}

TEST_CASE("sum") {
    CHECK(aggregate("sum", {1, 2, N}) == Value(3));
    CHECK(aggregate("sum", {}) == Value(0));
    CHECK(aggregate("sum", {1, 2.5}) == Value(3.5));
    CHECK(aggregate("sum", {std::int64_t(3000000000), std::int64_t(4498500)}) == Value(std::int64_t(3004498500)));
    CHECK(aggregate("sum", {1, 1, 2}, true) == Value(3));
    CHECK(text(aggregate("sum", {Duration{1, 0, 0, 0}, Duration{0, 2, 0, 0}})) == "'P1M2D'");
    CHECK(error_of([] { aggregate("sum", {1, "a"}); }) == "TypeError/InvalidArgumentType");
    CHECK(error_of([] {
              aggregate("sum", {std::numeric_limits<std::int64_t>::max(), 1});
          }) == "ArithmeticError/IntegerOverflow");
}

TEST_CASE("avg") {
    CHECK(aggregate("avg", {1, 2, N}) == Value(1.5));
    CHECK(aggregate("avg", {}).is_null());
    CHECK(aggregate("avg", {N}).is_null());
    CHECK(text(aggregate("avg", {Duration{0, 0, 10, 0}, Duration{0, 0, 20, 0}})) == "'PT15S'");
}

TEST_CASE("min and max by orderability, ignoring nulls (Aggregation2)") {
    CHECK(aggregate("max", {1, 2, N}) == Value(2));
    CHECK(aggregate("min", {1, -1, N}) == Value(-1));
    CHECK(aggregate("max", {1, 2.0, 0.5}) == Value(2.0));
    CHECK(aggregate("min", {0.5, 1, 2}) == Value(0.5));
    CHECK(aggregate("max", {"a", "b", "B"}) == Value("b"));
    CHECK(aggregate("min", {"a", "b", "B"}) == Value("B"));
    CHECK(text(aggregate("max", {List{1}, List{2, 1}, List{1, 2}})) == "[2, 1]");
    CHECK(text(aggregate("min", {List{1}, List{2, 1}, List{1, 2}})) == "[1]");
    CHECK(aggregate("max", {1, "a", List{1, 2}}) == Value(1));  // numbers rank highest
    CHECK(text(aggregate("min", {1, "a", List{1, 2}})) == "[1, 2]");  // lists rank low
    CHECK(aggregate("max", {N, N}).is_null());
}

TEST_CASE("collect") {
    CHECK(text(aggregate("collect", {1, N, 2, 1})) == "[1, 2, 1]");
    CHECK(text(aggregate("collect", {})) == "[]");
    CHECK(text(aggregate("collect", {42, 43, 43, 44, N}, true)) == "[42, 43, 44]");
}

TEST_CASE("percentiles (Aggregation6)") {
    std::vector<Value> prices = {10.0, 20.0, 30.0};
    CHECK(aggregate("percentileDisc", prices, false, {0.0}) == Value(10.0));
    CHECK(aggregate("percentileDisc", prices, false, {0.5}) == Value(20.0));
    CHECK(aggregate("percentileDisc", prices, false, {1.0}) == Value(30.0));
    CHECK(aggregate("percentileCont", prices, false, {0.0}) == Value(10.0));
    CHECK(aggregate("percentileCont", prices, false, {0.5}) == Value(20.0));
    CHECK(aggregate("percentileCont", prices, false, {0.25}) == Value(15.0));
    CHECK(aggregate("percentileCont", prices, false, {1.0}) == Value(30.0));
    CHECK(aggregate("percentileCont", {}, false, {0.5}).is_null());
    for (Value bad : {Value(1000), Value(-1), Value(1.1)}) {
        CHECK(error_of([&] { aggregate("percentileCont", prices, false, {bad}); }) == "ArgumentError/NumberOutOfRange");
        CHECK(error_of([&] { aggregate("percentileDisc", prices, false, {bad}); }) == "ArgumentError/NumberOutOfRange");
    }
}

TEST_CASE("stDev and stDevP") {
    std::vector<Value> v = {2, 4, 4, 4, 5, 5, 7, 9};
    CHECK(aggregate("stDevP", v).as_float() == doctest::Approx(2.0));
    CHECK(aggregate("stDev", v).as_float() == doctest::Approx(2.138089935));
    CHECK(aggregate("stDev", {1}) == Value(0.0));
    CHECK(aggregate("stDev", {}) == Value(0.0));
}

TEST_CASE("unknown aggregate") {
    CHECK(error_of([] { function::make_aggregator("median", false, {}); }) == "SyntaxError/UnknownFunction");
}
