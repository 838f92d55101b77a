// tests/unit/value/test_order_equivalence.cpp — the total order of ORDER BY across kinds and
// the equivalence/hash of DISTINCT and grouping. Stage: tests of order.cpp, equivalence.cpp.
#include "value/value_ops.hpp"
#include "value_test_support.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

using namespace kgq;
using namespace kgq::value;

namespace {
const double not_a_number = std::numeric_limits<double>::quiet_NaN();
const double inf = std::numeric_limits<double>::infinity();
}  // namespace

TEST_CASE("kinds order as the CIP says, null last") {
    // Ascending: map, node, relationship, list, path, datetime, localdatetime, date, time,
    // localtime, duration, string, boolean, number, null.
    std::vector<Value> ascending = {Map{{"a", 1}},
                                    Node{1, {}, {}},
                                    Relationship{1, "T", 1, 2, {}},
                                    List{1},
                                    Path{{Node{1, {}, {}}}, {}},
                                    DateTime{0, 0, 0, {}},
                                    LocalDateTime{0, 0},
                                    Date{0},
                                    Time{0, 0},
                                    LocalTime{0},
                                    Duration{0, 1, 0, 0},
                                    "a",
                                    false,
                                    1,
                                    Value()};
    for (std::size_t i = 0; i + 1 < ascending.size(); ++i) {
        INFO("position " << i);
        CHECK(order(ascending[i], ascending[i + 1]) < 0);
        CHECK(order(ascending[i + 1], ascending[i]) > 0);
    }
}

TEST_CASE("numbers: ints and floats interleave, NaN above infinity") {
    CHECK(order(1, 1.5) < 0);
    CHECK(order(2, 1.5) > 0);
    CHECK(order(1, 1.0) == 0);
    CHECK(order(inf, not_a_number) < 0);
    CHECK(order(not_a_number, not_a_number) == 0);
    CHECK(order(not_a_number, Value()) < 0);
    CHECK(order(-inf, std::numeric_limits<std::int64_t>::min()) < 0);
}

TEST_CASE("within kinds") {
    CHECK(order(false, true) < 0);
    CHECK(order("", " ") < 0);
    CHECK(order(" ", ".*") < 0);
    CHECK(order(".*", "one") < 0);
    CHECK(order(List{}, List{"a"}) < 0);
    CHECK(order(List{"a"}, List{"a", 1}) < 0);
    CHECK(order(List{"a", 1}, List{1, "c"}) < 0);  // 'a' (string) before 1 (number)
    CHECK(order(List{1, "c"}, List{1, 2}) < 0);
    CHECK(order(List{1, 2}, List{1, Value()}) < 0);
    CHECK(order(Node{1, {}, {}}, Node{2, {}, {}}) < 0);
    CHECK(order(Date{5}, Date{3}) > 0);
}

TEST_CASE("sorting a mixed list is total") {
    std::vector<Value> v = {3, "b", Value(), 1.5, false, List{2}, not_a_number, Map{}, "a", true, 2};
    std::sort(v.begin(), v.end(), [](const Value& a, const Value& b) { return order(a, b) < 0; });
    CHECK(Value(List(v.begin(), v.end())).to_string() == "[{}, [2], 'a', 'b', false, true, 1.5, 2, 3, NaN, null]");
}

TEST_CASE("equivalence: null ~ null, NaN ~ NaN, 1 ~ 1.0") {
    CHECK(equivalent(Value(), Value()));
    CHECK(equivalent(not_a_number, not_a_number));
    CHECK(equivalent(1, 1.0));
    CHECK_FALSE(equivalent(1, "1"));
    CHECK(equivalent(List{1, Value()}, List{1.0, Value()}));
    CHECK(equivalent(Map{{"a", not_a_number}}, Map{{"a", not_a_number}}));
    CHECK_FALSE(equivalent(Map{{"a", 1}}, Map{{"b", 1}}));
    CHECK_FALSE(equivalent(std::int64_t(9007199254740993), 9007199254740992.0));
}

TEST_CASE("hash agrees with equivalence") {
    CHECK(hash(1) == hash(1.0));
    CHECK(hash(-0.0) == hash(0));
    CHECK(hash(not_a_number) == hash(-not_a_number));
    CHECK(hash(List{1, 2}) == hash(List{1.0, 2.0}));
    CHECK(hash(Map{{"a", 1}}) == hash(Map{{"a", 1.0}}));
    CHECK(hash(DateTime{100, 0, 3600, {}}) == hash(DateTime{100, 0, 0, {}}));
    std::unordered_set<Value, Hash, Equivalent> set = {1,   1.0,     Value(),  Value(), not_a_number, not_a_number,
                                                       "1", List{1}, List{1.0}};
    CHECK(set.size() == 5);
}
