// engine/executor/expression_evaluator.hpp — evaluates bound expressions against a row:
// Cypher operators via engine/value, functions via the registry, property access on the
// store, comprehensions, and subqueries (EXISTS, pattern predicates and comprehensions)
// by running their subplans with the current row as argument.
#pragma once

#include "binder/bound_expression.hpp"
#include "executor/execution_context.hpp"

namespace kgq::executor {

// The row is mutable only for the scoped variables of comprehensions and quantifiers.
Value evaluate(const binder::BoundExpression& e, Row& row, ExecutionContext& ctx);

// Property of a node, relationship, map or temporal value (null when absent).
Value property_of(const Value& base, const std::string& key, ExecutionContext& ctx, const binder::BoundExpression* at);

// Node and Relationship values as the engine passes them around (ids; a relationship also
// carries its endpoints, which paths need; its type name is filled in for results).
Value node_value(storage::NodeId id);
Value relationship_value(const storage::GraphStore& store, storage::RelId id);

}  // namespace kgq::executor
