// tests/fuzz/fuzz_stix.cpp — libFuzzer target: the input is a STIX bundle (JSON bytes),
// written to a scratch file and read by `IMPORT STIX 'file'` into a fresh open graph, then
// into a strict graph that declares some of the vocabulary already (widening, conflicts).
// When an import succeeds, the graph is queried, exported with EXPORT STIX and the export
// imported again: the exporter and the importer's update path run on fuzzed data too.
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

std::string quoted(const std::string& path) { return "'" + path + "'"; }

constexpr std::string_view queries = R"(
MATCH (n) RETURN n;
MATCH (a)-[r]->(b) RETURN a, r, b;
MATCH (n) RETURN labels(n), keys(n), properties(n);
)";

// A declared type the bundle may agree or disagree with (STIX names: IntrusionSet, Malware).
constexpr std::string_view strict_schema = R"(
CREATE ABSTRACT NODE TYPE StixObject (id STRING KEY, name STRING, created DATETIME, modified DATETIME);
CREATE NODE TYPE IntrusionSet UNDER StixObject (aliases LIST<STRING>, first_seen DATETIME);
CREATE NODE TYPE Malware UNDER StixObject (is_family BOOL);
CREATE RELATION TYPE USES (FROM IntrusionSet TO Malware);
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    // The JSON reader's depth limit is another change's (issue 10, parts 1-2).
    if (kgq::fuzz::nesting_depth(json) > kgq::fuzz::max_nesting) return -1;
    const std::string bundle = scratch().write("bundle.json", json);
    {
        kgq::Database db;
        const kgq::Result r = kgq::fuzz::run_one(db, "IMPORT STIX " + quoted(bundle));
        if (r.ok()) {
            kgq::fuzz::run_all(db, queries);
            const std::string exported = scratch().file("export.json");
            if (kgq::fuzz::run_one(db, "EXPORT STIX " + quoted(exported)).ok()) {
                kgq::Database again;
                if (kgq::fuzz::run_one(again, "IMPORT STIX " + quoted(exported)).ok())
                    kgq::fuzz::run_all(again, queries);
                kgq::fuzz::run_one(db, "IMPORT STIX " + quoted(exported));  // the same objects again: updates
            }
        }
    }
    {
        kgq::Database db;
        kgq::fuzz::run_all(db, strict_schema);
        if (kgq::fuzz::run_one(db, "IMPORT STIX " + quoted(bundle)).ok()) kgq::fuzz::run_all(db, queries);
    }
    return 0;
}
