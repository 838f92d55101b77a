// engine/executor/physical_operator.hpp — the pull-based (Volcano) operator interface the
// executor runs: open() (again for each outer row under Optional/Merge/subqueries), then
// next() until it returns false. Rows are fixed-width vectors of Values indexed by slot.
#pragma once

#include "executor/execution_context.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace kgq::executor {

class PhysicalOperator {
public:
    virtual ~PhysicalOperator() = default;

    // Starts (or restarts) the operator. `argument` is the row the plan's Argument leaf yields.
    virtual void open(ExecutionContext& ctx, const Row& argument) {
        if (child) child->open(ctx, argument);
    }
    // The next row into `row`; false when exhausted.
    virtual bool next(ExecutionContext& ctx, Row& row) = 0;

    std::unique_ptr<PhysicalOperator> child;
    std::string name;  // for PROFILE
    std::uint64_t rows_produced = 0;
};

using PhysicalOperatorPtr = std::unique_ptr<PhysicalOperator>;

}  // namespace kgq::executor
