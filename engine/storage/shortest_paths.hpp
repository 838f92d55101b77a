// engine/storage/shortest_paths.hpp — Cypher's shortestPath / allShortestPaths between two
// bound nodes: a breadth-first search (boost::breadth_first_search over bgl_graph.hpp's view).
// Stage: storage. Callers: the executor's shortest-path operator.
#pragma once

#include "storage/graph_store.hpp"

#include <cstddef>
#include <functional>
#include <vector>

namespace kgq::storage {

// The shortest path(s) from `from` to `to` as relationship id sequences in walking order, at
// most max_hops long: one of them (all = false) or every one (all = true). Empty when there
// is none; one empty path when from == to. Relationships are followed out of a node
// (directed_out), into it (directed_in), or either way (both false, or both true).
// rel_types empty means every relation type. `tick` is called for every node the search
// takes from its queue and every path it collects: the statement's budget (it may throw).
std::vector<std::vector<RelId>> shortest_paths(
    const GraphStore& store, NodeId from, NodeId to, const std::vector<TypeId>& rel_types, bool directed_out,
    bool directed_in, std::size_t max_hops, bool all, const std::function<void()>& tick = [] {});

}  // namespace kgq::storage
