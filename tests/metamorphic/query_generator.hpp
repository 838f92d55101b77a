// query_generator.hpp — random read queries over a generated graph's schema, kept as a small
// structure (patterns, WHERE trees, OPTIONAL MATCH, UNWIND, WITH, RETURN tail) that the
// relations rewrite into equivalent forms and the shrinker cuts down part by part.
#pragma once

#include "canonical.hpp"
#include "graph_generator.hpp"

#include <string>
#include <vector>

namespace kgqm {

// An expression as a text template: "$0", "$1", ... stand for the rendered kids. A kid of
// the same type can replace its parent, which is how the shrinker simplifies predicates.
struct Expr {
    std::string fmt;
    std::vector<Expr> kids;
    Ty type = Ty::Any;
    bool boolean = false;
    bool empty() const { return fmt.empty(); }
    std::string render() const;
};
Expr leaf(std::string text, Ty type = Ty::Any);
Expr pred_leaf(std::string text);
Expr op(std::string fmt, std::vector<Expr> kids, Ty type = Ty::Any);
Expr pred_op(std::string fmt, std::vector<Expr> kids);
Expr conj(const Expr& a, const Expr& b);  // a AND b, either may be empty

enum class Dir { Out, In, Both };

struct NodePat {
    std::string var;
    std::string label;  // "" for none
    std::string props;  // "" or "{k: 3}"
};
struct RelPat {
    std::string var;
    std::string types;  // "" or "R" or "R|S"
    Dir dir = Dir::Out;
    bool varlen = false;
    int lo = 1, hi = 1;
};
struct PathPat {
    std::string name;  // named path variable, or ""
    std::vector<NodePat> nodes;
    std::vector<RelPat> rels;  // rels[i] joins nodes[i] and nodes[i+1]
    std::string render() const;
    PathPat reversed() const;
};

enum class VarKind { Node, Rel, RelList, Path, Value };
struct Var {
    std::string name;
    VarKind kind = VarKind::Node;
    int type = -1;  // strict node type (from the label), -1 when unknown
    std::vector<int> types;  // strict: the types the binder allows (label or relation endpoints); empty: any
    std::string rel_type;  // relationship type when fixed
    Ty ty = Ty::Any;  // for Value variables
    bool optional = false;  // bound by OPTIONAL MATCH (may be null)
    bool in_match = false;  // bound by the first MATCH
};
inline Var make_var(std::string name, VarKind kind) {
    Var v;
    v.name = std::move(name);
    v.kind = kind;
    return v;
}

enum class Agg { None, Count, Sum, Min, Max, Other };

struct Tail {
    enum Kind { Rows, Aggregate, Grouped } kind = Rows;
    bool distinct = false;
    Expr with;  // Grouped: "WITH keys, aggs [WHERE ...]" before RETURN, may be empty
    std::vector<Expr> items;  // returned as c0, c1, ...
    std::vector<Agg> aggs;  // per item (Aggregate)
    std::vector<ColumnMode> modes;
    std::vector<int> order;  // ORDER BY these items
    std::vector<bool> desc;
    int skip = -1, limit = -1;
    bool ordered() const { return !order.empty(); }
    bool sliced() const { return skip >= 0 || limit >= 0; }
};

struct Query {
    std::vector<PathPat> match;
    bool split_match = false;  // one MATCH clause per part
    bool split_with = false;  // ... with WITH * between them
    Expr where;
    std::vector<PathPat> optional;
    Expr opt_where;
    std::vector<PathPat> optional2;  // a second OPTIONAL MATCH, often from the first one's nodes
    Expr opt_where2;
    Expr unwind;  // UNWIND <unwind> AS u
    Expr post_where;  // WITH * WHERE ...
    Tail tail;
    std::vector<Var> vars;  // everything bound before the tail

    std::string render_body() const;  // up to the tail
    std::string render_tail() const;
    std::string render() const { return render_body() + render_tail(); }
    const Var* var(const std::string& name) const;
};

// Known engine bugs the tester steers around so that CI stays green (README.md lists them;
// --known-bugs turns this off):
//  * strict graphs: for a self-loop the binder infers the node's types differently for
//    (n)-[:R]->(n) and (n)<-[:R]-(n), so one spelling is refused and the other runs
//    (tests/query/metamorphic/endpoint_inference_order.test, last case): pattern_reorder
//    skips pairs with a self-loop where exactly one form is refused by the schema check.
// (Fixed since, now generated again: var-length endpoints inferred as for one hop, and
// order-dependent inference in general; varlength_endpoints_strict.test.)
inline bool include_known_bugs = false;

class QueryGen {
public:
    QueryGen(Rng& rng, const Graph& g) : rng_(rng), g_(g) {}

    enum TailMask { RowsTail = 1, AggregateTail = 2, GroupedTail = 4, AnyTail = 7 };
    struct Shape {
        int max_parts = 3;
        bool optional = true;
        bool unwind = true;
        bool post_where = true;
        bool varlen = true;
        bool named_paths = true;
        int tails = AnyTail;
        bool order = true;  // ORDER BY / SKIP / LIMIT allowed in the tail
        bool distinct = true;
        bool only_combinable = false;  // aggregates: count/sum/min/max only
    };
    Query query(const Shape& shape);
    Tail tail(const Query& q, const Shape& shape);

    // A predicate over the variables (all of q.vars, or only those bound by the first MATCH).
    Expr predicate(const Query& q, bool match_only, int depth = 2);
    // A scalar expression of the type over the variables.
    Expr value(const Query& q, Ty want, bool match_only, int depth = 1);
    // Properties a variable may have, with their types.
    std::vector<PropDef> props_of(const Var& v) const;
    // A pattern that starts at node variable v, for pattern predicates: "(n0)-[:R]->(:A)".
    std::string pattern_from(const Query& q, const std::string& v);
    Rng& rng() { return rng_; }
    bool big = false;  // a big graph: one pattern part, no var-length relationships
    bool medium = false;  // a medium graph: one pattern part, var-length up to 2 hops

private:
    PathPat path(Query& q, const Shape& shape, bool optional, bool first_part);
    NodePat node(Query& q, bool optional, bool allow_reuse, int hint_type);
    std::string label_for(int hint_type);
    int choose_rel(Query& q, RelPat& r, const std::string& left);
    std::vector<const Var*> visible(const Query& q, bool match_only) const;
    Expr compare(const Query& q, bool match_only, int depth);

    Rng& rng_;
    const Graph& g_;
    int next_node_ = 0, next_rel_ = 0, next_path_ = 0;
    int varlen_left_ = 2;  // var-length relationships still allowed in this query (they multiply)
};

bool comparable(Ty a, Ty b);
// Some type of set (empty: any) is t, below t or above it.
bool overlaps(const Graph& g, const std::vector<int>& set, int t);

}  // namespace kgqm
