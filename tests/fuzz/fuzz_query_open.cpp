// tests/fuzz/fuzz_query_open.cpp — libFuzzer target: the input is query text, run on an open
// (schemaless) graph of a few nodes and relationships. A fresh Database per input keeps each
// run independent of the ones before, so a crash reproduces from its file alone.
// Built with -DKGQ_FUZZ=ON (tests/fuzz/CMakeLists.txt); run by scripts/fuzz.sh (`make fuzz`).
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// Some of each kind of value, so that property access, comparison and paths have data.
constexpr std::string_view setup = R"(
CREATE (a:Person {name: 'Ann', age: 31, tags: ['x', 'y'], born: date('1990-05-01')}),
       (b:Person:Admin {name: 'Bo', age: 25, score: 2.5}),
       (c:City {name: 'Oslo', since: datetime('2020-01-01T10:00:00+01:00'), d: duration('P1Y2M')}),
       (d {name: 'nameless', flag: true}),
       (a)-[:KNOWS {since: 2010}]->(b), (b)-[:KNOWS {since: 2012}]->(a),
       (a)-[:LIVES_IN]->(c), (b)-[:LIVES_IN {weight: 0.5}]->(c), (d)-[:SELF]->(d);
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (kgq::fuzz::skip_reason(text)) return -1;  // -1: not added to the corpus
    kgq::Database db;
    kgq::fuzz::run_all(db, setup);
    kgq::fuzz::run_all(db, text);
    return 0;
}
