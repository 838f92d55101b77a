// engine/function/function_registry.hpp — the scalar functions of the language, by name
// (case-insensitive): string, math, list, conversion, temporal and graph functions.
// The binder resolves names here (and suggests near misses); the executor calls them.
#pragma once

#include "catalog/logical_type.hpp"
#include "kgq/value.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kgq::storage {
class GraphStore;
}

namespace kgq::function {

// What a function may look at besides its arguments: the graph (labels(n), type(r),
// properties(n), startNode(r), ...). Node/Relationship arguments carry only their id.
struct FunctionContext {
    const storage::GraphStore* graph = nullptr;
};

using ScalarFunction = Value (*)(std::span<const Value> args, const FunctionContext& ctx);

struct FunctionDef {
    std::string name;  // canonical spelling: "toInteger", "date.truncate"
    int min_args = 0;
    int max_args = 0;  // -1: variadic
    ScalarFunction fn = nullptr;
    catalog::LogicalType result_type;  // ANY when it depends on the arguments
    // Whether the function gives a different value per call with the same arguments
    // (rand(), timestamp()): the planner must not fold it.
    bool volatile_result = false;
};

// nullptr when there is no such function.
const FunctionDef* find_function(std::string_view name);
// All names, for "did you mean ...?".
std::vector<std::string> function_names();

}  // namespace kgq::function
