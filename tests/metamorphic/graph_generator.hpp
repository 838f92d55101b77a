// graph_generator.hpp — random graphs for kgq_metamorphic, deterministic from a seed: a strict
// schema with subtypes and relation endpoints, or an open graph of multi-label nodes. The
// graph is kept as data (so the shrinker can drop parts of it) and rendered to a kgq script.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace kgqm {

using Rng = std::mt19937_64;

// Static type of a property or expression. Strict graphs fix each property name's type;
// in open graphs "m" holds anything and the numeric properties may mix INT and FLOAT.
enum class Ty { Int, Float, Num, String, Bool, ListInt, Any, Date };

struct PropDef {
    std::string name;
    Ty type = Ty::Any;
    bool key = false;
};

struct NodeType {
    std::string name;
    int super = -1;  // index of the supertype, -1 for a root
    bool abstract = false;
    std::vector<PropDef> props;  // declared here (inherited ones are the supertype's)
};

struct RelType {
    std::string name;
    std::vector<std::pair<int, int>> endpoints;  // FROM, TO node type indexes
    std::vector<PropDef> props;
};

using Props = std::vector<std::pair<std::string, std::string>>;  // name -> Cypher literal

struct GNode {
    std::vector<std::string> labels;  // strict: exactly one, the node's type
    Props props;
};

struct GRel {
    int from = 0, to = 0;  // indexes into Graph::nodes
    std::string type;
    Props props;
};

struct Graph {
    bool strict = false;
    std::vector<NodeType> types;  // strict only
    std::vector<RelType> rel_types;  // strict: declared; open: names only
    std::vector<std::string> labels;  // open: label names in use
    std::vector<GNode> nodes;
    std::vector<GRel> rels;

    // Schema declarations (empty for an open graph).
    std::string schema_script() const;
    // One CREATE statement for all nodes and relationships (empty when there are none).
    std::string data_script() const;
    std::string script() const;  // schema then data, ';'-terminated statements

    int type_index(const std::string& name) const;  // -1 when unknown
    bool is_subtype(int t, int ancestor) const;  // t == ancestor or below it
    std::vector<PropDef> all_props(int t) const;  // inherited first
    std::vector<int> subtree(int t) const;  // t and every type below it
    std::vector<int> children(int t) const;
    int root(int t) const;
    bool has_key(int t) const;  // the root declares k INT KEY
    // Property names and their types on nodes / relationships of any type (open: the pool).
    std::vector<PropDef> node_props() const;
    std::vector<PropDef> rel_props() const;
    std::vector<PropDef> rel_type_props(const std::string& type) const;
};

// size 0: 3-12 nodes; 1: 15-30; 2 (big): some 300 (PatternCount shares scans of 256 nodes
// and more between cores).
Graph generate_graph(Rng& rng, bool strict, int size = 0);

// A random literal of the type (for queries as well as for data); null when allow_null and
// the dice say so.
std::string random_literal(Rng& rng, Ty type, bool allow_null);

inline int pick(Rng& rng, int n) { return n <= 0 ? 0 : int(rng() % std::uint64_t(n)); }
inline bool chance(Rng& rng, int percent) { return int(rng() % 100) < percent; }

const char* ty_schema_name(Ty type);  // INT, FLOAT, STRING, BOOL, LIST<INT>, DATE

}  // namespace kgqm
