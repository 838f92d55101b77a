// tests/unit/storage/test_bgl_graph.cpp — the Boost.Graph view of GraphStore: concept checks,
// out-edges per orientation and relation type filter, a stock BGL algorithm run on the view,
// and shortest_paths() (one and all, directed and undirected, hop limit).
#include "storage/bgl_graph.hpp"
#include "storage/shortest_paths.hpp"
#include "storage_test_support.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/two_bit_color_map.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace kgq;
using namespace kgq::storage_test;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<GraphView>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<GraphView>));
BOOST_CONCEPT_ASSERT(
    (boost::ReadablePropertyMapConcept<boost::property_map<GraphView, boost::vertex_index_t>::const_type, NodeId>));

namespace {

// A diamond with a tail, plus a shortcut of another type:
//   0 -K-> 1 -K-> 3 -K-> 4      0 -L-> 4 (type L)
//   0 -K-> 2 -K-> 3             5 isolated
struct Diamond {
    Catalog c;
    GraphStore g{c};
    TypeId k = c.ensure_relation_type("K"), l = c.ensure_relation_type("L");
    NodeId n[6];
    RelId r01, r02, r13, r23, r34, r04;
    Diamond() {
        for (auto& node : n) node = g.create_node({}, {});
        r01 = g.create_relationship(k, n[0], n[1], {});
        r02 = g.create_relationship(k, n[0], n[2], {});
        r13 = g.create_relationship(k, n[1], n[3], {});
        r23 = g.create_relationship(k, n[2], n[3], {});
        r34 = g.create_relationship(k, n[3], n[4], {});
        r04 = g.create_relationship(l, n[0], n[4], {});
    }
};

std::vector<RelId> edges_of(NodeId u, const GraphView& view) {
    std::vector<RelId> out;
    auto [it, end] = out_edges(u, view);
    for (; it != end; ++it) {
        CHECK(source(*it, view) == u);
        out.push_back((*it).rel);
    }
    CHECK(out.size() == out_degree(u, view));
    return out;
}

using Paths = std::vector<std::vector<RelId>>;

Paths sorted(Paths paths) {
    std::sort(paths.begin(), paths.end());
    return paths;
}

}  // namespace

TEST_CASE("GraphView: vertices, out-edges by orientation and type filter") {
    Diamond d;
    GraphView out{&d.g, {}, Orientation::Out};
    CHECK(num_vertices(out) == 6);
    auto [vb, ve] = vertices(out);
    CHECK(std::distance(vb, ve) == 6);
    CHECK(edges_of(d.n[0], out) == std::vector<RelId>{d.r01, d.r02, d.r04});
    CHECK(edges_of(d.n[5], out).empty());
    CHECK(edges_of(d.n[4], out).empty());

    GraphView only_k{&d.g, {d.k}, Orientation::Out};
    CHECK(edges_of(d.n[0], only_k) == std::vector<RelId>{d.r01, d.r02});

    GraphView in{&d.g, {}, Orientation::In};
    CHECK(edges_of(d.n[4], in) == std::vector<RelId>{d.r34, d.r04});
    auto [it, end] = out_edges(d.n[4], in);
    CHECK(target(*it, in) == d.n[3]);  // followed backwards

    GraphView both{&d.g, {d.k}, Orientation::Both};
    CHECK(edges_of(d.n[3], both) == std::vector<RelId>{d.r34, d.r13, d.r23});
    CHECK(get(boost::vertex_index, both)[NodeId{4}] == 4);
}

TEST_CASE("GraphView runs stock BGL breadth_first_search without copying") {
    Diamond d;
    GraphView view{&d.g, {d.k}, Orientation::Out};
    std::vector<std::size_t> distance(num_vertices(view), 0);
    boost::breadth_first_search(view, d.n[0],
                                boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                                    boost::make_iterator_property_map(distance.begin(), get(boost::vertex_index, view)),
                                    boost::on_tree_edge()))));
    CHECK(distance[d.n[3]] == 2);
    CHECK(distance[d.n[4]] == 3);
}

TEST_CASE("shortest_paths: one and all, directed and undirected") {
    Diamond d;
    const std::size_t unlimited = 100;

    // Every type: the L shortcut wins.
    CHECK(shortest_paths(d.g, d.n[0], d.n[4], {}, true, false, unlimited, false) == Paths{{d.r04}});
    CHECK(shortest_paths(d.g, d.n[0], d.n[4], {}, true, false, unlimited, true) == Paths{{d.r04}});
    // Only K: two paths of length 3.
    const Paths one = shortest_paths(d.g, d.n[0], d.n[4], {d.k}, true, false, unlimited, false);
    REQUIRE(one.size() == 1);
    CHECK(one[0].size() == 3);
    CHECK(sorted(shortest_paths(d.g, d.n[0], d.n[4], {d.k}, true, false, unlimited, true)) ==
          sorted(Paths{{d.r01, d.r13, d.r34}, {d.r02, d.r23, d.r34}}));
    // Against the direction: nothing outgoing from 4, but incoming works.
    CHECK(shortest_paths(d.g, d.n[4], d.n[0], {d.k}, true, false, unlimited, true).empty());
    CHECK(sorted(shortest_paths(d.g, d.n[4], d.n[0], {d.k}, false, true, unlimited, true)) ==
          sorted(Paths{{d.r34, d.r13, d.r01}, {d.r34, d.r23, d.r02}}));
    // Undirected: 1 and 2 are two hops apart through 0 or through 3.
    CHECK(shortest_paths(d.g, d.n[1], d.n[2], {d.k}, true, false, unlimited, true).empty());
    CHECK(sorted(shortest_paths(d.g, d.n[1], d.n[2], {d.k}, false, false, unlimited, true)) ==
          sorted(Paths{{d.r01, d.r02}, {d.r13, d.r23}}));
    CHECK(shortest_paths(d.g, d.n[1], d.n[2], {d.k}, false, false, unlimited, false).size() == 1);
}

TEST_CASE("shortest_paths: hop limit, unreachable, same node, parallel edges, deleted nodes") {
    Diamond d;
    CHECK(shortest_paths(d.g, d.n[0], d.n[4], {d.k}, true, false, 2, false).empty());
    CHECK(shortest_paths(d.g, d.n[0], d.n[4], {d.k}, true, false, 3, false).size() == 1);
    CHECK(shortest_paths(d.g, d.n[0], d.n[4], {}, true, false, 0, false).empty());
    CHECK(shortest_paths(d.g, d.n[0], d.n[5], {}, false, false, 10, true).empty());
    CHECK(shortest_paths(d.g, d.n[3], d.n[3], {}, true, false, 10, true) == Paths{{}});

    const RelId parallel = d.g.create_relationship(d.l, d.n[0], d.n[4], {});
    CHECK(sorted(shortest_paths(d.g, d.n[0], d.n[4], {}, true, false, 10, true)) == sorted(Paths{{d.r04}, {parallel}}));

    for (RelId r : {d.r34, d.r04, parallel}) d.g.delete_relationship(r);
    d.g.delete_node(d.n[4]);
    CHECK(shortest_paths(d.g, d.n[0], d.n[4], {}, true, false, 10, true).empty());
    CHECK(shortest_paths(d.g, d.n[1], d.n[2], {}, false, false, 10, true).size() == 2);
}
