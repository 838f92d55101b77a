// tests/stix/test_attack.cpp — MITRE ATT&CK Enterprise (../shared/data/attack, not in the repo)
// imported in strict mode: counts by type and relation type against the JSON, a few known
// facts, and a re-import that changes nothing. Skipped, with a message, without the bundle.
#include "stix_test_support.hpp"

#include "import/stix_vocabulary.hpp"

using namespace stix_test;

TEST_CASE("ATT&CK Enterprise imports in strict mode with every object") {
    if (!attack_present()) {
        MESSAGE("skipped: " << attack_path() << " not found");
        return;
    }
    const Attack& attack = Attack::get();
    kgq::Database& db = attack_db();
    CHECK(db.schema().strict);

    // Objects by type, from the JSON.
    std::map<std::string, std::int64_t> by_type;
    std::map<std::string, std::int64_t> by_relationship;
    std::map<std::string, std::int64_t> references;
    for (const auto& o : attack.bundle["objects"]) {
        const std::string type = o["type"];
        if (type == "relationship") {
            ++by_relationship[o["relationship_type"].get<std::string>()];
            continue;
        }
        ++by_type[type];
        for (const auto& [key, value] : o.items()) {
            if (!kgq::import::stix::is_ref_property(key) && !kgq::import::stix::is_refs_property(key)) continue;
            const json targets = value.is_array() ? value : json::array({value});
            for (const auto& t : targets)
                if (attack.by_id.count(t.get<std::string>())) ++references[key];
        }
    }
    for (const auto& [type, n] : by_type) {
        const std::string label = kgq::import::stix::entity_type_name(type);
        CAPTURE(label);
        CHECK(count(db, "MATCH (n:" + label + ") RETURN count(n)") == n);
    }
    for (const auto& [type, n] : by_relationship) {
        const std::string rel = kgq::import::stix::relation_type_name(type);
        CAPTURE(rel);
        CHECK(count(db, "MATCH ()-[r:" + rel + "]->() RETURN count(r)") == n);
    }
    for (const auto& [property, n] : references) {
        const std::string rel = kgq::import::stix::relation_type_name(property);
        CAPTURE(rel);
        CHECK(count(db, "MATCH ()-[r:" + rel + "]->() RETURN count(r)") == n);
    }
    std::int64_t objects = 0;
    for (const auto& [type, n] : by_type) objects += n;
    CHECK(count(db, "MATCH (n:StixObject) RETURN count(n)") == objects);
    CHECK(count(db, "MATCH (s:Software) RETURN count(s)") == by_type["malware"] + by_type["tool"]);
}

TEST_CASE("ATT&CK facts: HAFNIUM, Phishing and its sub-techniques") {
    if (!attack_present()) {
        MESSAGE("skipped: " << attack_path() << " not found");
        return;
    }
    const Attack& attack = Attack::get();
    kgq::Database& db = attack_db();
    CHECK(scalar(db, "MATCH (g:IntrusionSet {external_id: 'G0125'}) RETURN g.name") == kgq::Value("HAFNIUM"));
    CHECK(scalar(db, "MATCH (g:IntrusionSet {external_id: 'G0125'}) RETURN g.id") ==
          kgq::Value("intrusion-set--2688b13e-8e71-405a-9c40-0dee94bddf87"));
    CHECK(scalar(db, "MATCH (t:AttackPattern {external_id: 'T1566'}) RETURN t.name") == kgq::Value("Phishing"));

    const json* phishing = attack.by_external_id("attack-pattern", "T1566");
    REQUIRE(phishing);
    std::int64_t subs = 0;
    for (const auto& [s, t] : attack.edges("subtechnique-of", {"attack-pattern"}, {"attack-pattern"}))
        if (t == phishing) ++subs;
    CHECK(subs > 0);
    CHECK(count(db,
                "MATCH (s:AttackPattern)-[:SUBTECHNIQUE_OF]->(:AttackPattern {external_id: 'T1566'}) "
                "RETURN count(s)") == subs);
    CHECK(count(db,
                "MATCH (t:AttackPattern {external_id: 'T1566'}) WHERE t.x_mitre_is_subtechnique = false "
                "RETURN count(t)") == 1);
    // Revoked objects stay, with their flag.
    std::int64_t revoked = 0;
    for (const auto& o : attack.bundle["objects"])
        if (o["type"] != "relationship" && o.value("revoked", false)) ++revoked;
    CHECK(count(db, "MATCH (n:StixObject) WHERE n.revoked = true RETURN count(n)") == revoked);
}

TEST_CASE("re-importing ATT&CK changes nothing") {
    if (!attack_present()) {
        MESSAGE("skipped: " << attack_path() << " not found");
        return;
    }
    kgq::Database& db = attack_db();
    const auto nodes = count(db, "MATCH (n) RETURN count(n)");
    const auto rels = count(db, "MATCH ()-[r]->() RETURN count(r)");
    kgq::Result r = import(db, attack_path());
    REQUIRE(r.ok());
    MESSAGE(r.message());
    CHECK(r.stats().nodes_created == 0);
    CHECK(r.stats().relationships_created == 0);
    CHECK(r.stats().properties_set == 0);
    CHECK(count(db, "MATCH (n) RETURN count(n)") == nodes);
    CHECK(count(db, "MATCH ()-[r]->() RETURN count(r)") == rels);
}
