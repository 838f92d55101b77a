// tests/fuzz/fuzz_database_file.cpp — libFuzzer target: damaged database files. The input is
// a list of edits to a real database (a snapshot and a log with records, made once at start:
// a strict graph with KEYs, deleted ids and every kind of property value, or an open one).
// Byte 0 picks the base and the file to edit, and whether the checksums are made right again
// afterwards: with them fixed, the edits reach the decoders (catalog, image, KEY index, redo
// replay), which must refuse what does not fit, never crash or loop; without, the checksums
// must catch them. Whatever opens is then queried, written to and checkpointed.
#include "fuzz_support.hpp"

#include "persist/checksum.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace {

kgq::fuzz::ScratchDir& scratch() {
    static kgq::fuzz::ScratchDir dir;
    return dir;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct Base {
    std::string snapshot;
    std::string log;
};

constexpr const char* strict_setup =
    "CREATE NODE TYPE Actor (name STRING KEY, aliases LIST<STRING>, seen DATE, score FLOAT);"
    "CREATE NODE TYPE Group UNDER Actor (sponsor STRING);"
    "CREATE NODE TYPE Tool (id INT KEY, at DATETIME, d DURATION, t LOCALTIME);"
    "CREATE RELATION TYPE USES (FROM Actor TO Tool, weight INT, since LOCALDATETIME);"
    "CREATE (:Group {name: 'g', aliases: ['a', 'b'], seen: date('2023-01-02'), score: 0.5, sponsor: 's'});"
    "CREATE (:Actor {name: 'x'}), (:Actor {name: 'y', score: -0.0});"
    "UNWIND range(1, 20) AS i CREATE (:Tool {id: i, at: datetime('2024-01-01T00:00:00[Europe/Stockholm]'), d: "
    "duration('P1DT2H'), t: localtime('10:00')});";
constexpr const char* strict_log =
    "MATCH (a:Actor {name: 'g'}), (t:Tool) WHERE t.id < 5 CREATE (a)-[:USES {weight: t.id, since: "
    "localdatetime('2020-01-01T10:00')}]->(t);"
    "MATCH (t:Tool {id: 7}) DELETE t;"
    "MATCH (a:Actor {name: 'y'}) SET a.name = 'z', a.score = 1.5;"
    "MATCH ()-[r:USES {weight: 2}]->() DELETE r;"
    "CREATE (:Tool {id: 100});";
constexpr const char* open_setup =
    "CREATE (:A:B {x: 1, s: 'ü', l: [1, 2]})-[:R {w: 1.5}]->(:C {y: true});"
    "UNWIND range(1, 30) AS i CREATE (:N {i: i})";
constexpr const char* open_log =
    "MATCH (n:N) WHERE n.i % 3 = 0 DELETE n;"
    "MATCH (a:A) SET a:D REMOVE a:B SET a.x = null, a.z = 'new';"
    "MATCH (n:N {i: 1}), (c:C) CREATE (n)-[:S]->(c);"
    "CREATE (:E {k: 'label made by the log'})";

// A database made by the statements: the setup checkpointed, then the log's statements as
// records (the Database is kept open, so no close empties its log).
Base make_base(const char* name, const char* setup, const char* log_statements) {
    const std::string path = scratch().file(name);
    scratch().file(std::string(name) + ".wal");
    static std::unique_ptr<kgq::Database> keep[2];
    static int kept = 0;
    auto db = std::make_unique<kgq::Database>(kgq::Database::open(path));
    if (!db->execute(setup).ok() || !db->execute("CHECKPOINT").ok() || !db->execute(log_statements).ok()) std::abort();
    Base base{slurp(path), slurp(path + ".wal")};
    keep[kept++] = std::move(db);  // closed at exit
    return base;
}

const Base& base(int which) {
    static const Base bases[2] = {make_base("strict.kgqdb", strict_setup, strict_log),
                                  make_base("open.kgqdb", open_setup, open_log)};
    return bases[which];
}

std::uint64_t load64(const std::string& s, std::size_t at) {
    std::uint64_t v = 0;
    std::memcpy(&v, s.data() + at, 8);
    return v;
}
void store64(std::string& s, std::size_t at, std::uint64_t v) { std::memcpy(s.data() + at, &v, 8); }

// The checksums of snapshot_file.cpp and write_ahead_log.cpp, recomputed over what is there.
void fix_snapshot(std::string& s) {
    if (s.size() < 64) return;
    store64(s, 24, kgq::persist::checksum(std::string_view(s).substr(0, 24)));
    std::size_t at = 32, index = 0;
    const std::size_t end = s.size() - 32;
    while (at + 16 <= end) {
        const std::uint64_t length = load64(s, at);
        if (length > end - at - 16) break;
        store64(s, at + 8, kgq::persist::checksum(std::string_view(s).substr(at + 16, length), index));
        at += 16 + length + (8 - length % 8) % 8;
        ++index;
    }
    store64(s, end + 8, index);
    store64(s, end + 16, s.size());
    store64(s, end + 24, kgq::persist::checksum(std::string_view(s).substr(end, 24)));
}

void fix_log(std::string& s) {
    if (s.size() < 32) return;
    store64(s, 24, kgq::persist::checksum(std::string_view(s).substr(0, 24)));
    std::size_t at = 32;
    while (at + 24 <= s.size()) {
        const std::uint64_t length = load64(s, at);
        if (length > s.size() - at - 24) break;
        store64(s, at + 16, kgq::persist::checksum(std::string_view(s).substr(at + 24, length), load64(s, at + 8)));
        at += 24 + length;
    }
}

void exercise(kgq::Database& db) {
    for (const char* query : {"MATCH (n) RETURN id(n), labels(n), properties(n) ORDER BY id(n)",
                              "MATCH (a)-[r]->(b) RETURN id(r), type(r), properties(r), id(a), id(b)",
                              "MATCH (a:Actor {name: 'g'})-[:USES]->(t:Tool {id: 3}) RETURN count(*)",
                              "MATCH (t:Tool) WHERE t.id = 100 RETURN t"})
        db.execute(query);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return -1;
    const std::uint8_t mode = data[0];
    const Base& b = base(mode & 1);
    std::string snapshot = b.snapshot, log = b.log;
    std::string& target = (mode & 2) ? log : snapshot;
    // Edits of 6 bytes: op, position (4 bytes, taken modulo the length), value.
    for (std::size_t i = 1; i + 6 <= size && !target.empty(); i += 6) {
        std::uint32_t position = 0;
        std::memcpy(&position, data + i + 1, 4);
        const std::size_t at = position % target.size();
        const char value = static_cast<char>(data[i + 5]);
        switch (data[i] % 4) {
            case 0: target[at] = value; break;
            case 1: target.insert(target.begin() + static_cast<std::ptrdiff_t>(at), value); break;
            case 2: target.erase(at, 1); break;
            case 3: target.resize(at); break;
        }
    }
    if (mode & 4) {
        fix_snapshot(snapshot);
        fix_log(log);
    }
    const std::string path = scratch().write("db.kgqdb", snapshot);
    scratch().write("db.kgqdb.wal", log);
    kgq::OpenOptions options;
    options.read_only = (mode & 8) != 0;
    try {
        kgq::Database db = kgq::Database::open(path, options);
        exercise(db);
        if (options.read_only) return 0;
        db.execute("CREATE (:Fuzz {n: 1})");
        db.execute("CHECKPOINT");
        db = kgq::Database();  // closes it
    } catch (const kgq::Exception&) {
        return 0;  // a clear error is the answer to a damaged file
    }
    // What kgq itself wrote from a graph it accepted must open again.
    try {
        kgq::Database reopened = kgq::Database::open(path, options);
        exercise(reopened);
    } catch (const kgq::Exception& e) {
        std::fprintf(stderr, "a database kgq wrote does not open: %s\n", e.error().message.c_str());
        std::abort();
    }
    return 0;
}
