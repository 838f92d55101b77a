// engine/executor/operators/scan_operators.cpp — leaves and node sources: Argument (the
// input row), NodeScan (nodes of a label, per input row) and NodeByKey (KEY index lookup),
// and collect_scan_nodes, the node list every scan (and PatternCount, HashJoinScan) reads.
#include "executor/expression_evaluator.hpp"
#include "executor/operators/operator_factory.hpp"

#include <algorithm>

namespace kgq::executor {
namespace {

class ArgumentOperator final : public PhysicalOperator {
public:
    void open(ExecutionContext&, const Row& argument) override {
        argument_ = &argument;
        done_ = false;
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (done_) return false;
        done_ = true;
        row = *argument_;
        return true;
    }

private:
    const Row* argument_ = nullptr;
    bool done_ = true;
};

// For each input row, every live node of the scanned label group (or all nodes); the
// node ids are collected at the first row so that nodes created later are not seen.
class NodeScanOperator final : public PhysicalOperator {
public:
    explicit NodeScanOperator(const LogicalOperator& op) : op_(op) {}

    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        have_input_ = false;
        collected_ = false;
    }

    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        while (true) {
            if (have_input_ && position_ < nodes_.size()) {
                storage::NodeId id = nodes_[position_++];
                if (!ctx.store.node_alive(id)) continue;
                row = input_;
                row[op_.slot] = node_value(id);
                return true;
            }
            if (!child->next(ctx, input_)) return false;
            have_input_ = true;
            position_ = 0;
            if (!collected_) collect(ctx);
        }
    }

private:
    void collect(ExecutionContext& ctx) {
        collect_scan_nodes(ctx.store, op_, nodes_);
        collected_ = true;
    }

    const LogicalOperator& op_;
    Row input_;
    bool have_input_ = false;
    bool collected_ = false;
    std::vector<storage::NodeId> nodes_;
    std::size_t position_ = 0;
};

class NodeByKeyOperator final : public PhysicalOperator {
public:
    explicit NodeByKeyOperator(const LogicalOperator& op) : op_(op) {}
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        while (child->next(ctx, row)) {
            Value key = evaluate(*op_.key_expression, row, ctx);
            if (key.is_null()) continue;
            auto id = ctx.store.find_by_key(op_.key_type, key);
            if (!id || !ctx.store.node_alive(*id) || !ctx.store.node_has_label(*id, op_.key_type)) continue;
            row[op_.slot] = node_value(*id);
            return true;
        }
        return false;
    }

private:
    const LogicalOperator& op_;
};

}  // namespace

void collect_scan_nodes(const storage::GraphStore& store, const LogicalOperator& op,
                        std::vector<storage::NodeId>& out) {
    out.clear();
    if (op.labels.empty()) {
        for (storage::NodeId id = 0; id < store.node_capacity(); ++id) {
            if (store.node_alive(id)) out.push_back(id);
        }
        return;
    }
    // Resolved now, not at planning: this statement may have created the label.
    std::vector<const storage::NodeTable*> tables;
    for (const auto& name : op.scan_label_names) {
        auto label = store.catalog().find_entity_type(name);
        if (!label) continue;
        for (const auto* t : store.tables_with_label(*label)) {
            if (std::find(tables.begin(), tables.end(), t) == tables.end()) tables.push_back(t);
        }
    }
    for (const auto* t : tables) {
        for (storage::NodeId id : t->row_node) {
            if (id != storage::no_node) out.push_back(id);
        }
    }
    if (tables.size() > 1) std::sort(out.begin(), out.end());
}

PhysicalOperatorPtr make_argument() { return std::make_unique<ArgumentOperator>(); }

PhysicalOperatorPtr make_node_scan(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<NodeScanOperator>(op), std::move(input));
}

PhysicalOperatorPtr make_node_by_key(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<NodeByKeyOperator>(op), std::move(input));
}

}  // namespace kgq::executor
