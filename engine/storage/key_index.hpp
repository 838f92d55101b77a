// engine/storage/key_index.hpp — one KEY index: encoded key (key_encoding.hpp) -> node.
// Integer keys, the common case (LDBC's ids, counters), live in a flat open-addressing table
// of 16-byte slots; any other key in a node-based hash map of its encoding. A bulk load of
// half a million keyed nodes costs 8 MB here instead of 30.
// Stage: storage. Owned by GraphStore::Impl (graph_store_impl.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kgq::value {
class BinaryWriter;
class BinaryReader;
}  // namespace kgq::value

namespace kgq::storage {

class KeyIndex {
public:
    using NodeId = std::uint64_t;
    static constexpr NodeId absent = UINT64_MAX;

    NodeId find(const std::string& encoded) const;
    NodeId find_int(std::int64_t key) const;  // an INT key (or integral FLOAT), without encoding it
    void insert(const std::string& encoded, NodeId node);  // replaces an existing entry
    void erase(const std::string& encoded);
    void reserve(std::size_t more_integer_keys);  // room to insert that many without growing

    // The index as a snapshot keeps it (graph_store_image.cpp): the slots as they are, so an
    // open does not hash every key again (for LSQB that was a fifth of the open). The slot
    // layout is then part of the file format. load() checks what lookups rely on (states,
    // a free slot, each key reachable from its home slot) and asks `valid_node` about each
    // node; it throws value::FormatError.
    void save(value::BinaryWriter& out) const;
    void load(value::BinaryReader& in, const std::function<bool(NodeId)>& valid_node);

private:
    struct Slot {
        std::int64_t key;
        std::uint32_t node;
        std::uint32_t state;  // empty, full or erased (a tombstone keeps probe chains intact)
    };
    static bool as_int(const std::string& encoded, std::int64_t& out);
    std::size_t slot_of(std::int64_t key) const;
    void grow(std::size_t more = 1);

    std::vector<Slot> slots_;
    std::size_t used_ = 0;  // full + erased
    std::unordered_map<std::string, NodeId> others_;
};

}  // namespace kgq::storage
