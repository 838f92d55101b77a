// engine/storage/graph_store_impl.hpp — GraphStore's private state and the primitive moves
// (append/tombstone rows, columns, adjacency, KEY index) shared by writes and their undo.
// Stage: storage. Included only by graph_store.cpp and graph_store_undo.cpp.
#pragma once

#include "storage/graph_store.hpp"
#include "storage/key_encoding.hpp"
#include "storage/key_index.hpp"
#include "storage/undo_log.hpp"

#include <map>
#include <string>
#include <unordered_map>

namespace kgq::storage {

inline constexpr std::uint32_t dead_table = UINT32_MAX;
inline constexpr std::uint32_t dead_row = UINT32_MAX;  // row_rel of a deleted relationship

// Where a node's row lives; table == dead_table once deleted.
struct NodeRecord {
    std::uint32_t table = dead_table;
    std::uint32_t row = 0;
};

struct RelRecord {
    TypeId type = catalog::no_type;
    std::uint32_t row = 0;
};  // alive: its row's row_rel is not dead_row

// All relationships of one relation type: endpoint and property columns by row (in
// relationship-id order), plus the adjacency of both directions. Rows from indexed_rows on
// are not in the adjacency yet: creations only append rows, and the next read or commit
// brings the adjacency up to date (a bulk load is indexed once, at its end).
struct RelTable {
    // 32-bit ids, as in the adjacency (max_ids): 12 bytes a relationship instead of 24.
    std::vector<std::uint32_t> source;
    std::vector<std::uint32_t> target;
    std::vector<std::uint32_t> row_rel;  // dead_row for a deleted row
    std::vector<PropertyKeyId> column_keys;
    std::vector<std::vector<Value>> columns;
    std::unordered_map<PropertyKeyId, std::uint32_t> column_of;
    std::size_t live_rows = 0;
    AdjacencyIndex out;  // by source
    AdjacencyIndex in;  // by target
    std::size_t indexed_rows = 0;
};

// One KEY index hit: the node type declaring the KEY owns the index (it covers subtypes);
// `label` is the node's own type, for the error message.
struct KeyEntry {
    TypeId owner;
    TypeId label;
    const catalog::PropertyDef* property;
    const Value* value;  // for the error message; valid until the next write
    std::string encoded;
};

// The redo of the running statement (GraphStore::enable_redo).
struct RedoLog {
    bool enabled = false;
    bool overflowed = false;
    std::size_t limit = 0;
    std::string bytes;
};

enum class RedoOp : std::uint8_t {
    CreateNode = 1,
    DeleteNode,
    AddLabel,
    RemoveLabel,
    SetNodeProperty,
    CreateRelationship,
    DeleteRelationship,
    SetRelProperty,
};

struct GraphStore::Impl {
    Impl(catalog::Catalog& catalog, std::vector<std::unique_ptr<NodeTable>>& tables)
        : catalog(catalog), tables(tables) {}

    catalog::Catalog& catalog;
    std::vector<std::unique_ptr<NodeTable>>& tables;
    std::map<LabelSet, std::uint32_t> table_of_labels;
    std::vector<NodeRecord> nodes;
    std::size_t live_nodes = 0;
    std::vector<RelRecord> rels;
    std::size_t live_rels = 0;
    std::vector<RelTable> rel_tables;  // by relation TypeId
    std::unordered_map<TypeId, KeyIndex> key_index;  // by the type declaring the KEY
    bool in_statement = false;
    std::vector<undo::Entry> log;
    std::size_t merge_floor = 0;  // entries below the last savepoint are never extended
    RedoLog redo;

    void record(undo::Entry entry) {
        if (in_statement) log.push_back(std::move(entry));
    }

    // ---- tables and columns
    std::uint32_t table_for(const LabelSet& labels);  // finds or creates (logged)
    std::uint32_t append_row(std::uint32_t table, NodeId node);
    void pop_row(std::uint32_t table);
    std::uint32_t node_column(std::uint32_t table, PropertyKeyId key);  // finds or adds (logged)
    std::uint32_t rel_column(TypeId type, PropertyKeyId key);  // finds or adds (logged)
    RelTable& rel_table(TypeId type);
    const RelTable* find_rel_table(TypeId type) const;
    // The table with its adjacency up to date (indexes pending rows first).
    const RelTable* indexed_rel_table(TypeId type);
    void index_pending(RelTable& table);
    void index_for_readers();
    Value* node_slot(NodeId id, PropertyKeyId key);
    Value* rel_slot(RelId id, PropertyKeyId key);

    // ---- KEY index
    template <class Lookup>  // Lookup: PropertyKeyId -> const Value&
    std::vector<KeyEntry> key_entries(const LabelSet& labels, Lookup&& lookup) const;
    std::vector<KeyEntry> node_key_entries(NodeId id) const;
    void check_keys_free(const std::vector<KeyEntry>& entries, NodeId self) const;
    void index_keys(const std::vector<KeyEntry>& entries, NodeId id);
    void unindex_keys(const std::vector<KeyEntry>& entries);

    // ---- moves shared by writes and undo
    // Moves the node's values to (to_table, to_row), which must be a free row, and leaves a
    // tombstone behind. Forward moves may add columns (logged); undo finds them all present.
    void transfer_row(NodeId id, std::uint32_t to_table, std::uint32_t to_row, bool add_columns);
    void relabel(NodeId id, LabelSet labels);  // checks keys, moves to the label set's table

    void undo(undo::Entry& entry);

    // ---- redo (graph_store_redo.cpp), called by each write once it is checked
    bool redo_on() const { return in_statement && redo.enabled && !redo.overflowed; }
    void redo_create_node(NodeId id, const LabelSet& labels, const undo::PropertyList& properties);
    void redo_create_relationship(RelId id, TypeId type, NodeId source, NodeId target,
                                  const undo::PropertyList& properties);
    // DeleteNode, DeleteRelationship (id); AddLabel, RemoveLabel (id, label)
    void redo_element(RedoOp op, std::uint64_t id, std::uint32_t label = 0);
    void redo_property(RedoOp op, std::uint64_t id, PropertyKeyId key, const Value& value);
};

template <class Lookup>
std::vector<KeyEntry> GraphStore::Impl::key_entries(const LabelSet& labels, Lookup&& lookup) const {
    std::vector<KeyEntry> out;
    for (TypeId label : labels) {
        const catalog::PropertyDef* def = catalog.key_property(label);
        if (!def) continue;
        bool seen = false;
        for (const auto& e : out) seen = seen || e.owner == def->declared_in;
        if (seen) continue;
        const Value& value = lookup(def->key);
        if (auto code = encode_key(value)) out.push_back({def->declared_in, label, def, &value, std::move(*code)});
    }
    return out;
}

}  // namespace kgq::storage
