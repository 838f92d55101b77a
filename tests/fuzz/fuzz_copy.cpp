// tests/fuzz/fuzz_copy.cpp — libFuzzer target: the input is CSV for COPY ... FROM 'file'.
// Its first byte picks one of the set-ups below (the digit '0'..'7' in the seeds of
// corpus/csv/); the rest is the file. A form feed (\f) splits it into a node file and a
// relationship file that is copied after it, so relationship COPY resolves real ids.
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

kgq::fuzz::ScratchDir& scratch() {
    static kgq::fuzz::ScratchDir dir;
    return dir;
}

struct Setup {
    const char* schema;  // run first (empty: an open graph)
    const char* node_copy;  // COPY <node_copy> FROM 'nodes.csv' <options>
    const char* rel_copy;  // COPY <rel_copy> FROM 'rels.csv' <options>
};

constexpr const char* strict_schema =
    "CREATE NODE TYPE Person (id INT KEY, name STRING, age INT, score FLOAT, born DATE, tags LIST<STRING>);"
    "CREATE NODE TYPE City (id INT KEY, name STRING);"
    "CREATE RELATION TYPE KNOWS (FROM Person TO Person, since INT);"
    "CREATE RELATION TYPE LIVES_IN (FROM Person TO City);";

constexpr const char* strict_with_people =
    "CREATE NODE TYPE Person (id INT KEY, name STRING);"
    "CREATE NODE TYPE City (id INT KEY, name STRING);"
    "CREATE RELATION TYPE LIVES_IN (FROM Person TO City, since DATE);"
    "CREATE (:Person {id: 1, name: 'Ann'}), (:Person {id: 2, name: 'Bo'});";

constexpr Setup setups[8] = {
    {"", "Person", "KNOWS"},
    {"", "Person (DELIM '|', ARRAY_DELIM ',', ID_TYPE 'int')", "KNOWS (DELIM '|')"},
    {"", "Thing", "LINK (START_ID 'Thing', END_ID 'Thing')"},
    {strict_schema, "Person (HEADER false)", "KNOWS (HEADER false)"},
    {strict_schema, "Person", "KNOWS"},
    {strict_schema, "Person (DELIM ';', ARRAY_DELIM '|')", "KNOWS (DELIM ';')"},
    {"", "Person (DELIM '\\t', QUOTE '\\'')", "KNOWS (DELIM '\\t')"},
    {strict_with_people, "City", "LIVES_IN"},
};

std::string copy(const std::string& target_and_options, const std::string& path) {
    // "Person (DELIM '|')" -> "COPY Person FROM 'path' (DELIM '|')"
    const auto space = target_and_options.find(' ');
    const std::string target = target_and_options.substr(0, space);
    const std::string options = space == std::string::npos ? "" : target_and_options.substr(space);
    return "COPY " + target + " FROM '" + path + "'" + options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return -1;
    const Setup& setup = setups[data[0] % 8];
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto split = rest.find('\f');
    const std::string nodes = scratch().write("nodes.csv", rest.substr(0, split));
    kgq::Database db;
    if (*setup.schema) kgq::fuzz::run_all(db, setup.schema);
    const kgq::Result r = kgq::fuzz::run_one(db, copy(setup.node_copy, nodes));
    if (split != std::string_view::npos) {
        const std::string rels = scratch().write("rels.csv", rest.substr(split + 1));
        kgq::fuzz::run_one(db, copy(setup.rel_copy, rels));
    }
    if (r.ok()) kgq::fuzz::run_all(db, "MATCH (n) RETURN n; MATCH (a)-[r]->(b) RETURN a, r, b");
    return 0;
}
