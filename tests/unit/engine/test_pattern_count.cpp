// tests/unit/engine/test_pattern_count.cpp — the id-only counting loop (PatternCount) must
// count exactly what the row-by-row operators count. Each pattern runs twice on graphs with
// the awkward cases (self-loops, parallel relationships, nodes with several labels,
// OPTIONAL MATCH nulls): `... RETURN count(*)`, which EXPLAIN must show as a PatternCount,
// and `... WITH 1 AS one RETURN count(*)`, which the projection keeps on the row path.
#include "kgq/database.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kgq;

namespace {

std::int64_t count_of(Database& db, const std::string& query) {
    Result r = db.execute(query);
    REQUIRE_MESSAGE(r.ok(), query << ": " << r.error().to_string());
    REQUIRE(r.row_count() == 1);
    return r.at(0, 0).as_int();
}

bool planned_natively(Database& db, const std::string& query) {
    Result r = db.execute("EXPLAIN " + query);
    REQUIRE(r.ok());
    return r.message().find("PatternCount") != std::string::npos;
}

void check_both_ways(Database& db, const std::string& match) {
    const std::string native = match + " RETURN count(*)";
    const std::string rows = match + " WITH 1 AS one RETURN count(*)";
    CAPTURE(match);
    CHECK(planned_natively(db, native));
    CHECK_FALSE(planned_natively(db, rows));
    CHECK(count_of(db, native) == count_of(db, rows));
}

const std::vector<std::string> patterns = {
    "MATCH (a)-[:R]->(b)",
    "MATCH (a)-[:R]-(b)",
    "MATCH (a)-[]-(b)",
    "MATCH (a:A)-[:R]->(b:B)",
    "MATCH (a:A:B)-[:R]-(b)",
    "MATCH (a)-[:R]->(b)-[:R]->(c)",
    "MATCH (a)-[:R]-(b)-[:R]-(c) WHERE a <> c",
    "MATCH (a)-[:R]-(b)-[:R]-(c)-[:R]-(a)",
    "MATCH (a)-[:R|S]->(b)<-[:R|S]-(c) WHERE a <> c",
    "MATCH (a)-[:R]->(b), (a)-[:S]->(c), (b)-[:R]->(c)",
    "MATCH (a)-[:R]-(b)-[:R]-(c) WHERE NOT (a)-[:R]-(c)",
    "MATCH (a)-[:R]-(b)-[:S]-(c) WHERE (a)-[:S]->(c) AND a <> b",
    "MATCH (a:A)-[:R]->(b) WHERE b:B OR b:C",
    "MATCH (a:A)-[:R]->(b) OPTIONAL MATCH (b)-[:S]->(c)",
    "MATCH (a) OPTIONAL MATCH (a)-[:S]->(c) OPTIONAL MATCH (c)-[:R]->(d)",
    "MATCH (a) OPTIONAL MATCH (a)-[:S]->(c:C) MATCH (a)-[:R]-(x) WHERE x <> c",
    "MATCH (a) OPTIONAL MATCH (a)-[:T]->(c) WHERE NOT (c)-[:R]->(a)",
    "MATCH (a)-[:NOPE]->(b)",
    "MATCH (a:Nope)",
    "MATCH (a), (b:B)",
};

}  // namespace

TEST_CASE("PatternCount counts what the row operators count") {
    Database db;
    // Self-loops, parallel relationships, multi-labelled nodes, isolated nodes.
    Result setup = db.execute(R"(
        CREATE (a1:A {id: 1}), (a2:A:B {id: 2}), (b1:B {id: 3}), (b2:B {id: 4}), (c1:C {id: 5}),
               (c2:C:A {id: 6}), (lonely:D {id: 7})
        CREATE (a1)-[:R]->(b1), (a1)-[:R]->(b1), (a1)-[:R]->(a2), (a2)-[:R]->(b2), (b1)-[:R]->(b2),
               (b2)-[:R]->(a1), (c1)-[:R]->(c1), (c2)-[:R]->(a1), (b1)-[:R]->(c1),
               (a1)-[:S]->(b2), (a2)-[:S]->(c1), (b1)-[:S]->(b1), (c2)-[:S]->(b2), (a1)-[:S]->(c2),
               (b2)-[:T]->(c1)
    )");
    REQUIRE_MESSAGE(setup.ok(), setup.error().to_string());
    for (const auto& p : patterns) check_both_ways(db, p);
}

TEST_CASE("PatternCount on an empty graph and in a strict schema") {
    Database empty;
    REQUIRE(empty.execute("CREATE (:A)-[:R]->(:B:C), (:C)-[:S]->(:D)-[:T]->(:A)").ok());
    REQUIRE(empty.execute("MATCH (n) DETACH DELETE n").ok());
    for (const auto& p : patterns) check_both_ways(empty, p);

    Database strict;
    REQUIRE(strict.execute("CREATE ABSTRACT NODE TYPE Msg (id INT KEY)").ok());
    REQUIRE(strict.execute("CREATE NODE TYPE Post UNDER Msg").ok());
    REQUIRE(strict.execute("CREATE NODE TYPE Comment UNDER Msg").ok());
    REQUIRE(strict.execute("CREATE RELATION TYPE REPLY_OF (FROM Comment TO Msg)").ok());
    REQUIRE(strict
                .execute("CREATE (p:Post {id: 1}), (c:Comment {id: 2}), (d:Comment {id: 3}), "
                         "(c)-[:REPLY_OF]->(p), (d)-[:REPLY_OF]->(c), (d)-[:REPLY_OF]->(p)")
                .ok());
    for (const char* p :
         {"MATCH (m:Msg)<-[:REPLY_OF]-(c:Comment)", "MATCH (p:Post)<-[:REPLY_OF]-(:Comment)<-[:REPLY_OF]-(x)",
          "MATCH (m:Msg) OPTIONAL MATCH (m)<-[:REPLY_OF]-(c) OPTIONAL MATCH (c)<-[:REPLY_OF]-(d)"}) {
        check_both_ways(strict, p);
    }
}

TEST_CASE("PatternCount shares a large first scan between threads and still counts exactly") {
    Database db;
    REQUIRE(db.execute("CREATE NODE TYPE P (id INT KEY)").ok());
    REQUIRE(db.execute("CREATE RELATION TYPE K (FROM P TO P)").ok());
    REQUIRE(db.execute("UNWIND range(0, 2999) AS i CREATE (:P {id: i})").ok());
    for (const char* step : {"7", "13", "1"}) {
        Result r = db.execute(std::string("UNWIND range(0, 2999) AS i MATCH (a:P {id: i}), (b:P {id: (i * ") + step +
                              " + 3) % 3000}) CREATE (a)-[:K]->(b)");
        REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    }
    for (const char* p : {"MATCH (a:P)-[:K]->(b)-[:K]->(c) WHERE a <> c", "MATCH (a:P)-[:K]-(b)-[:K]-(c)-[:K]-(a)",
                          "MATCH (a:P)-[:K]->(b)-[:K]->(c) WHERE NOT (a)-[:K]-(c)",
                          "MATCH (a:P) OPTIONAL MATCH (a)<-[:K]-(b)-[:K]->(c)"}) {
        check_both_ways(db, p);
    }
}
