// engine/binder/bind_clause.cpp — the Binder's entry point and the binding of reading and
// writing clauses (MATCH, UNWIND, CREATE, MERGE, SET, REMOVE, DELETE, CALL), UNION, scope
// management and error reporting.
#include "binder/binder.hpp"

#include "binder/name_suggestion.hpp"
#include "function/procedure_registry.hpp"
#include "parser.hpp"

namespace kgq::binder {

Binder::Binder(const catalog::Catalog& catalog, const Parameters& parameters, std::string_view text,
               const function::ProcedureRegistry* procedures)
    : catalog_(catalog), parameters_(parameters), procedures_(procedures), text_(text) {}

void Binder::fail(ErrorKind kind, std::string code, std::string detail, std::string message,
                  const ast::Located& where) const {
    Error error;
    error.kind = kind;
    error.code = std::move(code);
    error.detail = std::move(detail);
    error.message = std::move(message);
    error.at_compile_time = true;
    error.offset = where.begin;
    error.length = where.end > where.begin ? where.end - where.begin : 1;
    auto lc = grammar::line_column(text_, where.begin);
    error.line = lc.line;
    error.column = lc.column;
    throw Exception(std::move(error));
}

int Binder::new_slot(const std::string& name, VariableKind kind) {
    int slot = query_->slot_count++;
    query_->slot_names.push_back(name);
    query_->slot_kinds.push_back(kind);
    query_->slot_types.emplace_back();
    if (!name.empty() && name[0] != ' ') declare(name, slot, kind);
    return slot;
}

const Binder::VariableInfo* Binder::lookup(std::string_view name) const {
    auto it = scope_.find(name);
    return it == scope_.end() ? nullptr : &it->second;
}

BoundQuery Binder::bind(const ast::RegularQuery& query) {
    std::size_t clauses = query.first.clauses.size();
    for (const auto& u : query.unions) {
        clauses += u.query.clauses.size();
        if (clauses > max_query_clauses) {
            fail(ErrorKind::Syntax, "SyntaxError", "QueryTooLong",
                 "Query too long: more than " + std::to_string(max_query_clauses) +
                     " clauses, UNION branches included; split it into several statements",
                 u);
        }
    }
    if (clauses > max_query_clauses) {
        fail(ErrorKind::Syntax, "SyntaxError", "QueryTooLong",
             "Query too long: more than " + std::to_string(max_query_clauses) +
                 " clauses; split it into several statements",
             query);
    }
    BoundQuery bound;
    query_ = &bound;
    bound.parts.push_back(bind_single_query(query.first, false));
    for (const auto& u : query.unions) {
        scope_.clear();
        bound.parts.push_back(bind_single_query(u.query, false));
        bound.union_all.push_back(u.all);
        if (bound.parts.back().columns != bound.parts.front().columns) {
            fail(ErrorKind::Semantic, "SyntaxError", "DifferentColumnsInUnion",
                 "All sub queries in an UNION must have the same return column names", u);
        }
    }
    if (query.unions.size() > 1) {
        for (std::size_t i = 1; i < bound.union_all.size(); ++i) {
            if (bound.union_all[i] != bound.union_all[0]) {
                fail(ErrorKind::Semantic, "SyntaxError", "InvalidClauseComposition",
                     "UNION and UNION ALL cannot be combined", query.unions[i]);
            }
        }
    }
    for (const auto& part : bound.parts) bound.writes |= part.writes;
    query_ = nullptr;
    return bound;
}

BoundSingleQuery Binder::bind_single_query(const ast::SingleQuery& query, bool is_subquery) {
    BoundSingleQuery out;
    const std::size_t n = query.clauses.size();
    standalone_call_ = !is_subquery && n == 1 && boost::get<ast::Call>(&query.clauses[0]) != nullptr;
    for (std::size_t i = 0; i < n; ++i) {
        const ast::Clause& clause = query.clauses[i];
        const bool last = i + 1 == n;
        boost::apply_visitor(
            [&](const auto& c) {
                using C = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<C, ast::Return>) {
                    if (!last) {
                        fail(ErrorKind::Semantic, "SyntaxError", "InvalidClauseComposition",
                             "RETURN can only be used at the end of the query", c);
                    }
                    BoundProjection p = bind_projection(c.body, true, boost::none);
                    for (const auto& item : p.items) {
                        out.columns.push_back(item.name);
                        out.column_slots.push_back(item.slot);
                    }
                    out.clauses.emplace_back(std::move(p));
                } else if constexpr (std::is_same_v<C, ast::With>) {
                    if (last && !is_subquery) {
                        fail(ErrorKind::Semantic, "SyntaxError", "InvalidClauseComposition",
                             "Query cannot conclude with WITH (must be a RETURN clause, an update clause, a unit "
                             "subquery call, or a procedure call with no YIELD)",
                             c);
                    }
                    out.clauses.emplace_back(bind_projection(c.body, false, c.where));
                } else if constexpr (std::is_same_v<C, ast::Match>) {
                    out.clauses.emplace_back(bind_match(c));
                } else if constexpr (std::is_same_v<C, ast::Unwind>) {
                    out.clauses.emplace_back(bind_unwind(c));
                } else if constexpr (std::is_same_v<C, ast::Create>) {
                    out.writes = writes_so_far_ = true;
                    out.clauses.emplace_back(bind_create(c));
                } else if constexpr (std::is_same_v<C, ast::Merge>) {
                    out.writes = writes_so_far_ = true;
                    out.clauses.emplace_back(bind_merge(c));
                } else if constexpr (std::is_same_v<C, ast::SetClause>) {
                    out.writes = writes_so_far_ = true;
                    out.clauses.emplace_back(bind_set(c));
                } else if constexpr (std::is_same_v<C, ast::Remove>) {
                    out.writes = writes_so_far_ = true;
                    out.clauses.emplace_back(bind_remove(c));
                } else if constexpr (std::is_same_v<C, ast::Delete>) {
                    out.writes = writes_so_far_ = true;
                    out.clauses.emplace_back(bind_delete(c));
                } else if constexpr (std::is_same_v<C, ast::Call>) {
                    BoundCall call = bind_call(c);
                    if (standalone_call_) {
                        // A standalone CALL answers with the procedure's (yielded) outputs.
                        for (std::size_t i = 0; i < call.output_slots.size(); ++i) {
                            if (call.output_slots[i] < 0) continue;
                            out.columns.push_back(query_->slot_names[call.output_slots[i]]);
                            out.column_slots.push_back(call.output_slots[i]);
                        }
                    }
                    out.clauses.emplace_back(std::move(call));
                }
            },
            clause);
    }
    if (!is_subquery && !out.writes && out.columns.empty()) {
        bool ends_in_call = !out.clauses.empty() && std::holds_alternative<BoundCall>(out.clauses.back());
        if (!ends_in_call && !query.clauses.empty()) {
            fail(ErrorKind::Semantic, "SyntaxError", "InvalidClauseComposition",
                 "Query cannot conclude with " +
                     std::string(boost::get<ast::Match>(&query.clauses.back()) ? "MATCH" : "this clause") +
                     " (must be a RETURN clause, an update clause, a unit subquery call, or a procedure call with no "
                     "YIELD)",
                 query);
        }
    }
    return out;
}

BoundMatch Binder::bind_match(const ast::Match& match) {
    BoundMatch out;
    out.optional = match.optional;
    out.pattern = bind_pattern(match.pattern, PatternUse::Match, &out.introduced_slots);
    if (match.where) out.where = bind_where(*match.where);
    return out;
}

BoundUnwind Binder::bind_unwind(const ast::Unwind& unwind) {
    BoundUnwind out;
    out.list = bind_expression(unwind.list);
    if (lookup(unwind.variable.name)) {
        fail(ErrorKind::Semantic, "SyntaxError", "VariableAlreadyBound",
             "Variable `" + unwind.variable.name + "` already declared", unwind.variable);
    }
    out.slot = new_slot(unwind.variable.name, VariableKind::Value);
    return out;
}

BoundCreate Binder::bind_create(const ast::Create& create) {
    BoundCreate out;
    std::vector<int> introduced;
    out.pattern = bind_pattern(create.pattern, PatternUse::Create, &introduced);
    return out;
}

BoundMerge Binder::bind_merge(const ast::Merge& merge) {
    BoundMerge out;
    out.pattern = bind_pattern(ast::Pattern{merge.pattern}, PatternUse::Merge, &out.introduced_slots);
    for (const auto& action : merge.actions) {
        auto& target = action.on_create ? out.on_create : out.on_match;
        for (const auto& item : action.set.items) target.push_back(bind_set_item(item));
    }
    return out;
}

BoundSetItem Binder::bind_set_item(const ast::SetItem& item) {
    return boost::apply_visitor(
        [&](const auto& it) -> BoundSetItem {
            using I = std::decay_t<decltype(it)>;
            BoundSetItem out;
            out.offset = it.begin;
            out.length = it.end - it.begin;
            if constexpr (std::is_same_v<I, ast::SetProperty>) {
                out.kind = SetKind::Property;
                ast::AccessChain base = it.target;
                const auto* key =
                    base.accessors.empty() ? nullptr : boost::get<ast::PropertyLookup>(&base.accessors.back());
                if (!key) {
                    fail(ErrorKind::Semantic, "SyntaxError", "InvalidSetTarget",
                         "SET needs a property to set, as in n.name = value", it);
                }
                out.key = key->key;
                base.accessors.pop_back();
                out.target = base.accessors.empty() ? bind_expression(base.base) : bind_access_chain(base);
                out.value = bind_expression(it.value);
            } else if constexpr (std::is_same_v<I, ast::SetVariable>) {
                out.kind = it.merge ? SetKind::MergeProperties : SetKind::ReplaceProperties;
                out.target = bind_expression(ast::Expression(it.variable));
                out.value = bind_expression(it.value);
            } else {
                out.kind = SetKind::AddLabels;
                out.target = bind_expression(ast::Expression(it.variable));
                out.labels = it.labels;
            }
            return out;
        },
        item);
}

BoundSet Binder::bind_set(const ast::SetClause& set) {
    BoundSet out;
    for (const auto& item : set.items) out.items.push_back(bind_set_item(item));
    return out;
}

BoundRemove Binder::bind_remove(const ast::Remove& remove) {
    BoundRemove out;
    for (const auto& item : remove.items) {
        BoundRemoveItem bound;
        if (const auto* labels = boost::get<ast::RemoveLabels>(&item)) {
            bound.labels = true;
            bound.target = bind_expression(ast::Expression(labels->variable));
            bound.label_names = labels->labels;
        } else {
            const auto& prop = boost::get<ast::RemoveProperty>(item);
            ast::AccessChain base = prop.target;
            const auto* key =
                base.accessors.empty() ? nullptr : boost::get<ast::PropertyLookup>(&base.accessors.back());
            if (!key) {
                fail(ErrorKind::Semantic, "SyntaxError", "InvalidRemoveTarget", "REMOVE needs a property or labels",
                     prop);
            }
            bound.key = key->key;
            base.accessors.pop_back();
            bound.target = base.accessors.empty() ? bind_expression(base.base) : bind_access_chain(base);
        }
        out.items.push_back(std::move(bound));
    }
    return out;
}

BoundDelete Binder::bind_delete(const ast::Delete& del) {
    BoundDelete out;
    out.detach = del.detach;
    for (const auto& target : del.targets) {
        auto e = bind_expression(target);
        using catalog::TypeKind;
        auto k = e->type.kind;
        if (k == TypeKind::Bool) {  // DELETE n:Label
            fail(ErrorKind::Type, "SyntaxError", "InvalidDelete",
                 "DELETE needs a node, a relationship or a path; to remove a label use REMOVE n:Label", del);
        }
        if (k == TypeKind::Int || k == TypeKind::Float || k == TypeKind::String || k == TypeKind::Map) {
            fail(ErrorKind::Type, "SyntaxError", "InvalidArgumentType",
                 "DELETE needs a node, a relationship or a path, got " + e->type.to_string(), del);
        }
        out.targets.push_back(std::move(e));
    }
    return out;
}

BoundCall Binder::bind_call(const ast::Call& call) {
    const function::Procedure* proc = procedures_ ? procedures_->find(call.procedure) : nullptr;
    if (!proc) {
        fail(ErrorKind::Semantic, "ProcedureError", "ProcedureNotFound",
             "There is no procedure with the name `" + call.procedure + "` registered" +
                 (procedures_ ? did_you_mean(call.procedure, procedures_->names()) : std::string()),
             call);
    }
    BoundCall out;
    out.procedure = proc->name;
    out.definition = proc;
    if (call.has_arguments) {
        if (call.arguments.size() != proc->inputs.size()) {
            fail(ErrorKind::Semantic, "SyntaxError", "InvalidNumberOfArguments",
                 "Procedure " + proc->name + " takes " + std::to_string(proc->inputs.size()) + " argument(s), got " +
                     std::to_string(call.arguments.size()),
                 call);
        }
        for (std::size_t i = 0; i < call.arguments.size(); ++i) {
            ExprPtr arg = bind_expression(call.arguments[i]);
            const Value* known = arg->kind == ExprKind::Constant ? &arg->value : nullptr;
            if (arg->kind == ExprKind::Parameter) {
                auto it = parameters_.find(arg->name);
                if (it != parameters_.end()) known = &it->second;
            }
            if (known && !function::procedure_accepts(proc->inputs[i], *known)) {
                fail(ErrorKind::Type, "SyntaxError", "InvalidArgumentType",
                     "Argument `" + proc->inputs[i].name + "` of " + proc->name + " is " +
                         proc->inputs[i].type.to_string() + ", got " + kind_name(known->kind()),
                     ast::Located{arg->offset, arg->offset + arg->length});
            }
            out.arguments.push_back(std::move(arg));
        }
    } else if (!proc->inputs.empty()) {
        // CALL proc without parentheses: standalone only, arguments from same-named parameters.
        if (!standalone_call_) {
            fail(ErrorKind::Semantic, "SyntaxError", "InvalidArgumentPassingMode",
                 "Procedure arguments can only be left out in a standalone CALL", call);
        }
        for (const auto& input : proc->inputs) {
            auto it = parameters_.find(input.name);
            if (it == parameters_.end()) {
                fail(ErrorKind::Semantic, "ParameterMissing", "MissingParameter",
                     "Expected parameter $" + input.name + " for " + proc->name, call);
            }
            auto e = std::make_unique<BoundExpression>();
            e->kind = ExprKind::Parameter;
            e->name = input.name;
            out.arguments.push_back(std::move(e));
        }
    }
    out.output_slots.assign(proc->outputs.size(), -1);
    auto output_index = [&](const std::string& field, const ast::Located& at) {
        for (std::size_t i = 0; i < proc->outputs.size(); ++i) {
            if (proc->outputs[i].name == field) return i;
        }
        fail(ErrorKind::Semantic, "SyntaxError", "UndefinedVariable",
             "Procedure " + proc->name + " has no output `" + field + "`", at);
    };
    if (call.yield_star || (call.yields.empty() && standalone_call_)) {
        if (call.yield_star && !standalone_call_) {
            fail(ErrorKind::Semantic, "SyntaxError", "UnexpectedSyntax", "YIELD * is only allowed in a standalone CALL",
                 call);
        }
        for (std::size_t i = 0; i < proc->outputs.size(); ++i) {
            out.output_slots[i] = new_slot(proc->outputs[i].name, VariableKind::Value);
        }
    } else if (call.yields.empty() && !proc->outputs.empty()) {
        fail(ErrorKind::Semantic, "SyntaxError", "UndefinedVariable",
             "An in-query CALL must YIELD the outputs of " + proc->name, call);
    }
    for (const auto& y : call.yields) {
        std::size_t i = output_index(y.field, y);
        const std::string name = y.alias ? y.alias->name : y.field;
        if (lookup(name)) {
            fail(ErrorKind::Semantic, "SyntaxError", "VariableAlreadyBound", "Variable `" + name + "` already declared",
                 y);
        }
        out.output_slots[i] = new_slot(name, VariableKind::Value);
    }
    if (call.where) out.where = bind_where(*call.where);
    return out;
}

}  // namespace kgq::binder
