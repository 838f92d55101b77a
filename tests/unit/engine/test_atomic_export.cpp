// tests/unit/engine/test_atomic_export.cpp — exports never destroy what was there (issue 11 e):
// common::AtomicFileWriter on its own, then EXPORT STIX over an existing file, to /dev/full, on
// a full disk (RLIMIT_FSIZE in a child), into a missing folder or onto a folder, with a value
// JSON cannot carry (invalid UTF-8), and killed (SIGKILL) in the middle of a big export.
#include "temp_dir.hpp"

#include "common/atomic_file.hpp"
#include "kgq/database.hpp"
#include "kgq/error.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace kgq;
using kgq::engine_test::slurp;
using kgq::engine_test::TempDir;
namespace fs = std::filesystem;

namespace {

// The names in a folder, to check that nothing was left behind or created.
std::vector<std::string> listing(const fs::path& folder) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(folder)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::int64_t count_of(Database& db, const std::string& query) {
    Result r = db.execute(query);
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    return r.at(0, 0).as_int();
}

// A small graph with a reference, a relationship object and a node without an id.
void small_graph(Database& db) {
    Result r = db.execute(
        "CREATE (a:Person {id: 'person--1', name: 'Ann'})-[:KNOWS {since: 2020}]->(b:Person {id: 'person--2', name: "
        "'Bob'}), "
        "(:Note {content: 'no id'})");
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
}

// `n` nodes with some text each, in pairs joined by a relationship: about 300 bytes of JSON per node.
void big_graph(Database& db, int n) {
    Result r = db.execute(
        "UNWIND range(1, $n) AS i CREATE (:Thing {id: 'thing--' + toString(i), name: 'thing number ' + "
        "toString(i), description: 'a line of text that makes the exported object a little bigger "
        "than its id and name alone, so that the file has some size to it'})",
        {{"n", Value(n)}});
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    r = db.execute(
        "MATCH (a:Thing), (b:Thing) WHERE b.id = 'thing--' + toString(toInteger(substring(a.id, 7)) + 1) "
        "AND toInteger(substring(a.id, 7)) % 2 = 1 CREATE (a)-[:NEXT {weight: 1}]->(b)");
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
}

Result export_to(Database& db, const std::string& path) { return db.execute("EXPORT STIX '" + path + "'"); }

}  // namespace

TEST_CASE("AtomicFileWriter replaces the target only on commit") {
    TempDir dir;
    const fs::path target = dir.path() / "out.txt";
    dir.write("out.txt", "old contents");
    ::chmod(target.c_str(), 0640);

    SUBCASE("commit replaces, keeping the permissions") {
        common::AtomicFileWriter out(target.string());
        CHECK_FALSE(out.direct());
        REQUIRE_FALSE(out.temporary().empty());
        CHECK(fs::path(out.temporary()).parent_path() == dir.path());
        CHECK(fs::path(out.temporary()).filename().string().rfind(".out.txt.kgq-tmp-", 0) == 0);
        out.write("new ");
        out.write(std::string(3 * common::AtomicFileWriter::buffer_size, 'x'));  // past the buffer
        out.write('!');
        CHECK(slurp(target) == "old contents");  // nothing visible before commit
        out.commit();
        CHECK(slurp(target) == "new " + std::string(3 * common::AtomicFileWriter::buffer_size, 'x') + "!");
        struct stat st {};
        REQUIRE(::stat(target.c_str(), &st) == 0);
        CHECK((st.st_mode & 07777) == 0640);
        CHECK(listing(dir.path()) == std::vector<std::string>{"out.txt"});
    }
    SUBCASE("no commit: the temporary file goes, the target stays") {
        {
            common::AtomicFileWriter out(target.string());
            out.write(std::string(2 * common::AtomicFileWriter::buffer_size, 'y'));
        }
        CHECK(slurp(target) == "old contents");
        CHECK(listing(dir.path()) == std::vector<std::string>{"out.txt"});
    }
    SUBCASE("a new file honours the umask") {
        const mode_t old_mask = ::umask(027);
        {
            common::AtomicFileWriter out((dir.path() / "new.txt").string());
            out.write("hello");
            out.commit();
        }
        ::umask(old_mask);
        struct stat st {};
        REQUIRE(::stat((dir.path() / "new.txt").c_str(), &st) == 0);
        CHECK((st.st_mode & 07777) == 0640);
        CHECK(slurp(dir.path() / "new.txt") == "hello");
    }
    SUBCASE("through a symbolic link the file is replaced, the link kept") {
        fs::create_symlink(target, dir.path() / "link.txt");
        common::AtomicFileWriter out((dir.path() / "link.txt").string());
        out.write("via link");
        out.commit();
        CHECK(fs::is_symlink(dir.path() / "link.txt"));
        CHECK(slurp(target) == "via link");
    }
    SUBCASE("a file the user may not write is refused (root may write any)") {
        ::chmod(target.c_str(), 0444);
        if (::geteuid() != 0) CHECK_THROWS_AS(common::AtomicFileWriter(target.string()), kgq::Exception);
        CHECK(slurp(target) == "old contents");
    }
    SUBCASE("/dev/null is written in place") {
        common::AtomicFileWriter out("/dev/null");
        CHECK(out.direct());
        out.write("discarded");
        out.commit();
    }
}

TEST_CASE("EXPORT STIX over an existing file replaces it with a bundle that imports again") {
    TempDir dir;
    Database db;
    small_graph(db);
    const std::string path = dir.write("out.json", "not JSON, the previous contents");
    ::chmod(path.c_str(), 0604);
    Result r = export_to(db, path);
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    CHECK(r.message().rfind("Exported 4 STIX objects", 0) == 0);
    CHECK(listing(dir.path()) == std::vector<std::string>{"out.json"});
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0604);

    // Byte for byte what the bundle's dump(2) gives (bar the random bundle id).
    const nlohmann::json written = nlohmann::json::parse(slurp(path));
    CHECK(written.dump(2) + "\n" == slurp(path));

    Database copy;
    Result imported = copy.execute("IMPORT STIX '" + path + "'");
    REQUIRE_MESSAGE(imported.ok(), imported.error().to_string());
    CHECK(count_of(copy, "MATCH (n) RETURN count(n)") == count_of(db, "MATCH (n) RETURN count(n)"));
    CHECK(count_of(copy, "MATCH ()-[r]->() RETURN count(r)") == count_of(db, "MATCH ()-[r]->() RETURN count(r)"));

    // An empty result: an empty bundle, still valid JSON.
    REQUIRE(db.execute("EXPORT STIX '" + path + "' FROM MATCH (n:Nobody) RETURN n").ok());
    CHECK(nlohmann::json::parse(slurp(path))["objects"].empty());
}

TEST_CASE("EXPORT STIX to /dev/full is 'No space left on device', not success") {
    Database db;
    small_graph(db);
    struct stat before {};
    REQUIRE(::stat("/dev/full", &before) == 0);
    Result r = export_to(db, "/dev/full");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Io);
    CHECK_MESSAGE(r.error().message.find("No space left on device") != std::string::npos, r.error().to_string());
    CHECK(r.error().message.find("/dev/full") != std::string::npos);
    CHECK(r.error().message.find("Exported") == std::string::npos);
    // The device is still the device (a rename over it would have replaced it, as root).
    struct stat after {};
    REQUIRE(::stat("/dev/full", &after) == 0);
    CHECK(S_ISCHR(after.st_mode));
    CHECK(after.st_rdev == before.st_rdev);
    CHECK(count_of(db, "MATCH (n) RETURN count(n)") == 3);
    // /dev/null takes everything.
    Result null = export_to(db, "/dev/null");
    CHECK_MESSAGE(null.ok(), null.error().to_string());
}

TEST_CASE("EXPORT STIX on a full disk leaves the previous file byte for byte") {
    TempDir dir;
    Database db;
    big_graph(db, 2000);  // about 600 KB of JSON
    const std::string path = dir.write("out.json", "the previous file, which must survive\n");
    const std::string previous = slurp(path);

    // A complete export, to have a big previous file too.
    const std::string exported = (dir.path() / "good.json").string();
    REQUIRE(export_to(db, exported).ok());
    const std::string good = slurp(exported);
    REQUIRE(good.size() > 200000);
    fs::remove(exported);

    // RLIMIT_FSIZE in a child stands for a full disk: past 64 KiB, write() fails with EFBIG
    // (SIGXFSZ ignored). The child reports through its exit status and a small file.
    const std::string report = (dir.path() / "report.txt").string();
    int status = 0;
    for (const std::string& old : {previous, good}) {
        { std::ofstream(path, std::ios::binary | std::ios::trunc) << old; }
        const pid_t limited = ::fork();
        REQUIRE(limited >= 0);
        if (limited == 0) {
            std::signal(SIGXFSZ, SIG_IGN);
            rlimit limit{64 * 1024, 64 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
            Result r = export_to(db, path);
            const std::string message = r.ok() ? "OK " + r.message() : r.error().to_string();
            std::FILE* f = std::fopen(report.c_str(), "w");  // small: under the limit
            if (f) {
                std::fputs(message.c_str(), f);
                std::fclose(f);
            }
            ::_exit(r.ok() ? 1 : 0);
        }
        REQUIRE(::waitpid(limited, &status, 0) == limited);
        REQUIRE(WIFEXITED(status));
        const std::string message = slurp(report);
        CHECK_MESSAGE(WEXITSTATUS(status) == 0, message);
        CHECK_MESSAGE(message.find("File too large") != std::string::npos, message);
        CHECK(message.find("out.json") != std::string::npos);
        CHECK(slurp(path) == old);
        fs::remove(report);
        CHECK(listing(dir.path()) == std::vector<std::string>{"out.json"});
    }
}

TEST_CASE("EXPORT STIX into a missing folder or onto a folder creates nothing") {
    TempDir dir;
    Database db;
    small_graph(db);
    Result missing = export_to(db, (dir.path() / "no" / "such" / "out.json").string());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::Io);
    CHECK_MESSAGE(missing.error().message.find("does not exist") != std::string::npos, missing.error().to_string());
    CHECK(missing.error().message.find("out.json") != std::string::npos);
    CHECK(listing(dir.path()).empty());

    fs::create_directory(dir.path() / "folder");
    Result folder = export_to(db, (dir.path() / "folder").string());
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().kind == ErrorKind::Io);
    CHECK_MESSAGE(folder.error().message.find("it is a folder") != std::string::npos, folder.error().to_string());
    CHECK(listing(dir.path()) == std::vector<std::string>{"folder"});
    CHECK(listing(dir.path() / "folder").empty());
    CHECK(count_of(db, "MATCH (n) RETURN count(n)") == 3);
}

TEST_CASE("EXPORT STIX of a string that is not UTF-8 names the object and keeps the old file") {
    TempDir dir;
    Database db;
    small_graph(db);
    // Query text is checked for UTF-8; a parameter is how such a string still gets in.
    Result created = db.execute("CREATE (:X {id: 'x--bad', name: $s})", {{"s", Value(std::string("a\xff"))}});
    REQUIRE_MESSAGE(created.ok(), created.error().to_string());
    const std::string path = dir.write("out.json", "the previous file\n");
    Result r = export_to(db, path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Io);
    CHECK(r.error().message.find("Internal error") == std::string::npos);
    CHECK_MESSAGE(r.error().message.find("objects[3] ('x--bad'), property 'name',") != std::string::npos,
                  r.error().to_string());
    CHECK(r.error().message.find("not valid UTF-8") != std::string::npos);
    CHECK(slurp(path) == "the previous file\n");
    CHECK(listing(dir.path()) == std::vector<std::string>{"out.json"});
    CHECK(db.execute("RETURN 1").ok());
}

TEST_CASE("EXPORT STIX killed (SIGKILL) in the middle leaves the old file or the whole new one") {
    TempDir dir;
    Database db;
    big_graph(db, 20000);
    const std::string path = (dir.path() / "big.json").string();
    const auto start = std::chrono::steady_clock::now();
    Result first = export_to(db, path);
    REQUIRE_MESSAGE(first.ok(), first.error().to_string());
    const auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    const std::size_t objects = nlohmann::json::parse(slurp(path))["objects"].size();
    REQUIRE(objects == 30000);
    MESSAGE("one export of " << objects << " objects: " << took.count() / 1000 << " ms, " << fs::file_size(path)
                             << " bytes");

    std::mt19937 random(std::random_device{}());
    // Kill at moments spread over three exports: before, during and after a rename.
    std::uniform_int_distribution<long> moment(0, 3 * took.count());
    int replaced = 0, mid_write = 0;
    const int rounds = 10;
    for (int round = 0; round < rounds; ++round) {
        const auto before = fs::last_write_time(path);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            for (;;) (void)export_to(db, path);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(moment(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        CHECK(WIFSIGNALED(status));
        // Never a partial file: it parses, and holds every object.
        nlohmann::json bundle;
        CHECK_NOTHROW(bundle = nlohmann::json::parse(slurp(path)));
        CHECK(bundle["objects"].size() == objects);
        if (fs::last_write_time(path) != before) ++replaced;
        // A killed writer cannot remove its temporary file: only such files may be left.
        bool partial = false;
        for (const auto& name : listing(dir.path())) {
            if (name == "big.json") continue;
            CHECK(name.rfind(".big.json.kgq-tmp-", 0) == 0);
            partial = true;
            fs::remove(dir.path() / name);
        }
        mid_write += partial;
    }
    MESSAGE("of " << rounds << " kills, " << mid_write << " came while a temporary file was being written and "
                  << replaced << " after at least one complete export");
}
