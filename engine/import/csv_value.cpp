// engine/import/csv_value.cpp — see csv_value.hpp. Integers and floats go through
// std::from_chars (no locale, no allocation); temporals through the engine's ISO 8601
// parsers so that CSV dates mean what date('...') means in a query.
#include "import/csv_value.hpp"

#include "value/temporal.hpp"

#include <cctype>
#include <charconv>

namespace kgq::import {
namespace {

using catalog::TypeKind;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
    }
    return true;
}

bool parse_scalar(std::string_view text, TypeKind kind, Value& out, std::string& error) {
    auto bad = [&](const char* what) {
        error = "'" + std::string(text) + "' is not " + what;
        return false;
    };
    switch (kind) {
        case TypeKind::Any:
        case TypeKind::String: out = Value(text); return true;
        case TypeKind::Int: {
            std::string_view t = trim(text);
            if (!t.empty() && t.front() == '+') t.remove_prefix(1);
            std::int64_t v = 0;
            auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
            if (ec == std::errc::result_out_of_range) return bad("an INTEGER in the 64-bit range");
            if (t.empty() || ec != std::errc() || end != t.data() + t.size()) return bad("an INTEGER");
            out = Value(v);
            return true;
        }
        case TypeKind::Float: {
            std::string_view t = trim(text);
            if (!t.empty() && t.front() == '+') t.remove_prefix(1);
            double v = 0;
            auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
            if (t.empty() || ec != std::errc() || end != t.data() + t.size()) return bad("a FLOAT");
            out = Value(v);
            return true;
        }
        case TypeKind::Bool: {
            std::string_view t = trim(text);
            if (iequals(t, "true")) out = Value(true);
            else if (iequals(t, "false")) out = Value(false);
            else return bad("a BOOLEAN (true or false)");
            return true;
        }
        case TypeKind::Date:
        case TypeKind::LocalTime:
        case TypeKind::Time:
        case TypeKind::LocalDateTime:
        case TypeKind::DateTime:
        case TypeKind::Duration: {
            std::string_view t = trim(text);
            try {
                switch (kind) {
                    case TypeKind::Date: out = Value(value::parse_date(t)); break;
                    case TypeKind::LocalTime: out = Value(value::parse_local_time(t)); break;
                    case TypeKind::Time: out = Value(value::parse_time(t)); break;
                    case TypeKind::LocalDateTime: out = Value(value::parse_local_datetime(t)); break;
                    case TypeKind::DateTime: out = Value(value::parse_datetime(t)); break;
                    default: out = Value(value::parse_duration(t)); break;
                }
            } catch (const std::exception&) {
                return bad(kind == TypeKind::Date            ? "a DATE"
                           : kind == TypeKind::LocalTime     ? "a LOCAL TIME"
                           : kind == TypeKind::Time          ? "a TIME"
                           : kind == TypeKind::LocalDateTime ? "a LOCAL DATETIME"
                           : kind == TypeKind::DateTime      ? "a DATETIME"
                                                             : "a DURATION");
            }
            return true;
        }
        default:
            error = "columns of type " + catalog::LogicalType::of(kind).to_string() + " cannot be imported from CSV";
            return false;
    }
}

}  // namespace

bool parse_csv_value(std::string_view text, bool quoted, const catalog::LogicalType& type, char array_delimiter,
                     Value& out, std::string& error) {
    if (text.empty()) {
        bool stringy = type.kind == TypeKind::String || type.kind == TypeKind::Any;
        out = quoted && stringy ? Value(std::string()) : Value();
        return true;
    }
    if (type.kind != TypeKind::List) return parse_scalar(text, type.kind, out, error);
    List items;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = text.find(array_delimiter, start);
        std::string_view item =
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        Value v;
        if (!parse_scalar(item, type.element, v, error)) {
            error = "array element " + std::to_string(items.size() + 1) + ": " + error;
            return false;
        }
        items.push_back(std::move(v));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    out = Value(std::move(items));
    return true;
}

}  // namespace kgq::import
