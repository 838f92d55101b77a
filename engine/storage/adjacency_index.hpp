// engine/storage/adjacency_index.hpp — the adjacency lists of one relation type in one
// direction: compressed sparse rows (an offset per node over the id range that has any, one
// array of entries) plus, for the nodes written since the last rebuild, their own copied-out
// lists (copy on write). Every list is in relationship-id order, which is creation order, so
// a rebuild from the relationship rows gives back exactly the lists the writes left.
// Stage: storage. Owned by GraphStore's RelTable (graph_store_impl.hpp).
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace kgq::storage {

using NodeId = std::uint64_t;
using RelId = std::uint64_t;

// One neighbour in an adjacency list: 32-bit ids halve the largest structure of a loaded
// graph (GraphStore refuses ids beyond, see max_ids).
struct AdjEntry {
    std::uint32_t neighbor;
    std::uint32_t rel;
    AdjEntry() = default;
    AdjEntry(NodeId n, RelId r) : neighbor(static_cast<std::uint32_t>(n)), rel(static_cast<std::uint32_t>(r)) {}
};
inline constexpr std::uint64_t max_ids = UINT32_MAX;  // nodes, and relationships, per store

class AdjacencyIndex {
public:
    std::span<const AdjEntry> of(NodeId node) const {
        if (!changed_.empty()) {
            if (auto it = changed_.find(node); it != changed_.end()) return it->second;
        }
        if (node < base_ || node - base_ + 1 >= offsets_.size()) return {};
        const std::size_t i = node - base_;
        return {entries_.data() + offsets_[i], entries_.data() + offsets_[i + 1]};
    }

    // Writes keep relationship-id order: append takes a relationship newer than all in the
    // list, insert finds its place.
    void append(NodeId node, AdjEntry entry);
    void insert(NodeId node, AdjEntry entry);
    void erase(NodeId node, RelId rel);

    // From the relationship rows (key: this direction's node, other: the neighbour), the
    // live ones (row_rel != dead); drops every copied-out list.
    void rebuild(std::span<const std::uint32_t> key, std::span<const std::uint32_t> other,
                 std::span<const std::uint32_t> row_rel, std::uint32_t dead);
    // Whether the copied-out lists have grown large enough to make a rebuild worth it.
    bool wants_rebuild() const { return changed_entries_ > entries_.size() / 4 + 1024; }

private:
    std::vector<AdjEntry>& writable(NodeId node);

    NodeId base_ = 0;
    std::vector<std::uint32_t> offsets_;  // entries of node base_+i: [offsets_[i], offsets_[i+1])
    std::vector<AdjEntry> entries_;
    std::unordered_map<NodeId, std::vector<AdjEntry>> changed_;
    std::size_t changed_entries_ = 0;
};

}  // namespace kgq::storage
