// tests/unit/value/value_test_support.hpp — helpers for test_value: calling a scalar function
// by name, feeding an aggregate, and checking the TCK classification of a thrown error.
#pragma once

#include "function/aggregate.hpp"
#include "function/function_registry.hpp"
#include "kgq/error.hpp"
#include "kgq/value.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kgq::test {

inline Value call(std::string_view name, std::vector<Value> args = {}) {
    const function::FunctionDef* def = function::find_function(name);
    if (!def) throw std::logic_error("no function " + std::string(name));
    return def->fn(args, function::FunctionContext{});
}

inline Value aggregate(std::string_view name, const std::vector<Value>& inputs, bool distinct = false,
                       const std::vector<Value>& constants = {}) {
    auto agg = function::make_aggregator(name, distinct, constants);
    for (const Value& v : inputs) agg->add(v);
    return agg->result();
}

// "code/detail" of the kgq::Exception thrown by f, or "none".
inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Exception& e) {
        return e.error().code + "/" + e.error().detail;
    }
    return "none";
}

// Cypher literal text, as the TCK writes expected values.
inline std::string text(const Value& v) { return v.to_string(); }

}  // namespace kgq::test
