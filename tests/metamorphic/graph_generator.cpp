// graph_generator.cpp — builds the random graphs of graph_generator.hpp: schema (strict) or
// label pool (open), nodes with missing, null and mixed-type properties, self-loops and
// parallel relationships; and renders them as the kgq statements that create them.
#include "graph_generator.hpp"

#include <algorithm>

namespace kgqm {

const char* ty_schema_name(Ty type) {
    switch (type) {
        case Ty::Int: return "INT";
        case Ty::Float: return "FLOAT";
        case Ty::String: return "STRING";
        case Ty::Bool: return "BOOL";
        case Ty::ListInt: return "LIST<INT>";
        case Ty::Date: return "DATE";
        default: return "ANY";
    }
}

std::string random_literal(Rng& rng, Ty type, bool allow_null) {
    if (allow_null && chance(rng, 12)) return "null";
    static const char* strings[] = {"'a'", "'b'", "'ab'", "''", "'B'", "'abc'", "'ba'", "'x y'"};
    switch (type) {
        case Ty::Int:
            if (chance(rng, 10)) return std::to_string(int(rng() % 2001) - 1000);
            return std::to_string(int(rng() % 16) - 5);
        case Ty::Float: {
            int r = pick(rng, 100);
            if (r < 3) return "0.0 / 0.0";  // NaN
            if (r < 6) return "-0.0";
            if (r < 8) return "1.0 / 0.0";  // Infinity
            double d = (int(rng() % 41) - 20) / 4.0;
            std::string s = std::to_string(d);
            s.erase(s.find_last_not_of('0') + 1);
            if (s.back() == '.') s += '0';
            return s;
        }
        case Ty::Num:
            return chance(rng, 60) ? random_literal(rng, Ty::Int, false) : random_literal(rng, Ty::Float, false);
        case Ty::String: return strings[pick(rng, 8)];
        case Ty::Bool: return chance(rng, 50) ? "true" : "false";
        case Ty::ListInt: {
            int n = pick(rng, 4);
            std::string s = "[";
            for (int i = 0; i < n; ++i) s += (i ? ", " : "") + std::to_string(int(rng() % 6) - 1);
            return s + "]";
        }
        case Ty::Any: {
            static const Ty any_of[] = {Ty::Int, Ty::Float, Ty::String, Ty::Bool, Ty::ListInt, Ty::Date};
            if (chance(rng, 8)) return "['a', 'b']";
            return random_literal(rng, any_of[pick(rng, 6)], false);
        }
        case Ty::Date: return "date('2023-06-1" + std::to_string(pick(rng, 4)) + "')";
    }
    return "null";
}

int Graph::type_index(const std::string& name) const {
    for (std::size_t i = 0; i < types.size(); ++i)
        if (types[i].name == name) return int(i);
    return -1;
}

bool Graph::is_subtype(int t, int ancestor) const {
    for (; t >= 0; t = types[t].super)
        if (t == ancestor) return true;
    return false;
}

std::vector<PropDef> Graph::all_props(int t) const {
    std::vector<int> chain;
    for (int u = t; u >= 0; u = types[u].super) chain.push_back(u);
    std::vector<PropDef> out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
        for (const auto& p : types[*it].props) out.push_back(p);
    return out;
}

std::vector<int> Graph::subtree(int t) const {
    std::vector<int> out;
    for (std::size_t i = 0; i < types.size(); ++i)
        if (is_subtype(int(i), t)) out.push_back(int(i));
    return out;
}

std::vector<int> Graph::children(int t) const {
    std::vector<int> out;
    for (std::size_t i = 0; i < types.size(); ++i)
        if (types[i].super == t) out.push_back(int(i));
    return out;
}

int Graph::root(int t) const {
    while (types[t].super >= 0) t = types[t].super;
    return t;
}

bool Graph::has_key(int t) const {
    if (t < 0) return false;
    for (const auto& p : types[root(t)].props)
        if (p.key) return true;
    return false;
}

static const std::vector<PropDef>& open_node_pool() {
    static const std::vector<PropDef> pool = {{"p", Ty::Num},     {"f", Ty::Num}, {"s", Ty::String}, {"b", Ty::Bool},
                                              {"l", Ty::ListInt}, {"m", Ty::Any}, {"d", Ty::Date}};
    return pool;
}
static const std::vector<PropDef>& open_rel_pool() {
    static const std::vector<PropDef> pool = {{"w", Ty::Num}, {"z", Ty::String}, {"m", Ty::Any}};
    return pool;
}

std::vector<PropDef> Graph::node_props() const {
    if (!strict) return open_node_pool();
    std::vector<PropDef> out;
    for (const auto& t : types)
        for (const auto& p : t.props)
            if (std::none_of(out.begin(), out.end(), [&](const PropDef& q) { return q.name == p.name; }))
                out.push_back(p);
    return out;
}

std::vector<PropDef> Graph::rel_props() const {
    if (!strict) return open_rel_pool();
    std::vector<PropDef> out;
    for (const auto& t : rel_types)
        for (const auto& p : t.props)
            if (std::none_of(out.begin(), out.end(), [&](const PropDef& q) { return q.name == p.name; }))
                out.push_back(p);
    return out;
}

std::vector<PropDef> Graph::rel_type_props(const std::string& type) const {
    if (!strict) return open_rel_pool();
    for (const auto& t : rel_types)
        if (t.name == type) return t.props;
    return {};
}

static std::string props_text(const Props& props) {
    if (props.empty()) return "";
    std::string s = " {";
    for (std::size_t i = 0; i < props.size(); ++i) s += (i ? ", " : "") + props[i].first + ": " + props[i].second;
    return s + "}";
}

std::string Graph::schema_script() const {
    std::string s;
    if (!strict) return s;
    for (const auto& t : types) {
        s += "CREATE ";
        if (t.abstract) s += "ABSTRACT ";
        s += "NODE TYPE " + t.name;
        if (t.super >= 0) s += " UNDER " + types[t.super].name;
        if (!t.props.empty()) {
            s += " (";
            for (std::size_t i = 0; i < t.props.size(); ++i)
                s += (i ? ", " : "") + t.props[i].name + " " + ty_schema_name(t.props[i].type) +
                     (t.props[i].key ? " KEY" : "");
            s += ")";
        }
        s += ";\n";
    }
    for (const auto& r : rel_types) {
        s += "CREATE RELATION TYPE " + r.name + " (";
        bool first = true;
        for (auto [f, t] : r.endpoints) {
            s += std::string(first ? "" : ", ") + "FROM " + types[f].name + " TO " + types[t].name;
            first = false;
        }
        for (const auto& p : r.props) s += ", " + p.name + " " + ty_schema_name(p.type);
        s += ");\n";
    }
    return s;
}

std::string Graph::data_script() const {
    if (nodes.empty()) return "";
    std::string s = "CREATE ";
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        s += (i ? ",\n       (n" : "(n") + std::to_string(i);
        for (const auto& l : nodes[i].labels) s += ":" + l;
        s += props_text(nodes[i].props) + ")";
    }
    for (const auto& r : rels)
        s += ",\n       (n" + std::to_string(r.from) + ")-[:" + r.type + props_text(r.props) + "]->(n" +
             std::to_string(r.to) + ")";
    return s + ";\n";
}

std::string Graph::script() const { return schema_script() + data_script(); }

static Props random_props(Rng& rng, const std::vector<PropDef>& defs, int present_percent, int& next_key) {
    Props out;
    for (const auto& d : defs) {
        if (d.key) {
            next_key += chance(rng, 15) ? 2 : 1;  // occasional gaps: lookups of absent keys
            out.emplace_back(d.name, std::to_string(next_key));
            continue;
        }
        if (!chance(rng, present_percent)) continue;
        out.emplace_back(d.name, random_literal(rng, d.type, true));  // `p: null` stores nothing
    }
    std::shuffle(out.begin(), out.end(), rng);
    return out;
}

static void add_relationships(Rng& rng, Graph& g, const std::vector<std::string>& type_names) {
    int n = int(g.nodes.size());
    int wanted = n > 100 ? n + pick(rng, n) : pick(rng, n * 2 + 4);
    for (int i = 0, tries = 0; i < wanted && tries < 4 * wanted + 200; ++tries) {
        if (!g.rels.empty() && chance(rng, 10)) {  // a parallel relationship
            GRel r = g.rels[pick(rng, int(g.rels.size()))];
            int dummy = 0;
            r.props = random_props(rng, g.rel_type_props(r.type), 50, dummy);
            g.rels.push_back(r);
            ++i;
            continue;
        }
        GRel r;
        r.type = type_names[pick(rng, int(type_names.size()))];
        if (g.strict) {
            const RelType* t = nullptr;
            for (const auto& x : g.rel_types)
                if (x.name == r.type) t = &x;
            auto [from_t, to_t] = t->endpoints[pick(rng, int(t->endpoints.size()))];
            std::vector<int> froms, tos;
            for (std::size_t n = 0; n < g.nodes.size(); ++n) {
                int nt = g.type_index(g.nodes[n].labels[0]);
                if (g.is_subtype(nt, from_t)) froms.push_back(int(n));
                if (g.is_subtype(nt, to_t)) tos.push_back(int(n));
            }
            if (froms.empty() || tos.empty()) continue;
            r.from = froms[pick(rng, int(froms.size()))];
            r.to = chance(rng, 12) && std::find(tos.begin(), tos.end(), r.from) != tos.end()
                       ? r.from
                       : tos[pick(rng, int(tos.size()))];
        } else {
            r.from = pick(rng, int(g.nodes.size()));
            r.to = chance(rng, 12) ? r.from : pick(rng, int(g.nodes.size()));
        }
        int dummy = 0;
        r.props = random_props(rng, g.rel_type_props(r.type), 50, dummy);
        g.rels.push_back(r);
        ++i;
    }
}

Graph generate_graph(Rng& rng, bool strict, int size) {
    Graph g;
    g.strict = strict;
    int node_count = size == 2 ? 260 + pick(rng, 140) : size == 1 ? 15 + pick(rng, 16) : 3 + pick(rng, 10);
    int next_key = -1;
    std::vector<std::string> rel_names = {"R", "S", "U"};
    rel_names.resize(1 + pick(rng, 3));
    if (strict) {
        static const char* names = "ABCDEFGH";
        int roots = 1 + pick(rng, 3);
        int count = roots + pick(rng, 5);
        static const std::vector<PropDef> root_pool = {{"p", Ty::Int},  {"f", Ty::Float},   {"s", Ty::String},
                                                       {"b", Ty::Bool}, {"l", Ty::ListInt}, {"d", Ty::Date}};
        static const std::vector<PropDef> sub_pool = {
            {"q", Ty::Int}, {"t", Ty::String}, {"f", Ty::Float}, {"b", Ty::Bool}};
        for (int i = 0; i < count; ++i) {
            NodeType t;
            t.name = std::string(1, names[i]);
            t.super = i < roots ? -1 : pick(rng, i);
            std::vector<PropDef> inherited = t.super >= 0 ? g.all_props(t.super) : std::vector<PropDef>{};
            if (t.super < 0 && chance(rng, 80)) t.props.push_back({"k", Ty::Int, true});
            for (const auto& p : t.super < 0 ? root_pool : sub_pool) {
                bool have =
                    std::any_of(inherited.begin(), inherited.end(), [&](const PropDef& q) { return q.name == p.name; });
                if (!have && chance(rng, t.super < 0 ? 65 : 45)) t.props.push_back(p);
            }
            g.types.push_back(t);
        }
        for (std::size_t i = 0; i < g.types.size(); ++i)
            if (!g.children(int(i)).empty() && chance(rng, 25)) g.types[i].abstract = true;
        for (const auto& name : rel_names) {
            RelType r;
            r.name = name;
            int pairs = 1 + pick(rng, 2);
            for (int i = 0; i < pairs; ++i) {
                std::pair<int, int> e{pick(rng, count), pick(rng, count)};
                if (std::find(r.endpoints.begin(), r.endpoints.end(), e) == r.endpoints.end()) r.endpoints.push_back(e);
            }
            static const std::vector<PropDef> rel_pool = {{"w", Ty::Int}, {"z", Ty::String}, {"g", Ty::Float}};
            for (const auto& p : rel_pool)
                if (chance(rng, 50)) r.props.push_back(p);
            g.rel_types.push_back(r);
        }
        std::vector<int> concrete;
        for (std::size_t i = 0; i < g.types.size(); ++i)
            if (!g.types[i].abstract) concrete.push_back(int(i));
        for (int i = 0; i < node_count; ++i) {
            int t = concrete[pick(rng, int(concrete.size()))];
            GNode n;
            n.labels = {g.types[t].name};
            n.props = random_props(rng, g.all_props(t), 70, next_key);
            g.nodes.push_back(n);
        }
    } else {
        g.labels = {"A", "B", "C", "D"};
        g.labels.resize(2 + pick(rng, 3));
        for (const auto& name : rel_names) g.rel_types.push_back(RelType{name, {}, {}});
        for (int i = 0; i < node_count; ++i) {
            GNode n;
            for (const auto& l : g.labels)
                if (chance(rng, 35)) n.labels.push_back(l);
            std::shuffle(n.labels.begin(), n.labels.end(), rng);
            n.props = random_props(rng, open_node_pool(), 55, next_key);
            g.nodes.push_back(n);
        }
    }
    add_relationships(rng, g, rel_names);
    return g;
}

}  // namespace kgqm
