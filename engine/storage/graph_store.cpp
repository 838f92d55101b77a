// engine/storage/graph_store.cpp — the graph's reads and writes: node tables per label set,
// relationship tables and adjacency per relation type, KEY indexes, and the undo logging of
// every write. Stage: storage. Callers: the executor, importers, the BGL adapter.
// Undo of the logged entries is in graph_store_undo.cpp.
#include "storage/graph_store.hpp"

#include "catalog/schema_error.hpp"
#include "storage/graph_store_impl.hpp"

#include <algorithm>
#include <cassert>
#include <system_error>
#include <thread>

namespace kgq::storage {

namespace {

// Moves a deleted row's non-null properties out of its columns, for the undo log.
undo::PropertyList take_row_properties(std::vector<std::vector<Value>>& columns, const std::vector<PropertyKeyId>& keys,
                                       std::uint32_t row) {
    undo::PropertyList snapshot;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        Value& value = columns[c][row];
        if (value.is_null()) continue;
        snapshot.emplace_back(keys[c], std::move(value));
        value = Value();
    }
    return snapshot;
}

}  // namespace

namespace {

const Value null_value;
const LabelSet no_labels;

template <class Table>
std::vector<std::pair<PropertyKeyId, Value>> row_properties(const Table& table, std::uint32_t row) {
    std::vector<std::pair<PropertyKeyId, Value>> out;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (!table.columns[c][row].is_null()) out.emplace_back(table.column_keys[c], table.columns[c][row]);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

template <class Table>
const Value& row_property(const Table& table, std::uint32_t row, PropertyKeyId key) {
    auto it = table.column_of.find(key);
    return it == table.column_of.end() ? null_value : table.columns[it->second][row];
}

// Adds a null-filled column; returns its index.
template <class Table>
std::uint32_t add_column(Table& table, PropertyKeyId key, std::size_t rows) {
    const auto c = static_cast<std::uint32_t>(table.columns.size());
    table.column_keys.push_back(key);
    table.columns.emplace_back(rows);
    table.column_of.emplace(key, c);
    return c;
}

}  // namespace

// Ids are 32-bit in the adjacency (adjacency_index.hpp): a store stops there, cleanly.
[[noreturn]] static void throw_full(const char* what) {
    Error error;
    error.kind = ErrorKind::Runtime;
    error.message = std::string("The graph holds as many ") + what + " as it can (" + std::to_string(max_ids) + ")";
    throw Exception(std::move(error));
}

// ====================================================================== Impl primitives

// Below this many rows a second thread costs more than it saves.
constexpr std::size_t parallel_rebuild_rows = 1 << 16;

std::uint32_t GraphStore::Impl::table_for(const LabelSet& labels) {
    if (auto it = table_of_labels.find(labels); it != table_of_labels.end()) return it->second;
    const auto index = static_cast<std::uint32_t>(tables.size());
    auto table = std::make_unique<NodeTable>();
    table->labels = labels;
    tables.push_back(std::move(table));
    table_of_labels.emplace(labels, index);
    record(undo::NodeTableCreated{});
    return index;
}

std::uint32_t GraphStore::Impl::append_row(std::uint32_t table_index, NodeId node) {
    NodeTable& table = *tables[table_index];
    const auto row = static_cast<std::uint32_t>(table.row_node.size());
    table.row_node.push_back(node);
    for (auto& column : table.columns) column.emplace_back();
    ++table.live_rows;
    return row;
}

void GraphStore::Impl::pop_row(std::uint32_t table_index) {
    NodeTable& table = *tables[table_index];
    assert(!table.row_node.empty());
    if (table.row_node.back() != no_node) --table.live_rows;
    table.row_node.pop_back();
    for (auto& column : table.columns) column.pop_back();
}

std::uint32_t GraphStore::Impl::node_column(std::uint32_t table_index, PropertyKeyId key) {
    NodeTable& table = *tables[table_index];
    if (auto it = table.column_of.find(key); it != table.column_of.end()) return it->second;
    record(undo::NodeColumnAdded{table_index});
    const std::uint32_t c = add_column(table, key, table.row_node.size());
    table.columns[c].reserve(table.row_node.capacity());  // as much room as the rows have (bulk loads)
    return c;
}

std::uint32_t GraphStore::Impl::rel_column(TypeId type, PropertyKeyId key) {
    RelTable& table = rel_table(type);
    if (auto it = table.column_of.find(key); it != table.column_of.end()) return it->second;
    record(undo::RelColumnAdded{type});
    const std::uint32_t c = add_column(table, key, table.row_rel.size());
    table.columns[c].reserve(table.row_rel.capacity());
    return c;
}

RelTable& GraphStore::Impl::rel_table(TypeId type) {
    if (rel_tables.size() <= type) rel_tables.resize(type + 1);
    return rel_tables[type];
}

const RelTable* GraphStore::Impl::find_rel_table(TypeId type) const {
    return type < rel_tables.size() ? &rel_tables[type] : nullptr;
}

const RelTable* GraphStore::Impl::indexed_rel_table(TypeId type) {
    if (type >= rel_tables.size()) return nullptr;
    RelTable& table = rel_tables[type];
    if (table.indexed_rows != table.row_rel.size()) index_pending(table);
    return &table;
}

void GraphStore::Impl::index_pending(RelTable& table) {
    const std::size_t pending = table.row_rel.size() - table.indexed_rows;
    if (pending > table.live_rows / 4 + 1024 || table.out.wants_rebuild() || table.in.wants_rebuild()) {
        // The two directions share only the (read-only) rows: a large table builds them on
        // both cores (a bulk load's commit, opening a database file).
        auto build_in = [&table] { table.in.rebuild(table.target, table.source, table.row_rel, dead_row); };
        std::thread in_thread;
        if (table.row_rel.size() >= parallel_rebuild_rows) {
            try {
                in_thread = std::thread(build_in);
            } catch (const std::system_error&) {  // no thread to be had: build it here
            }
        }
        table.out.rebuild(table.source, table.target, table.row_rel, dead_row);
        if (in_thread.joinable()) in_thread.join();
        else build_in();
    } else {
        for (std::size_t row = table.indexed_rows; row < table.row_rel.size(); ++row) {
            const RelId rel = table.row_rel[row];
            if (rel == dead_row) continue;
            table.out.append(table.source[row], AdjEntry(table.target[row], rel));
            table.in.append(table.target[row], AdjEntry(table.source[row], rel));
        }
    }
    table.indexed_rows = table.row_rel.size();
}

Value* GraphStore::Impl::node_slot(NodeId id, PropertyKeyId key) {
    const NodeRecord& rec = nodes[id];
    NodeTable& table = *tables[rec.table];
    auto it = table.column_of.find(key);
    return it == table.column_of.end() ? nullptr : &table.columns[it->second][rec.row];
}

Value* GraphStore::Impl::rel_slot(RelId id, PropertyKeyId key) {
    const RelRecord& rec = rels[id];
    RelTable& table = rel_tables[rec.type];
    auto it = table.column_of.find(key);
    return it == table.column_of.end() ? nullptr : &table.columns[it->second][rec.row];
}

std::vector<KeyEntry> GraphStore::Impl::node_key_entries(NodeId id) const {
    const NodeRecord& rec = nodes[id];
    const NodeTable& table = *tables[rec.table];
    return key_entries(table.labels,
                       [&](PropertyKeyId key) -> const Value& { return row_property(table, rec.row, key); });
}

void GraphStore::Impl::check_keys_free(const std::vector<KeyEntry>& entries, NodeId self) const {
    for (const auto& entry : entries) {
        auto index = key_index.find(entry.owner);
        if (index == key_index.end()) continue;
        const NodeId hit = index->second.find(entry.encoded);
        if (hit == KeyIndex::absent || hit == self) continue;
        catalog::throw_schema_error("Duplicate key: " + catalog.entity_type(entry.label).name + " with " +
                                        entry.property->name + " " + display_key(*entry.value) + " already exists",
                                    "ConstraintVerificationFailed");
    }
}

void GraphStore::Impl::index_keys(const std::vector<KeyEntry>& entries, NodeId id) {
    for (const auto& entry : entries) key_index[entry.owner].insert(entry.encoded, id);
}

void GraphStore::Impl::unindex_keys(const std::vector<KeyEntry>& entries) {
    for (const auto& entry : entries) {
        auto index = key_index.find(entry.owner);
        if (index != key_index.end()) index->second.erase(entry.encoded);  // KeyIndex::erase
    }
}

void GraphStore::Impl::transfer_row(NodeId id, std::uint32_t to_table, std::uint32_t to_row, bool add_columns) {
    NodeRecord& rec = nodes[id];
    const std::uint32_t from_table = rec.table;
    const std::uint32_t from_row = rec.row;
    NodeTable& from = *tables[from_table];
    for (std::size_t c = 0; c < from.columns.size(); ++c) {
        Value& value = from.columns[c][from_row];
        if (value.is_null()) continue;
        std::uint32_t to_column;
        if (add_columns) {
            to_column = node_column(to_table, from.column_keys[c]);
        } else {
            auto it = tables[to_table]->column_of.find(from.column_keys[c]);
            assert(it != tables[to_table]->column_of.end());
            to_column = it->second;
        }
        // node_column may have grown tables[to_table]'s columns, never `from`'s (distinct tables).
        tables[to_table]->columns[to_column][to_row] = std::move(value);
        value = Value();
    }
    from.row_node[from_row] = no_node;
    --from.live_rows;
    NodeTable& to = *tables[to_table];
    if (to.row_node[to_row] == no_node) ++to.live_rows;
    to.row_node[to_row] = id;
    rec.table = to_table;
    rec.row = to_row;
}

void GraphStore::Impl::relabel(NodeId id, LabelSet labels) {
    const NodeRecord rec = nodes[id];
    if (tables[rec.table]->labels == labels) return;
    const NodeTable& table = *tables[rec.table];
    auto old_keys = node_key_entries(id);
    auto new_keys =
        key_entries(labels, [&](PropertyKeyId key) -> const Value& { return row_property(table, rec.row, key); });
    check_keys_free(new_keys, id);

    const std::uint32_t to_table = table_for(labels);
    const std::uint32_t to_row = append_row(to_table, no_node);
    --tables[to_table]->live_rows;  // the row is free until transfer_row fills it
    transfer_row(id, to_table, to_row, /*add_columns=*/true);
    unindex_keys(old_keys);
    index_keys(new_keys, id);
    record(undo::NodeMoved{id, rec.table, rec.row});
}

// ====================================================================== GraphStore

GraphStore::GraphStore(catalog::Catalog& catalog)
    : catalog_(catalog), impl_(std::make_unique<Impl>(catalog, tables_)) {}

GraphStore::~GraphStore() = default;

// ---------------------------------------------------------------------- nodes

std::size_t GraphStore::node_capacity() const { return impl_->nodes.size(); }
std::size_t GraphStore::node_count() const { return impl_->live_nodes; }

bool GraphStore::node_alive(NodeId id) const {
    return id < impl_->nodes.size() && impl_->nodes[id].table != dead_table;
}

const LabelSet& GraphStore::node_labels(NodeId id) const {
    if (!node_alive(id)) return no_labels;
    return tables_[impl_->nodes[id].table]->labels;
}

std::uint32_t GraphStore::node_table_index(NodeId id) const {
    return id < impl_->nodes.size() ? impl_->nodes[id].table : no_table;
}

bool GraphStore::node_has_label(NodeId id, TypeId label) const {
    for (TypeId own : node_labels(id))
        if (catalog_.is_subtype(own, label)) return true;
    return false;
}

NodeId GraphStore::create_node(LabelSet labels, std::vector<std::pair<PropertyKeyId, Value>> properties) {
    auto& impl = *impl_;
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    const auto id = static_cast<NodeId>(impl.nodes.size());
    if (id >= max_ids) throw_full("nodes");

    auto keys = impl.key_entries(labels, [&](PropertyKeyId key) -> const Value& {
        for (auto it = properties.rbegin(); it != properties.rend(); ++it)  // the last one wins
            if (it->first == key) return it->second;
        return null_value;
    });
    impl.check_keys_free(keys, id);
    if (impl.redo_on()) impl.redo_create_node(id, labels, properties);

    const std::uint32_t table = impl.table_for(labels);
    const std::uint32_t row = impl.append_row(table, id);
    impl.nodes.push_back({table, row});
    ++impl.live_nodes;
    for (auto& [key, value] : properties) {
        if (value.is_null()) continue;
        const std::uint32_t column = impl.node_column(table, key);
        tables_[table]->columns[column][row] = std::move(value);
    }
    // Re-derived from the stored values: the entries above pointed into `properties`.
    impl.index_keys(impl.node_key_entries(id), id);
    if (impl.in_statement && impl.log.size() > impl.merge_floor) {  // a bulk load logs one entry
        if (auto* last = std::get_if<undo::NodeCreated>(&impl.log.back()); last && last->node + last->count == id) {
            ++last->count;
            return id;
        }
    }
    impl.record(undo::NodeCreated{id});
    return id;
}

void GraphStore::delete_node(NodeId id) {
    assert(node_alive(id));
    assert(degree(id) == 0 && "the executor deletes or rejects relationships first");
    auto& impl = *impl_;
    if (impl.redo_on()) impl.redo_element(RedoOp::DeleteNode, id);
    impl.unindex_keys(impl.node_key_entries(id));
    NodeRecord& rec = impl.nodes[id];
    NodeTable& table = *tables_[rec.table];
    undo::PropertyList snapshot = take_row_properties(table.columns, table.column_keys, rec.row);
    table.row_node[rec.row] = no_node;
    --table.live_rows;
    --impl.live_nodes;
    impl.record(undo::NodeDeleted{id, rec.table, rec.row, std::move(snapshot)});
    rec.table = dead_table;
}

// Strict mode keeps one type per node, the most specific: adding a subtype of the current
// type specialises the node, adding an unrelated type is a schema violation. Open mode
// labels are a set, as in Neo4j.
void GraphStore::add_label(NodeId id, TypeId label) {
    assert(node_alive(id));
    if (node_has_label(id, label)) return;
    LabelSet labels = node_labels(id);
    if (catalog_.strict()) {
        if (!labels.empty() && !catalog_.is_subtype(label, labels.front()))
            catalog::throw_schema_error("Node of type '" + catalog_.entity_type(labels.front()).name +
                                        "' cannot also have type '" + catalog_.entity_type(label).name +
                                        "': in a declared schema a node has one type");
        labels = {label};
    } else {
        labels.insert(std::lower_bound(labels.begin(), labels.end(), label), label);
    }
    if (impl_->redo_on()) impl_->redo_element(RedoOp::AddLabel, id, label);
    impl_->relabel(id, std::move(labels));
}

// Strict mode: removing the node's type (or an ancestor of it) generalises the node to the
// removed type's supertype; a root type cannot be removed, the node would have no type.
void GraphStore::remove_label(NodeId id, TypeId label) {
    assert(node_alive(id));
    if (!node_has_label(id, label)) return;
    LabelSet labels = node_labels(id);
    if (catalog_.strict()) {
        const TypeId parent = catalog_.entity_type(label).parent;
        if (parent == catalog::no_type)
            catalog::throw_schema_error("Cannot remove type '" + catalog_.entity_type(label).name +
                                        "': in a declared schema every node keeps a type");
        labels = {parent};
    } else {
        labels.erase(std::find(labels.begin(), labels.end(), label));
    }
    if (impl_->redo_on()) impl_->redo_element(RedoOp::RemoveLabel, id, label);
    impl_->relabel(id, std::move(labels));
}

const Value& GraphStore::node_property(NodeId id, PropertyKeyId key) const {
    if (!node_alive(id)) return null_value;
    const NodeRecord& rec = impl_->nodes[id];
    return row_property(*tables_[rec.table], rec.row, key);
}

void GraphStore::set_node_property(NodeId id, PropertyKeyId key, Value value) {
    assert(node_alive(id));
    auto& impl = *impl_;
    const NodeRecord rec = impl.nodes[id];
    const NodeTable& table = *tables_[rec.table];
    const Value& old = row_property(table, rec.row, key);
    if (old.is_null() && value.is_null()) return;

    // Only a write to a KEY property touches the index.
    bool key_written = false;
    for (TypeId label : table.labels)
        if (auto* def = catalog_.key_property(label); def && def->key == key) key_written = true;
    std::vector<KeyEntry> old_keys;
    if (key_written) {
        old_keys = impl.node_key_entries(id);
        auto new_keys = impl.key_entries(table.labels, [&](PropertyKeyId k) -> const Value& {
            return k == key ? value : row_property(table, rec.row, k);
        });
        impl.check_keys_free(new_keys, id);
    }

    if (impl.redo_on()) impl.redo_property(RedoOp::SetNodeProperty, id, key, value);
    const std::uint32_t column = impl.node_column(rec.table, key);
    Value& slot = tables_[rec.table]->columns[column][rec.row];
    impl.record(undo::NodePropertySet{id, key, std::move(slot)});
    slot = std::move(value);
    if (key_written) {
        impl.unindex_keys(old_keys);
        impl.index_keys(impl.node_key_entries(id), id);
    }
}

std::vector<std::pair<PropertyKeyId, Value>> GraphStore::node_properties(NodeId id) const {
    if (!node_alive(id)) return {};
    const NodeRecord& rec = impl_->nodes[id];
    return row_properties(*tables_[rec.table], rec.row);
}

std::vector<const NodeTable*> GraphStore::tables_with_label(TypeId label) const {
    std::vector<const NodeTable*> out;
    for (const auto& table : tables_) {
        for (TypeId own : table->labels) {
            if (catalog_.is_subtype(own, label)) {
                out.push_back(table.get());
                break;
            }
        }
    }
    return out;
}

std::size_t GraphStore::count_with_label(TypeId label) const {
    std::size_t count = 0;
    for (const NodeTable* table : tables_with_label(label)) count += table->live_rows;
    return count;
}

std::optional<NodeId> GraphStore::find_by_key(TypeId type, const Value& key) const {
    const catalog::PropertyDef* def = catalog_.key_property(type);
    if (!def) return std::nullopt;
    auto code = encode_key(key);
    if (!code) return std::nullopt;
    auto index = impl_->key_index.find(def->declared_in);
    if (index == impl_->key_index.end()) return std::nullopt;
    const NodeId hit = index->second.find(*code);
    // The index covers the declaring type's subtypes; `type` may be narrower than that.
    if (hit == KeyIndex::absent || !node_has_label(hit, type)) return std::nullopt;
    return hit;
}

std::optional<NodeId> GraphStore::find_by_int_key(TypeId type, std::int64_t key) const {
    const catalog::PropertyDef* def = catalog_.key_property(type);
    if (!def) return std::nullopt;
    auto index = impl_->key_index.find(def->declared_in);
    if (index == impl_->key_index.end()) return std::nullopt;
    const NodeId hit = index->second.find_int(key);
    if (hit == KeyIndex::absent || !node_has_label(hit, type)) return std::nullopt;
    return hit;
}

// ---------------------------------------------------------------------- relationships

std::size_t GraphStore::rel_capacity() const { return impl_->rels.size(); }
std::size_t GraphStore::rel_count() const { return impl_->live_rels; }

bool GraphStore::rel_alive(RelId id) const {
    if (id >= impl_->rels.size()) return false;
    const RelRecord& rec = impl_->rels[id];
    return impl_->rel_tables[rec.type].row_rel[rec.row] != dead_row;
}

TypeId GraphStore::rel_type(RelId id) const { return impl_->rels[id].type; }

NodeId GraphStore::rel_source(RelId id) const {
    const RelRecord& rec = impl_->rels[id];
    return impl_->rel_tables[rec.type].source[rec.row];
}

NodeId GraphStore::rel_target(RelId id) const {
    const RelRecord& rec = impl_->rels[id];
    return impl_->rel_tables[rec.type].target[rec.row];
}

RelId GraphStore::create_relationship(TypeId type, NodeId source, NodeId target,
                                      std::vector<std::pair<PropertyKeyId, Value>> properties) {
    assert(node_alive(source) && node_alive(target));
    auto& impl = *impl_;
    const auto id = static_cast<RelId>(impl.rels.size());
    if (id >= max_ids) throw_full("relationships");
    if (impl.redo_on()) impl.redo_create_relationship(id, type, source, target, properties);
    RelTable& table = impl.rel_table(type);
    const auto row = static_cast<std::uint32_t>(table.row_rel.size());
    table.source.push_back(static_cast<std::uint32_t>(source));
    table.target.push_back(static_cast<std::uint32_t>(target));
    table.row_rel.push_back(static_cast<std::uint32_t>(id));
    for (auto& column : table.columns) column.emplace_back();
    ++table.live_rows;
    impl.rels.push_back({type, row});
    ++impl.live_rels;
    for (auto& [key, value] : properties) {
        if (value.is_null()) continue;
        const std::uint32_t column = impl.rel_column(type, key);
        table.columns[column][row] = std::move(value);
    }
    // The adjacency catches up at the next read or commit (index_pending).
    if (impl.in_statement && impl.log.size() > impl.merge_floor) {
        if (auto* last = std::get_if<undo::RelCreated>(&impl.log.back()); last && last->rel + last->count == id) {
            ++last->count;
            return id;
        }
    }
    impl.record(undo::RelCreated{id});
    return id;
}

void GraphStore::delete_relationship(RelId id) {
    assert(rel_alive(id));
    auto& impl = *impl_;
    if (impl.redo_on()) impl.redo_element(RedoOp::DeleteRelationship, id);
    RelRecord& rec = impl.rels[id];
    RelTable& table = impl.rel_tables[rec.type];
    if (rec.row < table.indexed_rows) {  // else not in the adjacency yet, and never will be
        table.out.erase(table.source[rec.row], id);
        table.in.erase(table.target[rec.row], id);
    }
    undo::PropertyList snapshot = take_row_properties(table.columns, table.column_keys, rec.row);
    table.row_rel[rec.row] = dead_row;
    --table.live_rows;
    --impl.live_rels;
    impl.record(undo::RelDeleted{id, std::move(snapshot)});
}

const Value& GraphStore::rel_property(RelId id, PropertyKeyId key) const {
    if (!rel_alive(id)) return null_value;
    const RelRecord& rec = impl_->rels[id];
    return row_property(impl_->rel_tables[rec.type], rec.row, key);
}

void GraphStore::set_rel_property(RelId id, PropertyKeyId key, Value value) {
    assert(rel_alive(id));
    auto& impl = *impl_;
    const RelRecord rec = impl.rels[id];
    if (value.is_null() && rel_property(id, key).is_null()) return;
    if (impl.redo_on()) impl.redo_property(RedoOp::SetRelProperty, id, key, value);
    const std::uint32_t column = impl.rel_column(rec.type, key);
    Value& slot = impl.rel_tables[rec.type].columns[column][rec.row];
    impl.record(undo::RelPropertySet{id, key, std::move(slot)});
    slot = std::move(value);
}

std::vector<std::pair<PropertyKeyId, Value>> GraphStore::rel_properties(RelId id) const {
    if (!rel_alive(id)) return {};
    const RelRecord& rec = impl_->rels[id];
    return row_properties(impl_->rel_tables[rec.type], rec.row);
}

std::size_t GraphStore::count_with_type(TypeId rel_type) const {
    const RelTable* table = impl_->find_rel_table(rel_type);
    return table ? table->live_rows : 0;
}

std::span<const AdjEntry> GraphStore::adjacency(NodeId id, TypeId rel_type, Direction dir) const {
    const RelTable* table = impl_->indexed_rel_table(rel_type);
    if (!table) return {};
    return (dir == Direction::Out ? table->out : table->in).of(id);
}

std::vector<TypeId> GraphStore::relation_types_in_use() const {
    std::vector<TypeId> out;
    for (std::size_t t = 0; t < impl_->rel_tables.size(); ++t)
        if (impl_->rel_tables[t].live_rows > 0) out.push_back(static_cast<TypeId>(t));
    return out;
}

// Vectors that every load appends to grow geometrically: reserving the exact size for each
// file would copy all of them once per COPY statement.
template <class T>
static void reserve_more(std::vector<T>& v, std::size_t count) {
    if (v.size() + count > v.capacity()) v.reserve(std::max(v.size() + count, v.capacity() + v.capacity() / 2));
}

void GraphStore::reserve_nodes(const LabelSet& labels, std::size_t count) {
    auto& impl = *impl_;
    LabelSet sorted = labels;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    NodeTable& table = *tables_[impl.table_for(sorted)];
    table.row_node.reserve(table.row_node.size() + count);
    for (auto& column : table.columns) column.reserve(table.row_node.capacity());
    reserve_more(impl.nodes, count);
    for (TypeId label : sorted) {
        if (const catalog::PropertyDef* key = catalog_.key_property(label))
            impl.key_index[key->declared_in].reserve(count);
    }
}

void GraphStore::reserve_relationships(TypeId type, std::size_t count) {
    auto& impl = *impl_;
    RelTable& table = impl.rel_table(type);
    const std::size_t rows = table.row_rel.size() + count;
    table.source.reserve(rows);
    table.target.reserve(rows);
    table.row_rel.reserve(rows);
    for (auto& column : table.columns) column.reserve(rows);
    reserve_more(impl.rels, count);
}

void GraphStore::index_all() const {
    for (std::size_t t = 0; t < impl_->rel_tables.size(); ++t) impl_->indexed_rel_table(static_cast<TypeId>(t));
}

std::size_t GraphStore::degree(NodeId id) const {
    std::size_t total = 0;
    for (std::size_t t = 0; t < impl_->rel_tables.size(); ++t) {
        const RelTable& table = *impl_->indexed_rel_table(static_cast<TypeId>(t));
        total += table.out.of(id).size() + table.in.of(id).size();
    }
    return total;
}

// ---------------------------------------------------------------------- statements

void GraphStore::begin_statement() {
    assert(!impl_->in_statement);
    impl_->log.clear();
    impl_->merge_floor = 0;
    impl_->in_statement = true;
    impl_->redo.bytes.clear();
    impl_->redo.overflowed = false;
}

GraphStore::Savepoint GraphStore::savepoint() {
    impl_->merge_floor = impl_->log.size();
    return {impl_->log.size(), impl_->redo.bytes.size()};
}

void GraphStore::rollback_to(Savepoint mark) {
    auto& log = impl_->log;
    // An overflowed redo cannot be cut back: it stays overflowed, and the commit writes a snapshot.
    if (!impl_->redo.overflowed) impl_->redo.bytes.resize(std::min(mark.redo, impl_->redo.bytes.size()));
    const bool logging = impl_->in_statement;
    impl_->in_statement = false;  // undoing must not log itself
    while (log.size() > mark.undo) {
        impl_->undo(log.back());
        log.pop_back();
    }
    impl_->in_statement = logging;
    impl_->merge_floor = log.size();
    impl_->index_for_readers();
}

void GraphStore::settle() { impl_->index_for_readers(); }

// Index what a statement left pending now, so that reads find the adjacency ready and never
// write (many readers may then share the store: Database's reader-writer lock).
void GraphStore::Impl::index_for_readers() {
    for (RelTable& table : rel_tables) {
        if (table.indexed_rows != table.row_rel.size() || table.out.wants_rebuild() || table.in.wants_rebuild())
            index_pending(table);
    }
}

void GraphStore::commit() {
    impl_->index_for_readers();
    std::vector<undo::Entry>().swap(impl_->log);  // a bulk load's log can be large: give it back
    impl_->in_statement = false;
    std::string().swap(impl_->redo.bytes);
    impl_->redo.overflowed = false;
}

void GraphStore::rollback() {
    auto& log = impl_->log;
    impl_->in_statement = false;  // undoing must not log itself
    for (auto it = log.rbegin(); it != log.rend(); ++it) impl_->undo(*it);
    log.clear();
    std::string().swap(impl_->redo.bytes);
    impl_->redo.overflowed = false;
    impl_->index_for_readers();
}

bool GraphStore::in_statement() const { return impl_->in_statement; }

}  // namespace kgq::storage
