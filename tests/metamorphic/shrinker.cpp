// shrinker.cpp — greedy delta debugging over the structured case of relations.hpp: tries
// one smaller variant at a time (graph parts first, then query parts) and keeps any that
// still fails, until no variant does or the attempt budget is spent.
#include "shrinker.hpp"

#include <functional>

namespace kgqm {

Verdict run_case(const Case& c, const Relation& rel) {
    kgq::Database db;
    std::string script = c.graph.script();
    if (!script.empty()) {
        kgq::Result r = db.execute(script);
        if (!r.ok()) return Verdict{};
    }
    return rel.check(db, c);
}

namespace {

// Every expression obtained by replacing one boolean node of e by one of its boolean kids,
// by true, or (at the top) by nothing.
void expr_variants(const Expr& e, std::vector<Expr>& out) {
    if (e.boolean) {
        for (const auto& k : e.kids)
            if (k.boolean) out.push_back(k);
        if (!(e.kids.empty() && e.fmt == "true")) out.push_back(pred_leaf("true"));
    }
    for (std::size_t i = 0; i < e.kids.size(); ++i) {
        std::vector<Expr> sub;
        expr_variants(e.kids[i], sub);
        for (auto& s : sub) {
            Expr copy = e;
            copy.kids[i] = s;
            out.push_back(copy);
        }
    }
}

void graph_variants(const Case& c, std::vector<Case>& out) {
    const Graph& g = c.graph;
    // Halves of the relationships, then single ones.
    if (g.rels.size() > 3) {
        for (int half = 0; half < 2; ++half) {
            Case x = c;
            std::size_t mid = g.rels.size() / 2;
            if (half == 0) x.graph.rels.erase(x.graph.rels.begin(), x.graph.rels.begin() + long(mid));
            else x.graph.rels.erase(x.graph.rels.begin() + long(mid), x.graph.rels.end());
            out.push_back(x);
        }
    }
    // Halves of the nodes (with their relationships), for big graphs.
    auto drop_nodes = [&](std::size_t from, std::size_t to) {
        Case x = c;
        x.graph.nodes.erase(x.graph.nodes.begin() + long(from), x.graph.nodes.begin() + long(to));
        std::vector<GRel> kept;
        int gone = int(to - from);
        for (auto r : g.rels) {
            if ((r.from >= int(from) && r.from < int(to)) || (r.to >= int(from) && r.to < int(to))) continue;
            if (r.from >= int(to)) r.from -= gone;
            if (r.to >= int(to)) r.to -= gone;
            kept.push_back(r);
        }
        x.graph.rels = kept;
        out.push_back(x);
    };
    if (g.nodes.size() > 8) {
        drop_nodes(0, g.nodes.size() / 2);
        drop_nodes(g.nodes.size() / 2, g.nodes.size());
    }
    for (std::size_t i = 0; i < g.rels.size(); ++i) {
        Case x = c;
        x.graph.rels.erase(x.graph.rels.begin() + long(i));
        out.push_back(x);
    }
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        Case x = c;
        x.graph.nodes.erase(x.graph.nodes.begin() + long(i));
        std::vector<GRel> kept;
        for (auto r : g.rels) {
            if (r.from == int(i) || r.to == int(i)) continue;
            if (r.from > int(i)) --r.from;
            if (r.to > int(i)) --r.to;
            kept.push_back(r);
        }
        x.graph.rels = kept;
        out.push_back(x);
    }
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        for (std::size_t p = 0; p < g.nodes[i].props.size(); ++p) {
            if (g.nodes[i].props[p].first == "k" && g.strict) continue;
            Case x = c;
            x.graph.nodes[i].props.erase(x.graph.nodes[i].props.begin() + long(p));
            out.push_back(x);
        }
        if (!g.strict)
            for (std::size_t l = 0; l < g.nodes[i].labels.size(); ++l) {
                Case x = c;
                x.graph.nodes[i].labels.erase(x.graph.nodes[i].labels.begin() + long(l));
                out.push_back(x);
            }
    }
    for (std::size_t i = 0; i < g.rels.size(); ++i)
        for (std::size_t p = 0; p < g.rels[i].props.size(); ++p) {
            Case x = c;
            x.graph.rels[i].props.erase(x.graph.rels[i].props.begin() + long(p));
            out.push_back(x);
        }
}

void query_variants(const Case& c, std::vector<Case>& out) {
    const Query& q = c.q;
    auto with_expr = [&](const Expr& e, const std::function<void(Case&, const Expr&)>& set) {
        if (e.empty()) return;
        Case x = c;
        set(x, Expr{});
        out.push_back(x);
        std::vector<Expr> vs;
        expr_variants(e, vs);
        for (const auto& v : vs) {
            Case y = c;
            set(y, v);
            out.push_back(y);
        }
    };
    if (!q.optional.empty()) {
        Case x = c;
        x.q.optional.clear();
        x.q.opt_where = Expr{};
        out.push_back(x);
    }
    if (!q.optional2.empty()) {
        Case x = c;
        x.q.optional2.clear();
        x.q.opt_where2 = Expr{};
        out.push_back(x);
    }
    if (!q.unwind.empty()) {
        Case x = c;
        x.q.unwind = Expr{};
        out.push_back(x);
    }
    with_expr(q.where, [](Case& x, const Expr& e) { x.q.where = e; });
    with_expr(q.opt_where, [](Case& x, const Expr& e) { x.q.opt_where = e; });
    with_expr(q.opt_where2, [](Case& x, const Expr& e) { x.q.opt_where2 = e; });
    with_expr(q.post_where, [](Case& x, const Expr& e) { x.q.post_where = e; });
    if (!c.pred.empty() && c.relation != "hash_join") {
        std::vector<Expr> vs;
        expr_variants(c.pred, vs);
        for (const auto& v : vs) {
            Case y = c;
            y.pred = v;
            out.push_back(y);
        }
    }
    // The tail: fewer items, no ordering, no DISTINCT.
    const Tail& t = q.tail;
    if (t.with.empty() && t.items.size() > 1) {
        for (std::size_t i = 0; i < t.items.size(); ++i) {
            Case x = c;
            Tail& u = x.q.tail;
            u.items.erase(u.items.begin() + long(i));
            u.aggs.erase(u.aggs.begin() + long(i));
            u.modes.erase(u.modes.begin() + long(i));
            std::vector<int> order;
            std::vector<bool> desc;
            for (std::size_t k = 0; k < u.order.size(); ++k) {
                if (u.order[k] == int(i)) continue;
                order.push_back(u.order[k] > int(i) ? u.order[k] - 1 : u.order[k]);
                desc.push_back(u.desc[k]);
            }
            if (order.empty() && c.relation == "order_limit") continue;
            u.order = order;
            u.desc = desc;
            if (u.order.empty()) u.skip = u.limit = -1;
            out.push_back(x);
        }
    }
    if (t.ordered() && c.relation != "order_limit") {
        Case x = c;
        x.q.tail.order.clear();
        x.q.tail.desc.clear();
        x.q.tail.skip = x.q.tail.limit = -1;
        out.push_back(x);
    }
    if (t.skip >= 0) {
        Case x = c;
        x.q.tail.skip = -1;
        out.push_back(x);
    }
    if (t.distinct) {
        Case x = c;
        x.q.tail.distinct = false;
        out.push_back(x);
    }
    // Patterns: fewer parts, shorter paths, fewer labels, simpler relationships.
    if (q.match.size() > 1)
        for (std::size_t i = 0; i < q.match.size(); ++i) {
            Case x = c;
            x.q.match.erase(x.q.match.begin() + long(i));
            out.push_back(x);
        }
    for (int which = 0; which < 2; ++which) {
        const auto& parts = which == 0 ? q.match : q.optional;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            auto edit = [&](const std::function<void(PathPat&)>& f) {
                Case x = c;
                f(which == 0 ? x.q.match[i] : x.q.optional[i]);
                out.push_back(x);
            };
            if (!parts[i].rels.empty()) {
                edit([](PathPat& p) {
                    p.rels.pop_back();
                    p.nodes.pop_back();
                });
                edit([](PathPat& p) {
                    p.rels.erase(p.rels.begin());
                    p.nodes.erase(p.nodes.begin());
                });
            }
            for (std::size_t n = 0; n < parts[i].nodes.size(); ++n) {
                if (!parts[i].nodes[n].label.empty()) edit([n](PathPat& p) { p.nodes[n].label.clear(); });
                if (!parts[i].nodes[n].props.empty()) edit([n](PathPat& p) { p.nodes[n].props.clear(); });
            }
            for (std::size_t r = 0; r < parts[i].rels.size(); ++r) {
                if (parts[i].rels[r].varlen) edit([r](PathPat& p) { p.rels[r].varlen = false; });
                if (!parts[i].rels[r].types.empty()) edit([r](PathPat& p) { p.rels[r].types.clear(); });
                if (parts[i].rels[r].dir != Dir::Out) edit([r](PathPat& p) { p.rels[r].dir = Dir::Out; });
            }
            if (!parts[i].name.empty()) edit([](PathPat& p) { p.name.clear(); });
        }
    }
}

}  // namespace

Case shrink(const Case& failing, const Relation& rel, int max_attempts) {
    Case best = failing;
    int attempts = 0;
    bool progress = true;
    while (progress && attempts < max_attempts) {
        progress = false;
        std::vector<Case> candidates;
        graph_variants(best, candidates);
        if (best.relation != "atomic_write" && best.relation != "noop_write") query_variants(best, candidates);
        for (const auto& cand : candidates) {
            if (++attempts > max_attempts) break;
            if (run_case(cand, rel).status == Verdict::Fail) {
                best = cand;
                progress = true;
                break;
            }
        }
    }
    return best;
}

std::string repro_script(const Case& c, const Verdict& v) {
    std::string s = "// kgq_metamorphic: relation " + c.relation + " fails: " + v.why + "\n";
    s += c.graph.script();
    char label = 'A';
    for (const auto& [text, answer] : v.shown) {
        s += "\n// form " + std::string(1, label++) + ":\n" + text + ";\n";
        std::string a = answer;
        std::string commented = "//   ";
        for (char ch : a) {
            commented += ch;
            if (ch == '\n') commented += "//   ";
        }
        s += commented + "\n";
    }
    return s;
}

}  // namespace kgqm
