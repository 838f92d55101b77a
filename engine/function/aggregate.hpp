// engine/function/aggregate.hpp — aggregate functions (count, sum, avg, min, max, collect,
// percentileCont, percentileDisc, stDev, stDevP) as accumulators, one per group.
// The executor's aggregation operator feeds them; DISTINCT is handled here.
#pragma once

#include "kgq/value.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace kgq::function {

class Aggregator {
public:
    virtual ~Aggregator() = default;
    // One input row's argument value (nulls are ignored, as Cypher's aggregates do).
    virtual void add(const Value& v) = 0;
    virtual Value result() const = 0;
};

// Whether name (case-insensitive) is an aggregate function.
bool is_aggregate(std::string_view name);

// A fresh accumulator. `constants` holds the further arguments that must be constant for
// the whole aggregation (the percentile of percentileCont/percentileDisc). Throws
// kgq::Exception on bad arguments. count(*) is make_aggregator("count", false, {}) fed
// a non-null value per row.
std::unique_ptr<Aggregator> make_aggregator(std::string_view name, bool distinct, const std::vector<Value>& constants);

}  // namespace kgq::function
