// engine/import/csv_id_index.cpp — see csv_id_index.hpp. Scans the property column of every
// node table carrying the label (subtypes included), which is one pass over memory.
#include "import/csv_id_index.hpp"

#include "import/csv_reader.hpp"
#include "kgq/error.hpp"

#include <algorithm>
#include <charconv>
#include <climits>

namespace kgq::import {
namespace {

[[noreturn]] void fail(const std::string& where, const std::string& message) {
    Error e;
    e.kind = ErrorKind::Io;
    e.code = "ImportError";
    e.message = where + message;
    e.at_compile_time = false;
    throw Exception(std::move(e));
}

}  // namespace

CsvIdIndex::CsvIdIndex(const storage::GraphStore& store, catalog::TypeId label, const std::string& where)
    : label_(label), where_(where) {
    const catalog::Catalog& cat = store.catalog();
    const std::string& label_name = cat.entity_type(label).name;
    std::optional<catalog::PropertyKeyId> key;
    const catalog::PropertyDef* key_def = cat.key_property(label);
    key = key_def ? std::optional(key_def->key) : cat.find_property_key("id");
    if (key) property_name_ = cat.property_key_name(*key);
    if (key_def && key_def->type.kind == catalog::TypeKind::Int) {
        // The KEY index is unique and up to date: it answers every lookup.
        store_ = &store;
        key_ = key_def->key;
        return;
    }
    if (key) {
        for (const storage::NodeTable* table : store.tables_with_label(label)) {
            auto col = table->column_of.find(*key);
            if (col == table->column_of.end()) continue;
            const std::vector<Value>& values = table->columns[col->second];
            for (std::size_t row = 0; row < table->row_node.size() && row < values.size(); ++row) {
                storage::NodeId node = table->row_node[row];
                if (node == storage::no_node) continue;
                const Value& v = values[row];
                if (v.is_int()) {
                    pairs_.push_back({v.as_int(), node});
                } else if (v.is_string() && !strings_.emplace(v.as_string(), node).second) {
                    fail(where,
                         "ID space " + label_name + ": two nodes have " + property_name_ + " '" + v.as_string() + "'");
                }
            }
        }
    }
    if (pairs_.empty() && strings_.empty() && store.count_with_label(label) > 0) {
        fail(where, "ID space " + label_name + ": its nodes have no " +
                        (property_name_.empty() ? std::string("id") : property_name_) +
                        " property to match :START_ID/:END_ID against (declare a KEY or load them with an :ID column)");
    }
    // Nodes loaded by one COPY have consecutive ids: an array by node id is then small.
    if (!pairs_.empty()) {
        storage::NodeId lo = storage::no_node, hi = 0;
        for (const IntSlot& p : pairs_) {
            lo = std::min(lo, p.node);
            hi = std::max(hi, p.node);
        }
        if (hi - lo < 4 * pairs_.size() + 1024) {
            first_node_ = lo;
            id_of_node_.assign(hi - lo + 1, INT64_MIN);
            for (const IntSlot& p : pairs_) id_of_node_[p.node - lo] = p.id;
        }
    }
    // Without a KEY nothing has checked that IDs are unique: hash now, which finds duplicates.
    if (!key_def || id_of_node_.empty()) build_int_table();
}

void CsvIdIndex::build_int_table() const {
    if (!ints_.empty() || pairs_.empty()) return;
    // Room for every ID at most half full: probes stay short.
    std::size_t capacity = 16;
    shift_ = 60;
    while (capacity < 2 * pairs_.size()) {
        capacity *= 2;
        --shift_;
    }
    ints_.assign(capacity, IntSlot{0, storage::no_node});
    for (const IntSlot& p : pairs_) {
        if (!insert_int(p.id, p.node)) {
            ints_.clear();
            fail(where_, "ID space: two nodes have " + property_name_ + " " + std::to_string(p.id));
        }
    }
}

bool CsvIdIndex::insert_int(std::int64_t id, storage::NodeId node) const {
    std::size_t mask = ints_.size() - 1;
    for (std::size_t i = slot_of(id);; i = (i + 1) & mask) {
        IntSlot& slot = ints_[i];
        if (slot.node == storage::no_node) {
            slot = IntSlot{id, node};
            return true;
        }
        if (slot.id == id) return false;
    }
}

std::optional<storage::NodeId> CsvIdIndex::find_in_store(std::int64_t id, storage::NodeId previous) const {
    // The row before named `previous`: files that follow the node file's order name its
    // successor next, whose key is read in memory order.
    if (previous != storage::no_node && previous + 1 < store_->node_capacity()) {
        const Value& next = store_->node_property(previous + 1, key_);
        if (next.is_int() && next.as_int() == id && store_->node_has_label(previous + 1, label_)) return previous + 1;
    }
    return store_->find_by_int_key(label_, id);
}

std::optional<storage::NodeId> CsvIdIndex::find(std::string_view text, storage::NodeId previous) const {
    if (!pairs_.empty() || store_) {
        std::int64_t v = 0;
        const char* b = text.data();
        const char* e = b + text.size();
        if (b != e && *b == '+') ++b;
        auto [end, ec] = std::from_chars(b, e, v);
        if (ec == std::errc() && end == e && store_) return find_in_store(v, previous);
        if (ec == std::errc() && end == e) {
            if (previous != storage::no_node && previous >= first_node_) {
                std::size_t next = previous + 1 - first_node_;
                if (next < id_of_node_.size() && id_of_node_[next] == v) return previous + 1;
            }
            build_int_table();
            std::size_t mask = ints_.size() - 1;
            for (std::size_t i = slot_of(v);; i = (i + 1) & mask) {
                const IntSlot& slot = ints_[i];
                if (slot.node == storage::no_node) break;
                if (slot.id == v) return slot.node;
            }
        }
    }
    if (!strings_.empty()) {
        auto it = strings_.find(std::string(text));
        if (it != strings_.end()) return it->second;
    }
    return std::nullopt;
}

}  // namespace kgq::import
