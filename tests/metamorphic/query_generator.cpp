// query_generator.cpp — builds random queries (query_generator.hpp) whose names, labels and
// property types fit the graph: strict graphs get type-correct expressions, open graphs
// also compare values of mixed types. Rendering to text lives here as well.
#include "query_generator.hpp"

#include <algorithm>

namespace kgqm {

// ---- expressions ---------------------------------------------------------------------

std::string Expr::render() const {
    std::string out;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] == '$' && i + 1 < fmt.size() && fmt[i + 1] >= '0' && fmt[i + 1] <= '9') {
            const Expr& k = kids[std::size_t(fmt[i + 1] - '0')];
            std::string t = k.render();
            // Compound kids and leaves holding operators ("n0 = n1") get parentheses.
            bool simple = k.kids.empty() && (t.find(' ') == std::string::npos || t[0] == '\'');
            out += simple ? t : "(" + t + ")";
            ++i;
        } else {
            out += fmt[i];
        }
    }
    return out;
}

Expr leaf(std::string text, Ty type) {
    if (text.find(" / ") != std::string::npos && text[0] != '\'') text = "(" + text + ")";
    return Expr{std::move(text), {}, type, false};
}
Expr pred_leaf(std::string text) {
    Expr e = leaf(std::move(text), Ty::Bool);
    e.boolean = true;
    return e;
}
Expr op(std::string fmt, std::vector<Expr> kids, Ty type) { return Expr{std::move(fmt), std::move(kids), type, false}; }
Expr pred_op(std::string fmt, std::vector<Expr> kids) {
    Expr e = op(std::move(fmt), std::move(kids), Ty::Bool);
    e.boolean = true;
    return e;
}
Expr conj(const Expr& a, const Expr& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return pred_op("$0 AND $1", {a, b});
}

bool comparable(Ty a, Ty b) {
    auto numeric = [](Ty t) { return t == Ty::Int || t == Ty::Float || t == Ty::Num; };
    if (a == Ty::Any || b == Ty::Any) return true;
    if (numeric(a) && numeric(b)) return true;
    return a == b;
}

// ---- patterns ------------------------------------------------------------------------

static std::string render_node(const NodePat& n) {
    std::string s = "(" + n.var;
    if (!n.label.empty()) s += ":" + n.label;
    if (!n.props.empty()) s += (n.var.empty() && n.label.empty() ? "" : " ") + n.props;
    return s + ")";
}

static std::string render_rel(const RelPat& r) {
    std::string inner = r.var;
    if (!r.types.empty()) inner += ":" + r.types;
    if (r.varlen) inner += "*" + std::to_string(r.lo) + ".." + std::to_string(r.hi);
    std::string body = inner.empty() ? "--" : "-[" + inner + "]-";
    if (r.dir == Dir::Out) return body + ">";
    if (r.dir == Dir::In) return "<" + body;
    return body;
}

std::string PathPat::render() const {
    std::string s = name.empty() ? "" : name + " = ";
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        s += render_node(nodes[i]);
        if (i < rels.size()) s += render_rel(rels[i]);
    }
    return s;
}

PathPat PathPat::reversed() const {
    PathPat p = *this;
    std::reverse(p.nodes.begin(), p.nodes.end());
    std::reverse(p.rels.begin(), p.rels.end());
    for (auto& r : p.rels) r.dir = r.dir == Dir::Out ? Dir::In : r.dir == Dir::In ? Dir::Out : Dir::Both;
    return p;
}

static std::string join_parts(const std::vector<PathPat>& parts, const std::string& sep) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i].render();
    return s;
}

std::string Query::render_body() const {
    std::string s = "MATCH " + join_parts(match, !split_match ? ", " : split_with ? "\nWITH *\nMATCH " : "\nMATCH ");
    if (!where.empty()) s += "\nWHERE " + where.render();
    if (!optional.empty()) {
        s += "\nOPTIONAL MATCH " + join_parts(optional, ", ");
        if (!opt_where.empty()) s += " WHERE " + opt_where.render();
    }
    if (!optional2.empty()) {
        s += "\nOPTIONAL MATCH " + join_parts(optional2, ", ");
        if (!opt_where2.empty()) s += " WHERE " + opt_where2.render();
    }
    if (!unwind.empty()) s += "\nUNWIND " + unwind.render() + " AS u";
    if (!post_where.empty()) s += "\nWITH * WHERE " + post_where.render();
    return s;
}

std::string Query::render_tail() const {
    std::string s;
    if (!tail.with.empty()) s += "\n" + tail.with.render();
    s += "\nRETURN ";
    if (tail.distinct) s += "DISTINCT ";
    for (std::size_t i = 0; i < tail.items.size(); ++i)
        s += (i ? ", " : "") + tail.items[i].render() + " AS c" + std::to_string(i);
    if (!tail.order.empty()) {
        s += " ORDER BY ";
        for (std::size_t i = 0; i < tail.order.size(); ++i)
            s += (i ? ", c" : "c") + std::to_string(tail.order[i]) + (tail.desc[i] ? " DESC" : "");
    }
    if (tail.skip >= 0) s += " SKIP " + std::to_string(tail.skip);
    if (tail.limit >= 0) s += " LIMIT " + std::to_string(tail.limit);
    return s;
}

const Var* Query::var(const std::string& name) const {
    for (const auto& v : vars)
        if (v.name == name) return &v;
    return nullptr;
}

// ---- generation ----------------------------------------------------------------------

bool overlaps(const Graph& g, const std::vector<int>& set, int t) {
    if (set.empty()) return true;
    for (int x : set)
        if (g.is_subtype(x, t) || g.is_subtype(t, x)) return true;
    return false;
}

// The binder's endpoint inference (bind_schema_checks.cpp): the types the left and right
// node may have given the relationship's types and direction.
static std::pair<std::vector<int>, std::vector<int>> endpoint_candidates(const Graph& g, const RelPat& r,
                                                                         const std::vector<int>& left,
                                                                         const std::vector<int>& right) {
    std::vector<int> lc, rc;
    auto add = [](std::vector<int>& v, int t) {
        if (std::find(v.begin(), v.end(), t) == v.end()) v.push_back(t);
    };
    std::string types = r.types;
    std::vector<std::string> names;
    for (std::size_t at = 0; at <= types.size();) {
        std::size_t bar = types.find('|', at);
        if (bar == std::string::npos) bar = types.size();
        names.push_back(types.substr(at, bar - at));
        at = bar + 1;
    }
    for (const auto& name : names)
        for (const auto& rt : g.rel_types)
            if (rt.name == name)
                for (auto [f, t] : rt.endpoints) {
                    if (r.dir != Dir::In && overlaps(g, left, f) && overlaps(g, right, t)) add(lc, f), add(rc, t);
                    if (r.dir != Dir::Out && overlaps(g, right, f) && overlaps(g, left, t)) add(rc, f), add(lc, t);
                }
    return {lc, rc};
}

// Picks a relation type and direction that can leave the left node; returns the type the
// right node should have (-1: any).
int QueryGen::choose_rel(Query& q, RelPat& r, const std::string& left) {
    Var* lv = nullptr;
    for (auto& v : q.vars)
        if (v.name == left) lv = &v;
    std::vector<std::pair<std::string, std::pair<int, Dir>>> options;  // type, (right type, dir)
    for (const auto& rt : g_.rel_types)
        for (auto [f, t] : rt.endpoints) {
            if (overlaps(g_, lv ? lv->types : std::vector<int>{}, f)) options.push_back({rt.name, {t, Dir::Out}});
            if (overlaps(g_, lv ? lv->types : std::vector<int>{}, t)) options.push_back({rt.name, {f, Dir::In}});
        }
    if (options.empty()) return -1;
    auto& o = options[pick(rng_, int(options.size()))];
    r.types = o.first;
    r.dir = chance(rng_, 25) ? Dir::Both : o.second.second;
    if (chance(rng_, 8) && g_.rel_types.size() > 1) {
        std::string other = g_.rel_types[pick(rng_, int(g_.rel_types.size()))].name;
        if (other != r.types) r.types += "|" + other;
    }
    return o.second.first;
}

std::string QueryGen::label_for(int hint_type) {
    if (!g_.strict) {
        if (chance(rng_, 3)) return "Z";  // a label no node has
        return g_.labels[pick(rng_, int(g_.labels.size()))];
    }
    if (hint_type < 0 || chance(rng_, 4)) return g_.types[pick(rng_, int(g_.types.size()))].name;
    // The endpoint's type, one of its subtypes or its supertype.
    std::vector<int> near = g_.subtree(hint_type);
    if (g_.types[hint_type].super >= 0) near.push_back(g_.types[hint_type].super);
    return g_.types[near[pick(rng_, int(near.size()))]].name;
}

NodePat QueryGen::node(Query& q, bool optional, bool allow_reuse, int hint_type) {
    std::vector<const Var*> nodes;
    for (const auto& v : q.vars)
        if (v.kind == VarKind::Node) nodes.push_back(&v);
    if (allow_reuse && !nodes.empty() && chance(rng_, 20))
        return NodePat{nodes[pick(rng_, int(nodes.size()))]->name, "", ""};
    NodePat n;
    n.var = "n" + std::to_string(next_node_++);
    Var v = make_var(n.var, VarKind::Node);
    v.optional = optional;
    v.in_match = !optional;
    if (chance(rng_, g_.strict ? 65 : 55)) {
        n.label = label_for(hint_type);
        if (g_.strict) {
            v.type = g_.type_index(n.label);
            v.types = {v.type};
        }
        if (chance(rng_, 10)) {  // label alternatives (A|B), in open graphs also conjunctions (A:B)
            std::string other = label_for(g_.strict ? -1 : hint_type);
            if (other != n.label) {
                bool conjunction = !g_.strict && chance(rng_, 40);
                n.label += (conjunction ? ":" : "|") + other;
                if (g_.strict) {
                    v.type = -1;
                    v.types.push_back(g_.type_index(other));
                }
            }
        }
    }
    if (g_.strict && v.type >= 0 && g_.has_key(v.type) && chance(rng_, 12)) {
        n.props = "{k: " + std::to_string(pick(rng_, int(g_.nodes.size()) + 3)) + "}";
    } else if (!g_.strict && chance(rng_, 8)) {
        n.props = "{p: " + random_literal(rng_, Ty::Int, false) + "}";
    }
    q.vars.push_back(v);
    return n;
}

PathPat QueryGen::path(Query& q, const Shape& shape, bool optional, bool first_part) {
    PathPat p;
    int length = optional ? 1 : chance(rng_, 20) ? 0 : chance(rng_, 70) ? 1 : 2;
    p.nodes.push_back(node(q, optional, optional || !first_part, -1));
    if (optional && q.var(p.nodes[0].var)->optional) {  // start an OPTIONAL MATCH from a bound node
        for (const auto& v : q.vars)
            if (v.kind == VarKind::Node && v.in_match) {
                q.vars.pop_back();
                p.nodes[0] = NodePat{v.name, "", ""};
                break;
            }
    }
    for (int i = 0; i < length; ++i) {
        RelPat r;
        r.var = "r" + std::to_string(next_rel_++);
        int hint = -1;
        r.dir = chance(rng_, 25) ? Dir::Both : chance(rng_, 55) ? Dir::Out : Dir::In;
        if (g_.strict) {
            if (chance(rng_, 80)) hint = choose_rel(q, r, p.nodes.back().var);
        } else if (chance(rng_, 75)) {
            r.types = g_.rel_types[pick(rng_, int(g_.rel_types.size()))].name;
            if (chance(rng_, 10) && g_.rel_types.size() > 1)
                r.types += "|" + g_.rel_types[(pick(rng_, 2) + 1) % g_.rel_types.size()].name;
        }
        if (r.types.find('|') != std::string::npos) {
            std::string a = r.types.substr(0, r.types.find('|')), b = r.types.substr(r.types.find('|') + 1);
            if (a == b) r.types = a;
        }
        Var v = make_var(r.var, VarKind::Rel);
        v.optional = optional;
        v.in_match = !optional;
        if (r.types.find('|') == std::string::npos) v.rel_type = r.types;
        if (shape.varlen && !big && varlen_left_ > 0 && chance(rng_, 15)) {
            --varlen_left_;
            static const int los[] = {1, 1, 1, 0, 2};
            r.varlen = true;
            r.lo = los[pick(rng_, 5)];

            r.hi = std::min(medium ? 2 : 3, std::max(r.lo, 1) + pick(rng_, 3));
            v.kind = VarKind::RelList;
        }
        p.rels.push_back(r);
        q.vars.push_back(v);
        p.nodes.push_back(node(q, optional, !optional, hint));
        if (g_.strict && !r.types.empty()) {
            // As the binder does: unlabelled nodes of this clause take the endpoint types.
            Var* left = nullptr;
            Var* right = nullptr;
            for (auto& x : q.vars) {
                if (x.name == p.nodes[p.nodes.size() - 2].var) left = &x;
                if (x.name == p.nodes.back().var) right = &x;
            }
            auto [lc, rc] = endpoint_candidates(g_, r, left->types, right->types);
            if (left->types.empty() && left->optional == optional) left->types = lc;
            if (right->types.empty() && right->optional == optional) right->types = rc;
        }
    }
    if (shape.named_paths && !optional && chance(rng_, 8)) {
        p.name = "p" + std::to_string(next_path_++);
        Var v = make_var(p.name, VarKind::Path);
        v.in_match = true;
        q.vars.push_back(v);
    }
    return p;
}

std::vector<PropDef> QueryGen::props_of(const Var& v) const {
    if (v.kind == VarKind::Node) {
        if (!g_.strict || v.types.empty()) return g_.node_props();
        std::vector<int> types;
        for (int x : v.types)
            for (int t : g_.subtree(x))
                if (std::find(types.begin(), types.end(), t) == types.end()) types.push_back(t);
        std::vector<PropDef> out;
        for (int t : types)
            for (const auto& p : g_.all_props(t))
                if (std::none_of(out.begin(), out.end(), [&](const PropDef& x) { return x.name == p.name; }))
                    out.push_back(p);
        return out;
    }
    if (v.kind == VarKind::Rel) return v.rel_type.empty() ? g_.rel_props() : g_.rel_type_props(v.rel_type);
    return {};
}

std::vector<const Var*> QueryGen::visible(const Query& q, bool match_only) const {
    std::vector<const Var*> out;
    for (const auto& v : q.vars)
        if (!match_only || v.in_match) out.push_back(&v);
    return out;
}

static bool fits(Ty have, Ty want, bool strict) {
    if (want == Ty::Any) return true;
    if (have == want) return true;
    if (want == Ty::Num) return have == Ty::Int || have == Ty::Float;
    if (!strict && have == Ty::Num) return want == Ty::Int || want == Ty::Float;
    return false;
}

Expr QueryGen::value(const Query& q, Ty want, bool match_only, int depth) {
    auto vars = visible(q, match_only);
    int r = pick(rng_, 100);
    if (r < 55) {  // a property
        std::vector<std::pair<std::string, Ty>> options;
        for (const Var* v : vars)
            for (const auto& p : props_of(*v))
                if (fits(p.type, want, g_.strict)) options.emplace_back(v->name + "." + p.name, p.type);
        for (const Var* v : vars)
            if (v->kind == VarKind::Value && fits(v->ty, want, g_.strict)) options.emplace_back(v->name, v->ty);
        if (!options.empty()) {
            auto& o = options[pick(rng_, int(options.size()))];
            return leaf(o.first, o.second);
        }
    }
    if (depth > 0 && r >= 85) {
        switch (want == Ty::Any ? Ty(pick(rng_, 5)) : want) {
            case Ty::Int:
                if (chance(rng_, 30)) {
                    for (const Var* v : vars)
                        if (v->kind == VarKind::Path && chance(rng_, 50))
                            return op("length(" + v->name + ")", {}, Ty::Int);
                    for (const Var* v : vars)
                        if (v->kind == VarKind::RelList && chance(rng_, 50))
                            return op("size(" + v->name + ")", {}, Ty::Int);
                    return op("size($0)",
                              {value(q, chance(rng_, 50) ? Ty::String : Ty::ListInt, match_only, depth - 1)}, Ty::Int);
                }
                return op("$0 + " + std::to_string(pick(rng_, 5) + 1), {value(q, Ty::Int, match_only, depth - 1)},
                          Ty::Int);
            case Ty::Num:
            case Ty::Float:
                if (chance(rng_, 50)) return op("$0 * 0.5", {value(q, Ty::Num, match_only, depth - 1)}, Ty::Float);
                return op("CASE WHEN $0 THEN $1 ELSE $2 END",
                          {predicate(q, match_only, 0), value(q, want, match_only, 0), value(q, want, match_only, 0)},
                          want);
            case Ty::String:
                if (chance(rng_, 50))
                    return op("toLower($0)", {value(q, Ty::String, match_only, depth - 1)}, Ty::String);
                return op("$0 + 'a'", {value(q, Ty::String, match_only, depth - 1)}, Ty::String);
            case Ty::Bool: return predicate(q, match_only, depth - 1);
            case Ty::ListInt:
                return op("coalesce($0, [1])", {value(q, Ty::ListInt, match_only, depth - 1)}, Ty::ListInt);
            case Ty::Date:
                return op("$0 + duration({days: " + std::to_string(pick(rng_, 3)) + "})",
                          {value(q, Ty::Date, match_only, depth - 1)}, Ty::Date);
            default: break;
        }
    }
    return leaf(random_literal(rng_, want == Ty::Any && g_.strict ? Ty::Int : want, true), want);
}

Expr QueryGen::compare(const Query& q, bool match_only, int depth) {
    static const char* ops[] = {"=", "<>", "<", "<=", ">", ">="};
    static const Ty strict_types[] = {Ty::Num, Ty::Num, Ty::String, Ty::Bool, Ty::ListInt, Ty::Int, Ty::Date};
    static const Ty open_types[] = {Ty::Num, Ty::Any, Ty::String, Ty::Bool, Ty::ListInt, Ty::Any, Ty::Date};
    Ty t = g_.strict ? strict_types[pick(rng_, 7)] : open_types[pick(rng_, 7)];
    Expr a = value(q, t, match_only, depth > 0 ? 1 : 0);
    Ty bt = g_.strict ? a.type : t;
    if (bt == Ty::Any && g_.strict) bt = t;
    Expr b = chance(rng_, 50)
                 ? leaf(random_literal(rng_, bt == Ty::Any ? (g_.strict ? Ty::Int : Ty::Any) : bt, true), bt)
                 : value(q, bt == Ty::Int || bt == Ty::Float ? Ty::Num : bt, match_only, 0);
    return pred_op(std::string("$0 ") + ops[pick(rng_, 6)] + " $1", {a, b});
}

std::string QueryGen::pattern_from(const Query& q, const std::string& v) {
    Query scratch;
    scratch.vars = q.vars;
    PathPat p;
    p.nodes.push_back(NodePat{v, "", ""});
    RelPat r;
    r.dir = chance(rng_, 30) ? Dir::Both : chance(rng_, 50) ? Dir::Out : Dir::In;
    int hint = -1;
    if (chance(rng_, 75)) {
        if (g_.strict) {
            hint = choose_rel(scratch, r, v);
        } else {
            r.types = g_.rel_types[pick(rng_, int(g_.rel_types.size()))].name;
        }
    }
    if (!big && chance(rng_, 12)) {
        r.varlen = true;
        r.lo = 1;
        r.hi = 2;
    }
    p.rels.push_back(r);
    NodePat end;
    std::vector<std::string> others;
    for (const auto& x : q.vars)
        if (x.kind == VarKind::Node && !x.optional) others.push_back(x.name);
    if (!others.empty() && chance(rng_, 30)) {
        end.var = others[pick(rng_, int(others.size()))];
    } else if (chance(rng_, 50)) {
        end.label = label_for(hint);
    }
    p.nodes.push_back(end);
    return p.render();
}

Expr QueryGen::predicate(const Query& q, bool match_only, int depth) {
    if (depth > 0) {
        int r = pick(rng_, 100);
        if (r < 14)
            return pred_op("$0 AND $1", {predicate(q, match_only, depth - 1), predicate(q, match_only, depth - 1)});
        if (r < 24)
            return pred_op("$0 OR $1", {predicate(q, match_only, depth - 1), predicate(q, match_only, depth - 1)});
        if (r < 30)
            return pred_op("$0 XOR $1", {predicate(q, match_only, depth - 1), predicate(q, match_only, depth - 1)});
        if (r < 38) return pred_op("NOT $0", {predicate(q, match_only, depth - 1)});
    }
    auto vars = visible(q, match_only);
    int r = pick(rng_, 100);
    if (r < 40) return compare(q, match_only, depth);
    if (r < 54) return pred_op(chance(rng_, 50) ? "$0 IS NULL" : "$0 IS NOT NULL", {value(q, Ty::Any, match_only, 1)});
    if (r < 66) {
        Ty t = g_.strict ? (chance(rng_, 60) ? Ty::Int : Ty::String) : Ty::Any;
        Expr a = value(q, t, match_only, 1);
        if (chance(rng_, 25)) {
            Expr list = value(q, Ty::ListInt, match_only, 0);
            if (list.kids.empty() && list.fmt.find('.') != std::string::npos)
                return pred_op("$0 IN $1", {value(q, Ty::Int, match_only, 0), list});
        }
        std::string lits = "[";
        int n = pick(rng_, 4);
        for (int i = 0; i < n; ++i)
            lits += (i ? ", " : "") + random_literal(rng_, a.type == Ty::Any && g_.strict ? t : a.type, true);
        return pred_op("$0 IN " + lits + "]", {a});
    }
    if (r < 72)
        return value(q, Ty::Bool, match_only, 0).boolean ? value(q, Ty::Bool, match_only, 0)
                                                         : pred_leaf(chance(rng_, 50) ? "null" : "true");
    if (r < 80) {
        static const char* ops[] = {"STARTS WITH", "ENDS WITH", "CONTAINS"};
        return pred_op(std::string("$0 ") + ops[pick(rng_, 3)] + " $1",
                       {value(q, Ty::String, match_only, 1), value(q, Ty::String, match_only, 0)});
    }
    std::vector<const Var*> nodes, rels;
    for (const Var* v : vars) {
        if (v->kind == VarKind::Node) nodes.push_back(v);
        if (v->kind == VarKind::Rel) rels.push_back(v);
    }
    if (r < 86 && !nodes.empty()) {
        const Var* v = nodes[pick(rng_, int(nodes.size()))];
        std::string label = g_.strict ? (v->type >= 0 ? label_for(v->type) : label_for(-1)) : label_for(-1);
        return pred_leaf(v->name + ":" + label);
    }
    if (r < 91 && nodes.size() + rels.size() >= 2) {
        auto& pool = rels.size() >= 2 && chance(rng_, 50) ? rels : nodes.size() >= 2 ? nodes : rels;
        if (pool.size() >= 2) {
            const Var* a = pool[pick(rng_, int(pool.size()))];
            const Var* b = pool[pick(rng_, int(pool.size()))];
            return pred_leaf(a->name + (chance(rng_, 50) ? " = " : " <> ") + b->name);
        }
    }
    if (r < 96 && !nodes.empty()) {
        std::vector<const Var*> bound;
        for (const Var* v : nodes)
            if (!v->optional) bound.push_back(v);
        if (!bound.empty())
            return pred_leaf("exists(" + pattern_from(q, bound[pick(rng_, int(bound.size()))]->name) + ")");
    }
    return pred_op(
        std::string(chance(rng_, 50) ? "any" : "all") + "(x IN $0 WHERE x > " + std::to_string(pick(rng_, 4)) + ")",
        {value(q, Ty::ListInt, match_only, 0)});
}

Query QueryGen::query(const Shape& shape) {
    Query q;
    next_node_ = next_rel_ = next_path_ = 0;
    int parts = 1 + (chance(rng_, 35) ? 1 : 0) + (chance(rng_, 12) ? 1 : 0);
    // On bigger graphs a cartesian product of two parts can reach millions of rows.
    parts = std::min(parts, big || medium ? 1 : shape.max_parts);
    varlen_left_ = parts > 1 || medium ? 1 : 2;
    for (int i = 0; i < parts; ++i) q.match.push_back(path(q, shape, false, i == 0));
    if (chance(rng_, 65)) q.where = predicate(q, true, 2);
    if (shape.optional && chance(rng_, 25)) {
        q.optional.push_back(path(q, shape, true, false));
        if (chance(rng_, 35)) q.opt_where = predicate(q, false, 1);
        if (chance(rng_, 35)) {
            std::string start = q.optional[0].nodes.back().var;
            PathPat p2 = path(q, shape, true, false);
            if (chance(rng_, 70)) p2.nodes[0] = NodePat{start, "", ""};
            q.optional2.push_back(p2);
            if (chance(rng_, 30)) q.opt_where2 = predicate(q, false, 1);
        }
    }
    if (shape.unwind && chance(rng_, 15)) {
        int r = pick(rng_, 3);
        Var u = make_var("u", VarKind::Value);
        u.ty = Ty::Int;
        if (r == 0) {
            q.unwind = leaf("range(0, " + std::to_string(pick(rng_, 3)) + ")", Ty::ListInt);
        } else if (r == 1) {
            Expr l = value(q, Ty::ListInt, false, 0);
            q.unwind = l;
        } else {
            std::string lits = "[";
            int n = 1 + pick(rng_, 3);
            Ty t = g_.strict ? Ty::Int : Ty::Any;
            for (int i = 0; i < n; ++i) lits += (i ? ", " : "") + random_literal(rng_, t, true);
            q.unwind = leaf(lits + "]", Ty::ListInt);
            u.ty = t;
        }
        q.vars.push_back(u);
    }
    if (shape.post_where && chance(rng_, 15)) q.post_where = predicate(q, false, 1);
    q.tail = tail(q, shape);
    return q;
}

Tail QueryGen::tail(const Query& q, const Shape& shape) {
    Tail t;
    std::vector<int> kinds;
    if (shape.tails & RowsTail) kinds.insert(kinds.end(), {0, 0});
    if (shape.tails & AggregateTail) kinds.push_back(1);
    if (shape.tails & GroupedTail) kinds.push_back(2);
    t.kind = Tail::Kind(kinds[pick(rng_, int(kinds.size()))]);
    auto add_item = [&](Expr e, ColumnMode m = ColumnMode::Exact, Agg a = Agg::None) {
        t.items.push_back(std::move(e));
        t.modes.push_back(m);
        t.aggs.push_back(a);
    };
    auto graph_var = [&]() -> const Var* {
        std::vector<const Var*> out;
        for (const auto& v : q.vars)
            if (v.kind != VarKind::Value) out.push_back(&v);
        return out.empty() ? nullptr : out[pick(rng_, int(out.size()))];
    };
    auto aggregate = [&](Query& scope) {
        int r = pick(rng_, shape.only_combinable ? 5 : 8);
        switch (r) {
            case 0: add_item(leaf("count(*)", Ty::Int), ColumnMode::Exact, Agg::Count); break;
            case 1:
                add_item(op("count($0)", {value(scope, Ty::Any, false, 1)}, Ty::Int), ColumnMode::Exact, Agg::Count);
                break;
            case 2:
                add_item(op("sum($0)", {value(scope, Ty::Num, false, 1)}, Ty::Num), ColumnMode::Exact, Agg::Sum);
                break;
            case 3: add_item(op("min($0)", {value(scope, Ty::Any, false, 1)}), ColumnMode::Exact, Agg::Min); break;
            case 4: add_item(op("max($0)", {value(scope, Ty::Any, false, 1)}), ColumnMode::Exact, Agg::Max); break;
            case 5:
                add_item(op("avg($0)", {value(scope, Ty::Num, false, 1)}, Ty::Float), ColumnMode::Exact, Agg::Other);
                break;
            case 6:
                add_item(op("collect($0)", {value(scope, Ty::Any, false, 1)}), ColumnMode::UnorderedList, Agg::Other);
                break;
            default:
                add_item(op("count(DISTINCT $0)", {value(scope, Ty::Any, false, 1)}, Ty::Int), ColumnMode::Exact,
                         Agg::Other);
                break;
        }
    };
    Query scope = q;
    if (t.kind == Tail::Rows) {
        int n = 1 + pick(rng_, 3);
        for (int i = 0; i < n; ++i) {
            const Var* v = chance(rng_, 35) ? graph_var() : nullptr;
            if (v) add_item(leaf(v->name), v->kind == VarKind::RelList ? ColumnMode::UnorderedList : ColumnMode::Exact);
            else add_item(value(scope, Ty::Any, false, 1));
        }
        t.distinct = shape.distinct && chance(rng_, 15);
    } else if (t.kind == Tail::Aggregate) {
        int n = 1 + pick(rng_, 3);
        for (int i = 0; i < n; ++i) aggregate(scope);
    } else {
        int keys = 1 + pick(rng_, 2);
        bool with_form = chance(rng_, 40);
        std::vector<Expr> key_exprs;
        for (int i = 0; i < keys; ++i) {
            const Var* v = chance(rng_, 30) ? graph_var() : nullptr;
            key_exprs.push_back(v && v->kind != VarKind::RelList ? leaf(v->name) : value(scope, Ty::Any, false, 1));
        }
        for (auto& k : key_exprs) add_item(k);
        int n = 1 + pick(rng_, 2);
        for (int i = 0; i < n; ++i) aggregate(scope);
        if (with_form) {  // WITH k AS g0, agg AS a0 [WHERE a0 ...] RETURN g0, a0
            std::string w = "WITH ";
            std::vector<Expr> kids;
            for (std::size_t i = 0; i < t.items.size(); ++i) {
                w += (i ? ", $" : "$") + std::to_string(i) + " AS w" + std::to_string(i);
                kids.push_back(t.items[i]);
            }
            if (chance(rng_, 50)) w += " WHERE w" + std::to_string(keys) + " IS NOT NULL";
            t.with = op(w, kids);
            for (std::size_t i = 0; i < t.items.size(); ++i)
                t.items[i] = leaf("w" + std::to_string(i), t.items[i].type);
        }
    }
    if (shape.order && t.kind != Tail::Aggregate && chance(rng_, 30)) {
        std::vector<int> orderable;
        for (std::size_t i = 0; i < t.items.size(); ++i) {
            const std::string& f = t.items[i].fmt;
            const Var* v = t.items[i].kids.empty() ? scope.var(f) : nullptr;
            if (!v && f.rfind("w", 0) != 0 && t.modes[i] == ColumnMode::Exact) orderable.push_back(int(i));
            if (f.rfind("w", 0) == 0 && t.with.kids.size() > i && !scope.var(t.with.kids[i].fmt) &&
                t.modes[i] == ColumnMode::Exact)
                orderable.push_back(int(i));
        }
        std::shuffle(orderable.begin(), orderable.end(), rng_);
        if (!orderable.empty()) {
            int n = 1 + pick(rng_, std::min<int>(2, int(orderable.size())));
            for (int i = 0; i < n; ++i) {
                t.order.push_back(orderable[i]);
                t.desc.push_back(chance(rng_, 40));
            }
            if (chance(rng_, 20)) t.skip = pick(rng_, 3);
            if (chance(rng_, 40)) t.limit = pick(rng_, 5);
        }
    }
    return t;
}

}  // namespace kgqm
