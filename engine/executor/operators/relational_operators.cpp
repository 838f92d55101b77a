// engine/executor/operators/relational_operators.cpp — row-at-a-time operators: Filter,
// Project, Optional (OPTIONAL MATCH), Unwind, Skip, Limit, Eager and Union.
#include "executor/expression_evaluator.hpp"
#include "executor/operators/operator_factory.hpp"
#include "function/procedure_registry.hpp"
#include "value/value_ops.hpp"

#include <cmath>
#include <deque>

namespace kgq::executor {
namespace {

class FilterOperator final : public PhysicalOperator {
public:
    explicit FilterOperator(const LogicalOperator& op) : op_(op) {}
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        while (child->next(ctx, row)) {
            bool keep = true;
            for (const auto* predicate : op_.expressions) {
                if (!value::is_true(evaluate(*predicate, row, ctx))) {
                    keep = false;
                    break;
                }
            }
            if (keep) return true;
        }
        return false;
    }

private:
    const LogicalOperator& op_;
};

class ProjectOperator final : public PhysicalOperator {
public:
    explicit ProjectOperator(const LogicalOperator& op) : op_(op) {}
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (!child->next(ctx, row)) return false;
        // Evaluate all first: an item may read a slot another item writes (WITH a AS b, b AS a).
        values_.clear();
        for (const auto* e : op_.expressions) values_.push_back(evaluate(*e, row, ctx));
        for (std::size_t i = 0; i < op_.slots.size(); ++i) row[op_.slots[i]] = std::move(values_[i]);
        return true;
    }

private:
    const LogicalOperator& op_;
    std::vector<Value> values_;
};

class OptionalOperator final : public PhysicalOperator {
public:
    OptionalOperator(const LogicalOperator& op, PhysicalOperatorPtr inner) : op_(op), inner_(std::move(inner)) {}

    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        active_ = false;
    }

    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        while (true) {
            if (active_) {
                if (inner_->next(ctx, row)) {
                    matched_ = true;
                    return true;
                }
                active_ = false;
                if (!matched_) {
                    row = input_;
                    for (int s : op_.slots) row[s] = Value();
                    return true;
                }
            }
            if (!child->next(ctx, input_)) return false;
            inner_->open(ctx, input_);
            active_ = true;
            matched_ = false;
        }
    }

private:
    const LogicalOperator& op_;
    PhysicalOperatorPtr inner_;
    Row input_;
    bool active_ = false;
    bool matched_ = false;
};

class UnwindOperator final : public PhysicalOperator {
public:
    explicit UnwindOperator(const LogicalOperator& op) : op_(op) {}
    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        items_.clear();
        position_ = 0;
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        while (true) {
            if (position_ < items_.size()) {
                row = input_;
                row[op_.slot] = items_[position_++];
                return true;
            }
            if (!child->next(ctx, input_)) return false;
            Value list = evaluate(*op_.expressions[0], input_, ctx);
            items_.clear();
            position_ = 0;
            if (list.is_null()) continue;
            if (list.is_list()) {
                items_ = std::move(list.as_list());
            } else {
                items_.push_back(std::move(list));  // UNWIND of a scalar yields it once
            }
        }
    }

private:
    const LogicalOperator& op_;
    Row input_;
    List items_;
    std::size_t position_ = 0;
};

std::int64_t count_argument(ExecutionContext& ctx, const binder::BoundExpression& e, const char* what) {
    Row empty(ctx.query.slot_count);
    Value v = evaluate(e, empty, ctx);
    if (v.is_float() && std::floor(v.as_float()) == v.as_float()) {
        runtime_error(ctx, ErrorKind::Type, "SyntaxError", "InvalidArgumentType",
                      std::string(what) + " needs an integer, got " + v.to_string(), e.offset, e.length);
    }
    if (!v.is_int()) {
        runtime_error(ctx, ErrorKind::Type, "SyntaxError", "InvalidArgumentType",
                      std::string(what) + " needs an integer, got " + v.to_string(), e.offset, e.length);
    }
    if (v.as_int() < 0) {
        runtime_error(ctx, ErrorKind::Runtime, "SyntaxError", "NegativeIntegerArgument",
                      std::string(what) + " needs a non-negative integer, got " + v.to_string(), e.offset, e.length);
    }
    return v.as_int();
}

class SkipOperator final : public PhysicalOperator {
public:
    explicit SkipOperator(const LogicalOperator& op) : op_(op) {}
    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        remaining_ = count_argument(ctx, *op_.expressions[0], "SKIP");
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        while (remaining_ > 0) {
            if (!child->next(ctx, row)) return false;
            --remaining_;
        }
        return child->next(ctx, row);
    }

private:
    const LogicalOperator& op_;
    std::int64_t remaining_ = 0;
};

class LimitOperator final : public PhysicalOperator {
public:
    explicit LimitOperator(const LogicalOperator& op) : op_(op) {}
    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        remaining_ = count_argument(ctx, *op_.expressions[0], "LIMIT");
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (remaining_ <= 0) return false;
        if (!child->next(ctx, row)) return false;
        --remaining_;
        return true;
    }

private:
    const LogicalOperator& op_;
    std::int64_t remaining_ = 0;
};

// Materialises its whole input when opened, so that the writes below it all happen even
// when nothing above pulls (LIMIT 0) and reads above never see them half done.
class EagerOperator final : public PhysicalOperator {
public:
    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        rows_.clear();
        Row r;
        while (child->next(ctx, r)) rows_.push_back(r);
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (rows_.empty()) return false;
        row = std::move(rows_.front());
        rows_.pop_front();
        return true;
    }

private:
    std::deque<Row> rows_;
};

class UnionOperator final : public PhysicalOperator {
public:
    UnionOperator(const LogicalOperator& op, PhysicalOperatorPtr right) : op_(op), right_(std::move(right)) {}
    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        right_->open(ctx, argument);
        left_done_ = false;
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (!left_done_) {
            if (child->next(ctx, row)) return true;
            left_done_ = true;
        }
        Row r;
        if (!right_->next(ctx, r)) return false;
        row.assign(r.size(), Value());
        for (std::size_t i = 0; i < op_.left_slots.size(); ++i)
            row[op_.left_slots[i]] = std::move(r[op_.right_slots[i]]);
        return true;
    }

private:
    const LogicalOperator& op_;
    PhysicalOperatorPtr right_;
    bool left_done_ = false;
};

// CALL: the procedure's output rows for each input row, yielded into their slots.
class CallOperator final : public PhysicalOperator {
public:
    explicit CallOperator(const LogicalOperator& op) : op_(op) {}
    void open(ExecutionContext& ctx, const Row& argument) override {
        PhysicalOperator::open(ctx, argument);
        outputs_.clear();
        position_ = 0;
    }
    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        const binder::BoundCall& call = *op_.call;
        while (true) {
            if (position_ < outputs_.size()) {
                row = input_;
                const auto& out = outputs_[position_++];
                for (std::size_t i = 0; i < call.output_slots.size() && i < out.size(); ++i) {
                    if (call.output_slots[i] >= 0) row[call.output_slots[i]] = out[i];
                }
                return true;
            }
            if (!child->next(ctx, input_)) return false;
            std::vector<Value> args;
            for (const auto& a : call.arguments) args.push_back(evaluate(*a, input_, ctx));
            for (std::size_t i = 0; i < args.size() && i < call.definition->inputs.size(); ++i) {
                if (!function::procedure_accepts(call.definition->inputs[i], args[i])) {
                    runtime_error(ctx, ErrorKind::Type, "TypeError", "InvalidArgumentType",
                                  "Argument `" + call.definition->inputs[i].name + "` of " + call.procedure + " is " +
                                      call.definition->inputs[i].type.to_string() + ", got " +
                                      kind_name(args[i].kind()),
                                  call.arguments[i]->offset, call.arguments[i]->length);
                }
                // INTEGER arguments to FLOAT inputs arrive as floats, as in Neo4j.
                if (call.definition->inputs[i].type.kind == catalog::TypeKind::Float && args[i].is_int() &&
                    !call.definition->inputs[i].number) {
                    args[i] = Value(static_cast<double>(args[i].as_int()));
                }
            }
            outputs_ = call.definition->run(args, ctx.store);
            position_ = 0;
            if (call.output_slots.empty()) {
                // A procedure without outputs passes each input row through once.
                outputs_.clear();
                row = input_;
                return true;
            }
        }
    }

private:
    const LogicalOperator& op_;
    Row input_;
    std::vector<std::vector<Value>> outputs_;
    std::size_t position_ = 0;
};

}  // namespace

PhysicalOperatorPtr make_filter(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<FilterOperator>(op), std::move(input));
}
PhysicalOperatorPtr make_project(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<ProjectOperator>(op), std::move(input));
}
PhysicalOperatorPtr make_optional(const LogicalOperator& op, PhysicalOperatorPtr input, PhysicalOperatorPtr inner) {
    return with_input(std::make_unique<OptionalOperator>(op, std::move(inner)), std::move(input));
}
PhysicalOperatorPtr make_unwind(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<UnwindOperator>(op), std::move(input));
}
PhysicalOperatorPtr make_skip(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<SkipOperator>(op), std::move(input));
}
PhysicalOperatorPtr make_limit(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<LimitOperator>(op), std::move(input));
}
PhysicalOperatorPtr make_call(const LogicalOperator& op, PhysicalOperatorPtr input) {
    return with_input(std::make_unique<CallOperator>(op), std::move(input));
}
PhysicalOperatorPtr make_eager(PhysicalOperatorPtr input) {
    return with_input(std::make_unique<EagerOperator>(), std::move(input));
}
PhysicalOperatorPtr make_union(const LogicalOperator& op, PhysicalOperatorPtr left, PhysicalOperatorPtr right) {
    return with_input(std::make_unique<UnionOperator>(op, std::move(right)), std::move(left));
}

}  // namespace kgq::executor
