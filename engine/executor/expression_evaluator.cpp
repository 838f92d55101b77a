// engine/executor/expression_evaluator.cpp — the interpreter of bound expressions (see the
// header). Three-valued logic short-circuits as openCypher allows: false AND x is false
// even when x would fail on a null.
#include "executor/expression_evaluator.hpp"

#include "executor/physical_operator.hpp"
#include "function/function_registry.hpp"
#include "parser.hpp"
#include "value/temporal.hpp"
#include "value/value_ops.hpp"

#include <cmath>

namespace kgq::executor {

using binder::BoundExpression;
using binder::ExprKind;

void runtime_error(const ExecutionContext& ctx, ErrorKind kind, std::string code, std::string detail,
                   std::string message, std::uint32_t offset, std::uint32_t length) {
    Error error;
    error.kind = kind;
    error.code = std::move(code);
    error.detail = std::move(detail);
    error.message = std::move(message);
    error.at_compile_time = false;
    if (length > 0 || offset > 0) {
        auto lc = grammar::line_column(ctx.text, offset);
        error.line = lc.line;
        error.column = lc.column;
        error.offset = offset;
        error.length = length;
    }
    throw Exception(std::move(error));
}

Value node_value(storage::NodeId id) {
    Node n;
    n.id = id;
    return Value(std::move(n));
}

Value relationship_value(const storage::GraphStore& store, storage::RelId id) {
    Relationship r;
    r.id = id;
    r.start = store.rel_source(id);
    r.end = store.rel_target(id);
    // The type name is filled in only when the value leaves the engine (result_materializer):
    // a string per expanded relationship would dominate pattern matching.
    return Value(std::move(r));
}

namespace {

[[noreturn]] void type_error(const ExecutionContext& ctx, const BoundExpression& e, const std::string& message) {
    runtime_error(ctx, ErrorKind::Type, "TypeError", "InvalidArgumentType", message, e.offset, e.length);
}

Value index_value(const Value& base, const Value& index, ExecutionContext& ctx, const BoundExpression& e) {
    if (base.is_null() || index.is_null()) return Value();
    if (base.is_list()) {
        if (!index.is_int())
            type_error(ctx, e, std::string("List index must be an integer, got ") + kind_name(index.kind()));
        const List& list = base.as_list();
        std::int64_t i = index.as_int();
        std::int64_t n = static_cast<std::int64_t>(list.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) return Value();
        return list[static_cast<std::size_t>(i)];
    }
    if (base.is_map() || base.is_node() || base.is_relationship()) {
        if (!index.is_string()) {
            runtime_error(ctx, ErrorKind::Type, "TypeError", "MapElementAccessByNonString",
                          std::string("Map key must be a string, got ") + kind_name(index.kind()), e.offset, e.length);
        }
        return property_of(base, index.as_string(), ctx, &e);
    }
    type_error(ctx, e, std::string("Cannot index a value of type ") + kind_name(base.kind()));
}

Value slice_value(const Value& base, const Value* from, const Value* to, ExecutionContext& ctx,
                  const BoundExpression& e) {
    if (base.is_null()) return Value();
    if ((from && from->is_null()) || (to && to->is_null())) return Value();
    if (!base.is_list()) type_error(ctx, e, std::string("Cannot slice a value of type ") + kind_name(base.kind()));
    const List& list = base.as_list();
    std::int64_t n = static_cast<std::int64_t>(list.size());
    auto clamp = [&](const Value* v, std::int64_t dflt) {
        if (!v) return dflt;
        if (!v->is_int()) type_error(ctx, e, "List slice bounds must be integers");
        std::int64_t i = v->as_int();
        if (i < 0) i += n;
        return std::clamp<std::int64_t>(i, 0, n);
    };
    std::int64_t a = clamp(from, 0), b = clamp(to, n);
    List out;
    for (std::int64_t i = a; i < b; ++i) out.push_back(list[static_cast<std::size_t>(i)]);
    return Value(std::move(out));
}

Value all_properties(const Value& base, ExecutionContext& ctx) {
    const auto& store = ctx.store;
    Map m;
    if (base.is_node()) {
        for (auto& [k, v] : store.node_properties(base.as_node().id)) m[store.catalog().property_key_name(k)] = v;
    } else if (base.is_relationship()) {
        for (auto& [k, v] : store.rel_properties(base.as_relationship().id))
            m[store.catalog().property_key_name(k)] = v;
    } else if (base.is_map()) {
        return base;
    }
    return Value(std::move(m));
}

Value build_path(const BoundExpression& e, Row& row, ExecutionContext& ctx) {
    Path path;
    const auto& store = ctx.store;
    for (std::size_t i = 0; i < e.path_slots.size(); ++i) {
        const Value& v = row[e.path_slots[i]];
        if (v.is_null()) return Value();
        if (i % 2 == 0) {
            if (path.nodes.empty()) path.nodes.push_back(v.as_node());
            continue;
        }
        // A relationship (or a list of them for var-length): walk from the last node.
        auto step = [&](const Relationship& r) {
            std::uint64_t last = path.nodes.back().id;
            std::uint64_t next = r.start == last ? r.end : r.start;
            path.relationships.push_back(r);
            Node n;
            n.id = next;
            path.nodes.push_back(n);
        };
        if (e.rel_is_list[i]) {
            for (const auto& r : v.as_list()) step(r.as_relationship());
        } else {
            step(v.as_relationship());
        }
        (void)store;
    }
    return Value(std::move(path));
}

Value run_subquery(const BoundExpression& e, Row& row, ExecutionContext& ctx) {
    PhysicalOperator& plan = *ctx.subplans.at(e.subquery_id);
    plan.open(ctx, row);
    Row sub(row.size());
    if (e.subquery_mode == binder::SubqueryMode::Exists) {
        return Value(plan.next(ctx, sub));
    }
    const auto& projection = ctx.query.subqueries[e.subquery_id].projection;
    List out;
    while (plan.next(ctx, sub)) {
        out.push_back(projection ? evaluate(*projection, sub, ctx) : Value());
    }
    return Value(std::move(out));
}

bool properties_match(const Value& entity, const Value& map, ExecutionContext& ctx, const BoundExpression& e) {
    if (entity.is_null()) return false;
    if (!map.is_map()) type_error(ctx, e, "Pattern properties must be a map");
    for (const auto& [k, v] : map.as_map()) {
        if (!value::is_true(value::equals(property_of(entity, k, ctx, &e), v))) return false;
    }
    return true;
}

}  // namespace

Value property_of(const Value& base, const std::string& key, ExecutionContext& ctx, const BoundExpression* at) {
    const auto& store = ctx.store;
    switch (base.kind()) {
        case ValueKind::Null: return Value();
        case ValueKind::Node: {
            auto k = store.catalog().find_property_key(key);
            if (!k) return Value();
            storage::NodeId id = base.as_node().id;
            if (!store.node_alive(id)) {
                runtime_error(ctx, ErrorKind::Runtime, "EntityNotFound", "DeletedEntityAccess",
                              "The node was deleted by this statement", at ? at->offset : 0, at ? at->length : 0);
            }
            return store.node_property(id, *k);
        }
        case ValueKind::Relationship: {
            auto k = store.catalog().find_property_key(key);
            if (!k) return Value();
            storage::RelId id = base.as_relationship().id;
            if (!store.rel_alive(id)) {
                runtime_error(ctx, ErrorKind::Runtime, "EntityNotFound", "DeletedEntityAccess",
                              "The relationship was deleted by this statement", at ? at->offset : 0,
                              at ? at->length : 0);
            }
            return store.rel_property(id, *k);
        }
        case ValueKind::Map: {
            const Value* v = base.as_map().find(key);
            return v ? *v : Value();
        }
        case ValueKind::Date:
        case ValueKind::LocalTime:
        case ValueKind::Time:
        case ValueKind::LocalDateTime:
        case ValueKind::DateTime:
        case ValueKind::Duration: return value::temporal_component(base, key);
        default:
            if (at)
                type_error(
                    ctx, *at,
                    std::string("Cannot read property '") + key + "' of a value of type " + kind_name(base.kind()));
            return Value();
    }
}

namespace {

// Errors thrown by value semantics carry no position: give them this expression's.
void locate(Exception& ex, const BoundExpression& e, const ExecutionContext& ctx) {
    if (ex.error().line == 0 && e.length > 0) {
        auto lc = grammar::line_column(ctx.text, e.offset);
        ex.error().line = lc.line;
        ex.error().column = lc.column;
        ex.error().offset = e.offset;
        ex.error().length = e.length;
        ex.error().at_compile_time = false;
    }
}

// Operators with two operands (and the postfix null tests): the recursion of long chains goes
// through here, so the frame stays small.
[[gnu::noinline]] Value evaluate_operator(const BoundExpression& e, Row& row, ExecutionContext& ctx) {
    Value a = evaluate(*e.children[0], row, ctx);
    try {
        switch (e.kind) {
            case ExprKind::Not: return value::logical_not(a);
            case ExprKind::Negate: return value::negate(a);
            case ExprKind::IsNull: return Value(a.is_null());
            case ExprKind::IsNotNull: return Value(!a.is_null());
            case ExprKind::And:
                if (a.is_bool() && !a.as_bool()) return Value(false);
                break;
            case ExprKind::Or:
                if (a.is_bool() && a.as_bool()) return Value(true);
                break;
            default: break;
        }
    } catch (Exception& ex) {
        locate(ex, e, ctx);
        throw;
    }
    Value b = evaluate(*e.children[1], row, ctx);
    try {
        switch (e.kind) {
            case ExprKind::And: return value::logical_and(a, b);
            case ExprKind::Or: return value::logical_or(a, b);
            case ExprKind::Xor: return value::logical_xor(a, b);
            case ExprKind::Equal: return value::equals(a, b);
            case ExprKind::NotEqual: return value::not_equals(a, b);
            case ExprKind::Less: return value::less(a, b);
            case ExprKind::LessEqual: return value::less_equal(a, b);
            case ExprKind::Greater: return value::greater(a, b);
            case ExprKind::GreaterEqual: return value::greater_equal(a, b);
            case ExprKind::RegexMatch: return value::regex_match(a, b);
            case ExprKind::In: return value::in_list(a, b);
            case ExprKind::StartsWith: return value::starts_with(a, b);
            case ExprKind::EndsWith: return value::ends_with(a, b);
            case ExprKind::Contains: return value::contains(a, b);
            case ExprKind::Add: return value::add(a, b);
            case ExprKind::Subtract: return value::subtract(a, b);
            case ExprKind::Multiply: return value::multiply(a, b);
            case ExprKind::Divide: return value::divide(a, b);
            case ExprKind::Modulo: return value::modulo(a, b);
            case ExprKind::Power: return value::power(a, b);
            default: return Value();
        }
    } catch (Exception& ex) {
        locate(ex, e, ctx);
        throw;
    }
}

[[gnu::noinline]] Value evaluate_complex(const BoundExpression& e, Row& row, ExecutionContext& ctx);

}  // namespace

// The hot entry point: cheap cases inline, operators and everything else in functions of
// their own, so that deep expression trees do not need big stack frames per level.
Value evaluate(const BoundExpression& e, Row& row, ExecutionContext& ctx) {
    switch (e.kind) {
        case ExprKind::Constant: return e.value;
        case ExprKind::Variable:
        case ExprKind::AggregateRef: return row[e.slot];
        case ExprKind::Not:
        case ExprKind::Negate:
        case ExprKind::IsNull:
        case ExprKind::IsNotNull:
        case ExprKind::And:
        case ExprKind::Or:
        case ExprKind::Xor:
        case ExprKind::Equal:
        case ExprKind::NotEqual:
        case ExprKind::Less:
        case ExprKind::LessEqual:
        case ExprKind::Greater:
        case ExprKind::GreaterEqual:
        case ExprKind::RegexMatch:
        case ExprKind::In:
        case ExprKind::StartsWith:
        case ExprKind::EndsWith:
        case ExprKind::Contains:
        case ExprKind::Add:
        case ExprKind::Subtract:
        case ExprKind::Multiply:
        case ExprKind::Divide:
        case ExprKind::Modulo:
        case ExprKind::Power: return evaluate_operator(e, row, ctx);
        default: return evaluate_complex(e, row, ctx);
    }
}

namespace {

Value evaluate_complex(const BoundExpression& e, Row& row, ExecutionContext& ctx) {
    auto eval = [&](std::size_t i) { return evaluate(*e.children[i], row, ctx); };
    try {
        switch (e.kind) {
            case ExprKind::Constant: return e.value;
            case ExprKind::Parameter: {
                auto it = ctx.parameters.find(e.name);
                if (it == ctx.parameters.end()) {
                    runtime_error(ctx, ErrorKind::Semantic, "ParameterMissing", "MissingParameter",
                                  "Expected parameter $" + e.name, e.offset, e.length);
                }
                return it->second;
            }
            case ExprKind::Variable:
            case ExprKind::AggregateRef: return row[e.slot];
            case ExprKind::Property: return property_of(eval(0), e.name, ctx, &e);
            case ExprKind::Function: {
                if (!e.function) {  // planner-made check of a {..} given as a parameter
                    return Value(properties_match(eval(0), eval(1), ctx, e));
                }
                std::vector<Value> args;
                args.reserve(e.children.size());
                for (std::size_t i = 0; i < e.children.size(); ++i) args.push_back(eval(i));
                // Reading a deleted entity's labels, type or properties is an error (openCypher).
                if (!args.empty() && (e.name == "labels" || e.name == "properties" || e.name == "keys")) {
                    bool dead = (args[0].is_node() && !ctx.store.node_alive(args[0].as_node().id)) ||
                                (args[0].is_relationship() && !ctx.store.rel_alive(args[0].as_relationship().id));
                    if (dead) {
                        runtime_error(ctx, ErrorKind::Runtime, "EntityNotFound", "DeletedEntityAccess",
                                      "The entity was deleted by this statement", e.offset, e.length);
                    }
                }
                function::FunctionContext fctx{&ctx.store};
                return e.function->fn(args, fctx);
            }
            case ExprKind::ListLiteral: {
                List out;
                out.reserve(e.children.size());
                for (std::size_t i = 0; i < e.children.size(); ++i) out.push_back(eval(i));
                return Value(std::move(out));
            }
            case ExprKind::MapLiteral: {
                Map out;
                for (std::size_t i = 0; i < e.children.size(); ++i) out[e.keys[i]] = eval(i);
                return Value(std::move(out));
            }
            case ExprKind::Index: return index_value(eval(0), eval(1), ctx, e);
            case ExprKind::Slice: {
                Value base = eval(0);
                std::optional<Value> from, to;
                if (e.children[1]) from = eval(1);
                if (e.children[2]) to = eval(2);
                return slice_value(base, from ? &*from : nullptr, to ? &*to : nullptr, ctx, e);
            }
            case ExprKind::LabelCheck: {
                Value v = eval(0);
                if (v.is_null()) return Value();
                if (!v.is_node())
                    type_error(ctx, e, std::string("Label check needs a node, got ") + kind_name(v.kind()));
                for (const auto& label : e.keys) {
                    auto type = ctx.store.catalog().find_entity_type(label);
                    if (!type || !ctx.store.node_has_label(v.as_node().id, *type)) return Value(false);
                }
                return Value(true);
            }
            case ExprKind::Case: {
                std::size_t i = 0;
                Value subject;
                if (e.has_subject) subject = eval(i++);
                std::size_t end = e.children.size() - (e.has_else ? 1 : 0);
                for (; i < end; i += 2) {
                    Value when = eval(i);
                    bool hit = e.has_subject ? value::is_true(value::equals(subject, when)) : value::is_true(when);
                    if (hit) return eval(i + 1);
                }
                return e.has_else ? eval(e.children.size() - 1) : Value();
            }
            case ExprKind::ListComprehension: {
                Value list = eval(0);
                if (list.is_null()) return Value();
                if (!list.is_list()) type_error(ctx, e, std::string("Expected a list, got ") + kind_name(list.kind()));
                List out;
                Value saved = row[e.slot];
                std::size_t next = 1;
                const BoundExpression* filter = e.has_filter ? e.children[next++].get() : nullptr;
                const BoundExpression* projection = e.has_projection ? e.children[next++].get() : nullptr;
                for (const auto& item : list.as_list()) {
                    row[e.slot] = item;
                    if (filter && !value::is_true(evaluate(*filter, row, ctx))) continue;
                    out.push_back(projection ? evaluate(*projection, row, ctx) : item);
                }
                row[e.slot] = std::move(saved);
                return Value(std::move(out));
            }
            case ExprKind::Quantifier: {
                Value list = eval(0);
                if (list.is_null()) return Value();
                if (!list.is_list()) type_error(ctx, e, std::string("Expected a list, got ") + kind_name(list.kind()));
                Value saved = row[e.slot];
                std::size_t trues = 0, falses = 0, nulls = 0;
                for (const auto& item : list.as_list()) {
                    row[e.slot] = item;
                    Value r = e.has_filter ? evaluate(*e.children[1], row, ctx) : Value(true);
                    if (r.is_null()) ++nulls;
                    else if (value::is_true(r)) ++trues;
                    else ++falses;
                }
                row[e.slot] = std::move(saved);
                switch (e.quantifier) {
                    case binder::QuantifierKind::All: return falses ? Value(false) : nulls ? Value() : Value(true);
                    case binder::QuantifierKind::Any: return trues ? Value(true) : nulls ? Value() : Value(false);
                    case binder::QuantifierKind::None: return trues ? Value(false) : nulls ? Value() : Value(true);
                    case binder::QuantifierKind::Single:
                        if (trues > 1) return Value(false);
                        if (nulls) return Value();
                        return Value(trues == 1);
                }
                return Value();
            }
            case ExprKind::MapProjection: {
                Value base = eval(0);
                if (base.is_null()) return Value();
                Map out;
                for (const auto& item : e.map_items) {
                    using K = binder::MapProjectionEntry::Kind;
                    switch (item.kind) {
                        case K::Property: out[item.key] = property_of(base, item.key, ctx, &e); break;
                        case K::AllProperties: {
                            Value all = all_properties(base, ctx);
                            for (const auto& [k, v] : all.as_map()) out[k] = v;
                            break;
                        }
                        case K::Literal:
                        case K::Variable: out[item.key] = eval(item.child); break;
                    }
                }
                return Value(std::move(out));
            }
            case ExprKind::Subquery: return run_subquery(e, row, ctx);
            case ExprKind::PathBuild: return build_path(e, row, ctx);
            default: break;
        }
    } catch (Exception& ex) {
        locate(ex, e, ctx);
        throw;
    }
    return Value();
}

}  // namespace

}  // namespace kgq::executor
