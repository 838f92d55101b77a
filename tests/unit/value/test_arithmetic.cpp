// tests/unit/value/test_arithmetic.cpp — + - * / % ^ and unary minus: integer overflow and
// division errors, float semantics, string and list concatenation, null propagation.
// Stage: tests of engine/value/arithmetic.cpp.
#include "value/value_ops.hpp"
#include "value_test_support.hpp"

#include <cmath>
#include <limits>

using namespace kgq;
using namespace kgq::value;
using kgq::test::error_of;

namespace {
constexpr std::int64_t max_int = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t min_int = std::numeric_limits<std::int64_t>::min();
}  // namespace

TEST_CASE("integer arithmetic stays integer") {
    CHECK(add(1, 2) == Value(3));
    CHECK(subtract(1, 2) == Value(-1));
    CHECK(multiply(3, 4) == Value(12));
    CHECK(divide(7, 2) == Value(3));
    CHECK(divide(-7, 2) == Value(-3));  // truncates toward zero
    CHECK(modulo(7, 3) == Value(1));
    CHECK(modulo(-7, 3) == Value(-1));
    // 12 / 4 * 3 - 2 * 4 = 1 (Mathematical)
    CHECK(subtract(multiply(divide(12, 4), 3), multiply(2, 4)) == Value(1));
}

TEST_CASE("mixed arithmetic is float") {
    CHECK(add(1, 0.5) == Value(1.5));
    CHECK(divide(1.0, 4) == Value(0.25));
    CHECK(power(2, 3) == Value(8.0));
    CHECK(modulo(7.5, 2) == Value(1.5));
}

TEST_CASE("integer overflow raises") {
    CHECK(error_of([] { add(max_int, 1); }) == "ArithmeticError/IntegerOverflow");
    CHECK(error_of([] { subtract(min_int, 1); }) == "ArithmeticError/IntegerOverflow");
    CHECK(error_of([] { multiply(max_int, 2); }) == "ArithmeticError/IntegerOverflow");
    CHECK(error_of([] { negate(min_int); }) == "ArithmeticError/IntegerOverflow");
    CHECK(error_of([] { divide(min_int, -1); }) == "ArithmeticError/IntegerOverflow");
    CHECK(modulo(min_int, -1) == Value(0));
}

TEST_CASE("division by zero: integers raise, floats follow IEEE") {
    CHECK(error_of([] { divide(1, 0); }) == "ArithmeticError/DivisionByZero");
    CHECK(error_of([] { modulo(1, 0); }) == "ArithmeticError/DivisionByZero");
    CHECK(std::isinf(divide(1.0, 0).as_float()));
    CHECK(std::isinf(divide(1, 0.0).as_float()));
    CHECK(std::isnan(divide(0.0, 0.0).as_float()));
    CHECK(std::isnan(modulo(1.0, 0).as_float()));
}

TEST_CASE("null propagates") {
    CHECK(add(Value(), 1).is_null());
    CHECK(multiply(2, Value()).is_null());
    CHECK(negate(Value()).is_null());
    CHECK(add(List{1}, Value()).is_null());
}

TEST_CASE("string concatenation") {
    CHECK(add("a", "b") == Value("ab"));
    CHECK(add("a", 1) == Value("a1"));
    CHECK(add(1.5, "a") == Value("1.5a"));
    CHECK(add("", "") == Value(""));
    CHECK(error_of([] { add("a", true); }) == "TypeError/InvalidArgumentType");
}

TEST_CASE("list concatenation (List4)") {
    CHECK(add(List{1, 10, 100}, List{4, 5}).to_string() == "[1, 10, 100, 4, 5]");
    CHECK(add(List{false, true}, false).to_string() == "[false, true, false]");
    CHECK(add(0, List{1}).to_string() == "[0, 1]");
    CHECK(add(List{List{}, List{}}, List{Value(List{})}).as_list().size() == 3);
}

TEST_CASE("type errors name both types") {
    try {
        subtract("a", 1);
        FAIL("no exception");
    } catch (const Exception& e) {
        CHECK(e.error().kind == ErrorKind::Type);
        CHECK(e.error().code == "TypeError");
        CHECK(e.error().detail == "InvalidArgumentType");
        CHECK_FALSE(e.error().at_compile_time);
        CHECK(e.error().message.find("STRING") != std::string::npos);
        CHECK(e.error().message.find("INTEGER") != std::string::npos);
    }
    CHECK(error_of([] { multiply(List{}, 2); }) == "TypeError/InvalidArgumentType");
    CHECK(error_of([] { negate("x"); }) == "TypeError/InvalidArgumentType");
    CHECK(error_of([] { power(true, 2); }) == "TypeError/InvalidArgumentType");
}

TEST_CASE("unary minus") {
    CHECK(negate(5) == Value(-5));
    CHECK(negate(-1.5) == Value(1.5));
}
