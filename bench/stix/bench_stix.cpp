// bench/stix/bench_stix.cpp — times IMPORT STIX of a bundle (default: ATT&CK Enterprise) through
// kgq::Database against a bare nlohmann::json::parse of the same file (read from disk each
// time and freed, as the import does), best of N runs each, and prints import / parse.
// Run by bench/stix/run.sh in a Release build.
#include "kgq/database.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

double now_ms() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

// Parse only: read the file, build the DOM and free it, as the import must too.
double parse_once(const std::string& path) {
    const double start = now_ms();
    std::size_t objects = 0;
    {
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        nlohmann::json bundle = nlohmann::json::parse(text.str());
        objects = bundle["objects"].size();
    }
    const double elapsed = now_ms() - start;
    if (objects == 0) std::cerr << "empty bundle\n";
    return elapsed;
}

double import_once(const std::string& path, std::string& message) {
    kgq::Database db;
    const double start = now_ms();
    kgq::Result r = db.execute("IMPORT STIX '" + path + "'");
    const double elapsed = now_ms() - start;
    if (!r.ok()) {
        std::cerr << r.error().to_string() << "\n";
        std::exit(1);
    }
    message = r.message();
    return elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "../shared/data/attack/enterprise-attack.json";
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    double parse = 1e300, import = 1e300;
    std::string message;
    for (int i = 0; i < runs; ++i) {
        parse = std::min(parse, parse_once(path));
        import = std::min(import, import_once(path, message));
    }
    std::cout << message << "\n";
    std::printf("bare nlohmann::json parse: %8.1f ms (best of %d)\n", parse, runs);
    std::printf("IMPORT STIX:               %8.1f ms (best of %d)\n", import, runs);
    std::printf("ratio import / parse:      %8.2f\n", import / parse);
    return 0;
}
