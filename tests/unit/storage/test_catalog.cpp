// tests/unit/storage/test_catalog.cpp — the catalog: declarations and their Schema errors,
// the type hierarchy (subtypes, ancestry, inherited properties and KEYs), endpoints, and
// strict versus open mode.
#include "storage_test_support.hpp"

#include <doctest/doctest.h>

using namespace kgq;
using namespace kgq::storage_test;

TEST_CASE("open mode: labels, relation types and keys come into being on first use") {
    Catalog c;
    CHECK_FALSE(c.strict());
    const TypeId person = c.ensure_label("Person");
    CHECK(c.ensure_label("Person") == person);
    CHECK(c.find_entity_type("Person") == person);
    CHECK_FALSE(c.entity_type(person).declared);
    CHECK(c.subtypes(person) == std::vector<TypeId>{person});
    const TypeId knows = c.ensure_relation_type("KNOWS");
    CHECK(c.ensure_relation_type("KNOWS") == knows);
    CHECK(c.endpoints_allow(knows, person, person));
    const PropertyKeyId name = c.intern_property_key("name");
    CHECK(c.intern_property_key("name") == name);
    CHECK(c.property_key_name(name) == "name");
    CHECK(c.property_key_count() == 1);
    CHECK_FALSE(c.find_property_key("age"));
    CHECK_FALSE(c.strict());
}

TEST_CASE("declared hierarchy: subtypes, ancestry, inherited properties and keys") {
    StixSchema s;
    Catalog& c = s.catalog;
    CHECK(c.strict());
    CHECK(c.entity_type(s.sdo).abstract);
    CHECK(c.entity_type(s.malware).declared);
    CHECK(c.entity_type(s.malware).parent == s.sdo);
    CHECK(c.subtypes(s.sdo) == std::vector<TypeId>{s.sdo, s.malware, s.intrusion_set, s.attack_pattern});
    CHECK(c.subtypes(s.malware) == std::vector<TypeId>{s.malware});
    CHECK(c.ancestry(s.malware) == std::vector<TypeId>{s.malware, s.sdo});
    CHECK(c.is_subtype(s.malware, s.sdo));
    CHECK(c.is_subtype(s.sdo, s.sdo));
    CHECK_FALSE(c.is_subtype(s.sdo, s.malware));
    CHECK_FALSE(c.is_subtype(s.tool, s.sdo));

    auto props = c.properties_of(s.malware);
    REQUIRE(props.size() == 3);
    CHECK(props[0]->name == "id");  // ancestors' first
    CHECK(props[1]->name == "name");
    CHECK(props[2]->name == "is_family");
    CHECK(props[0]->declared_in == s.sdo);
    CHECK(props[2]->declared_in == s.malware);
    CHECK(props[2]->key == *c.find_property_key("is_family"));

    REQUIRE(c.key_property(s.malware));
    CHECK(c.key_property(s.malware)->name == "id");
    CHECK(c.key_property(s.malware)->declared_in == s.sdo);
    CHECK(c.key_property(s.tool)->name == "name");
    CHECK(c.find_property(s.intrusion_set, s.name));
    CHECK_FALSE(c.find_property(s.sdo, *c.find_property_key("aliases")));

    CHECK(c.relation_type(s.uses).declared);
    CHECK(c.find_relation_property(s.uses, s.score)->type == LogicalType::of(TypeKind::Float));
}

TEST_CASE("endpoints: a supertype endpoint covers subtypes; endpoints can be widened") {
    StixSchema s;
    Catalog& c = s.catalog;
    CHECK(c.endpoints_allow(s.uses, s.intrusion_set, s.malware));  // TO SDO covers Malware
    CHECK(c.endpoints_allow(s.uses, s.malware, s.attack_pattern));
    CHECK_FALSE(c.endpoints_allow(s.uses, s.malware, s.intrusion_set));
    CHECK_FALSE(c.endpoints_allow(s.uses, s.tool, s.malware));
    CHECK(c.endpoints_allow(s.targets, s.tool, s.malware));  // declared without endpoints
    c.add_relation_endpoint(s.uses, s.tool, s.malware);
    c.add_relation_endpoint(s.uses, s.tool, s.malware);
    CHECK(c.relation_type(s.uses).endpoints.size() == 3);
    CHECK(c.endpoints_allow(s.uses, s.tool, s.malware));
}

TEST_CASE("declaration errors are Schema errors naming the culprit") {
    StixSchema s;
    Catalog& c = s.catalog;
    const auto str = LogicalType::of(TypeKind::String);
    CHECK(schema_error_of([&] { c.declare_entity_type("Malware", std::nullopt, false, {}); }) ==
          "Node type 'Malware' already exists");
    CHECK(schema_error_of([&] { c.declare_entity_type("Campaign", "SDOO", false, {}); }) ==
          "Unknown supertype 'SDOO' of node type 'Campaign'");
    CHECK(schema_error_of([&] {
              c.declare_entity_type("Campaign", std::nullopt, false, {prop("a", str, true), prop("b", str, true)});
          }) == "Node type 'Campaign' declares more than one KEY ('a', 'b')");
    CHECK(schema_error_of([&] { c.declare_entity_type("Campaign", "SDO", false, {prop("cid", str, true)}); }) ==
          "Node type 'Campaign' declares KEY 'cid' but already inherits KEY 'id' from 'SDO'");
    CHECK(schema_error_of([&] { c.declare_entity_type("Campaign", "SDO", false, {prop("name", str)}); }) ==
          "Property 'name' of node type 'Campaign' is already declared by its supertype 'SDO'");
    CHECK(schema_error_of([&] {
              c.declare_entity_type("Campaign", std::nullopt, false, {prop("x", str), prop("x", str)});
          }) == "Property 'x' is declared twice in node type 'Campaign'");
    CHECK(schema_error_of([&] {
              c.declare_entity_type("Campaign", std::nullopt, false, {prop("x", LogicalType::of(TypeKind::Node))});
          }) == "Property 'x' of node type 'Campaign' has type NODE, which cannot be stored in a property");
    CHECK(schema_error_of([&] { c.declare_relation_type("USES", {}, {}); }) ==
          "Relationship type 'USES' already exists");
    CHECK(schema_error_of([&] {
              c.declare_relation_type("DROPS", {{"Malwar", "Tool"}}, {});
          }) == "Unknown node type 'Malwar' in FROM of relationship type 'DROPS'");
    CHECK(schema_error_of([&] {
              c.declare_relation_type("DROPS", {{"Malware", "Tol"}}, {});
          }) == "Unknown node type 'Tol' in TO of relationship type 'DROPS'");
    CHECK(schema_error_of([&] { c.declare_relation_type("DROPS", {}, {prop("k", str, true)}); }) ==
          "A KEY can only be declared on a node type, not on relationship type 'DROPS'");
    // None of the failed declarations left a type behind.
    CHECK_FALSE(c.find_entity_type("Campaign"));
    CHECK_FALSE(c.find_relation_type("DROPS"));
    CHECK(c.subtypes(s.sdo).size() == 4);
}

TEST_CASE("strict mode rejects unknown names; a schema cannot be declared over open-mode types") {
    StixSchema s;
    CHECK(schema_error_of([&] { s.catalog.ensure_label("Malwar"); }) == "Unknown node type 'Malwar'");
    CHECK(schema_error_of([&] { s.catalog.ensure_relation_type("USE"); }) == "Unknown relationship type 'USE'");
    CHECK(s.catalog.ensure_label("Malware") == s.malware);

    Catalog open;
    open.ensure_label("Person");
    open.ensure_relation_type("KNOWS");
    CHECK(schema_error_of([&] { open.declare_entity_type("Malware", std::nullopt, false, {}); }) ==
          "Cannot declare a schema: the graph already uses undeclared types (:Person, [:KNOWS])");
    CHECK_FALSE(open.strict());
}
