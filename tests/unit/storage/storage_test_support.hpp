// tests/unit/storage/storage_test_support.hpp — helpers shared by the storage tests: value
// comparison without the value library, a full dump of a GraphStore for before/after
// comparisons (undo log), and small schema builders.
#pragma once

#include "catalog/catalog.hpp"
#include "kgq/error.hpp"
#include "storage/graph_store.hpp"
#include "storage/key_encoding.hpp"

#include <sstream>
#include <string>

namespace kgq::storage_test {

using namespace kgq::catalog;
using namespace kgq::storage;

// Same value as a KEY would see it (null == null); enough for stored scalars and lists.
inline bool same_value(const Value& a, const Value& b) { return storage::encode_key(a) == storage::encode_key(b); }

inline std::string dump_value(const Value& v) {
    auto code = storage::encode_key(v);
    if (!code) return "null";
    std::string hex;
    static const char* digits = "0123456789abcdef";
    for (unsigned char c : *code) {
        hex.push_back(digits[c >> 4]);
        hex.push_back(digits[c & 15]);
    }
    return hex;
}

// Everything observable about the graph, including row layout, adjacency order and ids, so
// that "rollback restores exactly" can be checked by comparing two strings.
inline std::string dump(const GraphStore& g) {
    std::ostringstream out;
    const Catalog& c = g.catalog();
    out << "nodes " << g.node_count() << "/" << g.node_capacity() << " rels " << g.rel_count() << "/"
        << g.rel_capacity() << "\n";
    for (NodeId n = 0; n < g.node_capacity(); ++n) {
        out << "n" << n << (g.node_alive(n) ? "" : " dead");
        for (TypeId l : g.node_labels(n)) out << " :" << c.entity_type(l).name;
        for (const auto& [k, v] : g.node_properties(n)) out << " " << c.property_key_name(k) << "=" << dump_value(v);
        out << " degree " << g.degree(n);
        for (TypeId t = 0; t < c.relation_type_count(); ++t) {
            for (Direction d : {Direction::Out, Direction::In}) {
                auto adj = g.adjacency(n, t, d);
                if (adj.empty()) continue;
                out << " " << c.relation_type(t).name << (d == Direction::Out ? ">" : "<") << "[";
                for (const auto& e : adj) out << e.neighbor << "/" << e.rel << " ";
                out << "]";
            }
        }
        out << "\n";
    }
    for (RelId r = 0; r < g.rel_capacity(); ++r) {
        out << "r" << r << (g.rel_alive(r) ? "" : " dead");
        if (g.rel_alive(r))
            out << " " << c.relation_type(g.rel_type(r)).name << " " << g.rel_source(r) << "->" << g.rel_target(r);
        for (const auto& [k, v] : g.rel_properties(r)) out << " " << c.property_key_name(k) << "=" << dump_value(v);
        out << "\n";
    }
    for (const auto& table : g.node_tables()) {
        out << "table";
        for (TypeId l : table->labels) out << " :" << c.entity_type(l).name;
        out << " live " << table->live_rows << " rows";
        for (NodeId n : table->row_node) out << " " << (n == no_node ? std::string("-") : std::to_string(n));
        out << " columns";
        for (auto k : table->column_keys) out << " " << c.property_key_name(k);
        out << "\n";
    }
    for (TypeId t = 0; t < c.relation_type_count(); ++t)
        out << "count " << c.relation_type(t).name << " " << g.count_with_type(t) << "\n";
    for (TypeId t = 0; t < c.entity_type_count(); ++t)
        out << "count " << c.entity_type(t).name << " " << g.count_with_label(t) << "\n";
    return out.str();
}

inline PropertyDef prop(std::string name, LogicalType type, bool is_key = false) {
    PropertyDef p;
    p.name = std::move(name);
    p.type = type;
    p.is_key = is_key;
    return p;
}

// A small STIX-like schema: abstract SDO (KEY id) <- Malware, IntrusionSet, AttackPattern;
// Tool (own KEY name); USES from IntrusionSet/Malware to SDO; MITIGATES.
struct StixSchema {
    Catalog catalog;
    TypeId sdo, malware, intrusion_set, attack_pattern, tool;
    TypeId uses, targets;
    PropertyKeyId id, name, score;

    StixSchema() {
        sdo = catalog.declare_entity_type(
            "SDO", std::nullopt, true,
            {prop("id", LogicalType::of(TypeKind::String), true), prop("name", LogicalType::of(TypeKind::String))});
        malware =
            catalog.declare_entity_type("Malware", "SDO", false, {prop("is_family", LogicalType::of(TypeKind::Bool))});
        intrusion_set = catalog.declare_entity_type("IntrusionSet", "SDO", false,
                                                    {prop("aliases", LogicalType::list_of(TypeKind::String))});
        attack_pattern = catalog.declare_entity_type("AttackPattern", "SDO", false, {});
        tool = catalog.declare_entity_type("Tool", std::nullopt, false,
                                           {prop("name", LogicalType::of(TypeKind::String), true)});
        uses = catalog.declare_relation_type("USES", {{"IntrusionSet", "SDO"}, {"Malware", "AttackPattern"}},
                                             {prop("score", LogicalType::of(TypeKind::Float))});
        targets = catalog.declare_relation_type("TARGETS", {}, {});
        id = *catalog.find_property_key("id");
        name = *catalog.find_property_key("name");
        score = *catalog.find_property_key("score");
    }
};

// Runs f and returns the Schema error message it throws ("" when it does not throw).
template <class F>
std::string schema_error_of(F&& f) {
    try {
        f();
    } catch (const kgq::Exception& e) {
        if (e.error().kind != ErrorKind::Schema) return "(not a Schema error) " + e.error().message;
        return e.error().message;
    }
    return "";
}

}  // namespace kgq::storage_test
