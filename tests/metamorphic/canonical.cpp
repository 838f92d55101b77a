// canonical.cpp — canonical text of kgq::Value rows, multiset comparison with a float
// tolerance, printable answers and the full-graph dump that the atomicity check compares.
#include "canonical.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kgqm {

static std::string float_text(double d, int digits) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Inf" : "-Inf";
    if (d == 0) return "0.0";  // -0.0 = 0.0
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits, d);
    return buf;
}

static std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

static std::string canon(const kgq::Value& v, bool unordered, int digits);

static std::string canon_map(const kgq::Map& m, int digits) {
    std::string s = "{";
    bool first = true;
    for (const auto& [k, x] : m) {
        s += (first ? "" : ", ") + k + ": " + canon(x, false, digits);
        first = false;
    }
    return s + "}";
}

static std::string canon_node(const kgq::Node& n, int digits) {
    std::vector<std::string> labels = n.labels;
    std::sort(labels.begin(), labels.end());
    std::string s = "(#" + std::to_string(n.id);
    for (const auto& l : labels) s += ":" + l;
    return s + " " + canon_map(n.properties, digits) + ")";
}

static std::string canon_rel(const kgq::Relationship& r, int digits) {
    return "[#" + std::to_string(r.id) + ":" + r.type + " " + std::to_string(r.start) + "->" + std::to_string(r.end) +
           " " + canon_map(r.properties, digits) + "]";
}

static std::string canon(const kgq::Value& v, bool unordered, int digits) {
    using K = kgq::ValueKind;
    switch (v.kind()) {
        case K::Null: return "null";
        case K::Bool: return v.as_bool() ? "true" : "false";
        case K::Int: return std::to_string(v.as_int());
        case K::Float: return "f" + float_text(v.as_float(), digits);
        case K::String: return quote(v.as_string());
        case K::List: {
            std::vector<std::string> items;
            for (const auto& x : v.as_list()) items.push_back(canon(x, false, digits));
            if (unordered) std::sort(items.begin(), items.end());
            std::string s = "[";
            for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + items[i];
            return s + "]";
        }
        case K::Map: return canon_map(v.as_map(), digits);
        case K::Node: return canon_node(v.as_node(), digits);
        case K::Relationship: return canon_rel(v.as_relationship(), digits);
        case K::Path: {
            const auto& p = v.as_path();
            std::string s = "<";
            for (std::size_t i = 0; i < p.nodes.size(); ++i) {
                s += "#" + std::to_string(p.nodes[i].id);
                if (i < p.relationships.size()) s += "-#" + std::to_string(p.relationships[i].id) + "-";
            }
            return s + ">";
        }
        default: return v.to_string();
    }
}

std::string canonical_value(const kgq::Value& v, bool unordered_list) { return canon(v, unordered_list, 17); }

static std::string row_text(const std::vector<kgq::Value>& row, const std::vector<ColumnMode>& modes, int digits) {
    std::string s;
    for (std::size_t c = 0; c < row.size(); ++c) {
        bool unordered = c < modes.size() && modes[c] == ColumnMode::UnorderedList;
        s += (c ? " | " : "") + canon(row[c], unordered, digits);
    }
    return s;
}

std::vector<std::string> canonical_rows(const kgq::Result& r, const std::vector<ColumnMode>& modes) {
    std::vector<std::string> out;
    for (const auto& row : r.rows()) out.push_back(row_text(row, modes, 17));
    return out;
}

bool same_multiset(std::vector<std::string> a, std::vector<std::string> b) {
    if (a.size() != b.size()) return false;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

static bool close(double x, double y) {
    if (std::isnan(x) || std::isnan(y)) return std::isnan(x) && std::isnan(y);
    if (x == y) return true;
    return std::fabs(x - y) <= 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)});
}

bool values_close(const kgq::Value& a, const kgq::Value& b, bool numeric_equal) {
    using K = kgq::ValueKind;
    if (a.is_number() && b.is_number() && (numeric_equal || a.kind() == b.kind())) {
        if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
        return close(a.as_number(), b.as_number());
    }
    if (a.kind() != b.kind()) return false;
    if (a.kind() == K::List) {
        const auto &x = a.as_list(), &y = b.as_list();
        if (x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!values_close(x[i], y[i], numeric_equal)) return false;
        return true;
    }
    if (a.kind() == K::Map) {
        const auto &x = a.as_map().entries(), &y = b.as_map().entries();
        if (x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (x[i].first != y[i].first || !values_close(x[i].second, y[i].second, numeric_equal)) return false;
        return true;
    }
    return canon(a, false, 17) == canon(b, false, 17);
}

bool same_multiset(const kgq::Result& a, const kgq::Result& b, const std::vector<ColumnMode>& modes) {
    if (a.row_count() != b.row_count()) return false;
    if (same_multiset(canonical_rows(a, modes), canonical_rows(b, modes))) return true;
    // Tolerant pass: order both by text with rounded floats, then compare value by value.
    auto order = [&](const kgq::Result& r) {
        std::vector<std::pair<std::string, std::vector<kgq::Value>>> rows;
        for (const auto& row : r.rows()) {
            std::vector<kgq::Value> copy = row;
            for (std::size_t c = 0; c < copy.size(); ++c)
                if (c < modes.size() && modes[c] == ColumnMode::UnorderedList && copy[c].is_list()) {
                    auto& l = copy[c].as_list();
                    std::sort(l.begin(), l.end(), [](const kgq::Value& x, const kgq::Value& y) {
                        return canon(x, false, 6) < canon(y, false, 6);
                    });
                }
            rows.emplace_back(row_text(copy, {}, 6), std::move(copy));
        }
        std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        return rows;
    };
    auto x = order(a), y = order(b);
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i].second.size() != y[i].second.size()) return false;
        for (std::size_t c = 0; c < x[i].second.size(); ++c)
            if (!values_close(x[i].second[c], y[i].second[c])) return false;
    }
    return true;
}

std::string describe(const kgq::Result& r, bool ordered, std::size_t max_rows) {
    if (!r.ok()) return "error: " + r.error().to_string();
    std::vector<std::string> rows = canonical_rows(r);
    if (!ordered) std::sort(rows.begin(), rows.end());
    std::string s = std::to_string(rows.size()) + " row(s)" + (ordered ? ", in order" : "");
    for (std::size_t i = 0; i < rows.size() && i < max_rows; ++i) s += "\n    " + rows[i];
    if (rows.size() > max_rows) s += "\n    ...";
    return s;
}

std::string dump_graph(kgq::Database& db) {
    // Nodes, relationships read from both ends (outgoing and incoming adjacency), degrees
    // and counts through PatternCount: a rollback must restore every one of these views.
    static const char* views[] = {
        "MATCH (n) RETURN n",
        "MATCH ()-[r]->() RETURN r",
        "MATCH (a)<-[r]-(b) RETURN 'in', id(a), id(r), id(b)",
        "MATCH (n) RETURN 'degree', id(n), size([(n)-->() | 1]), size([(n)<--() | 1])",
        "MATCH (n) RETURN 'nodes', count(*)",
        "MATCH ()-[r]->() RETURN 'relationships', count(*)",
    };
    std::string s;
    for (const char* q : views) {
        kgq::Result r = db.execute(q);
        if (!r.ok()) return "dump failed: " + r.error().to_string();
        std::vector<std::string> lines = canonical_rows(r);
        std::sort(lines.begin(), lines.end());
        for (const auto& l : lines) s += l + "\n";
    }
    return s;
}

}  // namespace kgqm
