// engine/planner/hash_join.cpp — Planner::hash_join_scan: a node scan that would run once per
// input row, joined to the row by an equality, is planned as a HashJoinScan instead: the
// executor hashes the scan's nodes by their side of the equality once and looks each row's
// side up (openCypher equality is checked on the candidates, so the hash is only a filter).
#include "planner/planner.hpp"

namespace kgq::planner {

using namespace binder;

namespace {

// Enough of an expression for EXPLAIN: variables, properties, calls, literals.
std::string expression_text(const BoundExpression& e, const BoundQuery& query) {
    switch (e.kind) {
        case ExprKind::Variable: {
            const std::string& name = query.slot_names[e.slot];
            return name.empty() || name[0] == ' ' ? "_" : name;
        }
        case ExprKind::Property: return expression_text(*e.children[0], query) + "." + e.name;
        case ExprKind::Parameter: return "$" + e.name;
        case ExprKind::Constant: return e.value.to_string();
        case ExprKind::Function: {
            std::string out = e.name + "(";
            for (std::size_t i = 0; i < e.children.size(); ++i)
                out += (i ? ", " : "") + expression_text(*e.children[i], query);
            return out + ")";
        }
        default: return "...";
    }
}

}  // namespace

void Planner::hash_join_scan(LogicalOperator& scan, std::vector<const BoundExpression*>& predicates,
                             const Bound& bound) {
    if (!hash_joins_allowed_ || scan.impossible) return;
    for (auto it = predicates.begin(); it != predicates.end(); ++it) {
        const BoundExpression& p = **it;
        if (p.kind != ExprKind::Equal) continue;
        for (int side = 0; side < 2; ++side) {
            const BoundExpression& build = *p.children[side];
            const BoundExpression& probe = *p.children[1 - side];
            std::set<int> build_slots, probe_slots;
            bool opaque = false;
            referenced_slots(build, build_slots, opaque);
            referenced_slots(probe, probe_slots, opaque);
            if (opaque || build_slots != std::set<int>{scan.slot} || probe_slots.empty()) continue;
            bool probe_bound = true;
            for (int s : probe_slots) probe_bound = probe_bound && s != scan.slot && bound.count(s) > 0;
            if (!probe_bound) continue;
            scan.kind = LogicalOpKind::HashJoinScan;
            scan.expressions = {&build, &probe};
            scan.detail += " on " + expression_text(build, query_) + " = " + expression_text(probe, query_);
            predicates.erase(it);
            return;
        }
    }
}

}  // namespace kgq::planner
