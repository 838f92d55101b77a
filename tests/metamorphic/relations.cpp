// relations.cpp — the checks of relations.hpp: query partitioning (rows and aggregates),
// equivalent spellings (exists forms, supertype = union of subtypes, PatternCount = row
// path, hash join = nested loop, KEY lookup = scan, reversed and reordered patterns,
// ORDER BY with LIMIT and DESC) and statement atomicity against a full graph dump.
#include "relations.hpp"

#include "order_oracle.hpp"

#include <algorithm>
#include <functional>
#include <map>

namespace kgqm {
namespace {

// ---- running and comparing -------------------------------------------------------------

kgq::Result run(kgq::Database& db, const std::string& text, const kgq::Parameters& params = {}) {
    return db.execute(text, params);
}

std::string explain(kgq::Database& db, const std::string& text) {
    kgq::Result r = db.execute("EXPLAIN " + text);
    return r.ok() ? r.message() : std::string();
}

bool has(const std::string& plan, const char* op) { return plan.find(op) != std::string::npos; }

Verdict pass() {
    Verdict v;
    v.status = Verdict::Pass;
    return v;
}
Verdict skip(std::string why) {
    Verdict v;
    v.status = Verdict::Skip;
    v.why = std::move(why);
    return v;
}

// Keys of the ORDER BY columns, in order.
std::vector<std::vector<kgq::Value>> keys(const kgq::Result& r, const Tail& t) {
    std::vector<std::vector<kgq::Value>> out;
    for (const auto& row : r.rows()) {
        std::vector<kgq::Value> k;
        for (int c : t.order) k.push_back(row[std::size_t(c)]);
        out.push_back(k);
    }
    return out;
}

bool same_keys(const std::vector<std::vector<kgq::Value>>& a, const std::vector<std::vector<kgq::Value>>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = 0; j < a[i].size(); ++j)
            if (!values_close(a[i][j], b[i][j], true)) return false;
    return true;
}

// Two forms of one query with the same tail: the same multiset of rows, and with ORDER BY
// the same sequence of ordered columns (the other columns only as a multiset, and not at
// all under SKIP/LIMIT, where ties may be cut either way).
kgq::Result by_number_class(const kgq::Result& r);

bool schema_refusal(const kgq::Result& r) {
    return !r.ok() && r.error().at_compile_time && r.error().kind == kgq::ErrorKind::Schema;
}

Verdict compare(const std::string& ta, const kgq::Result& a, const std::string& tb, const kgq::Result& b,
                const Tail& tail, bool order_dependent_refusal = false) {
    Verdict v;
    bool ordered = tail.ordered();
    v.shown = {{ta, describe(a, ordered)}, {tb, describe(b, ordered)}};
    if (!a.ok() && !b.ok()) {
        v.status = Verdict::Skip;
        v.why = "both failed: " + a.error().to_string();
        return v;
    }
    if (a.ok() != b.ok()) {
        if (order_dependent_refusal && (schema_refusal(a) || schema_refusal(b))) {
            // The schema check looks at one MATCH clause at a time (a node bound by an earlier
            // clause is not checked again), and -- a known binder bug -- a self-loop's node
            // types depend on its direction (endpoint_inference_order.test, last case).
            v.status = Verdict::Skip;
            v.why = "the schema check refuses one spelling only (per clause, or a self-loop)";
            return v;
        }
        v.status = Verdict::Fail;
        v.why = "one form fails, the other answers";
        return v;
    }
    bool same = true;
    if (ordered) same = same_keys(keys(a, tail), keys(b, tail));
    // Grouping and DISTINCT keep either of two equal numbers (0 or -0.0, 1 or 1.0).
    bool classes = tail.distinct || tail.kind == Tail::Grouped;
    if (same && !tail.sliced())
        same = classes ? same_multiset(by_number_class(a), by_number_class(b), tail.modes)
                       : same_multiset(a, b, tail.modes);
    v.status = same ? Verdict::Pass : Verdict::Fail;
    if (!same) v.why = ordered ? "different rows or order" : "different multisets of rows";
    return v;
}

// ---- query partitioning (TLP) ------------------------------------------------------------

Query with_extra(const Query& q, const Expr& p, bool in_where) {
    Query x = q;
    if (in_where) x.where = conj(q.where, p);
    else x.post_where = conj(q.post_where, p);
    return x;
}

std::vector<Query> partitions(const Case& c) {
    bool in_where = c.variant == 0;
    return {with_extra(c.q, c.pred, in_where), with_extra(c.q, pred_op("NOT $0", {c.pred}), in_where),
            with_extra(c.q, pred_op("$0 IS NULL", {c.pred}), in_where)};
}

bool make_tlp(QueryGen& gen, const Graph&, Case& c, int tails) {
    QueryGen::Shape shape;
    shape.tails = tails;
    shape.order = false;
    shape.distinct = false;
    shape.only_combinable = true;
    c.q = gen.query(shape);
    c.variant = chance(gen.rng(), 50) ? 0 : 1;
    c.pred = gen.predicate(c.q, c.variant == 0, 2);
    return true;
}

bool make_tlp_rows(QueryGen& gen, const Graph& g, Case& c) { return make_tlp(gen, g, c, QueryGen::RowsTail); }
bool make_tlp_aggregate(QueryGen& gen, const Graph& g, Case& c) { return make_tlp(gen, g, c, QueryGen::AggregateTail); }

// Errors: the whole query and its partitions read the same rows, so they fail alike; a
// predicate that fails to compile in all three partitions is the generator's mistake.
bool partition_errors(const kgq::Result& whole, const std::vector<kgq::Result>& parts, Verdict& v) {
    int failed = 0;
    for (const auto& p : parts) failed += !p.ok();
    if (whole.ok() && failed == 0) return false;
    if (!whole.ok() && failed == int(parts.size())) v = skip("all forms failed: " + whole.error().to_string());
    else if (whole.ok() && failed == int(parts.size()) && parts[0].error().at_compile_time)
        v = skip("the predicate does not compile");
    else {
        v.status = Verdict::Fail;
        v.why = "the query and its partitions do not fail alike";
    }
    return true;
}

Verdict check_tlp_rows(kgq::Database& db, const Case& c) {
    std::string whole_text = c.q.render();
    kgq::Result whole = run(db, whole_text);
    std::vector<Query> qs = partitions(c);
    std::vector<kgq::Result> parts;
    std::string union_text;
    for (const auto& q : qs) {
        parts.push_back(run(db, q.render()));
        union_text += (union_text.empty() ? "" : "\nUNION ALL\n") + q.render();
    }
    Verdict v;
    kgq::Result merged;
    bool errors = partition_errors(whole, parts, v);
    if (!errors) {
        merged.mutable_columns() = whole.columns();
        for (const auto& p : parts)
            for (const auto& row : p.rows()) merged.mutable_rows().push_back(row);
        v.status = same_multiset(whole, merged, c.q.tail.modes) ? Verdict::Pass : Verdict::Fail;
        if (v.status == Verdict::Fail) v.why = "rows of Q differ from the union of its three partitions";
    }
    if (v.status == Verdict::Fail) {
        v.shown.emplace_back(whole_text, describe(whole));
        if (errors) {
            for (std::size_t i = 0; i < qs.size(); ++i) v.shown.emplace_back(qs[i].render(), describe(parts[i]));
        } else {
            v.shown.emplace_back(union_text, describe(merged));
        }
    }
    return v;
}

// Combines the partitions' aggregate values the way the aggregate combines rows.
kgq::Value combine(kgq::Database& db, Agg agg, const std::vector<kgq::Value>& values, std::string& err) {
    const char* f = agg == Agg::Min ? "min" : agg == Agg::Max ? "max" : "sum";
    kgq::Result r =
        run(db, std::string("UNWIND $xs AS x RETURN ") + f + "(x)", {{"xs", kgq::Value(kgq::List(values))}});
    if (!r.ok() || r.row_count() != 1) {
        err = r.ok() ? "no row" : r.error().to_string();
        return {};
    }
    return r.at(0, 0);
}

// Each aggregate column of `whole` against the same column's values over `parts`, combined
// as the aggregate combines (sum of sums, min of mins, ...): the check both partition
// relations end with. `whole_name` / `parts_name` word the failure.
template <class ShowAll>
Verdict compare_combined(kgq::Database& db, const Case& c, const kgq::Result& whole,
                         const std::vector<kgq::Result>& parts, Verdict& v, ShowAll&& show_all, const char* whole_name,
                         const char* parts_name) {
    for (std::size_t col = 0; col < c.q.tail.items.size(); ++col) {
        std::vector<kgq::Value> values;
        for (const auto& p : parts) values.push_back(p.at(0, col));
        std::string err;
        kgq::Value combined = combine(db, c.q.tail.aggs[col], values, err);
        if (!err.empty()) return skip("cannot combine: " + err);
        // min/max may pick either of two equal values of different types (-5 and -5.0).
        bool numeric = c.q.tail.aggs[col] == Agg::Min || c.q.tail.aggs[col] == Agg::Max;
        if (!values_close(combined, whole.at(0, col), numeric)) {
            v.status = Verdict::Fail;
            v.why = "column c" + std::to_string(col) + ": " + whole_name + " gives " + whole.at(0, col).to_string() +
                    ", " + parts_name + " combine to " + combined.to_string();
            show_all();
            return v;
        }
    }
    return pass();
}

Verdict check_tlp_aggregate(kgq::Database& db, const Case& c) {
    std::string whole_text = c.q.render();
    kgq::Result whole = run(db, whole_text);
    std::vector<Query> qs = partitions(c);
    std::vector<kgq::Result> parts;
    for (const auto& q : qs) parts.push_back(run(db, q.render()));
    Verdict v;
    auto show_all = [&] {
        v.shown.emplace_back(whole_text, describe(whole));
        for (std::size_t i = 0; i < qs.size(); ++i) v.shown.emplace_back(qs[i].render(), describe(parts[i]));
    };
    if (partition_errors(whole, parts, v)) {
        if (v.status == Verdict::Fail) show_all();
        return v;
    }
    if (whole.row_count() != 1 ||
        std::any_of(parts.begin(), parts.end(), [](const kgq::Result& p) { return p.row_count() != 1; })) {
        v.status = Verdict::Fail;
        v.why = "an aggregate without grouping keys must give one row";
        show_all();
        return v;
    }
    return compare_combined(db, c, whole, parts, v, show_all, "Q", "its partitions");
}

// ---- equivalent forms --------------------------------------------------------------------

// exists(P), EXISTS { P }, EXISTS { MATCH P RETURN 1 }, the bare pattern, a pattern
// comprehension: one question, five spellings, embedded the same way in WHERE.
std::vector<std::string> exists_forms(const std::string& p) {
    return {p,
            "exists(" + p + ")",
            "EXISTS { " + p + " }",
            "EXISTS { MATCH " + p + " RETURN 1 }",
            "size([" + p + " | 1]) > 0",
            "EXISTS { MATCH " + p + " WHERE true }"};
}

bool make_exists(QueryGen& gen, const Graph&, Case& c) {
    QueryGen::Shape shape;
    c.q = gen.query(shape);
    std::vector<std::string> nodes;
    for (const auto& v : c.q.vars)
        if (v.kind == VarKind::Node && v.in_match) nodes.push_back(v.name);
    if (nodes.empty()) return false;
    c.var = nodes[pick(gen.rng(), int(nodes.size()))];
    c.text = gen.pattern_from(c.q, c.var);
    c.pred = gen.predicate(c.q, true, 1);
    c.variant = pick(gen.rng(), 6);
    return true;
}

Expr embed_exists(const Case& c, const std::string& form) {
    Expr x = pred_leaf(form);
    switch (c.variant) {
        case 0: return x;
        case 1: return pred_op("NOT $0", {x});
        case 2: return pred_op("$0 AND $1", {c.pred, x});
        case 3: return pred_op("$0 OR $1", {x, c.pred});
        case 4: return pred_op("NOT $0 AND $1", {x, c.pred});
        default: return pred_op("$0 XOR $1", {x, c.pred});
    }
}

Verdict check_exists(kgq::Database& db, const Case& c) {
    std::vector<std::string> forms = exists_forms(c.text);
    Query base = c.q;
    base.where = conj(c.q.where, embed_exists(c, forms[0]));
    std::string base_text = base.render();
    kgq::Result first = run(db, base_text);
    Verdict last = skip("no forms");
    for (std::size_t i = 1; i < forms.size(); ++i) {
        Query q = c.q;
        q.where = conj(c.q.where, embed_exists(c, forms[i]));
        std::string text = q.render();
        Verdict v = compare(base_text, first, text, run(db, text), c.q.tail);
        if (v.status == Verdict::Fail) return v;
        if (v.status == Verdict::Pass || last.status == Verdict::Skip) last = v;
    }
    last.shown.clear();
    return last;
}

// Supertype label = UNION ALL over the concrete types under it, each held to exactly its
// type by NOT n:Child for its direct children (strict: a node has exactly one type).
std::vector<std::pair<NodePat*, int>> labelled(Query& q, const Graph& g, const std::string& var) {
    std::vector<std::pair<NodePat*, int>> out;
    for (auto& p : q.match)
        for (auto& n : p.nodes)
            if (n.var == var && !n.label.empty()) out.emplace_back(&n, g.type_index(n.label));
    return out;
}

bool make_supertype(QueryGen& gen, const Graph& g, Case& c) {
    QueryGen::Shape shape;
    shape.tails = QueryGen::RowsTail | QueryGen::AggregateTail;
    shape.only_combinable = true;
    shape.order = false;
    shape.distinct = false;
    c.q = gen.query(shape);
    std::vector<int> supers;
    for (std::size_t t = 0; t < g.types.size(); ++t)
        if (!g.children(int(t)).empty()) supers.push_back(int(t));
    if (supers.empty()) return false;
    std::vector<NodePat*> candidates;
    for (auto& p : c.q.match)
        for (auto& n : p.nodes)
            if (!n.var.empty() && !n.label.empty()) candidates.push_back(&n);
    if (candidates.empty()) return false;
    NodePat* n = candidates[pick(gen.rng(), int(candidates.size()))];
    int t = g.type_index(n->label);
    if (t < 0 || g.children(t).empty() || chance(gen.rng(), 30))
        n->label = g.types[supers[pick(gen.rng(), int(supers.size()))]].name;
    c.var = n->var;
    for (auto& v : c.q.vars)
        if (v.name == c.var) v.type = g.type_index(n->label), v.types = {v.type};
    return true;
}

Verdict check_supertype(kgq::Database& db, const Case& c) {
    Query q = c.q;
    auto occ = labelled(q, c.graph, c.var);
    if (occ.empty() || occ[0].second < 0) return skip("no labelled occurrence");
    int super = occ[0].second;
    std::vector<Query> branches;
    for (int t : c.graph.subtree(super)) {
        if (c.graph.types[t].abstract) continue;
        Query b = c.q;
        for (auto [n, _] : labelled(b, c.graph, c.var))
            if (n->label == c.graph.types[super].name) n->label = c.graph.types[t].name;
        Expr exact;
        for (int child : c.graph.children(t))
            exact = conj(exact, pred_leaf("NOT " + c.var + ":" + c.graph.types[child].name));
        b.where = conj(b.where, exact);
        branches.push_back(b);
    }
    std::string whole_text = c.q.render();
    kgq::Result whole = run(db, whole_text);
    if (!whole.ok() && whole.error().at_compile_time) return skip("the supertype form does not compile");
    // A branch whose MATCH the schema rules out ("R goes from C to D; (n:E)-[:R]->() can
    // never match") is refused when compiled: its share of the answer is nothing.
    std::vector<Query> possible;
    for (const auto& b : branches) {
        kgq::Result r = run(db, b.render());
        if (!schema_refusal(r)) possible.push_back(b);
        // Only an impossible MATCH pattern (line 1) empties the branch; one in OPTIONAL MATCH,
        // exists() or an unknown property on the subtype is refused although rows exist.
        else if (r.error().message.find("can never match") == std::string::npos || r.error().line != 1 || b.split_match)
            return skip("a subtype form is refused: " + r.error().message);
    }
    branches = possible;
    if (c.q.tail.kind == Tail::Rows) {
        std::string union_text;
        for (const auto& b : branches) union_text += (union_text.empty() ? "" : "\nUNION ALL\n") + b.render();
        kgq::Result merged;
        if (union_text.empty()) {  // only abstract types: no node can match
            union_text = "// no concrete type under " + c.graph.types[super].name;
        } else {
            merged = run(db, union_text);
        }
        return compare(whole_text, whole, union_text, merged, c.q.tail);
    }
    std::vector<kgq::Result> parts;
    for (const auto& b : branches) parts.push_back(run(db, b.render()));
    Verdict v;
    auto show_all = [&] {
        v.shown.emplace_back(whole_text, describe(whole));
        for (std::size_t i = 0; i < branches.size(); ++i)
            v.shown.emplace_back(branches[i].render(), describe(parts[i]));
    };
    if (partition_errors(whole, parts, v)) {
        if (v.status == Verdict::Fail) show_all();
        return v;
    }
    return compare_combined(db, c, whole, parts, v, show_all, "the supertype", "its concrete types");
}

// RETURN count(*) runs as PatternCount (ids only); a WITH barrier forces the row path.
// Predicates PatternCount runs itself (planner/pattern_count.cpp): label tests, a <> b on
// nodes, single-edge pattern predicates between bound nodes and their negation.
Expr countable_predicate(QueryGen& gen, const Graph& g, const Query& q) {
    Rng& rng = gen.rng();
    std::vector<std::string> nodes;
    for (const auto& v : q.vars)
        if (v.kind == VarKind::Node && v.in_match) nodes.push_back(v.name);
    auto node = [&] { return nodes[pick(rng, int(nodes.size()))]; };
    auto label = [&] {
        return g.strict ? g.types[pick(rng, int(g.types.size()))].name : g.labels[pick(rng, int(g.labels.size()))];
    };
    Expr out;
    int n = 1 + pick(rng, 3);
    for (int i = 0; i < n && !nodes.empty(); ++i) {
        int r = pick(rng, 4);
        Expr atom;
        if (r == 0) {
            std::string v = node();
            atom = chance(rng, 30) ? pred_op("$0 OR $1", {pred_leaf(v + ":" + label()), pred_leaf(v + ":" + label())})
                                   : pred_leaf(v + ":" + label());
        } else if (r == 1) {
            atom = pred_leaf(node() + " <> " + node());
        } else {
            static const char* arrows[][2] = {{"-[:", "]->"}, {"<-[:", "]-"}, {"-[:", "]-"}};
            int d = pick(rng, 3);
            std::string a = node(), b = node();
            std::string t = g.rel_types[pick(rng, int(g.rel_types.size()))].name;
            if (g.strict) {  // a relation type and direction the schema allows between a and b
                std::vector<std::pair<std::string, int>> options;
                for (const auto& rt : g.rel_types)
                    for (auto [f, to] : rt.endpoints) {
                        if (overlaps(g, q.var(a)->types, f) && overlaps(g, q.var(b)->types, to))
                            options.emplace_back(rt.name, 0);
                        if (overlaps(g, q.var(b)->types, f) && overlaps(g, q.var(a)->types, to))
                            options.emplace_back(rt.name, 1);
                    }
                if (!options.empty()) {
                    auto& o = options[pick(rng, int(options.size()))];
                    t = o.first;
                    d = chance(rng, 25) ? 2 : o.second;
                }
            }
            std::string p = "(" + a + ")" + arrows[d][0] + t + arrows[d][1] + "(" + b + ")";
            if (chance(rng, 50)) p = "exists(" + p + ")";
            atom = r == 2 ? pred_leaf(p) : pred_leaf("NOT " + p);
        }
        out = conj(out, atom);
    }
    return out;
}

bool make_count(QueryGen& gen, const Graph& g, Case& c) {
    QueryGen::Shape shape;
    bool countable = chance(gen.rng(), 70);
    shape.unwind = !countable && chance(gen.rng(), 20);
    shape.post_where = false;
    shape.varlen = !countable;
    shape.named_paths = !countable;
    c.q = gen.query(shape);
    if (countable) {
        c.q.where = chance(gen.rng(), 80) ? countable_predicate(gen, g, c.q) : Expr{};
        c.q.opt_where = Expr{};
        for (auto& p : c.q.match)
            for (auto& n : p.nodes) n.props.clear();
    }
    c.q.tail = Tail{};
    c.q.tail.kind = Tail::Aggregate;
    c.q.tail.items = {leaf("count(*)", Ty::Int)};
    c.q.tail.aggs = {Agg::Count};
    c.q.tail.modes = {ColumnMode::Exact};
    c.variant = pick(gen.rng(), 3);
    return true;
}

Verdict check_count(kgq::Database& db, const Case& c) {
    std::string a = c.q.render();
    std::string barrier;
    if (c.variant == 0) barrier = "WITH *";
    else if (c.variant == 1) barrier = "WITH 1 AS one";
    else {
        barrier = "WITH ";
        bool first = true;
        for (const auto& v : c.q.vars) {
            barrier += (first ? "" : ", ") + v.name;
            first = false;
        }
        if (first) barrier = "WITH 1 AS one";
    }
    std::string b = c.q.render_body() + "\n" + barrier + "\nRETURN count(*) AS c0";
    std::string plan_b = explain(db, b);
    if (has(plan_b, "PatternCount")) return skip("the barrier did not force the row path");
    Verdict v = compare(a, run(db, a), b, run(db, b), c.q.tail);
    v.covered = has(explain(db, a), "PatternCount");
    return v;
}

// A node joined to bound variables by an equality is a HashJoinScan; the same equality
// behind "= true" or a CASE is a filter over the nested loop.
bool make_hash_join(QueryGen& gen, const Graph& g, Case& c) {
    QueryGen::Shape shape;
    shape.max_parts = 2;
    shape.optional = chance(gen.rng(), 30);
    c.q = gen.query(shape);
    // The joined node: a new part of the first MATCH, one node.
    NodePat n{"hj", "", ""};
    Var v = make_var("hj", VarKind::Node);
    v.in_match = true;
    if (g.strict) {
        int t = pick(gen.rng(), int(g.types.size()));
        n.label = g.types[t].name;
        v.type = t;
        v.types = {t};
    } else if (chance(gen.rng(), 60)) {
        n.label = g.labels[pick(gen.rng(), int(g.labels.size()))];
    }
    std::vector<PropDef> props = gen.props_of(v);
    if (props.empty()) return false;
    PropDef p = props[pick(gen.rng(), int(props.size()))];
    Query scope = c.q;
    scope.vars.erase(std::remove_if(scope.vars.begin(), scope.vars.end(), [](const Var& x) { return !x.in_match; }),
                     scope.vars.end());
    Ty want = p.type == Ty::Int || p.type == Ty::Float ? Ty::Num : p.type;
    Expr other = gen.value(scope, g.strict ? want : Ty::Any, true, 1);
    for (int i = 0; i < 6 && other.render().find('.') == std::string::npos; ++i)  // a join, not a constant
        other = gen.value(scope, g.strict ? want : Ty::Any, true, 1);
    // seed bit 0: the joined node is an OPTIONAL MATCH; bit 1: form A writes the equality
    // as a property map, (hj:L {p: n0.x}).
    c.seed = pick(gen.rng(), 4);
    if (other.kids.empty() && other.fmt.find('.') == std::string::npos) c.seed &= 1;
    if (c.seed & 1) {
        c.q.vars.erase(std::remove_if(c.q.vars.begin(), c.q.vars.end(), [](const Var& x) { return x.optional; }),
                       c.q.vars.end());
        c.q.optional = {PathPat{"", {n}, {}}};
        c.q.opt_where = Expr{};
        c.q.optional2.clear();
        c.q.opt_where2 = Expr{};
        v.optional = true;
        v.in_match = false;
    } else {
        c.q.match.push_back(PathPat{"", {n}, {}});
    }
    c.q.vars.push_back(v);
    c.pred = pred_op("$0 = $1", {leaf("hj." + p.name, p.type), other});
    c.text = p.name;
    c.q.tail = gen.tail(c.q, shape);
    c.variant = pick(gen.rng(), 2);
    return true;
}

Verdict check_hash_join(kgq::Database& db, const Case& c) {
    Query a = c.q, b = c.q;
    bool optional = c.seed & 1;
    Expr hidden =
        c.variant == 0 ? pred_op("$0 = true", {c.pred}) : pred_op("CASE WHEN $0 THEN true ELSE false END", {c.pred});
    if (c.seed & 2) {  // (hj:L {p: n0.x})
        for (auto* parts : {&a.match, &a.optional})
            for (auto& p : *parts)
                for (auto& n : p.nodes)
                    if (n.var == "hj") n.props = "{" + c.text + ": " + c.pred.kids[1].render() + "}";
    } else if (optional) {
        a.opt_where = conj(c.pred, c.q.opt_where);
    } else {
        a.where = conj(c.pred, c.q.where);
    }
    if (optional) b.opt_where = conj(hidden, c.q.opt_where);
    else b.where = conj(hidden, c.q.where);
    std::string ta = a.render(), tb = b.render();
    std::string plan_b = explain(db, tb);
    if (has(plan_b, "HashJoinScan")) return skip("the hidden equality is still a hash join");
    Verdict v = compare(ta, run(db, ta), tb, run(db, tb), c.q.tail);
    v.covered = has(explain(db, ta), "HashJoinScan");
    return v;
}

// (n:T {k: v}) is a NodeByKey lookup; (n:T) WHERE n.k + 0 = v scans.
NodePat* key_node(Query& q, const std::string& var, bool& optional) {
    for (auto* parts : {&q.match, &q.optional})
        for (auto& p : *parts)
            for (auto& n : p.nodes)
                if (n.var == var && !n.label.empty()) {
                    optional = parts == &q.optional;
                    return &n;
                }
    return nullptr;
}

bool make_key(QueryGen& gen, const Graph& g, Case& c) {
    QueryGen::Shape shape;
    c.q = gen.query(shape);
    std::vector<int> keyed;
    for (std::size_t t = 0; t < g.types.size(); ++t)
        if (g.has_key(int(t))) keyed.push_back(int(t));
    if (keyed.empty()) return false;
    std::vector<NodePat*> candidates;
    for (auto* parts : {&c.q.match, &c.q.optional})
        for (auto& p : *parts)
            for (auto& n : p.nodes)
                if (!n.var.empty() && !n.label.empty() && g.has_key(g.type_index(n.label)) && c.q.var(n.var) &&
                    (parts == &c.q.optional ? c.q.var(n.var)->optional : true))
                    candidates.push_back(&n);
    if (candidates.empty()) {
        NodePat& n = c.q.match[0].nodes[0];
        if (n.var.empty() || n.label.empty() == false) return false;
        n.label = g.types[keyed[pick(gen.rng(), int(keyed.size()))]].name;
        for (auto& v : c.q.vars)
            if (v.name == n.var) v.type = g.type_index(n.label), v.types = {v.type};
        candidates.push_back(&n);
    }
    NodePat* n = candidates[pick(gen.rng(), int(candidates.size()))];
    n->props.clear();
    c.var = n->var;
    c.seed = pick(gen.rng(), 2);
    bool optional = false;
    key_node(c.q, c.var, optional);
    int r = pick(gen.rng(), 10);
    int max_key = int(g.nodes.size()) + 2;
    if (r < 6) c.text = std::to_string(pick(gen.rng(), max_key + 2) - 1);
    else if (r < 8) c.text = std::to_string(pick(gen.rng(), max_key)) + ".0";
    else if (r < 9) c.text = "null";
    else {
        c.text = std::to_string(pick(gen.rng(), max_key));
        if (optional) {  // the key from a variable bound by the first MATCH
            Query scope = c.q;
            scope.vars.erase(
                std::remove_if(scope.vars.begin(), scope.vars.end(), [](const Var& x) { return !x.in_match; }),
                scope.vars.end());
            Expr e = gen.value(scope, Ty::Int, true, 0);
            if (e.fmt.find('.') != std::string::npos) c.text = e.fmt;
        }
    }
    return true;
}

Verdict check_key(kgq::Database& db, const Case& c) {
    Query a = c.q, b = c.q;
    bool optional = false;
    NodePat* na = key_node(a, c.var, optional);
    NodePat* nb = key_node(b, c.var, optional);
    if (!na || !nb) return skip("no keyed node");
    // seed bit 0: the key comes as a parameter, (n:T {k: $v}) with v given to execute().
    kgq::Parameters params;
    bool literal = c.text == "null" || c.text.find('.') == std::string::npos || c.text.find(".0") == c.text.size() - 2;
    bool as_param = (c.seed & 1) && literal && (c.text == "null" || c.text.find('n') != 0);
    if (as_param) {
        if (c.text == "null") params["v"] = kgq::Value();
        else if (c.text.find('.') != std::string::npos) params["v"] = kgq::Value(std::stod(c.text));
        else params["v"] = kgq::Value(std::stoll(c.text));
    }
    na->props = "{k: " + (as_param ? std::string("$v") : c.text) + "}";
    Expr filter = pred_leaf(c.var + ".k + 0 = " + c.text);
    if (optional) b.opt_where = conj(filter, b.opt_where);
    else b.where = conj(filter, b.where);
    std::string ta = a.render(), tb = b.render();
    if (has(explain(db, tb), "NodeByKey")) return skip("the filtered form still uses the index");
    Verdict v =
        compare(as_param ? ":param v " + c.text + "\n" + ta : ta, run(db, ta, params), tb, run(db, tb), c.q.tail);
    kgq::Result plan = db.execute("EXPLAIN " + ta, params);
    v.covered = plan.ok() && has(plan.message(), "NodeByKey");
    return v;
}

// (a)-[r]->(b) = (b)<-[r]-(a); MATCH p1, p2 = MATCH p2, p1 = MATCH p2 MATCH p1 with the
// relationship uniqueness of one MATCH written out.
bool make_reorder(QueryGen& gen, const Graph&, Case& c) {
    QueryGen::Shape shape;
    c.q = gen.query(shape);
    for (int i = 0; i < 5 && c.q.match.size() == 1 && c.q.match[0].rels.empty(); ++i) c.q = gen.query(shape);
    c.seed = gen.rng()();
    return true;
}

Verdict check_reorder(kgq::Database& db, const Case& c) {
    Rng rng(c.seed);
    Query b = c.q;
    for (auto& p : b.match)
        if (p.name.empty() && chance(rng, 60)) p = p.reversed();
    for (auto* parts : {&b.optional, &b.optional2})
        for (auto& p : *parts)
            if (p.name.empty() && chance(rng, 50)) p = p.reversed();
    std::shuffle(b.match.begin(), b.match.end(), rng);
    if (b.match.size() > 1 && chance(rng, 40)) {
        b.split_match = true;
        b.split_with = chance(rng, 30);
        Expr unique;
        for (std::size_t i = 0; i < b.match.size(); ++i)
            for (std::size_t j = i + 1; j < b.match.size(); ++j)
                for (const auto& x : b.match[i].rels)
                    for (const auto& y : b.match[j].rels) {
                        if (x.var.empty() || y.var.empty()) continue;
                        if (!x.varlen && !y.varlen) unique = conj(unique, pred_leaf(x.var + " <> " + y.var));
                        else if (!x.varlen) unique = conj(unique, pred_leaf("NOT " + x.var + " IN " + y.var));
                        else if (!y.varlen) unique = conj(unique, pred_leaf("NOT " + y.var + " IN " + x.var));
                        else unique = conj(unique, pred_leaf("none(x IN " + x.var + " WHERE x IN " + y.var + ")"));
                    }
        b.where = conj(b.where, unique);
    }
    if (b.render() == c.q.render()) {  // nothing moved: reverse the longest part
        PathPat* longest = nullptr;
        for (auto& p : b.match)
            if (p.name.empty() && !p.rels.empty() && (!longest || p.rels.size() > longest->rels.size())) longest = &p;
        if (longest) *longest = longest->reversed();
    }
    std::string ta = c.q.render(), tb = b.render();
    if (ta == tb) return skip("no change");
    bool self_loop = false;  // a node variable at both ends of one relationship
    for (const auto* parts : {&c.q.match, &c.q.optional, &c.q.optional2})
        for (const auto& p : *parts)
            for (std::size_t i = 0; i + 1 < p.nodes.size(); ++i)
                if (!p.nodes[i].var.empty() && p.nodes[i].var == p.nodes[i + 1].var) self_loop = true;
    return compare(ta, run(db, ta), tb, run(db, tb), c.q.tail, (self_loop && !include_known_bugs) || b.split_match);
}

// ORDER BY ... SKIP s LIMIT l = a slice of the full ORDER BY; DESC everywhere = reversed.
bool make_order(QueryGen& gen, const Graph&, Case& c) {
    QueryGen::Shape shape;
    shape.tails = QueryGen::RowsTail | QueryGen::GroupedTail;
    c.q = gen.query(shape);
    for (int i = 0; i < 12 && !c.q.tail.ordered(); ++i) c.q.tail = gen.tail(c.q, shape);
    if (!c.q.tail.ordered()) return false;
    if (!c.q.tail.sliced()) c.q.tail.limit = pick(gen.rng(), 4);
    return true;
}

Verdict check_order(kgq::Database& db, const Case& c) {
    Query full = c.q;
    full.tail.skip = full.tail.limit = -1;
    Query flipped = full;
    for (std::size_t i = 0; i < flipped.tail.desc.size(); ++i) flipped.tail.desc[i] = !flipped.tail.desc[i];
    std::string ts = c.q.render(), tf = full.render(), tr = flipped.render();
    kgq::Result sliced = run(db, ts), all = run(db, tf), rev = run(db, tr);
    Verdict v;
    v.shown = {{ts, describe(sliced, true)}, {tf, describe(all, true)}, {tr, describe(rev, true)}};
    if (!sliced.ok() && !all.ok() && !rev.ok()) return skip("all failed");
    if (!sliced.ok() || !all.ok() || !rev.ok()) {
        v.status = Verdict::Fail;
        v.why = "the forms do not fail alike";
        return v;
    }
    auto ka = keys(all, c.q.tail), ks = keys(sliced, c.q.tail), kr = keys(rev, c.q.tail);
    std::size_t from = std::min<std::size_t>(ka.size(), std::size_t(std::max(0, c.q.tail.skip)));
    std::size_t to = c.q.tail.limit >= 0 ? std::min(ka.size(), from + std::size_t(c.q.tail.limit)) : ka.size();
    std::vector<std::vector<kgq::Value>> slice(ka.begin() + long(from), ka.begin() + long(to));
    std::reverse(kr.begin(), kr.end());
    if (!same_keys(slice, ks)) {
        v.status = Verdict::Fail;
        v.why = "SKIP/LIMIT is not a slice of the full ORDER BY";
        v.shown.pop_back();
        return v;
    }
    if (!same_keys(ka, kr) || !same_multiset(all, rev, c.q.tail.modes)) {
        v.status = Verdict::Fail;
        v.why = "flipping every ASC/DESC does not reverse the order";
        v.shown.erase(v.shown.begin());
        return v;
    }
    // And the full order is openCypher's, by an oracle of its own (order_oracle.hpp).
    for (std::size_t row = 0; row + 1 < ka.size(); ++row) {
        for (std::size_t col = 0; col < ka[row].size(); ++col) {
            const std::optional<int> order = cypher_order(ka[row][col], ka[row + 1][col]);
            if (!order) return pass();  // a value the oracle does not rank: the rest is unchecked
            const int ordered = c.q.tail.desc[col] ? -*order : *order;
            if (ordered < 0) break;
            if (ordered > 0) {
                v.status = Verdict::Fail;
                v.why = "rows " + std::to_string(row + 1) + " and " + std::to_string(row + 2) +
                        " are out of openCypher's order in ORDER BY column " + std::to_string(col + 1) + " (" +
                        ka[row][col].to_string() + " before " + ka[row + 1][col].to_string() + ")";
                v.shown.resize(2);
                v.shown.erase(v.shown.begin());
                return v;
            }
        }
    }
    return pass();
}

// DISTINCT = grouping: RETURN DISTINCT e = WITH e, count(*) AS n RETURN e. Both keep one
// of several equivalent values (1 or 1.0), so numbers are compared as their class.
kgq::Value number_class(const kgq::Value& v) {
    if (v.is_int()) return kgq::Value(double(v.as_int()));
    if (v.is_list()) {
        kgq::List out;
        for (const auto& x : v.as_list()) out.push_back(number_class(x));
        return kgq::Value(std::move(out));
    }
    return v;
}

kgq::Result by_number_class(const kgq::Result& r) {
    kgq::Result out = r;
    for (auto& row : out.mutable_rows())
        for (auto& v : row) v = number_class(v);
    return out;
}

bool make_distinct(QueryGen& gen, const Graph&, Case& c) {
    QueryGen::Shape shape;
    shape.tails = QueryGen::RowsTail;
    shape.order = false;
    shape.distinct = false;
    c.q = gen.query(shape);
    return true;
}

Verdict check_distinct(kgq::Database& db, const Case& c) {
    Query a = c.q;
    a.tail.distinct = true;
    std::string ta = a.render();
    std::string with = "WITH ", ret = "RETURN ";
    for (std::size_t i = 0; i < c.q.tail.items.size(); ++i) {
        with += c.q.tail.items[i].render() + " AS c" + std::to_string(i) + ", ";
        ret += (i ? ", c" : "c") + std::to_string(i);
    }
    std::string tb = c.q.render_body() + "\n" + with + "count(*) AS n\n" + ret;
    kgq::Result ra = run(db, ta), rb = run(db, tb);
    Verdict v = compare(ta, by_number_class(ra), tb, by_number_class(rb), c.q.tail);
    if (!ra.ok() || !rb.ok()) return v;
    v.shown = {{ta, describe(ra)}, {tb, describe(rb)}};
    return v;
}

// shortestPath = the shortest of the variable-length paths between the same two nodes;
// allShortestPaths = all paths of that length (none repeats a node, so none is left out).
bool make_shortest(QueryGen& gen, const Graph& g, Case& c) {
    Rng& rng = gen.rng();
    auto label = [&]() -> std::string {
        if (chance(rng, 40)) return "";
        return ":" +
               (g.strict ? g.types[pick(rng, int(g.types.size()))].name : g.labels[pick(rng, int(g.labels.size()))]);
    };
    std::string type;
    if (chance(rng, 60)) {
        const RelType& rt = g.rel_types[pick(rng, int(g.rel_types.size()))];
        type = ":" + rt.name;
    }
    std::string range = "*1.." + std::to_string(1 + pick(rng, 3));
    int d = pick(rng, 3);
    std::string rel = d == 0   ? "-[" + type + range + "]->"
                      : d == 1 ? "<-[" + type + range + "]-"
                               : "-[" + type + range + "]-";
    c.text = "MATCH (a" + label() + "), (b" + label() + ") WHERE id(a) " + (d == 2 ? "<" : "<>") + " id(b)";
    c.var = "(a)" + rel + "(b)";
    return true;
}

Verdict check_shortest(kgq::Database& db, const Case& c) {
    std::string a1 =
        c.text + "\nMATCH p = shortestPath(" + c.var + ")\nRETURN id(a) AS c0, id(b) AS c1, length(p) AS c2";
    std::string b1 = c.text + "\nMATCH p = " + c.var + "\nRETURN id(a) AS c0, id(b) AS c1, min(length(p)) AS c2";
    Tail rows;
    Verdict v = compare(a1, run(db, a1), b1, run(db, b1), rows);
    if (v.status != Verdict::Pass) return v;
    std::string a2 = c.text + "\nMATCH p = allShortestPaths(" + c.var +
                     ")\nRETURN id(a) AS c0, id(b) AS c1, length(p) AS c2, count(*) AS c3";
    std::string b2 =
        c.text + "\nMATCH p = " + c.var +
        "\nWITH a, b, length(p) AS len, count(*) AS n ORDER BY len"
        "\nWITH a, b, collect([len, n])[0] AS best\nRETURN id(a) AS c0, id(b) AS c1, best[0] AS c2, best[1] AS c3";
    return compare(a2, run(db, a2), b2, run(db, b2), rows);
}

// ---- statement atomicity -----------------------------------------------------------------

std::string existing_key(Rng& rng, const Graph& g, int& type) {
    std::vector<std::pair<int, std::string>> keys;
    for (const auto& n : g.nodes)
        for (const auto& [name, lit] : n.props)
            if (name == "k") keys.emplace_back(g.type_index(n.labels[0]), lit);
    if (keys.empty()) return "";
    auto& k = keys[pick(rng, int(keys.size()))];
    type = k.first;
    return k.second;
}

std::string write_clause(Rng& rng, const Graph& g) {
    auto label = [&](bool concrete) -> std::string {
        if (g.strict) {
            std::vector<int> ts;
            for (std::size_t t = 0; t < g.types.size(); ++t)
                if (!concrete || !g.types[t].abstract) ts.push_back(int(t));
            return ":" + g.types[ts[pick(rng, int(ts.size()))]].name;
        }
        return chance(rng, 30) ? "" : ":" + g.labels[pick(rng, int(g.labels.size()))];
    };
    auto new_props = [&](const std::string& lab) {
        if (!g.strict) return std::string(" {p: 1, s: 'new'}");
        int t = g.type_index(lab.substr(1));
        std::string s = " {";
        bool first = true;
        for (const auto& p : g.all_props(t)) {
            std::string lit = p.key ? std::to_string(1000 + pick(rng, 1000)) : random_literal(rng, p.type, false);
            if (!p.key && chance(rng, 50)) continue;
            s += (first ? "" : ", ") + p.name + ": " + lit;
            first = false;
        }
        return first ? std::string() : s + "}";
    };
    auto settable = [&](const std::string& lab) -> std::pair<std::string, std::string> {
        std::vector<PropDef> props;
        if (g.strict) {
            for (const auto& p : g.all_props(g.type_index(lab.substr(1))))
                if (!p.key) props.push_back(p);
        } else {
            props = g.node_props();
        }
        if (props.empty()) return {"", ""};
        const PropDef& p = props[pick(rng, int(props.size()))];
        return {p.name, random_literal(rng, p.type, false)};
    };
    std::string lab = label(true);
    int r = pick(rng, 12);
    switch (r) {
        case 0: return "CREATE (x" + lab + new_props(lab) + ")";
        case 1: {
            auto [p, v] = settable(lab);
            if (p.empty()) return "CREATE (x" + lab + new_props(lab) + ")";
            return "MATCH (x" + lab + ") SET x." + p + " = " + v;
        }
        case 2: {
            auto [p, v] = settable(lab);
            if (p.empty()) return "MATCH (x" + lab + ") DETACH DELETE x";
            return "MATCH (x" + lab + ") REMOVE x." + p;
        }
        case 3: return "MATCH (x" + lab + ") DETACH DELETE x";
        case 4: return "MATCH ()-[x]->() DELETE x";
        case 5: {
            if (g.strict) {
                const RelType& rt = g.rel_types[pick(rng, int(g.rel_types.size()))];
                auto [f, t] = rt.endpoints[pick(rng, int(rt.endpoints.size()))];
                return "MATCH (x:" + g.types[f].name + "), (y:" + g.types[t].name + ") CREATE (x)-[:" + rt.name +
                       "]->(y)";
            }
            // All pairs on small graphs; on big ones a chain (tens of thousands of creations take minutes).
            return std::string("MATCH (x), (y) WHERE ") +
                   (g.nodes.size() > 40 ? "id(y) = id(x) + 1" : "id(x) < id(y)") +
                   " CREATE (x)-[:" + g.rel_types[0].name + " {w: 2}]->(y)";
        }
        case 6: {
            if (g.strict) {
                int t = -1;
                std::string k = existing_key(rng, g, t);
                if (k.empty()) return "MATCH (x" + lab + ") DETACH DELETE x";
                auto [p, v] = settable(":" + g.types[t].name);
                return "MERGE (x:" + g.types[t].name + " {k: " + k + "})" +
                       (p.empty() ? "" : " ON MATCH SET x." + p + " = " + v);
            }
            return "MERGE (x" + lab + " {p: 1}) ON CREATE SET x.s = 'merged' ON MATCH SET x.s = 'matched'";
        }
        case 7:
            if (!g.strict) return "MATCH (x) SET x:NewLabel";
            return "MATCH (x" + lab + ")-[y]->() DELETE y";
        case 8:
            if (!g.strict) return "MATCH (x" + lab + ") SET x += {m: 'changed', p: 3}";
            return "CREATE (x" + lab + new_props(lab) + ")";
        case 9:
            if (!g.strict) return "MATCH (x:" + g.labels[0] + ") REMOVE x:" + g.labels[0];
            {
                auto [p, v] = settable(lab);
                if (p.empty()) return "MATCH (x" + lab + ") DETACH DELETE x";
                return "MATCH (x" + lab + ") SET x." + p + " = " + v;
            }
        case 10: return "MATCH (x)-[y]->(z) SET y.w = 7";
        default:
            if (!g.strict) return "MATCH (x) SET x = {p: 0}";
            return "MATCH (x" + lab + ") SET x.k = x.k + 100000";
    }
}

// The failing end of the statement.
std::string failing_clause(Rng& rng, const Graph& g) {
    int r = pick(rng, g.strict ? 6 : 4);
    switch (r) {
        case 0: return "WITH count(*) AS c RETURN 10 / (c - c)";
        case 1: return "WITH count(*) AS c UNWIND [1, 0] AS d RETURN c / d";
        case 2: return "WITH count(*) AS c MATCH (z) DELETE z";  // fails when any node has relationships
        case 3:
            if (!g.strict) return "WITH count(*) AS c MATCH (z) WHERE z.b IS NOT NULL SET z.p = z.b + 1";  // BOOL + INT
            [[fallthrough]];
        case 4: {
            int t = -1;
            std::string k = existing_key(rng, g, t);
            if (k.empty()) return "WITH count(*) AS c RETURN 10 / (c - c)";
            return "WITH count(*) AS c CREATE (:" + g.types[t].name + " {k: " + k + "})";  // KEY collision
        }
        default: {
            // A value of the wrong type (strict): a string into an INT property.
            for (std::size_t t = 0; t < g.types.size(); ++t)
                for (const auto& p : g.all_props(int(t)))
                    if (p.type == Ty::Int && !p.key)
                        return "WITH count(*) AS c MATCH (z:" + g.types[t].name + ") SET z." + p.name +
                               " = toString(c) + 'x'";
            return "WITH count(*) AS c RETURN 10 / (c - c)";
        }
    }
}

bool make_atomic(QueryGen& gen, const Graph& g, Case& c) {
    Rng& rng = gen.rng();
    int clauses = 1 + pick(rng, 3);
    std::string s;
    for (int i = 0; i < clauses; ++i)
        s += (i ? "\nWITH count(*) AS c" + std::to_string(i) + "\n" : "") + write_clause(rng, g);
    c.text = s + "\n" + failing_clause(rng, g);
    return true;
}

std::string key_index_text(kgq::Database& db, const Graph& g, std::string& scan) {
    std::string out;
    scan.clear();
    for (std::size_t t = 0; t < g.types.size(); ++t) {
        if (g.types[t].super >= 0 || !g.has_key(int(t))) continue;
        std::string name = g.types[t].name;
        kgq::Result a = run(db, "UNWIND range(-1, 2100) AS v MATCH (n:" + name + " {k: v}) RETURN v, id(n)");
        kgq::Result b = run(db, "MATCH (n:" + name + ") WHERE n.k + 0 >= -1 AND n.k + 0 <= 2100 RETURN n.k, id(n)");
        auto ra = canonical_rows(a), rb = canonical_rows(b);
        std::sort(ra.begin(), ra.end());
        std::sort(rb.begin(), rb.end());
        for (auto& x : ra) out += name + " by key: " + x + "\n";
        for (auto& x : rb) scan += name + " by key: " + x + "\n";
    }
    return out;
}

Verdict check_atomic(kgq::Database& db, const Case& c) {
    std::string before = dump_graph(db);
    kgq::SchemaInfo info_before = db.schema();
    kgq::Result r = run(db, c.text);
    Verdict v;
    if (r.ok()) {
        v = skip("the statement succeeded");
        v.graph_changed = true;
        return v;
    }
    std::string after = dump_graph(db);
    auto counts = [](const kgq::SchemaInfo& s) {
        std::string t;
        // Types without nodes are left out: in an open graph a failed statement's new label
        // stays in the catalog with count 0 (db.labels() does not show it).
        for (const auto& e : s.entity_types)
            if (e.count) t += e.name + "=" + std::to_string(e.count) + " ";
        for (const auto& e : s.relation_types)
            if (e.count) t += e.name + "=" + std::to_string(e.count) + " ";
        return t;
    };
    std::string scan;
    std::string by_key = key_index_text(db, c.graph, scan);
    v.shown = {{c.text, describe(r)},
               {"MATCH (n) RETURN n; MATCH ()-[r]->() RETURN r", "before:\n" + before + "after:\n" + after}};
    if (before != after) {
        v.status = Verdict::Fail;
        v.why = "a failed statement changed the graph";
        v.graph_changed = true;
    } else if (counts(info_before) != counts(db.schema())) {
        v.status = Verdict::Fail;
        v.why = "a failed statement changed the schema's counts: " + counts(info_before) + "-> " + counts(db.schema());
        v.graph_changed = true;
    } else if (by_key != scan) {
        v.status = Verdict::Fail;
        v.why = "after a failed statement the KEY index and a scan disagree:\n" + by_key + "vs scan:\n" + scan;
        v.graph_changed = true;
    } else {
        v.status = Verdict::Pass;
    }
    return v;
}

// Writes that succeed and change nothing leave the dump as it was.
bool make_noop(QueryGen& gen, const Graph& g, Case& c) {
    Rng& rng = gen.rng();
    std::string lab;
    int t = -1;
    if (g.strict) {
        std::vector<int> concrete;
        for (std::size_t i = 0; i < g.types.size(); ++i)
            if (!g.types[i].abstract) concrete.push_back(int(i));
        t = concrete[pick(rng, int(concrete.size()))];
        lab = ":" + g.types[t].name;
    } else if (chance(rng, 60)) {
        lab = ":" + g.labels[pick(rng, int(g.labels.size()))];
    }
    std::string prop = "p";
    if (g.strict) {
        std::vector<PropDef> props;
        for (const auto& p : g.all_props(t))
            if (!p.key) props.push_back(p);
        prop = props.empty() ? "" : props[pick(rng, int(props.size()))].name;
    }
    std::string create_props;
    if (g.strict && g.has_key(t)) create_props = " {k: " + std::to_string(5000 + pick(rng, 100)) + "}";
    switch (pick(rng, 8)) {
        case 0: c.text = "MATCH (n" + lab + ") SET n = properties(n)"; break;
        case 1: c.text = "MATCH (n" + lab + ") SET n += {}"; break;
        case 2: c.text = "CREATE (x" + lab + create_props + ") DELETE x"; break;
        case 3: c.text = "MATCH (n" + lab + ") WHERE false DETACH DELETE n"; break;
        case 4: c.text = "MATCH ()-[r]->() SET r = properties(r)"; break;
        case 5:
            if (prop.empty()) return false;
            c.text = "MATCH (n" + lab + ") SET n." + prop + " = n." + prop;
            break;
        case 6:
            c.text = "MATCH (n" + lab + ") WITH n, count(*) AS c SET n += {} WITH count(*) AS k CREATE (x" + lab +
                     create_props + ") DETACH DELETE x";
            break;
        default:
            if (g.rels.empty()) return false;
            c.text = "MATCH (a)-[r]->(b) WITH a, b, r LIMIT 1 CREATE (a)-[s:" + g.rels[0].type + "]->(b) DELETE s";
            if (g.strict)
                c.text = "MATCH (a)-[r:" + g.rels[0].type + "]->(b) WITH a, b LIMIT 1 CREATE (a)-[s:" + g.rels[0].type +
                         "]->(b) DELETE s";
            break;
    }
    return true;
}

Verdict check_noop(kgq::Database& db, const Case& c) {
    std::string before = dump_graph(db);
    kgq::Result r = run(db, c.text);
    std::string after = dump_graph(db);
    Verdict v;
    v.shown = {{c.text, describe(r)},
               {"MATCH (n) RETURN n; MATCH ()-[r]->() RETURN r", "before:\n" + before + "after:\n" + after}};
    if (before != after) {
        v.status = Verdict::Fail;
        v.why = r.ok() ? "a write that changes nothing changed the graph" : "a failed statement changed the graph";
        v.graph_changed = true;
        return v;
    }
    if (!r.ok()) return skip("the no-op write failed: " + r.error().to_string());
    v.status = Verdict::Pass;
    return v;
}

}  // namespace

const std::vector<Relation>& relations() {
    static const std::vector<Relation> all = {
        {"tlp_rows", "rows of Q = rows of Q WHERE p, WHERE NOT p, WHERE p IS NULL (UNION ALL)", false, 22, false,
         make_tlp_rows, check_tlp_rows},
        {"tlp_aggregate", "count/sum/min/max of Q = the three partitions' values combined", false, 14, true,
         make_tlp_aggregate, check_tlp_aggregate},
        {"exists_forms", "exists(P) = EXISTS { P } = EXISTS { MATCH P RETURN 1 } = P = size([P | 1]) > 0", false, 10,
         false, make_exists, check_exists},
        {"supertype_union", "(n:Super) = UNION ALL of its concrete types", true, 8, false, make_supertype,
         check_supertype},
        {"count_fast_path", "RETURN count(*) (PatternCount) = WITH barrier, RETURN count(*) (rows)", false, 10, true,
         make_count, check_count},
        {"hash_join", "WHERE a.x = b.y (HashJoinScan) = the equality hidden from the planner", false, 8, false,
         make_hash_join, check_hash_join},
        {"key_lookup", "(n:T {k: v}) (NodeByKey) = (n:T) WHERE n.k + 0 = v", true, 8, true, make_key, check_key},
        {"pattern_reorder", "reversed patterns, reordered parts, one MATCH split in several", false, 12, false,
         make_reorder, check_reorder},
        {"order_limit",
         "ORDER BY SKIP/LIMIT = slice of the full order; all DESC flipped = reversed; the order is openCypher's "
         "(oracle)",
         false, 6, false, make_order, check_order},
        {"distinct_grouping", "RETURN DISTINCT e = WITH e, count(*) AS n RETURN e (numbers by class)", false, 6, false,
         make_distinct, check_distinct},
        {"shortest_path", "shortestPath = shortest var-length path; allShortestPaths = all of that length", false, 5,
         false, make_shortest, check_shortest},
        {"noop_write", "SET n = properties(n), SET n += {}, CREATE then DELETE, ... leave the dump unchanged", false, 3,
         true, make_noop, check_noop},
        {"atomic_write", "a failing write leaves the graph dump, counts and KEY index unchanged", false, 4, true,
         make_atomic, check_atomic},
    };
    return all;
}

const Relation* find_relation(const std::string& name) {
    for (const auto& r : relations())
        if (name == r.name) return &r;
    return nullptr;
}

}  // namespace kgqm
