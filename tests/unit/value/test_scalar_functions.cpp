// tests/unit/value/test_scalar_functions.cpp — the string, math, list, conversion and
// general functions through the registry, with the TCK's null rules and error classes.
// Stage: tests of engine/function/*_functions.cpp (non-temporal, non-graph).
#include "value_test_support.hpp"

#include <cmath>

using namespace kgq;
using kgq::test::call;
using kgq::test::error_of;
using kgq::test::text;

TEST_CASE("registry lookup is case-insensitive") {
    REQUIRE(function::find_function("TOUPPER") != nullptr);
    CHECK(function::find_function("toupper")->name == "toUpper");
    CHECK(function::find_function("nosuchfunction") == nullptr);
    CHECK(function::find_function("rand")->volatile_result);
    CHECK_FALSE(function::find_function("abs")->volatile_result);
    auto names = function::function_names();
    CHECK(std::find(names.begin(), names.end(), "percentileCont") == names.end());  // aggregates live apart
    CHECK(std::find(names.begin(), names.end(), "coalesce") != names.end());
    CHECK(function::find_function("substring")->min_args == 2);
    CHECK(function::find_function("coalesce")->max_args == -1);
}

TEST_CASE("string functions") {
    CHECK(call("toUpper", {"abc"}) == Value("ABC"));
    CHECK(call("toLower", {"AbC"}) == Value("abc"));
    CHECK(call("trim", {"  a b  "}) == Value("a b"));
    CHECK(call("ltrim", {"  a "}) == Value("a "));
    CHECK(call("rtrim", {"  a "}) == Value("  a"));
    CHECK(call("replace", {"hello", "l", "w"}) == Value("hewwo"));
    CHECK(call("replace", {"ab", "", "-"}) == Value("-a-b-"));
    CHECK(call("substring", {"hello", 1, 3}) == Value("ell"));
    CHECK(call("substring", {"hello", 2}) == Value("llo"));
    CHECK(call("substring", {"hello", 10}) == Value(""));
    CHECK(call("left", {"hello", 3}) == Value("hel"));
    CHECK(call("right", {"hello", 3}) == Value("llo"));
    CHECK(call("right", {"hi", 10}) == Value("hi"));
    CHECK(text(call("split", {"a,b,,c", ","})) == "['a', 'b', '', 'c']");
    CHECK(text(call("split", {"abc", ""})) == "['a', 'b', 'c']");
    CHECK(call("substring", {"häll", 1, 2}) == Value("äl"));  // characters, not bytes
    CHECK(call("toUpper", {Value()}).is_null());
    CHECK(call("split", {Value(), ","}).is_null());
    CHECK(error_of([] { call("toUpper", {1}); }) == "TypeError/InvalidArgumentType");
    CHECK(error_of([] { call("substring", {"a", -1}); }) == "ArgumentError/NegativeIntegerArgument");
    CHECK(error_of([] { call("left", {"a", -1}); }) == "ArgumentError/NegativeIntegerArgument");
}

TEST_CASE("math functions") {
    CHECK(call("abs", {-1}) == Value(1));
    CHECK(call("abs", {-1.5}) == Value(1.5));
    CHECK(call("sqrt", {12.96}) == Value(3.6));
    CHECK(call("ceil", {1.2}) == Value(2.0));
    CHECK(call("floor", {-1.2}) == Value(-2.0));
    CHECK(call("sign", {-3.5}) == Value(-1));
    CHECK(call("sign", {0}) == Value(0));
    CHECK(call("round", {2.5}) == Value(3.0));
    CHECK(call("round", {-2.5}) == Value(-2.0));  // Java's Math.round: halves go up
    CHECK(call("round", {3.141592, 3}) == Value(3.142));
    CHECK(call("round", {2.675, 2}) == Value(2.68));  // decimal, as BigDecimal.valueOf
    CHECK(call("round", {-1.5, 0}) == Value(-2.0));  // HALF_UP: away from zero
    CHECK(call("round", {1.25, 1, "HALF_EVEN"}) == Value(1.2));
    CHECK(call("round", {1.35, 1, "half_even"}) == Value(1.4));
    CHECK(call("round", {1.21, 1, "CEILING"}) == Value(1.3));
    CHECK(call("round", {-1.21, 1, "UP"}) == Value(-1.3));
    CHECK(call("round", {-1.29, 1, "DOWN"}) == Value(-1.2));
    CHECK(call("round", {1234.5, -2}) == Value(1200.0));
    CHECK(error_of([] { call("round", {1.5, 1, "SIDEWAYS"}); }) == "ArgumentError/InvalidArgumentValue");
    CHECK(call("exp", {0}) == Value(1.0));
    CHECK(call("log10", {100}) == Value(2.0));
    CHECK(std::isinf(call("log", {0}).as_float()));
    CHECK(std::isnan(call("sqrt", {-1}).as_float()));
    CHECK(call("atan2", {0, 1}) == Value(0.0));
    CHECK(call("pi").as_float() == doctest::Approx(3.14159265));
    CHECK(call("e").as_float() == doctest::Approx(2.71828182));
    double r = call("rand").as_float();
    CHECK((r >= 0.0 && r < 1.0));
    CHECK(call("sin", {Value()}).is_null());
    CHECK(error_of([] { call("abs", {"x"}); }) == "TypeError/InvalidArgumentType");
    CHECK(error_of([] { call("abs", {std::numeric_limits<std::int64_t>::min()}); }) ==
          "ArithmeticError/IntegerOverflow");
}

TEST_CASE("list functions") {
    CHECK(call("size", {Value(List{1, 2, 3})}) == Value(3));
    CHECK(call("size", {"häll"}) == Value(4));
    CHECK(call("size", {Value()}).is_null());
    CHECK(call("head", {Value(List{1, 2})}) == Value(1));
    CHECK(call("head", {Value(List{})}).is_null());
    CHECK(call("last", {Value(List{1, 2})}) == Value(2));
    CHECK(text(call("tail", {Value(List{1, 2, 3})})) == "[2, 3]");
    CHECK(text(call("tail", {Value(List{})})) == "[]");
    CHECK(text(call("range", {0, 3})) == "[0, 1, 2, 3]");
    CHECK(text(call("range", {0, 10, 4})) == "[0, 4, 8]");
    CHECK(text(call("range", {3, 0, -1})) == "[3, 2, 1, 0]");
    CHECK(text(call("range", {0, 3, -1})) == "[]");
    CHECK(error_of([] { call("range", {2, 8, 0}); }) == "ArgumentError/NumberOutOfRange");
    CHECK(error_of([] { call("range", {0, 1.0, 1}); }) == "ArgumentError/InvalidArgumentType");
    CHECK(error_of([] { call("range", {Value(), 1}); }) == "ArgumentError/InvalidArgumentType");
    CHECK(text(call("reverse", {Value(List{1, 2, 3})})) == "[3, 2, 1]");
    CHECK(call("reverse", {"abc"}) == Value("cba"));
    CHECK(call("reverse", {"aä"}) == Value("äa"));
    CHECK(call("isEmpty", {Value(List{})}) == Value(true));
    CHECK(call("isEmpty", {""}) == Value(true));
    CHECK(call("isEmpty", {Map{{"a", 1}}}) == Value(false));
    CHECK(error_of([] { call("head", {1}); }) == "TypeError/InvalidArgumentType");
}

TEST_CASE("conversion functions") {
    CHECK(call("toString", {42}) == Value("42"));
    CHECK(call("toString", {1.0}) == Value("1.0"));
    CHECK(call("toString", {true}) == Value("true"));
    CHECK(call("toString", {"s"}) == Value("s"));
    CHECK(call("toString", {Date{0}}) == Value("1970-01-01"));
    CHECK(error_of([] { call("toString", {Value(List{})}); }) == "TypeError/InvalidArgumentType");
    CHECK(call("toStringOrNull", {Value(List{})}).is_null());
    CHECK(call("toInteger", {"42"}) == Value(42));
    CHECK(call("toInteger", {" 42 "}) == Value(42));
    CHECK(call("toInteger", {"2.9"}) == Value(2));
    CHECK(call("toInteger", {-2.9}) == Value(-2));
    CHECK(call("toInteger", {"foo"}).is_null());
    CHECK(call("toInteger", {true}) == Value(1));
    CHECK(error_of([] { call("toInteger", {Value(List{})}); }) == "TypeError/InvalidArgumentType");
    CHECK(call("toIntegerOrNull", {Map{}}).is_null());
    CHECK(call("toFloat", {"5.25"}) == Value(5.25));
    CHECK(call("toFloat", {3}) == Value(3.0));
    CHECK(call("toFloat", {"x"}).is_null());
    CHECK(error_of([] { call("toFloat", {true}); }) == "TypeError/InvalidArgumentType");
    CHECK(call("toFloatOrNull", {true}).is_null());
    CHECK(call("toBoolean", {"TRUE"}) == Value(true));
    CHECK(call("toBoolean", {"false"}) == Value(false));
    CHECK(call("toBoolean", {"yes"}).is_null());
    CHECK(call("toBoolean", {0}) == Value(false));
    CHECK(error_of([] { call("toBoolean", {1.5}); }) == "TypeError/InvalidArgumentType");
    CHECK(call("toBooleanOrNull", {1.5}).is_null());
    CHECK(text(call("toIntegerList", {Value(List{"1", 2.5, "x", Value()})})) == "[1, 2, null, null]");
    CHECK(call("toString", {Value()}).is_null());
}

TEST_CASE("coalesce and exists") {
    CHECK(call("coalesce", {Value(), Value(), 3, 4}) == Value(3));
    CHECK(call("coalesce", {Value()}).is_null());
    CHECK(call("exists", {Value()}) == Value(false));
    CHECK(call("exists", {0}) == Value(true));
}
