// tests/unit/storage/test_adjacency_index.cpp — the compressed adjacency with copy-on-write
// lists (storage/adjacency_index.hpp) under random writes: creations that stay unindexed
// until a read or commit, deletions of indexed and unindexed relationships, reads between
// writes, rebuilds, and statements that roll back. After every step each node's lists must
// be exactly the live relationships of a plain model, in relationship-id order.
#include "storage_test_support.hpp"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>
#include <tuple>

using namespace kgq;
using namespace kgq::storage_test;

namespace {

struct ModelRel {
    TypeId type;
    NodeId source, target;
};

void check_against(const GraphStore& g, const std::map<RelId, ModelRel>& live, std::size_t nodes,
                   const std::vector<TypeId>& types) {
    // expected[(node, type, out?)]: the model's lists, filled in id order (std::map).
    std::map<std::tuple<NodeId, TypeId, bool>, std::vector<std::pair<NodeId, RelId>>> expected;
    for (const auto& [id, r] : live) {
        expected[{r.source, r.type, true}].emplace_back(r.target, id);
        expected[{r.target, r.type, false}].emplace_back(r.source, id);
    }
    for (NodeId n = 0; n < nodes; ++n) {
        for (TypeId t : types) {
            for (bool out : {true, false}) {
                std::vector<std::pair<NodeId, RelId>> actual;
                for (const AdjEntry& e : g.adjacency(n, t, out ? Direction::Out : Direction::In))
                    actual.emplace_back(e.neighbor, e.rel);
                auto it = expected.find({n, t, out});
                REQUIRE(actual == (it == expected.end() ? std::vector<std::pair<NodeId, RelId>>{} : it->second));
            }
        }
    }
}

}  // namespace

TEST_CASE("adjacency stays exact under random writes, reads, commits and rollbacks") {
    Catalog c;
    GraphStore g(c);
    const std::vector<TypeId> types = {c.ensure_relation_type("A"), c.ensure_relation_type("B")};
    const std::size_t nodes = 40;
    for (std::size_t i = 0; i < nodes; ++i) g.create_node({}, {});
    std::map<RelId, ModelRel> live;
    std::mt19937_64 random(7);
    for (int statement = 0; statement < 200; ++statement) {
        const bool roll_back = random() % 4 == 0;
        const auto before = live;
        g.begin_statement();
        // Bulk statements (many creations, nothing read) and small ones with reads between.
        // Every 40th statement is past the rebuild threshold (pending > live/4 + 1024).
        const int writes = statement % 40 == 0 ? 4000 : random() % 5 == 0 ? 1500 : static_cast<int>(random() % 12);
        for (int w = 0; w < writes; ++w) {
            if (!live.empty() && random() % 3 == 0) {
                auto it = live.begin();
                std::advance(it, static_cast<long>(random() % live.size()));
                g.delete_relationship(it->first);
                live.erase(it);
            } else {
                TypeId t = types[random() % types.size()];
                NodeId s = random() % nodes, e = random() % nodes;
                live[g.create_relationship(t, s, e, {})] = {t, s, e};
            }
            if (writes < 100 && random() % 4 == 0) check_against(g, live, nodes, types);
        }
        if (roll_back) {
            g.rollback();
            live = before;
        } else {
            g.commit();
        }
        check_against(g, live, nodes, types);
    }
}
