// engine/storage/shortest_paths.cpp — breadth-first search with a visitor that records each
// vertex's distance and the edges reaching it from the previous level (all of them for
// allShortestPaths), then unwinds those predecessors from the target into paths.
// Stage: storage. Caller: the executor (shortest_paths.hpp).
#include "storage/shortest_paths.hpp"

#include "storage/bgl_graph.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/two_bit_color_map.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>

namespace kgq::storage {

namespace {

constexpr std::uint32_t unreached = std::numeric_limits<std::uint32_t>::max();

struct Predecessor {
    NodeId node;
    RelId rel;
};

struct SearchState {
    NodeId target;
    std::size_t max_hops;
    bool all;
    std::vector<std::uint32_t> distance;  // by node id
    std::unordered_map<NodeId, std::vector<Predecessor>> predecessors;
    const std::function<void()>* tick;
};

// Thrown to end the search early, the way Boost.Graph's documentation suggests.
struct SearchDone {};

class ShortestPathVisitor : public boost::default_bfs_visitor {
public:
    explicit ShortestPathVisitor(SearchState& state) : state_(&state) {}

    // Vertices leave the queue in distance order, so once one is as far as the target (all
    // its predecessors are known) or as far as allowed, nothing later can add a shorter path.
    void examine_vertex(NodeId u, const GraphView&) const {
        (*state_->tick)();
        const std::uint32_t du = state_->distance[u];
        const std::uint32_t dt = state_->distance[state_->target];
        if (du >= state_->max_hops || (dt != unreached && du >= dt)) throw SearchDone{};
    }

    void examine_edge(const ViewEdge& e, const GraphView&) const {
        auto& distance = state_->distance;
        const std::uint32_t next = distance[e.source] + 1;
        if (distance[e.target] == unreached) {
            distance[e.target] = next;
            state_->predecessors[e.target].push_back({e.source, e.rel});
            if (!state_->all && e.target == state_->target) throw SearchDone{};
        } else if (state_->all && distance[e.target] == next) {
            state_->predecessors[e.target].push_back({e.source, e.rel});
        }
    }

private:
    SearchState* state_;
};

// Unwinds predecessors from `node` back to the start, appending every path (reversed).
void collect(const SearchState& state, NodeId node, NodeId start, std::vector<RelId>& suffix,
             std::vector<std::vector<RelId>>& out) {
    (*state.tick)();  // allShortestPaths can have very many
    if (node == start) {
        out.emplace_back(suffix.rbegin(), suffix.rend());
        return;
    }
    for (const Predecessor& p : state.predecessors.at(node)) {
        suffix.push_back(p.rel);
        collect(state, p.node, start, suffix, out);
        suffix.pop_back();
    }
}

Orientation orientation_of(bool directed_out, bool directed_in) {
    if (directed_out && !directed_in) return Orientation::Out;
    if (directed_in && !directed_out) return Orientation::In;
    return Orientation::Both;
}

}  // namespace

std::vector<std::vector<RelId>> shortest_paths(const GraphStore& store, NodeId from, NodeId to,
                                               const std::vector<TypeId>& rel_types, bool directed_out,
                                               bool directed_in, std::size_t max_hops, bool all,
                                               const std::function<void()>& tick) {
    if (!store.node_alive(from) || !store.node_alive(to)) return {};
    if (from == to) return {{}};
    if (max_hops == 0) return {};

    const GraphView view{&store, rel_types, orientation_of(directed_out, directed_in)};
    SearchState state{to, max_hops, all, std::vector<std::uint32_t>(num_vertices(view), unreached), {}, &tick};
    state.distance[from] = 0;
    boost::two_bit_color_map<boost::typed_identity_property_map<NodeId>> color(num_vertices(view));
    try {
        boost::breadth_first_search(view, from, boost::visitor(ShortestPathVisitor(state)).color_map(color));
    } catch (const SearchDone&) {}
    if (state.distance[to] == unreached) return {};

    std::vector<std::vector<RelId>> paths;
    std::vector<RelId> suffix;
    collect(state, to, from, suffix, paths);
    return paths;
}

}  // namespace kgq::storage
