// tests/unit/value/test_logic.cpp — three-valued logic truth tables (TCK Boolean1-5).
// Stage: tests of engine/value/logic.cpp.
#include "value/value_ops.hpp"
#include "value_test_support.hpp"

using namespace kgq;
using namespace kgq::value;
using kgq::test::error_of;

namespace {
const Value T = true, F = false, N = nullptr;
}

TEST_CASE("NOT") {
    CHECK(logical_not(T) == F);
    CHECK(logical_not(F) == T);
    CHECK(logical_not(N).is_null());
}

TEST_CASE("AND truth table") {
    CHECK(logical_and(T, T) == T);
    CHECK(logical_and(T, F) == F);
    CHECK(logical_and(F, T) == F);
    CHECK(logical_and(F, F) == F);
    CHECK(logical_and(N, F) == F);
    CHECK(logical_and(F, N) == F);
    CHECK(logical_and(N, T).is_null());
    CHECK(logical_and(T, N).is_null());
    CHECK(logical_and(N, N).is_null());
}

TEST_CASE("OR truth table") {
    CHECK(logical_or(T, T) == T);
    CHECK(logical_or(T, F) == T);
    CHECK(logical_or(F, F) == F);
    CHECK(logical_or(N, T) == T);
    CHECK(logical_or(T, N) == T);
    CHECK(logical_or(N, F).is_null());
    CHECK(logical_or(N, N).is_null());
}

TEST_CASE("XOR truth table") {
    CHECK(logical_xor(T, T) == F);
    CHECK(logical_xor(T, F) == T);
    CHECK(logical_xor(F, T) == T);
    CHECK(logical_xor(F, F) == F);
    CHECK(logical_xor(N, T).is_null());
    CHECK(logical_xor(F, N).is_null());
}

TEST_CASE("non-boolean operands are a TypeError") {
    CHECK(error_of([] { logical_and(Value(1), T); }) == "TypeError/InvalidArgumentType");
    CHECK(error_of([] { logical_or(F, Value("x")); }) == "TypeError/InvalidArgumentType");
    CHECK(error_of([] { logical_not(Value(List{})); }) == "TypeError/InvalidArgumentType");
    CHECK(error_of([] { logical_xor(Value(1.5), N); }) == "TypeError/InvalidArgumentType");
}

TEST_CASE("is_true keeps only true") {
    CHECK(is_true(T));
    CHECK_FALSE(is_true(F));
    CHECK_FALSE(is_true(N));
    CHECK_FALSE(is_true(Value(1)));
}
