// engine/catalog/catalog.cpp — the schema's bookkeeping: interning, declarations and their
// checks, the type hierarchy (ancestry, cached subtype sets) and relation endpoints.
// Stage: catalog. Callers: GraphStore, the binder, schema DDL execution, importers.
#include "catalog/catalog.hpp"

#include "catalog/schema_error.hpp"

#include <algorithm>
#include <cassert>

namespace kgq::catalog {

namespace {

// Graph elements and null are values of a query, never of a stored property.
bool storable_kind(TypeKind kind) {
    return kind != TypeKind::Null && kind != TypeKind::Node && kind != TypeKind::Relationship && kind != TypeKind::Path;
}

bool storable(const LogicalType& type) {
    return storable_kind(type.kind) && (type.kind != TypeKind::List || storable_kind(type.element));
}

std::string quoted(std::string_view name) { return "'" + std::string(name) + "'"; }

// "node type 'X'" at the start of a message.
std::string capitalized(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

}  // namespace

// ------------------------------------------------------------------ property keys

PropertyKeyId Catalog::intern_property_key(std::string_view name) {
    if (auto found = find_property_key(name)) return *found;
    const auto id = static_cast<PropertyKeyId>(property_keys_.size());
    property_keys_.emplace_back(name);
    property_key_ids_.emplace(std::string(name), id);
    changed(Change::PropertyKey);
    return id;
}

std::optional<PropertyKeyId> Catalog::find_property_key(std::string_view name) const {
    auto it = property_key_ids_.find(std::string(name));
    if (it == property_key_ids_.end()) return std::nullopt;
    return it->second;
}

// ------------------------------------------------------------------ declarations

// A schema is declared on an empty catalog or extends a declared one: mixing declared types
// with types that came into being by first use would leave nodes the schema knows nothing of.
void Catalog::check_can_declare() const {
    if (strict_) return;
    std::vector<std::string> names;
    for (const auto& t : entity_types_) names.push_back(":" + t.name);
    for (const auto& t : relation_types_) names.push_back("[:" + t.name + "]");
    if (names.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < 5; ++i) list += (i ? ", " : "") + names[i];
    if (names.size() > 5) list += ", ...";
    throw_schema_error("Cannot declare a schema: the graph already uses undeclared types (" + list + ")");
}

// Checks a declared property list against itself and (for entity types) the inherited
// properties, then interns the names. `owner` names the type in messages.
void Catalog::check_and_intern_properties(std::vector<PropertyDef>& properties, const std::string& owner, TypeId parent,
                                          TypeId declared_in) {
    std::vector<std::string_view> keys;
    for (std::size_t i = 0; i < properties.size(); ++i) {
        auto& p = properties[i];
        if (p.name.empty()) throw_schema_error("A property of " + owner + " has no name");
        if (!storable(p.type))
            throw_schema_error("Property " + quoted(p.name) + " of " + owner + " has type " + p.type.to_string() +
                               ", which cannot be stored in a property");
        for (std::size_t j = 0; j < i; ++j)
            if (properties[j].name == p.name)
                throw_schema_error("Property " + quoted(p.name) + " is declared twice in " + owner);
        if (parent != no_type) {
            if (auto key = find_property_key(p.name)) {
                if (const PropertyDef* inherited = find_property(parent, *key))
                    throw_schema_error("Property " + quoted(p.name) + " of " + owner +
                                       " is already declared by its supertype " +
                                       quoted(entity_types_[inherited->declared_in].name));
            }
        }
        if (p.is_key) keys.push_back(p.name);
    }
    if (declared_in == no_type && !keys.empty())
        throw_schema_error("A KEY can only be declared on a node type, not on " + owner);
    if (parent != no_type) {
        if (const PropertyDef* inherited_key = key_property(parent)) {
            if (!keys.empty())
                throw_schema_error(capitalized(owner) + " declares KEY " + quoted(keys.front()) +
                                   " but already inherits KEY " + quoted(inherited_key->name) + " from " +
                                   quoted(entity_types_[inherited_key->declared_in].name));
        }
    }
    if (keys.size() > 1)
        throw_schema_error(capitalized(owner) + " declares more than one KEY (" + quoted(keys[0]) + ", " +
                           quoted(keys[1]) + ")");
    for (auto& p : properties) {
        p.key = intern_property_key(p.name);
        p.declared_in = declared_in;
    }
}

TypeId Catalog::declare_entity_type(std::string_view name, std::optional<std::string_view> parent, bool abstract,
                                    std::vector<PropertyDef> properties) {
    check_can_declare();
    const std::string owner = "node type " + quoted(name);
    if (find_entity_type(name)) throw_schema_error("Node type " + quoted(name) + " already exists");
    TypeId parent_id = no_type;
    if (parent) {
        auto found = find_entity_type(*parent);
        if (!found) throw_schema_error("Unknown supertype " + quoted(*parent) + " of " + owner);
        parent_id = *found;
    }
    const auto id = static_cast<TypeId>(entity_types_.size());
    check_and_intern_properties(properties, owner, parent_id, id);

    EntityType type;
    type.id = id;
    type.name = std::string(name);
    type.parent = parent_id;
    type.abstract = abstract;
    type.declared = true;
    type.own_properties = std::move(properties);
    entity_types_.push_back(std::move(type));
    entity_type_ids_.emplace(std::string(name), id);
    if (parent_id != no_type) entity_types_[parent_id].children.push_back(id);
    changed(Change::EntityType);
    if (!strict_) changed(Change::Strict);
    strict_ = true;
    invalidate_subtype_cache();
    return id;
}

TypeId Catalog::ensure_label(std::string_view name) {
    if (auto found = find_entity_type(name)) return *found;
    if (strict_) throw_schema_error("Unknown node type " + quoted(name));
    const auto id = static_cast<TypeId>(entity_types_.size());
    EntityType type;
    type.id = id;
    type.name = std::string(name);
    entity_types_.push_back(std::move(type));
    entity_type_ids_.emplace(std::string(name), id);
    // A label made by first use has no parent, so it is its own only subtype.
    subtype_cache_.push_back({id});
    changed(Change::EntityType);
    return id;
}

std::optional<TypeId> Catalog::find_entity_type(std::string_view name) const {
    auto it = entity_type_ids_.find(std::string(name));
    if (it == entity_type_ids_.end()) return std::nullopt;
    return it->second;
}

// ------------------------------------------------------------------ hierarchy

bool Catalog::is_subtype(TypeId sub, TypeId super) const {
    for (TypeId t = sub; t != no_type; t = entity_types_[t].parent)
        if (t == super) return true;
    return false;
}

const std::vector<TypeId>& Catalog::subtypes(TypeId id) const {
    assert(id < subtype_cache_.size());
    return subtype_cache_[id];
}

// Rebuilt whole after each declaration: declarations are few, lookups (every label scan)
// are many, and an eager cache keeps const lookups free of lazy mutation.
void Catalog::invalidate_subtype_cache() const {
    subtype_cache_.assign(entity_types_.size(), {});
    for (const auto& type : entity_types_)
        for (TypeId t = type.id; t != no_type; t = entity_types_[t].parent)
            subtype_cache_[t].push_back(type.id);  // ids ascend, so each list stays sorted
}

std::vector<TypeId> Catalog::ancestry(TypeId id) const {
    std::vector<TypeId> out;
    for (TypeId t = id; t != no_type; t = entity_types_[t].parent) out.push_back(t);
    return out;
}

std::vector<const PropertyDef*> Catalog::properties_of(TypeId id) const {
    std::vector<const PropertyDef*> out;
    const auto chain = ancestry(id);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
        for (const auto& p : entity_types_[*it].own_properties) out.push_back(&p);
    return out;
}

const PropertyDef* Catalog::find_property(TypeId id, PropertyKeyId key) const {
    for (TypeId t = id; t != no_type; t = entity_types_[t].parent)
        for (const auto& p : entity_types_[t].own_properties)
            if (p.key == key) return &p;
    return nullptr;
}

const PropertyDef* Catalog::key_property(TypeId id) const {
    for (TypeId t = id; t != no_type; t = entity_types_[t].parent)
        for (const auto& p : entity_types_[t].own_properties)
            if (p.is_key) return &p;
    return nullptr;
}

// ------------------------------------------------------------------ relation types

TypeId Catalog::declare_relation_type(std::string_view name, std::vector<std::pair<std::string, std::string>> endpoints,
                                      std::vector<PropertyDef> properties) {
    check_can_declare();
    const std::string owner = "relationship type " + quoted(name);
    if (find_relation_type(name)) throw_schema_error("Relationship type " + quoted(name) + " already exists");
    std::vector<std::pair<TypeId, TypeId>> endpoint_ids;
    for (const auto& [from, to] : endpoints) {
        auto from_id = find_entity_type(from);
        if (!from_id) throw_schema_error("Unknown node type " + quoted(from) + " in FROM of " + owner);
        auto to_id = find_entity_type(to);
        if (!to_id) throw_schema_error("Unknown node type " + quoted(to) + " in TO of " + owner);
        std::pair<TypeId, TypeId> pair{*from_id, *to_id};
        if (std::find(endpoint_ids.begin(), endpoint_ids.end(), pair) == endpoint_ids.end())
            endpoint_ids.push_back(pair);
    }
    check_and_intern_properties(properties, owner, no_type, no_type);

    const auto id = static_cast<TypeId>(relation_types_.size());
    RelationType type;
    type.id = id;
    type.name = std::string(name);
    type.declared = true;
    type.endpoints = std::move(endpoint_ids);
    type.properties = std::move(properties);
    relation_types_.push_back(std::move(type));
    relation_type_ids_.emplace(std::string(name), id);
    changed(Change::RelationType);
    if (!strict_) changed(Change::Strict);
    strict_ = true;
    return id;
}

TypeId Catalog::ensure_relation_type(std::string_view name) {
    if (auto found = find_relation_type(name)) return *found;
    if (strict_) throw_schema_error("Unknown relationship type " + quoted(name));
    const auto id = static_cast<TypeId>(relation_types_.size());
    RelationType type;
    type.id = id;
    type.name = std::string(name);
    relation_types_.push_back(std::move(type));
    relation_type_ids_.emplace(std::string(name), id);
    changed(Change::RelationType);
    return id;
}

std::optional<TypeId> Catalog::find_relation_type(std::string_view name) const {
    auto it = relation_type_ids_.find(std::string(name));
    if (it == relation_type_ids_.end()) return std::nullopt;
    return it->second;
}

const PropertyDef* Catalog::find_relation_property(TypeId id, PropertyKeyId key) const {
    for (const auto& p : relation_types_[id].properties)
        if (p.key == key) return &p;
    return nullptr;
}

bool Catalog::endpoints_allow(TypeId relation, TypeId from, TypeId to) const {
    const auto& type = relation_types_[relation];
    // Open-mode types and declared types without FROM/TO constrain nothing.
    if (!type.declared || type.endpoints.empty()) return true;
    return std::any_of(type.endpoints.begin(), type.endpoints.end(),
                       [&](const auto& pair) { return is_subtype(from, pair.first) && is_subtype(to, pair.second); });
}

void Catalog::add_relation_endpoint(TypeId relation, TypeId from, TypeId to) {
    auto& endpoints = relation_types_[relation].endpoints;
    const std::pair<TypeId, TypeId> pair{from, to};
    if (std::find(endpoints.begin(), endpoints.end(), pair) == endpoints.end()) {
        endpoints.push_back(pair);
        changed(Change::Endpoint, relation);
    }
}

void Catalog::add_entity_property(TypeId type, PropertyDef property) {
    for (TypeId sub : subtypes(type)) {
        auto key = find_property_key(property.name);
        if (key && find_property(sub, *key)) {
            throw_schema_error("Property '" + property.name + "' is already declared for " + entity_types_[sub].name +
                                   ", a subtype of " + entity_types_[type].name,
                               "DuplicateProperty");
        }
    }
    if (property.is_key) throw_schema_error("A KEY cannot be added to an existing type", "KeyAfterDeclaration");
    property.key = intern_property_key(property.name);
    property.declared_in = type;
    entity_types_[type].own_properties.push_back(std::move(property));
    changed(Change::EntityProperty, type);
}

void Catalog::add_relation_property(TypeId relation, PropertyDef property) {
    if (find_relation_property(relation, intern_property_key(property.name))) {
        throw_schema_error("Property '" + property.name + "' is already declared for " + relation_types_[relation].name,
                           "DuplicateProperty");
    }
    property.key = intern_property_key(property.name);
    property.is_key = false;
    relation_types_[relation].properties.push_back(std::move(property));
    changed(Change::RelationProperty, relation);
}

}  // namespace kgq::catalog
