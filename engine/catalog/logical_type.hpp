// engine/catalog/logical_type.hpp — the declared type of a property or an expression.
// Used by the catalog (property declarations), the binder (type inference) and the
// storage write checks. ANY is the type of everything in open mode.
#pragma once

#include "kgq/value.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kgq::catalog {

enum class TypeKind {
    Any,
    Null,
    Bool,
    Int,
    Float,
    String,
    Date,
    LocalTime,
    Time,
    LocalDateTime,
    DateTime,
    Duration,
    List,
    Map,
    Node,
    Relationship,
    Path,
};

struct LogicalType {
    TypeKind kind = TypeKind::Any;
    TypeKind element = TypeKind::Any;  // for List

    static LogicalType any() { return {}; }
    static LogicalType of(TypeKind k) { return {k, TypeKind::Any}; }
    static LogicalType list_of(TypeKind e) { return {TypeKind::List, e}; }

    // "INT", "STRING", "LIST<STRING>": the names of the schema language; accepts the
    // synonyms INTEGER/INT64, DOUBLE/FLOAT, BOOLEAN/BOOL, TIMESTAMP/DATETIME.
    static std::optional<LogicalType> parse(std::string_view name);
    std::string to_string() const;
    // Whether a value may be stored in a property of this type (null always may; an INT
    // is accepted by FLOAT and converted by coerce()).
    bool accepts(const Value& v) const;
    // The value as stored: INT -> FLOAT widening, list elements likewise. Precondition: accepts(v).
    Value coerce(Value v) const;

    friend bool operator==(const LogicalType&, const LogicalType&) = default;
};

TypeKind type_kind_of(const Value& v);

}  // namespace kgq::catalog
