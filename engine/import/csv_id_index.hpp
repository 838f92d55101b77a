// engine/import/csv_id_index.hpp — the ID space of a relationship file's :START_ID/:END_ID
// column: from the ID text to the node it names. An ID space is named after a label; its
// IDs are that label's KEY property, or its `id` property when it has no KEY (the property
// a node file's `:ID` column fills by default). An INT KEY is looked up in the store's KEY
// index directly; otherwise the space is built once per COPY from the stored nodes, so
// relationship files may be loaded in any later statement. Stage: import.
#pragma once

#include "storage/graph_store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kgq::import {

class CsvIdIndex {
public:
    // Throws an Io error (prefixed by `where`) when the label's nodes carry no IDs or two
    // share one.
    CsvIdIndex(const storage::GraphStore& store, catalog::TypeId label, const std::string& where);

    // `previous`: the node the same column found on the row before. Relationship files
    // mostly follow the node file's order, so its successor is tried first, which reads
    // memory in order instead of probing the hash table at random.
    std::optional<storage::NodeId> find(std::string_view id_text, storage::NodeId previous = storage::no_node) const;
    catalog::TypeId label() const { return label_; }
    const std::string& property_name() const { return property_name_; }
    std::size_t size() const { return pairs_.size() + strings_.size(); }
    bool uses_store_keys() const { return store_ != nullptr; }

private:
    // Integer IDs (the common case, LDBC's) live in a flat open-addressing table: lookups are
    // the bulk of a relationship load, and a node-based map costs a cache miss per hop.
    struct IntSlot {
        std::int64_t id;
        storage::NodeId node;  // no_node: empty
    };
    void build_int_table() const;
    bool insert_int(std::int64_t id, storage::NodeId node) const;  // false when present
    std::size_t slot_of(std::int64_t id) const {
        return static_cast<std::size_t>((static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ull) >> shift_);
    }

    std::optional<storage::NodeId> find_in_store(std::int64_t id, storage::NodeId previous) const;

    catalog::TypeId label_;
    // Set when the IDs are an INT KEY: the store's KEY index answers, nothing is built here.
    const storage::GraphStore* store_ = nullptr;
    catalog::PropertyKeyId key_ = 0;
    std::string property_name_;
    std::string where_;
    // Every (id, node) of the space; hashed into ints_ when first needed: a file that follows
    // the node file's order never needs it (KEY labels only: their IDs are known unique).
    std::vector<IntSlot> pairs_;
    mutable std::vector<IntSlot> ints_;
    mutable int shift_ = 64;
    // The integer ID of each node first_node_ + i (INT64_MIN: not in the space), when the
    // label's node ids are dense enough for an array; empty otherwise.
    storage::NodeId first_node_ = 0;
    std::vector<std::int64_t> id_of_node_;
    std::unordered_map<std::string, storage::NodeId> strings_;
};

}  // namespace kgq::import
