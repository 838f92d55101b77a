// engine/executor/operators/write_operators.cpp — the clauses that change the graph:
// CREATE, MERGE (match or create, with ON CREATE / ON MATCH), SET, REMOVE, [DETACH] DELETE.
// Every write goes through write_checks (schema) and the store's undo log (atomicity).
#include "executor/expression_evaluator.hpp"
#include "executor/operators/operator_factory.hpp"
#include "executor/write_checks.hpp"

#include <set>

namespace kgq::executor {
namespace {

using binder::BoundPattern;
using binder::BoundSetItem;

std::vector<std::pair<std::string, Value>> pattern_properties(
    const std::vector<std::pair<std::string, binder::ExprPtr>>& props, const binder::ExprPtr& map, Row& row,
    ExecutionContext& ctx) {
    std::vector<std::pair<std::string, Value>> out;
    for (const auto& [k, e] : props) out.emplace_back(k, evaluate(*e, row, ctx));
    if (map) {
        Value m = evaluate(*map, row, ctx);
        if (m.is_map()) {
            for (const auto& [k, v] : m.as_map()) out.emplace_back(k, v);
        } else if (!m.is_null()) {
            runtime_error(ctx, ErrorKind::Type, "TypeError", "InvalidArgumentType", "Properties must be a map",
                          map->offset, map->length);
        }
    }
    return out;
}

// Creates the pattern's unbound nodes and all its relationships for one row.
void create_pattern(const BoundPattern& pattern, Row& row, ExecutionContext& ctx) {
    auto& store = ctx.store;
    for (const auto& node : pattern.nodes) {
        if (node.bound_before || row[node.slot].is_node()) {
            if (node.bound_before && !row[node.slot].is_node()) {
                runtime_error(ctx, ErrorKind::Runtime, "SemanticError", "VariableAlreadyBound",
                              "Cannot create a relationship to a missing (null) node", node.offset, node.length);
            }
            continue;
        }
        SourceSpan at{node.offset, node.length};
        storage::LabelSet labels = labels_for_new_node(ctx, node.labels, at);
        std::vector<std::pair<storage::PropertyKeyId, Value>> props;
        for (auto& [k, v] : pattern_properties(node.properties, node.properties_map, row, ctx)) {
            if (v.is_null()) continue;
            props.push_back(checked_node_property(ctx, labels, k, std::move(v), at));
        }
        check_keys_present(ctx, labels, props, at);
        ctx.stats.properties_set += static_cast<std::int64_t>(props.size());
        ctx.stats.labels_added += static_cast<std::int64_t>(labels.size());
        storage::NodeId id = store.create_node(labels, std::move(props));
        ++ctx.stats.nodes_created;
        row[node.slot] = node_value(id);
    }
    for (const auto& rel : pattern.rels) {
        const Value& a = row[pattern.nodes[rel.left].slot];
        const Value& b = row[pattern.nodes[rel.right].slot];
        SourceSpan at{rel.offset, rel.length};
        if (!a.is_node() || !b.is_node()) {
            runtime_error(ctx, ErrorKind::Runtime, "SemanticError", "InvalidRelationshipEndpoint",
                          "Cannot create a relationship to a missing (null) node", at.offset, at.length);
        }
        storage::NodeId from = a.as_node().id, to = b.as_node().id;
        if (rel.direction == binder::RelDirection::Incoming) std::swap(from, to);
        catalog::TypeId type = relation_type_for_new_relationship(ctx, rel.types[0], from, to, at);
        std::vector<std::pair<storage::PropertyKeyId, Value>> props;
        for (auto& [k, v] : pattern_properties(rel.properties, rel.properties_map, row, ctx)) {
            if (v.is_null()) continue;
            props.push_back(checked_rel_property(ctx, type, k, std::move(v), at));
        }
        ctx.stats.properties_set += static_cast<std::int64_t>(props.size());
        storage::RelId id = store.create_relationship(type, from, to, std::move(props));
        ++ctx.stats.relationships_created;
        row[rel.slot] = relationship_value(store, id);
    }
}

void set_property(ExecutionContext& ctx, const Value& target, const std::string& key, Value value, SourceSpan at) {
    auto& store = ctx.store;
    if (target.is_node()) {
        storage::NodeId id = target.as_node().id;
        if (!store.node_alive(id)) return;
        if (value.is_null()) {
            auto k = store.catalog().find_property_key(key);
            if (k && !store.node_property(id, *k).is_null()) {
                store.set_node_property(id, *k, Value());
                ++ctx.stats.properties_removed;
            }
            return;
        }
        auto [k, v] = checked_node_property(ctx, store.node_labels(id), key, std::move(value), at);
        store.set_node_property(id, k, std::move(v));
        ++ctx.stats.properties_set;
    } else if (target.is_relationship()) {
        storage::RelId id = target.as_relationship().id;
        if (!store.rel_alive(id)) return;
        if (value.is_null()) {
            auto k = store.catalog().find_property_key(key);
            if (k && !store.rel_property(id, *k).is_null()) {
                store.set_rel_property(id, *k, Value());
                ++ctx.stats.properties_removed;
            }
            return;
        }
        auto [k, v] = checked_rel_property(ctx, store.rel_type(id), key, std::move(value), at);
        store.set_rel_property(id, k, std::move(v));
        ++ctx.stats.properties_set;
    } else if (!target.is_null()) {
        runtime_error(ctx, ErrorKind::Type, "TypeError", "InvalidArgumentType",
                      std::string("SET needs a node or a relationship, got ") + kind_name(target.kind()), at.offset,
                      at.length);
    }
}

Value properties_map_of(ExecutionContext& ctx, const Value& v, SourceSpan at) {
    if (v.is_map()) return v;
    if (v.is_node() || v.is_relationship()) {
        Map m;
        const auto& store = ctx.store;
        auto props = v.is_node() ? store.node_properties(v.as_node().id) : store.rel_properties(v.as_relationship().id);
        for (auto& [k, val] : props) m[store.catalog().property_key_name(k)] = val;
        return Value(std::move(m));
    }
    runtime_error(ctx, ErrorKind::Type, "TypeError", "InvalidArgumentType",
                  std::string("SET = needs a map, got ") + kind_name(v.kind()), at.offset, at.length);
}

void apply_set_item(const BoundSetItem& item, Row& row, ExecutionContext& ctx) {
    SourceSpan at{item.offset, item.length};
    Value target = evaluate(*item.target, row, ctx);
    if (target.is_null()) return;
    auto& store = ctx.store;
    switch (item.kind) {
        case binder::SetKind::Property: set_property(ctx, target, item.key, evaluate(*item.value, row, ctx), at); break;
        case binder::SetKind::ReplaceProperties:
        case binder::SetKind::MergeProperties: {
            Value map = properties_map_of(ctx, evaluate(*item.value, row, ctx), at);
            if (item.kind == binder::SetKind::ReplaceProperties) {
                auto existing = target.is_node() ? store.node_properties(target.as_node().id)
                                                 : store.rel_properties(target.as_relationship().id);
                for (auto& [k, v] : existing) {
                    const std::string& name = store.catalog().property_key_name(k);
                    if (!map.as_map().find(name)) set_property(ctx, target, name, Value(), at);
                }
            }
            for (const auto& [k, v] : map.as_map()) set_property(ctx, target, k, v, at);
            break;
        }
        case binder::SetKind::AddLabels: {
            if (!target.is_node()) {
                runtime_error(ctx, ErrorKind::Type, "TypeError", "InvalidArgumentType", "SET :Label needs a node",
                              at.offset, at.length);
            }
            storage::NodeId id = target.as_node().id;
            for (const auto& label : item.labels) {
                catalog::TypeId t = label_for_existing_node(ctx, id, label, at);
                const auto& labels = store.node_labels(id);
                if (std::find(labels.begin(), labels.end(), t) != labels.end()) continue;
                if (store.catalog().strict()) continue;
                store.add_label(id, t);
                ++ctx.stats.labels_added;
            }
            break;
        }
    }
}

class CreateOperator final : public PhysicalOperator {
public:
    explicit CreateOperator(const LogicalOperator& op) : op_(op) {}
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (!child->next(ctx, row)) return false;
        create_pattern(*op_.pattern, row, ctx);
        return true;
    }

private:
    const LogicalOperator& op_;
};

class MergeOperator final : public PhysicalOperator {
public:
    MergeOperator(const LogicalOperator& op, PhysicalOperatorPtr match) : op_(op), match_(std::move(match)) {}
    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        pending_.clear();
        position_ = 0;
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        while (true) {
            if (position_ < pending_.size()) {
                row = std::move(pending_[position_++]);
                return true;
            }
            Row input;
            if (!child->next(ctx, input)) return false;
            pending_.clear();
            position_ = 0;
            match_->open(ctx, input);
            Row r;
            while (match_->next(ctx, r)) pending_.push_back(r);
            if (!pending_.empty()) {
                for (auto& m : pending_) {
                    for (const auto& item : op_.merge->on_match) apply_set_item(item, m, ctx);
                }
            } else {
                // Null property values can never be matched, so MERGE refuses to create them.
                for (const auto& node : op_.merge->pattern.nodes) {
                    for (const auto& [k, e] : node.properties) {
                        if (evaluate(*e, input, ctx).is_null()) {
                            runtime_error(ctx, ErrorKind::Runtime, "SemanticError", "MergeReadOwnWrites",
                                          "Cannot merge node using null property value for " + k, node.offset,
                                          node.length);
                        }
                    }
                }
                for (const auto& rel : op_.merge->pattern.rels) {
                    for (const auto& [k, e] : rel.properties) {
                        if (evaluate(*e, input, ctx).is_null()) {
                            runtime_error(ctx, ErrorKind::Runtime, "SemanticError", "MergeReadOwnWrites",
                                          "Cannot merge relationship using null property value for " + k, rel.offset,
                                          rel.length);
                        }
                    }
                }
                create_pattern(op_.merge->pattern, input, ctx);
                for (const auto& item : op_.merge->on_create) apply_set_item(item, input, ctx);
                pending_.push_back(std::move(input));
            }
        }
    }

private:
    const LogicalOperator& op_;
    PhysicalOperatorPtr match_;
    std::vector<Row> pending_;
    std::size_t position_ = 0;
};

class SetOperator final : public PhysicalOperator {
public:
    explicit SetOperator(const LogicalOperator& op) : op_(op) {}
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (!child->next(ctx, row)) return false;
        for (const auto& item : *op_.set_items) apply_set_item(item, row, ctx);
        return true;
    }

private:
    const LogicalOperator& op_;
};

class RemoveOperator final : public PhysicalOperator {
public:
    explicit RemoveOperator(const LogicalOperator& op) : op_(op) {}
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (!child->next(ctx, row)) return false;
        auto& store = ctx.store;
        for (const auto& item : op_.remove->items) {
            Value target = evaluate(*item.target, row, ctx);
            if (target.is_null()) continue;
            SourceSpan at{item.target->offset, item.target->length};
            if (!item.labels) {
                set_property(ctx, target, item.key, Value(), at);
                continue;
            }
            if (!target.is_node()) continue;
            storage::NodeId id = target.as_node().id;
            for (const auto& name : item.label_names) {
                auto t = store.catalog().find_entity_type(name);
                if (!t) continue;
                const auto& labels = store.node_labels(id);
                if (std::find(labels.begin(), labels.end(), *t) == labels.end()) continue;
                if (store.catalog().strict()) {
                    runtime_error(ctx, ErrorKind::Schema, "SchemaError", "NodeTypeChange",
                                  "A node's type cannot change in a graph with a schema", at.offset, at.length);
                }
                store.remove_label(id, *t);
                ++ctx.stats.labels_removed;
            }
        }
        return true;
    }

private:
    const LogicalOperator& op_;
};

// Deletes after reading all its input: relationships first, so that `DELETE n, r` works
// whatever the order; a node that keeps relationships is an error unless DETACH.
class DeleteOperator final : public PhysicalOperator {
public:
    explicit DeleteOperator(const LogicalOperator& op) : op_(op) {}
    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        rows_.clear();
        done_ = false;
        position_ = 0;
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (!done_) run(ctx);
        if (position_ >= rows_.size()) return false;
        row = std::move(rows_[position_++]);
        return true;
    }

private:
    void run(ExecutionContext& ctx) {
        done_ = true;
        std::set<storage::NodeId> nodes;
        std::set<storage::RelId> rels;
        std::map<storage::NodeId, const binder::BoundExpression*> node_origin;
        Row row;
        while (child->next(ctx, row)) {
            for (const auto& target : op_.del->targets) {
                Value v = evaluate(*target, row, ctx);
                collect(ctx, v, *target, nodes, rels, node_origin);
            }
            rows_.push_back(row);
        }
        auto& store = ctx.store;
        for (storage::NodeId n : nodes) {
            if (!op_.del->detach || !store.node_alive(n)) continue;
            for (catalog::TypeId t : store.relation_types_in_use()) {
                for (auto dir : {storage::Direction::Out, storage::Direction::In}) {
                    for (const auto& e : store.adjacency(n, t, dir)) rels.insert(e.rel);
                }
            }
        }
        for (storage::RelId r : rels) {
            if (!store.rel_alive(r)) continue;
            store.delete_relationship(r);
            ++ctx.stats.relationships_deleted;
        }
        for (storage::NodeId n : nodes) {
            if (!store.node_alive(n)) continue;
            if (store.degree(n) > 0) {
                const auto* at = node_origin[n];
                runtime_error(ctx, ErrorKind::Runtime, "ConstraintVerificationFailed", "DeleteConnectedNode",
                              "Cannot delete a node that still has relationships; use DETACH DELETE",
                              at ? at->offset : 0, at ? at->length : 0);
            }
            store.delete_node(n);
            ++ctx.stats.nodes_deleted;
        }
    }

    void collect(ExecutionContext& ctx, const Value& v, const binder::BoundExpression& at,
                 std::set<storage::NodeId>& nodes, std::set<storage::RelId>& rels,
                 std::map<storage::NodeId, const binder::BoundExpression*>& origin) {
        switch (v.kind()) {
            case ValueKind::Null: return;
            case ValueKind::Node:
                nodes.insert(v.as_node().id);
                origin.emplace(v.as_node().id, &at);
                return;
            case ValueKind::Relationship: rels.insert(v.as_relationship().id); return;
            case ValueKind::Path:
                for (const auto& n : v.as_path().nodes) {
                    nodes.insert(n.id);
                    origin.emplace(n.id, &at);
                }
                for (const auto& r : v.as_path().relationships) rels.insert(r.id);
                return;
            case ValueKind::List:
                for (const auto& e : v.as_list()) collect(ctx, e, at, nodes, rels, origin);
                return;
            default:
                runtime_error(ctx, ErrorKind::Type, "TypeError", "InvalidArgumentType",
                              std::string("DELETE needs a node, a relationship or a path, got ") + kind_name(v.kind()),
                              at.offset, at.length);
        }
    }

    const LogicalOperator& op_;
    std::vector<Row> rows_;
    bool done_ = false;
    std::size_t position_ = 0;
};

}  // namespace

PhysicalOperatorPtr make_create(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<CreateOperator>(op), std::move(input));
}
PhysicalOperatorPtr make_merge(const LogicalOperator& op, PhysicalOperatorPtr input, PhysicalOperatorPtr match) {
    return with_input(std::make_unique<MergeOperator>(op, std::move(match)), std::move(input));
}
PhysicalOperatorPtr make_set(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<SetOperator>(op), std::move(input));
}
PhysicalOperatorPtr make_remove(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<RemoveOperator>(op), std::move(input));
}
PhysicalOperatorPtr make_delete(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<DeleteOperator>(op), std::move(input));
}

}  // namespace kgq::executor
