// shrinker.hpp — cuts a failing case down for kgq_metamorphic: drops relationships, nodes,
// properties and labels of the graph and parts of the query (predicates, clauses, return
// items, pattern elements) while the same relation still fails, then prints the repro.
#pragma once

#include "relations.hpp"

#include <string>

namespace kgqm {

// Runs c's check on a fresh database loaded with c.graph (Skip when the graph fails to load).
Verdict run_case(const Case& c, const Relation& rel);

// The smallest case found (within max_attempts reruns) that still fails.
Case shrink(const Case& failing, const Relation& rel, int max_attempts = 600);

// A script to paste into kgq: the graph, then each form with its answer as comments.
std::string repro_script(const Case& c, const Verdict& v);

}  // namespace kgqm
