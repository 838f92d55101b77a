// tests/unit/value/test_value_text.cpp — Map, kind names, structural identity and the TCK
// literal text of every kind (to_string) and display text (to_display); Error and Result.
// Stage: tests of engine/value/value.cpp, error.cpp, result.cpp.
#include "kgq/result.hpp"
#include "value_test_support.hpp"

#include <cmath>
#include <limits>

using namespace kgq;

TEST_CASE("Map keeps keys sorted and unique") {
    Map m{{"b", 2}, {"a", 1}};
    m["c"] = 3;
    m["a"] = 10;
    CHECK(m.size() == 3);
    CHECK(m.begin()->first == "a");
    CHECK(*m.find("a") == Value(10));
    CHECK(m.find("zz") == nullptr);
    CHECK(m.erase("b"));
    CHECK_FALSE(m.erase("b"));
    CHECK(Value(m).to_string() == "{a: 10, c: 3}");
}

TEST_CASE("scalar text") {
    CHECK(Value().to_string() == "null");
    CHECK(Value(true).to_string() == "true");
    CHECK(Value(-12).to_string() == "-12");
    CHECK(Value(1.5).to_string() == "1.5");
    CHECK(Value(1.0).to_string() == "1.0");
    CHECK(Value(3.6).to_string() == "3.6");
    CHECK(Value(0.1 + 0.2).to_string() == "0.30000000000000004");
    CHECK(Value(1e20).to_string() == "1.0E20");
    CHECK(Value(1.2635418652381264e305).to_string() == "1.2635418652381264E305");
    CHECK(Value(1e-5).to_string() == "1.0E-5");
    CHECK(Value(std::nan("")).to_string() == "NaN");
    CHECK(Value(-std::numeric_limits<double>::infinity()).to_string() == "-Infinity");
    CHECK(Value("it's").to_string() == "'it\\'s'");
}

TEST_CASE("collections and graph elements") {
    CHECK(Value(List{1, "a", List{}, Value()}).to_string() == "[1, 'a', [], null]");
    CHECK(Value(Map{{"b", "x"}, {"a", 1}}).to_string() == "{a: 1, b: 'x'}");
    Node n{1, {"L1", "L2"}, Map{{"k", 1}}};
    CHECK(Value(n).to_string() == "(:L1:L2 {k: 1})");
    CHECK(Value(Node{2, {}, {}}).to_string() == "()");
    CHECK(Value(Node{2, {}, Map{{"id", 0}}}).to_string() == "({id: 0})");
    Relationship r{5, "T", 1, 2, Map{{"k", "v"}}};
    CHECK(Value(r).to_string() == "[:T {k: 'v'}]");
    Path p{{Node{1, {"A"}, {}}, Node{2, {"B"}, {}}, Node{3, {"C"}, {}}},
           {Relationship{10, "T", 1, 2, {}}, Relationship{11, "U", 3, 2, {}}}};
    CHECK(Value(p).to_string() == "<(:A)-[:T]->(:B)<-[:U]-(:C)>");
}

TEST_CASE("temporal text is quoted as the TCK writes it") {
    CHECK(Value(Date{0}).to_string() == "'1970-01-01'");
    CHECK(Value(Duration{14, 3, 4 * 3600 + 5 * 60 + 6, 500'000'000}).to_string() == "'P1Y2M3DT4H5M6.5S'");
    CHECK(Value(Date{0}).to_display() == "1970-01-01");
}

TEST_CASE("display text") {
    CHECK(Value().to_display() == "");
    CHECK(Value("a'b").to_display() == "a'b");
    CHECK(Value(List{"a"}).to_display() == "['a']");
    CHECK(Value(2).to_display() == "2");
}

TEST_CASE("structural identity") {
    CHECK(Value(1) != Value(1.0));
    CHECK(Value() == Value());
    CHECK(Value(std::nan("")) == Value(std::nan("")));
    CHECK(Value(Node{1, {"A"}, {}}) == Value(Node{1, {}, {}}));
    CHECK(Value(List{1, 2}) == Value(List{1, 2}));
    CHECK(Value(Map{{"a", 1}}) != Value(Map{{"a", 2}}));
}

TEST_CASE("kind names") {
    CHECK(std::string(kind_name(ValueKind::Int)) == "INTEGER");
    CHECK(std::string(kind_name(ValueKind::Null)) == "NULL");
    CHECK(std::string(kind_name(ValueKind::Relationship)) == "RELATIONSHIP");
}

TEST_CASE("Error and Result") {
    Error e;
    e.kind = ErrorKind::Type;
    e.message = "bad";
    CHECK(e.to_string() == "Type error: bad");
    e.line = 2;
    e.column = 5;
    CHECK(e.to_string() == "Type error (line 2, column 5): bad");
    Result r = Result::failure(e);
    CHECK_FALSE(r.ok());
    Result ok;
    ok.mutable_columns() = {"a", "b"};
    CHECK(ok.column_index("b") == 1);
    CHECK(ok.column_index("c") == -1);
    CHECK_FALSE(ok.stats().any());
    ok.mutable_stats().labels_added = 1;
    CHECK(ok.stats().any());
}

TEST_CASE("is_temporal is true for the six temporal kinds only") {
    using kgq::Value;
    for (const Value& v :
         {Value(kgq::Date{1}), Value(kgq::LocalTime{1}), Value(kgq::Time{1, 0}), Value(kgq::LocalDateTime{1, 0}),
          Value(kgq::DateTime{1, 0, 0, ""}), Value(kgq::Duration{1, 0, 0, 0})})
        CHECK(v.is_temporal());
    for (const Value& v : {Value(), Value(true), Value(1), Value(1.5), Value("2024-01-01"), Value(kgq::List{}),
                           Value(kgq::Map{}), Value(kgq::Node{}), Value(kgq::Relationship{}), Value(kgq::Path{})})
        CHECK_FALSE(v.is_temporal());
}
