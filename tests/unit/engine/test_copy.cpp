// tests/unit/engine/test_copy.cpp — COPY ... FROM through kgq::Database: typed columns,
// quoting, delimiters, arrays, :LABEL/:TYPE/:IGNORE, relationship files resolved through ID
// spaces, declared schemas (KEY, coercion, HEADER false), and errors that name file:line:column
// and leave nothing written.
#include "temp_dir.hpp"

#include "kgq/database.hpp"

#include <doctest/doctest.h>

using namespace kgq;
using kgq::engine_test::TempDir;

namespace {

std::string copy(const std::string& table, const std::string& path, const std::string& options = "") {
    return "COPY " + table + " FROM '" + path + "'" + (options.empty() ? "" : " (" + options + ")");
}

std::int64_t count(Database& db, const std::string& query) {
    Result r = db.execute(query);
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    REQUIRE(r.row_count() == 1);
    return r.at(0, 0).as_int();
}

Result must(Database& db, const std::string& text) {
    Result r = db.execute(text);
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    return r;
}

}  // namespace

TEST_CASE("COPY nodes: typed columns, quoting, arrays, :IGNORE") {
    TempDir dir;
    std::string people =
        dir.write("people.csv",
                  "id:ID(Person),name,age:int,score:float,born:date,tags:string[],active:boolean,x:IGNORE\n"
                  "1,Ann,31,1.5,1990-05-01,a;b,true,zzz\n"
                  "2,\"Smith, \"\"Bo\"\"\",,2,1985-12-31,,false,\n"
                  "3,\"multi\nline\",7,0.25,,c,,\n");
    Database db;
    Result r = must(db, copy("Person", people));
    CHECK(r.stats().nodes_created == 3);
    CHECK(r.message().find("3 nodes") != std::string::npos);
    Result q =
        must(db, "MATCH (p:Person) RETURN p.id, p.name, p.age, p.score, p.born, p.tags, p.active, p.x ORDER BY p.id");
    REQUIRE(q.row_count() == 3);
    CHECK(q.at(0, 0) == Value("1"));  // IDs are strings unless typed (Neo4j's default)
    CHECK(q.at(0, 1) == Value("Ann"));
    CHECK(q.at(0, 2) == Value(31));
    CHECK(q.at(0, 3) == Value(1.5));
    CHECK(q.at(0, 4).kind() == ValueKind::Date);
    CHECK(q.at(0, 5) == Value(List{Value("a"), Value("b")}));
    CHECK(q.at(0, 6) == Value(true));
    CHECK(q.at(0, 7).is_null());
    CHECK(q.at(1, 1) == Value("Smith, \"Bo\""));
    CHECK(q.at(1, 2).is_null());
    CHECK(q.at(1, 3) == Value(2.0));
    CHECK(q.at(2, 1) == Value("multi\nline"));
    CHECK(q.at(2, 4).is_null());
}

TEST_CASE("COPY relationships: ID spaces, delimiter and array delimiter options, :TYPE") {
    TempDir dir;
    std::string people = dir.write("p.csv", "id:ID(Person)|name|nick:string[]\n10|Ann|a,b\n20|Bo|\n30|Cy|c\n");
    std::string city = dir.write("c.csv", "id:ID(City)|name\n1|Oslo\n");
    std::string knows =
        dir.write("k.csv", ":START_ID(Person)|:END_ID(Person)|since:int|:TYPE\n10|20|2001|\n20|30|2002|LIKES\n");
    std::string lives = dir.write("l.csv", ":START_ID(Person)|:END_ID(City)\n10|1\n30|1\n");
    Database db;
    must(db, copy("Person", people, "DELIM '|', ARRAY_DELIM ',', ID_TYPE 'int'"));
    must(db, copy("City", city, "DELIM '|', ID_TYPE 'int'"));
    Result r = must(db, copy("KNOWS", knows, "DELIM '|'"));
    CHECK(r.stats().relationships_created == 2);
    must(db, copy("LIVES_IN", lives, "DELIM '|', HEADER true"));
    CHECK(count(db, "MATCH (p:Person {name: 'Ann'}) RETURN size(p.nick)") == 2);
    CHECK(count(db, "MATCH (:Person {name: 'Ann'})-[k:KNOWS]->(:Person {name: 'Bo'}) RETURN k.since") == 2001);
    CHECK(count(db, "MATCH (:Person {name: 'Bo'})-[:LIKES]->(:Person {name: 'Cy'}) RETURN count(*)") == 1);
    CHECK(count(db, "MATCH (:Person)-[:LIVES_IN]->(c:City {name: 'Oslo'}) RETURN count(*)") == 2);
}

TEST_CASE("COPY with :LABEL columns and START_ID/END_ID options") {
    TempDir dir;
    std::string things = dir.write("t.csv", "id:ID,:LABEL\na,Red;Big\nb,\n");
    std::string links = dir.write("r.csv", ":START_ID,:END_ID\na,b\n");
    Database db;
    must(db, copy("Thing", things));
    CHECK(count(db, "MATCH (t:Thing:Red:Big) RETURN count(*)") == 1);
    CHECK(count(db, "MATCH (t:Thing) RETURN count(*)") == 2);
    Result missing = db.execute(copy("LINK", links));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("r.csv:1:1: :START_ID names no ID space") != std::string::npos);
    must(db, copy("LINK", links, "START_ID 'Thing', END_ID 'Thing'"));
    CHECK(count(db, "MATCH (:Thing {id: 'a'})-[:LINK]->(:Thing {id: 'b'}) RETURN count(*)") == 1);
}

TEST_CASE("COPY into a declared schema: KEY lookups, coercion, subtypes, HEADER false") {
    TempDir dir;
    Database db;
    must(db, "CREATE ABSTRACT NODE TYPE Message (id INT KEY, length INT)");
    must(db, "CREATE NODE TYPE Post UNDER Message (lang STRING)");
    must(db, "CREATE NODE TYPE Comment UNDER Message");
    must(db, "CREATE NODE TYPE Person (id INT KEY, weight FLOAT)");
    must(db, "CREATE RELATION TYPE HAS_CREATOR (FROM Message TO Person)");
    must(db, "CREATE RELATION TYPE REPLY_OF (FROM Comment TO Message)");
    must(db, copy("Person", dir.write("person.csv", "1,70\n2,80.5\n"), "HEADER false"));
    CHECK(count(db, "MATCH (p:Person) WHERE p.weight = 70.0 RETURN count(*)") == 1);
    must(db, copy("Post", dir.write("post.csv", "id:ID(Post),length,lang\n100,5,en\n")));
    must(db, copy("Message", dir.write("msg.csv", "id:ID,:LABEL,length\n200,Comment,3\n201,Comment,4\n")));
    CHECK(count(db, "MATCH (m:Message) RETURN count(*)") == 3);
    CHECK(count(db, "MATCH (c:Comment) RETURN count(*)") == 2);
    // ID spaces may name a supertype: REPLY_OF ends at Posts or Comments.
    must(db, copy("REPLY_OF", dir.write("reply.csv", ":START_ID(Comment),:END_ID(Message)\n200,100\n201,200\n")));
    must(db,
         copy("HAS_CREATOR", dir.write("creator.csv", ":START_ID(Message),:END_ID(Person)\n100,1\n200,2\n201,2\n")));
    CHECK(count(db, "MATCH (:Comment)-[:REPLY_OF]->(:Message)-[:HAS_CREATOR]->(p:Person) RETURN count(*)") == 2);
}

TEST_CASE("COPY errors name file:line:column and leave nothing behind") {
    TempDir dir;
    Database db;
    auto fails = [&](const std::string& statement, const std::string& expected, ErrorKind kind = ErrorKind::Io) {
        Result r = db.execute(statement);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == kind);
        CHECK_MESSAGE(r.error().message.find(expected) != std::string::npos, r.error().message);
        return r.error();
    };
    std::string bad_int = dir.write("bad.csv", "id:ID(P),age:int\n1,10\n2,x1\n");
    Error e = fails(copy("P", bad_int), "bad.csv:3:3: 'x1' is not an INTEGER");
    CHECK(e.line == 1);  // the statement's position in the script
    CHECK(count(db, "MATCH (n) RETURN count(*)") == 0);

    fails(copy("P", dir.write("quote.csv", "id:ID(P),name\n1,ok\n2,\"open\n")),
          "quote.csv:3:3: unterminated quoted field");
    fails(copy("P", dir.write("width.csv", "id:ID(P),name\n1,a,b\n")),
          "width.csv:2:5: expected 2 fields as in the header, found 3");
    fails(copy("P", dir.write("empty.csv", "")), "empty.csv:1:1: empty file");
    fails(copy("P", (dir.path() / "absent.csv").string()), "Cannot open");
    CHECK(count(db, "MATCH (n) RETURN count(*)") == 0);

    must(db, copy("P", dir.write("good.csv", "id:ID(P)\n1\n2\n")));
    fails(copy("R", dir.write("dangling.csv", ":START_ID(P),:END_ID(P)\n1,2\n2,3\n")),
          "dangling.csv:3:3: no P node has id 3");
    fails(copy("R", dir.write("space.csv", ":START_ID(P),:END_ID(Q)\n1,2\n")),
          "space.csv:1:14: :END_ID ID space 'Q' is no node label");
    CHECK(count(db, "MATCH ()-[r]->() RETURN count(*)") == 0);
    CHECK(count(db, "MATCH (n) RETURN count(*)") == 2);

    // No KEY, yet one :ID names one node: a duplicate is refused where it appears (issue 10).
    fails(copy("D", dir.write("dup.csv", "id:ID(D)\n7\n7\n")),
          "dup.csv:3:1: duplicate ID '7' in ID space D (first on line 2)");
    must(db, "CREATE (:D {id: '7'}), (:D {id: '7'})");  // written by statements, not COPY
    fails(copy("R", dir.write("to_dup.csv", ":START_ID(D),:END_ID(D)\n7,7\n")), "ID space D: two nodes have id '7'");

    fails("COPY P FROM 'x.csv' (DELIM 'ab')", "one-character string", ErrorKind::Semantic);
    fails("COPY P FROM 'x.csv' (COLOUR 'red')", "Unknown COPY option", ErrorKind::Semantic);
}

TEST_CASE("COPY errors against a declared schema") {
    TempDir dir;
    Database db;
    must(db, "CREATE NODE TYPE Person (id INT KEY, age INT)");
    must(db, "CREATE NODE TYPE City (id INT KEY)");
    must(db, "CREATE RELATION TYPE LIVES_IN (FROM Person TO City)");
    auto fails = [&](const std::string& statement, const std::string& expected) {
        Result r = db.execute(statement);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::Schema);
        CHECK_MESSAGE(r.error().message.find(expected) != std::string::npos, r.error().message);
    };
    fails(copy("Person", dir.write("a.csv", "id:ID,height:int\n1,2\n")),
          "a.csv:1:7: node type Person has no property 'height'");
    fails(copy("Person", dir.write("b.csv", "id:ID,age:float\n1,2.5\n")),
          "b.csv:2:3: property Person.age is declared INT");
    fails(copy("Person", dir.write("c.csv", "id:ID\n1\n1\n")), "c.csv:3:1:");
    fails(copy("Nobody", dir.write("d.csv", "id:ID\n1\n")), "unknown node type 'Nobody'");
    must(db, copy("Person", dir.write("p.csv", "id:ID\n1\n")));
    must(db, copy("City", dir.write("city.csv", "id:ID\n5\n")));
    fails(copy("LIVES_IN", dir.write("e.csv", ":START_ID(City),:END_ID(Person)\n5,1\n")),
          "e.csv:2:1: relation type LIVES_IN does not go from City to Person");
    CHECK(count(db, "MATCH (n) RETURN count(*)") == 2);
}

TEST_CASE("COPY paths are relative to the script") {
    TempDir dir;
    dir.write("n.csv", "id:ID(N)\n1\n");
    Database db;
    ExecuteOptions options;
    options.source_name = (dir.path() / "load.kgq").string();
    bool ok = db.run("COPY N FROM 'n.csv'", {}, options, [](const Result& r) {
        CHECK_MESSAGE(r.ok(), r.error().to_string());
        return true;
    });
    CHECK(ok);
    CHECK(count(db, "MATCH (n:N) RETURN count(*)") == 1);
}
