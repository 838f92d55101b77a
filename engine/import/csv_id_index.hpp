// engine/import/csv_id_index.hpp — the ID space of a relationship file's :START_ID/:END_ID
// column: from the ID text to the node it names. An ID space is named after a label; its
// IDs are that label's KEY property, or its `id` property when it has no KEY (the property
// a node file's `:ID` column fills by default). Built once per COPY from the stored nodes,
// so relationship files may be loaded in any later statement. Stage: import.
#pragma once

#include "storage/graph_store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kgq::import {

class CsvIdIndex {
public:
    // Throws an Io error (prefixed by `where`) when the label's nodes carry no IDs or two
    // share one.
    CsvIdIndex(const storage::GraphStore& store, catalog::TypeId label, const std::string& where);

    std::optional<storage::NodeId> find(std::string_view id_text) const;
    catalog::TypeId label() const { return label_; }
    const std::string& property_name() const { return property_name_; }
    std::size_t size() const { return ints_.size() + strings_.size(); }

private:
    catalog::TypeId label_;
    std::string property_name_;
    // Integer IDs (the common case, LDBC's) are hashed as integers, without allocating.
    std::unordered_map<std::int64_t, storage::NodeId> ints_;
    std::unordered_map<std::string, storage::NodeId> strings_;
};

}  // namespace kgq::import
