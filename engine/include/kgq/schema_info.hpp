// kgq/schema_info.hpp — a read-only description of a database's types, for `:schema`,
// documentation and embedding programs. Produced by Database::schema().
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kgq {

struct PropertyInfo {
    std::string name;
    std::string type;  // "STRING", "LIST<STRING>", "DATETIME", "ANY" (open mode)
    bool key = false;
    std::string declared_in;  // the entity type that declares it (inherited properties)
};

struct EntityTypeInfo {
    std::string name;
    std::string supertype;  // empty for a root type
    bool abstract = false;
    std::vector<PropertyInfo> properties;  // inherited ones included
    std::uint64_t count = 0;  // nodes of this type and its subtypes
};

struct RelationTypeInfo {
    std::string name;
    std::vector<std::pair<std::string, std::string>> endpoints;  // FROM, TO
    std::vector<PropertyInfo> properties;
    std::uint64_t count = 0;
};

struct SchemaInfo {
    bool strict = false;  // a schema was declared; open otherwise
    std::vector<EntityTypeInfo> entity_types;
    std::vector<RelationTypeInfo> relation_types;
};

}  // namespace kgq
