// tests/stix/test_export.cpp — EXPORT STIX: the vocabulary mapped back to STIX 2.1, and the
// round trip import(export(g)) == g, checked on the exported objects and through queries.
#include "stix_fixtures.hpp"
#include "stix_test_support.hpp"

using namespace stix_test;

namespace {

std::map<std::string, json> objects_by_id(const json& bundle) {
    std::map<std::string, json> out;
    for (const auto& o : bundle["objects"]) out[o["id"].get<std::string>()] = o;
    return out;
}

// What a graph holds, in terms that do not depend on internal ids: every node by type and
// properties, every relation by type, endpoints' ids and properties.
std::multiset<std::string> graph_facts(kgq::Database& db) {
    std::multiset<std::string> facts;
    kgq::Result nodes = run(db, "MATCH (n) RETURN labels(n), properties(n)");
    REQUIRE(nodes.ok());
    for (const auto& row : nodes.rows()) facts.insert(row[0].to_string() + " " + row[1].to_string());
    kgq::Result rels = run(db, "MATCH (a)-[r]->(b) RETURN type(r), a.id, b.id, properties(r)");
    REQUIRE(rels.ok());
    for (const auto& row : rels.rows())
        facts.insert(row[0].to_string() + " " + row[1].to_string() + "->" + row[2].to_string() + " " +
                     row[3].to_string());
    return facts;
}

}  // namespace

TEST_CASE("EXPORT STIX maps the vocabulary back to STIX 2.1") {
    TempDir dir;
    kgq::Database db;
    REQUIRE(import(db, dir.write("mini.json", mini_bundle())).ok());
    const std::string out = (dir.path / "out.json").string();
    kgq::Result r = run(db, "EXPORT STIX '" + out + "'");
    REQUIRE(r.ok());
    MESSAGE(r.message());

    const json bundle = read_json(out);
    CHECK(bundle["type"] == "bundle");
    CHECK(bundle["id"].get<std::string>().rfind("bundle--", 0) == 0);
    auto objects = objects_by_id(bundle);
    CHECK(objects.size() == 12 + 6);

    const json& group = objects.at(group_id);
    CHECK(group["type"] == "intrusion-set");
    CHECK(group["name"] == "HAFNIUM");
    CHECK(group["created"] == "2017-05-31T21:31:43.540Z");
    CHECK(group["created_by_ref"] == mitre_id);
    CHECK(group["object_marking_refs"] == json::array({tlp_id}));
    CHECK(group["external_references"] == mini_bundle()["objects"][2]["external_references"]);
    CHECK_FALSE(group.contains("external_id"));  // derived from external_references on import
    CHECK(objects.at(phishing_id)["kill_chain_phases"] ==
          json::array({{{"kill_chain_name", "mitre-attack"}, {"phase_name", "initial-access"}}}));
    CHECK(objects.at(tactic_id)["type"] == "x-mitre-tactic");
    CHECK(objects.at("x-acme-widget--1")["type"] == "x-acme-widget");
    CHECK(objects.at(report_id)["object_refs"] == json::array({group_id, phishing_id}));

    const json& attributed = objects.at("relationship--0a1b2c3d-0000-4000-8000-000000000004");
    CHECK(attributed["type"] == "relationship");
    CHECK(attributed["relationship_type"] == "attributed-to");
    CHECK(attributed["source_ref"] == campaign_id);
    CHECK(attributed["target_ref"] == group_id);
    CHECK(attributed["created_by_ref"] == mitre_id);
    CHECK(attributed["modified"] == "2021-03-03T20:49:36.543Z");
}

TEST_CASE("import(export(g)) equals g") {
    TempDir dir;
    kgq::Database first;
    REQUIRE(import(first, dir.write("mini.json", mini_bundle())).ok());
    const std::string exported = (dir.path / "first.json").string();
    REQUIRE(run(first, "EXPORT STIX '" + exported + "'").ok());

    kgq::Database second;
    kgq::Result r = import(second, exported);
    REQUIRE(r.ok());
    CHECK(r.warnings().empty());
    const std::string again = (dir.path / "second.json").string();
    REQUIRE(run(second, "EXPORT STIX '" + again + "'").ok());

    // Same objects, property for property (bundle ids differ: each export is a new bundle).
    CHECK(objects_by_id(read_json(exported)) == objects_by_id(read_json(again)));
    // Same graph, as queries see it.
    CHECK(graph_facts(first) == graph_facts(second));
    CHECK(count(first, "MATCH (n) RETURN count(n)") == count(second, "MATCH (n) RETURN count(n)"));
    CHECK(count(first, "MATCH ()-[r]->() RETURN count(r)") == count(second, "MATCH ()-[r]->() RETURN count(r)"));
}

TEST_CASE("EXPORT STIX of a graph written in kgq gives ids to what has none") {
    TempDir dir;
    kgq::Database db;
    REQUIRE(run(db, "CREATE (:Person {name: 'Ann'})-[:KNOWS {since: 2020}]->(:Person {name: 'Bob'})").ok());
    const std::string out = (dir.path / "open.json").string();
    kgq::Result r = run(db, "EXPORT STIX '" + out + "'");
    REQUIRE(r.ok());
    const json bundle = read_json(out);
    REQUIRE(bundle["objects"].size() == 3);
    for (const auto& o : bundle["objects"]) {
        CHECK(o["spec_version"] == "2.1");
        if (o["type"] == "relationship") {
            CHECK(o["relationship_type"] == "knows");
            CHECK(o["since"] == 2020);
        } else {
            CHECK(o["type"] == "person");
            CHECK(o["id"].get<std::string>().rfind("person--", 0) == 0);
        }
    }
}

TEST_CASE("EXPORT STIX ... FROM query writes only the result's subgraph, and it imports again") {
    TempDir dir;
    kgq::Database db;
    REQUIRE(import(db, dir.write("mini.json", mini_bundle())).ok());
    const std::string out = (dir.path / "sub.json").string();
    // One relation and its endpoints: the relationship object and the two objects it joins.
    kgq::Result r = run(db, "EXPORT STIX '" + out + "' FROM MATCH (g:IntrusionSet)-[u:USES]->(m:Malware) RETURN u");
    REQUIRE(r.ok());
    const json bundle = read_json(out);
    std::multiset<std::string> types;
    for (const auto& o : bundle["objects"]) types.insert(o["type"].get<std::string>());
    CHECK(types == std::multiset<std::string>{"intrusion-set", "malware", "relationship"});

    kgq::Database copy;
    REQUIRE(import(copy, out).ok());
    CHECK(count(copy, "MATCH (:IntrusionSet)-[u:USES]->(:Malware) RETURN count(u)") == 1);
    CHECK(count(copy, "MATCH (n) RETURN count(n)") == 2);

    // A query with no rows exports an empty bundle, not the whole graph.
    REQUIRE(run(db, "EXPORT STIX '" + out + "' FROM MATCH (g:IntrusionSet {name: 'nobody'}) RETURN g").ok());
    CHECK(read_json(out)["objects"].empty());
}
