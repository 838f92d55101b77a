// engine/planner/planner.hpp — turns a BoundQuery into a LogicalPlan. Orders pattern
// matching by estimated cardinality (KEY lookups first, then the smallest label), pushes
// WHERE conjuncts down to the first point where their variables are bound, and inserts
// Eager barriers so that reads never see the same statement's later writes.
// Called by Database (engine/main/); reads statistics from the GraphStore.
#pragma once

#include "planner/logical_plan.hpp"
#include "storage/graph_store.hpp"

#include <functional>
#include <map>
#include <set>
#include <tuple>

namespace kgq::planner {

class Planner {
public:
    Planner(const storage::GraphStore& store, const binder::BoundQuery& query);
    LogicalPlan plan();

private:
    using Bound = std::set<int>;

    LogicalOperatorPtr plan_single_query(const binder::BoundSingleQuery& query, LogicalOperatorPtr input, Bound& bound);
    LogicalOperatorPtr plan_match(const binder::BoundMatch& match, LogicalOperatorPtr input, Bound& bound);
    // Consecutive (non-optional) MATCH clauses are one join: their patterns become one, so the
    // planner can order all of it (LSQB's q3 writes a triangle as four MATCH clauses).
    const binder::BoundPattern& join_patterns(const std::vector<const binder::BoundMatch*>& matches);
    LogicalOperatorPtr plan_pattern(const binder::BoundPattern& pattern, std::vector<const BoundExpression*> predicates,
                                    LogicalOperatorPtr input, Bound& bound);
    LogicalOperatorPtr plan_projection(const binder::BoundProjection& projection, LogicalOperatorPtr input,
                                       Bound& bound);
    LogicalOperatorPtr plan_merge(const binder::BoundMerge& merge, LogicalOperatorPtr input, Bound& bound);

    // Filters whose variables are all bound now, removed from `pending`.
    LogicalOperatorPtr apply_ready_filters(LogicalOperatorPtr input, std::vector<const BoundExpression*>& pending,
                                           const Bound& bound, bool force);
    // Conditions a pattern node or relationship places on its slot (labels, {k: v}).
    void add_node_constraints(const binder::BoundNodePattern& node, std::vector<const BoundExpression*>& out,
                              bool skip_first_label_group);
    void add_rel_constraints(const binder::BoundRelPattern& rel, std::vector<const BoundExpression*>& out);
    const BoundExpression* own(binder::ExprPtr e);
    // Open mode: warn when no relationship of the pattern's types joins its endpoint labels.
    void check_connections(const binder::BoundPattern& pattern);
    // Factorised counting: under RETURN count(*), a last Expand whose outputs nobody reads
    // becomes an ExpandCount, so rows are counted per input row instead of produced.
    void count_last_expansion(LogicalOperator& aggregate);
    // `target <> other` right above an Expand becomes part of it (the neighbour is skipped),
    // which also lets Collapse merge rows after it.
    void fold_inequalities(LogicalOperatorPtr& plan);
    // ... and below it, wherever the operators above read only an expansion's target node,
    // rows are merged by that node with a multiplicity (factorised counting of paths).
    void collapse_counted_chain(LogicalOperator& aggregate);
    // ... and the whole chain, when the executor's id-only counting loop can run all of it,
    // goes under a PatternCount (see pattern_count.cpp).
    void count_natively(LogicalOperator& aggregate);
    bool countable_predicate(const BoundExpression& e, std::set<int>& reads) const;
    bool countable_chain(const LogicalOperator& top, std::set<int>& reads, std::set<int>& produced) const;
    // A scan joined to what is bound by `n.p = <bound expression>` (a WHERE conjunct or a
    // {p: ...} of the pattern) becomes a HashJoinScan: the scan's nodes hashed once by the
    // key, each input row a lookup instead of a full scan (hash_join.cpp).
    void hash_join_scan(LogicalOperator& scan, std::vector<const BoundExpression*>& predicates, const Bound& bound);
    bool hash_joins_allowed_ = true;  // not inside MERGE
    std::vector<TypeId> resolve_rel_types(const std::vector<std::string>& names, bool& impossible) const;
    double estimate_node(const binder::BoundNodePattern& node) const;
    double estimate_plan_from(const binder::BoundPattern& pattern, int start, const Bound& bound,
                              const std::vector<bool>& rel_done, const std::set<int>& filtered) const;
    // How a walk reached a node: along `rel`, the node being its left end or not.
    struct Arrival {
        const binder::BoundRelPattern* rel = nullptr;
        bool node_is_left = false;
    };
    using Arrivals = std::map<int, Arrival>;  // by node slot
    // Relationships per `from` node along rel (from_left: `from` is the pattern's left node).
    // With the arrival known, the average is weighted by how many walks arrive at each node
    // (a walk arrives at well-connected nodes more often: LSQB's countries with many cities).
    double estimate_fanout(const binder::BoundRelPattern& rel, const binder::BoundNodePattern& from, bool from_left,
                           const Arrival* arrival = nullptr) const;
    double weighted_degree(const std::vector<TypeId>& labels, const std::vector<TypeId>& next_types, bool next_out,
                           bool next_in, const std::vector<TypeId>& arrival_types, bool arrival_out,
                           bool arrival_in) const;
    mutable std::map<std::vector<std::int64_t>, double> weighted_degree_cache_;
    void for_sampled_nodes(const std::vector<TypeId>& labels, const std::function<void(storage::NodeId)>& visit) const;
    double average_degree(const std::vector<TypeId>& labels, TypeId rel_type, storage::Direction dir) const;
    mutable std::map<std::tuple<std::vector<TypeId>, TypeId, bool>, double> degree_cache_;
    bool counting_only_ = false;  // the single query being planned ends in RETURN count(*)

    const storage::GraphStore& store_;
    const binder::BoundQuery& query_;
    LogicalPlan plan_;
};

// The slots an expression reads; `opaque` is set when it holds a subquery (whose free
// variables are not tracked), so that the planner applies it only when all is bound.
void referenced_slots(const BoundExpression& e, std::set<int>& out, bool& opaque);

}  // namespace kgq::planner
