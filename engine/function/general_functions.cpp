// engine/function/general_functions.cpp — functions about null itself rather than a type:
// coalesce (first non-null argument) and exists on a value (whether it is non-null, the
// property form `exists(n.prop)`; pattern existence is the planner's).
#include "function/function_support.hpp"

namespace kgq::function {
namespace {

Value coalesce(Args a, const FunctionContext&) {
    for (const Value& v : a)
        if (!v.is_null()) return v;
    return Value();
}

Value exists(Args a, const FunctionContext&) { return !a[0].is_null(); }

}  // namespace

void add_general_functions(std::vector<FunctionDef>& out) {
    out.push_back(def("coalesce", 1, -1, coalesce));
    out.push_back(def("exists", 1, 1, exists, catalog::TypeKind::Bool));
}

}  // namespace kgq::function
