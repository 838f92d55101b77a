// tests/stix/stix_test_support.hpp — what the STIX tests share: a temporary folder for the
// bundles they write, running statements through kgq::Database, and ATT&CK loaded once (the
// JSON for computing expected answers, and an imported Database).
#pragma once

#include "kgq/database.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>

namespace stix_test {

namespace fs = std::filesystem;
using json = nlohmann::json;

// A folder removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        static int counter = 0;
        path = fs::temp_directory_path() /
               ("kgq-stix-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string write(const std::string& name, const json& j) const {
        const fs::path file = path / name;
        std::ofstream(file) << j.dump(2);
        return file.string();
    }
    std::string write_text(const std::string& name, const std::string& text) const {
        const fs::path file = path / name;
        std::ofstream(file) << text;
        return file.string();
    }
};

inline json read_json(const std::string& path) {
    std::ifstream in(path);
    return json::parse(in);
}

inline kgq::Result run(kgq::Database& db, const std::string& statement) {
    kgq::Result r = db.execute(statement);
    if (!r.ok()) MESSAGE(statement << "\n  -> " << r.error().to_string());
    return r;
}

inline kgq::Result import(kgq::Database& db, const std::string& path) { return run(db, "IMPORT STIX '" + path + "'"); }

// The single value of a one-row, one-column query.
inline kgq::Value scalar(kgq::Database& db, const std::string& query) {
    kgq::Result r = run(db, query);
    REQUIRE(r.ok());
    REQUIRE(r.row_count() == 1);
    return r.at(0, 0);
}

inline std::int64_t count(kgq::Database& db, const std::string& query) {
    kgq::Value v = scalar(db, query);
    REQUIRE(v.is_int());
    return v.as_int();
}

inline const kgq::EntityTypeInfo* entity_type(const kgq::SchemaInfo& schema, const std::string& name) {
    for (const auto& t : schema.entity_types)
        if (t.name == name) return &t;
    return nullptr;
}

inline const kgq::PropertyInfo* property(const kgq::EntityTypeInfo& type, const std::string& name) {
    for (const auto& p : type.properties)
        if (p.name == name) return &p;
    return nullptr;
}

// ---------------------------------------------------------------- ATT&CK

inline std::string attack_path() { return std::string(KGQ_SHARED_DIR) + "/data/attack/enterprise-attack.json"; }
inline bool attack_present() { return fs::exists(attack_path()); }

// The bundle as JSON, with the lookups the expected answers need, computed without kgq.
struct Attack {
    json bundle;
    std::map<std::string, const json*> by_id;
    std::vector<const json*> relationships;

    static const Attack& get() {
        static const Attack attack = [] {
            Attack a;
            a.bundle = read_json(attack_path());
            for (const auto& o : a.bundle["objects"]) {
                a.by_id[o["id"].get<std::string>()] = &o;
                if (o["type"] == "relationship") a.relationships.push_back(&o);
            }
            return a;
        }();
        return attack;
    }

    static std::string external_id(const json& o) {
        for (const auto& ref : o.value("external_references", json::array()))
            if (ref.contains("external_id")) return ref["external_id"].get<std::string>();
        return {};
    }

    const json* by_external_id(const std::string& type, const std::string& ext) const {
        for (const auto& o : bundle["objects"])
            if (o["type"] == type && external_id(o) == ext) return &o;
        return nullptr;
    }

    // (source, target) of every relationship of one type whose endpoints have these types.
    std::vector<std::pair<const json*, const json*>> edges(const std::string& relationship_type,
                                                           const std::set<std::string>& source_types,
                                                           const std::set<std::string>& target_types) const {
        std::vector<std::pair<const json*, const json*>> out;
        for (const json* r : relationships) {
            if ((*r)["relationship_type"] != relationship_type) continue;
            const json* s = by_id.at((*r)["source_ref"].get<std::string>());
            const json* t = by_id.at((*r)["target_ref"].get<std::string>());
            if (source_types.count((*s)["type"].get<std::string>()) &&
                target_types.count((*t)["type"].get<std::string>()))
                out.emplace_back(s, t);
        }
        return out;
    }
};

// ATT&CK imported into a fresh Database once for all the tests that only read it.
inline kgq::Database& attack_db() {
    static kgq::Database db;
    static const bool loaded = [] {
        kgq::Result r = import(db, attack_path());
        REQUIRE(r.ok());
        MESSAGE(r.message() << " (" << r.elapsed_ms() << " ms)");
        return true;
    }();
    (void)loaded;
    return db;
}

// The query under a `// @name` line of a .kgq file, up to its ';' (comment lines skipped).
inline std::string tagged_query(const std::string& file, const std::string& name) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    const std::string marker = "// @" + name + "\n";
    const auto at = s.find(marker);
    REQUIRE_MESSAGE(at != std::string::npos, "no query tagged @" << name << " in " << file);
    // The lines after the marker, without whole-line comments, up to the first ';'.
    std::istringstream lines(s.substr(at + marker.size()));
    std::string query, line;
    while (std::getline(lines, line)) {
        if (line.find_first_not_of(" \t") != std::string::npos && line.substr(line.find_first_not_of(" \t"), 2) == "//")
            continue;
        const auto semicolon = line.find(';');
        query += line.substr(0, semicolon) + "\n";
        if (semicolon != std::string::npos) return query;
    }
    FAIL("the query tagged @" << name << " has no ';'");
    return {};
}

inline std::string questions_file() { return std::string(KGQ_SOURCE_DIR) + "/graphs/attack/questions.kgq"; }

}  // namespace stix_test
