// engine/executor/write_checks.cpp — see write_checks.hpp.
#include "executor/write_checks.hpp"

#include "binder/name_suggestion.hpp"

namespace kgq::executor {
namespace {

[[noreturn]] void schema_error(ExecutionContext& ctx, std::string detail, std::string message, SourceSpan at) {
    runtime_error(ctx, ErrorKind::Schema, "SchemaError", std::move(detail), std::move(message), at.offset, at.length);
}

std::vector<std::string> entity_type_names(const catalog::Catalog& c) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < c.entity_type_count(); ++i) names.push_back(c.entity_type(i).name);
    return names;
}

// Open mode: what Neo4j can store as a property.
bool storable(const Value& v) {
    switch (v.kind()) {
        case ValueKind::Map:
        case ValueKind::Node:
        case ValueKind::Relationship:
        case ValueKind::Path: return false;
        case ValueKind::List: {
            const List& l = v.as_list();
            for (const auto& e : l) {
                if (e.is_null() || e.is_list() || !storable(e)) return false;
                bool same = e.kind() == l.front().kind() || (e.is_number() && l.front().is_number());
                if (!same) return false;
            }
            return true;
        }
        default: return true;
    }
}

// Strict mode: the property must be declared (def) and the value must fit its type.
std::pair<storage::PropertyKeyId, Value> declared_property(ExecutionContext& ctx, const catalog::PropertyDef* def,
                                                           const std::string& owner, const std::string& key,
                                                           Value value, SourceSpan at,
                                                           const std::vector<std::string>& declared_names) {
    if (!def) {
        schema_error(ctx, "UnknownProperty",
                     "Unknown property '" + key + "' on " + owner + binder::did_you_mean(key, declared_names), at);
    }
    if (!def->type.accepts(value)) {
        runtime_error(ctx, ErrorKind::Schema, "TypeError", "InvalidPropertyType",
                      "Property " + owner + "." + key + " is " + def->type.to_string() + ", got " +
                          kind_name(value.kind()) + " " + value.to_string(),
                      at.offset, at.length);
    }
    return {def->key, def->type.coerce(std::move(value))};
}

// Open mode: any key, any storable value.
std::pair<storage::PropertyKeyId, Value> open_property(ExecutionContext& ctx, const std::string& key, Value value,
                                                       SourceSpan at) {
    if (!storable(value)) {
        runtime_error(ctx, ErrorKind::Type, "TypeError", "InvalidPropertyType",
                      std::string("Property values can only be of primitive types or lists of them, got ") +
                          kind_name(value.kind()),
                      at.offset, at.length);
    }
    return {ctx.store.catalog().intern_property_key(key), std::move(value)};
}

}  // namespace

storage::LabelSet labels_for_new_node(ExecutionContext& ctx, const std::vector<std::vector<std::string>>& labels,
                                      SourceSpan at) {
    auto& catalog = ctx.store.catalog();
    storage::LabelSet out;
    if (catalog.strict()) {
        if (labels.size() != 1) {
            schema_error(ctx, "NodeTypeRequired",
                         labels.empty() ? "A node needs exactly one node type in a graph with a schema"
                                        : "A node has exactly one node type in a graph with a schema; got " +
                                              std::to_string(labels.size()),
                         at);
        }
        const std::string& name = labels[0][0];
        auto type = catalog.find_entity_type(name);
        if (!type) {
            schema_error(ctx, "UnknownNodeType",
                         "Unknown node type '" + name + "'" + binder::did_you_mean(name, entity_type_names(catalog)),
                         at);
        }
        if (catalog.entity_type(*type).abstract) {
            schema_error(ctx, "AbstractNodeType", "Node type '" + name + "' is abstract: create one of its subtypes",
                         at);
        }
        out.push_back(*type);
        return out;
    }
    for (const auto& group : labels) {
        catalog::TypeId t = catalog.ensure_label(group[0]);
        if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::pair<storage::PropertyKeyId, Value> checked_node_property(ExecutionContext& ctx, const storage::LabelSet& labels,
                                                               const std::string& key, Value value, SourceSpan at) {
    auto& catalog = ctx.store.catalog();
    if (!catalog.strict() || labels.size() != 1) return open_property(ctx, key, std::move(value), at);
    auto k = catalog.find_property_key(key);
    std::vector<std::string> names;
    for (const auto* p : catalog.properties_of(labels[0])) names.push_back(p->name);
    return declared_property(ctx, k ? catalog.find_property(labels[0], *k) : nullptr,
                             catalog.entity_type(labels[0]).name, key, std::move(value), at, names);
}

void check_keys_present(ExecutionContext& ctx, const storage::LabelSet& labels,
                        const std::vector<std::pair<storage::PropertyKeyId, Value>>& properties, SourceSpan at) {
    auto& catalog = ctx.store.catalog();
    if (!catalog.strict() || labels.size() != 1) return;
    const catalog::PropertyDef* key = catalog.key_property(labels[0]);
    if (!key) return;
    for (const auto& [k, v] : properties) {
        if (k == key->key && !v.is_null()) return;
    }
    schema_error(ctx, "MissingKey",
                 "A " + catalog.entity_type(labels[0]).name + " needs its key property '" + key->name + "'", at);
}

catalog::TypeId relation_type_for_new_relationship(ExecutionContext& ctx, const std::string& name, storage::NodeId from,
                                                   storage::NodeId to, SourceSpan at) {
    auto& catalog = ctx.store.catalog();
    if (!catalog.strict()) return catalog.ensure_relation_type(name);
    auto type = catalog.find_relation_type(name);
    if (!type) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < catalog.relation_type_count(); ++i) names.push_back(catalog.relation_type(i).name);
        schema_error(ctx, "UnknownRelationType",
                     "Unknown relation type '" + name + "'" + binder::did_you_mean(name, names), at);
    }
    const auto& from_labels = ctx.store.node_labels(from);
    const auto& to_labels = ctx.store.node_labels(to);
    catalog::TypeId a = from_labels.empty() ? catalog::no_type : from_labels[0];
    catalog::TypeId b = to_labels.empty() ? catalog::no_type : to_labels[0];
    if (a == catalog::no_type || b == catalog::no_type || !catalog.endpoints_allow(*type, a, b)) {
        std::string allowed;
        for (const auto& [f, t] : catalog.relation_type(*type).endpoints) {
            allowed +=
                (allowed.empty() ? "" : ", ") + catalog.entity_type(f).name + " -> " + catalog.entity_type(t).name;
        }
        schema_error(ctx, "InvalidEndpoints",
                     name + " cannot go from " + (a == catalog::no_type ? "?" : catalog.entity_type(a).name) + " to " +
                         (b == catalog::no_type ? "?" : catalog.entity_type(b).name) + "; declared: " + allowed,
                     at);
    }
    return *type;
}

std::pair<storage::PropertyKeyId, Value> checked_rel_property(ExecutionContext& ctx, catalog::TypeId type,
                                                              const std::string& key, Value value, SourceSpan at) {
    auto& catalog = ctx.store.catalog();
    if (!catalog.strict()) return open_property(ctx, key, std::move(value), at);
    auto k = catalog.find_property_key(key);
    std::vector<std::string> names;
    for (const auto& p : catalog.relation_type(type).properties) names.push_back(p.name);
    return declared_property(ctx, k ? catalog.find_relation_property(type, *k) : nullptr,
                             catalog.relation_type(type).name, key, std::move(value), at, names);
}

catalog::TypeId label_for_existing_node(ExecutionContext& ctx, storage::NodeId node, const std::string& label,
                                        SourceSpan at) {
    auto& catalog = ctx.store.catalog();
    if (catalog.strict()) {
        auto type = catalog.find_entity_type(label);
        if (!type) {
            schema_error(ctx, "UnknownNodeType",
                         "Unknown node type '" + label + "'" + binder::did_you_mean(label, entity_type_names(catalog)),
                         at);
        }
        if (!ctx.store.node_has_label(node, *type)) {
            schema_error(ctx, "NodeTypeChange", "A node's type cannot change in a graph with a schema", at);
        }
        return *type;
    }
    return catalog.ensure_label(label);
}

}  // namespace kgq::executor
