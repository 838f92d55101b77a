// tests/stix/test_unc4841_roundtrip.cpp — the bundled graph survives EXPORT STIX and IMPORT
// STIX (issue 11 e, g): `kgq graphs/unc4841/unc4841.kgq -c "EXPORT STIX 'u.json'"` then
// `kgq u.json` gives the same nodes (labels, properties), relations and answers. Its Claim
// nodes are kgq's own type, with ids 'x-kgq-claim--<slug>': they must go out as STIX type
// x-kgq-claim (STIX wants the id to start with the type) and come back as Claim.
#include "stix_test_support.hpp"

using namespace stix_test;

namespace {

using Properties = std::map<std::string, kgq::Value>;

struct Element {
    std::string labels;
    Properties properties;
};

Properties properties_of(const kgq::Value& map) {
    Properties out;
    for (const auto& [k, v] : map.as_map()) out.emplace(k, v);
    return out;
}

// Every node by its id: labels and properties.
std::map<std::string, Element> nodes_by_id(kgq::Database& db) {
    std::map<std::string, Element> out;
    kgq::Result r = run(db, "MATCH (n) RETURN n.id, labels(n), properties(n)");
    REQUIRE(r.ok());
    for (const auto& row : r.rows()) out[row[0].as_string()] = {row[1].to_string(), properties_of(row[2])};
    return out;
}

// Every relation as "TYPE source->target" with its properties (without the STIX bookkeeping
// the export adds: a generated id and spec_version).
std::multimap<std::string, Properties> relations(kgq::Database& db) {
    std::multimap<std::string, Properties> out;
    kgq::Result r = run(db, "MATCH (a)-[r]->(b) RETURN type(r), a.id, b.id, properties(r)");
    REQUIRE(r.ok());
    for (const auto& row : r.rows()) {
        Properties p = properties_of(row[3]);
        p.erase("id");
        p.erase("spec_version");
        out.emplace(row[0].as_string() + " " + row[1].as_string() + "->" + row[2].as_string(), std::move(p));
    }
    return out;
}

std::string script_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

bool run_script(kgq::Database& db, const std::string& path, std::vector<kgq::Result>* results = nullptr) {
    kgq::ExecuteOptions options;
    options.source_name = path;
    return db.run(script_text(path), {}, options, [&](const kgq::Result& r) {
        if (!r.ok()) MESSAGE(path << ": " << r.error().to_string());
        if (results) results->push_back(r);
        return r.ok();
    });
}

}  // namespace

TEST_CASE("graphs/unc4841 round-trips through EXPORT STIX and IMPORT STIX") {
    const std::string script = std::string(KGQ_SOURCE_DIR) + "/graphs/unc4841/unc4841.kgq";
    if (!fs::exists(script)) {
        MESSAGE("skipped: " << script << " not found");
        return;
    }
    TempDir dir;
    kgq::Database original;
    REQUIRE(run_script(original, script));
    const std::string exported = (dir.path / "u.json").string();
    kgq::Result r = run(original, "EXPORT STIX '" + exported + "'");
    REQUIRE(r.ok());

    // Every object's id starts with its type, as STIX (and our importer) want.
    const json bundle = read_json(exported);
    std::size_t claims = 0;
    for (const auto& o : bundle["objects"]) {
        const std::string type = o["type"], id = o["id"];
        CHECK_MESSAGE(id.rfind(type + "--", 0) == 0, id << " has type " << type);
        if (type == "x-kgq-claim") ++claims;
    }
    CHECK(claims == 14);

    kgq::Database copy;
    kgq::Result imported = import(copy, exported);
    REQUIRE(imported.ok());
    CHECK(imported.warnings().empty());

    CHECK(count(copy, "MATCH (n) RETURN count(n)") == count(original, "MATCH (n) RETURN count(n)"));
    CHECK(count(copy, "MATCH ()-[r]->() RETURN count(r)") == count(original, "MATCH ()-[r]->() RETURN count(r)"));
    CHECK(count(copy, "MATCH (c:Claim) RETURN count(c)") == 14);

    // Node for node: the same labels and every property with the same value and type; the
    // import adds only STIX's `type` and `spec_version`.
    const auto before = nodes_by_id(original);
    const auto after = nodes_by_id(copy);
    REQUIRE(before.size() == after.size());
    // Named copies, not structured bindings: clang 14 cannot capture a binding in doctest's lambdas.
    for (const auto& entry : before) {
        const std::string& id = entry.first;
        const Element& node = entry.second;
        REQUIRE_MESSAGE(after.count(id), id);
        const Element& back = after.at(id);
        CHECK_MESSAGE(back.labels == node.labels, id);
        for (const auto& property : node.properties) {
            const std::string& key = property.first;
            const kgq::Value& value = property.second;
            auto it = back.properties.find(key);
            if (it == back.properties.end()) {
                FAIL_CHECK(id << "." << key << " is lost");
                continue;
            }
            CHECK_MESSAGE(it->second == value,
                          id << "." << key << ": " << value.to_string() << " came back as " << it->second.to_string());
            CHECK_MESSAGE(it->second.kind() == value.kind(), id << "." << key);
        }
        for (const auto& property : back.properties) {
            const std::string& key = property.first;
            if (!node.properties.count(key)) CHECK_MESSAGE((key == "type" || key == "spec_version"), id << "." << key);
        }
    }
    const auto rels_before = relations(original);
    const auto rels_after = relations(copy);
    CHECK(rels_before == rels_after);

    // The questions of graphs/unc4841 give the same answers on the copy.
    const std::string questions = std::string(KGQ_SOURCE_DIR) + "/graphs/unc4841/questions.kgq";
    std::vector<kgq::Result> answers, answers_copy;
    REQUIRE(run_script(original, questions, &answers));
    REQUIRE(run_script(copy, questions, &answers_copy));
    REQUIRE(answers.size() == answers_copy.size());
    for (std::size_t i = 0; i < answers.size(); ++i) {
        auto sorted = [](const kgq::Result& res) {
            std::multiset<std::string> rows;
            for (const auto& row : res.rows()) {
                std::string line;
                for (const auto& v : row) line += v.to_string() + " | ";
                rows.insert(line);
            }
            return rows;
        };
        CHECK_MESSAGE(sorted(answers[i]) == sorted(answers_copy[i]), "question " << i + 1 << " of " << questions);
    }

    // And a second export of the copy writes the same objects.
    const std::string again = (dir.path / "u2.json").string();
    REQUIRE(run(copy, "EXPORT STIX '" + again + "'").ok());
    json first_objects = bundle["objects"], second_objects = read_json(again)["objects"];
    auto by_id = [](const json& objects) {
        std::map<std::string, json> out;
        for (const auto& o : objects) out[o["id"].get<std::string>()] = o;
        return out;
    };
    CHECK(by_id(first_objects) == by_id(second_objects));
}
