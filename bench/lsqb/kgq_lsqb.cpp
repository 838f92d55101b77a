// bench/lsqb/kgq_lsqb.cpp — kgq's side of the LSQB benchmark: loads the CSV files through
// schema.kgq and load.kgq (COPY), then runs the nine queries of queries/, each in a forked
// child so that a query over its time limit is killed and reported as "timeout" without
// losing the loaded graph. Prints one JSON object (times, counts, peak memory) on stdout.
// Public API only (kgq::Database). Run by bench/lsqb/run.sh; usage: kgq_lsqb --help.
#include "kgq/database.hpp"

#include <nlohmann/json.hpp>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A line of /proc/self/status in KiB: VmHWM (peak resident memory so far) or VmRSS (now).
long status_kib(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::strlen(field)));
    }
    return -1;
}
long peak_kib() { return status_kib("VmHWM:"); }

// Runs a script of statements; the first failure is an exception naming it.
void run_script(kgq::Database& db, const std::string& path, const std::string& source_name) {
    kgq::ExecuteOptions options;
    options.source_name = source_name;
    std::string failure;
    db.run(slurp(path), {}, options, [&](const kgq::Result& r) {
        if (!r.ok()) failure = path + ": " + r.error().to_string();
        return r.ok();
    });
    if (!failure.empty()) throw std::runtime_error(failure);
}

// The query in a child process; the parent waits up to timeout_s for its one-line answer.
nlohmann::json run_query(kgq::Database& db, int q, const std::string& text, double timeout_s) {
    nlohmann::json out{{"query", "q" + std::to_string(q)}};
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    std::fflush(nullptr);
    pid_t child = ::fork();
    if (child < 0) throw std::runtime_error("fork failed");
    if (child == 0) {
        ::close(fds[0]);
        auto start = Clock::now();
        kgq::Result r = db.execute(text);
        nlohmann::json answer;
        answer["ms"] = ms_since(start);
        answer["peak_kib"] = peak_kib();
        if (!r.ok()) {
            answer["status"] = "error";
            answer["message"] = r.error().to_string();
        } else if (r.row_count() != 1 || !r.at(0, 0).is_int()) {
            answer["status"] = "error";
            answer["message"] = "expected one integer row";
        } else {
            answer["status"] = "ok";
            answer["count"] = r.at(0, 0).as_int();
        }
        std::string line = answer.dump() + "\n";
        ssize_t ignored = ::write(fds[1], line.data(), line.size());
        (void)ignored;
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string reply;
    auto start = Clock::now();
    bool timed_out = false;
    for (;;) {
        double left_ms = timeout_s * 1000 - ms_since(start);
        if (left_ms <= 0) {
            timed_out = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        int ready = ::poll(&p, 1, static_cast<int>(std::min(left_ms, 1000.0)) + 1);
        if (ready <= 0) continue;
        char buf[4096];
        ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n <= 0) break;  // the child is done (or died)
        reply.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (timed_out) ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (timed_out) {
        out["status"] = "timeout";
        out["ms"] = timeout_s * 1000;
    } else if (reply.empty()) {
        out["status"] = "error";
        out["message"] =
            WIFSIGNALED(status) ? std::string("killed by signal ") + ::strsignal(WTERMSIG(status)) : "no answer";
    } else {
        out.update(nlohmann::json::parse(reply));
    }
    return out;
}

void usage() {
    std::cerr << "usage: kgq_lsqb --data DIR [--lsqb DIR] [--timeout SECONDS] [--queries 1,2,...]\n"
                 "  --data     folder of the LSQB CSV files (Kùzu's dataset/lsqb-sf01 layout)\n"
                 "  --lsqb     folder of schema.kgq, load.kgq and queries/ (default: the source tree's)\n"
                 "  --timeout  per query, in seconds (default 300)\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::string data, lsqb = KGQ_LSQB_DIR;
    double timeout_s = 300;
    std::vector<int> queries{1, 2, 3, 4, 5, 6, 7, 8, 9};
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage();
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--data") data = value();
        else if (a == "--lsqb") lsqb = value();
        else if (a == "--timeout") timeout_s = std::stod(value());
        else if (a == "--queries") {
            queries.clear();
            std::stringstream s(value());
            for (std::string q; std::getline(s, q, ',');) queries.push_back(std::stoi(q));
        } else {
            usage();
            return a == "--help" ? 0 : 2;
        }
    }
    if (data.empty()) {
        usage();
        return 2;
    }
    nlohmann::json out{{"engine", "kgq"}};
    try {
        kgq::Database db;
        auto start = Clock::now();
        // COPY paths are relative to the script's name: point it into the data folder.
        run_script(db, lsqb + "/schema.kgq", data + "/schema.kgq");
        run_script(db, lsqb + "/load.kgq", data + "/load.kgq");
        out["load_ms"] = ms_since(start);
        out["load_peak_kib"] = peak_kib();
        out["loaded_rss_kib"] = status_kib("VmRSS:");  // what the loaded graph keeps
        std::cerr << "kgq: loaded in " << static_cast<long>(out["load_ms"].get<double>()) << " ms\n";
        long peak = peak_kib();
        for (int q : queries) {
            nlohmann::json r = run_query(db, q, slurp(lsqb + "/queries/q" + std::to_string(q) + ".cypher"), timeout_s);
            if (r.contains("peak_kib")) peak = std::max(peak, r["peak_kib"].get<long>());
            std::cerr << "kgq: " << r.dump() << "\n";
            out["queries"].push_back(r);
        }
        out["peak_kib"] = peak;
    } catch (const std::exception& ex) {
        out["error"] = ex.what();
        std::cout << out.dump() << std::endl;
        std::cerr << "kgq_lsqb: " << ex.what() << "\n";
        return 1;
    }
    std::cout << out.dump() << std::endl;
    return 0;
}
