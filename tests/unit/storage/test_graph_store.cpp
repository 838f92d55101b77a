// tests/unit/storage/test_graph_store.cpp — GraphStore without statements: node and
// relationship CRUD, tables per label set, label moves (open and strict), label scans over
// the hierarchy, adjacency in both directions, and KEY uniqueness (error, nothing written).
#include "storage_test_support.hpp"

#include <doctest/doctest.h>

using namespace kgq;
using namespace kgq::storage_test;

TEST_CASE("open mode: node CRUD and properties") {
    Catalog c;
    GraphStore g(c);
    const TypeId person = c.ensure_label("Person");
    const PropertyKeyId name = c.intern_property_key("name");
    const PropertyKeyId age = c.intern_property_key("age");

    const NodeId a = g.create_node({person}, {{name, Value("Ann")}, {age, Value(31)}});
    const NodeId b = g.create_node({}, {{age, Value()}});
    CHECK(a == 0);
    CHECK(b == 1);
    CHECK(g.node_count() == 2);
    CHECK(g.node_capacity() == 2);
    CHECK(g.node_labels(a) == LabelSet{person});
    CHECK(g.node_labels(b).empty());
    CHECK(same_value(g.node_property(a, name), Value("Ann")));
    CHECK(g.node_property(b, age).is_null());
    CHECK(g.node_properties(b).empty());
    auto props = g.node_properties(a);
    REQUIRE(props.size() == 2);
    CHECK(props[0].first == name);  // sorted by key id
    CHECK(props[1].first == age);

    g.set_node_property(a, age, Value(32));
    CHECK(same_value(g.node_property(a, age), Value(32)));
    g.set_node_property(a, age, Value());  // null removes
    CHECK(g.node_property(a, age).is_null());
    CHECK(g.node_properties(a).size() == 1);
    g.set_node_property(b, name, Value("Bob"));
    CHECK(same_value(g.node_property(b, name), Value("Bob")));

    g.delete_node(a);
    CHECK_FALSE(g.node_alive(a));
    CHECK(g.node_count() == 1);
    CHECK(g.node_capacity() == 2);  // ids are not reused
    CHECK(g.node_labels(a).empty());
    CHECK(g.node_property(a, name).is_null());
    CHECK(g.count_with_label(person) == 0);
    CHECK(g.create_node({person}, {}) == 2);
}

TEST_CASE("open mode: one table per label set, label changes move the row") {
    Catalog c;
    GraphStore g(c);
    const TypeId a = c.ensure_label("A");
    const TypeId b = c.ensure_label("B");
    const PropertyKeyId p = c.intern_property_key("p");

    const NodeId n1 = g.create_node({b, a, a}, {{p, Value(1)}});
    const NodeId n2 = g.create_node({a}, {});
    CHECK(g.node_labels(n1) == LabelSet{a, b});  // sorted, deduplicated
    CHECK(g.node_tables().size() == 2);
    CHECK(g.count_with_label(a) == 2);
    CHECK(g.count_with_label(b) == 1);
    CHECK(g.tables_with_label(a).size() == 2);
    CHECK(g.tables_with_label(b).size() == 1);

    g.add_label(n2, b);
    CHECK(g.node_labels(n2) == LabelSet{a, b});
    CHECK(g.count_with_label(b) == 2);
    g.remove_label(n1, a);
    CHECK(g.node_labels(n1) == LabelSet{b});
    CHECK(same_value(g.node_property(n1, p), Value(1)));  // properties travel with the row
    CHECK(g.node_has_label(n1, b));
    CHECK_FALSE(g.node_has_label(n1, a));
    CHECK(g.count_with_label(a) == 1);
    g.add_label(n1, b);  // already there: nothing happens
    g.remove_label(n1, a);
    CHECK(g.node_labels(n1) == LabelSet{b});
    g.remove_label(n1, b);
    CHECK(g.node_labels(n1).empty());
    CHECK(same_value(g.node_property(n1, p), Value(1)));
}

TEST_CASE("strict mode: label scans cover subtypes; labels specialise and generalise") {
    StixSchema s;
    GraphStore g(s.catalog);
    const NodeId m = g.create_node({s.malware}, {{s.id, Value("malware--1")}});
    g.create_node({s.intrusion_set}, {{s.id, Value("intrusion-set--1")}});
    const NodeId t = g.create_node({s.tool}, {{s.name, Value("nmap")}});
    CHECK(g.node_has_label(m, s.sdo));
    CHECK(g.node_has_label(m, s.malware));
    CHECK_FALSE(g.node_has_label(m, s.intrusion_set));
    CHECK_FALSE(g.node_has_label(t, s.sdo));
    CHECK(g.count_with_label(s.sdo) == 2);
    CHECK(g.count_with_label(s.malware) == 1);
    CHECK(g.count_with_label(s.tool) == 1);
    CHECK(g.tables_with_label(s.sdo).size() == 2);

    // SDO node specialised to AttackPattern, then generalised back.
    const NodeId x = g.create_node({s.sdo}, {{s.id, Value("x")}});
    g.add_label(x, s.sdo);
    CHECK(g.node_labels(x) == LabelSet{s.sdo});
    g.add_label(x, s.attack_pattern);
    CHECK(g.node_labels(x) == LabelSet{s.attack_pattern});
    CHECK(g.find_by_key(s.attack_pattern, Value("x")) == x);
    g.remove_label(x, s.attack_pattern);
    CHECK(g.node_labels(x) == LabelSet{s.sdo});
    CHECK(g.find_by_key(s.sdo, Value("x")) == x);

    CHECK(schema_error_of([&] { g.add_label(m, s.tool); }) ==
          "Node of type 'Malware' cannot also have type 'Tool': in a declared schema a node has one type");
    CHECK(schema_error_of([&] { g.remove_label(t, s.tool); }) ==
          "Cannot remove type 'Tool': in a declared schema every node keeps a type");
    CHECK(g.node_labels(m) == LabelSet{s.malware});
    CHECK(g.node_labels(t) == LabelSet{s.tool});
}

TEST_CASE("KEY uniqueness: duplicates throw before anything is written") {
    StixSchema s;
    GraphStore g(s.catalog);
    const NodeId i = g.create_node({s.intrusion_set}, {{s.id, Value("x")}, {s.name, Value("APT1")}});
    const NodeId m = g.create_node({s.malware}, {{s.id, Value("y")}});
    const std::string before = dump(g);

    // The KEY is declared on SDO, so it is unique across all its subtypes.
    CHECK(schema_error_of([&] {
              g.create_node({s.malware}, {{s.id, Value("x")}});
          }) == "Duplicate key: Malware with id 'x' already exists");
    CHECK(schema_error_of([&] {
              g.create_node({s.intrusion_set}, {{s.id, Value("x")}});
          }) == "Duplicate key: IntrusionSet with id 'x' already exists");
    CHECK(schema_error_of([&] { g.set_node_property(m, s.id, Value("x")); }) ==
          "Duplicate key: Malware with id 'x' already exists");
    CHECK(dump(g) == before);
    try {
        g.create_node({s.malware}, {{s.id, Value("x")}});
    } catch (const Exception& e) {
        CHECK(e.error().code == "ConstraintVerificationFailed");
    }

    // Tool has its own KEY: the same string is no collision there.
    const NodeId t = g.create_node({s.tool}, {{s.name, Value("x")}});
    CHECK(g.find_by_key(s.tool, Value("x")) == t);
    CHECK(g.find_by_key(s.sdo, Value("x")) == i);
    CHECK(g.find_by_key(s.intrusion_set, Value("x")) == i);
    CHECK_FALSE(g.find_by_key(s.malware, Value("x")));  // the owner is an IntrusionSet
    CHECK_FALSE(g.find_by_key(s.sdo, Value("nope")));

    // Changing and removing a key value moves and frees its index entry.
    g.set_node_property(m, s.id, Value("z"));
    CHECK(g.find_by_key(s.sdo, Value("z")) == m);
    CHECK_FALSE(g.find_by_key(s.sdo, Value("y")));
    g.set_node_property(m, s.id, Value("z"));  // same value, same node: fine
    g.create_node({s.malware}, {{s.id, Value("y")}});
    g.delete_node(i);
    CHECK_FALSE(g.find_by_key(s.sdo, Value("x")));
    const NodeId again = g.create_node({s.intrusion_set}, {{s.id, Value("x")}});
    CHECK(g.find_by_key(s.sdo, Value("x")) == again);
    // Setting a non-key property never consults the index.
    g.set_node_property(again, s.name, Value("z"));
}

TEST_CASE("KEY uniqueness when a label move brings a node under a KEY") {
    Catalog c;
    const TypeId base = c.declare_entity_type("Base", std::nullopt, false, {});
    const TypeId keyed =
        c.declare_entity_type("Keyed", "Base", false, {prop("k", LogicalType::of(TypeKind::Int), true)});
    const PropertyKeyId k = *c.find_property_key("k");
    GraphStore g(c);
    const NodeId a = g.create_node({keyed}, {{k, Value(1)}});
    const NodeId b = g.create_node({base}, {{k, Value(1)}});  // Base has no KEY
    CHECK(schema_error_of([&] { g.add_label(b, keyed); }) == "Duplicate key: Keyed with k 1 already exists");
    CHECK(g.node_labels(b) == LabelSet{base});
    g.set_node_property(b, k, Value(2.0));  // 2.0 and 2 are the same key
    g.add_label(b, keyed);
    CHECK(g.find_by_key(keyed, Value(2)) == b);
    CHECK(schema_error_of([&] {
              g.create_node({keyed}, {{k, Value(2)}});
          }) == "Duplicate key: Keyed with k 2 already exists");
    g.remove_label(a, keyed);
    CHECK_FALSE(g.find_by_key(keyed, Value(1)));
}

TEST_CASE("relationships: CRUD, adjacency in both directions, degree, types in use") {
    Catalog c;
    GraphStore g(c);
    const TypeId knows = c.ensure_relation_type("KNOWS");
    const TypeId likes = c.ensure_relation_type("LIKES");
    const TypeId unused = c.ensure_relation_type("UNUSED");
    const PropertyKeyId since = c.intern_property_key("since");
    const NodeId a = g.create_node({}, {});
    const NodeId b = g.create_node({}, {});
    const NodeId d = g.create_node({}, {});

    const RelId ab = g.create_relationship(knows, a, b, {{since, Value(2020)}});
    const RelId ad = g.create_relationship(knows, a, d, {});
    const RelId ba = g.create_relationship(likes, b, a, {});
    const RelId loop = g.create_relationship(likes, d, d, {});
    CHECK(g.rel_count() == 4);
    CHECK(g.rel_type(ab) == knows);
    CHECK(g.rel_source(ab) == a);
    CHECK(g.rel_target(ab) == b);
    CHECK(same_value(g.rel_property(ab, since), Value(2020)));
    CHECK(g.rel_properties(ad).empty());
    CHECK(g.count_with_type(knows) == 2);
    CHECK(g.count_with_type(unused) == 0);
    CHECK(g.relation_types_in_use() == std::vector<TypeId>{knows, likes});

    auto out = g.adjacency(a, knows, Direction::Out);
    REQUIRE(out.size() == 2);
    CHECK(out[0].neighbor == b);
    CHECK(out[0].rel == ab);
    CHECK(out[1].neighbor == d);
    auto in = g.adjacency(b, knows, Direction::In);
    REQUIRE(in.size() == 1);
    CHECK(in[0].neighbor == a);
    CHECK(in[0].rel == ab);
    CHECK(g.adjacency(a, likes, Direction::In).size() == 1);
    CHECK(g.adjacency(a, unused, Direction::Out).empty());
    CHECK(g.adjacency(99, knows, Direction::Out).empty());
    CHECK(g.degree(a) == 3);
    CHECK(g.degree(d) == 3);  // one in, plus the self-loop twice

    g.set_rel_property(ad, since, Value(1999));
    CHECK(same_value(g.rel_property(ad, since), Value(1999)));
    g.set_rel_property(ab, since, Value());
    CHECK(g.rel_property(ab, since).is_null());

    g.delete_relationship(ab);
    CHECK_FALSE(g.rel_alive(ab));
    CHECK(g.rel_count() == 3);
    CHECK(g.count_with_type(knows) == 1);
    REQUIRE(g.adjacency(a, knows, Direction::Out).size() == 1);
    CHECK(g.adjacency(a, knows, Direction::Out)[0].rel == ad);
    CHECK(g.adjacency(b, knows, Direction::In).empty());
    g.delete_relationship(ba);
    CHECK(g.degree(b) == 0);
    g.delete_node(b);
    CHECK(g.relation_types_in_use() == std::vector<TypeId>{knows, likes});
    g.delete_relationship(loop);
    CHECK(g.relation_types_in_use() == std::vector<TypeId>{knows});
}
