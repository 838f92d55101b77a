// engine/function/procedure_registry.cpp — see procedure_registry.hpp.
#include "function/procedure_registry.hpp"

#include "storage/graph_store.hpp"
#include "value/value_ops.hpp"

#include <algorithm>

namespace kgq::function {

ProcedureRegistry::ProcedureRegistry() {
    auto string_field = [](std::string name) {
        return ProcedureField{std::move(name), catalog::LogicalType::of(catalog::TypeKind::String), false};
    };
    procedures_["db.labels"] = Procedure{
        "db.labels", {}, {string_field("label")}, [](const std::vector<Value>&, const storage::GraphStore& store) {
            std::vector<std::vector<Value>> rows;
            const auto& c = store.catalog();
            for (catalog::TypeId t = 0; t < c.entity_type_count(); ++t) {
                if (store.count_with_label(t) > 0) rows.push_back({Value(c.entity_type(t).name)});
            }
            return rows;
        }};
    procedures_["db.relationshipTypes"] = Procedure{"db.relationshipTypes",
                                                    {},
                                                    {string_field("relationshipType")},
                                                    [](const std::vector<Value>&, const storage::GraphStore& store) {
                                                        std::vector<std::vector<Value>> rows;
                                                        const auto& c = store.catalog();
                                                        for (catalog::TypeId t = 0; t < c.relation_type_count(); ++t) {
                                                            if (store.count_with_type(t) > 0)
                                                                rows.push_back({Value(c.relation_type(t).name)});
                                                        }
                                                        return rows;
                                                    }};
    procedures_["db.propertyKeys"] = Procedure{"db.propertyKeys",
                                               {},
                                               {string_field("propertyKey")},
                                               [](const std::vector<Value>&, const storage::GraphStore& store) {
                                                   std::vector<std::vector<Value>> rows;
                                                   const auto& c = store.catalog();
                                                   for (catalog::PropertyKeyId k = 0; k < c.property_key_count(); ++k)
                                                       rows.push_back({Value(c.property_key_name(k))});
                                                   return rows;
                                               }};
}

const Procedure* ProcedureRegistry::find(std::string_view name) const {
    auto it = procedures_.find(name);
    return it == procedures_.end() ? nullptr : &it->second;
}

std::vector<std::string> ProcedureRegistry::names() const {
    std::vector<std::string> out;
    for (const auto& [name, _] : procedures_) out.push_back(name);
    return out;
}

void ProcedureRegistry::register_table(std::string name, std::vector<ProcedureField> inputs,
                                       std::vector<ProcedureField> outputs, std::vector<std::vector<Value>> rows) {
    const std::size_t n_in = inputs.size();
    Procedure p;
    p.name = name;
    p.inputs = std::move(inputs);
    p.outputs = std::move(outputs);
    p.run = [rows = std::move(rows), n_in](const std::vector<Value>& args, const storage::GraphStore&) {
        std::vector<std::vector<Value>> out;
        for (const auto& row : rows) {
            bool match = row.size() >= n_in;
            for (std::size_t i = 0; match && i < n_in; ++i) match = value::equivalent(row[i], args[i]);
            if (match) out.emplace_back(row.begin() + static_cast<std::ptrdiff_t>(n_in), row.end());
        }
        return out;
    };
    procedures_[name] = std::move(p);
}

bool procedure_accepts(const ProcedureField& field, const Value& v) {
    if (v.is_null() || field.type.kind == catalog::TypeKind::Any) return true;
    if (field.number) return v.is_number();
    return field.type.accepts(v);
}

}  // namespace kgq::function
