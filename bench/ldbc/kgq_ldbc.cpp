// bench/ldbc/kgq_ldbc.cpp — kgq's side of the LDBC SNB Interactive benchmark: loads Kùzu's
// dataset/ldbc-sf01 CSV files through schema.kgq and load.kgq (COPY), then runs the IS/IC
// queries of queries/ with the parameters of params.json. Each query runs in a forked child
// (one warm-up, then --rounds timed runs); the child reports each run on a pipe and the parent
// kills it when a run takes longer than --timeout, reporting "timeout" without losing the
// loaded graph. The rows of the last run are printed in the format of Kùzu's test files
// (cells joined by '|', True/False, [a,b] lists, null empty) for report.js to check.
// Prints one JSON object on stdout. Public API only (kgq::Database). Run by bench/ldbc/run.sh;
// usage: kgq_ldbc --help.
#include "kgq/database.hpp"

#include <nlohmann/json.hpp>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
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

// The queries in the order of Kùzu's test files (interactive_short.test, interactive_complex.test).
const std::vector<std::string> all_queries{"is1", "is2", "is3", "is4", "is5",  "is6",  "is7", "ic2",
                                           "ic3", "ic4", "ic6", "ic8", "ic11", "ic12", "ic13"};

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

// A value as Kùzu's test runner prints it: strings bare, booleans True/False, null empty,
// lists [a,b,c] with bare elements.
std::string kuzu_cell(const kgq::Value& v) {
    if (v.is_null()) return "";
    if (v.is_bool()) return v.as_bool() ? "True" : "False";
    if (v.is_int()) return std::to_string(v.as_int());
    if (v.is_string()) return v.as_string();
    if (v.is_list()) {
        std::string out = "[";
        bool first = true;
        for (const kgq::Value& item : v.as_list()) {
            if (!first) out += ",";
            first = false;
            out += kuzu_cell(item);
        }
        return out + "]";
    }
    return v.to_string();
}

kgq::Parameters parameters(const nlohmann::json& p) {
    kgq::Parameters out;
    for (const auto& [name, value] : p.items()) {
        if (value.is_number_integer()) out[name] = kgq::Value(value.get<long long>());
        else if (value.is_string()) out[name] = kgq::Value(value.get<std::string>());
        else if (value.is_number()) out[name] = kgq::Value(value.get<double>());
        else if (value.is_boolean()) out[name] = kgq::Value(value.get<bool>());
        else throw std::runtime_error("params.json: unsupported value for $" + name);
    }
    return out;
}

void write_line(int fd, const nlohmann::json& j) {
    std::string line = j.dump() + "\n";
    const char* p = line.data();
    std::size_t left = line.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n <= 0) return;
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

// The child: warm-up plus `rounds` runs, one JSON line per run, the rows with the last.
[[noreturn]] void child_main(kgq::Database& db, const std::string& text, const kgq::Parameters& params, int rounds,
                             int fd) {
    for (int run = 0; run <= rounds; ++run) {
        auto start = Clock::now();
        kgq::Result r = db.execute(text, params);
        double ms = ms_since(start);
        nlohmann::json line{{"run", run}, {"ms", ms}};
        if (!r.ok()) {
            line["status"] = "error";
            line["message"] = r.error().to_string();
            write_line(fd, line);
            ::_exit(0);
        }
        line["status"] = "ok";
        if (run == rounds) {
            line["columns"] = r.columns();
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& row : r.rows()) {
                std::string cells;
                for (std::size_t c = 0; c < row.size(); ++c) {
                    if (c > 0) cells += "|";
                    cells += kuzu_cell(row[c]);
                }
                rows.push_back(cells);
            }
            line["rows"] = rows;
            line["peak_kib"] = peak_kib();
        }
        write_line(fd, line);
    }
    ::_exit(0);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// One query in a child process; the parent waits up to timeout_s for each run's line.
nlohmann::json run_query(kgq::Database& db, const std::string& name, const std::string& text,
                         const kgq::Parameters& params, int rounds, double timeout_s) {
    nlohmann::json out{{"query", name}};
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    std::fflush(nullptr);
    pid_t child = ::fork();
    if (child < 0) throw std::runtime_error("fork failed");
    if (child == 0) {
        ::close(fds[0]);
        child_main(db, text, params, rounds, fds[1]);
    }
    ::close(fds[1]);
    std::string buffer;
    std::vector<nlohmann::json> runs;
    bool timed_out = false, done = false;
    auto run_start = Clock::now();
    while (!done) {
        double left_ms = timeout_s * 1000 - ms_since(run_start);
        if (left_ms <= 0) {
            timed_out = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        int ready = ::poll(&p, 1, static_cast<int>(std::min(left_ms, 1000.0)) + 1);
        if (ready <= 0) continue;
        char buf[65536];
        ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n <= 0) break;  // the child is done (or died)
        buffer.append(buf, static_cast<std::size_t>(n));
        for (std::size_t nl; (nl = buffer.find('\n')) != std::string::npos;) {
            runs.push_back(nlohmann::json::parse(buffer.substr(0, nl)));
            buffer.erase(0, nl + 1);
            run_start = Clock::now();  // the next run's time limit starts now
            const nlohmann::json& last = runs.back();
            if (last["status"] != "ok" || last["run"].get<int>() == rounds) done = true;
        }
    }
    ::close(fds[0]);
    if (timed_out) ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    std::vector<double> times;
    for (const auto& r : runs) {
        if (r["status"] == "ok" && r["run"].get<int>() > 0) times.push_back(r["ms"].get<double>());
    }
    out["runs_ms"] = nlohmann::json::array();
    for (const auto& r : runs) out["runs_ms"].push_back(r["ms"]);
    if (timed_out) {
        out["status"] = "timeout";
        out["ms"] = timeout_s * 1000;
    } else if (!runs.empty() && runs.back()["status"] == "error") {
        out["status"] = "error";
        out["message"] = runs.back()["message"];
    } else if (runs.empty() || runs.back()["run"].get<int>() != rounds) {
        out["status"] = "error";
        out["message"] =
            WIFSIGNALED(status) ? std::string("killed by signal ") + ::strsignal(WTERMSIG(status)) : "no answer";
    } else {
        const nlohmann::json& last = runs.back();
        out["status"] = "ok";
        out["ms"] = median(times);
        out["columns"] = last["columns"];
        out["rows"] = last["rows"];
        out["peak_kib"] = last["peak_kib"];
    }
    return out;
}

void usage() {
    std::cerr << "usage: kgq_ldbc --data DIR [--ldbc DIR] [--timeout SECONDS] [--rounds N] [--queries is1,ic2,...]\n"
                 "  --data     folder of the LDBC CSV files (Kùzu's dataset/ldbc-sf01)\n"
                 "  --ldbc     folder of schema.kgq, load.kgq, params.json and queries/ (default: the source tree's)\n"
                 "  --timeout  per run of a query, in seconds (default 300)\n"
                 "  --rounds   timed runs per query after one warm-up; the median is reported (default 3)\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::string data, ldbc = KGQ_LDBC_DIR;
    double timeout_s = 300;
    int rounds = 3;
    std::vector<std::string> queries = all_queries;
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
        else if (a == "--ldbc") ldbc = value();
        else if (a == "--timeout") timeout_s = std::stod(value());
        else if (a == "--rounds") rounds = std::max(1, std::stoi(value()));
        else if (a == "--queries") {
            queries.clear();
            std::stringstream s(value());
            for (std::string q; std::getline(s, q, ',');) queries.push_back(q);
        } else {
            usage();
            return a == "--help" ? 0 : 2;
        }
    }
    if (data.empty()) {
        usage();
        return 2;
    }
    nlohmann::json out{{"engine", "kgq"}, {"rounds", rounds}, {"requested", queries}};
    try {
        nlohmann::json params = nlohmann::json::parse(slurp(ldbc + "/params.json"));
        kgq::Database db;
        auto start = Clock::now();
        // COPY paths are relative to the script's name: point it into the data folder.
        run_script(db, ldbc + "/schema.kgq", data + "/schema.kgq");
        run_script(db, ldbc + "/load.kgq", data + "/load.kgq");
        out["load_ms"] = ms_since(start);
        out["load_peak_kib"] = peak_kib();
        out["loaded_rss_kib"] = status_kib("VmRSS:");  // what the loaded graph keeps
        std::cerr << "kgq: loaded in " << static_cast<long>(out["load_ms"].get<double>()) << " ms\n";
        long peak = peak_kib();
        out["queries"] = nlohmann::json::array();
        for (const std::string& q : queries) {
            if (!params.contains(q)) throw std::runtime_error("params.json has no entry " + q);
            std::string text = slurp(ldbc + "/queries/" + q + ".cypher");
            nlohmann::json r = run_query(db, q, text, parameters(params[q]), rounds, timeout_s);
            if (r.contains("peak_kib")) peak = std::max(peak, r["peak_kib"].get<long>());
            nlohmann::json brief = r;
            brief.erase("rows");
            brief.erase("columns");
            std::cerr << "kgq: " << brief.dump() << "\n";
            out["queries"].push_back(r);
        }
        out["peak_kib"] = peak;
    } catch (const std::exception& ex) {
        out["error"] = ex.what();
        std::cout << out.dump() << std::endl;
        std::cerr << "kgq_ldbc: " << ex.what() << "\n";
        return 1;
    }
    std::cout << out.dump() << std::endl;
    return 0;
}
