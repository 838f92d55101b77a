// engine/binder/bind_projection.cpp — binding of RETURN and WITH: items and aliases,
// implicit grouping around aggregates, DISTINCT, ORDER BY scoping (aliases plus, as
// openCypher allows, the variables before the projection), SKIP/LIMIT, and WITH ... WHERE.
#include "binder/binder.hpp"

#include <cctype>
#include <functional>
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

// Structural equality of bound expressions (same operator, same operands).
bool same_expression(const BoundExpression& a, const BoundExpression& b) {
    if (a.kind != b.kind || a.slot != b.slot || a.name != b.name || a.keys != b.keys ||
        a.children.size() != b.children.size() || a.function != b.function || !(a.value == b.value)) {
        return false;
    }
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        if (!a.children[i] || !b.children[i]) {
            if (a.children[i] != b.children[i]) return false;
            continue;
        }
        if (!same_expression(*a.children[i], *b.children[i])) return false;
    }
    return true;
}

// The first variable (not local to a comprehension) whose slot is not in `allowed`.
const BoundExpression* foreign_variable(const BoundExpression& e, const std::set<int>& allowed, std::set<int>& locals) {
    if (e.kind == ExprKind::Variable && !allowed.count(e.slot) && !locals.count(e.slot)) return &e;
    bool scoped = e.kind == ExprKind::ListComprehension || e.kind == ExprKind::Quantifier;
    if (scoped) locals.insert(e.slot);
    const BoundExpression* found = nullptr;
    for (const auto& c : e.children) {
        if (c && !found) found = foreign_variable(*c, allowed, locals);
    }
    if (scoped) locals.erase(e.slot);
    return found;
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
        if (is_return && scope_.empty() && body.items.empty()) {
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
    const ast::ProjectionItem* unaliased = nullptr;
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
            // Reported after the other checks of the projection, as openCypher orders them.
            if (!is_return && p.expr->kind != ExprKind::Variable && !unaliased) unaliased = &item;
            // The item as written (with its parentheses: `(n:Foo)`), as Neo4j names columns.
            std::string_view written = item.end > item.begin && item.end <= text_.size()
                                           ? text_.substr(item.begin, item.end - item.begin)
                                           : std::string_view(item.text);
            while (!written.empty() && std::isspace(static_cast<unsigned char>(written.back())))
                written.remove_suffix(1);
            p.name = written.size() >= item.text.size() ? std::string(written) : item.text;
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
        // A projected variable keeps what is known of its types.
        query_->slot_types.push_back(p.expr->kind == ExprKind::Variable && p.expr->slot >= 0
                                         ? query_->slot_types[p.expr->slot]
                                         : std::vector<catalog::TypeId>{});
        item_slots.push_back(slot);
    }
    std::set<int> alias_slots(item_slots.begin(), item_slots.end());
    // Items that group: plain variables and property reads may appear next to aggregates.
    auto is_simple_key = [&](const BoundExpression& e) {
        for (std::size_t i = 0; i < pending.size(); ++i) {
            if (pending[i].aggregate) continue;
            const BoundExpression& k = *pending[i].expr;
            bool simple = k.kind == ExprKind::Variable ||
                          (k.kind == ExprKind::Property && k.children[0]->kind == ExprKind::Variable);
            if (simple && same_expression(k, e)) return true;
        }
        return false;
    };
    // openCypher: beside an aggregate, only grouping keys may be used (AmbiguousAggregationExpression).
    std::set<int> comprehension_locals;
    std::set<int> key_item_slots;  // variables read by grouping items (inside complex ones too)
    for (const auto& p : pending) {
        if (p.aggregate) continue;
        bool opaque = false;
        std::vector<const BoundExpression*> stack{p.expr.get()};
        while (!stack.empty()) {
            const BoundExpression* cur = stack.back();
            stack.pop_back();
            if (cur->kind == ExprKind::Variable) key_item_slots.insert(cur->slot);
            for (const auto& c : cur->children) {
                if (c) stack.push_back(c.get());
            }
        }
        (void)opaque;
    }
    std::function<void(const BoundExpression&, bool)> check_aggregate_item = [&](const BoundExpression& e,
                                                                                 bool in_order_by) {
        if (e.kind == ExprKind::AggregateRef || e.kind == ExprKind::Constant || e.kind == ExprKind::Parameter) return;
        if (is_simple_key(e)) return;
        if (e.kind == ExprKind::ListComprehension || e.kind == ExprKind::Quantifier) {
            comprehension_locals.insert(e.slot);
            for (const auto& c : e.children) {
                if (c) check_aggregate_item(*c, in_order_by);
            }
            comprehension_locals.erase(e.slot);
            return;
        }
        if (e.kind == ExprKind::Variable) {
            if (alias_slots.count(e.slot) || comprehension_locals.count(e.slot)) return;
            if (in_order_by && !key_item_slots.count(e.slot)) {
                fail(ErrorKind::Semantic, "SyntaxError", "UndefinedVariable",
                     "Variable `" + e.name + "` not defined: it is not projected",
                     ast::Located{e.offset, e.offset + e.length});
            }
            fail(ErrorKind::Semantic, "SyntaxError", "AmbiguousAggregationExpression",
                 "Expression mixes an aggregate with `" + e.name + "`, which is not a grouping key",
                 ast::Located{e.offset, e.offset + e.length});
        }
        for (const auto& c : e.children) {
            if (c) check_aggregate_item(*c, in_order_by);
        }
    };
    if (out.aggregating) {
        for (const auto& p : pending) {
            if (p.aggregate) check_aggregate_item(*p.expr, false);
        }
    }
    if (!body.order_by.empty()) {
        Scope saved = scope_;
        for (std::size_t i = 0; i < pending.size(); ++i)
            declare(pending[i].name, item_slots[i], pending[i].kind,
                    pending[i].expr ? pending[i].expr->type.kind : catalog::TypeKind::Any);
        std::size_t specs_before = specs.size();
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
        if (!out.aggregating && specs.size() > specs_before) {
            fail(ErrorKind::Semantic, "SyntaxError", "InvalidAggregation",
                 "ORDER BY cannot aggregate when the projection does not", body);
        }
        if (out.distinct || out.aggregating) {
            // After DISTINCT or grouping only the projected columns remain, and expressions
            // equal to a projected one.
            std::function<void(const BoundExpression&)> check = [&](const BoundExpression& e) {
                for (const auto& p : pending) {
                    if (same_expression(*p.expr, e)) return;
                }
                if (e.kind == ExprKind::AggregateRef) return;
                std::set<int> locals;
                if (e.kind == ExprKind::Variable && !alias_slots.count(e.slot)) {
                    fail(ErrorKind::Semantic, "SyntaxError", "UndefinedVariable",
                         "Variable `" + e.name + "` not defined: it is not projected",
                         ast::Located{e.offset, e.offset + e.length});
                }
                for (const auto& c : e.children) {
                    if (c) check(*c);
                }
            };
            for (const auto& key : out.order_by) {
                bool has_aggregate = contains_aggregate(*key.expression);
                if (out.aggregating && has_aggregate) check_aggregate_item(*key.expression, true);
                else check(*key.expression);
            }
            for (std::size_t i = specs_before; i < specs.size(); ++i) {
                bool projected = false;
                for (std::size_t j = 0; j < specs_before; ++j) {
                    projected |= specs[j].function == specs[i].function && specs[j].distinct == specs[i].distinct &&
                                 specs[j].argument && specs[i].argument &&
                                 same_expression(*specs[j].argument, *specs[i].argument);
                }
                if (projected) continue;
                std::set<int> locals;
                if (const auto* v =
                        specs[i].argument ? foreign_variable(*specs[i].argument, alias_slots, locals) : nullptr) {
                    fail(ErrorKind::Semantic, "SyntaxError", "UndefinedVariable",
                         "Variable `" + v->name + "` not defined: it is not projected",
                         ast::Located{v->offset, v->offset + v->length});
                }
            }
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

    if (unaliased) {
        fail(ErrorKind::Semantic, "SyntaxError", "NoExpressionAlias", "Expression in WITH must be aliased (use AS)",
             *unaliased);
    }
    // The new scope: only the projected names.
    Scope saved_before_projection = std::move(scope_);
    scope_.clear();
    for (std::size_t i = 0; i < pending.size(); ++i) {
        ProjectionColumn col;
        col.name = pending[i].name;
        col.expression = std::move(pending[i].expr);
        col.slot = item_slots[i];
        if (!pending[i].aggregate) out.key_items.push_back(static_cast<int>(i));
        if (!(pending[i].name.empty()))
            declare(pending[i].name, item_slots[i], pending[i].kind, col.expression->type.kind);
        out.items.push_back(std::move(col));
    }
    out.aggregates = std::move(specs);
    if (where) {
        // WITH ... WHERE sees the projected names and, as openCypher allows, the variables
        // bound before the WITH (their values are still in the row).
        Scope projected = scope_;
        for (const auto& [name, info] : saved_before_projection) {
            if (!projected.count(name) && !out.aggregating) scope_[name] = info;
        }
        out.where = bind_where(*where);
        scope_ = std::move(projected);
    }
    return out;
}

}  // namespace kgq::binder
