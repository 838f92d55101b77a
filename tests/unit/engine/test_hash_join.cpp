// tests/unit/engine/test_hash_join.cpp — HashJoinScan (planner/hash_join.cpp,
// executor/operators/join_operators.cpp) must join exactly the pairs openCypher `=` accepts:
// each join runs as planned (EXPLAIN shows HashJoinScan) and with the equality written as
// `(x = y) = true`, which the planner cannot hash and checks row by row; both results, sorted,
// must agree. Keys of every kind: integers against floats, NaN, null, strings, lists, dates.
#include "kgq/database.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace kgq;

namespace {

std::vector<std::string> sorted_rows(Database& db, const std::string& query) {
    Result r = db.execute(query);
    REQUIRE_MESSAGE(r.ok(), query << ": " << r.error().to_string());
    std::vector<std::string> rows;
    for (const auto& row : r.rows()) {
        std::string line;
        for (const auto& v : row) line += v.to_string() + "|";
        rows.push_back(line);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool uses_hash_join(Database& db, const std::string& query) {
    Result r = db.execute("EXPLAIN " + query);
    REQUIRE(r.ok());
    return r.message().find("HashJoinScan") != std::string::npos;
}

}  // namespace

TEST_CASE("HashJoinScan joins exactly what = accepts") {
    Database db;
    Result setup = db.execute(R"(
        WITH [1, 2, 2, 3.0, 0.0/0.0, null, 'a', 'A', [1, 2], [1.0, 2.0], date('2020-01-01'), true, -0.0] AS vals
        UNWIND range(0, size(vals) - 1) AS i
        CREATE (:A {k: vals[i], s: 'a' + i, t: ['x', 'X', 'y', null][i % 4]})
        WITH count(*) AS done
        WITH [1.0, 2, 3, 0.0/0.0, null, 'a', [1, 2], date('2020-01-01'), 'true', false, 0] AS vals
        UNWIND range(0, size(vals) - 1) AS i
        CREATE (:B {k: vals[i], s: 'b' + i, t: ['X', 'y', 'Y', 'z'][i % 4]})
    )");
    REQUIRE_MESSAGE(setup.ok(), setup.error().to_string());
    const std::vector<std::pair<std::string, std::string>> joins = {
        {"MATCH (a:A), (b:B) WHERE a.k = b.k", "MATCH (a:A), (b:B) WHERE (a.k = b.k) = true"},
        {"MATCH (a:A), (b:B {k: a.k})", "MATCH (a:A), (b:B) WHERE (b.k = a.k) = true"},
        {"MATCH (a:A), (b:B) WHERE toUpper(b.t) = toUpper(a.t)",
         "MATCH (a:A), (b:B) WHERE (toUpper(b.t) = toUpper(a.t)) = true"},
        {"MATCH (a:A) OPTIONAL MATCH (b:B) WHERE b.k = a.k",
         "MATCH (a:A) OPTIONAL MATCH (b:B) WHERE (b.k = a.k) = true"},
    };
    for (const auto& join : joins) {
        const std::string& hashed = join.first;  // not a structured binding: CAPTURE needs a lambda capture
        const std::string& checked = join.second;
        CAPTURE(hashed);
        const std::string ret = " RETURN a.s, b.s";
        CHECK(uses_hash_join(db, hashed + ret));
        CHECK_FALSE(uses_hash_join(db, checked + ret));
        CHECK(sorted_rows(db, hashed + ret) == sorted_rows(db, checked + ret));
    }
    // The semantics themselves: 1 = 1.0 (a0, b0), -0.0 = 0 (a12, b10), NaN (a4, b3) and
    // null never; 9 pairs in all (2 = 2 twice, 3.0 = 3, 'a', both lists, the date).
    auto rows = sorted_rows(db, "MATCH (a:A), (b:B) WHERE a.k = b.k RETURN a.s, b.s");
    CHECK(std::find(rows.begin(), rows.end(), "'a0'|'b0'|") != rows.end());
    CHECK(std::find(rows.begin(), rows.end(), "'a12'|'b10'|") != rows.end());
    CHECK(std::find(rows.begin(), rows.end(), "'a4'|'b3'|") == rows.end());
    CHECK(rows.size() == 9);
}

TEST_CASE("MERGE never uses a hash join: it must see what earlier rows created") {
    Database db;
    REQUIRE(db.execute("UNWIND [1, 1, 2] AS i CREATE (:A {k: i})").ok());
    const std::string merge = "MATCH (a:A) MERGE (b:B {k: a.k}) RETURN count(*)";
    CHECK_FALSE(uses_hash_join(db, merge));
    REQUIRE(db.execute(merge).ok());
    Result r = db.execute("MATCH (b:B) RETURN count(*)");
    REQUIRE(r.ok());
    CHECK(r.at(0, 0).as_int() == 2);
}
