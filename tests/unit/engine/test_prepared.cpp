// tests/unit/engine/test_prepared.cpp — Database::prepare and the plan cache (issue 12.4):
// a prepared statement answers as Database::execute of its text does, every time; a kept
// plan is made again when what it was made for changed (schema, procedures, parameter types,
// graph size), so no reuse is ever a stale answer; errors are the same errors.
#include "kgq/database.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace kgq;

namespace {
std::int64_t single_int(const Result& r) {
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    REQUIRE(r.row_count() == 1);
    return r.at(0, 0).as_int();
}
}  // namespace

TEST_CASE("prepared: a key lookup run with new parameters answers as execute does") {
    Database db;
    REQUIRE(db.execute("CREATE NODE TYPE Person (id INTEGER KEY, name STRING)").ok());
    REQUIRE(db.execute("UNWIND range(1, 200) AS i CREATE (:Person {id: i, name: 'p' + toString(i)})").ok());
    PreparedStatement lookup = db.prepare("MATCH (p:Person {id: $id}) RETURN p.name");
    REQUIRE(lookup.ok());
    CHECK(lookup.text() == "MATCH (p:Person {id: $id}) RETURN p.name");
    for (std::int64_t id : {1, 17, 200, 5, 17}) {
        Result r = lookup.execute({{"id", Value(id)}});
        REQUIRE(r.ok());
        REQUIRE(r.row_count() == 1);
        CHECK(r.at(0, 0).as_string() == "p" + std::to_string(id));
        CHECK(r.columns() == std::vector<std::string>{"p.name"});
        CHECK(r.column_types() == std::vector<std::string>{"STRING"});
        Result direct = db.execute("MATCH (p:Person {id: $id}) RETURN p.name", {{"id", Value(id)}});
        CHECK(direct.rows() == r.rows());
    }
    CHECK(lookup.execute({{"id", Value(std::int64_t(999))}}).row_count() == 0);
}

TEST_CASE("prepared: syntax errors at prepare, the same error at execute; one statement only") {
    Database db;
    PreparedStatement bad = db.prepare("MATCH (n RETURN n");
    CHECK_FALSE(bad.ok());
    CHECK(bad.error().code == "SyntaxError");
    CHECK(bad.error().line == 1);
    CHECK(bad.error().column > 1);
    Result r = bad.execute();
    CHECK_FALSE(r.ok());
    CHECK(r.error().message == bad.error().message);

    PreparedStatement two = db.prepare("RETURN 1; RETURN 2");
    CHECK_FALSE(two.ok());
    CHECK(two.error().code == "InvalidPrepare");
    CHECK_FALSE(db.prepare("  ").ok());

    PreparedStatement none;
    CHECK_FALSE(none.ok());
    CHECK(none.execute().error().code == "NotPrepared");
}

TEST_CASE("prepared: missing parameters and unknown names fail at execute, then work once fixed") {
    Database db;
    PreparedStatement p = db.prepare("RETURN $x + 1 AS y");
    REQUIRE(p.ok());
    Result missing = p.execute();
    CHECK_FALSE(missing.ok());
    CHECK(missing.error().code == "ParameterMissing");
    CHECK(single_int(p.execute({{"x", Value(std::int64_t(41))}})) == 42);
    // Another parameter type is another binding: a string concatenates.
    Result s = p.execute({{"x", Value(std::string("a"))}});
    REQUIRE(s.ok());
    CHECK(s.at(0, 0).as_string() == "a1");
    CHECK(single_int(p.execute({{"x", Value(std::int64_t(1))}})) == 2);
}

TEST_CASE("prepared: a kept plan follows schema changes (open and strict mode)") {
    Database db;
    PreparedStatement count = db.prepare("MATCH (n:Later) RETURN count(n)");
    CHECK(single_int(count.execute()) == 0);  // the label does not exist yet
    REQUIRE(db.execute("CREATE (:Later), (:Later)").ok());
    CHECK(single_int(count.execute()) == 2);

    // A label made and rolled back inside a transaction: the plan made while it existed is not reused.
    PreparedStatement other = db.prepare("MATCH (n:Transient) RETURN count(n)");
    REQUIRE(db.execute("BEGIN").ok());
    REQUIRE(db.execute("CREATE (:Transient)").ok());
    CHECK(single_int(other.execute()) == 1);
    REQUIRE(db.execute("ROLLBACK").ok());
    CHECK(single_int(other.execute()) == 0);

    // Strict mode: an unknown type is an error until it is declared.
    Database strict;
    REQUIRE(strict.execute("CREATE NODE TYPE A (id INTEGER KEY)").ok());
    PreparedStatement q = strict.prepare("MATCH (b:B) RETURN count(b)");
    Result before = q.execute();
    CHECK_FALSE(before.ok());
    REQUIRE(strict.execute("CREATE NODE TYPE B (id INTEGER KEY)").ok());
    REQUIRE(strict.execute("CREATE (:B {id: 1})").ok());
    CHECK(single_int(q.execute()) == 1);
}

TEST_CASE("prepared: a procedure registered after planning is seen") {
    Database db;
    PreparedStatement call = db.prepare("CALL test.lookup('x') YIELD v RETURN v");
    CHECK_FALSE(call.execute().ok());
    REQUIRE(db.register_procedure("test.lookup", {{"k", "STRING"}}, {{"v", "INTEGER"}},
                                  {{Value(std::string("x")), Value(std::int64_t(7))}}));
    CHECK(single_int(call.execute()) == 7);
    REQUIRE(db.register_procedure("test.lookup", {{"k", "STRING"}}, {{"v", "INTEGER"}},
                                  {{Value(std::string("x")), Value(std::int64_t(8))}}));
    CHECK(single_int(call.execute()) == 8);
}

TEST_CASE("prepared: writes run each time; a graph that grows is planned again with the same answers") {
    Database db;
    PreparedStatement add = db.prepare("CREATE (:P {v: $v})-[:R]->(:Q {v: $v})");
    PreparedStatement pairs = db.prepare("MATCH (p:P)-[:R]->(q:Q) WHERE p.v = q.v RETURN count(*)");
    for (std::int64_t i = 0; i < 50; ++i) {
        Result r = add.execute({{"v", Value(i)}});
        REQUIRE(r.ok());
        CHECK(r.stats().nodes_created == 2);
    }
    CHECK(single_int(pairs.execute()) == 50);
    // Past twice the planned size (and the slack): planned again, still the same count.
    REQUIRE(db.execute("UNWIND range(1, 3000) AS i CREATE (:P {v: -i})-[:R]->(:Q {v: -i})").ok());
    CHECK(single_int(pairs.execute()) == 3050);
    CHECK(single_int(db.execute("MATCH (p:P)-[:R]->(q:Q) WHERE p.v = q.v RETURN count(*)")) == 3050);
}

TEST_CASE("plan cache: execute of the same text twice, EXPLAIN and PROFILE, --continue scripts") {
    Database db;
    REQUIRE(db.execute("CREATE (:A {x: 1}), (:A {x: 2})").ok());
    const std::string text = "MATCH (a:A) RETURN a.x ORDER BY a.x";
    Result first = db.execute(text);
    Result second = db.execute(text);
    CHECK(first.rows() == second.rows());
    CHECK(second.row_count() == 2);
    Result explain = db.execute("EXPLAIN " + text);
    CHECK(explain.message().find("NodeScan") != std::string::npos);
    CHECK(db.prepare("PROFILE " + text).execute().message().find("rows") != std::string::npos);
    // A script with a syntax error run with continue_on_error is not kept half-blanked:
    // fixed, the whole of it runs.
    ExecuteOptions options;
    options.continue_on_error = true;
    int ok = 0, failed = 0;
    db.run("RETURN 1; RETURN (; RETURN 3", {}, options, [&](const Result& r) {
        (r.ok() ? ok : failed)++;
        return true;
    });
    CHECK(ok == 2);
    CHECK(failed == 1);
    ok = failed = 0;
    db.run("RETURN 1; RETURN (2); RETURN 3", {}, options, [&](const Result& r) {
        (r.ok() ? ok : failed)++;
        return true;
    });
    CHECK(ok == 3);
    CHECK(failed == 0);
}

TEST_CASE("prepared: threads execute one statement at once; a statement outliving its Database fails cleanly") {
    PreparedStatement orphan;
    {
        Database db;
        REQUIRE(db.execute("UNWIND range(1, 100) AS i CREATE (:N {i: i})").ok());
        PreparedStatement sum = db.prepare("MATCH (n:N) WHERE n.i <= $k RETURN sum(n.i)");
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (std::int64_t k = 1 + t; k <= 100; k += 4) {
                    Result r = sum.execute({{"k", Value(k)}});
                    if (!r.ok() || r.at(0, 0).as_int() != k * (k + 1) / 2) ++wrong;
                }
            });
        }
        for (auto& t : threads) t.join();
        CHECK(wrong == 0);
        orphan = sum;
    }
    Result r = orphan.execute({{"k", Value(std::int64_t(1))}});
    CHECK_FALSE(r.ok());
    CHECK(r.error().code == "DatabaseClosed");
}
