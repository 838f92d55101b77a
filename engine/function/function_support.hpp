// engine/function/function_support.hpp — what every scalar function family shares: the
// family registration hooks called by function_registry.cpp and argument checks that
// raise the TCK's errors. Private to engine/function.
#pragma once

#include "function/function_registry.hpp"
#include "value/value_error.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace kgq::function {

// One per family file; each appends its FunctionDefs.
void add_string_functions(std::vector<FunctionDef>& out);
void add_math_functions(std::vector<FunctionDef>& out);
void add_list_functions(std::vector<FunctionDef>& out);
void add_conversion_functions(std::vector<FunctionDef>& out);
void add_graph_functions(std::vector<FunctionDef>& out);
void add_temporal_functions(std::vector<FunctionDef>& out);
void add_general_functions(std::vector<FunctionDef>& out);

using Args = std::span<const Value>;

inline bool any_null(Args args) {
    for (const Value& a : args)
        if (a.is_null()) return true;
    return false;
}

// TypeError (InvalidArgumentType): `fn` got a value of the wrong kind.
[[noreturn]] inline void wrong_type(std::string_view fn, const Value& got, std::string_view expected) {
    value::throw_type_error("Type mismatch: " + std::string(fn) + "() expected " + std::string(expected) + " but was " +
                            value::type_name(got));
}

inline std::int64_t int_arg(std::string_view fn, const Value& v) {
    if (!v.is_int()) wrong_type(fn, v, "INTEGER");
    return v.as_int();
}
inline double number_arg(std::string_view fn, const Value& v) {
    if (!v.is_number()) wrong_type(fn, v, "INTEGER or FLOAT");
    return v.as_number();
}
inline const std::string& string_arg(std::string_view fn, const Value& v) {
    if (!v.is_string()) wrong_type(fn, v, "STRING");
    return v.as_string();
}

inline FunctionDef def(std::string name, int min_args, int max_args, ScalarFunction fn,
                       catalog::TypeKind result = catalog::TypeKind::Any, bool volatile_result = false) {
    return FunctionDef{std::move(name), min_args, max_args, fn, catalog::LogicalType::of(result), volatile_result};
}

}  // namespace kgq::function
