// engine/executor/plan_builder.cpp — maps each logical operator onto its physical operator
// (one to one) and runs the root; see executor.hpp.
#include "executor/executor.hpp"
#include "executor/operators/operator_factory.hpp"

#include <chrono>

namespace kgq::executor {
namespace {

using planner::LogicalOpKind;

// PROFILE: stands between an operator and its consumer, counting rows and time.
class ProfiledOperator final : public PhysicalOperator {
public:
    ProfiledOperator(PhysicalOperatorPtr inner, const LogicalOperator& op) : inner_(std::move(inner)), op_(op) {}
    void open(ExecutionContext& ctx, const Row& argument) override {
        auto started = std::chrono::steady_clock::now();
        inner_->open(ctx, argument);
        ctx.profiles[&op_].ms +=
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        auto started = std::chrono::steady_clock::now();
        bool more = inner_->next(ctx, row);
        auto& p = ctx.profiles[&op_];
        p.ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        p.rows += more ? 1 : 0;
        return more;
    }

private:
    PhysicalOperatorPtr inner_;
    const LogicalOperator& op_;
};

PhysicalOperatorPtr build_operator(const LogicalOperator& op, const planner::LogicalPlan& plan, bool profile);

PhysicalOperatorPtr build(const LogicalOperator& op, const planner::LogicalPlan& plan, bool profile) {
    PhysicalOperatorPtr p = build_operator(op, plan, profile);
    if (profile && p) return std::make_unique<ProfiledOperator>(std::move(p), op);
    return p;
}

PhysicalOperatorPtr build_operator(const LogicalOperator& op, const planner::LogicalPlan& plan, bool profile) {
    auto input = [&]() { return op.children.empty() ? nullptr : build(*op.children[0], plan, profile); };
    switch (op.kind) {
        case LogicalOpKind::Argument: return make_argument();
        case LogicalOpKind::NodeScan: return make_node_scan(op, input());
        case LogicalOpKind::NodeByKey: return make_node_by_key(op, input());
        case LogicalOpKind::HashJoinScan: return make_hash_join_scan(op, input());
        case LogicalOpKind::Expand: return make_expand(op, input());
        case LogicalOpKind::ExpandCount: return make_expand_count(op, input());
        case LogicalOpKind::VarExpand: return make_var_expand(op, input());
        case LogicalOpKind::ShortestPath: return make_shortest_path(op, input());
        case LogicalOpKind::Filter: return make_filter(op, input());
        case LogicalOpKind::Optional: {
            auto in = input();
            return make_optional(op, std::move(in), build(*op.children[1], plan, profile));
        }
        case LogicalOpKind::Project: return make_project(op, input());
        case LogicalOpKind::Aggregate: return make_aggregate(op, input());
        case LogicalOpKind::Distinct: return make_distinct(op, input());
        case LogicalOpKind::Collapse: return make_collapse(op, input());
        case LogicalOpKind::PatternCount: return make_pattern_count(op, plan);
        case LogicalOpKind::Sort: return make_sort(op, input());
        case LogicalOpKind::Skip: return make_skip(op, input());
        case LogicalOpKind::Limit: return make_limit(op, input());
        case LogicalOpKind::Unwind: return make_unwind(op, input());
        case LogicalOpKind::Create: return make_create(op, input());
        case LogicalOpKind::Merge: {
            auto in = input();
            return make_merge(op, std::move(in), build(*op.children[1], plan, profile));
        }
        case LogicalOpKind::SetProperties: return make_set(op, input());
        case LogicalOpKind::Remove: return make_remove(op, input());
        case LogicalOpKind::Delete: return make_delete(op, input());
        case LogicalOpKind::Eager: return make_eager(input());
        case LogicalOpKind::Call: return make_call(op, input());
        case LogicalOpKind::Union: {
            auto in = input();
            return make_union(op, std::move(in), build(*op.children[1], plan, profile));
        }
        case LogicalOpKind::ProduceResults: return input();
    }
    return nullptr;
}

}  // namespace

std::vector<std::vector<Value>> execute(const planner::LogicalPlan& plan, ExecutionContext& ctx) {
    for (const auto& sub : plan.subplans) ctx.subplans.push_back(build(*sub, plan, ctx.profile));
    PhysicalOperatorPtr root = build(*plan.root, plan, ctx.profile);
    Row argument(plan.slot_count);
    root->open(ctx, argument);
    std::vector<std::vector<Value>> rows;
    Row row;
    while (root->next(ctx, row)) {
        if (plan.columns.empty()) continue;  // a statement without RETURN yields no rows
        std::vector<Value> out;
        out.reserve(plan.column_slots.size());
        for (int s : plan.column_slots) out.push_back(row[s]);
        rows.push_back(std::move(out));
    }
    return rows;
}

}  // namespace kgq::executor
