// engine/storage/undo_log.hpp — the entries GraphStore logs between begin_statement() and
// commit(): just enough to invert each write, replayed in reverse by rollback().
// Stage: storage. Callers: GraphStore::Impl (graph_store.cpp logs, graph_store_undo.cpp undoes).
#pragma once

#include "catalog/catalog.hpp"
#include "kgq/value.hpp"

#include <cstdint>
#include <utility>
#include <variant>
#include <vector>

namespace kgq::storage::undo {

using NodeId = std::uint64_t;
using RelId = std::uint64_t;
using catalog::PropertyKeyId;
using catalog::TypeId;
using PropertyList = std::vector<std::pair<PropertyKeyId, Value>>;

// Structure grows append-only within a statement, so undoing a growth is a pop_back: reverse
// order guarantees that whatever was appended after it has been popped already.
struct NodeTableCreated {};
struct NodeColumnAdded {
    std::uint32_t table;
};
struct RelColumnAdded {
    TypeId type;
};
struct NodeCreated {  // node .. node+count-1
    NodeId node;
    std::uint64_t count = 1;
};
struct RelCreated {  // rel .. rel+count-1: a bulk load logs one entry
    RelId rel;
    std::uint64_t count = 1;
};

// Deletions keep the row as a tombstone, so the snapshot is the values moved out of it;
// the labels are the row's table and the endpoints stay in the relationship's row.
struct NodeDeleted {
    NodeId node;
    std::uint32_t table;
    std::uint32_t row;
    PropertyList properties;
};
struct RelDeleted {  // adjacency lists are in relationship-id order: undo finds its place
    RelId rel;
    PropertyList properties;
};

struct NodePropertySet {
    NodeId node;
    PropertyKeyId key;
    Value old_value;  // null: the property was absent
};
struct RelPropertySet {
    RelId rel;
    PropertyKeyId key;
    Value old_value;
};

// A label change moved the node's row to another table; the old row is a tombstone.
struct NodeMoved {
    NodeId node;
    std::uint32_t old_table;
    std::uint32_t old_row;
};

using Entry = std::variant<NodeTableCreated, NodeColumnAdded, RelColumnAdded, NodeCreated, RelCreated, NodeDeleted,
                           RelDeleted, NodePropertySet, RelPropertySet, NodeMoved>;

}  // namespace kgq::storage::undo
