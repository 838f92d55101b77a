// engine/function/conversion_functions.cpp — Cypher's type conversions: toString, toInteger,
// toFloat, toBoolean, their ...OrNull forms (null instead of an error for unconvertible
// kinds) and the list forms (toStringList, ...). Unparseable strings give null.
#include "function/function_support.hpp"
#include "value/temporal.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace kgq::function {
namespace {

using catalog::TypeKind;

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::optional<double> parse_float(std::string_view text) {
    std::string s(trimmed(text));
    if (s.empty()) return std::nullopt;
    // strtod accepts hex floats and "inf"; Cypher's float literals do not.
    for (char c : s)
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
            return s == "NaN" ? std::optional<double>(std::nan("")) : std::nullopt;
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return std::nullopt;
    return d;
}

// Integers beyond 64 bits are not representable: a conversion error, not a wrap.
std::int64_t float_to_int(std::string_view fn, double d) {
    if (!std::isfinite(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18)
        value::throw_argument_error(std::string(fn) + "(): " + Value(d).to_string() + " does not fit an INTEGER",
                                    "NumberOutOfRange");
    return std::int64_t(std::trunc(d));
}

Value to_string_impl(const Value& v, bool or_null) {
    switch (v.kind()) {
        case ValueKind::Null: return Value();
        case ValueKind::String: return v;
        case ValueKind::Int:
        case ValueKind::Float:
        case ValueKind::Bool: return v.to_string();
        default:
            if (v.is_temporal()) return value::format_temporal(v);
            if (or_null) return Value();
            wrong_type("toString", v, "INTEGER, FLOAT, BOOLEAN, STRING or a temporal");
    }
}

Value to_integer_impl(const Value& v, bool or_null) {
    switch (v.kind()) {
        case ValueKind::Null: return Value();
        case ValueKind::Int: return v;
        case ValueKind::Bool: return std::int64_t(v.as_bool() ? 1 : 0);
        case ValueKind::Float:
            if (or_null && (!std::isfinite(v.as_float()) || std::fabs(v.as_float()) >= 9.2233720368547758e18))
                return Value();
            return float_to_int("toInteger", v.as_float());
        case ValueKind::String: {
            std::string_view s = trimmed(v.as_string());
            std::int64_t i;
            auto r = std::from_chars(s.data(), s.data() + s.size(), i);
            if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return i;
            auto d = parse_float(s);
            if (!d || !std::isfinite(*d) || std::fabs(*d) >= 9.2233720368547758e18) return Value();
            return std::int64_t(std::trunc(*d));
        }
        default:
            if (or_null) return Value();
            wrong_type("toInteger", v, "INTEGER, FLOAT, BOOLEAN or STRING");
    }
}

Value to_float_impl(const Value& v, bool or_null) {
    switch (v.kind()) {
        case ValueKind::Null: return Value();
        case ValueKind::Float: return v;
        case ValueKind::Int: return double(v.as_int());
        case ValueKind::String: {
            auto d = parse_float(v.as_string());
            return d ? Value(*d) : Value();
        }
        default:
            if (or_null) return Value();
            wrong_type("toFloat", v, "INTEGER, FLOAT or STRING");
    }
}

Value to_boolean_impl(const Value& v, bool or_null) {
    switch (v.kind()) {
        case ValueKind::Null: return Value();
        case ValueKind::Bool: return v;
        case ValueKind::Int: return v.as_int() != 0;
        case ValueKind::String: {
            std::string s(trimmed(v.as_string()));
            for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
            if (s == "true") return true;
            if (s == "false") return false;
            return Value();
        }
        default:
            if (or_null) return Value();
            wrong_type("toBoolean", v, "BOOLEAN, INTEGER or STRING");
    }
}

template <Value (*Impl)(const Value&, bool), bool OrNull>
Value convert(Args a, const FunctionContext&) {
    return Impl(a[0], OrNull);
}

// toStringList(list) etc.: element-wise ...OrNull conversion.
template <Value (*Impl)(const Value&, bool)>
Value convert_list(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    if (!a[0].is_list()) wrong_type("conversion to list", a[0], "LIST");
    List out;
    for (const Value& e : a[0].as_list()) out.push_back(Impl(e, true));
    return out;
}

}  // namespace

void add_conversion_functions(std::vector<FunctionDef>& out) {
    out.push_back(def("toString", 1, 1, convert<to_string_impl, false>, TypeKind::String));
    out.push_back(def("toStringOrNull", 1, 1, convert<to_string_impl, true>, TypeKind::String));
    out.push_back(def("toInteger", 1, 1, convert<to_integer_impl, false>, TypeKind::Int));
    out.push_back(def("toIntegerOrNull", 1, 1, convert<to_integer_impl, true>, TypeKind::Int));
    out.push_back(def("toFloat", 1, 1, convert<to_float_impl, false>, TypeKind::Float));
    out.push_back(def("toFloatOrNull", 1, 1, convert<to_float_impl, true>, TypeKind::Float));
    out.push_back(def("toBoolean", 1, 1, convert<to_boolean_impl, false>, TypeKind::Bool));
    out.push_back(def("toBooleanOrNull", 1, 1, convert<to_boolean_impl, true>, TypeKind::Bool));
    auto list_def = [](std::string name, ScalarFunction fn, TypeKind element) {
        FunctionDef d = def(std::move(name), 1, 1, fn);
        d.result_type = catalog::LogicalType::list_of(element);
        return d;
    };
    out.push_back(list_def("toStringList", convert_list<to_string_impl>, TypeKind::String));
    out.push_back(list_def("toIntegerList", convert_list<to_integer_impl>, TypeKind::Int));
    out.push_back(list_def("toFloatList", convert_list<to_float_impl>, TypeKind::Float));
    out.push_back(list_def("toBooleanList", convert_list<to_boolean_impl>, TypeKind::Bool));
}

}  // namespace kgq::function
