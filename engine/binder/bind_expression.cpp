// engine/binder/bind_expression.cpp — binding of expressions: literals converted (with
// overflow checks), variables resolved, operator chains folded into trees, functions and
// aggregates resolved, comprehensions given scoped variables, subqueries registered.
#include "binder/binder.hpp"

#include "binder/name_suggestion.hpp"
#include "function/aggregate.hpp"
#include "function/function_registry.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <set>

namespace kgq::binder {
namespace {

ExprPtr make(ExprKind kind, const ast::Located& at) {
    auto e = std::make_unique<BoundExpression>();
    e->kind = kind;
    e->offset = at.begin;
    e->length = at.end > at.begin ? at.end - at.begin : 0;
    return e;
}

ExprPtr make_binary(ExprKind kind, ExprPtr a, ExprPtr b, const ast::Located& at) {
    auto e = make(kind, at);
    e->offset = a->offset;
    std::uint32_t end = std::max(a->offset + a->length, b->offset + b->length);
    e->length = end - e->offset;
    e->children.push_back(std::move(a));
    e->children.push_back(std::move(b));
    return e;
}

ExprKind binary_kind(ast::BinaryOperator op) {
    using B = ast::BinaryOperator;
    switch (op) {
        case B::Or: return ExprKind::Or;
        case B::Xor: return ExprKind::Xor;
        case B::And: return ExprKind::And;
        case B::Equal: return ExprKind::Equal;
        case B::NotEqual: return ExprKind::NotEqual;
        case B::Less: return ExprKind::Less;
        case B::LessEqual: return ExprKind::LessEqual;
        case B::Greater: return ExprKind::Greater;
        case B::GreaterEqual: return ExprKind::GreaterEqual;
        case B::RegexMatch: return ExprKind::RegexMatch;
        case B::In: return ExprKind::In;
        case B::StartsWith: return ExprKind::StartsWith;
        case B::EndsWith: return ExprKind::EndsWith;
        case B::Contains: return ExprKind::Contains;
        case B::IsNull: return ExprKind::IsNull;
        case B::IsNotNull: return ExprKind::IsNotNull;
        case B::Add: return ExprKind::Add;
        case B::Subtract: return ExprKind::Subtract;
        case B::Multiply: return ExprKind::Multiply;
        case B::Divide: return ExprKind::Divide;
        case B::Modulo: return ExprKind::Modulo;
        case B::Power: return ExprKind::Power;
    }
    return ExprKind::Add;
}

bool is_comparison(ast::BinaryOperator op) {
    using B = ast::BinaryOperator;
    return op == B::Equal || op == B::NotEqual || op == B::Less || op == B::LessEqual || op == B::Greater ||
           op == B::GreaterEqual;
}

int tree_depth(const BoundExpression& e) {
    // Iterative over the left spine (where folded chains grow), recursive elsewhere (bounded
    // by the grammar's nesting limit).
    int depth = 0;
    const BoundExpression* cur = &e;
    int best = 0;
    while (cur) {
        ++depth;
        const BoundExpression* next = nullptr;
        for (std::size_t i = 0; i < cur->children.size(); ++i) {
            if (!cur->children[i]) continue;
            if (i == 0) {
                next = cur->children[0].get();
            } else {
                best = std::max(best, depth + tree_depth(*cur->children[i]));
            }
        }
        cur = next;
    }
    return std::max(best, depth);
}

const ast::Located& located_of(const ast::Expression& e) {
    return boost::apply_visitor(
        [](const auto& node) -> const ast::Located& {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_base_of_v<ast::Located, T>) {
                return node;
            } else {
                return node.get();
            }
        },
        e);
}

}  // namespace

std::unique_ptr<BoundExpression> BoundExpression::clone() const {
    auto e = std::make_unique<BoundExpression>();
    e->kind = kind;
    e->offset = offset;
    e->length = length;
    e->type = type;
    e->value = value;
    e->name = name;
    e->slot = slot;
    e->function = function;
    for (const auto& c : children) e->children.push_back(c ? c->clone() : nullptr);
    e->keys = keys;
    e->has_subject = has_subject;
    e->has_else = has_else;
    e->has_filter = has_filter;
    e->has_projection = has_projection;
    e->quantifier = quantifier;
    e->map_items = map_items;
    e->subquery_id = subquery_id;
    e->subquery_mode = subquery_mode;
    e->outer_slots_known = outer_slots_known;
    e->outer_slots = outer_slots;
    e->path_slots = path_slots;
    e->rel_is_list = rel_is_list;
    return e;
}

ExprPtr Binder::make_int_literal(const ast::IntLiteral& lit, bool negated) {
    const std::string& t = lit.text;
    int base = 10;
    std::size_t start = 0;
    if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
        base = 16;
        start = 2;
    } else if (t.size() > 2 && t[0] == '0' && (t[1] == 'o' || t[1] == 'O')) {
        base = 8;
        start = 2;
    }
    // Accumulate as unsigned so that -9223372036854775808 is representable.
    unsigned long long magnitude = 0;
    const unsigned long long limit = negated ? 9223372036854775808ULL : 9223372036854775807ULL;
    bool overflow = false;
    for (std::size_t i = start; i < t.size(); ++i) {
        char c = t[i];
        int d = (c >= '0' && c <= '9')   ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : -1;
        if (d < 0 || d >= base) {
            fail(ErrorKind::Syntax, "SyntaxError", "InvalidNumberLiteral", "Invalid number literal '" + t + "'", lit);
        }
        if (magnitude > (limit - d) / base) {
            overflow = true;
            break;
        }
        magnitude = magnitude * base + d;
    }
    if (overflow) {
        fail(ErrorKind::Syntax, "SyntaxError", "IntegerOverflow",
             "Integer literal " + std::string(negated ? "-" : "") + t + " is too large for a 64-bit integer", lit);
    }
    auto e = make(ExprKind::Constant, lit);
    std::int64_t v = negated ? (magnitude == 9223372036854775808ULL ? std::numeric_limits<std::int64_t>::min()
                                                                    : -static_cast<std::int64_t>(magnitude))
                             : static_cast<std::int64_t>(magnitude);
    e->value = Value(v);
    e->type = catalog::LogicalType::of(catalog::TypeKind::Int);
    return e;
}

ExprPtr Binder::bind_expression(const ast::Expression& expr) {
    if (++depth_ > max_expression_depth) {
        fail(ErrorKind::Syntax, "SyntaxError", "NestingTooDeep", "Expression nested too deeply", located_of(expr));
    }
    struct DepthGuard {
        int& d;
        ~DepthGuard() { --d; }
    } guard{depth_};

    using namespace catalog;
    return boost::apply_visitor(
        [&](const auto& node) -> ExprPtr {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::NullLiteral>) {
                return make(ExprKind::Constant, node);
            } else if constexpr (std::is_same_v<T, ast::BoolLiteral>) {
                auto e = make(ExprKind::Constant, node);
                e->value = Value(node.value);
                e->type = LogicalType::of(TypeKind::Bool);
                return e;
            } else if constexpr (std::is_same_v<T, ast::IntLiteral>) {
                return make_int_literal(node, false);
            } else if constexpr (std::is_same_v<T, ast::FloatLiteral>) {
                errno = 0;
                double d = std::strtod(node.text.c_str(), nullptr);
                if (errno == ERANGE && std::isinf(d)) {
                    fail(ErrorKind::Syntax, "SyntaxError", "FloatingPointOverflow",
                         "Float literal " + node.text + " is too large", node);
                }
                auto e = make(ExprKind::Constant, node);
                e->value = Value(d);
                e->type = LogicalType::of(TypeKind::Float);
                return e;
            } else if constexpr (std::is_same_v<T, ast::StringLiteral>) {
                auto e = make(ExprKind::Constant, node);
                e->value = Value(node.value);
                e->type = LogicalType::of(TypeKind::String);
                return e;
            } else if constexpr (std::is_same_v<T, ast::Parameter>) {
                auto it = parameters_.find(node.name);
                if (it == parameters_.end()) {
                    fail(ErrorKind::Semantic, "ParameterMissing", "MissingParameter",
                         "Expected parameter $" + node.name + " to be given", node);
                }
                auto e = make(ExprKind::Parameter, node);
                e->name = node.name;
                // The supplied value's type: checked where the parameter is used.
                if (!it->second.is_null()) e->type = LogicalType::of(catalog::type_kind_of(it->second));
                return e;
            } else if constexpr (std::is_same_v<T, ast::Variable>) {
                const VariableInfo* info = lookup(node.name);
                if (!info) {
                    std::vector<std::string> names;
                    for (const auto& [n, _] : scope_) names.push_back(n);
                    fail(ErrorKind::Semantic, "SyntaxError", "UndefinedVariable",
                         "Variable `" + node.name + "` not defined" + did_you_mean(node.name, names), node);
                }
                auto e = make(ExprKind::Variable, node);
                e->slot = info->slot;
                e->name = node.name;
                switch (info->kind) {
                    case VariableKind::Node: e->type = LogicalType::of(TypeKind::Node); break;
                    case VariableKind::Relationship: e->type = LogicalType::of(TypeKind::Relationship); break;
                    case VariableKind::RelationshipList: e->type = LogicalType::list_of(TypeKind::Relationship); break;
                    case VariableKind::Path: e->type = LogicalType::of(TypeKind::Path); break;
                    default: e->type = LogicalType::of(info->value_type); break;
                }
                return e;
            } else {
                const auto& n = node.get();
                using N = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<N, ast::ListLiteral>) {
                    auto e = make(ExprKind::ListLiteral, n);
                    for (const auto& item : n.items) e->children.push_back(bind_expression(item));
                    e->type = LogicalType::of(TypeKind::List);
                    return e;
                } else if constexpr (std::is_same_v<N, ast::MapLiteral>) {
                    auto e = make(ExprKind::MapLiteral, n);
                    for (const auto& entry : n.entries) {
                        e->keys.push_back(entry.key);
                        e->children.push_back(bind_expression(entry.value));
                    }
                    e->type = LogicalType::of(TypeKind::Map);
                    return e;
                } else if constexpr (std::is_same_v<N, ast::FunctionCall>) {
                    return bind_function(n);
                } else if constexpr (std::is_same_v<N, ast::CaseExpression>) {
                    return bind_case(n);
                } else if constexpr (std::is_same_v<N, ast::ListComprehension>) {
                    return bind_list_comprehension(n);
                } else if constexpr (std::is_same_v<N, ast::PatternComprehension>) {
                    return bind_pattern_subquery(n.element, n.path_variable, n.where, &n.projection, n,
                                                 SubqueryMode::Collect);
                } else if constexpr (std::is_same_v<N, ast::Quantifier>) {
                    return bind_quantifier(n);
                } else if constexpr (std::is_same_v<N, ast::ExistsSubquery>) {
                    return bind_exists_subquery(n);
                } else if constexpr (std::is_same_v<N, ast::PatternPredicate>) {
                    if (!pattern_predicates_allowed_) {
                        fail(ErrorKind::Syntax, "SyntaxError", "UnexpectedSyntax",
                             "A pattern can only be used as a predicate in WHERE (or inside exists()); use EXISTS { "
                             "pattern } or a pattern comprehension",
                             n);
                    }
                    return bind_pattern_subquery(n.element, boost::none, boost::none, nullptr, n, SubqueryMode::Exists);
                } else if constexpr (std::is_same_v<N, ast::MapProjection>) {
                    return bind_map_projection(n);
                } else if constexpr (std::is_same_v<N, ast::UnaryOperation>) {
                    if (n.op == ast::UnaryOperator::Minus) {
                        // -9223372036854775808 is a literal, not the negation of an overflow.
                        if (const auto* lit = boost::get<ast::IntLiteral>(&n.operand)) {
                            auto e = make_int_literal(*lit, true);
                            e->offset = n.begin;
                            e->length = n.end - n.begin;
                            return e;
                        }
                        if (const auto* lit = boost::get<ast::FloatLiteral>(&n.operand)) {
                            auto e = bind_expression(n.operand);
                            e->value = Value(-e->value.as_float());
                            return e;
                        }
                    }
                    auto operand = bind_expression(n.operand);
                    if (n.op == ast::UnaryOperator::Plus) return operand;
                    if (n.op == ast::UnaryOperator::Not) check_boolean_operand(*operand, "NOT");
                    auto e = make(n.op == ast::UnaryOperator::Not ? ExprKind::Not : ExprKind::Negate, n);
                    e->type = n.op == ast::UnaryOperator::Not ? LogicalType::of(TypeKind::Bool) : operand->type;
                    e->children.push_back(std::move(operand));
                    return e;
                } else if constexpr (std::is_same_v<N, ast::OperatorChain>) {
                    return bind_chain(n);
                } else if constexpr (std::is_same_v<N, ast::AccessChain>) {
                    return bind_access_chain(n);
                } else {
                    static_assert(sizeof(N) == 0, "unhandled expression node");
                }
            }
        },
        expr);
}

// openCypher rejects at compile time operands whose type is known and wrong (NOT 1, 'a' AND true).
void Binder::check_boolean_operand(const BoundExpression& e, const char* op) const {
    using catalog::TypeKind;
    TypeKind k = e.type.kind;
    if (k == TypeKind::Any || k == TypeKind::Bool || k == TypeKind::Null) return;
    if (e.kind == ExprKind::Constant && e.value.is_null()) return;
    if (e.kind != ExprKind::Constant && e.kind != ExprKind::ListLiteral && e.kind != ExprKind::MapLiteral) return;
    fail(ErrorKind::Type, "SyntaxError", "InvalidArgumentType",
         std::string("Type mismatch: ") + op + " expected BOOLEAN but was " + e.type.to_string(),
         ast::Located{e.offset, e.offset + e.length});
}

ExprPtr Binder::bind_chain(const ast::OperatorChain& chain) {
    // Folding makes a tree as deep as the chain is long, and evaluating (and freeing) it
    // recurses: refuse absurdly long chains before building anything.
    if (chain.rest.size() > static_cast<std::size_t>(max_expression_depth)) {
        fail(ErrorKind::Syntax, "SyntaxError", "NestingTooDeep",
             "Expression too long: more than " + std::to_string(max_expression_depth) + " operators in a row", chain);
    }
    ExprPtr left = bind_expression(chain.first);
    if (chain.rest.empty()) return left;
    using catalog::LogicalType;
    using catalog::TypeKind;
    // Comparison chains: a < b <= c means a < b AND b <= c.
    if (is_comparison(chain.rest.front().op)) {
        ExprPtr result;
        for (const auto& op : chain.rest) {
            ExprPtr right = bind_expression(op.operand);
            check_comparable(*left, *right, op);
            ExprPtr right_copy = right->clone();
            auto cmp = make_binary(binary_kind(op.op), std::move(left), std::move(right), op);
            cmp->type = LogicalType::of(TypeKind::Bool);
            result = result ? make_binary(ExprKind::And, std::move(result), std::move(cmp), op) : std::move(cmp);
            result->type = LogicalType::of(TypeKind::Bool);
            left = std::move(right_copy);
        }
        if (tree_depth(*result) > max_expression_depth) {
            fail(ErrorKind::Syntax, "SyntaxError", "NestingTooDeep", "Expression nested too deeply", chain);
        }
        return result;
    }
    for (const auto& op : chain.rest) {
        ExprKind kind = binary_kind(op.op);
        if (kind == ExprKind::IsNull || kind == ExprKind::IsNotNull) {
            auto e = make(kind, op);
            e->offset = left->offset;
            e->length = op.end - left->offset;
            e->type = LogicalType::of(TypeKind::Bool);
            e->children.push_back(std::move(left));
            left = std::move(e);
            continue;
        }
        ExprPtr right = bind_expression(op.operand);
        if (kind == ExprKind::And || kind == ExprKind::Or || kind == ExprKind::Xor) {
            const char* name = kind == ExprKind::And ? "AND" : kind == ExprKind::Or ? "OR" : "XOR";
            check_boolean_operand(*left, name);
            check_boolean_operand(*right, name);
        }
        if (kind == ExprKind::Subtract || kind == ExprKind::Multiply || kind == ExprKind::Divide ||
            kind == ExprKind::Modulo || kind == ExprKind::Power) {
            check_arithmetic_operand(*left, op);
            check_arithmetic_operand(*right, op);
        }
        if (kind == ExprKind::In) {
            using catalog::TypeKind;
            TypeKind k = right->type.kind;
            if (k != TypeKind::Any && k != TypeKind::Null && k != TypeKind::List) {
                fail(ErrorKind::Type, "SyntaxError", "InvalidArgumentType",
                     "Type mismatch: IN expected a LIST but was " + right->type.to_string(),
                     ast::Located{right->offset, right->offset + right->length});
            }
        }
        auto e = make_binary(kind, std::move(left), std::move(right), op);
        switch (kind) {
            case ExprKind::And:
            case ExprKind::Or:
            case ExprKind::Xor:
            case ExprKind::In:
            case ExprKind::StartsWith:
            case ExprKind::EndsWith:
            case ExprKind::Contains:
            case ExprKind::RegexMatch: e->type = LogicalType::of(TypeKind::Bool); break;
            default: {
                auto a = e->children[0]->type.kind, b = e->children[1]->type.kind;
                if (a == TypeKind::Int && b == TypeKind::Int && kind != ExprKind::Power)
                    e->type = LogicalType::of(TypeKind::Int);
                else if ((a == TypeKind::Int || a == TypeKind::Float) && (b == TypeKind::Int || b == TypeKind::Float))
                    e->type = LogicalType::of(TypeKind::Float);
            }
        }
        left = std::move(e);
    }
    if (chain.rest.size() > 64 && tree_depth(*left) > max_expression_depth) {
        fail(ErrorKind::Syntax, "SyntaxError", "NestingTooDeep", "Expression nested too deeply", chain);
    }
    return left;
}

ExprPtr Binder::bind_access_chain(const ast::AccessChain& chain) {
    // m.a.b[0]... folds into a tree as deep as the chain is long (as bind_chain's operators do).
    if (chain.accessors.size() > static_cast<std::size_t>(max_expression_depth)) {
        fail(ErrorKind::Syntax, "SyntaxError", "NestingTooDeep",
             "Expression too long: more than " + std::to_string(max_expression_depth) +
                 " property lookups, indexes or label checks in a row",
             chain);
    }
    ExprPtr base = bind_expression(chain.base);
    for (const auto& accessor : chain.accessors) {
        base = boost::apply_visitor(
            [&](const auto& a) -> ExprPtr {
                using A = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<A, ast::PropertyLookup>) {
                    using catalog::TypeKind;
                    TypeKind k = base->type.kind;
                    if (k == TypeKind::Int || k == TypeKind::Float || k == TypeKind::String || k == TypeKind::Bool ||
                        k == TypeKind::List || k == TypeKind::Path) {
                        // openCypher names a path's missing properties a syntax error, the others type errors.
                        fail(ErrorKind::Type, k == TypeKind::Path ? "SyntaxError" : "TypeError", "InvalidArgumentType",
                             "Type mismatch: expected a node, relationship, map or temporal value but was " +
                                 base->type.to_string(),
                             ast::Located{base->offset, a.end});
                    }
                    check_property_access(*base, a.key, a);
                    auto e = make(ExprKind::Property, a);
                    e->offset = base->offset;
                    e->length = a.end - base->offset;
                    e->name = a.key;
                    e->type = declared_property_type(*base, a.key);
                    e->children.push_back(std::move(base));
                    return e;
                } else if constexpr (std::is_same_v<A, ast::LabelCheck>) {
                    auto e = make(ExprKind::LabelCheck, a);
                    e->offset = base->offset;
                    e->length = a.end - base->offset;
                    e->keys = a.labels;
                    e->type = catalog::LogicalType::of(catalog::TypeKind::Bool);
                    e->children.push_back(std::move(base));
                    return e;
                } else {
                    const auto& n = a.get();
                    using N = std::decay_t<decltype(n)>;
                    if constexpr (std::is_same_v<N, ast::IndexAccess>) {
                        auto e = make(ExprKind::Index, n);
                        e->offset = base->offset;
                        e->length = n.end - base->offset;
                        e->children.push_back(std::move(base));
                        e->children.push_back(bind_expression(n.index));
                        return e;
                    } else {
                        auto e = make(ExprKind::Slice, n);
                        e->offset = base->offset;
                        e->length = n.end - base->offset;
                        e->children.push_back(std::move(base));
                        e->children.push_back(n.from ? bind_expression(*n.from) : nullptr);
                        e->children.push_back(n.to ? bind_expression(*n.to) : nullptr);
                        return e;
                    }
                }
            },
            accessor);
    }
    if (chain.accessors.size() > 64 && tree_depth(*base) > max_expression_depth) {
        fail(ErrorKind::Syntax, "SyntaxError", "NestingTooDeep", "Expression nested too deeply", chain);
    }
    return base;
}

ExprPtr Binder::bind_aggregate(const ast::FunctionCall* call, const ast::Located& where) {
    if (!aggregates_) {
        fail(ErrorKind::Semantic, "SyntaxError", "InvalidAggregation",
             "Aggregate functions are only allowed in RETURN and WITH", where);
    }
    if (aggregates_->inside_aggregate) {
        fail(ErrorKind::Semantic, "SyntaxError", "NestedAggregation", "Aggregate functions cannot be nested", where);
    }
    AggregateSpec spec;
    spec.function = "count";
    if (call) {
        spec.function.clear();
        for (char c : call->name) spec.function += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        spec.distinct = call->distinct;
        if (call->arguments.empty()) {
            fail(ErrorKind::Semantic, "SyntaxError", "InvalidNumberOfArguments",
                 "Function " + call->name + "() needs an argument", where);
        }
        aggregates_->inside_aggregate = true;
        spec.argument = bind_expression(call->arguments[0]);
        std::vector<const BoundExpression*> stack{spec.argument.get()};
        while (!stack.empty()) {
            const BoundExpression* cur = stack.back();
            stack.pop_back();
            if (cur->kind == ExprKind::Function && cur->function && cur->function->volatile_result) {
                fail(ErrorKind::Semantic, "SyntaxError", "NonConstantExpression",
                     "An aggregate cannot take a non-deterministic function such as " + cur->name + "()", where);
            }
            for (const auto& c : cur->children) {
                if (c) stack.push_back(c.get());
            }
        }
        for (std::size_t i = 1; i < call->arguments.size(); ++i) {
            spec.constants.push_back(bind_expression(call->arguments[i]));
        }
        aggregates_->inside_aggregate = false;
        bool percentile = spec.function == "percentilecont" || spec.function == "percentiledisc";
        if ((percentile && call->arguments.size() != 2) || (!percentile && call->arguments.size() != 1)) {
            fail(ErrorKind::Semantic, "SyntaxError", "InvalidNumberOfArguments",
                 "Wrong number of arguments to " + call->name + "()", where);
        }
    }
    check_aggregate_argument(spec, where);
    spec.slot = new_slot("  agg" + std::to_string(hidden_counter_++), VariableKind::Value);
    auto e = make(ExprKind::AggregateRef, where);
    e->slot = spec.slot;
    e->name = call ? call->name : "count";
    if (spec.function == "count") e->type = catalog::LogicalType::of(catalog::TypeKind::Int);
    aggregates_->specs->push_back(std::move(spec));
    return e;
}

ExprPtr Binder::bind_function(const ast::FunctionCall& call) {
    if (call.star) return bind_aggregate(nullptr, call);
    if (function::is_aggregate(call.name)) return bind_aggregate(&call, call);
    const function::FunctionDef* def = function::find_function(call.name);
    if (!def) {
        fail(ErrorKind::Semantic, "SyntaxError", "UnknownFunction",
             "Unknown function '" + call.name + "'" + did_you_mean(call.name, function::function_names()), call);
    }
    int n = static_cast<int>(call.arguments.size());
    if (n < def->min_args || (def->max_args >= 0 && n > def->max_args)) {
        fail(ErrorKind::Semantic, "SyntaxError", "InvalidNumberOfArguments",
             "Function " + def->name + "() takes " +
                 (def->min_args == def->max_args
                      ? std::to_string(def->min_args)
                      : std::to_string(def->min_args) + " to " +
                            (def->max_args < 0 ? std::string("any") : std::to_string(def->max_args))) +
                 " argument(s), got " + std::to_string(n),
             call);
    }
    if (call.distinct) {
        fail(ErrorKind::Semantic, "SyntaxError", "InvalidArgument", "DISTINCT is only allowed in aggregate functions",
             call);
    }
    if (def->name == "size" && n == 1 && boost::get<ast::x3::forward_ast<ast::PatternPredicate>>(&call.arguments[0])) {
        fail(ErrorKind::Syntax, "SyntaxError", "UnexpectedSyntax",
             "size() of a pattern is not allowed; use COUNT { pattern } or size([pattern comprehension])", call);
    }
    // exists(pattern) is the Neo4j 4 spelling of the pattern predicate: bind it as that very
    // predicate, so every spelling of one question plans and answers alike. (The function
    // itself tests a value for non-null, which a pattern's boolean always is.)
    if (def->name == "exists" && n == 1 &&
        boost::get<ast::x3::forward_ast<ast::PatternPredicate>>(&call.arguments[0])) {
        bool saved = pattern_predicates_allowed_;
        pattern_predicates_allowed_ = true;
        ExprPtr predicate = bind_expression(call.arguments[0]);
        pattern_predicates_allowed_ = saved;
        return predicate;
    }
    auto e = make(ExprKind::Function, call);
    e->function = def;
    e->name = def->name;
    e->type = def->result_type;
    bool saved_allowed = pattern_predicates_allowed_;
    if (def->name == "exists") pattern_predicates_allowed_ = true;
    for (const auto& arg : call.arguments) e->children.push_back(bind_expression(arg));
    pattern_predicates_allowed_ = saved_allowed;
    check_argument_types(*e);
    return e;
}

// Arguments whose type is known at compile time and can never be accepted (openCypher
// reports these as SyntaxError InvalidArgumentType before running).
void Binder::check_argument_types(const BoundExpression& call) const {
    using catalog::TypeKind;
    if (call.children.empty()) return;
    const BoundExpression& arg = *call.children[0];
    TypeKind k = arg.type.kind;
    if (k == TypeKind::Any || k == TypeKind::Null) return;
    const std::string& n = call.name;
    bool bad = false;
    if (n == "labels") bad = k != TypeKind::Node;
    else if (n == "type") bad = k != TypeKind::Relationship;
    else if (n == "properties" || n == "keys")
        bad = k != TypeKind::Node && k != TypeKind::Relationship && k != TypeKind::Map;
    else if (n == "size") bad = k == TypeKind::Path || k == TypeKind::Node || k == TypeKind::Relationship;
    else if (n == "length") bad = k != TypeKind::Path && k != TypeKind::String && k != TypeKind::List;
    if (bad) {
        fail(ErrorKind::Type, "SyntaxError", "InvalidArgumentType",
             "Type mismatch: " + n + "() cannot take a " + arg.type.to_string(),
             ast::Located{arg.offset, arg.offset + arg.length});
    }
}

ExprPtr Binder::bind_case(const ast::CaseExpression& c) {
    auto e = make(ExprKind::Case, c);
    if (c.subject) {
        e->has_subject = true;
        e->children.push_back(bind_expression(*c.subject));
    }
    for (const auto& alt : c.alternatives) {
        e->children.push_back(bind_expression(alt.when));
        e->children.push_back(bind_expression(alt.then));
    }
    if (c.otherwise) {
        e->has_else = true;
        e->children.push_back(bind_expression(*c.otherwise));
    }
    return e;
}

ExprPtr Binder::bind_list_comprehension(const ast::ListComprehension& c) {
    auto e = make(ExprKind::ListComprehension, c);
    e->children.push_back(bind_expression(c.list));
    // Aggregates cannot be evaluated per element: none inside the comprehension.
    AggregateCollector* saved_aggregates = aggregates_;
    aggregates_ = nullptr;
    struct Restore {
        AggregateCollector*& target;
        AggregateCollector* value;
        ~Restore() { target = value; }
    } restore{aggregates_, saved_aggregates};
    Scope saved = scope_;
    e->slot = new_slot(c.variable.name, VariableKind::Value);
    if (c.where) {
        e->has_filter = true;
        e->children.push_back(bind_expression(*c.where));
    }
    if (c.projection) {
        e->has_projection = true;
        e->children.push_back(bind_expression(*c.projection));
    }
    scope_ = std::move(saved);
    e->type = catalog::LogicalType::of(catalog::TypeKind::List);
    return e;
}

ExprPtr Binder::bind_quantifier(const ast::Quantifier& q) {
    auto e = make(ExprKind::Quantifier, q);
    e->quantifier = static_cast<QuantifierKind>(q.kind);
    e->children.push_back(bind_expression(q.list));
    Scope saved = scope_;
    e->slot = new_slot(q.variable.name, VariableKind::Value);
    if (q.where) {
        e->has_filter = true;
        e->children.push_back(bind_expression(*q.where));
    }
    scope_ = std::move(saved);
    e->type = catalog::LogicalType::of(catalog::TypeKind::Bool);
    return e;
}

ExprPtr Binder::bind_map_projection(const ast::MapProjection& m) {
    auto e = make(ExprKind::MapProjection, m);
    e->children.push_back(bind_expression(ast::Expression(m.base)));
    for (const auto& item : m.items) {
        MapProjectionEntry entry;
        entry.key = item.key;
        switch (item.kind) {
            case ast::MapProjectionKind::Property: entry.kind = MapProjectionEntry::Kind::Property; break;
            case ast::MapProjectionKind::AllProperties: entry.kind = MapProjectionEntry::Kind::AllProperties; break;
            case ast::MapProjectionKind::Literal:
                entry.kind = MapProjectionEntry::Kind::Literal;
                entry.child = static_cast<int>(e->children.size());
                e->children.push_back(bind_expression(*item.value));
                break;
            case ast::MapProjectionKind::Variable: {
                entry.kind = MapProjectionEntry::Kind::Variable;
                entry.child = static_cast<int>(e->children.size());
                ast::Variable v;
                v.name = item.key;
                v.begin = item.begin;
                v.end = item.end;
                e->children.push_back(bind_expression(ast::Expression(v)));
                break;
            }
        }
        e->map_items.push_back(std::move(entry));
    }
    e->type = catalog::LogicalType::of(catalog::TypeKind::Map);
    return e;
}

ExprPtr Binder::bind_pattern_subquery(const ast::PatternElement& element,
                                      const boost::optional<std::string>& path_variable,
                                      const boost::optional<ast::Expression>& where, const ast::Expression* projection,
                                      const ast::Located& at, SubqueryMode mode) {
    Scope saved = scope_;
    AggregateCollector* saved_aggregates = aggregates_;
    aggregates_ = nullptr;
    BoundSubquery sub;
    BoundMatch match;
    ast::PatternPart part;
    part.path_variable = path_variable;
    part.element = element;
    part.begin = at.begin;
    part.end = at.end;
    if (mode == SubqueryMode::Exists) {
        // A pattern predicate may not introduce new named variables (openCypher).
        auto check = [&](const boost::optional<std::string>& v, const ast::Located& where_at) {
            if (v && !lookup(*v)) {
                fail(ErrorKind::Semantic, "SyntaxError", "UndefinedVariable", "Variable `" + *v + "` not defined",
                     where_at);
            }
        };
        check(element.start.variable, element.start);
        for (const auto& link : element.chain) {
            check(link.relationship.variable, link.relationship);
            check(link.node.variable, link.node);
        }
    }
    match.pattern = bind_pattern(ast::Pattern{part}, PatternUse::Match, &match.introduced_slots);
    if (where) match.where = bind_where(*where);
    if (projection) sub.projection = bind_expression(*projection);
    // The outer variables it reads: pattern elements and variables not introduced here.
    std::set<int> inner(match.introduced_slots.begin(), match.introduced_slots.end());
    std::set<int> outer;
    for (const auto& n : match.pattern.nodes) {
        if (!inner.count(n.slot)) outer.insert(n.slot);
    }
    for (const auto& r : match.pattern.rels) {
        if (!inner.count(r.slot)) outer.insert(r.slot);
    }
    std::vector<const BoundExpression*> stack;
    for (const auto& w : match.where) stack.push_back(w.get());
    if (sub.projection) stack.push_back(sub.projection.get());
    for (const auto& n : match.pattern.nodes) {
        for (const auto& [k, v] : n.properties) stack.push_back(v.get());
    }
    bool known = true;
    while (!stack.empty()) {
        const BoundExpression* cur = stack.back();
        stack.pop_back();
        if (cur->kind == ExprKind::Variable && !inner.count(cur->slot)) outer.insert(cur->slot);
        if (cur->kind == ExprKind::Subquery) {
            if (!cur->outer_slots_known) known = false;
            outer.insert(cur->outer_slots.begin(), cur->outer_slots.end());
        }
        for (const auto& c : cur->children) {
            if (c) stack.push_back(c.get());
        }
    }
    sub.query.clauses.emplace_back(std::move(match));
    scope_ = std::move(saved);
    aggregates_ = saved_aggregates;
    query_->subqueries.push_back(std::move(sub));
    auto e = make(ExprKind::Subquery, at);
    e->subquery_id = static_cast<int>(query_->subqueries.size() - 1);
    e->subquery_mode = mode;
    e->outer_slots_known = known;
    e->outer_slots.assign(outer.begin(), outer.end());
    e->type =
        catalog::LogicalType::of(mode == SubqueryMode::Exists ? catalog::TypeKind::Bool : catalog::TypeKind::List);
    return e;
}

ExprPtr Binder::bind_exists_subquery(const ast::ExistsSubquery& x) {
    if (x.pattern) {
        Scope saved = scope_;
        AggregateCollector* saved_aggregates = aggregates_;
        aggregates_ = nullptr;
        BoundSubquery sub;
        BoundMatch match;
        match.pattern = bind_pattern(*x.pattern, PatternUse::Match, &match.introduced_slots);
        if (x.where) match.where = bind_where(*x.where);
        sub.query.clauses.emplace_back(std::move(match));
        scope_ = std::move(saved);
        aggregates_ = saved_aggregates;
        query_->subqueries.push_back(std::move(sub));
    } else {
        Scope saved = scope_;
        AggregateCollector* saved_aggregates = aggregates_;
        aggregates_ = nullptr;
        BoundSubquery sub;
        if (!x.query->unions.empty()) {
            fail(ErrorKind::Semantic, "SyntaxError", "UnsupportedFeature",
                 "UNION inside EXISTS { } is not supported yet", x);
        }
        sub.query = bind_single_query(x.query->first, true);
        if (sub.query.writes) {
            fail(ErrorKind::Semantic, "SyntaxError", "InvalidClauseComposition",
                 "An EXISTS subquery cannot change the graph", x);
        }
        scope_ = std::move(saved);
        aggregates_ = saved_aggregates;
        query_->subqueries.push_back(std::move(sub));
    }
    auto e = make(ExprKind::Subquery, x);
    e->subquery_id = static_cast<int>(query_->subqueries.size() - 1);
    e->subquery_mode = SubqueryMode::Exists;
    e->type = catalog::LogicalType::of(catalog::TypeKind::Bool);
    return e;
}

std::vector<ExprPtr> Binder::bind_where(const ast::Expression& where) {
    bool saved = pattern_predicates_allowed_;
    pattern_predicates_allowed_ = true;
    ExprPtr e = bind_expression(where);
    pattern_predicates_allowed_ = saved;
    using catalog::TypeKind;
    TypeKind k = e->type.kind;
    if (k != TypeKind::Any && k != TypeKind::Bool && k != TypeKind::Null) {
        fail(ErrorKind::Type, "SyntaxError", "InvalidArgumentType",
             "Type mismatch: WHERE expected BOOLEAN but was " + e->type.to_string(),
             ast::Located{e->offset, e->offset + e->length});
    }
    return split_conjuncts(std::move(e));
}

std::vector<ExprPtr> Binder::split_conjuncts(ExprPtr e) {
    std::vector<ExprPtr> out;
    std::vector<ExprPtr> stack;
    stack.push_back(std::move(e));
    while (!stack.empty()) {
        ExprPtr cur = std::move(stack.back());
        stack.pop_back();
        if (cur->kind == ExprKind::And) {
            stack.push_back(std::move(cur->children[1]));
            stack.push_back(std::move(cur->children[0]));
        } else {
            out.push_back(std::move(cur));
        }
    }
    return out;
}

}  // namespace kgq::binder
