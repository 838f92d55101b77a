// engine/catalog/catalog.hpp — the schema: entity types (with single inheritance), relation
// types (with declared endpoints) and interned property keys. In strict mode (any type
// declared) the catalog is the authority writes are checked against; in open mode labels,
// relation types and property keys come into being on first use.
// Used by storage (type ids), the binder (name resolution, inference) and Database::schema().
#pragma once

#include "catalog/logical_type.hpp"

namespace kgq::value {
class BinaryWriter;
class BinaryReader;
}  // namespace kgq::value

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kgq::catalog {

using TypeId = std::uint32_t;
using PropertyKeyId = std::uint32_t;
inline constexpr TypeId no_type = UINT32_MAX;

struct PropertyDef {
    PropertyKeyId key = 0;
    std::string name;
    LogicalType type;
    bool is_key = false;
    TypeId declared_in = no_type;  // entity type that declares it (no_type for relation types)
};

struct EntityType {
    TypeId id = 0;
    std::string name;
    TypeId parent = no_type;
    bool abstract = false;
    bool declared = false;  // by CREATE NODE TYPE (strict) rather than by first use (open)
    std::vector<PropertyDef> own_properties;
    std::vector<TypeId> children;
};

struct RelationType {
    TypeId id = 0;
    std::string name;
    bool declared = false;
    std::vector<std::pair<TypeId, TypeId>> endpoints;  // FROM entity type, TO entity type
    std::vector<PropertyDef> properties;
};

class Catalog {
public:
    // Strict once any entity or relation type has been declared.
    bool strict() const { return strict_; }

    // ---- property keys (global names shared by nodes and relationships)
    PropertyKeyId intern_property_key(std::string_view name);
    std::optional<PropertyKeyId> find_property_key(std::string_view name) const;
    const std::string& property_key_name(PropertyKeyId id) const { return property_keys_[id]; }
    std::size_t property_key_count() const { return property_keys_.size(); }

    // ---- entity types. Declaration errors throw kgq::Exception (ErrorKind::Schema).
    TypeId declare_entity_type(std::string_view name, std::optional<std::string_view> parent, bool abstract,
                               std::vector<PropertyDef> properties);
    // Open mode: the label's type, created on first use. Strict mode: must exist (throws).
    TypeId ensure_label(std::string_view name);
    std::optional<TypeId> find_entity_type(std::string_view name) const;
    const EntityType& entity_type(TypeId id) const { return entity_types_[id]; }
    std::size_t entity_type_count() const { return entity_types_.size(); }
    bool is_subtype(TypeId sub, TypeId super) const;  // reflexive
    // The type and all its descendants, sorted.
    const std::vector<TypeId>& subtypes(TypeId id) const;
    // The type and its ancestors, most specific first.
    std::vector<TypeId> ancestry(TypeId id) const;
    // Own and inherited properties; ancestors' first.
    std::vector<const PropertyDef*> properties_of(TypeId id) const;
    const PropertyDef* find_property(TypeId id, PropertyKeyId key) const;  // own or inherited
    const PropertyDef* key_property(TypeId id) const;  // own or inherited

    // ---- relation types
    TypeId declare_relation_type(std::string_view name, std::vector<std::pair<std::string, std::string>> endpoints,
                                 std::vector<PropertyDef> properties);
    TypeId ensure_relation_type(std::string_view name);  // open mode, as ensure_label
    std::optional<TypeId> find_relation_type(std::string_view name) const;
    const RelationType& relation_type(TypeId id) const { return relation_types_[id]; }
    std::size_t relation_type_count() const { return relation_types_.size(); }
    const PropertyDef* find_relation_property(TypeId id, PropertyKeyId key) const;
    // Whether a relation of this type may go from a node of type `from` to one of type `to`
    // (an endpoint declared for a supertype covers subtypes).
    bool endpoints_allow(TypeId relation, TypeId from, TypeId to) const;
    // Widening a declared schema (the STIX import adds what a bundle brings): an endpoint pair,
    // or a non-KEY property that neither the type, its ancestors nor its subtypes declare yet.
    void add_relation_endpoint(TypeId relation, TypeId from, TypeId to);
    void add_entity_property(TypeId type, PropertyDef property);
    void add_relation_property(TypeId relation, PropertyDef property);

    // ---- statements (catalog_journal.cpp)
    // Between begin_changes() and keep_changes() every change is journaled, so that
    // undo_changes(mark) takes back what a failed statement added after the mark (a label,
    // relation type or property key made by first use, a STIX import's widening, a
    // declaration that failed half-way): the catalog is then as it was at the mark. Marks are
    // journal positions (change_mark()); 0 is the start of the statement or transaction.
    void begin_changes();
    std::size_t change_mark() const { return journal_.size(); }
    void undo_changes(std::size_t mark);
    void keep_changes();

    // ---- persistence (catalog_image.cpp)
    // Counts every change (a new key, type, endpoint or property): a database file logs the
    // catalog again only when a statement moved it.
    std::uint64_t changes() const { return changes_; }
    // The whole catalog, ids included, as the database file keeps it; load() replaces this
    // catalog's contents (value::FormatError when the bytes do not decode to a valid one).
    void save(value::BinaryWriter& out) const;
    void load(value::BinaryReader& in);

private:
    void invalidate_subtype_cache() const;
    void check_can_declare() const;
    void check_and_intern_properties(std::vector<PropertyDef>& properties, const std::string& owner, TypeId parent,
                                     TypeId declared_in);

    bool strict_ = false;
    std::vector<std::string> property_keys_;
    std::unordered_map<std::string, PropertyKeyId> property_key_ids_;
    std::vector<EntityType> entity_types_;
    std::unordered_map<std::string, TypeId> entity_type_ids_;
    std::vector<RelationType> relation_types_;
    std::unordered_map<std::string, TypeId> relation_type_ids_;
    mutable std::vector<std::vector<TypeId>> subtype_cache_;
    std::uint64_t changes_ = 0;

    // What one change added, so that it can be popped again (everything is appended).
    enum class Change : std::uint8_t {
        PropertyKey,
        EntityType,
        RelationType,
        Endpoint,
        EntityProperty,
        RelationProperty,
        Strict
    };
    struct JournalEntry {
        Change what;
        TypeId type;  // the type an Endpoint or property was added to
    };
    void changed(Change what, TypeId type = no_type) {
        ++changes_;
        if (journaling_) journal_.push_back({what, type});
    }
    std::vector<JournalEntry> journal_;
    bool journaling_ = false;
};

}  // namespace kgq::catalog
