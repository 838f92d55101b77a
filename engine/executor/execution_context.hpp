// engine/executor/execution_context.hpp — what operators share while a plan runs: the
// store, the parameters, the statement's write counters, the subquery plans and the text
// (for positions in run-time errors). One per statement execution.
#pragma once

#include "binder/bound_query.hpp"
#include "common/statement_budget.hpp"
#include "kgq/database.hpp"
#include "kgq/result.hpp"
#include "storage/graph_store.hpp"

#include <map>
#include <memory>
#include <string_view>
#include <vector>

namespace kgq::executor {

using Row = std::vector<Value>;
class PhysicalOperator;

struct ExecutionContext {
    storage::GraphStore& store;
    const Parameters& parameters;
    const binder::BoundQuery& query;
    std::string_view text;
    WriteStats stats;
    std::vector<std::unique_ptr<PhysicalOperator>> subplans;  // by subquery id
    bool profile = false;
    // PROFILE: rows produced and inclusive time of each logical operator's physical operator.
    struct OperatorProfile {
        std::uint64_t rows = 0;
        double ms = 0;
    };
    std::map<const void*, OperatorProfile> profiles;
    // Interrupt, time and memory budget of the statement; operators tick() in their loops.
    StatementBudget* budget = nullptr;
    void tick() {
        if (budget) budget->tick();
    }
};

// A run-time error at an expression's position in the statement text.
[[noreturn]] void runtime_error(const ExecutionContext& ctx, ErrorKind kind, std::string code, std::string detail,
                                std::string message, std::uint32_t offset = 0, std::uint32_t length = 0);

}  // namespace kgq::executor
