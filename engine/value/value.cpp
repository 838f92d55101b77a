// engine/value/value.cpp — the data side of kgq::Value (kgq/value.hpp): Map's sorted entries,
// kind names, structural identity and the Cypher literal text used by the table printer,
// the TCK runner and toString(). Semantics (=, <, +) live in value_ops.
#include "kgq/value.hpp"
#include "value/temporal.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace kgq {

// ---------------------------------------------------------------- Map
namespace {
auto lower_bound_key(auto& entries, std::string_view key) {
    return std::lower_bound(entries.begin(), entries.end(), key,
                            [](const auto& e, std::string_view k) { return e.first < k; });
}
}  // namespace

Map::Map(std::initializer_list<Entry> entries) {
    for (const auto& e : entries) (*this)[e.first] = e.second;
}

const Value* Map::find(std::string_view key) const {
    auto it = lower_bound_key(entries_, key);
    return it != entries_.end() && it->first == key ? &it->second : nullptr;
}
Value* Map::find(std::string_view key) {
    auto it = lower_bound_key(entries_, key);
    return it != entries_.end() && it->first == key ? &it->second : nullptr;
}
Value& Map::operator[](std::string_view key) {
    auto it = lower_bound_key(entries_, key);
    if (it != entries_.end() && it->first == key) return it->second;
    return entries_.insert(it, Entry{std::string(key), Value()})->second;
}
bool Map::erase(std::string_view key) {
    auto it = lower_bound_key(entries_, key);
    if (it == entries_.end() || it->first != key) return false;
    entries_.erase(it);
    return true;
}

// ---------------------------------------------------------------- kinds
const char* kind_name(ValueKind kind) {
    switch (kind) {
        case ValueKind::Null: return "NULL";
        case ValueKind::Bool: return "BOOLEAN";
        case ValueKind::Int: return "INTEGER";
        case ValueKind::Float: return "FLOAT";
        case ValueKind::String: return "STRING";
        case ValueKind::Date: return "DATE";
        case ValueKind::LocalTime: return "LOCAL TIME";
        case ValueKind::Time: return "ZONED TIME";
        case ValueKind::LocalDateTime: return "LOCAL DATETIME";
        case ValueKind::DateTime: return "ZONED DATETIME";
        case ValueKind::Duration: return "DURATION";
        case ValueKind::List: return "LIST";
        case ValueKind::Map: return "MAP";
        case ValueKind::Node: return "NODE";
        case ValueKind::Relationship: return "RELATIONSHIP";
        case ValueKind::Path: return "PATH";
    }
    return "ANY";
}

// ---------------------------------------------------------------- identity
namespace {
bool same_map(const Map& a, const Map& b) {
    if (a.size() != b.size()) return false;
    return std::equal(a.begin(), a.end(), b.begin(),
                      [](const auto& x, const auto& y) { return x.first == y.first && x.second == y.second; });
}
}  // namespace

bool operator==(const Value& a, const Value& b) {
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
        case ValueKind::Null: return true;
        case ValueKind::Float: {
            // NaN is identical to itself here: containers and tests need reflexivity.
            double x = a.as_float(), y = b.as_float();
            return x == y || (std::isnan(x) && std::isnan(y));
        }
        case ValueKind::List: return a.as_list() == b.as_list();
        case ValueKind::Map: return same_map(a.as_map(), b.as_map());
        case ValueKind::Node: return a.as_node().id == b.as_node().id;
        case ValueKind::Relationship: return a.as_relationship().id == b.as_relationship().id;
        case ValueKind::Path: {
            const Path& p = a.as_path();
            const Path& q = b.as_path();
            if (p.nodes.size() != q.nodes.size() || p.relationships.size() != q.relationships.size()) return false;
            for (std::size_t i = 0; i < p.nodes.size(); ++i)
                if (p.nodes[i].id != q.nodes[i].id) return false;
            for (std::size_t i = 0; i < p.relationships.size(); ++i)
                if (p.relationships[i].id != q.relationships[i].id) return false;
            return true;
        }
        default: return a.storage() == b.storage();
    }
}

// ---------------------------------------------------------------- text
namespace {

// Java's Double.toString shape (the TCK's and Neo4j's): shortest digits that round-trip,
// plain between 1e-3 and 1e7 with at least one decimal, else d.dddE±n.
std::string float_text(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    double mag = std::fabs(d);
    if (mag >= 1e-3 && mag < 1e7) {
        auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
        std::string s(buf, r.ptr);
        if (s.find('.') == std::string::npos) s += ".0";
        return s;
    }
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string s(buf, r.ptr);  // 1.2345e+05
    auto e = s.find('e');
    std::string mantissa = s.substr(0, e);
    if (mantissa.find('.') == std::string::npos) mantissa += ".0";
    int exponent = std::stoi(s.substr(e + 1));
    return mantissa + "E" + std::to_string(exponent);
}

std::string quoted(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string properties_text(const Map& m) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, v] : m) {
        if (!first) out += ", ";
        first = false;
        out += k + ": " + v.to_string();
    }
    return out + "}";
}

std::string node_text(const Node& n) {
    std::string out = "(";
    for (const auto& l : n.labels) out += ":" + l;
    if (!n.properties.empty()) out += (n.labels.empty() ? "" : " ") + properties_text(n.properties);
    return out + ")";
}

std::string relationship_text(const Relationship& r) {
    std::string out = "[:" + r.type;
    if (!r.properties.empty()) out += " " + properties_text(r.properties);
    return out + "]";
}

std::string path_text(const Path& p) {
    std::string out = "<";
    for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        out += node_text(p.nodes[i]);
        if (i >= p.relationships.size()) break;
        const Relationship& r = p.relationships[i];
        // Walking from nodes[i]: the relationship points forward when it starts there.
        bool forward = r.start == p.nodes[i].id;
        out += forward ? "-" + relationship_text(r) + "->" : "<-" + relationship_text(r) + "-";
    }
    return out + ">";
}

}  // namespace

std::string Value::to_string() const {
    switch (kind()) {
        case ValueKind::Null: return "null";
        case ValueKind::Bool: return as_bool() ? "true" : "false";
        case ValueKind::Int: return std::to_string(as_int());
        case ValueKind::Float: return float_text(as_float());
        case ValueKind::String: return quoted(as_string());
        case ValueKind::Date:
        case ValueKind::LocalTime:
        case ValueKind::Time:
        case ValueKind::LocalDateTime:
        case ValueKind::DateTime:
        case ValueKind::Duration: return quoted(value::format_temporal(*this));
        case ValueKind::List: {
            std::string out = "[";
            for (std::size_t i = 0; i < as_list().size(); ++i) {
                if (i) out += ", ";
                out += as_list()[i].to_string();
            }
            return out + "]";
        }
        case ValueKind::Map: return properties_text(as_map());
        case ValueKind::Node: return node_text(as_node());
        case ValueKind::Relationship: return relationship_text(as_relationship());
        case ValueKind::Path: return path_text(as_path());
    }
    return "?";
}

std::string Value::to_display() const {
    if (is_null()) return "";
    if (is_string()) return as_string();
    if (is_temporal()) return value::format_temporal(*this);
    return to_string();
}

}  // namespace kgq
