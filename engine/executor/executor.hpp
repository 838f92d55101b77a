// engine/executor/executor.hpp — runs a LogicalPlan: builds the physical operators
// (plan_builder.cpp), pulls rows from the root and hands back the result columns.
// Called by Database (engine/main/); writes go to the store inside the caller's statement.
#pragma once

#include "executor/execution_context.hpp"
#include "planner/logical_plan.hpp"

#include <vector>

namespace kgq::executor {

// Rows of the plan's columns (in column order). Node/Relationship values carry ids only.
std::vector<std::vector<Value>> execute(const planner::LogicalPlan& plan, ExecutionContext& ctx);

}  // namespace kgq::executor
