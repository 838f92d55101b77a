// engine/executor/operators/aggregate_operators.cpp — operators that need the whole input:
// Aggregate (implicit grouping by the non-aggregate items), Distinct and Sort.
#include "executor/expression_evaluator.hpp"
#include "executor/operators/operator_factory.hpp"
#include "function/aggregate.hpp"
#include "value/value_ops.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace kgq::executor {
namespace {

struct KeyHash {
    std::size_t operator()(const std::vector<Value>& key) const {
        std::size_t h = 0x9e3779b97f4a7c15ULL;
        for (const auto& v : key) h = (h ^ value::hash(v)) * 0x100000001b3ULL;
        return h;
    }
};
struct KeyEqual {
    bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!value::equivalent(a[i], b[i])) return false;
        }
        return true;
    }
};

class AggregateOperator final : public PhysicalOperator {
public:
    explicit AggregateOperator(const LogicalOperator& op) : op_(op), projection_(*op.projection) {}

    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        groups_.clear();
        order_.clear();
        done_ = false;
        position_ = 0;
    }

    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (op_.multiplicity_slot >= 0) return next_weighted_count(ctx, row);
        if (!done_) consume(ctx);
        if (position_ >= order_.size()) return false;
        Group& g = *order_[position_++];
        row = std::move(g.representative);
        for (std::size_t i = 0; i < projection_.aggregates.size(); ++i) {
            row[projection_.aggregates[i].slot] = g.aggregators[i]->result();
        }
        return true;
    }

private:
    // RETURN count(*) over factorised input: each row stands for `multiplicity` rows.
    bool next_weighted_count(ExecutionContext& ctx, Row& row) {
        if (done_) return false;
        done_ = true;
        std::int64_t total = 0;
        Row in;
        while (child->next(ctx, in)) {
            const Value& weight = in[op_.multiplicity_slot];
            total += weight.is_int() ? weight.as_int() : 1;
        }
        row =
            Row(std::size_t(ctx.query.slot_count) + 1 > in.size() ? std::size_t(ctx.query.slot_count) + 1 : in.size());
        for (const auto& spec : projection_.aggregates) row[spec.slot] = Value(total);
        return true;
    }

    struct Group {
        Row representative;
        std::vector<std::unique_ptr<function::Aggregator>> aggregators;
    };

    void consume(ExecutionContext& ctx) {
        done_ = true;
        Row row;
        std::vector<Value> key;
        bool any = false;
        while (child->next(ctx, row)) {
            any = true;
            key.clear();
            for (int i : projection_.key_items) {
                const auto& item = projection_.items[i];
                Value v = evaluate(*item.expression, row, ctx);
                key.push_back(v);
            }
            auto it = groups_.find(key);
            if (it == groups_.end()) {
                Group g;
                g.representative = row;
                for (std::size_t k = 0; k < projection_.key_items.size(); ++k) {
                    g.representative[projection_.items[projection_.key_items[k]].slot] = key[k];
                }
                g.aggregators = make_aggregators(ctx, row);
                it = groups_.emplace(key, std::move(g)).first;
                order_.push_back(&it->second);
            }
            for (std::size_t i = 0; i < projection_.aggregates.size(); ++i) {
                const auto& spec = projection_.aggregates[i];
                Value v = spec.argument ? evaluate(*spec.argument, row, ctx) : Value(true);
                it->second.aggregators[i]->add(v);
            }
        }
        // Aggregation without grouping keys gives one row even over no input (count(*) = 0).
        if (!any && projection_.key_items.empty()) {
            Group g;
            g.representative = Row(ctx.query.slot_count);
            g.aggregators = make_aggregators(ctx, g.representative);
            auto it = groups_.emplace(std::vector<Value>{}, std::move(g)).first;
            order_.push_back(&it->second);
        }
    }

    std::vector<std::unique_ptr<function::Aggregator>> make_aggregators(ExecutionContext& ctx, Row& row) {
        std::vector<std::unique_ptr<function::Aggregator>> out;
        for (const auto& spec : projection_.aggregates) {
            std::vector<Value> constants;
            for (const auto& c : spec.constants) constants.push_back(evaluate(*c, row, ctx));
            try {
                out.push_back(function::make_aggregator(spec.function, spec.distinct, constants));
            } catch (Exception& ex) {
                if (spec.argument && ex.error().line == 0) {
                    runtime_error(ctx, ex.error().kind, ex.error().code, ex.error().detail, ex.error().message,
                                  spec.argument->offset, spec.argument->length);
                }
                throw;
            }
        }
        return out;
    }

    const LogicalOperator& op_;
    const binder::BoundProjection& projection_;
    std::unordered_map<std::vector<Value>, Group, KeyHash, KeyEqual> groups_;
    std::vector<Group*> order_;
    bool done_ = false;
    std::size_t position_ = 0;
};

// Factorised counting: rows that differ only in what nobody reads any more are merged into
// one row per value of `slot`, carrying how many rows it stands for (multiplicity slot).
class CollapseOperator final : public PhysicalOperator {
public:
    explicit CollapseOperator(const LogicalOperator& op) : op_(op) {}
    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        groups_.clear();
        order_.clear();
        position_ = 0;
        Row in;
        while (child->next(ctx, in)) {
            const Value& v = in[op_.slot];
            if (!v.is_node()) continue;
            const Value& weight = in[op_.multiplicity_slot];
            std::int64_t w = weight.is_int() ? weight.as_int() : 1;
            auto [it, inserted] = groups_.try_emplace(v.as_node().id, 0);
            if (inserted) {
                order_.push_back(v.as_node().id);
                width_ = in.size();
            }
            it->second += w;
        }
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (position_ >= order_.size()) return false;
        storage::NodeId id = order_[position_++];
        row.assign(width_, Value());
        row[op_.slot] = node_value(id);
        row[op_.multiplicity_slot] = Value(groups_[id]);
        return true;
    }

private:
    const LogicalOperator& op_;
    std::unordered_map<storage::NodeId, std::int64_t> groups_;
    std::vector<storage::NodeId> order_;
    std::size_t width_ = 0;
    std::size_t position_ = 0;
};

class DistinctOperator final : public PhysicalOperator {
public:
    explicit DistinctOperator(const LogicalOperator& op) : op_(op) {}
    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        seen_.clear();
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        while (child->next(ctx, row)) {
            std::vector<Value> key;
            key.reserve(op_.slots.size());
            for (int s : op_.slots) key.push_back(row[s]);
            if (seen_.insert(std::move(key)).second) return true;
        }
        return false;
    }

private:
    const LogicalOperator& op_;
    std::unordered_set<std::vector<Value>, KeyHash, KeyEqual> seen_;
};

class SortOperator final : public PhysicalOperator {
public:
    explicit SortOperator(const LogicalOperator& op) : op_(op) {}
    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        rows_.clear();
        sorted_ = false;
        position_ = 0;
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (!sorted_) {
            Row r;
            while (child->next(ctx, r)) {
                Entry e;
                for (const auto* key : op_.sort_keys) e.keys.push_back(evaluate(*key->expression, r, ctx));
                e.row = std::move(r);
                rows_.push_back(std::move(e));
            }
            // The comparison ticks: sorting millions of rows can be stopped too (a throw
            // leaves rows_ valid, and the statement discards it).
            std::stable_sort(rows_.begin(), rows_.end(), [&](const Entry& a, const Entry& b) {
                ctx.tick();
                for (std::size_t i = 0; i < op_.sort_keys.size(); ++i) {
                    int c = value::order(a.keys[i], b.keys[i]);
                    if (c != 0) return op_.sort_keys[i]->descending ? c > 0 : c < 0;
                }
                return false;
            });
            sorted_ = true;
        }
        if (position_ >= rows_.size()) return false;
        row = std::move(rows_[position_++].row);
        return true;
    }

private:
    struct Entry {
        std::vector<Value> keys;
        Row row;
    };
    const LogicalOperator& op_;
    std::vector<Entry> rows_;
    bool sorted_ = false;
    std::size_t position_ = 0;
};

}  // namespace

PhysicalOperatorPtr make_aggregate(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<AggregateOperator>(op), std::move(input));
}
PhysicalOperatorPtr make_collapse(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<CollapseOperator>(op), std::move(input));
}

PhysicalOperatorPtr make_distinct(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<DistinctOperator>(op), std::move(input));
}
PhysicalOperatorPtr make_sort(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<SortOperator>(op), std::move(input));
}

}  // namespace kgq::executor
