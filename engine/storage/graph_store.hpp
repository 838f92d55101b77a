// engine/storage/graph_store.hpp — the in-memory graph: dense node and relationship ids,
// property columns per node table (one table per entity type in strict mode, per label set
// in open mode), adjacency per relation type in both directions (compressed sparse rows, see adjacency_index.hpp), KEY indexes, and a
// statement undo log so that a failing statement leaves the graph exactly as it was.
// Knows the catalog, nothing of queries. Used by the executor, importers and the BGL adapter.
#pragma once

#include "catalog/catalog.hpp"
#include "kgq/value.hpp"
#include "storage/adjacency_index.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace kgq::value {
class BinaryReader;
}  // namespace kgq::value

namespace kgq::storage {

using catalog::PropertyKeyId;
using catalog::TypeId;
inline constexpr NodeId no_node = UINT64_MAX;

// A node's labels, sorted. Strict mode: exactly one entity type (the most specific).
using LabelSet = std::vector<TypeId>;

enum class Direction { Out, In };

// Rows of nodes sharing one label set; a column per property key seen on them.
struct NodeTable {
    LabelSet labels;
    std::vector<NodeId> row_node;  // no_node for a deleted/moved row
    std::vector<PropertyKeyId> column_keys;
    std::vector<std::vector<Value>> columns;  // columns[c][row]
    std::unordered_map<PropertyKeyId, std::uint32_t> column_of;
    std::size_t live_rows = 0;
};

class GraphStore {
public:
    explicit GraphStore(catalog::Catalog& catalog);
    ~GraphStore();

    catalog::Catalog& catalog() { return catalog_; }
    const catalog::Catalog& catalog() const { return catalog_; }

    // ---------------------------------------------------------------- nodes
    // Ids are dense: 0 .. node_capacity()-1, including deleted ones (node_alive false).
    std::size_t node_capacity() const;
    std::size_t node_count() const;  // alive
    bool node_alive(NodeId id) const;
    const LabelSet& node_labels(NodeId id) const;
    // Index into node_tables() of the node's table; no_table once deleted.
    static constexpr std::uint32_t no_table = UINT32_MAX;
    std::uint32_t node_table_index(NodeId id) const;
    // Whether the node has the label or (strict mode) a subtype of it.
    bool node_has_label(NodeId id, TypeId label) const;

    // Writes below check nothing about the schema (the executor's write checks do) except
    // KEY uniqueness, which throws kgq::Exception (Schema) before changing anything.
    NodeId create_node(LabelSet labels, std::vector<std::pair<PropertyKeyId, Value>> properties);
    void delete_node(NodeId id);  // precondition: no relationships left (see degree())
    void add_label(NodeId id, TypeId label);
    void remove_label(NodeId id, TypeId label);

    // Null when absent.
    const Value& node_property(NodeId id, PropertyKeyId key) const;
    // Setting null removes the property.
    void set_node_property(NodeId id, PropertyKeyId key, Value value);
    // Present (non-null) properties, by key id.
    std::vector<std::pair<PropertyKeyId, Value>> node_properties(NodeId id) const;

    // Tables whose label set has `label` (or a subtype of it): the scan of a label.
    std::vector<const NodeTable*> tables_with_label(TypeId label) const;
    const std::vector<std::unique_ptr<NodeTable>>& node_tables() const { return tables_; }
    std::size_t count_with_label(TypeId label) const;

    // The node whose KEY property (declared on `type` or an ancestor) equals key.
    std::optional<NodeId> find_by_key(TypeId type, const Value& key) const;
    // The same for an integer key, without building a Value (bulk loads resolve millions).
    std::optional<NodeId> find_by_int_key(TypeId type, std::int64_t key) const;

    // ---------------------------------------------------------------- relationships
    std::size_t rel_capacity() const;
    std::size_t rel_count() const;
    bool rel_alive(RelId id) const;
    TypeId rel_type(RelId id) const;
    NodeId rel_source(RelId id) const;
    NodeId rel_target(RelId id) const;
    RelId create_relationship(TypeId type, NodeId source, NodeId target,
                              std::vector<std::pair<PropertyKeyId, Value>> properties);
    void delete_relationship(RelId id);
    const Value& rel_property(RelId id, PropertyKeyId key) const;
    void set_rel_property(RelId id, PropertyKeyId key, Value value);
    std::vector<std::pair<PropertyKeyId, Value>> rel_properties(RelId id) const;
    std::size_t count_with_type(TypeId rel_type) const;

    // Adjacency of one relation type in one direction (Out: node is the source).
    std::span<const AdjEntry> adjacency(NodeId id, TypeId rel_type, Direction dir) const;
    // Relation types that have any relationship (for untyped expansion).
    std::vector<TypeId> relation_types_in_use() const;
    std::size_t degree(NodeId id) const;
    // Brings every adjacency up to date now: afterwards reads change nothing, so several
    // threads may read at once (until the next write).
    void index_all() const;  // all types, both directions (a self-loop counts twice)

    // ---------------------------------------------------------------- bulk loads
    // Room for `count` more nodes with these labels / relationships of this type, so that a
    // load of known size allocates once (growth by doubling leaves up to half unused).
    void reserve_nodes(const LabelSet& labels, std::size_t count);
    void reserve_relationships(TypeId type, std::size_t count);

    // ---------------------------------------------------------------- statements
    // Every write between begin_statement() and commit() is logged; rollback() undoes them
    // in reverse order. Creations log a few bytes each, so bulk loads use the same log.
    // Outside a statement writes are not logged.
    void begin_statement();
    void commit();
    void rollback();
    bool in_statement() const;
    // A transaction is one long logged span; each statement in it starts at a savepoint.
    // rollback_to(mark) undoes what was logged after savepoint() returned mark (a failed
    // statement, while the transaction goes on); logged runs of creations never merge across
    // a savepoint. settle() indexes what the statement left pending, as commit() does.
    struct Savepoint {
        std::size_t undo = 0;
        std::size_t redo = 0;
    };
    Savepoint savepoint();
    void rollback_to(Savepoint mark);
    void settle();

    // ---------------------------------------------------------------- database files
    // Redo (graph_store_redo.cpp). While enabled, every logged write is also encoded, so that
    // the database's write-ahead log can apply the committed statement again onto the store
    // as it was before it. Past `limit` bytes the encoding stops and redo_overflowed() says
    // so: the database then writes a snapshot at commit instead (as DuckDB does for bulk
    // loads). Savepoints and rollbacks cut the redo with the undo log; begin_statement() and
    // commit() clear it.
    void enable_redo(std::size_t limit);
    const std::string& redo() const;
    bool redo_overflowed() const;
    // Applies a redo onto this store (outside a statement): the same writes in the same
    // order, which give the same ids. value::FormatError when it does not fit the store.
    void replay(value::BinaryReader& redo);

    // Images (graph_store_image.cpp): the store as a snapshot keeps it, ids, deleted ids and
    // tables as they are, so a log written after the snapshot replays onto it unchanged.
    // save_image hands out the image one section at a time (a column at most, to bound the
    // buffer); load_image takes the sections back in the same order into an empty store and
    // rebuilds the adjacency and KEY indexes, checking every id (value::FormatError).
    void save_image(const std::function<void(const std::string& section)>& emit) const;
    void load_image(const std::function<value::BinaryReader()>& next_section);

private:
    struct Impl;
    catalog::Catalog& catalog_;
    std::vector<std::unique_ptr<NodeTable>> tables_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kgq::storage
