// engine/storage/graph_store_image.cpp — the store as a snapshot keeps it, and back. The
// image is physical: node and relationship records, every table's rows (tombstones too) and
// columns, so ids are exactly as they were and the log written after the snapshot replays
// onto the loaded store. KEY indexes are saved as they are (rebuilding them is a hash
// insertion per node, random memory accesses); adjacency and counts are rebuilt on load.
// Stage: storage. Caller: engine/persist (checkpoint and open).
//
// Sections, in order: counts; node records; relationship records; then per node table its
// labels, row owners and column keys, then one section per column; then the same per
// relation type; then the KEY indexes' owners and one section per index. A column is its non-null values with the gap of nulls before each, so the
// sparse columns of open-mode and STIX tables cost little.
#include "kgq/error.hpp"
#include "storage/graph_store_impl.hpp"
#include "value/binary_codec.hpp"

#include <algorithm>

namespace kgq::storage {

namespace {

void save_column(const std::vector<Value>& column, std::string& buffer,
                 const std::function<void(const std::string&)>& emit) {
    buffer.clear();
    value::BinaryWriter out(buffer);
    const auto present = static_cast<std::size_t>(
        std::count_if(column.begin(), column.end(), [](const Value& v) { return !v.is_null(); }));
    out.varint(present);
    std::size_t next = 0;
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column[row].is_null()) continue;
        out.varint(row - next);
        out.value(column[row]);
        next = row + 1;
    }
    emit(buffer);
}

// Built by appending, so each 88-byte Value is written once (not constructed null first).
std::vector<Value> load_column(value::BinaryReader in, std::size_t rows) {
    std::vector<Value> column;
    column.reserve(rows);
    const std::size_t present = in.count(2);
    for (std::size_t i = 0; i < present; ++i) {
        const std::uint64_t gap = in.varint();
        if (column.size() >= rows || gap >= rows - column.size()) in.fail("a column value beyond the table's rows");
        for (std::uint64_t g = 0; g < gap; ++g) column.emplace_back();
        column.push_back(in.value());
    }
    if (!in.at_end()) in.fail("bytes after a column's values");
    column.resize(rows);
    return column;
}

template <class Table>
void load_column_keys(value::BinaryReader& in, Table& table, const catalog::Catalog& catalog) {
    table.column_keys = in.array<PropertyKeyId>();
    for (std::uint32_t c = 0; c < table.column_keys.size(); ++c) {
        if (table.column_keys[c] >= catalog.property_key_count()) in.fail("a column of an unknown property key");
        if (!table.column_of.emplace(table.column_keys[c], c).second) in.fail("a property with two columns");
    }
}

}  // namespace

void GraphStore::save_image(const std::function<void(const std::string&)>& emit) const {
    const auto& impl = *impl_;
    std::string buffer;
    auto section = [&](auto&& write) {
        buffer.clear();
        value::BinaryWriter out(buffer);
        write(out);
        emit(buffer);
    };
    section([&](value::BinaryWriter& out) {
        out.varint(tables_.size());
        out.varint(impl.rel_tables.size());
    });
    section([&](value::BinaryWriter& out) { out.array(impl.nodes); });
    section([&](value::BinaryWriter& out) { out.array(impl.rels); });
    for (const auto& table : tables_) {
        section([&](value::BinaryWriter& out) {
            out.array(table->labels);
            out.array(table->row_node);
            out.array(table->column_keys);
        });
        for (const auto& column : table->columns) save_column(column, buffer, emit);
    }
    for (const RelTable& table : impl.rel_tables) {
        section([&](value::BinaryWriter& out) {
            out.array(table.source);
            out.array(table.target);
            out.array(table.row_rel);
            out.array(table.column_keys);
        });
        for (const auto& column : table.columns) save_column(column, buffer, emit);
    }
    std::vector<TypeId> owners;
    for (const auto& [owner, index] : impl.key_index) owners.push_back(owner);
    std::sort(owners.begin(), owners.end());
    section([&](value::BinaryWriter& out) { out.array(owners); });
    for (TypeId owner : owners) section([&](value::BinaryWriter& out) { impl.key_index.at(owner).save(out); });
}

void GraphStore::load_image(const std::function<value::BinaryReader()>& next_section) {
    auto& impl = *impl_;
    std::size_t table_count = 0, rel_table_count = 0;
    {
        value::BinaryReader in = next_section();
        table_count = in.varint();  // each table is a section: a wrong count runs out of them
        rel_table_count = in.varint();
        if (rel_table_count > catalog_.relation_type_count()) in.fail("more relationship tables than relation types");
    }
    value::BinaryReader node_section = next_section();
    impl.nodes = node_section.array<NodeRecord>();
    value::BinaryReader rel_section = next_section();
    impl.rels = rel_section.array<RelRecord>();
    if (impl.nodes.size() > max_ids || impl.rels.size() > max_ids) node_section.fail("more ids than a store holds");

    for (std::size_t t = 0; t < table_count; ++t) {
        value::BinaryReader in = next_section();
        auto table = std::make_unique<NodeTable>();
        table->labels = in.array<TypeId>();
        for (TypeId label : table->labels)
            if (label >= catalog_.entity_type_count()) in.fail("a table of an unknown node type");
        if (!std::is_sorted(table->labels.begin(), table->labels.end())) in.fail("a table's labels out of order");
        table->row_node = in.array<NodeId>();
        load_column_keys(in, *table, catalog_);
        for (std::size_t row = 0; row < table->row_node.size(); ++row) {
            const NodeId id = table->row_node[row];
            if (id == no_node) continue;
            if (id >= impl.nodes.size() || impl.nodes[id].table != t || impl.nodes[id].row != row)
                in.fail("node " + std::to_string(id) + " is not where its record says");
            ++table->live_rows;
        }
        for (std::size_t c = 0; c < table->column_keys.size(); ++c)
            table->columns.push_back(load_column(next_section(), table->row_node.size()));
        if (!impl.table_of_labels.emplace(table->labels, static_cast<std::uint32_t>(t)).second)
            in.fail("two tables of one label set");
        impl.live_nodes += table->live_rows;
        tables_.push_back(std::move(table));
    }
    for (const NodeRecord& rec : impl.nodes) {
        if (rec.table == dead_table) continue;
        if (rec.table >= tables_.size() || rec.row >= tables_[rec.table]->row_node.size())
            node_section.fail("a node record beyond its table");
    }

    // Which nodes are alive, a byte each: the endpoint checks below look up two per
    // relationship, and this fits in cache where the records do not.
    std::vector<char> alive(impl.nodes.size());
    for (std::size_t id = 0; id < impl.nodes.size(); ++id) alive[id] = impl.nodes[id].table != dead_table;

    impl.rel_tables.resize(rel_table_count);
    for (std::size_t t = 0; t < rel_table_count; ++t) {
        value::BinaryReader in = next_section();
        RelTable& table = impl.rel_tables[t];
        table.source = in.array<std::uint32_t>();
        table.target = in.array<std::uint32_t>();
        table.row_rel = in.array<std::uint32_t>();
        if (table.source.size() != table.row_rel.size() || table.target.size() != table.row_rel.size())
            in.fail("a relationship table's columns differ in length");
        load_column_keys(in, table, catalog_);
        for (std::size_t row = 0; row < table.row_rel.size(); ++row) {
            const std::uint32_t id = table.row_rel[row];
            if (id == dead_row) continue;
            if (id >= impl.rels.size() || impl.rels[id].type != t || impl.rels[id].row != row)
                in.fail("relationship " + std::to_string(id) + " is not where its record says");
            const std::uint32_t source = table.source[row], target = table.target[row];
            if (source >= alive.size() || target >= alive.size() || !alive[source] || !alive[target])
                in.fail("relationship " + std::to_string(id) + " has an endpoint that does not exist");
            ++table.live_rows;
        }
        for (std::size_t c = 0; c < table.column_keys.size(); ++c)
            table.columns.push_back(load_column(next_section(), table.row_rel.size()));
        impl.live_rels += table.live_rows;
    }
    for (const RelRecord& rec : impl.rels) {
        if (rec.type >= impl.rel_tables.size() || rec.row >= impl.rel_tables[rec.type].row_rel.size())
            rel_section.fail("a relationship record beyond its table");
    }

    // KEY indexes as they were saved (KeyIndex::load checks their shape), for exactly the
    // types that declare a KEY over stored nodes.
    value::BinaryReader owner_section = next_section();
    const std::vector<TypeId> owners = owner_section.array<TypeId>();
    for (TypeId owner : owners) {
        if (owner >= catalog_.entity_type_count()) owner_section.fail("a KEY index of an unknown node type");
        const catalog::PropertyDef* key = catalog_.key_property(owner);
        if (!key || key->declared_in != owner) owner_section.fail("a KEY index of a type that declares no KEY");
        // An entry must name a live node; that it is one of the owner's is what every lookup
        // checks anyway (find_by_key), so a wrong one could not answer for another type.
        value::BinaryReader in = next_section();
        impl.key_index[owner].load(in, [&](std::uint64_t id) { return id < alive.size() && alive[id]; });
    }
    for (const auto& table : tables_) {
        if (table->live_rows == 0) continue;
        for (TypeId label : table->labels)
            if (const catalog::PropertyDef* key = catalog_.key_property(label);
                key && !impl.key_index.count(key->declared_in))
                owner_section.fail("no KEY index for the nodes of " + catalog_.entity_type(label).name);
    }
    impl.index_for_readers();
}

}  // namespace kgq::storage
