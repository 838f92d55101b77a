// engine/binder/bound_query.hpp — a statement after binding: clauses with resolved variables
// (row slots), bound patterns and bound expressions. The binder produces it; the planner
// turns it into a LogicalPlan. Nothing here refers to the AST.
#pragma once

#include "binder/bound_expression.hpp"
#include "catalog/catalog.hpp"
#include "kgq/error.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kgq::function {
struct Procedure;
}

namespace kgq::binder {

enum class VariableKind { Value, Node, Relationship, RelationshipList, Path };

// Label expression as a conjunction of disjunctions: {{A},{B}} = A and B; {{A,B}} = A or B.
using LabelConstraint = std::vector<std::vector<std::string>>;

struct BoundNodePattern {
    int slot = -1;
    bool bound_before = false;  // variable bound by an earlier clause or pattern element
    std::string variable;  // empty when anonymous
    LabelConstraint labels;
    std::vector<std::pair<std::string, ExprPtr>> properties;  // {k: v}
    ExprPtr properties_map;  // {..} given as $param
    std::uint32_t offset = 0, length = 0;
};

enum class RelDirection { Outgoing, Incoming, Both };

struct BoundRelPattern {
    int slot = -1;
    bool bound_before = false;
    std::string variable;
    std::vector<std::string> types;  // alternatives; empty = any
    RelDirection direction = RelDirection::Both;
    bool variable_length = false;
    std::int64_t min_hops = 1;
    std::int64_t max_hops = 1;  // -1: unbounded
    std::vector<std::pair<std::string, ExprPtr>> properties;
    ExprPtr properties_map;
    int left = -1, right = -1;  // indices into BoundPattern::nodes (left as written)
    std::uint32_t offset = 0, length = 0;
    // Relationship uniqueness holds within one MATCH clause; the planner joins consecutive
    // MATCH clauses into one pattern and keeps their relationships apart by this.
    int uniqueness_group = 0;
};

enum class ShortestMode { None, Shortest, AllShortest };

struct BoundPatternPart {
    int path_slot = -1;  // p = ...
    ShortestMode shortest = ShortestMode::None;
    std::vector<int> nodes;  // indices into BoundPattern::nodes, in path order
    std::vector<int> rels;  // indices into BoundPattern::rels, in path order
};

struct BoundPattern {
    std::vector<BoundNodePattern> nodes;
    std::vector<BoundRelPattern> rels;
    std::vector<BoundPatternPart> parts;
};

struct BoundMatch {
    bool optional = false;
    BoundPattern pattern;
    std::vector<ExprPtr> where;  // conjuncts
    std::vector<int> introduced_slots;  // set to null by OPTIONAL MATCH when nothing matches
};

struct BoundUnwind {
    ExprPtr list;
    int slot = -1;
};

struct BoundCreate {
    BoundPattern pattern;
};

enum class SetKind { Property, ReplaceProperties, MergeProperties, AddLabels };

struct BoundSetItem {
    SetKind kind = SetKind::Property;
    ExprPtr target;  // node/relationship expression (the entity)
    std::string key;  // Property
    ExprPtr value;
    std::vector<std::string> labels;
    std::uint32_t offset = 0, length = 0;
};

struct BoundSet {
    std::vector<BoundSetItem> items;
};

struct BoundRemoveItem {
    bool labels = false;  // else a property
    ExprPtr target;
    std::string key;
    std::vector<std::string> label_names;
};

struct BoundRemove {
    std::vector<BoundRemoveItem> items;
};

struct BoundDelete {
    bool detach = false;
    std::vector<ExprPtr> targets;
};

struct BoundMerge {
    BoundPattern pattern;  // one part
    std::vector<BoundSetItem> on_create;
    std::vector<BoundSetItem> on_match;
    std::vector<int> introduced_slots;
};

struct AggregateSpec {
    std::string function;  // lower-case name; "count" for count(*)
    bool distinct = false;
    ExprPtr argument;  // null for count(*)
    std::vector<ExprPtr> constants;  // percentile
    int slot = -1;
};

struct ProjectionColumn {
    std::string name;
    ExprPtr expression;
    int slot = -1;
};

struct SortKey {
    ExprPtr expression;
    bool descending = false;
};

// RETURN or WITH. Without aggregates: items evaluated into their slots. With aggregates:
// `keys` (items without aggregates) are evaluated into their slots, grouped; `aggregates`
// accumulate per group; then `items` whose expressions refer to aggregate results
// (AggregateRef) are evaluated. Then DISTINCT, ORDER BY, SKIP, LIMIT, WHERE (WITH only).
struct BoundProjection {
    bool is_return = false;
    bool distinct = false;
    bool aggregating = false;
    std::vector<ProjectionColumn> items;  // all output columns, in order
    std::vector<int> key_items;  // indices into items that are grouping keys
    std::vector<AggregateSpec> aggregates;
    std::vector<SortKey> order_by;
    ExprPtr skip;
    ExprPtr limit;
    std::vector<ExprPtr> where;
};

struct BoundCall {
    std::string procedure;
    const function::Procedure* definition = nullptr;
    std::vector<ExprPtr> arguments;
    std::vector<int> output_slots;  // per procedure output: the slot it is yielded into, or -1
    std::vector<ExprPtr> where;
};

using BoundClause = std::variant<BoundMatch, BoundUnwind, BoundCreate, BoundMerge, BoundSet, BoundRemove, BoundDelete,
                                 BoundProjection, BoundCall>;

struct BoundSingleQuery {
    std::vector<BoundClause> clauses;
    std::vector<std::string> columns;  // RETURN's columns; empty when the query returns nothing
    std::vector<int> column_slots;
    bool writes = false;
};

// EXISTS {...}, pattern predicates and pattern comprehensions: run once per outer row.
struct BoundSubquery {
    BoundSingleQuery query;  // its clauses; starts from the outer row
    ExprPtr projection;  // pattern comprehension: the value collected per match
};

struct BoundQuery {
    std::vector<BoundSingleQuery> parts;  // UNION parts
    std::vector<bool> union_all;  // between parts[i] and parts[i+1]
    std::vector<BoundSubquery> subqueries;
    int slot_count = 0;
    std::vector<std::string> slot_names;  // for EXPLAIN
    std::vector<VariableKind> slot_kinds;
    // Entity or relation types a node/relationship slot can have (empty: unknown), as the
    // binder inferred them from labels, relation endpoints and the schema. EXPLAIN shows them.
    std::vector<std::vector<catalog::TypeId>> slot_types;
    bool writes = false;
    std::vector<Warning> warnings;  // open-mode checks: why the result may be empty
};

}  // namespace kgq::binder
