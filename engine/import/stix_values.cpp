// engine/import/stix_values.cpp — type inference and conversions between STIX JSON and kgq
// values; see stix_values.hpp. Stage: import/export. Callers: the import plan, StixImporter,
// StixExporter.
#include "import/stix_values.hpp"

#include "import/stix_timestamp.hpp"
#include "value/temporal.hpp"

#include <limits>

namespace kgq::import::stix {

using catalog::LogicalType;
using catalog::TypeKind;

namespace {

Shape shape_of(const json& j, bool timestamps) {
    switch (j.type()) {
        case json::value_t::null:
        case json::value_t::discarded: return Shape::Unknown;
        case json::value_t::boolean: return Shape::Bool;
        case json::value_t::number_integer: return Shape::Int;
        case json::value_t::number_unsigned:
            return j.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<std::int64_t>::max()) ? Shape::Int
                                                                                                     : Shape::Float;
        case json::value_t::number_float: return Shape::Float;
        case json::value_t::string:
            return timestamps && parse_timestamp(j.get_ref<const std::string&>()) ? Shape::Timestamp : Shape::String;
        case json::value_t::object: return Shape::Map;
        case json::value_t::array:
        case json::value_t::binary: return Shape::List;
    }
    return Shape::Any;
}

Shape join_shape(Shape a, Shape b) {
    if (a == b || b == Shape::Unknown) return a;
    if (a == Shape::Unknown) return b;
    if ((a == Shape::Int && b == Shape::Float) || (a == Shape::Float && b == Shape::Int)) return Shape::Float;
    if ((a == Shape::Timestamp && b == Shape::String) || (a == Shape::String && b == Shape::Timestamp))
        return Shape::String;
    return Shape::Any;
}

TypeKind element_kind(Shape s) {
    switch (s) {
        case Shape::Unknown: return TypeKind::String;  // only empty lists seen: STIX lists hold strings
        case Shape::Bool: return TypeKind::Bool;
        case Shape::Int: return TypeKind::Int;
        case Shape::Float: return TypeKind::Float;
        case Shape::Timestamp:
        case Shape::String: return TypeKind::String;
        case Shape::Map: return TypeKind::Map;
        case Shape::List:
        case Shape::Any: return TypeKind::Any;  // LIST<LIST<...>> is not a kgq type
    }
    return TypeKind::Any;
}

bool shape_fits(Shape s, TypeKind k) {
    if (k == TypeKind::Any || s == Shape::Unknown) return true;
    switch (s) {
        case Shape::Bool: return k == TypeKind::Bool;
        case Shape::Int: return k == TypeKind::Int || k == TypeKind::Float;
        case Shape::Float: return k == TypeKind::Float;
        case Shape::Timestamp: return k == TypeKind::DateTime || k == TypeKind::String;
        case Shape::String: return k == TypeKind::String;
        case Shape::Map: return k == TypeKind::Map;
        case Shape::List: return k == TypeKind::List;
        default: return false;
    }
}

}  // namespace

InferredType infer(const json& j) {
    InferredType t{shape_of(j, true), Shape::Unknown};
    if (t.shape == Shape::List)
        for (const auto& item : j) t.element = join_shape(t.element, shape_of(item, false));
    return t;
}

void join(InferredType& into, InferredType value) {
    const Shape joined = join_shape(into.shape, value.shape);
    if (joined == Shape::List) {
        into.element = join_shape(into.shape == Shape::List ? into.element : Shape::Unknown,
                                  value.shape == Shape::List ? value.element : Shape::Unknown);
    }
    into.shape = joined;
}

LogicalType declared_type(InferredType t) {
    switch (t.shape) {
        case Shape::Unknown: return LogicalType::any();
        case Shape::Bool: return LogicalType::of(TypeKind::Bool);
        case Shape::Int: return LogicalType::of(TypeKind::Int);
        case Shape::Float: return LogicalType::of(TypeKind::Float);
        case Shape::Timestamp: return LogicalType::of(TypeKind::DateTime);
        case Shape::String: return LogicalType::of(TypeKind::String);
        case Shape::Map: return LogicalType::of(TypeKind::Map);
        case Shape::List: return LogicalType::list_of(element_kind(t.element));
        case Shape::Any: return LogicalType::any();
    }
    return LogicalType::any();
}

bool fits(InferredType t, const LogicalType& declared) {
    if (!shape_fits(t.shape, declared.kind)) return false;
    if (t.shape == Shape::List && declared.kind == TypeKind::List) {
        // Elements are never recognised as timestamps, so a LIST<DATETIME> takes no strings.
        return shape_fits(t.element, declared.element);
    }
    return true;
}

Value natural_value(const json& j) {
    switch (j.type()) {
        case json::value_t::boolean: return Value(j.get<bool>());
        case json::value_t::number_integer: return Value(static_cast<long long>(j.get<std::int64_t>()));
        case json::value_t::number_unsigned: {
            const auto u = j.get<std::uint64_t>();
            if (u <= std::uint64_t(std::numeric_limits<std::int64_t>::max())) return Value(static_cast<long long>(u));
            return Value(static_cast<double>(u));
        }
        case json::value_t::number_float: return Value(j.get<double>());
        case json::value_t::string: return Value(j.get_ref<const std::string&>());
        case json::value_t::array: {
            List list;
            list.reserve(j.size());
            for (const auto& item : j) list.push_back(natural_value(item));
            return Value(std::move(list));
        }
        case json::value_t::object: {
            Map map;
            for (const auto& [key, item] : j.items()) map[key] = natural_value(item);
            return Value(std::move(map));
        }
        default: return Value();
    }
}

Value to_value(const json& j, const LogicalType& declared) {
    if (j.is_null()) return Value();
    switch (declared.kind) {
        case TypeKind::DateTime: return Value(*parse_timestamp(j.get_ref<const std::string&>()));
        case TypeKind::Float: return Value(j.get<double>());
        case TypeKind::List: {
            const LogicalType element = LogicalType::of(declared.element);
            List list;
            list.reserve(j.size());
            for (const auto& item : j) list.push_back(to_value(item, element));
            return Value(std::move(list));
        }
        default: return natural_value(j);
    }
}

json to_json(const Value& v) {
    switch (v.kind()) {
        case ValueKind::Null: return nullptr;
        case ValueKind::Bool: return v.as_bool();
        case ValueKind::Int: return v.as_int();
        case ValueKind::Float: return v.as_float();
        case ValueKind::String: return v.as_string();
        case ValueKind::DateTime: return format_timestamp(v.as_datetime());
        case ValueKind::Date:
        case ValueKind::LocalTime:
        case ValueKind::Time:
        case ValueKind::LocalDateTime:
        case ValueKind::Duration: return value::format_temporal(v);
        case ValueKind::List: {
            json out = json::array();
            for (const auto& item : v.as_list()) out.push_back(to_json(item));
            return out;
        }
        case ValueKind::Map: {
            json out = json::object();
            for (const auto& [key, item] : v.as_map()) out[key] = to_json(item);
            return out;
        }
        default: return v.to_string();  // graph elements are never stored in properties
    }
}

bool is_kill_chain(const json& j) {
    if (!j.is_array()) return false;
    for (const auto& phase : j) {
        if (!phase.is_object()) return false;
        auto name = phase.find("kill_chain_name");
        auto step = phase.find("phase_name");
        if (name == phase.end() || step == phase.end() || !name->is_string() || !step->is_string()) return false;
    }
    return true;
}

Value kill_chain_value(const json& j) {
    List list;
    list.reserve(j.size());
    for (const auto& phase : j)
        list.emplace_back(phase["kill_chain_name"].get_ref<const std::string&>() + ":" +
                          phase["phase_name"].get_ref<const std::string&>());
    return Value(std::move(list));
}

json kill_chain_json(const Value& v) {
    if (!v.is_list()) return to_json(v);
    json out = json::array();
    for (const auto& item : v.as_list()) {
        if (!item.is_string()) return to_json(v);
        const std::string& text = item.as_string();
        const auto colon = text.find(':');
        if (colon == std::string::npos) return to_json(v);
        out.push_back({{"kill_chain_name", text.substr(0, colon)}, {"phase_name", text.substr(colon + 1)}});
    }
    return out;
}

}  // namespace kgq::import::stix
