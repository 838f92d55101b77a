// engine/executor/operators/pattern_count_operator.cpp — PatternCount: runs the chain the
// planner put under it (NodeScan, Expand, ExpandCount, Filter, Collapse; see
// planner/pattern_count.cpp) as one depth-first loop over node and relationship ids, with no
// rows of Values. A Collapse becomes a memo: the count of the rest of the walk depends only
// on the node it is keyed by, so it is computed once per node (factorised counting). Yields
// one row whose multiplicity slot holds the count, for the Aggregate above. The first
// scan is split into morsels that every core takes from (issue 3: use both cores).
#include "executor/operators/operator_factory.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <set>
#include <thread>

namespace kgq::executor {
namespace {

using binder::BoundExpression;
using binder::ExprKind;
using binder::RelDirection;
using planner::LogicalOpKind;
using storage::AdjEntry;
using storage::Direction;
using storage::NodeId;

constexpr std::uint64_t null = storage::no_node;  // an unbound (OPTIONAL MATCH) slot in the frame

// Which of the store's node tables a label test accepts, by table index.
using TableSet = std::vector<char>;

// One adjacency list an expansion reads; an undirected expansion reads both directions and
// meets a self-loop once.
struct AdjacencyList {
    catalog::TypeId type;
    Direction direction;
    bool skip_self_loops;
};

struct Check {
    enum class Kind { Labels, NotEqual, Edge } kind = Kind::Labels;
    bool negated = false;  // Edge: NOT (a)-[:T]-(b)
    int a = -1, b = -1;  // Labels: a; NotEqual: a <> b; Edge: from a to b
    TableSet tables;  // Labels
    std::vector<AdjacencyList> lists;  // Edge
    const LogicalOperator* probe = nullptr;  // Edge: the subplan's Expand, for PROFILE
    std::uint64_t probes = 0;
    // Edge: the neighbours of the end bound earlier (a, else b with `lists` reversed) are
    // stamped once per node it takes, so each probe of the other end is one array read.
    bool mark_b = false;
    NodeId marked = UINT64_MAX;
    std::uint32_t epoch = 0;
    std::vector<std::uint32_t> stamps;
};

struct Level {
    enum class Kind { Scan, Expand, ExpandCount, Filter, Memo, Optional, OptionalEnd } kind = Kind::Filter;
    const LogicalOperator* op = nullptr;
    const LogicalOperator* folded_filter = nullptr;  // a label Filter checked by this expand
    int slot = -1, from_slot = -1, rel_slot = -1;
    bool into = false;
    std::vector<AdjacencyList> lists;
    std::vector<int> distinct_rels, excluded;
    std::vector<TableSet> target_tables;  // ExpandCount: label groups of the counted neighbour
    std::vector<NodeId> scan_nodes;  // Scan
    std::vector<Check> checks;  // Filter
    // Memo: by node id, -1 = not yet computed. Shared by the walkers: whichever computes an
    // entry first stores it (every walker would compute the same number).
    std::shared_ptr<std::atomic<std::int64_t>[]> memo;
    std::vector<int> null_slots;  // Optional: what its inner part binds
    std::size_t partner = 0;  // Optional: index of its end; OptionalEnd: of its start
    bool matched = false;  // Optional: the inner part found something
    std::uint64_t rows = 0;
};

TableSet tables_of_label(const storage::GraphStore& store, const std::string& name) {
    const auto& tables = store.node_tables();
    TableSet out(tables.size(), 0);
    auto type = store.catalog().find_entity_type(name);
    if (!type) return out;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        for (catalog::TypeId own : tables[i]->labels) {
            if (store.catalog().is_subtype(own, *type)) out[i] = 1;
        }
    }
    return out;
}

// The tables a label test (LabelCheck, And/Or of them) accepts.
TableSet tables_of_test(const storage::GraphStore& store, const BoundExpression& e) {
    const std::size_t n = store.node_tables().size();
    if (e.kind == ExprKind::And || e.kind == ExprKind::Or) {
        TableSet l = tables_of_test(store, *e.children[0]);
        TableSet r = tables_of_test(store, *e.children[1]);
        for (std::size_t i = 0; i < n; ++i) l[i] = e.kind == ExprKind::And ? (l[i] && r[i]) : (l[i] || r[i]);
        return l;
    }
    TableSet out(n, 1);  // LabelCheck: all of its labels
    for (const auto& name : e.keys) {
        TableSet t = tables_of_label(store, name);
        for (std::size_t i = 0; i < n; ++i) out[i] = out[i] && t[i];
    }
    return out;
}

// Relation types resolved now (this statement cannot have created any: it only reads).
std::vector<AdjacencyList> adjacency_lists(const storage::GraphStore& store, const LogicalOperator& op) {
    std::vector<catalog::TypeId> types;
    for (const auto& name : op.rel_type_names) {
        auto t = store.catalog().find_relation_type(name);
        if (t && std::find(types.begin(), types.end(), *t) == types.end()) types.push_back(*t);
    }
    if (op.rel_type_names.empty()) types = store.relation_types_in_use();
    std::vector<AdjacencyList> lists;
    for (catalog::TypeId t : types) {
        if (op.direction != RelDirection::Incoming) lists.push_back({t, Direction::Out, false});
        if (op.direction != RelDirection::Outgoing)
            lists.push_back({t, Direction::In, op.direction == RelDirection::Both});
    }
    return lists;
}

// In a declared schema every relationship joins the endpoint types its relation type
// declares: when all of them fall in `tables`, a label check of the neighbour is implied.
bool implied_by_schema(const storage::GraphStore& store, const std::vector<AdjacencyList>& lists,
                       const TableSet& tables) {
    const auto& catalog = store.catalog();
    if (!catalog.strict()) return false;
    const auto& node_tables = store.node_tables();
    for (const AdjacencyList& l : lists) {
        if (catalog.relation_type(l.type).endpoints.empty()) return false;
        for (const auto& [from, to] : catalog.relation_type(l.type).endpoints) {
            const catalog::TypeId reached = l.direction == Direction::Out ? to : from;
            for (std::size_t i = 0; i < node_tables.size(); ++i) {
                bool is_reached = false;
                for (catalog::TypeId own : node_tables[i]->labels)
                    is_reached = is_reached || catalog.is_subtype(own, reached);
                if (is_reached && !tables[i]) return false;
            }
        }
    }
    return true;
}

// One thread's walk: its own copy of the levels (memos, stamps, row counts) and frame.
struct Walker {
    std::vector<Level> levels;
    std::vector<std::uint64_t> frame;  // node or relationship id per slot
    std::atomic<std::size_t>* next_morsel = nullptr;  // shared position in the first scan
    // Looked at once per morsel: a stopped statement's walkers return early, and the thread
    // that runs the statement then throws the reason (StatementBudget::check()).
    const StatementBudget* budget = nullptr;
    // One walk from a single start node can be long (a dense graph): expansions look too,
    // every 4096th. Once stopped, every level returns at once; the count is then discarded.
    std::uint32_t countdown = 4096;
    bool stopped = false;
    bool stopping() {
        if (stopped) return true;
        if (--countdown == 0) {
            countdown = 4096;
            stopped = budget && budget->should_stop();
        }
        return stopped;
    }
    static constexpr std::size_t morsel_size = 64;

    bool has_table(const TableSet& tables, const storage::GraphStore& store, NodeId id) const {
        std::uint32_t t = store.node_table_index(id);
        return t < tables.size() && tables[t];
    }

    // Relationships of the lists between `from` and `to` (expand into, edge probes).
    template <class Visit>
    static void between(const storage::GraphStore& store, const std::vector<AdjacencyList>& lists, NodeId from,
                        NodeId to, Visit&& visit) {
        for (const AdjacencyList& l : lists) {
            // Scan the shorter of from's list and to's list in the opposite direction.
            Direction back = l.direction == Direction::Out ? Direction::In : Direction::Out;
            auto mine = store.adjacency(from, l.type, l.direction);
            auto theirs = store.adjacency(to, l.type, back);
            bool forward = mine.size() <= theirs.size();
            NodeId want = forward ? to : from;
            for (const AdjEntry& e : forward ? mine : theirs) {
                if (e.neighbor != want) continue;
                if (l.skip_self_loops && from == to) continue;
                if (!visit(e)) return;
            }
        }
    }

    bool passes(const storage::GraphStore& store, Check& c) {
        switch (c.kind) {
            case Check::Kind::Labels: return has_table(c.tables, store, frame[c.a]);
            case Check::Kind::NotEqual:  // null <> x is null: the row is dropped
                return frame[c.a] != frame[c.b] && frame[c.a] != null && frame[c.b] != null;
            case Check::Kind::Edge: {  // a semi-join (anti-join when negated) on one relationship
                ++c.probes;
                const NodeId mark = frame[c.mark_b ? c.b : c.a];
                const NodeId probe = frame[c.mark_b ? c.a : c.b];
                bool found = false;
                if (mark != null && probe != null) {
                    if (mark != c.marked) stamp_neighbours(store, c, mark);
                    found = c.stamps[probe] == c.epoch;
                }
                return found != c.negated;
            }
        }
        return false;
    }

    void stamp_neighbours(const storage::GraphStore& store, Check& c, NodeId node) {
        if (c.stamps.size() < store.node_capacity()) c.stamps.assign(store.node_capacity(), 0);
        if (++c.epoch == 0) {  // wrapped: old stamps could match again
            std::fill(c.stamps.begin(), c.stamps.end(), 0);
            c.epoch = 1;
        }
        for (const AdjacencyList& l : c.lists) {
            Direction d = l.direction;
            if (c.mark_b) d = d == Direction::Out ? Direction::In : Direction::Out;
            for (const AdjEntry& e : store.adjacency(node, l.type, d)) c.stamps[e.neighbor] = c.epoch;
        }
        c.marked = node;
    }

    // Whether an expansion may take this relationship to this neighbour.
    bool admissible(const storage::GraphStore& store, const Level& level, const AdjEntry& e) const {
        for (int s : level.distinct_rels) {
            if (frame[s] == e.rel) return false;
        }
        for (int s : level.excluded) {
            if (frame[s] == e.neighbor || frame[s] == null) return false;
        }
        for (const TableSet& t : level.target_tables) {
            if (!has_table(t, store, e.neighbor)) return false;
        }
        return true;
    }

    std::int64_t run(const storage::GraphStore& store, std::size_t index) {
        if (index == levels.size()) return 1;
        Level& level = levels[index];
        std::int64_t total = 0;
        switch (level.kind) {
            case Level::Kind::Scan:
                if (index == 0 && next_morsel) {  // the first scan is shared out in morsels
                    const std::size_t n = level.scan_nodes.size();
                    for (std::size_t begin; (begin = next_morsel->fetch_add(morsel_size)) < n;) {
                        if (stopped || (budget && budget->should_stop())) return total;
                        for (std::size_t i = begin; i < std::min(n, begin + morsel_size); ++i) {
                            ++level.rows;
                            frame[level.slot] = level.scan_nodes[i];
                            total += run(store, index + 1);
                        }
                    }
                    return total;
                }
                for (NodeId id : level.scan_nodes) {
                    ++level.rows;
                    frame[level.slot] = id;
                    total += run(store, index + 1);
                }
                return total;
            case Level::Kind::Filter:
                for (Check& c : level.checks) {
                    if (!passes(store, c)) return 0;
                }
                ++level.rows;
                return run(store, index + 1);
            case Level::Kind::Memo: {
                if (frame[level.slot] == null) return run(store, index + 1);
                std::atomic<std::int64_t>& cached = level.memo[frame[level.slot]];
                std::int64_t known = cached.load(std::memory_order_relaxed);
                if (known < 0) {
                    ++level.rows;
                    known = run(store, index + 1);
                    cached.store(known, std::memory_order_relaxed);
                }
                return known;
            }
            case Level::Kind::Optional: {
                level.matched = false;
                std::int64_t found = run(store, index + 1);
                if (level.matched) return found;
                for (int s : level.null_slots) frame[s] = null;
                ++level.rows;
                return run(store, level.partner + 1);
            }
            case Level::Kind::OptionalEnd:
                levels[level.partner].matched = true;
                ++level.rows;
                return run(store, index + 1);
            case Level::Kind::Expand:
            case Level::Kind::ExpandCount: {
                if (stopping()) return 0;
                const NodeId from = frame[level.from_slot];
                if (from == null || (level.into && frame[level.slot] == null)) return 0;
                const bool count_only = level.kind == Level::Kind::ExpandCount;
                std::int64_t matches = 0;
                auto take = [&](const AdjEntry& e) {
                    if (!admissible(store, level, e)) return true;
                    if (count_only) {
                        ++matches;
                        return true;
                    }
                    ++level.rows;
                    frame[level.rel_slot] = e.rel;
                    if (!level.into) frame[level.slot] = e.neighbor;
                    total += run(store, index + 1);
                    return true;
                };
                if (level.into) {
                    between(store, level.lists, from, frame[level.slot], take);
                } else if (count_only && level.distinct_rels.empty() && level.excluded.empty() &&
                           level.target_tables.empty()) {
                    for (const AdjacencyList& l : level.lists) {  // every entry counts: the degree
                        auto list = store.adjacency(from, l.type, l.direction);
                        matches += static_cast<std::int64_t>(list.size());
                        if (l.skip_self_loops) {
                            for (const AdjEntry& e : list) matches -= e.neighbor == from;
                        }
                    }
                } else {
                    for (const AdjacencyList& l : level.lists) {
                        for (const AdjEntry& e : store.adjacency(from, l.type, l.direction)) {
                            if (l.skip_self_loops && e.neighbor == from) continue;
                            take(e);
                        }
                    }
                }
                if (!count_only) return total;
                if (matches == 0) return 0;
                level.rows += static_cast<std::uint64_t>(matches);
                return matches * run(store, index + 1);
            }
        }
        return 0;
    }
};

class PatternCountOperator final : public PhysicalOperator {
public:
    PatternCountOperator(const LogicalOperator& op, const std::vector<planner::LogicalOperatorPtr>& subplans)
        : op_(op), subplans_(subplans) {}

    void open(ExecutionContext& ctx, const Row& argument) override {
        width_ = argument.size();
        compile(ctx);
        done_ = false;
    }

    bool next(ExecutionContext& ctx, Row& row) override {
        ctx.tick();
        if (done_) return false;
        done_ = true;
        std::int64_t total = count_in_parallel(ctx.store, ctx.budget);
        if (ctx.profile) report(ctx);
        if (total == 0) return false;
        row.assign(width_, Value());
        row[op_.multiplicity_slot] = Value(total);
        return true;
    }

private:
    void compile(ExecutionContext& ctx) {
        levels_.clear();
        compile_chain(ctx, *op_.children[0]);
        choose_marked_ends();
        count_unread_expansions();
    }

    // Each pattern predicate stamps the neighbours of whichever end the walk binds first.
    void choose_marked_ends() {
        std::vector<std::size_t> bound_at(width_, 0);
        for (std::size_t i = 0; i < levels_.size(); ++i) {
            Level& level = levels_[i];
            if (level.kind == Level::Kind::Scan) bound_at[level.slot] = i;
            if ((level.kind == Level::Kind::Expand || level.kind == Level::Kind::ExpandCount) && !level.into)
                bound_at[level.slot] = i;
            for (Check& c : level.checks) {
                if (c.kind == Check::Kind::Edge) c.mark_b = bound_at[c.b] < bound_at[c.a];
            }
        }
    }

    // An expansion whose node and relationship nothing later reads multiplies the count of
    // the rest of the walk by its number of matches instead of walking it once per match
    // (LSQB q4's star around a message: likes x replies x tags, not their nested loops).
    void count_unread_expansions() {
        std::set<int> read_later;
        for (std::size_t i = levels_.size(); i-- > 0;) {
            Level& level = levels_[i];
            if (level.kind == Level::Kind::Expand && !level.into && !read_later.count(level.slot) &&
                !read_later.count(level.rel_slot))
                level.kind = Level::Kind::ExpandCount;
            switch (level.kind) {
                case Level::Kind::Expand:
                case Level::Kind::ExpandCount:
                    read_later.insert(level.from_slot);
                    if (level.into) read_later.insert(level.slot);
                    read_later.insert(level.distinct_rels.begin(), level.distinct_rels.end());
                    read_later.insert(level.excluded.begin(), level.excluded.end());
                    break;
                case Level::Kind::Memo: read_later.insert(level.slot); break;
                case Level::Kind::Filter:
                    for (const Check& c : level.checks) {
                        read_later.insert(c.a);
                        if (c.b >= 0) read_later.insert(c.b);
                    }
                    break;
                default: break;
            }
        }
    }

    // Appends the levels of the chain ending at `top`, bottom first.
    void compile_chain(ExecutionContext& ctx, const LogicalOperator& top) {
        const auto& store = ctx.store;
        std::vector<const LogicalOperator*> chain;
        for (const LogicalOperator* op = &top; op->kind != LogicalOpKind::Argument; op = op->children[0].get())
            chain.push_back(op);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const LogicalOperator& op = **it;
            Level level;
            level.op = &op;
            switch (op.kind) {
                case LogicalOpKind::NodeScan:
                    level.kind = Level::Kind::Scan;
                    level.slot = op.slot;
                    collect_scan_nodes(store, op, level.scan_nodes);
                    break;
                case LogicalOpKind::Expand:
                case LogicalOpKind::ExpandCount:
                    level.kind = op.kind == LogicalOpKind::Expand ? Level::Kind::Expand : Level::Kind::ExpandCount;
                    level.slot = op.slot;
                    level.from_slot = op.from_slot;
                    level.rel_slot = op.rel_slot;
                    level.into = op.target_bound;
                    level.distinct_rels = op.distinct_from_rels;
                    level.excluded = op.excluded_targets;
                    if (!op.impossible) level.lists = adjacency_lists(store, op);
                    for (const auto& group : op.target_label_names) {
                        TableSet any(store.node_tables().size(), 0);
                        for (const auto& name : group) {
                            TableSet t = tables_of_label(store, name);
                            for (std::size_t i = 0; i < any.size(); ++i) any[i] = any[i] || t[i];
                        }
                        if (!implied_by_schema(store, level.lists, any)) level.target_tables.push_back(std::move(any));
                    }
                    break;
                case LogicalOpKind::Filter: {
                    level.kind = Level::Kind::Filter;
                    for (const auto* e : op.expressions) add_checks(ctx, *e, false, level.checks);
                    // Labels of the node just expanded to: checked by the expand itself.
                    Level* previous = levels_.empty() ? nullptr : &levels_.back();
                    bool labels_of_target =
                        previous && !previous->into && !previous->folded_filter &&
                        (previous->kind == Level::Kind::Expand || previous->kind == Level::Kind::ExpandCount);
                    for (const Check& c : level.checks) {
                        labels_of_target = labels_of_target && c.kind == Check::Kind::Labels && c.a == previous->slot;
                    }
                    if (labels_of_target) {
                        for (Check& c : level.checks) {
                            if (!implied_by_schema(store, previous->lists, c.tables))
                                previous->target_tables.push_back(std::move(c.tables));
                        }
                        previous->folded_filter = &op;
                        continue;
                    }
                    break;
                }
                case LogicalOpKind::Collapse:
                    level.kind = Level::Kind::Memo;
                    level.slot = op.slot;
                    level.memo.reset(new std::atomic<std::int64_t>[store.node_capacity()]);
                    for (std::size_t i = 0; i < store.node_capacity(); ++i)
                        level.memo[i].store(-1, std::memory_order_relaxed);
                    break;
                case LogicalOpKind::Optional: {
                    level.kind = Level::Kind::Optional;
                    level.null_slots = op.slots;
                    const std::size_t start = levels_.size();
                    levels_.push_back(std::move(level));
                    compile_chain(ctx, *op.children[1]);
                    Level end;
                    end.kind = Level::Kind::OptionalEnd;
                    end.op = &op;
                    end.partner = start;
                    levels_[start].partner = levels_.size();
                    levels_.push_back(std::move(end));
                    continue;
                }
                default: break;  // the planner puts nothing else here
            }
            levels_.push_back(std::move(level));
        }
    }

    void add_checks(ExecutionContext& ctx, const BoundExpression& e, bool negated, std::vector<Check>& out) {
        Check c;
        switch (e.kind) {
            case ExprKind::And:
                if (!negated) {
                    add_checks(ctx, *e.children[0], false, out);
                    add_checks(ctx, *e.children[1], false, out);
                    return;
                }
                break;
            case ExprKind::Not: add_checks(ctx, *e.children[0], !negated, out); return;
            case ExprKind::NotEqual:
                c.kind = Check::Kind::NotEqual;
                c.a = e.children[0]->slot;
                c.b = e.children[1]->slot;
                out.push_back(std::move(c));
                return;
            case ExprKind::Subquery: {
                const LogicalOperator& probe = *subplans_.at(e.subquery_id);
                c.kind = Check::Kind::Edge;
                c.negated = negated;
                c.a = probe.from_slot;
                c.b = probe.slot;
                c.lists = adjacency_lists(ctx.store, probe);
                c.probe = &probe;
                out.push_back(std::move(c));
                return;
            }
            default: break;
        }
        // A label test on one node variable (the planner admits nothing else).
        c.kind = Check::Kind::Labels;
        int slot = -1;
        label_slot(e, slot);
        c.a = slot;
        c.tables = tables_of_test(ctx.store, e);
        out.push_back(std::move(c));
    }

    static void label_slot(const BoundExpression& e, int& slot) {
        if (e.kind == ExprKind::LabelCheck) slot = e.children[0]->slot;
        for (const auto& child : e.children) {
            if (slot < 0 && child) label_slot(*child, slot);
        }
    }

    // Morsel-driven: every thread takes the next few nodes of the first scan until none are
    // left. Small scans (and a machine with one core) run on the calling thread alone.
    std::int64_t count_in_parallel(const storage::GraphStore& store, StatementBudget* budget) {
        store.index_all();  // nothing left for a reader to write: the threads only read
        std::size_t threads = std::min<std::size_t>(8, std::max(1u, std::thread::hardware_concurrency()));
        if (levels_.empty() || levels_[0].kind != Level::Kind::Scan ||
            levels_[0].scan_nodes.size() < 4 * Walker::morsel_size)
            threads = 1;
        std::atomic<std::size_t> next_morsel{0};
        std::vector<Walker> walkers(threads);
        for (Walker& w : walkers) {
            w.levels = levels_;
            w.frame.assign(width_, storage::no_node);
            w.next_morsel = &next_morsel;
            w.budget = budget;
        }
        std::vector<std::int64_t> totals(threads, 0);
        std::vector<std::exception_ptr> errors(threads);
        std::vector<std::thread> pool;
        auto work = [&](std::size_t i) {
            try {
                totals[i] = walkers[i].run(store, 0);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        };
        for (std::size_t i = 1; i < threads; ++i) pool.emplace_back(work, i);
        work(0);
        for (auto& t : pool) t.join();
        for (auto& e : errors) {
            if (e) std::rethrow_exception(e);
        }
        if (budget) budget->check();  // walkers that stopped early leave a partial count: never return it
        // Rows per level for PROFILE: the sum over the walkers.
        for (std::size_t l = 0; l < levels_.size(); ++l) {
            levels_[l].rows = 0;
            for (std::size_t i = 0; i < levels_[l].checks.size(); ++i) levels_[l].checks[i].probes = 0;
            for (const Walker& w : walkers) {
                levels_[l].rows += w.levels[l].rows;
                for (std::size_t i = 0; i < levels_[l].checks.size(); ++i)
                    levels_[l].checks[i].probes += w.levels[l].checks[i].probes;
            }
        }
        std::int64_t total = 0;
        for (std::int64_t t : totals) total += t;
        return total;
    }

    void report(ExecutionContext& ctx) const {
        for (const Level& level : levels_) {
            auto& p = ctx.profiles[level.op];
            p.rows += level.rows;
            p.ms = -1;  // inside the PatternCount: its time is the PatternCount's
            if (level.folded_filter) {
                auto& f = ctx.profiles[level.folded_filter];
                f.rows += level.rows;
                f.ms = -1;
            }
            for (const Check& c : level.checks) {
                if (!c.probe) continue;
                auto& q = ctx.profiles[c.probe];
                q.rows += c.probes;
                q.ms = -1;
            }
        }
    }

    const LogicalOperator& op_;
    const std::vector<planner::LogicalOperatorPtr>& subplans_;  // pattern predicates' plans
    std::size_t width_ = 0;
    bool done_ = false;
    std::vector<Level> levels_;  // compiled once per open; each walker runs a copy
};

}  // namespace

PhysicalOperatorPtr make_pattern_count(const LogicalOperator& op, const planner::LogicalPlan& plan) {
    return std::make_unique<PatternCountOperator>(op, plan.subplans);
}

}  // namespace kgq::executor
