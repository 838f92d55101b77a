// engine/planner/pattern_count.cpp — Planner::count_natively: under RETURN count(*), a chain
// of scans, single-hop expands, label / inequality / single-edge pattern filters and Collapses
// is marked PatternCount, which the executor runs over node and relationship ids in one
// tight loop (memoising the rest of the walk per node at each Collapse) instead of
// producing rows of Values. Anything else in the chain leaves the plan as it was.
#include "planner/planner.hpp"

namespace kgq::planner {

using namespace binder;

namespace {

bool is_node_variable(const BoundExpression& e, const BoundQuery& query) {
    return e.kind == ExprKind::Variable && query.slot_kinds[e.slot] == VariableKind::Node;
}

// LabelCheck(v), and/or of them on one node variable.
bool is_label_test(const BoundExpression& e, int& slot) {
    if (e.kind == ExprKind::And || e.kind == ExprKind::Or)
        return is_label_test(*e.children[0], slot) && is_label_test(*e.children[1], slot);
    if (e.kind != ExprKind::LabelCheck || e.children[0]->kind != ExprKind::Variable) return false;
    if (slot >= 0 && slot != e.children[0]->slot) return false;
    slot = e.children[0]->slot;
    return true;
}

// A one-hop expand between two bound nodes, nothing else: (a)-[:T]->(b) as a predicate.
bool is_edge_probe(const LogicalOperator& plan) {
    return plan.kind == LogicalOpKind::Expand && plan.target_bound && plan.expressions.empty() &&
           plan.distinct_from_rels.empty() && plan.distinct_from_rel_lists.empty() && plan.excluded_targets.empty() &&
           plan.children.size() == 1 && plan.children[0]->kind == LogicalOpKind::Argument;
}

}  // namespace

bool Planner::countable_predicate(const BoundExpression& e, std::set<int>& reads) const {
    switch (e.kind) {
        case ExprKind::And:
            return countable_predicate(*e.children[0], reads) && countable_predicate(*e.children[1], reads);
        case ExprKind::NotEqual:
            if (!is_node_variable(*e.children[0], query_) || !is_node_variable(*e.children[1], query_)) return false;
            reads.insert(e.children[0]->slot);
            reads.insert(e.children[1]->slot);
            return true;
        case ExprKind::Not:
            return e.children[0]->kind == ExprKind::Subquery && countable_predicate(*e.children[0], reads);
        case ExprKind::Subquery: {
            if (e.subquery_mode != SubqueryMode::Exists || e.subquery_id < 0 ||
                e.subquery_id >= static_cast<int>(plan_.subplans.size()))
                return false;
            const LogicalOperator& sub = *plan_.subplans[e.subquery_id];
            if (!is_edge_probe(sub)) return false;
            reads.insert(sub.from_slot);
            reads.insert(sub.slot);
            return true;
        }
        default: {
            int slot = -1;
            if (!is_label_test(e, slot) || query_.slot_kinds[slot] != VariableKind::Node) return false;
            reads.insert(slot);
            return true;
        }
    }
}

bool Planner::countable_chain(const LogicalOperator& top, std::set<int>& reads, std::set<int>& produced) const {
    for (const LogicalOperator* op = &top; op->kind != LogicalOpKind::Argument; op = op->children[0].get()) {
        switch (op->kind) {
            case LogicalOpKind::Expand:
            case LogicalOpKind::ExpandCount:
                if (!op->expressions.empty() || !op->distinct_from_rel_lists.empty()) return false;
                reads.insert(op->from_slot);
                if (op->target_bound) reads.insert(op->slot);
                reads.insert(op->distinct_from_rels.begin(), op->distinct_from_rels.end());
                reads.insert(op->excluded_targets.begin(), op->excluded_targets.end());
                if (!op->target_bound) produced.insert(op->slot);
                produced.insert(op->rel_slot);
                break;
            case LogicalOpKind::NodeScan: produced.insert(op->slot); break;
            case LogicalOpKind::Collapse: break;
            case LogicalOpKind::Filter:
                for (const auto* e : op->expressions) {
                    if (!countable_predicate(*e, reads)) return false;
                }
                break;
            case LogicalOpKind::Optional:
                // The inner plan starts from the outer row (its Argument); what it binds is
                // null when it finds nothing, which every check in the loop treats as Cypher does.
                if (!countable_chain(*op->children[1], reads, produced)) return false;
                break;
            default: return false;
        }
    }
    return true;
}

void Planner::count_natively(LogicalOperator& aggregate) {
    const BoundProjection& projection = *aggregate.projection;
    if (!projection.key_items.empty() || projection.aggregates.empty()) return;
    for (const auto& a : projection.aggregates) {
        if (a.function != "count" || a.argument || a.distinct) return;
    }
    // Every operator down to the Argument must be one the native loop runs, and read only
    // what the chain itself binds (so the count does not depend on an outer row).
    std::set<int> reads, produced;
    if (!countable_chain(*aggregate.children[0], reads, produced)) return;
    for (int s : reads) {
        if (!produced.count(s)) return;
    }
    if (aggregate.multiplicity_slot < 0) aggregate.multiplicity_slot = plan_.slot_count++;
    auto count = std::make_unique<LogicalOperator>();
    count->kind = LogicalOpKind::PatternCount;
    count->multiplicity_slot = aggregate.multiplicity_slot;
    count->detail = "(ids only, no rows)";
    count->children.push_back(std::move(aggregate.children[0]));
    aggregate.children[0] = std::move(count);
}

}  // namespace kgq::planner
