// tests/unit/storage/test_logical_type.cpp — LogicalType: names and synonyms, printing,
// accepts() (null always, INT into FLOAT, list elements, ANY) and coerce() widening.
#include "catalog/logical_type.hpp"

#include <doctest/doctest.h>

using namespace kgq;
using namespace kgq::catalog;

TEST_CASE("LogicalType parses names and synonyms") {
    CHECK(LogicalType::parse("INT") == LogicalType::of(TypeKind::Int));
    CHECK(LogicalType::parse("integer") == LogicalType::of(TypeKind::Int));
    CHECK(LogicalType::parse("INT64") == LogicalType::of(TypeKind::Int));
    CHECK(LogicalType::parse("DOUBLE") == LogicalType::of(TypeKind::Float));
    CHECK(LogicalType::parse("Boolean") == LogicalType::of(TypeKind::Bool));
    CHECK(LogicalType::parse("BOOL") == LogicalType::of(TypeKind::Bool));
    CHECK(LogicalType::parse("TIMESTAMP") == LogicalType::of(TypeKind::DateTime));
    CHECK(LogicalType::parse("LOCAL DATETIME") == LogicalType::of(TypeKind::LocalDateTime));
    CHECK(LogicalType::parse("LIST<STRING>") == LogicalType::list_of(TypeKind::String));
    CHECK(LogicalType::parse("list < int >") == LogicalType::list_of(TypeKind::Int));
    CHECK(LogicalType::parse("LIST") == LogicalType::list_of(TypeKind::Any));
    CHECK_FALSE(LogicalType::parse("STRNG"));
    CHECK_FALSE(LogicalType::parse("LIST<LIST<INT>>"));
    CHECK_FALSE(LogicalType::parse("MAP<INT>"));
}

TEST_CASE("LogicalType prints canonical names that parse back") {
    CHECK(LogicalType::of(TypeKind::Int).to_string() == "INT");
    CHECK(LogicalType::of(TypeKind::DateTime).to_string() == "DATETIME");
    CHECK(LogicalType::list_of(TypeKind::String).to_string() == "LIST<STRING>");
    CHECK(LogicalType::any().to_string() == "ANY");
    for (auto kind : {TypeKind::Any, TypeKind::Bool, TypeKind::Int, TypeKind::Float, TypeKind::String, TypeKind::Date,
                      TypeKind::LocalTime, TypeKind::Time, TypeKind::LocalDateTime, TypeKind::DateTime,
                      TypeKind::Duration, TypeKind::Map}) {
        CHECK(LogicalType::parse(LogicalType::of(kind).to_string()) == LogicalType::of(kind));
        CHECK(LogicalType::parse(LogicalType::list_of(kind).to_string()) == LogicalType::list_of(kind));
    }
}

TEST_CASE("LogicalType accepts and coerces") {
    const auto i = LogicalType::of(TypeKind::Int);
    const auto f = LogicalType::of(TypeKind::Float);
    const auto s = LogicalType::of(TypeKind::String);
    CHECK(i.accepts(Value(1)));
    CHECK(i.accepts(Value()));
    CHECK_FALSE(i.accepts(Value(1.5)));
    CHECK_FALSE(i.accepts(Value("1")));
    CHECK(f.accepts(Value(1)));
    CHECK(f.accepts(Value(1.5)));
    CHECK(s.accepts(Value("x")));
    CHECK_FALSE(s.accepts(Value(true)));
    CHECK(LogicalType::any().accepts(Value(Date{3})));
    CHECK(LogicalType::of(TypeKind::Date).accepts(Value(Date{3})));
    CHECK_FALSE(LogicalType::of(TypeKind::Date).accepts(Value(LocalTime{3})));

    const Value widened = f.coerce(Value(2));
    REQUIRE(widened.is_float());
    CHECK(widened.as_float() == 2.0);
    CHECK(i.coerce(Value(2)).is_int());

    const auto strings = LogicalType::list_of(TypeKind::String);
    CHECK(strings.accepts(Value(List{Value("a"), Value("b")})));
    CHECK(strings.accepts(Value(List{})));
    CHECK_FALSE(strings.accepts(Value(List{Value("a"), Value(1)})));
    CHECK_FALSE(strings.accepts(Value("a")));
    const auto floats = LogicalType::list_of(TypeKind::Float);
    CHECK(floats.accepts(Value(List{Value(1), Value(2.5)})));
    const Value list = floats.coerce(Value(List{Value(1), Value(2.5)}));
    CHECK(list.as_list()[0].is_float());
    CHECK(LogicalType::list_of(TypeKind::Any).accepts(Value(List{Value(1), Value("x")})));
}

TEST_CASE("type_kind_of maps every value kind") {
    CHECK(type_kind_of(Value()) == TypeKind::Null);
    CHECK(type_kind_of(Value(true)) == TypeKind::Bool);
    CHECK(type_kind_of(Value(1)) == TypeKind::Int);
    CHECK(type_kind_of(Value(1.0)) == TypeKind::Float);
    CHECK(type_kind_of(Value("s")) == TypeKind::String);
    CHECK(type_kind_of(Value(Duration{})) == TypeKind::Duration);
    CHECK(type_kind_of(Value(List{})) == TypeKind::List);
    CHECK(type_kind_of(Value(Node{})) == TypeKind::Node);
    CHECK(type_kind_of(Value(Path{})) == TypeKind::Path);
}
