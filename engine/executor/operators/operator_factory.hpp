// engine/executor/operators/operator_factory.hpp — one factory per operator family; the
// PlanBuilder (plan_builder.cpp) calls them to turn logical operators into physical ones.
#pragma once

#include "executor/physical_operator.hpp"
#include "planner/logical_plan.hpp"

namespace kgq::executor {

using planner::LogicalOperator;

// Every factory: an operator reading from `input`.
template <class Op>
PhysicalOperatorPtr with_input(std::unique_ptr<Op> op, PhysicalOperatorPtr input) {
    op->child = std::move(input);
    return op;
}

// The live nodes a NodeScan-like operator visits (its label group, or all), in id order.
void collect_scan_nodes(const storage::GraphStore& store, const LogicalOperator& op, std::vector<storage::NodeId>& out);

PhysicalOperatorPtr make_argument();
PhysicalOperatorPtr make_hash_join_scan(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_node_scan(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_node_by_key(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_expand(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_expand_count(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_var_expand(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_shortest_path(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_filter(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_project(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_optional(const LogicalOperator& op, PhysicalOperatorPtr input, PhysicalOperatorPtr inner);
PhysicalOperatorPtr make_unwind(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_skip(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_limit(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_eager(PhysicalOperatorPtr input);
PhysicalOperatorPtr make_call(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_union(const LogicalOperator& op, PhysicalOperatorPtr left, PhysicalOperatorPtr right);
PhysicalOperatorPtr make_aggregate(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_collapse(const LogicalOperator& op, PhysicalOperatorPtr input);
// Runs op's whole chain itself (no input operator); reads pattern predicates' subplans.
PhysicalOperatorPtr make_pattern_count(const LogicalOperator& op, const planner::LogicalPlan& plan);
PhysicalOperatorPtr make_distinct(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_sort(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_create(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_merge(const LogicalOperator& op, PhysicalOperatorPtr input, PhysicalOperatorPtr match);
PhysicalOperatorPtr make_set(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_remove(const LogicalOperator& op, PhysicalOperatorPtr input);
PhysicalOperatorPtr make_delete(const LogicalOperator& op, PhysicalOperatorPtr input);

}  // namespace kgq::executor
