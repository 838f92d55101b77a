// engine/executor/operators/join_operators.cpp — HashJoinScan: the nodes of a scan hashed
// once by their build key (planner/hash_join.cpp chose `key(n) = probe(row)`), then per input
// row the nodes whose key equals the row's probe value. The hash is the canonical KEY
// encoding, under which openCypher-equal values collide (1 and 1.0, equal lists, the same
// instant); each candidate is then checked with openCypher `=` itself, so NaN and other
// values that encode alike without being equal never join, and null never does.
#include "executor/expression_evaluator.hpp"
#include "executor/operators/operator_factory.hpp"
#include "storage/key_encoding.hpp"
#include "value/value_ops.hpp"

#include <unordered_map>

namespace kgq::executor {
namespace {

class HashJoinScanOperator final : public PhysicalOperator {
public:
    explicit HashJoinScanOperator(const LogicalOperator& op) : op_(op) {}

    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        matches_ = nullptr;
        // The table survives re-opens (OPTIONAL MATCH, subqueries run this once per outer
        // row): the planner uses no hash join where the statement writes in between (MERGE).
    }

    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        while (true) {
            if (matches_) {
                while (position_ < matches_->size()) {
                    const auto& [node, key] = (*matches_)[position_++];
                    if (!value::is_true(value::equals(key, probe_))) continue;
                    row = input_;
                    row[op_.slot] = node_value(node);
                    return true;
                }
                matches_ = nullptr;
            }
            if (!child->next(ctx, input_)) return false;
            if (!built_) build(ctx, input_.size());
            probe_ = evaluate(*op_.expressions[1], input_, ctx);
            if (probe_.is_null()) continue;
            auto code = storage::encode_key(probe_);
            if (!code) continue;
            auto hit = table_.find(*code);
            if (hit == table_.end()) continue;
            matches_ = &hit->second;
            position_ = 0;
        }
    }

private:
    void build(ExecutionContext& ctx, std::size_t width) {
        std::vector<storage::NodeId> nodes;
        collect_scan_nodes(ctx.store, op_, nodes);
        Row scratch(width);
        for (storage::NodeId n : nodes) {
            scratch[op_.slot] = node_value(n);
            Value key = evaluate(*op_.expressions[0], scratch, ctx);
            if (key.is_null()) continue;
            auto code = storage::encode_key(key);
            if (code) table_[std::move(*code)].emplace_back(n, std::move(key));
        }
        built_ = true;
    }

    const LogicalOperator& op_;
    bool built_ = false;
    std::unordered_map<std::string, std::vector<std::pair<storage::NodeId, Value>>> table_;
    Row input_;
    Value probe_;
    const std::vector<std::pair<storage::NodeId, Value>>* matches_ = nullptr;
    std::size_t position_ = 0;
};

}  // namespace

PhysicalOperatorPtr make_hash_join_scan(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<HashJoinScanOperator>(op), std::move(input));
}

}  // namespace kgq::executor
