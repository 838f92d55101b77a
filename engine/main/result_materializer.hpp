// engine/main/result_materializer.hpp — turns the executor's id-only nodes, relationships
// and paths into self-contained values (labels/type and properties filled in) so that a
// kgq::Result outlives later writes; and names the inferred type of each result column.
#pragma once

#include "binder/bound_query.hpp"
#include "planner/logical_plan.hpp"
#include "storage/graph_store.hpp"

#include <string>
#include <vector>

namespace kgq {

void materialize_rows(const storage::GraphStore& store, std::vector<std::vector<Value>>& rows);
std::string column_type_name(const binder::BoundQuery& query, const planner::LogicalPlan& plan, std::size_t column);

}  // namespace kgq
