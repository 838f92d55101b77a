// engine/function/function_registry.cpp — the table of scalar functions: gathered once
// from the family files (string, math, list, conversion, graph, temporal) and looked up
// case-insensitively, as Cypher function names are. Used by the binder and executor.
#include "function/function_registry.hpp"
#include "function/function_support.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace kgq::function {
namespace {

std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

struct Registry {
    std::vector<FunctionDef> defs;
    std::unordered_map<std::string, std::size_t> by_name;  // lowercase name -> index

    Registry() {
        add_string_functions(defs);
        add_math_functions(defs);
        add_list_functions(defs);
        add_conversion_functions(defs);
        add_graph_functions(defs);
        add_temporal_functions(defs);
        add_general_functions(defs);
        for (std::size_t i = 0; i < defs.size(); ++i) by_name.emplace(lowercase(defs[i].name), i);
    }
};

const Registry& registry() {
    static const Registry r;  // thread-safe initialisation; read-only afterwards
    return r;
}

}  // namespace

const FunctionDef* find_function(std::string_view name) {
    const Registry& r = registry();
    auto it = r.by_name.find(lowercase(name));
    return it == r.by_name.end() ? nullptr : &r.defs[it->second];
}

std::vector<std::string> function_names() {
    std::vector<std::string> names;
    for (const FunctionDef& d : registry().defs) names.push_back(d.name);
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace kgq::function
