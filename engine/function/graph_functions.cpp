// engine/function/graph_functions.cpp — functions on nodes, relationships and paths: id,
// elementId, labels, type, properties, keys, length, nodes, relationships, startNode,
// endNode. Inside the engine graph elements carry only their id, so labels, types and
// properties are read from ctx.graph; without a graph the value's own fields are used.
#include "function/function_support.hpp"
#include "storage/graph_store.hpp"

#include <algorithm>

namespace kgq::function {
namespace {

using catalog::TypeKind;

// labels(1) and type(1) are InvalidArgumentValue in the TCK (Graph3, Graph4).
[[noreturn]] void not_an_element(std::string_view fn, const Value& v, std::string_view expected) {
    value::throw_type_error("Type mismatch: " + std::string(fn) + "() expected " + std::string(expected) + " but was " +
                                value::type_name(v),
                            "InvalidArgumentValue");
}

Map properties_from_store(const storage::GraphStore& g,
                          const std::vector<std::pair<catalog::PropertyKeyId, Value>>& props) {
    Map m;
    for (const auto& [key, v] : props) m[g.catalog().property_key_name(key)] = v;
    return m;
}

Map node_properties(const Node& n, const FunctionContext& ctx) {
    return ctx.graph ? properties_from_store(*ctx.graph, ctx.graph->node_properties(n.id)) : n.properties;
}

Map relationship_properties(const Relationship& r, const FunctionContext& ctx) {
    return ctx.graph ? properties_from_store(*ctx.graph, ctx.graph->rel_properties(r.id)) : r.properties;
}

Value id(Args a, const FunctionContext&) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (v.is_node()) return std::int64_t(v.as_node().id);
    if (v.is_relationship()) return std::int64_t(v.as_relationship().id);
    not_an_element("id", v, "NODE or RELATIONSHIP");
}

// Node and relationship ids are separate spaces; the prefix keeps element ids distinct.
Value element_id(Args a, const FunctionContext&) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (v.is_node()) return "n:" + std::to_string(v.as_node().id);
    if (v.is_relationship()) return "r:" + std::to_string(v.as_relationship().id);
    not_an_element("elementId", v, "NODE or RELATIONSHIP");
}

Value labels(Args a, const FunctionContext& ctx) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (!v.is_node()) not_an_element("labels", v, "NODE");
    List out;
    if (!ctx.graph) {
        for (const auto& l : v.as_node().labels) out.emplace_back(l);
        return out;
    }
    // In strict mode a node has its most specific type; its supertypes are labels too.
    const catalog::Catalog& cat = ctx.graph->catalog();
    std::vector<catalog::TypeId> seen;
    for (catalog::TypeId t : ctx.graph->node_labels(v.as_node().id))
        for (catalog::TypeId ancestor : cat.ancestry(t))
            if (std::find(seen.begin(), seen.end(), ancestor) == seen.end()) {
                seen.push_back(ancestor);
                out.emplace_back(cat.entity_type(ancestor).name);
            }
    return out;
}

Value type(Args a, const FunctionContext& ctx) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (!v.is_relationship()) not_an_element("type", v, "RELATIONSHIP");
    if (!ctx.graph) return v.as_relationship().type;
    return ctx.graph->catalog().relation_type(ctx.graph->rel_type(v.as_relationship().id)).name;
}

Value properties(Args a, const FunctionContext& ctx) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (v.is_map()) return v;
    if (v.is_node()) return node_properties(v.as_node(), ctx);
    if (v.is_relationship()) return relationship_properties(v.as_relationship(), ctx);
    wrong_type("properties", v, "NODE, RELATIONSHIP or MAP");
}

Value keys(Args a, const FunctionContext& ctx) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    Map m;
    if (v.is_map()) m = v.as_map();
    else if (v.is_node()) m = node_properties(v.as_node(), ctx);
    else if (v.is_relationship()) m = relationship_properties(v.as_relationship(), ctx);
    else wrong_type("keys", v, "NODE, RELATIONSHIP or MAP");
    List out;
    for (const auto& [k, _] : m) out.emplace_back(k);
    return out;
}

Value length(Args a, const FunctionContext&) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (v.is_path()) return std::int64_t(v.as_path().relationships.size());
    wrong_type("length", v, "PATH");
}

Value nodes(Args a, const FunctionContext&) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (!v.is_path()) wrong_type("nodes", v, "PATH");
    List out;
    for (const Node& n : v.as_path().nodes) out.emplace_back(n);
    return out;
}

Value relationships(Args a, const FunctionContext&) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (!v.is_path()) wrong_type("relationships", v, "PATH");
    List out;
    for (const Relationship& r : v.as_path().relationships) out.emplace_back(r);
    return out;
}

Value endpoint(const Value& v, const FunctionContext& ctx, bool start, std::string_view fn) {
    if (v.is_null()) return Value();
    if (!v.is_relationship()) wrong_type(fn, v, "RELATIONSHIP");
    const Relationship& r = v.as_relationship();
    Node n;
    n.id = ctx.graph ? (start ? ctx.graph->rel_source(r.id) : ctx.graph->rel_target(r.id)) : (start ? r.start : r.end);
    return n;
}

Value start_node(Args a, const FunctionContext& ctx) { return endpoint(a[0], ctx, true, "startNode"); }
Value end_node(Args a, const FunctionContext& ctx) { return endpoint(a[0], ctx, false, "endNode"); }

}  // namespace

void add_graph_functions(std::vector<FunctionDef>& out) {
    auto list_of = [](FunctionDef d, TypeKind element) {
        d.result_type = catalog::LogicalType::list_of(element);
        return d;
    };
    out.push_back(def("id", 1, 1, id, TypeKind::Int));
    out.push_back(def("elementId", 1, 1, element_id, TypeKind::String));
    out.push_back(list_of(def("labels", 1, 1, labels), TypeKind::String));
    out.push_back(def("type", 1, 1, type, TypeKind::String));
    out.push_back(def("properties", 1, 1, properties, TypeKind::Map));
    out.push_back(list_of(def("keys", 1, 1, keys), TypeKind::String));
    out.push_back(def("length", 1, 1, length, TypeKind::Int));
    out.push_back(list_of(def("nodes", 1, 1, nodes), TypeKind::Node));
    out.push_back(list_of(def("relationships", 1, 1, relationships), TypeKind::Relationship));
    out.push_back(def("startNode", 1, 1, start_node, TypeKind::Node));
    out.push_back(def("endNode", 1, 1, end_node, TypeKind::Node));
}

}  // namespace kgq::function
