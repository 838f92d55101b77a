// bench/latency/kgq_latency.cpp — kgq's side of the latency benchmark (issue 12.4): loads LDBC
// SNB SF0.1 through bench/ldbc's schema.kgq and load.kgq, then times, one statement at a time,
// a key lookup returning one row and a 1-hop count, each three ways:
//   execute   Database::execute(text, params): the plan cache finds the parsed, planned text
//   prepared  Database::prepare(text) once, then PreparedStatement::execute(params)
//   cold      a new text every time (the id written into it): parse, bind, plan, run
// Every call with a person id drawn from the loaded ids (the same sequence for every way and
// for Kùzu: a fixed-seed linear congruential generator over the sorted ids). Prints one JSON
// object: p50, p99, mean in microseconds per query and way. Public API only.
//   kgq_latency --data DIR [--ldbc DIR] [--calls N]
#include "kgq/database.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

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

// The id sequence kuzu_latency.js draws too.
std::vector<std::int64_t> draw(const std::vector<std::int64_t>& ids, std::size_t n) {
    std::vector<std::int64_t> out;
    std::uint64_t x = 12345;
    for (std::size_t i = 0; i < n; ++i) {
        x = (x * 1103515245 + 12345) % 2147483648ULL;
        out.push_back(ids[x % ids.size()]);
    }
    return out;
}

nlohmann::json summary(std::vector<double> us) {
    std::sort(us.begin(), us.end());
    double sum = 0;
    for (double u : us) sum += u;
    auto at = [&](double q) { return us[std::min(us.size() - 1, static_cast<std::size_t>(q * us.size()))]; };
    return {{"p50_us", at(0.50)}, {"p99_us", at(0.99)}, {"mean_us", sum / us.size()}, {"calls", us.size()}};
}

// Characters, as kuzu_latency.js counts them, for the checksum both sides print.
std::int64_t code_points(const std::string& s) {
    std::int64_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

struct Query {
    std::string name, text;
};

}  // namespace

int main(int argc, char** argv) {
    std::string data, ldbc = KGQ_LDBC_DIR;
    std::size_t calls = 20000;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--data" && i + 1 < argc) data = argv[++i];
        else if (a == "--ldbc" && i + 1 < argc) ldbc = argv[++i];
        else if (a == "--calls" && i + 1 < argc) calls = std::stoul(argv[++i]);
        else {
            std::cerr << "usage: kgq_latency --data DIR [--ldbc DIR] [--calls N]\n";
            return 2;
        }
    }
    if (data.empty()) {
        std::cerr << "usage: kgq_latency --data DIR [--ldbc DIR] [--calls N]\n";
        return 2;
    }
    try {
        kgq::Database db;
        run_script(db, ldbc + "/schema.kgq", data + "/schema.kgq");
        run_script(db, ldbc + "/load.kgq", data + "/load.kgq");
        kgq::Result id_rows = db.execute("MATCH (p:Person) RETURN p.id ORDER BY p.id");
        std::vector<std::int64_t> ids;
        for (const auto& row : id_rows.rows()) ids.push_back(row[0].as_int());
        const std::vector<std::int64_t> sequence = draw(ids, calls);
        const std::vector<Query> queries = {
            {"lookup", "MATCH (p:Person {id: $id}) RETURN p.firstName"},
            {"one_hop_count", "MATCH (p:Person {id: $id})-[:KNOWS]-(f:Person) RETURN count(f)"},
        };
        nlohmann::json out{{"engine", "kgq"}, {"persons", ids.size()}, {"queries", nlohmann::json::object()}};
        for (const auto& q : queries) {
            nlohmann::json ways;
            std::int64_t checksum = 0;
            auto time_way = [&](const char* way, auto&& call) {
                std::vector<double> us;
                us.reserve(sequence.size());
                std::int64_t sum = 0;
                for (std::size_t i = 0; i < std::min<std::size_t>(200, sequence.size()); ++i)
                    call(sequence[i]);  // warm
                for (std::int64_t id : sequence) {
                    auto t = Clock::now();
                    kgq::Result r = call(id);
                    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t).count());
                    if (!r.ok()) throw std::runtime_error(q.name + ": " + r.error().to_string());
                    if (r.row_count() != 1) throw std::runtime_error(q.name + ": not one row");
                    const kgq::Value& v = r.at(0, 0);
                    sum += v.is_int() ? v.as_int() : code_points(v.as_string());
                }
                if (checksum != 0 && sum != checksum) throw std::runtime_error(q.name + ": ways disagree");
                checksum = sum;
                ways[way] = summary(std::move(us));
            };
            time_way("execute", [&](std::int64_t id) { return db.execute(q.text, {{"id", kgq::Value(id)}}); });
            kgq::PreparedStatement prepared = db.prepare(q.text);
            time_way("prepared", [&](std::int64_t id) { return prepared.execute({{"id", kgq::Value(id)}}); });
            std::string cold_text = q.text;
            const auto at = cold_text.find("$id");
            time_way("cold", [&](std::int64_t id) {
                std::string t = cold_text;
                t.replace(at, 3, std::to_string(id));
                return db.execute(t);
            });
            ways["checksum"] = checksum;
            out["queries"][q.name] = ways;
        }
        std::cout << out.dump(2) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "kgq_latency: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
