// engine/storage/bgl_graph.hpp — GraphStore seen as a Boost.Graph (incidence + vertex list
// graph) without copying: a GraphView picks relation types and a direction, and out_edges()
// walks the store's adjacency lists. Modelled on Boost.Graph's vector_as_graph.hpp and
// example/implicit_graph.cpp. Stage: storage. Callers: shortest_paths.cpp, graph algorithms.
#pragma once

#include "storage/graph_store.hpp"

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include <utility>
#include <vector>

namespace kgq::storage {

// Which way relationships are followed. In follows them backwards (target to source); Both
// makes the graph undirected by offering every relationship from either end.
enum class Orientation { Out, In, Both };

struct GraphView {
    const GraphStore* store = nullptr;
    std::vector<TypeId> rel_types;  // empty = all relation types
    Orientation orientation = Orientation::Out;

    std::size_t type_count() const {
        return rel_types.empty() ? store->catalog().relation_type_count() : rel_types.size();
    }
    TypeId type_at(std::size_t i) const { return rel_types.empty() ? static_cast<TypeId>(i) : rel_types[i]; }
    std::size_t direction_count() const { return orientation == Orientation::Both ? 2 : 1; }
    Direction direction_at(std::size_t i) const {
        if (orientation == Orientation::Both) return i == 0 ? Direction::Out : Direction::In;
        return orientation == Orientation::Out ? Direction::Out : Direction::In;
    }
};

// An edge as traversed: `source` is the vertex it was reached from, so for Orientation::In
// (and the In half of Both) source/target are the relationship's target/source.
struct ViewEdge {
    RelId rel = UINT64_MAX;
    NodeId source = no_node;
    NodeId target = no_node;
    friend bool operator==(const ViewEdge&, const ViewEdge&) = default;
};

// Walks the adjacency lists of one node: each selected relation type, each direction.
class ViewOutEdgeIterator
    : public boost::iterator_facade<ViewOutEdgeIterator, ViewEdge, boost::forward_traversal_tag, ViewEdge> {
public:
    ViewOutEdgeIterator() = default;
    ViewOutEdgeIterator(const GraphView* view, NodeId node, bool at_end) : view_(view), node_(node) {
        slot_count_ = view->type_count() * view->direction_count();
        slot_ = at_end ? slot_count_ : 0;
        if (!at_end) settle();
    }

private:
    friend class boost::iterator_core_access;

    ViewEdge dereference() const {
        const AdjEntry& entry = list_[position_];
        return {entry.rel, node_, entry.neighbor};
    }
    bool equal(const ViewOutEdgeIterator& other) const { return slot_ == other.slot_ && position_ == other.position_; }
    void increment() {
        if (++position_ < list_.size()) return;
        ++slot_;
        position_ = 0;
        settle();
    }
    // Moves to the first non-empty list at or after slot_ (or to the end).
    void settle() {
        for (; slot_ < slot_count_; ++slot_) {
            const std::size_t dirs = view_->direction_count();
            list_ = view_->store->adjacency(node_, view_->type_at(slot_ / dirs), view_->direction_at(slot_ % dirs));
            if (!list_.empty()) return;
        }
        list_ = {};
        position_ = 0;
    }

    const GraphView* view_ = nullptr;
    NodeId node_ = no_node;
    std::size_t slot_ = 0;  // type index * direction_count + direction index
    std::size_t slot_count_ = 0;
    std::size_t position_ = 0;
    std::span<const AdjEntry> list_;
};

struct GraphViewTraversalCategory : boost::incidence_graph_tag, boost::vertex_list_graph_tag {};

}  // namespace kgq::storage

namespace boost {

template <>
struct graph_traits<kgq::storage::GraphView> {
    using vertex_descriptor = kgq::storage::NodeId;
    using edge_descriptor = kgq::storage::ViewEdge;
    using directed_category = directed_tag;  // Both is expressed by offering both directions
    using edge_parallel_category = allow_parallel_edge_tag;
    using traversal_category = kgq::storage::GraphViewTraversalCategory;
    using vertex_iterator = counting_iterator<kgq::storage::NodeId>;
    using out_edge_iterator = kgq::storage::ViewOutEdgeIterator;
    using in_edge_iterator = void;
    using adjacency_iterator = void;
    using edge_iterator = void;
    using degree_size_type = std::size_t;
    using vertices_size_type = std::size_t;
    using edges_size_type = std::size_t;
    static vertex_descriptor null_vertex() { return kgq::storage::no_node; }
};

// Node ids are dense, so the vertex index is the id itself.
template <>
struct property_map<kgq::storage::GraphView, vertex_index_t> {
    using type = typed_identity_property_map<kgq::storage::NodeId>;
    using const_type = type;
};

}  // namespace boost

namespace kgq::storage {

// Found by argument-dependent lookup, as Boost.Graph's algorithms call them unqualified.
// Vertices are all ids below node_capacity(); deleted ones simply have no edges.
inline std::pair<boost::counting_iterator<NodeId>, boost::counting_iterator<NodeId>> vertices(const GraphView& g) {
    return {boost::counting_iterator<NodeId>(0), boost::counting_iterator<NodeId>(g.store->node_capacity())};
}

inline std::size_t num_vertices(const GraphView& g) { return g.store->node_capacity(); }

inline std::pair<ViewOutEdgeIterator, ViewOutEdgeIterator> out_edges(NodeId u, const GraphView& g) {
    return {ViewOutEdgeIterator(&g, u, false), ViewOutEdgeIterator(&g, u, true)};
}

inline std::size_t out_degree(NodeId u, const GraphView& g) {
    std::size_t total = 0;
    for (std::size_t t = 0; t < g.type_count(); ++t)
        for (std::size_t d = 0; d < g.direction_count(); ++d)
            total += g.store->adjacency(u, g.type_at(t), g.direction_at(d)).size();
    return total;
}

inline NodeId source(const ViewEdge& e, const GraphView&) { return e.source; }
inline NodeId target(const ViewEdge& e, const GraphView&) { return e.target; }

inline boost::typed_identity_property_map<NodeId> get(boost::vertex_index_t, const GraphView&) { return {}; }

}  // namespace kgq::storage
