// engine/storage/adjacency_index.cpp — AdjacencyIndex: copy-on-write edits and the rebuild
// into compressed sparse rows; see adjacency_index.hpp.
#include "storage/adjacency_index.hpp"

#include <algorithm>
#include <cassert>

namespace kgq::storage {

std::vector<AdjEntry>& AdjacencyIndex::writable(NodeId node) {
    auto [it, inserted] = changed_.try_emplace(node);
    if (inserted) {
        if (node >= base_ && node - base_ + 1 < offsets_.size()) {
            const std::size_t i = node - base_;
            it->second.assign(entries_.begin() + offsets_[i], entries_.begin() + offsets_[i + 1]);
            changed_entries_ += it->second.size();
        }
    }
    return it->second;
}

void AdjacencyIndex::append(NodeId node, AdjEntry entry) {
    auto& list = writable(node);
    assert(list.empty() || list.back().rel < entry.rel);
    list.push_back(entry);
    ++changed_entries_;
}

void AdjacencyIndex::insert(NodeId node, AdjEntry entry) {
    auto& list = writable(node);
    auto at =
        std::lower_bound(list.begin(), list.end(), entry.rel, [](const AdjEntry& e, RelId rel) { return e.rel < rel; });
    list.insert(at, entry);
    ++changed_entries_;
}

void AdjacencyIndex::erase(NodeId node, RelId rel) {
    auto& list = writable(node);
    auto at = std::lower_bound(list.begin(), list.end(), rel, [](const AdjEntry& e, RelId r) { return e.rel < r; });
    assert(at != list.end() && at->rel == rel);
    list.erase(at);
}

void AdjacencyIndex::rebuild(std::span<const std::uint32_t> key, std::span<const std::uint32_t> other,
                             std::span<const std::uint32_t> row_rel, std::uint32_t dead) {
    changed_.clear();
    changed_entries_ = 0;
    NodeId low = UINT64_MAX, high = 0;  // widened: key[] is 32-bit
    std::size_t live = 0;
    for (std::size_t row = 0; row < key.size(); ++row) {
        if (row_rel[row] == dead) continue;
        low = std::min<NodeId>(low, key[row]);
        high = std::max<NodeId>(high, key[row]);
        ++live;
    }
    if (live == 0) {
        base_ = 0;
        std::vector<std::uint32_t>().swap(offsets_);
        std::vector<AdjEntry>().swap(entries_);
        return;
    }
    base_ = low;
    std::vector<std::uint32_t> offsets(high - low + 2, 0);  // live < max_ids: relationships are fewer
    for (std::size_t row = 0; row < key.size(); ++row) {
        if (row_rel[row] != dead) ++offsets[key[row] - low + 1];
    }
    for (std::size_t i = 1; i < offsets.size(); ++i) offsets[i] += offsets[i - 1];
    std::vector<AdjEntry> entries(live);
    std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
    // Rows are in relationship-id order, so each list comes out in that order too.
    for (std::size_t row = 0; row < key.size(); ++row) {
        if (row_rel[row] == dead) continue;
        entries[fill[key[row] - low]++] = AdjEntry(other[row], row_rel[row]);
    }
    offsets_ = std::move(offsets);
    entries_ = std::move(entries);
}

}  // namespace kgq::storage
