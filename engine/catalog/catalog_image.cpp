// engine/catalog/catalog_image.cpp — the catalog as a database file keeps it: every property
// key, entity type and relation type with its id, so that the store's type ids stay valid.
// Stage: catalog. Callers: engine/persist (snapshots, and log records of schema changes).
#include "catalog/catalog.hpp"

#include "value/binary_codec.hpp"

namespace kgq::catalog {

namespace {

void save_type(value::BinaryWriter& out, const LogicalType& t) {
    out.u8(static_cast<std::uint8_t>(t.kind));
    out.u8(static_cast<std::uint8_t>(t.element));
}

LogicalType load_type(value::BinaryReader& in) {
    auto kind = [&] {
        const std::uint8_t k = in.u8();
        if (k > static_cast<std::uint8_t>(TypeKind::Path)) in.fail("unknown property type " + std::to_string(k));
        return static_cast<TypeKind>(k);
    };
    LogicalType t;
    t.kind = kind();
    t.element = kind();
    return t;
}

void save_properties(value::BinaryWriter& out, const std::vector<PropertyDef>& properties) {
    out.varint(properties.size());
    for (const PropertyDef& p : properties) {
        out.u32(p.key);
        out.string(p.name);
        save_type(out, p.type);
        out.u8(p.is_key);
        out.u32(p.declared_in);
    }
}

}  // namespace

void Catalog::save(value::BinaryWriter& out) const {
    out.u8(strict_);
    out.varint(property_keys_.size());
    for (const auto& name : property_keys_) out.string(name);
    out.varint(entity_types_.size());
    for (const EntityType& t : entity_types_) {
        out.string(t.name);
        out.u32(t.parent);
        out.u8(t.abstract);
        out.u8(t.declared);
        save_properties(out, t.own_properties);
    }
    out.varint(relation_types_.size());
    for (const RelationType& t : relation_types_) {
        out.string(t.name);
        out.u8(t.declared);
        out.varint(t.endpoints.size());
        for (const auto& [from, to] : t.endpoints) {
            out.u32(from);
            out.u32(to);
        }
        save_properties(out, t.properties);
    }
}

// Everything read is checked against what was read before it (ids in range, parents
// declared earlier, names unique), so a damaged catalog is an error, never a bad index.
void Catalog::load(value::BinaryReader& in) {
    Catalog c;
    c.strict_ = in.u8() != 0;
    const std::size_t keys = in.count(1);
    for (std::size_t i = 0; i < keys; ++i) {
        std::string name = in.string();
        if (!c.property_key_ids_.emplace(name, static_cast<PropertyKeyId>(i)).second)
            in.fail("property key '" + name + "' appears twice");
        c.property_keys_.push_back(std::move(name));
    }
    auto load_properties = [&](std::size_t owners) {
        std::vector<PropertyDef> out(in.count(8));
        for (PropertyDef& p : out) {
            p.key = in.u32();
            p.name = in.string();
            p.type = load_type(in);
            p.is_key = in.u8() != 0;
            p.declared_in = in.u32();
            if (p.key >= c.property_keys_.size() || c.property_keys_[p.key] != p.name)
                in.fail("property '" + p.name + "' has a wrong key");
            if (p.declared_in != no_type && p.declared_in >= owners)
                in.fail("property '" + p.name + "' names an unknown type");
        }
        return out;
    };
    const std::size_t entities = in.count(4);
    for (std::size_t i = 0; i < entities; ++i) {
        EntityType t;
        t.id = static_cast<TypeId>(i);
        t.name = in.string();
        t.parent = in.u32();
        t.abstract = in.u8() != 0;
        t.declared = in.u8() != 0;
        t.own_properties = load_properties(entities);
        if (t.parent != no_type && t.parent >= i)
            in.fail("node type '" + t.name + "' has a supertype declared after it");
        if (!c.entity_type_ids_.emplace(t.name, t.id).second) in.fail("node type '" + t.name + "' appears twice");
        if (t.parent != no_type) c.entity_types_[t.parent].children.push_back(t.id);
        c.entity_types_.push_back(std::move(t));
    }
    const std::size_t relations = in.count(4);
    for (std::size_t i = 0; i < relations; ++i) {
        RelationType t;
        t.id = static_cast<TypeId>(i);
        t.name = in.string();
        t.declared = in.u8() != 0;
        t.endpoints.resize(in.count(8));
        for (auto& [from, to] : t.endpoints) {
            from = in.u32();
            to = in.u32();
            if (from >= entities || to >= entities) in.fail("relation type '" + t.name + "' has an unknown endpoint");
        }
        t.properties = load_properties(entities);
        if (!c.relation_type_ids_.emplace(t.name, t.id).second) in.fail("relation type '" + t.name + "' appears twice");
        c.relation_types_.push_back(std::move(t));
    }
    c.invalidate_subtype_cache();
    c.changes_ = changes_ + 1;
    *this = std::move(c);
}

}  // namespace kgq::catalog
