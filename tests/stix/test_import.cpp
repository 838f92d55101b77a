// tests/stix/test_import.cpp — IMPORT STIX on hand-written bundles: the vocabulary and the
// hierarchy it declares, property types, relationship objects and embedded references, custom
// types, skipped references, malformed objects (reported by index and id, nothing written) and
// re-imports that update by id.
#include "stix_fixtures.hpp"
#include "stix_test_support.hpp"

using namespace stix_test;

TEST_CASE("IMPORT STIX into an empty graph declares a strict STIX schema") {
    TempDir dir;
    kgq::Database db;
    kgq::Result r = import(db, dir.write("mini.json", mini_bundle()));
    REQUIRE(r.ok());
    MESSAGE(r.message());
    CHECK(r.message().find("Imported 19 objects") != std::string::npos);
    CHECK(r.stats().nodes_created == 12);
    CHECK(r.stats().relationships_created == 6 + 17);

    const kgq::SchemaInfo schema = db.schema();
    CHECK(schema.strict);
    const auto* root = entity_type(schema, "StixObject");
    REQUIRE(root);
    CHECK(root->abstract);
    CHECK(root->supertype.empty());
    REQUIRE(property(*root, "id"));
    CHECK(property(*root, "id")->key);
    CHECK(property(*root, "created")->type == "DATETIME");
    CHECK(property(*root, "external_references")->type == "LIST<MAP>");
    // Met on two types (intrusion-set, attack-pattern): declared once, on StixObject.
    REQUIRE(property(*root, "x_mitre_domains"));
    CHECK(property(*root, "x_mitre_domains")->type == "LIST<STRING>");

    const auto* software = entity_type(schema, "Software");
    REQUIRE(software);
    CHECK(software->abstract);
    CHECK(software->supertype == "StixObject");
    CHECK(entity_type(schema, "Malware")->supertype == "Software");
    CHECK(entity_type(schema, "Tool")->supertype == "Software");
    for (const char* name : {"IntrusionSet", "AttackPattern", "Campaign", "Identity", "MarkingDefinition",
                             "XMitreTactic", "Report", "XAcmeWidget"}) {
        const auto* type = entity_type(schema, name);
        REQUIRE_MESSAGE(type, name);
        CHECK(type->supertype == "StixObject");
        CHECK_FALSE(type->abstract);
    }
    const auto* ap = entity_type(schema, "AttackPattern");
    CHECK(property(*ap, "kill_chain_phases")->type == "LIST<STRING>");
    CHECK(property(*ap, "x_mitre_is_subtechnique")->type == "BOOLEAN");
    CHECK(property(*ap, "x_mitre_platforms")->type == "LIST<STRING>");
    const auto* widget = entity_type(schema, "XAcmeWidget");
    CHECK(property(*widget, "x_acme_score")->type == "FLOAT");  // 7 and 0.5
    CHECK(property(*widget, "x_acme_seen")->type == "STRING");  // a timestamp and "last tuesday"
    CHECK(property(*entity_type(schema, "Report"), "published")->type == "DATETIME");
    CHECK(property(*entity_type(schema, "Campaign"), "first_seen")->type == "DATETIME");

    bool uses_found = false;
    for (const auto& rel : schema.relation_types) {
        if (rel.name != "USES") continue;
        uses_found = true;
        CHECK(rel.count == 4);
        std::set<std::pair<std::string, std::string>> endpoints(rel.endpoints.begin(), rel.endpoints.end());
        CHECK(endpoints.count({"IntrusionSet", "AttackPattern"}));
        CHECK(endpoints.count({"IntrusionSet", "Malware"}));
        CHECK(endpoints.count({"Campaign", "Malware"}));
    }
    CHECK(uses_found);

    CHECK(count(db, "MATCH (n:StixObject) RETURN count(n)") == 12);
    CHECK(count(db, "MATCH (n:Software) RETURN count(n)") == 2);
    CHECK(count(db, "MATCH (n:XAcmeWidget) RETURN count(n)") == 2);
}

TEST_CASE("IMPORT STIX keeps STIX property names and maps values to kgq types") {
    TempDir dir;
    kgq::Database db;
    REQUIRE(import(db, dir.write("mini.json", mini_bundle())).ok());

    kgq::Result r = run(db,
                        "MATCH (g:IntrusionSet {external_id: 'G0125'}) RETURN g.name, g.url, g.aliases, g.created, "
                        "g.x_mitre_version, g.revoked, g.type, g.spec_version, g.external_references[0].source_name");
    REQUIRE(r.ok());
    REQUIRE(r.row_count() == 1);
    CHECK(r.at(0, 0) == kgq::Value("HAFNIUM"));
    CHECK(r.at(0, 1) == kgq::Value("https://attack.mitre.org/groups/G0125"));
    CHECK(r.at(0, 2) == kgq::Value(kgq::List{"HAFNIUM", "Operation Exchange Marauder", "Silk Typhoon"}));
    REQUIRE(r.at(0, 3).kind() == kgq::ValueKind::DateTime);
    CHECK(r.at(0, 3).as_datetime().seconds == 1496266303);
    CHECK(r.at(0, 3).as_datetime().nanos == 540'000'000);
    CHECK(r.at(0, 4) == kgq::Value("2.0"));
    CHECK(r.at(0, 5) == kgq::Value(false));
    CHECK(r.at(0, 6) == kgq::Value("intrusion-set"));
    CHECK(r.at(0, 7) == kgq::Value("2.1"));
    CHECK(r.at(0, 8) == kgq::Value("mitre-attack"));

    CHECK(scalar(db, "MATCH (t:AttackPattern {external_id: 'T1566'}) RETURN t.kill_chain_phases") ==
          kgq::Value(kgq::List{"mitre-attack:initial-access"}));
    CHECK(count(db,
                "MATCH (t:AttackPattern) WHERE 'mitre-attack:initial-access' IN t.kill_chain_phases RETURN count(t)") ==
          2);
    CHECK(scalar(db, "MATCH (m:MarkingDefinition) RETURN m.definition.statement") ==
          kgq::Value("Copyright 2015-2025, The MITRE Corporation."));
    CHECK(scalar(db, "MATCH (w:XAcmeWidget {id: 'x-acme-widget--1'}) RETURN w.x_acme_score") == kgq::Value(7.0));
}

TEST_CASE("IMPORT STIX makes relations of relationship objects and of *_ref(s) properties") {
    TempDir dir;
    kgq::Database db;
    kgq::Result r = import(db, dir.write("mini.json", mini_bundle()));
    REQUIRE(r.ok());

    CHECK(count(db, "MATCH (:IntrusionSet)-[u:USES]->() RETURN count(u)") == 3);
    CHECK(scalar(db, "MATCH (:IntrusionSet)-[u:USES]->(:Malware) RETURN u.description") ==
          kgq::Value("HAFNIUM has deployed China Chopper."));
    CHECK(scalar(db, "MATCH (:IntrusionSet)-[u:USES]->(:Malware) RETURN u.id") == kgq::Value(uses_malware_id));
    CHECK(scalar(db, "MATCH (:Campaign)-[a:ATTRIBUTED_TO]->(g:IntrusionSet) RETURN g.name") == kgq::Value("HAFNIUM"));
    CHECK(scalar(db,
                 "MATCH (s:AttackPattern)-[:SUBTECHNIQUE_OF]->(:AttackPattern {external_id: 'T1566'}) RETURN "
                 "s.external_id") == kgq::Value("T1566.001"));
    // A relationship keeps its own created_by_ref as a property: a relation cannot start a relation.
    CHECK(scalar(db, "MATCH ()-[a:ATTRIBUTED_TO]->() RETURN a.created_by_ref") == kgq::Value(mitre_id));

    CHECK(count(db, "MATCH (:StixObject)-[c:CREATED_BY_REF]->(:Identity) RETURN count(c)") == 7);
    CHECK(count(db, "MATCH (:StixObject)-[m:OBJECT_MARKING_REFS]->(:MarkingDefinition) RETURN count(m)") == 8);
    CHECK(count(db, "MATCH (:Report)-[o:OBJECT_REFS]->() RETURN count(o)") == 2);

    // Never silently: the missing technique, the reference to a relationship, the missing indicator.
    CHECK(r.message().find("1 relationships whose source or target cannot be a node") != std::string::npos);
    CHECK(r.message().find("1 references to ids neither in the bundle nor in the graph") != std::string::npos);
    CHECK(r.message().find("1 references to relationship objects") != std::string::npos);
    std::string warnings;
    for (const auto& w : r.warnings()) warnings += w.message + "\n";
    MESSAGE(warnings);
    CHECK(warnings.find("objects[11] ('" + std::string(report_id) + "'): object_refs 'indicator--") !=
          std::string::npos);
    CHECK(warnings.find("objects[18] ('relationship--0a1b2c3d-0000-4000-8000-000000000006'): target_ref") !=
          std::string::npos);
}

TEST_CASE("a malformed object refuses the bundle, names its index and id, and writes nothing") {
    TempDir dir;
    struct Case {
        const char* what;
        json object;
        const char* expected;
    };
    const Case cases[] = {
        {"not an object", 42, "objects[2] is not a JSON object"},
        {"no id", {{"type", "malware"}, {"name", "x"}}, "objects[2] has no \"id\""},
        {"no type", {{"id", "malware--1"}}, "objects[2] ('malware--1') has no \"type\""},
        {"id of another type",
         {{"type", "malware"}, {"id", "tool--1"}},
         "objects[2] ('tool--1') has an id that does not start"},
        {"bad timestamp",
         {{"type", "malware"}, {"id", "malware--1"}, {"created", "31/05/2017"}},
         "objects[2] ('malware--1') has a bad timestamp in 'created'"},
        {"bad reference", {{"type", "malware"}, {"id", "malware--1"}, {"created_by_ref", 7}}, "'created_by_ref' = 7"},
        {"relationship without target",
         {{"type", "relationship"},
          {"id", "relationship--1"},
          {"relationship_type", "uses"},
          {"source_ref", "malware--1"}},
         "objects[2] ('relationship--1') is a relationship without \"target_ref\""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        json bundle = mini_bundle();
        bundle["objects"].insert(bundle["objects"].begin() + 2, c.object);
        kgq::Database db;
        REQUIRE(run(db, "CREATE NODE TYPE Note (id STRING KEY, text STRING)").ok());
        REQUIRE(run(db, "CREATE (:Note {id: 'n1', text: 'before'})").ok());
        kgq::Result r = db.execute("IMPORT STIX '" + dir.write("bad.json", bundle) + "'");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == kgq::ErrorKind::Io);
        CHECK_MESSAGE(r.error().message.find(c.expected) != std::string::npos, r.error().message);
        CHECK(r.error().message.find("nothing was imported") != std::string::npos);
        // Neither data nor schema changed.
        CHECK(count(db, "MATCH (n) RETURN count(n)") == 1);
        const kgq::SchemaInfo schema = db.schema();
        CHECK(schema.entity_types.size() == 1);
        CHECK(schema.relation_types.empty());
    }
}

TEST_CASE("IMPORT STIX reports unreadable files, bad JSON and non-bundles as Io errors") {
    TempDir dir;
    kgq::Database db;
    kgq::Result missing = db.execute("IMPORT STIX '" + (dir.path / "nope.json").string() + "'");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == kgq::ErrorKind::Io);
    CHECK(missing.error().line == 1);

    kgq::Result bad_json = db.execute("IMPORT STIX '" + dir.write_text("bad.json", "{\"type\": \"bundle\", ") + "'");
    REQUIRE_FALSE(bad_json.ok());
    CHECK(bad_json.error().kind == kgq::ErrorKind::Io);
    CHECK(bad_json.error().message.find("not valid JSON") != std::string::npos);

    kgq::Result not_bundle = db.execute("IMPORT STIX '" + dir.write("obj.json", json{{"type", "malware"}}) + "'");
    REQUIRE_FALSE(not_bundle.ok());
    CHECK(not_bundle.error().message.find("is not a STIX bundle") != std::string::npos);
    CHECK(count(db, "MATCH (n) RETURN count(n)") == 0);
    CHECK_FALSE(db.schema().strict);
}

TEST_CASE("importing again updates by STIX id: newer modified wins, nothing is duplicated") {
    TempDir dir;
    kgq::Database db;
    const std::string first = dir.write("mini.json", mini_bundle());
    REQUIRE(import(db, first).ok());
    const auto nodes = count(db, "MATCH (n) RETURN count(n)");
    const auto rels = count(db, "MATCH ()-[r]->() RETURN count(r)");

    kgq::Result again = import(db, first);
    REQUIRE(again.ok());
    CHECK(again.message().find("(0 new, 0 updated, 12 unchanged)") != std::string::npos);
    CHECK(again.stats().nodes_created == 0);
    CHECK(again.stats().relationships_created == 0);
    CHECK(count(db, "MATCH (n) RETURN count(n)") == nodes);
    CHECK(count(db, "MATCH ()-[r]->() RETURN count(r)") == rels);

    // A newer HAFNIUM (renamed, without description, no marking) and a newer relationship; an
    // older Phishing that must not win; a new object; and two versions of the tool in one bundle.
    json bundle = mini_bundle();
    json objects = json::array();
    for (auto o : bundle["objects"]) {
        if (o["id"] == group_id) {
            o["modified"] = "2024-04-01T00:00:00.000Z";
            o["name"] = "Silk Typhoon";
            o.erase("description");
            o.erase("object_marking_refs");
        } else if (o["id"] == phishing_id) {
            o["modified"] = "2019-01-01T00:00:00.000Z";
            o["name"] = "Old phishing";
        } else if (o["id"] == uses_malware_id) {
            o["modified"] = "2024-04-01T00:00:00.000Z";
            o["description"] = "Silk Typhoon has deployed China Chopper web shells.";
        } else if (o["id"] == tool_id) {
            json older = o;
            older["name"] = "PsExec (old)";
            o["modified"] = "2024-05-05T00:00:00.000Z";
            o["name"] = "PsExec (new)";
            objects.push_back(o);
            o = older;
        }
        objects.push_back(o);
    }
    json extra = common("malware", "malware--99999999-9999-4999-8999-999999999999", "ShadowPad");
    objects.push_back(extra);
    bundle["objects"] = objects;
    kgq::Result update = import(db, dir.write("newer.json", bundle));
    REQUIRE(update.ok());
    MESSAGE(update.message());
    CHECK(update.message().find("13 nodes (1 new, 2 updated, 10 unchanged)") != std::string::npos);
    CHECK(update.message().find("1 older versions of objects in the bundle") != std::string::npos);

    CHECK(scalar(db, "MATCH (g:IntrusionSet {id: '" + std::string(group_id) + "'}) RETURN g.name") ==
          kgq::Value("Silk Typhoon"));
    CHECK(scalar(db, "MATCH (g:IntrusionSet {id: '" + std::string(group_id) + "'}) RETURN g.description").is_null());
    CHECK(count(db, "MATCH (g:IntrusionSet)-[m:OBJECT_MARKING_REFS]->() RETURN count(m)") == 0);
    CHECK(count(db, "MATCH (g:IntrusionSet)-[c:CREATED_BY_REF]->() RETURN count(c)") == 1);
    CHECK(scalar(db, "MATCH (t:AttackPattern {external_id: 'T1566'}) RETURN t.name") == kgq::Value("Phishing"));
    CHECK(scalar(db, "MATCH (t:Tool) RETURN t.name") == kgq::Value("PsExec (new)"));
    CHECK(scalar(db, "MATCH (:IntrusionSet)-[u:USES]->(:Malware {name: 'China Chopper'}) RETURN u.description") ==
          kgq::Value("Silk Typhoon has deployed China Chopper web shells."));
    CHECK(count(db, "MATCH (n) RETURN count(n)") == nodes + 1);
    CHECK(count(db, "MATCH ()-[r:USES]->() RETURN count(r)") == 4);
    CHECK(count(db, "MATCH (:IntrusionSet {id: '" + std::string(group_id) + "'}) RETURN count(*)") == 1);
}

TEST_CASE("IMPORT STIX into a declared schema checks it and widens it with new types and endpoints") {
    TempDir dir;
    kgq::Database db;
    REQUIRE(
        run(db,
            "CREATE ABSTRACT NODE TYPE StixObject (id STRING KEY, name STRING, created DATETIME, modified DATETIME)")
            .ok());
    REQUIRE(run(db, "CREATE NODE TYPE IntrusionSet UNDER StixObject (aliases LIST<STRING>, x_kgq_note STRING)").ok());
    REQUIRE(run(db, "CREATE NODE TYPE Report UNDER StixObject (published DATETIME)").ok());
    REQUIRE(run(db, "CREATE RELATION TYPE USES (FROM IntrusionSet TO IntrusionSet, description STRING)").ok());
    REQUIRE(run(db, std::string("CREATE (:IntrusionSet {id: '") + group_id +
                        "', name: 'The 2021 group', x_kgq_note: 'ours'})")
                .ok());

    kgq::Result r = import(db, dir.write("mini.json", mini_bundle()));
    REQUIRE(r.ok());
    MESSAGE(r.message());
    // The existing node was updated by id (it had no `modified`), keeping its x_kgq_ annotation.
    CHECK(count(db, "MATCH (g:IntrusionSet) RETURN count(g)") == 1);
    CHECK(scalar(db, "MATCH (g:IntrusionSet) RETURN g.name") == kgq::Value("HAFNIUM"));
    CHECK(scalar(db, "MATCH (g:IntrusionSet) RETURN g.x_kgq_note") == kgq::Value("ours"));
    // New types were declared under the existing root; USES got new endpoints.
    const kgq::SchemaInfo schema = db.schema();
    REQUIRE(entity_type(schema, "Malware"));
    CHECK(entity_type(schema, "Malware")->supertype == "Software");
    CHECK(count(db, "MATCH (:IntrusionSet)-[u:USES]->(:Malware) RETURN count(u)") == 1);
    // Properties the declared types lack are added to them (the schema widens) and stored.
    CHECK(r.message().find("properties to declared types") != std::string::npos);
    CHECK_FALSE(scalar(db, "MATCH (g:IntrusionSet) RETURN g.x_mitre_version").is_null());

    // A second import matches relations by id: no duplicates.
    const auto rels = count(db, "MATCH ()-[r]->() RETURN count(r)");
    REQUIRE(import(db, dir.write("mini.json", mini_bundle())).ok());
    CHECK(count(db, "MATCH ()-[r]->() RETURN count(r)") == rels);

    // A value that does not fit a declared type refuses the bundle.
    json bad = mini_bundle();
    for (auto& o : bad["objects"])
        if (o["id"] == group_id) o["aliases"] = "HAFNIUM";
    kgq::Result refused = db.execute("IMPORT STIX '" + dir.write("bad.json", bad) + "'");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == kgq::ErrorKind::Schema);
    CHECK_MESSAGE(refused.error().message.find("objects[2] ('" + std::string(group_id) + "'): property 'aliases'") !=
                      std::string::npos,
                  refused.error().message);
}

TEST_CASE("IMPORT STIX refuses a graph whose types came into being by first use") {
    TempDir dir;
    kgq::Database db;
    REQUIRE(run(db, "CREATE (:Person {name: 'Ann'})").ok());
    kgq::Result r = db.execute("IMPORT STIX '" + dir.write("mini.json", mini_bundle()) + "'");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == kgq::ErrorKind::Schema);
    CHECK(r.error().message.find("needs an empty graph or a declared schema") != std::string::npos);
    CHECK(count(db, "MATCH (n) RETURN count(n)") == 1);
}

TEST_CASE("a relative path in a script resolves against the script's folder") {
    TempDir dir;
    dir.write("mini.json", mini_bundle());
    const std::string script = dir.write_text("load.kgq", "IMPORT STIX 'mini.json';\nEXPORT STIX 'out.json';\n");
    kgq::Database db;
    kgq::ExecuteOptions options;
    options.source_name = script;
    std::ifstream in(script);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(db.run(text.str(), {}, options, [](const kgq::Result& r) {
        if (!r.ok()) MESSAGE(r.error().to_string());
        return r.ok();
    }));
    CHECK(count(db, "MATCH (n) RETURN count(n)") == 12);
    CHECK(fs::exists(dir.path / "out.json"));
}
