// tests/unit/engine/test_database_file.cpp — database files (issue 11 a): a graph written
// through a file-backed Database reads back the same as the same statements give in memory
// (after a clean close, after a crash that skips the close, and after a checkpoint); torn,
// damaged, truncated, foreign and future-version files are clear errors; the lock keeps a
// second writer out; read-only opens refuse writes; transactions commit or vanish whole; and
// a writer killed with SIGKILL at random moments loses no acknowledged statement.
#include "temp_dir.hpp"

#include "kgq/database.hpp"
#include "kgq/error.hpp"
#include "persist/checksum.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

using namespace kgq;
using kgq::engine_test::slurp;
using kgq::engine_test::TempDir;
namespace fs = std::filesystem;

namespace {

void spit(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

void run(Database& db, const std::string& text) {
    Result r = db.execute(text);
    REQUIRE_MESSAGE(r.ok(), text << ": " << r.error().to_string());
}

std::int64_t count_of(Database& db, const std::string& query) {
    Result r = db.execute(query);
    REQUIRE_MESSAGE(r.ok(), query << ": " << r.error().to_string());
    return r.rows().at(0).at(0).as_int();
}

// Everything a user can see of the graph, as text: nodes with ids, labels and properties,
// relationships with ids, types, endpoints and properties, and the schema.
std::string dump(Database& db) {
    std::string out;
    for (const char* query : {"MATCH (n) RETURN id(n), labels(n), properties(n) ORDER BY id(n)",
                              "MATCH (a)-[r]->(b) RETURN id(r), type(r), id(a), id(b), properties(r) ORDER BY id(r)"}) {
        Result r = db.execute(query);
        REQUIRE_MESSAGE(r.ok(), r.error().to_string());
        for (const auto& row : r.rows()) {
            for (const auto& v : row) out += v.to_string() + " ";
            out += "\n";
        }
    }
    SchemaInfo schema = db.schema();
    for (const auto& t : schema.entity_types) {
        out += "type " + t.name + " " + std::to_string(t.count) + ":";
        for (const auto& p : t.properties) out += " " + p.name + " " + p.type + (p.key ? " KEY" : "");
        out += "\n";
    }
    for (const auto& t : schema.relation_types) {
        out += "rel " + t.name + " " + std::to_string(t.count) + ":";
        for (const auto& [from, to] : t.endpoints) out += " " + from + "->" + to;
        for (const auto& p : t.properties) out += " " + p.name + " " + p.type;
        out += "\n";
    }
    return out;
}

// Runs `body` in a child process that ends with _exit: no destructor, no checkpoint, as if
// the process had crashed right after its last statement returned.
template <class Body>
void in_crashing_child(Body&& body) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int status = 0;
        try {
            body();
        } catch (...) {
            status = 3;
        }
        ::_exit(status);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

Error open_error(const std::string& path, OpenOptions options = {}) {
    try {
        Database db = Database::open(path, options);
    } catch (const Exception& e) {
        return e.error();
    }
    FAIL("opened " << path);
    return {};
}

const char* const strict_script = R"(
CREATE NODE TYPE Actor (name STRING KEY, aliases LIST<STRING>, first_seen DATE, score FLOAT);
CREATE NODE TYPE IntrusionSet UNDER Actor (sponsor STRING);
CREATE NODE TYPE Malware (name STRING KEY, family BOOLEAN);
CREATE RELATION TYPE USES (FROM Actor TO Malware, since DATETIME, weight INT);
CREATE (:IntrusionSet {name: 'UNC4841', aliases: ['a', 'b'], first_seen: date('2022-10-10'), score: 0.5, sponsor: 'PRC'});
CREATE (:Actor {name: 'Unknown', score: -0.0});
CREATE (:Malware {name: 'SALTWATER', family: true}), (:Malware {name: 'SEASPY', family: false});
MATCH (a:Actor {name: 'UNC4841'}), (m:Malware) CREATE (a)-[:USES {since: datetime('2023-05-18T10:00:00+02:00'), weight: 3}]->(m);
MATCH (m:Malware {name: 'SEASPY'}) SET m.family = null;
MATCH (a:Actor {name: 'Unknown'}) DETACH DELETE a;
CREATE (:Actor {name: 'Later'});
MATCH (a:Actor {name: 'UNC4841'}) SET a.name = 'UNC4841 (renamed)';
)";

const char* const open_script = R"(
CREATE (:A:B {x: 1, s: 'ü€😀', l: [1.5, 2.5], t: localtime('12:30'), d: duration('P1Y2M3DT4H')});
CREATE (:A {x: 2})-[:R {w: 0.25}]->(:C {y: 'z'});
MATCH (n:A {x: 1}) SET n:D REMOVE n:B SET n.x = 10;
MATCH ()-[r:R]->() SET r.w = 1.0e300;
CREATE (:E)-[:S]->(:E);
MATCH (e:E)-[s:S]->() DELETE s;
UNWIND range(1, 50) AS i CREATE (:Many {i: i, f: toFloat(i) / 3});
MATCH (m:Many) WHERE m.i % 7 = 0 DELETE m;
CREATE (:A {x: 3, tz: datetime('2024-03-31T02:30:00[Europe/Stockholm]')});
)";

}  // namespace

// A write each script's schema allows, for after the reopen.
std::string later_write(const char* script) {
    return script == strict_script ? "CREATE (:Malware {name: 'Z'})" : "CREATE (:Z {n: 1})";
}

TEST_CASE("a database file reads back what the statements wrote, as in memory") {
    for (const char* script : {strict_script, open_script}) {
        TempDir dir;
        const std::string path = (dir.path() / "g.kgqdb").string();
        Database memory;
        run(memory, script);
        const std::string expected = dump(memory);
        {
            Database db = Database::open(path);
            CHECK(db.path() == path);
            CHECK(db.recovery_note().empty());
            run(db, script);
            CHECK(dump(db) == expected);
        }  // closed: a checkpoint
        CHECK(fs::file_size(path + ".wal") == 32);  // the log is empty after the close
        {
            Database db = Database::open(path);
            CHECK(db.recovery_note().empty());
            CHECK(dump(db) == expected);
            // Ids go on from the same place: the next node gets the id it gets in memory.
            run(db, later_write(script));
            run(memory, later_write(script));
            CHECK(dump(db) == dump(memory));
        }
        Database again = Database::open(path);
        CHECK(dump(again) == dump(memory));
    }
}

TEST_CASE("a crash after a commit loses nothing: the log replays it") {
    for (const char* script : {strict_script, open_script}) {
        TempDir dir;
        const std::string path = (dir.path() / "g.kgqdb").string();
        Database memory;
        run(memory, script);
        in_crashing_child([&] {
            Database db = Database::open(path);
            if (!db.execute(script).ok()) ::_exit(4);
            std::exit(0);  // no destructor of db runs: nothing is checkpointed
        });
        CHECK(fs::file_size(path + ".wal") > 32);
        Database db = Database::open(path);
        CHECK(db.recovery_note().find("replayed") != std::string::npos);
        CHECK(dump(db) == dump(memory));
        // Writes after the recovery go on the replayed graph, and the next crash keeps them too.
        run(memory, later_write(script));
        run(db, later_write(script));
        CHECK(dump(db) == dump(memory));
    }
}

TEST_CASE("transactions are durable whole or not at all") {
    TempDir dir;
    const std::string path = (dir.path() / "t.kgqdb").string();
    in_crashing_child([&] {
        Database db = Database::open(path);
        auto ok = [&](const char* q) {
            if (!db.execute(q).ok()) ::_exit(5);
        };
        ok("BEGIN");
        ok("CREATE (:T {k: 1})");
        ok("CREATE (:T {k: 2})");
        if (db.execute("CREATE (:T {k: 1/0})").ok()) ::_exit(6);  // fails alone, the transaction goes on
        ok("COMMIT");
        ok("BEGIN");
        ok("CREATE (:T {k: 3})");
        ok("ROLLBACK");
        ok("BEGIN");
        ok("CREATE (:T {k: 4})");  // never committed: the crash comes first
        std::exit(0);
    });
    Database db = Database::open(path);
    CHECK(count_of(db, "MATCH (t:T) RETURN count(t)") == 2);
    CHECK(count_of(db, "MATCH (t:T) RETURN sum(t.k)") == 3);
}

TEST_CASE("a statement larger than the checkpoint threshold commits by a snapshot") {
    TempDir dir;
    const std::string path = (dir.path() / "bulk.kgqdb").string();
    OpenOptions options;
    options.checkpoint_threshold = 4096;
    in_crashing_child([&] {
        Database db = Database::open(path, options);
        if (!db.execute("UNWIND range(1, 5000) AS i CREATE (:N {i: i})").ok()) ::_exit(4);
        if (::access((path + ".wal").c_str(), F_OK) != 0) ::_exit(5);
        // Small commits go to the log; once it passes the threshold a checkpoint empties it.
        for (int i = 0; i < 200; ++i)
            if (!db.execute("CREATE (:Small {i: " + std::to_string(i) + "})").ok()) ::_exit(6);
        std::exit(0);
    });
    CHECK(fs::file_size(path + ".wal") < 4096 + 200);
    Database db = Database::open(path, options);
    CHECK(count_of(db, "MATCH (n:N) RETURN count(n)") == 5000);
    CHECK(count_of(db, "MATCH (n:N) RETURN sum(n.i)") == 5000 * 5001 / 2);
    CHECK(count_of(db, "MATCH (n:Small) RETURN count(n)") == 200);
}

TEST_CASE("CHECKPOINT writes the snapshot and empties the log") {
    TempDir dir;
    const std::string path = (dir.path() / "c.kgqdb").string();
    Database db = Database::open(path);
    run(db, "CREATE (:A {x: 1})");
    CHECK(fs::file_size(path + ".wal") > 32);
    Result r = db.execute("CHECKPOINT");
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    CHECK(fs::file_size(path + ".wal") == 32);
    CHECK(r.message().find("Checkpoint") != std::string::npos);
    run(db, "BEGIN");
    Result inside = db.execute("CHECKPOINT");
    CHECK_FALSE(inside.ok());
    run(db, "ROLLBACK");

    // Assigning over a Database closes its file as destroying it does: a checkpoint.
    run(db, "CREATE (:A {x: 2})");
    CHECK(fs::file_size(path + ".wal") > 32);
    db = Database();
    CHECK(fs::file_size(path + ".wal") == 32);
    Database reopened = Database::open(path);
    CHECK(count_of(reopened, "MATCH (a:A) RETURN count(a)") == 2);

    Database memory;
    Result none = memory.execute("CHECKPOINT");
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.find("in memory") != std::string::npos);
}

TEST_CASE("save_as writes an in-memory graph to a database file") {
    TempDir dir;
    const std::string path = (dir.path() / "copy.kgqdb").string();
    Database memory;
    run(memory, strict_script);
    memory.save_as(path);
    Database db = Database::open(path);
    CHECK(dump(db) == dump(memory));
    // Over an older database: the copy replaces it, and that database's log does not replay.
    db.execute("CREATE (:Actor {name: 'only in the old one'})");
    Database other;
    run(other, "CREATE (:Fresh)");
    CHECK_THROWS_AS(other.save_as(path), Exception);  // it is open (locked) right now
    db = Database();
    other.save_as(path);
    Database reopened = Database::open(path);
    CHECK(dump(reopened) == dump(other));
}

TEST_CASE("the lock: one writer, or any number of readers") {
    TempDir dir;
    const std::string path = (dir.path() / "l.kgqdb").string();
    {
        Database writer = Database::open(path);
        run(writer, "CREATE (:A)");
        Error second = open_error(path);
        CHECK(second.code == "DatabaseLocked");
        CHECK(second.message.find(path) != std::string::npos);
        OpenOptions read_only;
        read_only.read_only = true;
        CHECK(open_error(path, read_only).code == "DatabaseLocked");
    }
    OpenOptions read_only;
    read_only.read_only = true;
    Database r1 = Database::open(path, read_only);
    Database r2 = Database::open(path, read_only);
    CHECK(r1.read_only());
    CHECK(count_of(r1, "MATCH (n) RETURN count(n)") == 1);
    CHECK(count_of(r2, "MATCH (n) RETURN count(n)") == 1);
    CHECK(open_error(path).code == "DatabaseLocked");
    for (const char* write : {"CREATE (:B)", "MATCH (n) SET n.x = 1", "CREATE NODE TYPE X (a INT)", "CHECKPOINT"}) {
        Result r = r1.execute(write);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "DatabaseReadOnly");
    }
    CHECK(count_of(r1, "MATCH (n) RETURN count(n)") == 1);
    // A missing file is not created by a read-only open.
    CHECK(open_error((dir.path() / "missing.kgqdb").string(), read_only).code == "DatabaseIo");
    CHECK_FALSE(fs::exists(dir.path() / "missing.kgqdb"));
    OpenOptions no_create;
    no_create.create = false;
    CHECK(open_error((dir.path() / "missing.kgqdb").string(), no_create).code == "DatabaseIo");
}

TEST_CASE("damaged, truncated, foreign and future files are errors that name the file") {
    TempDir dir;
    const std::string path = (dir.path() / "d.kgqdb").string();
    {
        Database db = Database::open(path);
        run(db, strict_script);
    }
    const std::string good = slurp(path);
    REQUIRE(good.size() > 200);
    auto expect = [&](const std::string& bytes, const std::string& code, const std::string& words) {
        spit(path, bytes);
        Error e = open_error(path);
        CHECK_MESSAGE(e.code == code, e.message);
        CHECK_MESSAGE(e.message.find(words) != std::string::npos, e.message);
        CHECK_MESSAGE(e.message.find(path) != std::string::npos, e.message);
    };
    expect(good.substr(0, good.size() - 1), "DatabaseCorrupt", "truncated");
    expect(good.substr(0, good.size() / 2), "DatabaseCorrupt", "truncated");
    expect(good.substr(0, 20), "DatabaseCorrupt", "header");
    expect(good + "x", "DatabaseCorrupt", "appended");
    expect("CREATE (:NotADatabase);\n", "DatabaseCorrupt", "not a kgq database");
    expect("", "DatabaseCorrupt", "not a kgq database");
    // Every single flipped byte of the body is caught by a checksum (sampled: every 7th).
    for (std::size_t at = 32; at + 32 < good.size(); at += 7) {
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x10);
        spit(path, bad);
        Error e = open_error(path);
        CHECK_MESSAGE(e.code == "DatabaseCorrupt", at << ": " << e.message);
    }
    // A newer format: the version field says 99 (header checksum made right for it).
    std::string future = good;
    const std::uint32_t version = 99;
    std::memcpy(future.data() + 8, &version, 4);
    const std::uint64_t sum = persist::checksum(std::string_view(future).substr(0, 24));
    std::memcpy(future.data() + 24, &sum, 8);
    expect(future, "DatabaseVersion", "newer kgq");
    spit(path, good);
    Database db = Database::open(path);
    CHECK(count_of(db, "MATCH (n) RETURN count(n)") == 4);
}

TEST_CASE("a torn last log record is dropped, and only it; damage before later records is an error") {
    TempDir dir;
    const std::string path = (dir.path() / "w.kgqdb").string();
    in_crashing_child([&] {
        Database db = Database::open(path);
        for (int i = 1; i <= 5; ++i)
            if (!db.execute("CREATE (:N {i: " + std::to_string(i) + "})").ok()) ::_exit(4);
        std::exit(0);
    });
    const std::string snapshot = slurp(path);
    const std::string log = slurp(path + ".wal");
    // Where each record starts: a 24-byte header whose first field is the length.
    std::vector<std::size_t> starts;
    for (std::size_t at = 32; at < log.size();) {
        starts.push_back(at);
        std::uint64_t length = 0;
        std::memcpy(&length, log.data() + at, 8);
        at += 24 + length;
    }
    REQUIRE(starts.size() == 5);
    const std::size_t record = log.size() - starts[4];  // the last one
    auto reopen_with = [&](const std::string& wal) {
        spit(path, snapshot);
        spit(path + ".wal", wal);
        return Database::open(path);
    };
    for (std::size_t cut : {std::size_t(1), record / 2, record - 1}) {  // inside the last record
        Database db = reopen_with(log.substr(0, log.size() - cut));
        CHECK(count_of(db, "MATCH (n:N) RETURN count(n)") == 4);
        CHECK(db.recovery_note().find("dropped") != std::string::npos);
        CHECK(fs::file_size(path + ".wal") == starts[4]);  // cut off, so appends go on cleanly
        run(db, "CREATE (:N {i: 6})");
    }
    {
        std::string bad = log;
        bad[log.size() - 3] ^= 0x01;  // the last record's bytes: torn as far as we can tell
        Database db = reopen_with(bad);
        CHECK(count_of(db, "MATCH (n:N) RETURN count(n)") == 4);
    }
    {
        std::string bad = log;
        bad[starts[1] + 30] ^= 0x01;  // the second record, with three after it
        spit(path, snapshot);
        spit(path + ".wal", bad);
        Error e = open_error(path);
        CHECK(e.code == "DatabaseCorrupt");
        CHECK_MESSAGE(e.message.find("record 2") != std::string::npos, e.message);
    }
    {
        // A log without its snapshot is not a database.
        fs::remove(path);
        spit(path + ".wal", log);
        Error e = open_error(path);
        CHECK(e.code == "DatabaseCorrupt");
        CHECK_FALSE(fs::exists(path));
    }
}

// The "done when" of issue 11: a process writes in a loop and is killed with SIGKILL at a
// random moment, many times; after each reopen every acknowledged statement is there and
// nothing else (at most the one in flight, which may have committed before its ack).
TEST_CASE("SIGKILL at random moments loses no acknowledged statement") {
    TempDir dir;
    const std::string path = (dir.path() / "k.kgqdb").string();
    std::mt19937 random(20261202);
    OpenOptions options;
    options.checkpoint_threshold = 8192;  // checkpoints happen inside the loop too
    std::int64_t acknowledged = 0;  // units of work the children reported done
    const int rounds = 25;
    for (int round = 0; round < rounds; ++round) {
        int ack_pipe[2];
        REQUIRE(::pipe(ack_pipe) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(ack_pipe[0]);
            try {
                Database db = Database::open(path, options);
                Result next = db.execute("MATCH (n:Unit) RETURN coalesce(max(n.k) + 1, 0)");
                std::int64_t k = next.rows().at(0).at(0).as_int();
                for (;; ++k) {
                    const std::string unit = std::to_string(k);
                    bool ok = true;
                    if (k % 5 == 0) {  // a transaction of two nodes: both or neither
                        ok = db.execute("BEGIN").ok() && db.execute("CREATE (:Unit {k: " + unit + ", part: 0})").ok() &&
                             db.execute("CREATE (:Unit {k: " + unit + ", part: 1})").ok() && db.execute("COMMIT").ok();
                    } else if (k % 11 == 0) {  // a bigger statement, relationships included
                        ok = db.execute("CREATE (u:Unit {k: " + unit +
                                        ", part: 0}) WITH u UNWIND range(1, 20) AS i CREATE (u)-[:HAS]->(:Item {i: i})")
                                 .ok();
                    } else {
                        ok = db.execute("CREATE (:Unit {k: " + unit + ", part: 0})").ok();
                    }
                    if (!ok) ::_exit(4);
                    if (::write(ack_pipe[1], &k, sizeof k) != sizeof k) ::_exit(5);
                }
            } catch (...) {
                ::_exit(3);
            }
        }
        ::close(ack_pipe[1]);
        std::this_thread::sleep_for(std::chrono::milliseconds(20 + random() % 120));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        REQUIRE_MESSAGE(WIFSIGNALED(status), "the writer stopped by itself, status " << status);
        std::int64_t k = 0;
        while (::read(ack_pipe[0], &k, sizeof k) == sizeof k) acknowledged = k + 1;
        ::close(ack_pipe[0]);

        Database db = Database::open(path, options);
        Result units = db.execute("MATCH (n:Unit) RETURN n.k, count(*), collect(n.part) ORDER BY n.k");
        REQUIRE(units.ok());
        const auto& rows = units.rows();
        REQUIRE(static_cast<std::int64_t>(rows.size()) >= acknowledged);
        REQUIRE(static_cast<std::int64_t>(rows.size()) <= acknowledged + 1);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            REQUIRE(rows[i][0].as_int() == static_cast<std::int64_t>(i));  // no gap, no repeat
            REQUIRE(rows[i][1].as_int() == (i % 5 == 0 ? 2 : 1));
        }
        acknowledged = static_cast<std::int64_t>(rows.size());  // the one in flight may have landed
        CHECK(count_of(db, "MATCH (:Unit)-[:HAS]->(i:Item) RETURN count(i)") ==
              count_of(db, "MATCH (i:Item) RETURN count(i)"));
        CHECK(count_of(db, "MATCH (u:Unit) WHERE u.k % 11 = 0 AND u.k % 5 <> 0 RETURN count(u)") * 20 ==
              count_of(db, "MATCH (i:Item) RETURN count(i)"));
    }
    MESSAGE("units committed over " << rounds << " kills: " << acknowledged);
    CHECK(acknowledged > rounds);
}
