// main.cpp — kgq_metamorphic: runs rounds of (random graph, many random cases) through the
// relations, shrinks and prints every discrepancy as a kgq script, and ends with the line
// "N passed, N failed" that CI reads. Registered in CTest by CMakeLists.txt.
#include "relations.hpp"
#include "shrinker.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

struct Stats {
    long passed = 0, failed = 0, skipped = 0, covered = 0;
};

void usage() {
    std::cerr << "usage: kgq_metamorphic [--seed N] [--checks N] [--seconds S] [--verbose] [--relation NAME]\n"
                 "                       [--known-bugs]   (also generate what hits the known engine bugs)\n"
                 "                       [--print-graph R] (print round R's graph script and stop)\n"
                 "       kgq_metamorphic --exec FILE   (run a kgq script, print every answer: for repros)\n";
}

int exec_file(const char* path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    kgq::Database db;
    kgq::ExecuteOptions options;
    options.continue_on_error = true;
    db.run(text.str(), {}, options, [](const kgq::Result& r) {
        if (!r.message().empty()) std::cout << r.message() << "\n";
        else std::cout << kgqm::describe(r, false, 1000) << "\n";
        return true;
    });
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t seed = 1;
    long target_checks = -1;
    double seconds = -1;
    bool verbose = false;
    std::string only;
    long print_round = -1;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> const char* {
            if (i + 1 >= argc) {
                usage();
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--seed") seed = std::strtoull(next(), nullptr, 10);
        else if (a == "--checks") target_checks = std::strtol(next(), nullptr, 10);
        else if (a == "--seconds") seconds = std::strtod(next(), nullptr);
        else if (a == "--verbose") verbose = true;
        else if (a == "--relation") only = next();
        else if (a == "--known-bugs") kgqm::include_known_bugs = true;
        else if (a == "--print-graph") print_round = std::strtol(next(), nullptr, 10);
        else if (a == "--exec") return exec_file(next());
        else {
            usage();
            return 2;
        }
    }
    if (target_checks < 0 && seconds < 0) target_checks = 20000;
    if (!only.empty() && !kgqm::find_relation(only)) {
        std::cerr << "unknown relation '" << only << "'\n";
        return 2;
    }

    const auto& rels = kgqm::relations();
    std::map<std::string, Stats> stats;
    long passed = 0, failed = 0, shrunk = 0;
    auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    auto done = [&] {
        return (target_checks >= 0 && passed + failed >= target_checks) || (seconds >= 0 && elapsed() >= seconds);
    };
    kgqm::Rng master(seed);
    for (long round = 0; !done(); ++round) {
        std::uint64_t round_seed = master();
        kgqm::Rng rng(round_seed);
        bool strict = round % 2 == 0;
        bool big = round % 10 == 9;  // every tenth round: ~300 nodes, the cheaper relations
        bool medium = round % 10 == 4 || round % 10 == 7;
        kgqm::Graph g = kgqm::generate_graph(rng, strict, big ? 2 : medium ? 1 : 0);
        if (round == print_round) {
            std::cout << g.script();
            return 0;
        }
        auto db = std::make_unique<kgq::Database>();
        auto load = [&]() -> bool {
            db = std::make_unique<kgq::Database>();
            kgq::Result r = db->execute(g.script());
            if (!r.ok()) {
                std::cout << "generator: the graph of round " << round << " (seed " << round_seed
                          << ") does not load: " << r.error().to_string() << "\n"
                          << g.script() << "\n";
                return false;
            }
            return true;
        };
        if (!load()) continue;
        kgqm::QueryGen gen(rng, g);
        gen.big = big;
        gen.medium = medium;
        auto applies = [&](const kgqm::Relation& r) {
            return (only.empty() || only == r.name) && (strict || !r.strict_only) && (!big || r.on_big_graphs);
        };
        int total_weight = 0;
        for (const auto& r : rels)
            if (applies(r)) total_weight += r.weight;
        if (total_weight == 0) continue;
        for (int i = 0; i < (big ? 30 : 60) && !done(); ++i) {
            int w = kgqm::pick(rng, total_weight);
            const kgqm::Relation* rel = nullptr;
            for (const auto& r : rels) {
                if (!applies(r)) continue;
                if ((w -= r.weight) < 0) {
                    rel = &r;
                    break;
                }
            }
            kgqm::Case c;
            c.relation = rel->name;
            c.graph = g;
            if (!rel->make(gen, g, c)) continue;
            kgqm::Verdict v;
            auto check_start = std::chrono::steady_clock::now();
            try {
                v = rel->check(*db, c);
            } catch (const std::exception& e) {
                v.status = kgqm::Verdict::Fail;
                v.why = std::string("an exception escaped Database::execute: ") + e.what();
                v.graph_changed = true;
            }
            double check_seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - check_start).count();
            if (verbose && check_seconds > 1.0)
                std::cout << "slow " << rel->name << " (" << check_seconds << " s, round " << round << "):\n"
                          << (c.q.match.empty() ? c.text : c.q.render()) << "\n";
            Stats& s = stats[rel->name];
            if (v.status == kgqm::Verdict::Pass) {
                ++s.passed;
                ++passed;
                s.covered += v.covered;
            } else if (v.status == kgqm::Verdict::Skip) {
                ++s.skipped;
                if (verbose) std::cout << "skip " << rel->name << ": " << v.why << "\n";
            } else {
                ++s.failed;
                ++failed;
                std::cout << "\nFAIL " << rel->name << " (round " << round << ", graph seed " << round_seed
                          << "): " << v.why << "\n";
                if (s.failed <= 3 && shrunk < 12) {
                    ++shrunk;
                    kgqm::Case small = kgqm::shrink(c, *rel);
                    kgqm::Verdict sv = kgqm::run_case(small, *rel);
                    if (sv.status != kgqm::Verdict::Fail) {
                        small = c;
                        sv = v;
                    }
                    std::cout << "---- minimal reproduction (paste into kgq) ----\n"
                              << kgqm::repro_script(small, sv) << "---- end ----\n";
                } else {
                    for (const auto& [text, answer] : v.shown) std::cout << text << ";\n  -> " << answer << "\n";
                }
            }
            if (verbose && v.status != kgqm::Verdict::Skip)
                std::cout << (v.status == kgqm::Verdict::Pass ? "pass " : "FAIL ") << rel->name << "\n";
            if (v.graph_changed && !load()) break;
        }
    }
    double t = elapsed();
    std::printf("\n%-16s %8s %7s %8s %9s\n", "relation", "passed", "failed", "skipped", "covered");
    for (const auto& r : rels) {
        auto it = stats.find(r.name);
        if (it == stats.end()) continue;
        const Stats& s = it->second;
        std::printf("%-16s %8ld %7ld %8ld %8.0f%%\n", r.name, s.passed, s.failed, s.skipped,
                    s.passed ? 100.0 * double(s.covered) / double(s.passed) : 0.0);
    }
    std::printf("seed %llu: %ld checks in %.1f s, %.0f checks per second\n", (unsigned long long)seed, passed + failed,
                t, t > 0 ? double(passed + failed) / t : 0.0);
    std::printf("%ld passed, %ld failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
