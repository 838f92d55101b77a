// tests/unit/engine/test_bad_input.cpp — input that once crashed, hung or slipped through
// (issue 10): COPY and IMPORT STIX of what is not a regular file (a directory, /dev/zero, a
// named pipe), JSON nested 20,000 deep, invalid UTF-8 in query text, CSV fields and STIX
// strings. Each must be a clear error with its position, leave nothing written, and leave
// the database usable.
#include "temp_dir.hpp"

#include "kgq/database.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

using namespace kgq;
using kgq::engine_test::TempDir;

namespace {

std::int64_t node_count(Database& db) {
    Result r = db.execute("MATCH (n) RETURN count(n)");
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    return r.at(0, 0).as_int();
}

// Runs text, which must fail with an Io error whose message holds `needle`, writing nothing.
void refused(Database& db, const std::string& text, const std::string& needle) {
    const std::int64_t before = node_count(db);
    Result r = db.execute(text);
    REQUIRE_FALSE(r.ok());
    CHECK_MESSAGE(r.error().message.find(needle) != std::string::npos, r.error().to_string());
    CHECK(node_count(db) == before);
}

}  // namespace

TEST_CASE("COPY and IMPORT STIX read only regular files") {
    TempDir dir;
    Database db;
    REQUIRE(db.execute("CREATE (:Kept)").ok());
    const std::string folder = dir.path().string();
    refused(db, "COPY Person FROM '" + folder + "'", "it is a directory");
    refused(db, "IMPORT STIX '" + folder + "'", "it is a directory");
    refused(db, "COPY Person FROM '/dev/zero'", "it is a character device");
    refused(db, "IMPORT STIX '/dev/zero'", "it is a character device");
    const std::string fifo = (dir.path() / "pipe").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // Opening a FIFO with no writer would block forever: it must be refused before that.
    refused(db, "COPY Person FROM '" + fifo + "'", "it is a named pipe");
    refused(db, "IMPORT STIX '" + fifo + "'", "it is a named pipe");
    refused(db, "IMPORT STIX '" + folder + "/missing.json'", "Cannot open");
    CHECK(db.execute("RETURN 1").ok());
}

TEST_CASE("IMPORT STIX of JSON nested 20,000 deep is refused, not a stack overflow") {
    TempDir dir;
    Database db;
    const std::string deep = std::string(20000, '[') + std::string(20000, ']');
    const std::string path = dir.write("deep.json", R"({"type": "bundle", "id": "bundle--1", "objects": [)"
                                                    R"({"type": "note", "id": "note--1", "content": )" +
                                                        deep + "}]}");
    refused(db, "IMPORT STIX '" + path + "'", "nested more than 512 levels");
    // Brackets inside strings are text, not nesting.
    const std::string text_path = dir.write(
        "brackets.json",
        R"({"type": "bundle", "id": "bundle--2", "objects": [{"type": "note", "id": "note--00000000-0000-4000-8000-000000000001", "spec_version": "2.1", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z", "content": ")" +
            std::string(2000, '[') + R"(", "object_refs": []}]})");
    Result ok = db.execute("IMPORT STIX '" + text_path + "'");
    CHECK_MESSAGE(ok.ok(), ok.error().to_string());
}

TEST_CASE("Invalid UTF-8 is an error with its position, never bytes passed through") {
    TempDir dir;
    Database db;
    REQUIRE(db.execute("CREATE (:Kept)").ok());

    SUBCASE("in query text") {
        Result r = db.execute("CREATE (:X {name: 'ok'})\nRETURN 'b\xff' AS s");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::Syntax);
        CHECK(r.error().detail == "InvalidUnicodeCharacter");
        CHECK(r.error().line == 2);
        CHECK(r.error().column == 10);
        CHECK(node_count(db) == 1);
        // Overlong forms, surrogates and truncated sequences are invalid too; real text is not.
        for (const char* bad :
             {"RETURN '\xc0\xaf'", "RETURN '\xed\xa0\x80'", "RETURN '\xe2\x82'", "RETURN '\xf4\x90\x80\x80'"})
            CHECK_FALSE(db.execute(bad).ok());
        Result good = db.execute("RETURN 'People\xe2\x80\x99s \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x94\xa5' AS s");
        REQUIRE(good.ok());
        CHECK(good.at(0, 0).as_string() == "People\xe2\x80\x99s \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x94\xa5");
    }
    SUBCASE("in a CSV field, at file:line:column") {
        const std::string path = dir.write("people.csv", "id:ID,name\n1,Ann\n2,B\xc3\xb6\xff\n");
        refused(db, "COPY Person FROM '" + path + "'", "people.csv:3:5: invalid UTF-8 (byte 0xFF)");
    }
    SUBCASE("in a STIX string, at file:line:column") {
        const std::string path = dir.write("bad.json",
                                           "{\"type\": \"bundle\", \"id\": \"bundle--1\",\n\"objects\": [{\"type\": "
                                           "\"note\", \"id\": \"note--1\", \"content\": \"x\xfe\"}]}");
        refused(db, "IMPORT STIX '" + path + "'", "bad.json:2:60: invalid UTF-8 (byte 0xFE)");
    }
}

TEST_CASE("Open-mode COPY refuses duplicate :ID values, in the file and against stored nodes") {
    TempDir dir;
    Database db;
    const std::string dup = dir.write("dup.csv", "id:ID,name\n1,Ann\n2,Bob\n1,Cat\n");
    refused(db, "COPY Person FROM '" + dup + "'", "dup.csv:4:1: duplicate ID '1' in ID space Person (first on line 2)");
    CHECK(node_count(db) == 0);
    const std::string one = dir.write("one.csv", "id:ID,name\n7,Ann\n");
    REQUIRE(db.execute("COPY Person FROM '" + one + "'").ok());
    refused(db, "COPY Person FROM '" + one + "'",
            "duplicate ID '7' in ID space Person (a node of the graph has it already)");
    // Another ID space may reuse the ID.
    CHECK(db.execute("COPY Company FROM '" + one + "'").ok());
    CHECK(node_count(db) == 2);
}

TEST_CASE("the error of a statement that succeeded is empty, not undefined") {
    kgq::Database db;
    kgq::Result r = db.execute("RETURN 1 AS x");
    REQUIRE(r.ok());
    CHECK(r.error().message.empty());
    CHECK(r.error().code.empty());
    CHECK(r.error().line == 0);
    CHECK_FALSE(r.error().to_string().empty());  // "Runtime error: " and nothing after it
    kgq::Result empty;
    CHECK(empty.ok());
    CHECK(empty.error().message.empty());
}

TEST_CASE("with continue_on_error a syntax error costs only its statement, reported in its place") {
    kgq::Database db;
    kgq::ExecuteOptions options;
    options.continue_on_error = true;
    std::vector<std::string> seen;
    const bool ok = db.run(
        "CREATE (:A {n: 1});\nRETURN 1 +;\nMATCH (a:A) RETURN a.n;\nRETURN 'x' AS s; RETURN (;\nRETURN 2", {}, options,
        [&](const kgq::Result& r) {
            seen.push_back(r.ok() ? "ok " + std::to_string(r.line())
                                  : "error " + std::to_string(r.error().line) + ":" + std::to_string(r.error().column));
            return true;
        });
    CHECK_FALSE(ok);
    CHECK(seen == std::vector<std::string>{"ok 1", "error 2:11", "ok 3", "ok 4", "error 4:26", "ok 5"});
    CHECK(db.execute("MATCH (a:A) RETURN count(a)").at(0, 0).as_int() == 1);
    // Without it, nothing of a script with a syntax error runs.
    kgq::Database strict;
    seen.clear();
    strict.run("CREATE (:A);\nRETURN 1 +;", {}, {}, [&](const kgq::Result& r) {
        seen.push_back(r.ok() ? "ok" : "error");
        return true;
    });
    CHECK(seen == std::vector<std::string>{"error"});
    CHECK(strict.execute("MATCH (a) RETURN count(a)").at(0, 0).as_int() == 0);
}
