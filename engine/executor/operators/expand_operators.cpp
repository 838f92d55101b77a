// engine/executor/operators/expand_operators.cpp — walking relationships: Expand (one hop,
// into a new or an already bound node), VarLengthExpand (*min..max, depth-first with
// relationship uniqueness along the path) and ShortestPath (Boost.Graph BFS in storage).
#include "executor/expression_evaluator.hpp"
#include "executor/operators/operator_factory.hpp"
#include "storage/shortest_paths.hpp"
#include "value/value_ops.hpp"

#include <algorithm>

namespace kgq::executor {
namespace {

using binder::RelDirection;
using storage::AdjEntry;
using storage::NodeId;
using storage::RelId;

struct Step {
    NodeId neighbor;
    RelId rel;
};

// The relationships leaving `node` that the pattern allows, in a stable order.
void neighbours(const storage::GraphStore& store, NodeId node, const std::vector<catalog::TypeId>& types,
                RelDirection direction, std::vector<Step>& out) {
    auto visit = [&](catalog::TypeId t) {
        if (direction != RelDirection::Incoming) {
            for (const AdjEntry& e : store.adjacency(node, t, storage::Direction::Out))
                out.push_back({e.neighbor, e.rel});
        }
        if (direction != RelDirection::Outgoing) {
            for (const AdjEntry& e : store.adjacency(node, t, storage::Direction::In)) {
                // An undirected pattern meets a self-loop once, not twice.
                if (direction == RelDirection::Both && e.neighbor == node) continue;
                out.push_back({e.neighbor, e.rel});
            }
        }
    };
    if (types.empty()) {
        for (catalog::TypeId t : store.relation_types_in_use()) visit(t);
    } else {
        for (catalog::TypeId t : types) visit(t);
    }
}

// The relation types an expand follows, resolved when it opens (see LogicalOperator).
struct ResolvedTypes {
    std::vector<catalog::TypeId> types;
    bool impossible = false;
    void resolve(const LogicalOperator& op, const catalog::Catalog& catalog) {
        types.clear();
        impossible = false;
        for (const auto& name : op.rel_type_names) {
            auto t = catalog.find_relation_type(name);
            if (t && std::find(types.begin(), types.end(), *t) == types.end()) types.push_back(*t);
        }
        impossible = !op.rel_type_names.empty() && types.empty();
    }
};

// Whether rel is already used by the pattern (relationship uniqueness within a MATCH).
bool rel_used(const LogicalOperator& op, const Row& row, RelId rel) {
    for (int s : op.distinct_from_rels) {
        const Value& v = row[s];
        if (v.is_relationship() && v.as_relationship().id == rel) return true;
    }
    for (int s : op.distinct_from_rel_lists) {
        const Value& v = row[s];
        if (!v.is_list()) continue;
        for (const auto& r : v.as_list()) {
            if (r.is_relationship() && r.as_relationship().id == rel) return true;
        }
    }
    return false;
}

class ExpandOperator final : public PhysicalOperator {
public:
    explicit ExpandOperator(const LogicalOperator& op) : op_(op) {}

    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        resolved_.resolve(op_, ctx.store.catalog());
        steps_.clear();
        position_ = 0;
    }

    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (resolved_.impossible) return false;
        while (true) {
            while (position_ < steps_.size()) {
                ctx.tick();
                const Step& s = steps_[position_++];
                if (rel_used(op_, input_, s.rel)) continue;
                if (op_.target_bound) {
                    const Value& t = input_[op_.slot];
                    if (!t.is_node() || t.as_node().id != s.neighbor) continue;
                }
                if (!op_.expressions.empty()) {
                    const Value& r = input_[op_.rel_slot];
                    if (!r.is_relationship() || r.as_relationship().id != s.rel) continue;
                }
                if (excluded(s.neighbor)) continue;
                row = input_;
                row[op_.rel_slot] = relationship_value(ctx.store, s.rel);
                row[op_.slot] = node_value(s.neighbor);
                return true;
            }
            if (!child->next(ctx, input_)) return false;
            steps_.clear();
            position_ = 0;
            const Value& from = input_[op_.from_slot];
            if (!from.is_node()) continue;
            if (op_.target_bound) {
                const Value& to = input_[op_.slot];
                if (!to.is_node()) continue;
                relationships_between(ctx.store, from.as_node().id, to.as_node().id, steps_);
                continue;
            }
            neighbours(ctx.store, from.as_node().id, resolved_.types, op_.direction, steps_);
        }
    }

private:
    // target <> other folded into the expand (null <> x is null: such rows never pass).
    bool excluded(NodeId neighbor) const {
        for (int slot : op_.excluded_targets) {
            const Value& other = input_[slot];
            if (!other.is_node() || other.as_node().id == neighbor) return true;
        }
        return false;
    }

    // Expand into a bound node (closing a cycle): scan the smaller of the two adjacency
    // lists for the other end instead of listing every neighbour.
    void relationships_between(const storage::GraphStore& store, NodeId from, NodeId to, std::vector<Step>& out) {
        auto degree = [&](NodeId node, storage::Direction dir) {
            std::size_t d = 0;
            auto add = [&](catalog::TypeId t) { d += store.adjacency(node, t, dir).size(); };
            if (resolved_.types.empty()) {
                for (catalog::TypeId t : store.relation_types_in_use()) add(t);
            } else {
                for (catalog::TypeId t : resolved_.types) add(t);
            }
            return d;
        };
        auto scan = [&](NodeId node, NodeId other, storage::Direction dir, bool skip_loops) {
            auto visit = [&](catalog::TypeId t) {
                for (const AdjEntry& e : store.adjacency(node, t, dir)) {
                    if (e.neighbor != other) continue;
                    if (skip_loops && e.neighbor == node) continue;
                    out.push_back({to, e.rel});
                }
            };
            if (resolved_.types.empty()) {
                for (catalog::TypeId t : store.relation_types_in_use()) visit(t);
            } else {
                for (catalog::TypeId t : resolved_.types) visit(t);
            }
        };
        using storage::Direction;
        const bool both = op_.direction == RelDirection::Both;
        if (op_.direction != RelDirection::Incoming) {
            // from -> to: from's out-list or to's in-list, whichever is shorter
            if (degree(from, Direction::Out) <= degree(to, Direction::In)) scan(from, to, Direction::Out, false);
            else scan(to, from, Direction::In, false);
        }
        if (op_.direction != RelDirection::Outgoing) {
            // to -> from, i.e. from's in-list or to's out-list; an undirected self-loop counts once
            if (degree(from, Direction::In) <= degree(to, Direction::Out)) scan(from, to, Direction::In, both);
            else scan(to, from, Direction::Out, both);
        }
    }

public:
private:
    const LogicalOperator& op_;
    ResolvedTypes resolved_;
    Row input_;
    std::vector<Step> steps_;
    std::size_t position_ = 0;
};

// Counts, per input row, the relationships an Expand would follow (same uniqueness, target
// and label rules) and passes the row on once with that multiplicity, when it is not zero.
class ExpandCountOperator final : public PhysicalOperator {
public:
    explicit ExpandCountOperator(const LogicalOperator& op) : op_(op) {}

    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        resolved_.resolve(op_, ctx.store.catalog());
        const auto& catalog = ctx.store.catalog();
        target_labels_.clear();
        for (const auto& group : op_.target_label_names) {
            std::vector<catalog::TypeId> types;
            for (const auto& name : group) {
                if (auto t = catalog.find_entity_type(name)) types.push_back(*t);
            }
            target_labels_.push_back(std::move(types));
        }
    }

    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (resolved_.impossible) return false;
        const auto& store = ctx.store;
        while (child->next(ctx, row)) {
            const Value& from = row[op_.from_slot];
            if (!from.is_node()) continue;
            storage::NodeId node = from.as_node().id;
            std::int64_t count = 0;
            auto consider = [&](const AdjEntry& e) {
                if (!op_.distinct_from_rels.empty() || !op_.distinct_from_rel_lists.empty()) {
                    if (rel_used(op_, row, e.rel)) return;
                }
                if (op_.target_bound) {
                    const Value& t = row[op_.slot];
                    if (!t.is_node() || t.as_node().id != e.neighbor) return;
                }
                for (int slot : op_.excluded_targets) {
                    // target <> other: null compares to null, which a WHERE drops
                    const Value& other = row[slot];
                    if (!other.is_node() || other.as_node().id == e.neighbor) return;
                }
                for (const auto& group : target_labels_) {
                    bool any = false;
                    for (catalog::TypeId t : group) any = any || store.node_has_label(e.neighbor, t);
                    if (!any) return;
                }
                ++count;
            };
            auto visit = [&](catalog::TypeId t) {
                if (op_.direction != RelDirection::Incoming) {
                    for (const AdjEntry& e : store.adjacency(node, t, storage::Direction::Out)) consider(e);
                }
                if (op_.direction != RelDirection::Outgoing) {
                    for (const AdjEntry& e : store.adjacency(node, t, storage::Direction::In)) {
                        if (op_.direction == RelDirection::Both && e.neighbor == node) continue;
                        consider(e);
                    }
                }
            };
            if (resolved_.types.empty()) {
                for (catalog::TypeId t : store.relation_types_in_use()) visit(t);
            } else {
                for (catalog::TypeId t : resolved_.types) visit(t);
            }
            if (count == 0) continue;
            // A row may already stand for several (after a Collapse): multiply.
            const Value& weight = row[op_.multiplicity_slot];
            row[op_.multiplicity_slot] = Value(count * (weight.is_int() ? weight.as_int() : 1));
            return true;
        }
        return false;
    }

private:
    const LogicalOperator& op_;
    ResolvedTypes resolved_;
    std::vector<std::vector<catalog::TypeId>> target_labels_;
};

class VarExpandOperator final : public PhysicalOperator {
public:
    explicit VarExpandOperator(const LogicalOperator& op) : op_(op) {}

    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        resolved_.resolve(op_, ctx.store.catalog());
        results_.clear();
        position_ = 0;
    }

    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (resolved_.impossible) return false;
        while (true) {
            if (position_ < results_.size()) {
                auto& [rels, end] = results_[position_++];
                row = input_;
                List list;
                list.reserve(rels.size());
                // The list is in pattern order even when the planner walked it backwards.
                if (op_.reverse_rel_list) std::reverse(rels.begin(), rels.end());
                for (RelId r : rels) list.push_back(relationship_value(ctx.store, r));
                row[op_.rel_slot] = Value(std::move(list));
                row[op_.slot] = node_value(end);
                return true;
            }
            if (!child->next(ctx, input_)) return false;
            results_.clear();
            position_ = 0;
            const Value& from = input_[op_.from_slot];
            if (!from.is_node()) continue;
            if (!op_.expressions.empty()) {
                follow_bound_list(ctx, from.as_node().id);
                continue;
            }
            std::vector<RelId> path;
            search(ctx, from.as_node().id, path);
        }
    }

private:
    bool rel_matches(ExecutionContext& ctx, RelId rel) {
        if (op_.rel_properties.empty()) return true;
        Value r = relationship_value(ctx.store, rel);
        for (const auto& [key, expr] : op_.rel_properties) {
            Value expected = evaluate(*expr, input_, ctx);
            if (!value::is_true(value::equals(property_of(r, key, ctx, nullptr), expected))) return false;
        }
        return true;
    }

    // The relationship variable is already bound to a list: the path must be exactly it.
    void follow_bound_list(ExecutionContext& ctx, NodeId node) {
        const Value& list = input_[op_.rel_slot];
        if (!list.is_list()) return;
        const auto& store = ctx.store;
        std::vector<RelId> path;
        std::vector<Value> walk(list.as_list().begin(), list.as_list().end());
        if (op_.reverse_rel_list) std::reverse(walk.begin(), walk.end());
        for (const auto& v : walk) {
            if (!v.is_relationship()) return;
            RelId r = v.as_relationship().id;
            if (!store.rel_alive(r)) return;
            if (!resolved_.types.empty() &&
                std::find(resolved_.types.begin(), resolved_.types.end(), store.rel_type(r)) == resolved_.types.end()) {
                return;
            }
            NodeId s = store.rel_source(r), t = store.rel_target(r);
            if (op_.direction == RelDirection::Outgoing && s == node) node = t;
            else if (op_.direction == RelDirection::Incoming && t == node) node = s;
            else if (op_.direction == RelDirection::Both && (s == node || t == node)) node = s == node ? t : s;
            else return;
            path.push_back(r);
        }
        if (op_.max_hops >= 0 && static_cast<std::int64_t>(path.size()) > op_.max_hops) return;
        emit_if_complete(node, path);
    }

    void emit_if_complete(NodeId node, const std::vector<RelId>& path) {
        auto length = static_cast<std::int64_t>(path.size());
        if (length < op_.min_hops) return;
        if (op_.target_bound) {
            const Value& t = input_[op_.slot];
            if (!t.is_node() || t.as_node().id != node) return;
        }
        results_.emplace_back(path, node);
    }

    // Depth-first over trails from `start`, with an explicit stack: an unbounded [*] on a long
    // chain is as deep as the chain, too deep for the call stack. frames.size() is always
    // path.size() + 1. Each step ticks, so interrupts and budgets stop a runaway search.
    void search(ExecutionContext& ctx, NodeId start, std::vector<RelId>& path) {
        struct Frame {
            std::vector<Step> steps;
            std::size_t next = 0;
        };
        std::vector<Frame> frames;
        auto enter = [&](NodeId node) {
            emit_if_complete(node, path);
            frames.emplace_back();
            if (op_.max_hops < 0 || static_cast<std::int64_t>(path.size()) < op_.max_hops)
                neighbours(ctx.store, node, resolved_.types, op_.direction, frames.back().steps);
        };
        enter(start);
        while (!frames.empty()) {
            ctx.tick();
            Frame& frame = frames.back();
            if (frame.next == frame.steps.size()) {
                frames.pop_back();
                if (!frames.empty()) path.pop_back();
                continue;
            }
            const Step s = frame.steps[frame.next++];
            if (std::find(path.begin(), path.end(), s.rel) != path.end()) continue;
            if (rel_used(op_, input_, s.rel)) continue;
            if (!rel_matches(ctx, s.rel)) continue;
            path.push_back(s.rel);
            enter(s.neighbor);
        }
    }

    const LogicalOperator& op_;
    ResolvedTypes resolved_;
    Row input_;
    std::vector<std::pair<std::vector<RelId>, NodeId>> results_;
    std::size_t position_ = 0;
};

class ShortestPathOperator final : public PhysicalOperator {
public:
    explicit ShortestPathOperator(const LogicalOperator& op) : op_(op) {}

    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        resolved_.resolve(op_, ctx.store.catalog());
        paths_.clear();
        position_ = 0;
    }

    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (resolved_.impossible) return false;
        while (true) {
            if (position_ < paths_.size()) {
                row = input_;
                List list;
                for (RelId r : paths_[position_]) list.push_back(relationship_value(ctx.store, r));
                ++position_;
                row[op_.rel_slot] = Value(std::move(list));
                return true;
            }
            if (!child->next(ctx, input_)) return false;
            paths_.clear();
            position_ = 0;
            const Value& a = input_[op_.from_slot];
            const Value& b = input_[op_.slot];
            if (!a.is_node() || !b.is_node()) continue;
            if (a.as_node().id == b.as_node().id) continue;
            std::size_t max_hops = op_.max_hops < 0 ? SIZE_MAX : static_cast<std::size_t>(op_.max_hops);
            bool out = op_.direction == RelDirection::Outgoing;
            bool in = op_.direction == RelDirection::Incoming;
            paths_ = storage::shortest_paths(ctx.store, a.as_node().id, b.as_node().id, resolved_.types, out, in,
                                             max_hops, op_.all_shortest, [&ctx] { ctx.tick(); });
            std::erase_if(paths_, [&](const auto& p) { return static_cast<std::int64_t>(p.size()) < op_.min_hops; });
        }
    }

private:
    const LogicalOperator& op_;
    ResolvedTypes resolved_;
    Row input_;
    std::vector<std::vector<RelId>> paths_;
    std::size_t position_ = 0;
};

}  // namespace

PhysicalOperatorPtr make_expand(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<ExpandOperator>(op), std::move(input));
}

PhysicalOperatorPtr make_expand_count(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<ExpandCountOperator>(op), std::move(input));
}

PhysicalOperatorPtr make_var_expand(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<VarExpandOperator>(op), std::move(input));
}

PhysicalOperatorPtr make_shortest_path(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<ShortestPathOperator>(op), std::move(input));
}

}  // namespace kgq::executor
