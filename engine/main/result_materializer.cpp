// engine/main/result_materializer.cpp — see result_materializer.hpp.
#include "main/result_materializer.hpp"

namespace kgq {
namespace {

Map properties_of(const storage::GraphStore& store,
                  const std::vector<std::pair<catalog::PropertyKeyId, Value>>& props) {
    Map m;
    for (const auto& [k, v] : props) m[store.catalog().property_key_name(k)] = v;
    return m;
}

void materialize_node(const storage::GraphStore& store, Node& n) {
    if (!store.node_alive(n.id)) return;  // deleted by the statement: id only
    n.labels.clear();
    for (catalog::TypeId t : store.node_labels(n.id)) n.labels.push_back(store.catalog().entity_type(t).name);
    n.properties = properties_of(store, store.node_properties(n.id));
}

void materialize_relationship(const storage::GraphStore& store, Relationship& r) {
    if (!store.rel_alive(r.id)) return;
    r.type = store.catalog().relation_type(store.rel_type(r.id)).name;
    r.start = store.rel_source(r.id);
    r.end = store.rel_target(r.id);
    r.properties = properties_of(store, store.rel_properties(r.id));
}

void materialize(const storage::GraphStore& store, Value& v) {
    switch (v.kind()) {
        case ValueKind::Node: materialize_node(store, v.as_node()); break;
        case ValueKind::Relationship: materialize_relationship(store, v.as_relationship()); break;
        case ValueKind::Path:
            for (auto& n : v.as_path().nodes) materialize_node(store, n);
            for (auto& r : v.as_path().relationships) materialize_relationship(store, r);
            break;
        case ValueKind::List:
            for (auto& e : v.as_list()) materialize(store, e);
            break;
        case ValueKind::Map:
            for (auto& [k, e] : v.as_map()) materialize(store, e);
            break;
        default: break;
    }
}

}  // namespace

void materialize_rows(const storage::GraphStore& store, std::vector<std::vector<Value>>& rows) {
    for (auto& row : rows) {
        for (auto& v : row) materialize(store, v);
    }
}

std::string column_type_name(const binder::BoundQuery& query, const planner::LogicalPlan& plan, std::size_t column) {
    int slot = plan.column_slots[column];
    for (const auto& part : query.parts) {
        for (const auto& clause : part.clauses) {
            const auto* p = std::get_if<binder::BoundProjection>(&clause);
            if (!p || !p->is_return) continue;
            for (const auto& item : p->items) {
                if (item.slot == slot && item.expression) return item.expression->type.to_string();
            }
        }
    }
    switch (query.slot_kinds[slot]) {
        case binder::VariableKind::Node: return "NODE";
        case binder::VariableKind::Relationship: return "RELATIONSHIP";
        case binder::VariableKind::Path: return "PATH";
        default: return "ANY";
    }
}

}  // namespace kgq
