// tests/unit/storage/test_undo_log.cpp — the statement undo log: every kind of write inside
// begin_statement()/rollback() leaves the graph exactly as before (ids, rows, tables,
// columns, properties, adjacency order, KEY index); commit() keeps the writes.
#include "storage_test_support.hpp"

#include <doctest/doctest.h>

using namespace kgq;
using namespace kgq::storage_test;

namespace {

// A populated open-mode graph to mutate.
struct OpenGraph {
    Catalog c;
    GraphStore g{c};
    TypeId a = c.ensure_label("A"), b = c.ensure_label("B");
    TypeId knows = c.ensure_relation_type("KNOWS"), likes = c.ensure_relation_type("LIKES");
    PropertyKeyId p = c.intern_property_key("p"), q = c.intern_property_key("q");
    NodeId n0 = g.create_node({a}, {{p, Value(0)}});
    NodeId n1 = g.create_node({a, b}, {{p, Value(1)}, {q, Value("one")}});
    NodeId n2 = g.create_node({}, {});
    RelId r0 = g.create_relationship(knows, n0, n1, {{p, Value(10)}});
    RelId r1 = g.create_relationship(knows, n0, n2, {});
    RelId r2 = g.create_relationship(likes, n1, n0, {{q, Value(List{Value(1), Value(2)})}});
    RelId r3 = g.create_relationship(knows, n0, n1, {});
};

}  // namespace

TEST_CASE("rollback undoes creations and reclaims their ids") {
    OpenGraph t;
    // Catalog tokens made on first use are not part of the graph and survive a rollback
    // (as Neo4j's label tokens do), so the snapshot is taken after making them.
    const TypeId fresh = t.c.ensure_label("Fresh");
    const PropertyKeyId r = t.c.intern_property_key("r");
    const std::string before = dump(t.g);
    t.g.begin_statement();
    CHECK(t.g.in_statement());
    const NodeId x = t.g.create_node({fresh}, {{r, Value(1.5)}});  // new table, new column
    const NodeId y = t.g.create_node({t.a}, {{r, Value("new column on A")}});
    t.g.create_relationship(t.likes, x, y, {{r, Value(true)}});
    t.g.create_relationship(t.knows, t.n2, t.n0, {});
    t.g.rollback();
    CHECK_FALSE(t.g.in_statement());
    CHECK(dump(t.g) == before);
    CHECK(t.g.node_capacity() == 3);
    CHECK(t.g.create_node({}, {}) == 3);  // the rolled-back ids are handed out again
}

TEST_CASE("rollback undoes property sets, label changes and deletions") {
    OpenGraph t;
    const std::string before = dump(t.g);
    t.g.begin_statement();
    t.g.set_node_property(t.n0, t.p, Value(100));
    t.g.set_node_property(t.n0, t.q, Value("added"));
    t.g.set_node_property(t.n1, t.q, Value());
    t.g.set_rel_property(t.r0, t.p, Value());
    t.g.set_rel_property(t.r1, t.q, Value(Date{5}));
    t.g.add_label(t.n0, t.b);
    t.g.remove_label(t.n1, t.a);
    t.g.add_label(t.n2, t.a);
    t.g.set_node_property(t.n2, t.p, Value(2));
    t.g.remove_label(t.n2, t.a);
    t.g.delete_relationship(t.r0);  // from the middle of n0's KNOWS list
    t.g.delete_relationship(t.r2);
    t.g.delete_relationship(t.r3);
    t.g.delete_node(t.n1);
    t.g.delete_relationship(t.r1);
    t.g.delete_node(t.n2);
    CHECK(t.g.node_count() == 1);
    CHECK(t.g.rel_count() == 0);
    t.g.rollback();
    CHECK(dump(t.g) == before);
    auto knows_out = t.g.adjacency(t.n0, t.knows, Direction::Out);
    REQUIRE(knows_out.size() == 3);
    CHECK(knows_out[0].rel == t.r0);
    CHECK(knows_out[1].rel == t.r1);
    CHECK(knows_out[2].rel == t.r3);
}

TEST_CASE("rollback of a mixed statement: create, move, set and delete the same elements") {
    OpenGraph t;
    const std::string before = dump(t.g);
    t.g.begin_statement();
    const NodeId x = t.g.create_node({t.b}, {{t.q, Value("x")}});
    t.g.add_label(x, t.a);
    const RelId xr = t.g.create_relationship(t.knows, x, t.n0, {});
    t.g.set_rel_property(xr, t.p, Value(7));
    t.g.delete_relationship(xr);
    t.g.remove_label(x, t.b);
    t.g.delete_node(x);
    t.g.delete_relationship(t.r2);
    t.g.create_relationship(t.likes, t.n1, t.n0, {});
    t.g.rollback();
    CHECK(dump(t.g) == before);
}

TEST_CASE("commit keeps the writes; writes outside a statement are not logged") {
    OpenGraph t;
    t.g.begin_statement();
    const NodeId x = t.g.create_node({t.a}, {});
    t.g.commit();
    CHECK_FALSE(t.g.in_statement());
    const std::string after_commit = dump(t.g);
    t.g.begin_statement();
    t.g.rollback();
    CHECK(dump(t.g) == after_commit);
    CHECK(t.g.node_alive(x));

    t.g.set_node_property(x, t.p, Value(5));  // no statement: permanent
    t.g.rollback();
    CHECK(same_value(t.g.node_property(x, t.p), Value(5)));
}

TEST_CASE("rollback restores the KEY index and strict-mode type changes") {
    StixSchema s;
    GraphStore g(s.catalog);
    const NodeId x = g.create_node({s.sdo}, {{s.id, Value("x")}});
    const NodeId m = g.create_node({s.malware}, {{s.id, Value("m")}, {s.name, Value("Emotet")}});
    const NodeId t = g.create_node({s.tool}, {{s.name, Value("nmap")}});
    g.create_relationship(s.uses, m, x, {{s.score, Value(0.5)}});
    const std::string before = dump(g);

    g.begin_statement();
    g.add_label(x, s.attack_pattern);
    g.set_node_property(m, s.id, Value("m2"));
    const NodeId n = g.create_node({s.intrusion_set}, {{s.id, Value("m")}});  // the freed key
    g.set_node_property(t, s.name, Value("nmap2"));
    g.delete_node(n);
    const NodeId n2 = g.create_node({s.intrusion_set}, {{s.id, Value("m")}});
    g.remove_label(x, s.attack_pattern);
    CHECK(g.find_by_key(s.sdo, Value("m")) == n2);
    CHECK_THROWS_AS(g.create_node({s.malware}, {{s.id, Value("m2")}}), Exception);
    g.rollback();

    CHECK(dump(g) == before);
    CHECK(g.find_by_key(s.sdo, Value("m")) == m);
    CHECK_FALSE(g.find_by_key(s.sdo, Value("m2")));
    CHECK(g.find_by_key(s.tool, Value("nmap")) == t);
    CHECK_FALSE(g.find_by_key(s.tool, Value("nmap2")));
    CHECK(g.find_by_key(s.sdo, Value("x")) == x);
    CHECK(g.node_labels(x) == LabelSet{s.sdo});
    // The index still rejects what it rejected before.
    CHECK(schema_error_of([&] {
              g.create_node({s.attack_pattern}, {{s.id, Value("m")}});
          }) == "Duplicate key: AttackPattern with id 'm' already exists");
}
