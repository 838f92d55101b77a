// tests/fuzz/fuzz_query_strict.cpp — libFuzzer target: the input is query text, run on the
// strict bundled graph graphs/unc4841/unc4841.kgq (schema, KEY indexes, subtypes). The graph
// is loaded once; an input that wrote (WriteStats, or a schema change) is followed by a
// reload, so every input sees the same graph and a crash reproduces from its file alone.
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#ifndef KGQ_SOURCE_DIR
#error "KGQ_SOURCE_DIR must name the repository (tests/fuzz/CMakeLists.txt)"
#endif

namespace {

std::string graph_path() {
    const char* env = std::getenv("KGQ_FUZZ_GRAPH");
    return env && *env ? env : KGQ_SOURCE_DIR "/graphs/unc4841/unc4841.kgq";
}

const std::string& graph_text() {
    static const std::string text = [] {
        std::ifstream in(graph_path(), std::ios::binary);
        if (!in) {
            std::cerr << "fuzz_query_strict: cannot read " << graph_path() << "\n";
            std::abort();
        }
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }();
    return text;
}

// Type names, property counts and node counts: what a schema statement would change.
std::string schema_fingerprint(const kgq::Database& db) {
    const kgq::SchemaInfo info = db.schema();
    std::string f = info.strict ? "S" : "O";
    for (const auto& t : info.entity_types)
        f += t.name + ":" + t.supertype + ":" + std::to_string(t.properties.size()) + ":" + std::to_string(t.count) +
             ";";
    for (const auto& t : info.relation_types)
        f += t.name + ":" + std::to_string(t.endpoints.size()) + ":" + std::to_string(t.properties.size()) + ":" +
             std::to_string(t.count) + ";";
    return f;
}

std::unique_ptr<kgq::Database> db;
std::string loaded_fingerprint;

void load() {
    db = std::make_unique<kgq::Database>();
    kgq::ExecuteOptions options;
    options.source_name = graph_path();
    bool ok = db->run(graph_text(), {}, options, [](const kgq::Result&) { return true; });
    if (!ok) {
        std::cerr << "fuzz_query_strict: " << graph_path() << " does not load\n";
        std::abort();
    }
    loaded_fingerprint = schema_fingerprint(*db);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (kgq::fuzz::skip_reason(text)) return -1;
    if (!db) load();
    const bool wrote = kgq::fuzz::run_all(*db, text);
    if (wrote || schema_fingerprint(*db) != loaded_fingerprint) load();
    return 0;
}
