// engine/catalog/logical_type.cpp — parsing, printing and value checks of LogicalType.
// Stage: catalog. Callers: Catalog (property declarations), the binder (type names in the
// schema language) and the executor's write checks (accepts/coerce before storing).
#include "catalog/logical_type.hpp"

#include <algorithm>
#include <cctype>

namespace kgq::catalog {

namespace {

std::string upper_without_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c)))
            out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return out;
}

// One type name without parameters. "LOCAL TIME" arrives here as "LOCALTIME" because
// spaces are dropped first, which also makes "ZONED DATETIME" and "LIST < INT >" parse.
std::optional<TypeKind> parse_simple(std::string_view name) {
    struct Synonym {
        std::string_view name;
        TypeKind kind;
    };
    static constexpr Synonym synonyms[] = {
        {"ANY", TypeKind::Any},
        {"NULL", TypeKind::Null},
        {"BOOL", TypeKind::Bool},
        {"BOOLEAN", TypeKind::Bool},
        {"INT", TypeKind::Int},
        {"INTEGER", TypeKind::Int},
        {"INT64", TypeKind::Int},
        {"FLOAT", TypeKind::Float},
        {"DOUBLE", TypeKind::Float},
        {"FLOAT64", TypeKind::Float},
        {"STRING", TypeKind::String},
        {"DATE", TypeKind::Date},
        {"LOCALTIME", TypeKind::LocalTime},
        {"TIME", TypeKind::Time},
        {"ZONEDTIME", TypeKind::Time},
        {"LOCALDATETIME", TypeKind::LocalDateTime},
        {"DATETIME", TypeKind::DateTime},
        {"ZONEDDATETIME", TypeKind::DateTime},
        {"TIMESTAMP", TypeKind::DateTime},
        {"DURATION", TypeKind::Duration},
        {"LIST", TypeKind::List},
        {"MAP", TypeKind::Map},
        {"NODE", TypeKind::Node},
        {"RELATIONSHIP", TypeKind::Relationship},
        {"PATH", TypeKind::Path},
    };
    for (const auto& s : synonyms)
        if (s.name == name) return s.kind;
    return std::nullopt;
}

const char* kind_text(TypeKind kind) {
    switch (kind) {
        case TypeKind::Any: return "ANY";
        case TypeKind::Null: return "NULL";
        case TypeKind::Bool: return "BOOLEAN";
        case TypeKind::Int: return "INT";
        case TypeKind::Float: return "FLOAT";
        case TypeKind::String: return "STRING";
        case TypeKind::Date: return "DATE";
        case TypeKind::LocalTime: return "LOCALTIME";
        case TypeKind::Time: return "TIME";
        case TypeKind::LocalDateTime: return "LOCALDATETIME";
        case TypeKind::DateTime: return "DATETIME";
        case TypeKind::Duration: return "DURATION";
        case TypeKind::List: return "LIST";
        case TypeKind::Map: return "MAP";
        case TypeKind::Node: return "NODE";
        case TypeKind::Relationship: return "RELATIONSHIP";
        case TypeKind::Path: return "PATH";
    }
    return "ANY";
}

// Whether a value of kind `actual` may be stored where `wanted` is declared (lists aside).
bool kind_accepts(TypeKind wanted, TypeKind actual) {
    if (wanted == TypeKind::Any || actual == TypeKind::Null) return true;
    if (wanted == actual) return true;
    return wanted == TypeKind::Float && actual == TypeKind::Int;
}

}  // namespace

std::optional<LogicalType> LogicalType::parse(std::string_view name) {
    const std::string text = upper_without_spaces(name);
    const auto open = text.find('<');
    if (open == std::string::npos) {
        auto kind = parse_simple(text);
        if (!kind) return std::nullopt;
        return LogicalType::of(*kind);
    }
    // LIST<T>: the element is one simple kind; LIST<LIST<T>> is not representable.
    if (text.back() != '>' || text.substr(0, open) != "LIST") return std::nullopt;
    const std::string inner = text.substr(open + 1, text.size() - open - 2);
    auto element = parse_simple(inner);
    if (!element) return std::nullopt;
    return LogicalType::list_of(*element);
}

std::string LogicalType::to_string() const {
    if (kind == TypeKind::List) return std::string("LIST<") + kind_text(element) + ">";
    return kind_text(kind);
}

bool LogicalType::accepts(const Value& v) const {
    const TypeKind actual = type_kind_of(v);
    if (!kind_accepts(kind, actual)) return false;
    if (kind == TypeKind::List && actual == TypeKind::List) {
        const auto& items = v.as_list();
        return std::all_of(items.begin(), items.end(),
                           [&](const Value& item) { return LogicalType::of(element).accepts(item); });
    }
    return true;
}

Value LogicalType::coerce(Value v) const {
    if (kind == TypeKind::Float && v.is_int()) return Value(static_cast<double>(v.as_int()));
    if (kind == TypeKind::List && v.is_list() && element == TypeKind::Float) {
        for (auto& item : v.as_list())
            if (item.is_int()) item = Value(static_cast<double>(item.as_int()));
    }
    return v;
}

TypeKind type_kind_of(const Value& v) {
    switch (v.kind()) {
        case ValueKind::Null: return TypeKind::Null;
        case ValueKind::Bool: return TypeKind::Bool;
        case ValueKind::Int: return TypeKind::Int;
        case ValueKind::Float: return TypeKind::Float;
        case ValueKind::String: return TypeKind::String;
        case ValueKind::Date: return TypeKind::Date;
        case ValueKind::LocalTime: return TypeKind::LocalTime;
        case ValueKind::Time: return TypeKind::Time;
        case ValueKind::LocalDateTime: return TypeKind::LocalDateTime;
        case ValueKind::DateTime: return TypeKind::DateTime;
        case ValueKind::Duration: return TypeKind::Duration;
        case ValueKind::List: return TypeKind::List;
        case ValueKind::Map: return TypeKind::Map;
        case ValueKind::Node: return TypeKind::Node;
        case ValueKind::Relationship: return TypeKind::Relationship;
        case ValueKind::Path: return TypeKind::Path;
    }
    return TypeKind::Any;
}

}  // namespace kgq::catalog
