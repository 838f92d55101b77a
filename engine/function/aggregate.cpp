// engine/function/aggregate.cpp — the aggregate functions as accumulators (aggregate.hpp):
// count, sum, avg, min, max, collect, percentileCont, percentileDisc, stDev, stDevP, with
// DISTINCT as a filter in front by equivalence. Nulls are skipped, as Cypher specifies.
#include "function/aggregate.hpp"
#include "value/temporal.hpp"
#include "value/value_error.hpp"
#include "value/value_ops.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

namespace kgq::function {
namespace {

std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

class Count final : public Aggregator {
public:
    void add(const Value& v) override { count_ += !v.is_null(); }
    Value result() const override { return count_; }

private:
    std::int64_t count_ = 0;
};

// Sum of numbers (integer until a float arrives) or of durations.
class Sum final : public Aggregator {
public:
    void add(const Value& v) override {
        if (v.is_null()) return;
        if (v.kind() == ValueKind::Duration) {
            if (seen_number_) mixed(v);
            seen_duration_ = true;
            duration_ = value::add_durations(duration_, v.as_duration(), 1);
            return;
        }
        if (!v.is_number())
            value::throw_type_error("sum() expected numbers or durations but got " + value::type_name(v));
        if (seen_duration_) mixed(v);
        seen_number_ = true;
        if (v.is_int() && !is_float_) {
            if (!__builtin_add_overflow(int_sum_, v.as_int(), &int_sum_)) return;
            // Integer sums stay exact or fail, like + does.
            value::throw_arithmetic_error("sum() integer overflow", "IntegerOverflow");
        }
        if (!is_float_) {
            float_sum_ = double(int_sum_);
            is_float_ = true;
        }
        float_sum_ += v.as_number();
    }
    Value result() const override {
        if (seen_duration_) return duration_;
        return is_float_ ? Value(float_sum_) : Value(int_sum_);
    }

private:
    [[noreturn]] static void mixed(const Value& v) {
        value::throw_type_error("sum() cannot mix numbers and durations (got " + value::type_name(v) + ")");
    }
    bool seen_number_ = false, seen_duration_ = false, is_float_ = false;
    std::int64_t int_sum_ = 0;
    double float_sum_ = 0;
    Duration duration_;
};

class Avg final : public Aggregator {
public:
    void add(const Value& v) override {
        if (v.is_null()) return;
        if (v.kind() == ValueKind::Duration) {
            if (count_ && !durations_) mixed(v);
            durations_ = true;
            duration_ = value::add_durations(duration_, v.as_duration(), 1);
        } else if (v.is_number()) {
            if (durations_) mixed(v);
            // Welford-style running mean: no overflow and good precision for large counts.
            mean_ += (v.as_number() - mean_) / double(count_ + 1);
        } else {
            value::throw_type_error("avg() expected numbers or durations but got " + value::type_name(v));
        }
        ++count_;
    }
    Value result() const override {
        if (count_ == 0) return Value();
        if (durations_) return value::scale_duration(duration_, 1.0L / count_);
        return mean_;
    }

private:
    [[noreturn]] static void mixed(const Value& v) {
        value::throw_type_error("avg() cannot mix numbers and durations (got " + value::type_name(v) + ")");
    }
    std::int64_t count_ = 0;
    double mean_ = 0;
    bool durations_ = false;
    Duration duration_;
};

// min/max by orderability over the non-null values.
class Extreme final : public Aggregator {
public:
    explicit Extreme(bool max) : max_(max) {}
    void add(const Value& v) override {
        if (v.is_null()) return;
        if (best_.is_null()) {
            best_ = v;
            return;
        }
        int c = value::order(v, best_);
        if (max_ ? c > 0 : c < 0) best_ = v;
    }
    Value result() const override { return best_; }

private:
    bool max_;
    Value best_;
};

class Collect final : public Aggregator {
public:
    void add(const Value& v) override {
        if (!v.is_null()) items_.push_back(v);
    }
    Value result() const override { return items_; }

private:
    List items_;
};

class Percentile final : public Aggregator {
public:
    Percentile(double p, bool continuous) : p_(p), continuous_(continuous) {}
    void add(const Value& v) override {
        if (v.is_null()) return;
        if (!v.is_number()) value::throw_type_error("percentile expected numbers but got " + value::type_name(v));
        values_.push_back(v);
    }
    Value result() const override {
        if (values_.empty()) return Value();
        std::vector<Value> sorted = values_;
        std::sort(sorted.begin(), sorted.end(), [](const Value& a, const Value& b) { return value::order(a, b) < 0; });
        std::size_t n = sorted.size();
        if (continuous_) {
            double index = p_ * double(n - 1);
            auto lower = std::size_t(std::floor(index)), upper = std::size_t(std::ceil(index));
            double lo = sorted[lower].as_number(), hi = sorted[upper].as_number();
            return lower == upper ? lo : lo + (hi - lo) * (index - double(lower));
        }
        // Neo4j's percentileDisc: the smallest value with at least p of the values at or below.
        double index = p_ * double(n);
        auto i = std::size_t(index);
        if (double(i) == index && i > 0) --i;
        return sorted[std::min(i, n - 1)];
    }

private:
    double p_;
    bool continuous_;
    std::vector<Value> values_;
};

class StDev final : public Aggregator {
public:
    explicit StDev(bool population) : population_(population) {}
    void add(const Value& v) override {
        if (v.is_null()) return;
        if (!v.is_number()) value::throw_type_error("stDev expected numbers but got " + value::type_name(v));
        // Welford's online variance.
        double x = v.as_number();
        ++count_;
        double delta = x - mean_;
        mean_ += delta / double(count_);
        m2_ += delta * (x - mean_);
    }
    Value result() const override {
        if (count_ == 0 || (!population_ && count_ < 2)) return 0.0;
        return std::sqrt(m2_ / double(population_ ? count_ : count_ - 1));
    }

private:
    bool population_;
    std::int64_t count_ = 0;
    double mean_ = 0, m2_ = 0;
};

// DISTINCT: passes each equivalence class's first value on to the real accumulator.
class Distinct final : public Aggregator {
public:
    explicit Distinct(std::unique_ptr<Aggregator> inner) : inner_(std::move(inner)) {}
    void add(const Value& v) override {
        if (v.is_null()) return;
        if (seen_.insert(v).second) inner_->add(v);
    }
    Value result() const override { return inner_->result(); }

private:
    std::unique_ptr<Aggregator> inner_;
    std::unordered_set<Value, value::Hash, value::Equivalent> seen_;
};

double percentile_argument(const std::vector<Value>& constants) {
    if (constants.empty() || constants[0].is_null())
        value::throw_argument_error("percentile functions need a percentile between 0.0 and 1.0");
    if (!constants[0].is_number())
        value::throw_type_error("percentile must be a number but was " + value::type_name(constants[0]));
    double p = constants[0].as_number();
    if (!(p >= 0.0 && p <= 1.0))
        value::throw_argument_error("Invalid input '" + constants[0].to_string() +
                                    "' is not a valid argument, must be a number in the range 0.0 to 1.0");
    return p;
}

}  // namespace

bool is_aggregate(std::string_view name) {
    static const char* const names[] = {"count",          "sum",   "avg",   "min", "max", "collect", "percentilecont",
                                        "percentiledisc", "stdev", "stdevp"};
    std::string n = lowercase(name);
    return std::find(std::begin(names), std::end(names), n) != std::end(names);
}

std::unique_ptr<Aggregator> make_aggregator(std::string_view name, bool distinct, const std::vector<Value>& constants) {
    std::string n = lowercase(name);
    std::unique_ptr<Aggregator> a;
    if (n == "count") a = std::make_unique<Count>();
    else if (n == "sum") a = std::make_unique<Sum>();
    else if (n == "avg") a = std::make_unique<Avg>();
    else if (n == "min") a = std::make_unique<Extreme>(false);
    else if (n == "max") a = std::make_unique<Extreme>(true);
    else if (n == "collect") a = std::make_unique<Collect>();
    else if (n == "percentilecont") a = std::make_unique<Percentile>(percentile_argument(constants), true);
    else if (n == "percentiledisc") a = std::make_unique<Percentile>(percentile_argument(constants), false);
    else if (n == "stdev") a = std::make_unique<StDev>(false);
    else if (n == "stdevp") a = std::make_unique<StDev>(true);
    else {
        Error e;
        e.kind = ErrorKind::Semantic;
        e.code = "SyntaxError";
        e.detail = "UnknownFunction";
        e.message = "Unknown aggregate function '" + std::string(name) + "'";
        throw Exception(std::move(e));
    }
    if (distinct) a = std::make_unique<Distinct>(std::move(a));
    return a;
}

}  // namespace kgq::function
