// engine/planner/logical_plan.hpp — the plan of a statement: a tree of logical operators
// (scan, expand, filter, project, aggregate, sort, writes, ...) that the executor maps one
// to one onto physical operators. Built by the Planner from a BoundQuery, printed by EXPLAIN.
// Operators point into the BoundQuery (which outlives the plan) for patterns and expressions.
#pragma once

#include "binder/bound_query.hpp"
#include "catalog/catalog.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kgq::planner {

using binder::BoundExpression;
using catalog::TypeId;

enum class LogicalOpKind {
    Argument,  // the input row (one empty row at the top level; the outer row in subplans)
    NodeScan,  // for each input row, each node with the labels -> slot
    NodeByKey,  // the node whose KEY equals an expression
    HashJoinScan,  // NodeScan whose nodes match the input row on key(node) = probe(row)
    Expand,  // from slot along relationships to a (new or bound) node
    ExpandCount,  // Expand whose outputs nobody reads: the number of matches -> slot
    VarExpand,  // variable-length expand: rel slot holds the list of relationships
    ShortestPath,  // shortest path(s) between two bound nodes
    Filter,  // keep rows where every predicate is true
    Optional,  // OPTIONAL MATCH: inner plan per row, or the row with nulls
    Project,  // evaluate expressions into slots
    Aggregate,  // group by keys, accumulate aggregates
    Distinct,  // drop rows equivalent on slots
    Collapse,  // count(*) only: merge rows by one node slot, summing their multiplicity
    PatternCount,  // count(*) only: runs its chain over ids (no rows); one row with the count
    Sort,
    Skip,
    Limit,
    Unwind,
    Create,
    Merge,
    SetProperties,
    Remove,
    Delete,
    Eager,  // materialise all input before passing it on (writes then reads)
    Union,
    Call,  // a procedure per input row, its outputs into slots
    ProduceResults,
};

struct LogicalOperator {
    LogicalOpKind kind = LogicalOpKind::Argument;
    std::vector<std::unique_ptr<LogicalOperator>> children;  // [0]: input

    // Scans and expands
    int slot = -1;  // NodeScan/NodeByKey/Unwind target; Expand's target node
    int from_slot = -1;
    int rel_slot = -1;
    bool target_bound = false;  // Expand/VarExpand into an already bound node
    bool reverse_rel_list = false;  // VarExpand walking the pattern right to left
    std::vector<std::vector<TypeId>> labels;  // NodeScan: conjunction of alternatives (resolved)
    bool impossible = false;  // a label or type that does not exist: no rows
    std::vector<TypeId> rel_types;  // empty: all
    // Names as written: writes earlier in the same statement may create the label or type
    // after planning (open mode), so operators resolve them again when they open.
    std::vector<std::string> rel_type_names;
    std::vector<std::string> scan_label_names;
    binder::RelDirection direction = binder::RelDirection::Outgoing;
    std::int64_t min_hops = 1, max_hops = 1;
    bool all_shortest = false;
    // Relationship uniqueness within one MATCH: the relationships bound so far that the new
    // one must differ from (single-relationship slots and relationship-list slots).
    std::vector<int> distinct_from_rels;
    std::vector<int> distinct_from_rel_lists;
    // Properties a var-length expand checks on every relationship
    std::vector<std::pair<std::string, const BoundExpression*>> rel_properties;

    // NodeByKey
    TypeId key_type = catalog::no_type;
    const BoundExpression* key_expression = nullptr;

    // Filter / Project / Unwind / Skip / Limit; HashJoinScan: [0] the build key (of the
    // scanned node), [1] the probe (of the input row)
    std::vector<const BoundExpression*> expressions;
    std::vector<int> slots;  // Project targets; Distinct/ProduceResults/Optional null slots

    // Aggregate
    const binder::BoundProjection* projection = nullptr;
    int multiplicity_slot = -1;  // count(*) adds this row's multiplicity (from ExpandCount)
    // ExpandCount: labels the counted neighbours must have (conjunction of alternatives)
    std::vector<std::vector<std::string>> target_label_names;
    std::vector<int> excluded_targets;  // ExpandCount: node slots the counted neighbour must not be

    // Sort
    std::vector<const binder::SortKey*> sort_keys;

    // Writes
    const binder::BoundPattern* pattern = nullptr;  // Create
    const binder::BoundMerge* merge = nullptr;  // Merge (children[1]: match plan)
    const binder::BoundSet* set = nullptr;
    const std::vector<binder::BoundSetItem>* set_items = nullptr;
    const binder::BoundRemove* remove = nullptr;
    const binder::BoundDelete* del = nullptr;
    const binder::BoundCall* call = nullptr;

    // Union
    bool union_distinct = false;
    std::vector<int> left_slots, right_slots;  // column slots of each side; output in left's

    // ProduceResults
    std::vector<std::string> column_names;

    std::string detail;  // EXPLAIN text: "(g:IntrusionSet)", "-[:USES]->", ...
};

using LogicalOperatorPtr = std::unique_ptr<LogicalOperator>;

struct LogicalPlan {
    LogicalOperatorPtr root;
    std::vector<LogicalOperatorPtr> subplans;  // by BoundExpression::subquery_id
    std::vector<binder::ExprPtr> owned_expressions;  // made by the planner (pattern filters, paths)
    std::vector<std::unique_ptr<binder::BoundPattern>> owned_patterns;  // consecutive MATCHes joined
    std::vector<std::string> columns;
    // Open mode: what the data says about the patterns ("KNOWS never connects a Person to a
    // City"), found from the graph while planning; the binder's warnings come from the catalog.
    std::vector<std::pair<std::string, std::pair<std::uint32_t, std::uint32_t>>> data_warnings;
    std::vector<int> column_slots;
    int slot_count = 0;

    // EXPLAIN: the operators, then each variable with the types inferred for it. PROFILE
    // passes an annotator that appends each operator's rows and time.
    using Annotator = std::function<std::string(const LogicalOperator&)>;
    std::string to_string(const binder::BoundQuery& query, const catalog::Catalog& catalog,
                          const Annotator& annotate = {}) const;
};

}  // namespace kgq::planner
