// relations.hpp — the metamorphic relations of kgq_metamorphic. Each is a named check that
// builds a case (graph, query, the rewrite's parameters) from the generators and compares
// the engine's answers to two or more forms that must agree, without knowing the answer.
#pragma once

#include "query_generator.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kgqm {

// Everything a check needs to run again: the shrinker edits graph and query and reruns it.
struct Case {
    std::string relation;
    Graph graph;
    Query q;
    Expr pred;  // partition predicate, partner predicate, join equality
    std::string var;  // the variable the rewrite is about
    std::string text;  // the pattern, key value or write statement
    int variant = 0;
    std::uint64_t seed = 0;  // choices made while rewriting
};

struct Verdict {
    enum Status { Pass, Fail, Skip } status = Skip;
    std::string why;
    std::vector<std::pair<std::string, std::string>> shown;  // statement, its answer
    bool covered = true;  // EXPLAIN showed the plan the relation is about
    bool graph_changed = false;  // a write succeeded: reload the graph
};

struct Relation {
    const char* name;
    const char* what;
    bool strict_only;
    int weight;
    bool on_big_graphs;  // cheap enough for the rounds on ~300-node graphs
    // Fills c from the generators; false when the relation does not apply to this graph.
    bool (*make)(QueryGen& gen, const Graph& g, Case& c);
    // Runs the forms against db (loaded with c.graph) and compares them.
    Verdict (*check)(kgq::Database& db, const Case& c);
};

const std::vector<Relation>& relations();
const Relation* find_relation(const std::string& name);

}  // namespace kgqm
