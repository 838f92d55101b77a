// bench/open/bench_open.cpp — how long opening a database file takes against building the same
// graph from its source (issue 11 a: ATT&CK open <= 0.15x its IMPORT STIX, LSQB SF0.1 open <=
// 0.25x its COPY load), and the memory each leaves behind (open must not exceed import).
//
//   bench_open --stix enterprise-attack.json [--rounds 3]
//   bench_open --scripts schema.kgq,load.kgq [--rounds 3]
//
// Every measurement runs in a fresh child process (fork), so each starts from the same empty
// heap and its resident memory is its own; the median of the rounds is reported. Prints one
// JSON object on stdout.
#include "kgq/database.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace {

long status_kib(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::strlen(field)));
    return 0;
}

struct Sample {
    double ms = 0;
    long rss_kib = 0;
    long nodes = 0;
};

// Runs `work` in a child; it returns the graph's node count, the child reports time and memory.
template <class Work>
Sample in_child(Work&& work) {
    int fds[2];
    if (::pipe(fds) != 0) std::exit(1);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        Sample s;
        const auto start = std::chrono::steady_clock::now();
        kgq::Database db = work();
        s.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        s.rss_kib = status_kib("VmRSS:");
        kgq::Result r = db.execute("MATCH (n) RETURN count(n)");
        s.nodes = r.ok() ? static_cast<long>(r.rows()[0][0].as_int()) : -1;
        if (::write(fds[1], &s, sizeof s) != sizeof s) ::_exit(1);
        ::_exit(0);  // no destructor: the database file is left exactly as it was
    }
    ::close(fds[1]);
    Sample s;
    const bool got = ::read(fds[0], &s, sizeof s) == sizeof s;
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!got) {
        std::cerr << "bench_open: a measurement failed\n";
        std::exit(1);
    }
    return s;
}

Sample median(std::vector<Sample> samples) {
    std::sort(samples.begin(), samples.end(), [](const Sample& a, const Sample& b) { return a.ms < b.ms; });
    return samples[samples.size() / 2];
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void must(const kgq::Result& r, const std::string& what) {
    if (r.ok()) return;
    std::cerr << "bench_open: " << what << ": " << r.error().to_string() << "\n";
    std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
    std::string stix, scripts;
    int rounds = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--stix") stix = argv[i + 1];
        else if (arg == "--scripts") scripts = argv[i + 1];
        else if (arg == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
    }
    if (stix.empty() == scripts.empty()) {
        std::cerr << "usage: bench_open (--stix BUNDLE.json | --scripts A.kgq,B.kgq) [--rounds N]\n";
        return 2;
    }
    // Building the graph from its source, as a user would without a database file.
    auto build = [&]() {
        kgq::Database db;
        if (!stix.empty()) {
            must(db.execute("IMPORT STIX '" + stix + "'"), "IMPORT STIX");
        } else {
            std::stringstream list(scripts);
            std::string path;
            while (std::getline(list, path, ',')) {
                kgq::ExecuteOptions options;
                options.source_name = path;  // COPY paths are relative to the script
                bool ok = db.run(slurp(path), {}, options, [&](const kgq::Result& r) {
                    must(r, path);
                    return true;
                });
                if (!ok) std::exit(1);
            }
        }
        return db;
    };
    const std::string folder =
        (std::filesystem::temp_directory_path() / ("kgq-bench-open-" + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(folder);
    const std::string file = folder + "/graph.kgqdb";
    build().save_as(file);
    const auto bytes = std::filesystem::file_size(file);

    std::vector<Sample> builds, opens;
    for (int r = 0; r < rounds; ++r) {
        builds.push_back(in_child(build));
        opens.push_back(in_child([&] {
            kgq::OpenOptions options;
            options.read_only = true;
            return kgq::Database::open(file, options);
        }));
    }
    std::filesystem::remove_all(folder);
    const Sample b = median(builds), o = median(opens);
    auto fastest = [](const std::vector<Sample>& v) {
        double best = v[0].ms;
        for (const Sample& s : v) best = std::min(best, s.ms);
        return best;
    };
    if (b.nodes != o.nodes) {
        std::cerr << "bench_open: the opened graph has " << o.nodes << " nodes, the built one " << b.nodes << "\n";
        return 1;
    }
    nlohmann::json out;
    out["source"] = stix.empty() ? scripts : stix;
    out["nodes"] = b.nodes;
    out["file_bytes"] = bytes;
    out["build_ms"] = b.ms;
    out["open_ms"] = o.ms;
    out["open_over_build"] = o.ms / b.ms;
    // This machine is a shared VM: the fastest rounds are the least disturbed.
    out["build_min_ms"] = fastest(builds);
    out["open_min_ms"] = fastest(opens);
    out["open_over_build_min"] = fastest(opens) / fastest(builds);
    out["build_rss_kib"] = b.rss_kib;
    out["open_rss_kib"] = o.rss_kib;
    out["rounds"] = rounds;
    std::cout << out.dump() << "\n";
    return 0;
}
