// engine/binder/bind_projection.cpp — binding of RETURN and WITH: items and aliases,
// implicit grouping around aggregates, DISTINCT, ORDER BY scoping (aliases plus, as
// openCypher allows, the variables before the projection), SKIP/LIMIT, and WITH ... WHERE.
#include "binder/binder.hpp"

#include <set>

namespace kgq::binder {
namespace {

bool contains_aggregate(const BoundExpression& e) {
    if (e.kind == ExprKind::AggregateRef) return true;
    for (const auto& c : e.children) {
        if (c && contains_aggregate(*c)) return true;
    }
    return false;
}

}  // namespace

ExprPtr Binder::bind_skip_limit(const ast::Expression& e, const char* what) {
    // SKIP/LIMIT see no variables: only literals, parameters and expressions of them.
    Scope saved = std::move(scope_);
    scope_.clear();
    ExprPtr bound;
    try {
        bound = bind_expression(e);
    } catch (Exception& ex) {
        scope_ = std::move(saved);
        if (ex.error().detail == "UndefinedVariable") {
            ex.error().detail = "NonConstantExpression";
            ex.error().message = std::string("It is not allowed to refer to variables in ") + what;
        }
        throw;
    }
    scope_ = std::move(saved);
    return bound;
}

BoundProjection Binder::bind_projection(const ast::ProjectionBody& body, bool is_return,
                                        const boost::optional<ast::Expression>& where) {
    BoundProjection out;
    out.is_return = is_return;
    out.distinct = body.distinct;

    struct PendingItem {
        std::string name;
        ExprPtr expr;
        VariableKind kind = VariableKind::Value;
        bool aggregate = false;
    };
    std::vector<PendingItem> pending;
    if (body.star) {
        if (scope_.empty() && body.items.empty()) {
            fail(ErrorKind::Semantic, "SyntaxError", "NoVariablesInScope",
                 std::string(is_return ? "RETURN" : "WITH") + " * is not allowed when there are no variables in scope",
                 body);
        }
        for (const auto& [name, info] : scope_) {
            PendingItem item;
            item.name = name;
            item.expr = std::make_unique<BoundExpression>();
            item.expr->kind = ExprKind::Variable;
            item.expr->slot = info.slot;
            item.expr->name = name;
            item.kind = info.kind;
            pending.push_back(std::move(item));
        }
    }
    std::vector<AggregateSpec> specs;
    AggregateCollector collector{&specs, false};
    std::set<std::string> seen;
    for (const auto& item : body.items) {
        PendingItem p;
        aggregates_ = &collector;
        std::size_t before = specs.size();
        p.expr = bind_expression(item.expression);
        aggregates_ = nullptr;
        p.aggregate = specs.size() > before || contains_aggregate(*p.expr);
        if (item.alias) {
            p.name = item.alias->name;
        } else {
            if (!is_return && p.expr->kind != ExprKind::Variable) {
                fail(ErrorKind::Semantic, "SyntaxError", "NoExpressionAlias",
                     "Expression in WITH must be aliased (use AS)", item);
            }
            p.name = item.text;
        }
        if (p.expr->kind == ExprKind::Variable) {
            const VariableInfo* info = lookup(p.expr->name);
            if (info) p.kind = info->kind;
        }
        for (const auto& existing : pending) {
            if (existing.name == p.name) {
                fail(ErrorKind::Semantic, "SyntaxError", "ColumnNameConflict",
                     "Multiple result columns with the same name `" + p.name + "` are not supported", item);
            }
        }
        pending.push_back(std::move(p));
    }
    out.aggregating = !specs.empty();

    // ORDER BY sees the aliases and the variables before the projection; bind it before the
    // scope changes, with aliases mapped to the items' new slots.
    std::vector<int> item_slots;
    for (auto& p : pending) {
        int slot = query_->slot_count++;
        query_->slot_names.push_back(p.name);
        query_->slot_kinds.push_back(p.kind);
        item_slots.push_back(slot);
    }
    if (!body.order_by.empty()) {
        Scope saved = scope_;
        if (out.distinct || out.aggregating) {
            // Only the projected columns (and expressions over them) remain meaningful, but
            // expressions equal to a grouping key are still allowed: keep variables visible.
        }
        for (std::size_t i = 0; i < pending.size(); ++i) declare(pending[i].name, item_slots[i], pending[i].kind);
        for (const auto& sort : body.order_by) {
            SortKey key;
            aggregates_ = out.aggregating ? &collector : nullptr;
            try {
                key.expression = bind_expression(sort.expression);
            } catch (...) {
                aggregates_ = nullptr;
                throw;
            }
            aggregates_ = nullptr;
            key.descending = sort.descending;
            out.order_by.push_back(std::move(key));
        }
        scope_ = std::move(saved);
        if (!out.aggregating && !specs.empty()) {
            fail(ErrorKind::Semantic, "SyntaxError", "InvalidAggregation",
                 "ORDER BY cannot aggregate when the projection does not", body);
        }
    }
    if (body.skip) out.skip = bind_skip_limit(*body.skip, "SKIP");
    if (body.limit) out.limit = bind_skip_limit(*body.limit, "LIMIT");
    for (const ExprPtr* e : {&out.skip, &out.limit}) {
        if (*e && (*e)->kind == ExprKind::Constant) {
            const Value& v = (*e)->value;
            if (v.is_float() || v.is_string() || v.is_bool()) {
                fail(ErrorKind::Semantic, "SyntaxError", "InvalidArgumentType",
                     std::string("SKIP and LIMIT need an integer, got ") + v.to_string(), body);
            }
            if (v.is_int() && v.as_int() < 0) {
                fail(ErrorKind::Semantic, "SyntaxError", "NegativeIntegerArgument",
                     "SKIP and LIMIT need a non-negative integer, got " + v.to_string(), body);
            }
        }
    }

    // The new scope: only the projected names.
    scope_.clear();
    for (std::size_t i = 0; i < pending.size(); ++i) {
        ProjectionColumn col;
        col.name = pending[i].name;
        col.expression = std::move(pending[i].expr);
        col.slot = item_slots[i];
        if (!pending[i].aggregate) out.key_items.push_back(static_cast<int>(i));
        if (!(pending[i].name.empty())) declare(pending[i].name, item_slots[i], pending[i].kind);
        out.items.push_back(std::move(col));
    }
    out.aggregates = std::move(specs);
    if (where) {
        out.where = split_conjuncts(bind_expression(*where));
    }
    return out;
}

}  // namespace kgq::binder
