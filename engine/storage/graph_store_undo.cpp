// engine/storage/graph_store_undo.cpp — rollback: inverts one logged write. Entries are
// replayed newest first, so every append being undone is the last one of its vector again.
// Stage: storage. Caller: GraphStore::rollback() (graph_store.cpp).
#include "storage/graph_store_impl.hpp"

#include <cassert>

namespace kgq::storage {

namespace {

template <class... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

template <class Table>
void pop_column(Table& table) {
    assert(!table.column_keys.empty());
    table.column_of.erase(table.column_keys.back());
    table.column_keys.pop_back();
    table.columns.pop_back();
}

template <class Table>
void restore_values(Table& table, std::uint32_t row, undo::PropertyList& properties) {
    for (auto& [key, value] : properties) {
        auto it = table.column_of.find(key);
        assert(it != table.column_of.end());
        table.columns[it->second][row] = std::move(value);
    }
}

}  // namespace

void GraphStore::Impl::undo(undo::Entry& entry) {
    std::visit(Overloaded{
                   [&](undo::NodeTableCreated&) {
                       assert(tables.back()->row_node.empty());
                       table_of_labels.erase(tables.back()->labels);
                       tables.pop_back();
                   },
                   [&](undo::NodeColumnAdded& e) { pop_column(*tables[e.table]); },
                   [&](undo::RelColumnAdded& e) { pop_column(rel_tables[e.type]); },
                   [&](undo::NodeCreated& e) {
                       assert(e.node + e.count == nodes.size());
                       for (std::uint64_t i = 0; i < e.count; ++i) {
                           unindex_keys(node_key_entries(nodes.size() - 1));
                           const NodeRecord rec = nodes.back();
                           assert(rec.row + 1 == tables[rec.table]->row_node.size());
                           pop_row(rec.table);
                           nodes.pop_back();
                           --live_nodes;
                       }
                   },
                   [&](undo::RelCreated& e) {
                       assert(e.rel + e.count == rels.size());
                       for (std::uint64_t i = 0; i < e.count; ++i) {
                           const RelRecord rec = rels.back();
                           RelTable& table = rel_tables[rec.type];
                           assert(rec.row + 1 == table.row_rel.size());
                           if (rec.row < table.indexed_rows) {
                               table.out.erase(table.source[rec.row], table.row_rel[rec.row]);
                               table.in.erase(table.target[rec.row], table.row_rel[rec.row]);
                               table.indexed_rows = rec.row;
                           }
                           table.source.pop_back();
                           table.target.pop_back();
                           table.row_rel.pop_back();
                           for (auto& column : table.columns) column.pop_back();
                           --table.live_rows;
                           rels.pop_back();
                           --live_rels;
                       }
                   },
                   [&](undo::NodeDeleted& e) {
                       NodeTable& table = *tables[e.table];
                       restore_values(table, e.row, e.properties);
                       table.row_node[e.row] = e.node;
                       ++table.live_rows;
                       nodes[e.node] = {e.table, e.row};
                       ++live_nodes;
                       index_keys(node_key_entries(e.node), e.node);
                   },
                   [&](undo::RelDeleted& e) {
                       RelRecord& rec = rels[e.rel];
                       RelTable& table = rel_tables[rec.type];
                       const NodeId source = table.source[rec.row];
                       const NodeId target = table.target[rec.row];
                       if (rec.row < table.indexed_rows) {
                           table.out.insert(source, AdjEntry{target, e.rel});
                           table.in.insert(target, AdjEntry{source, e.rel});
                       }
                       restore_values(table, rec.row, e.properties);
                       table.row_rel[rec.row] = static_cast<std::uint32_t>(e.rel);
                       ++table.live_rows;
                       ++live_rels;
                   },
                   [&](undo::NodePropertySet& e) {
                       // A KEY property's index entry follows the value back.
                       auto old_keys = node_key_entries(e.node);
                       Value* slot = node_slot(e.node, e.key);
                       assert(slot);
                       *slot = std::move(e.old_value);
                       unindex_keys(old_keys);
                       index_keys(node_key_entries(e.node), e.node);
                   },
                   [&](undo::RelPropertySet& e) {
                       Value* slot = rel_slot(e.rel, e.key);
                       assert(slot);
                       *slot = std::move(e.old_value);
                   },
                   [&](undo::NodeMoved& e) {
                       auto new_keys = node_key_entries(e.node);
                       const NodeRecord now = nodes[e.node];
                       transfer_row(e.node, e.old_table, e.old_row, /*add_columns=*/false);
                       assert(now.row + 1 == tables[now.table]->row_node.size());
                       pop_row(now.table);
                       unindex_keys(new_keys);
                       index_keys(node_key_entries(e.node), e.node);
                   },
               },
               entry);
}

}  // namespace kgq::storage
