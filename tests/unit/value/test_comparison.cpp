// tests/unit/value/test_comparison.cpp — `=`, `<>` and `<`-family with nulls, NaN, lists and
// maps, following the TCK's Comparison1-4 examples. Stage: tests of engine/value/comparison.cpp.
#include "value/value_ops.hpp"
#include "value_test_support.hpp"

#include <cmath>
#include <limits>

using namespace kgq;
using namespace kgq::value;

namespace {
const Value N = nullptr;
const double not_a_number = std::numeric_limits<double>::quiet_NaN();
// Result of `=` as TCK text: true, false, null.
std::string eq(const Value& a, const Value& b) { return equals(a, b).to_string(); }
std::string ge(const Value& a, const Value& b) { return greater_equal(a, b).to_string(); }
std::string lt(const Value& a, const Value& b) { return less(a, b).to_string(); }
}  // namespace

TEST_CASE("equality of scalars") {
    CHECK(eq(1, 1) == "true");
    CHECK(eq(1, 1.0) == "true");
    CHECK(eq(1.0, 1.0) == "true");
    CHECK(eq("1.0", 1.0) == "false");
    CHECK(eq("1", 1) == "false");
    CHECK(eq(true, 1) == "false");
    CHECK(eq(N, N) == "null");
    CHECK(not_equals(N, N).is_null());
    CHECK(eq(N, 1) == "null");
    CHECK(eq("a", "a") == "true");
}

TEST_CASE("large integers compare exactly against floats") {
    std::int64_t big = 4611686018427387905;  // 2^62 + 1: not a double
    CHECK(eq(big, double(big)) == "false");
    CHECK(eq(big, big) == "true");
    CHECK(lt(double(big), big) == "true");
}

TEST_CASE("NaN") {
    CHECK(eq(not_a_number, 1) == "false");
    CHECK(eq(not_a_number, not_a_number) == "false");
    CHECK(eq(not_a_number, "a") == "false");
    CHECK(not_equals(not_a_number, not_a_number) == Value(true));
    CHECK(lt(not_a_number, 1) == "false");
    CHECK(ge(not_a_number, 1.0) == "false");
    CHECK(ge(not_a_number, not_a_number) == "false");
    CHECK(lt(not_a_number, "a") == "null");
    CHECK_FALSE(compare(not_a_number, 1.0).has_value());
}

TEST_CASE("list equality propagates null (Comparison1)") {
    CHECK(eq(List{1, 2}, List{1}) == "false");
    CHECK(eq(List{N}, List{1}) == "null");
    CHECK(eq(List{"a"}, List{1}) == "false");
    CHECK(eq(List{Value(List{1})}, List{List{1}, List{N}}) == "false");
    CHECK(eq(List{List{1}, List{2}}, List{List{1}, List{N}}) == "null");
    CHECK(eq(List{List{1}, List{2, 3}}, List{List{1}, List{N}}) == "false");
    CHECK(eq(List{1, 2.0}, List{1.0, 2}) == "true");
}

TEST_CASE("map equality propagates null (Comparison1)") {
    CHECK(eq(Map{}, Map{}) == "true");
    CHECK(eq(Map{{"k", true}}, Map{{"k", true}}) == "true");
    CHECK(eq(Map{{"k", "a"}, {"l", 2}}, Map{{"k", "a"}, {"l", 2}}) == "true");
    CHECK(eq(Map{}, Map{{"k", N}}) == "false");
    CHECK(eq(Map{{"k", 1}}, Map{{"k", 1}, {"l", N}}) == "false");
    CHECK(eq(Map{{"k", N}}, Map{{"k", N}, {"l", N}}) == "false");
    CHECK(eq(Map{{"k", N}}, Map{{"k", N}}) == "null");
    CHECK(eq(Map{{"k", 1}}, Map{{"k", N}}) == "null");
    CHECK(eq(Map{{"k", 1}, {"l", N}}, Map{{"k", N}, {"l", 1}}) == "null");
    CHECK(eq(Map{{"k", 1}, {"l", N}}, Map{{"k", 1}, {"l", 1}}) == "null");
}

TEST_CASE("ordering comparisons of scalars (Comparison2)") {
    CHECK(lt(1, 3.14) == "true");
    CHECK(less_equal(1, 3.14) == Value(true));
    CHECK(greater(3.14, 1) == Value(true));
    CHECK(lt(1.0, 1.0) == "false");
    CHECK(lt(1, 1.0) == "false");
    CHECK(lt("1.0", 1.0) == "null");
    CHECK(lt("1", 1) == "null");
    CHECK(lt("a", "b") == "true");
    CHECK(lt("", " ") == "true");
    CHECK(lt(false, true) == "true");
    CHECK(lt(N, 1) == "null");
    CHECK(lt(Map{}, Map{}) == "null");
}

TEST_CASE("list comparison (Comparison2)") {
    CHECK(ge(List{1, 0}, List{1}) == "true");
    CHECK(ge(List{1, N}, List{1}) == "true");
    CHECK(ge(List{1, 2}, List{1, N}) == "null");
    CHECK(ge(List{1, "a"}, List{1, N}) == "null");
    CHECK(ge(List{1, 2}, List{3, N}) == "false");
    CHECK(lt(List{}, List{1}) == "true");
}

TEST_CASE("graph elements compare equal by id only") {
    Node a{1, {"A"}, {}}, b{1, {}, {}}, c{2, {"A"}, {}};
    CHECK(eq(a, b) == "true");
    CHECK(eq(a, c) == "false");
    CHECK(lt(a, c) == "null");
    Relationship r{7, "T", 1, 2, {}};
    CHECK(eq(r, r) == "true");
    CHECK(eq(a, r) == "false");
}

TEST_CASE("temporal comparison") {
    CHECK(lt(Date{1}, Date{2}) == "true");
    CHECK(lt(Date{1}, LocalTime{2}) == "null");
    // 10:00+01:00 is before 09:35:14Z.
    CHECK(lt(Time{10 * 3600 * 1'000'000'000LL, 3600}, Time{(9 * 3600 + 35 * 60 + 14) * 1'000'000'000LL, 0}) == "true");
    // Same instant, different offsets: equal.
    CHECK(eq(DateTime{100, 0, 3600, {}}, DateTime{100, 0, 0, {}}) == "true");
    CHECK(eq(Duration{1, 2, 3, 4}, Duration{1, 2, 3, 4}) == "true");
    CHECK(eq(Duration{0, 1, 0, 0}, Duration{0, 0, 86400, 0}) == "false");
    CHECK(lt(Duration{0, 1, 0, 0}, Duration{0, 2, 0, 0}) == "null");
}

TEST_CASE("IN with null rules") {
    CHECK(in_list(1, List{1, 2}) == Value(true));
    CHECK(in_list(3, List{1, 2}) == Value(false));
    CHECK(in_list(3, List{1, N}).is_null());
    CHECK(in_list(1, List{1, N}) == Value(true));
    CHECK(in_list(N, List{}) == Value(false));
    CHECK(in_list(N, List{1}).is_null());
    CHECK(in_list(1, N).is_null());
    CHECK(in_list(List{1}, List{List{1}, 2}) == Value(true));
    CHECK(kgq::test::error_of([] { in_list(1, Value(5)); }) == "TypeError/InvalidArgumentType");
}

TEST_CASE("string predicates") {
    CHECK(starts_with("abc", "ab") == Value(true));
    CHECK(starts_with("abc", "bc") == Value(false));
    CHECK(ends_with("abc", "bc") == Value(true));
    CHECK(contains("abc", "b") == Value(true));
    CHECK(contains("abc", "") == Value(true));
    CHECK(contains("abc", N).is_null());
    CHECK(starts_with(1, "1").is_null());
    CHECK(regex_match("abc", "a.c") == Value(true));
    CHECK(regex_match("abcd", "a.c") == Value(false));  // whole-string match
    CHECK(regex_match(N, ".*").is_null());
    CHECK(kgq::test::error_of([] { regex_match("a", "("); }) == "ArgumentError/InvalidArgumentValue");
}
