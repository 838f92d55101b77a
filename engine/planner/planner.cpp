// engine/planner/planner.cpp — the Planner: clause by clause, each clause's operators are
// stacked on the previous clause's plan (the input row stream). See planner.hpp.
#include "planner/planner.hpp"

#include <algorithm>
#include <limits>

namespace kgq::planner {

using namespace binder;

void referenced_slots(const BoundExpression& e, std::set<int>& out, bool& opaque) {
    switch (e.kind) {
        case ExprKind::Variable:
        case ExprKind::AggregateRef: out.insert(e.slot); break;
        case ExprKind::Subquery:
            if (e.outer_slots_known) out.insert(e.outer_slots.begin(), e.outer_slots.end());
            else opaque = true;
            break;
        case ExprKind::PathBuild:
            for (int s : e.path_slots) out.insert(s);
            break;
        default: break;
    }
    for (const auto& c : e.children) {
        if (c) referenced_slots(*c, out, opaque);
    }
    if (e.kind == ExprKind::ListComprehension || e.kind == ExprKind::Quantifier) {
        out.erase(e.slot);  // the comprehension's own variable is bound inside it
    }
}

Planner::Planner(const storage::GraphStore& store, const BoundQuery& query) : store_(store), query_(query) {}

namespace {

LogicalOperatorPtr make_op(LogicalOpKind kind, LogicalOperatorPtr input) {
    auto op = std::make_unique<LogicalOperator>();
    op->kind = kind;
    if (input) op->children.push_back(std::move(input));
    return op;
}

ExprPtr variable_ref(int slot) {
    auto e = std::make_unique<BoundExpression>();
    e->kind = ExprKind::Variable;
    e->slot = slot;
    return e;
}

std::string label_text(const LabelConstraint& labels) {
    std::string s;
    for (const auto& alternatives : labels) {
        s += ":";
        for (std::size_t i = 0; i < alternatives.size(); ++i) s += (i ? "|" : "") + alternatives[i];
    }
    return s;
}

}  // namespace

const BoundExpression* Planner::own(ExprPtr e) {
    plan_.owned_expressions.push_back(std::move(e));
    return plan_.owned_expressions.back().get();
}

LogicalPlan Planner::plan() {
    plan_.slot_count = query_.slot_count;
    // Subqueries (EXISTS, pattern predicates and comprehensions) run per outer row, starting
    // from an Argument that yields that row.
    for (const auto& sub : query_.subqueries) {
        Bound bound;
        for (int s = 0; s < query_.slot_count; ++s) bound.insert(s);  // outer slots are visible
        // Slots introduced by the subquery's own pattern are not bound yet.
        for (const auto& clause : sub.query.clauses) {
            if (const auto* m = std::get_if<BoundMatch>(&clause)) {
                for (int s : m->introduced_slots) bound.erase(s);
            }
        }
        plan_.subplans.push_back(plan_single_query(sub.query, make_op(LogicalOpKind::Argument, nullptr), bound));
    }
    std::vector<LogicalOperatorPtr> roots;
    for (const auto& part : query_.parts) {
        Bound bound;
        roots.push_back(plan_single_query(part, make_op(LogicalOpKind::Argument, nullptr), bound));
    }
    LogicalOperatorPtr root = std::move(roots[0]);
    for (std::size_t i = 1; i < roots.size(); ++i) {
        auto u = make_op(LogicalOpKind::Union, std::move(root));
        u->children.push_back(std::move(roots[i]));
        u->left_slots = query_.parts[0].column_slots;
        u->right_slots = query_.parts[i].column_slots;
        u->union_distinct = !query_.union_all[i - 1];
        root = std::move(u);
        if (!query_.union_all[i - 1]) {
            auto d = make_op(LogicalOpKind::Distinct, std::move(root));
            d->slots = query_.parts[0].column_slots;
            root = std::move(d);
        }
    }
    auto produce = make_op(LogicalOpKind::ProduceResults, std::move(root));
    produce->slots = query_.parts[0].column_slots;
    produce->column_names = query_.parts[0].columns;
    plan_.columns = query_.parts[0].columns;
    plan_.column_slots = query_.parts[0].column_slots;
    plan_.root = std::move(produce);
    return std::move(plan_);
}

LogicalOperatorPtr Planner::plan_single_query(const BoundSingleQuery& query, LogicalOperatorPtr input, Bound& bound) {
    LogicalOperatorPtr plan = std::move(input);
    bool wrote = false;
    // RETURN count(*) alone after the reading clauses: the planner may factorise the count.
    counting_only_ = false;
    if (!query.clauses.empty()) {
        if (const auto* last = std::get_if<BoundProjection>(&query.clauses.back())) {
            bool count_star = last->aggregating && last->key_items.empty() && !last->aggregates.empty();
            for (const auto& a : last->aggregates) count_star = count_star && a.function == "count" && !a.argument;
            counting_only_ = count_star && !query.writes;
        }
    }
    for (std::size_t index = 0; index < query.clauses.size(); ++index) {
        const auto& clause = query.clauses[index];
        // A run of plain MATCH clauses is planned as one pattern.
        if (const auto* first = std::get_if<BoundMatch>(&clause); first && !first->optional) {
            std::vector<const BoundMatch*> run{first};
            while (index + 1 < query.clauses.size()) {
                const auto* next = std::get_if<BoundMatch>(&query.clauses[index + 1]);
                if (!next || next->optional) break;
                run.push_back(next);
                ++index;
            }
            if (run.size() > 1) {
                std::vector<const BoundExpression*> predicates;
                for (const auto* m : run) {
                    for (const auto& w : m->where) predicates.push_back(w.get());
                }
                if (query.writes && plan->kind != LogicalOpKind::Argument && wrote) {
                    plan = make_op(LogicalOpKind::Eager, std::move(plan));
                }
                plan = plan_pattern(join_patterns(run), std::move(predicates), std::move(plan), bound);
                continue;
            }
        }
        bool is_write = std::holds_alternative<BoundCreate>(clause) || std::holds_alternative<BoundMerge>(clause) ||
                        std::holds_alternative<BoundSet>(clause) || std::holds_alternative<BoundRemove>(clause) ||
                        std::holds_alternative<BoundDelete>(clause);
        // Cypher clauses see the effects of earlier clauses and not of later ones: with
        // writes involved, materialise between clauses.
        if (query.writes && plan->kind != LogicalOpKind::Argument && (is_write || wrote)) {
            plan = make_op(LogicalOpKind::Eager, std::move(plan));
        }
        wrote |= is_write;
        std::visit(
            [&](const auto& c) {
                using C = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<C, BoundMatch>) {
                    plan = plan_match(c, std::move(plan), bound);
                } else if constexpr (std::is_same_v<C, BoundUnwind>) {
                    auto op = make_op(LogicalOpKind::Unwind, std::move(plan));
                    op->expressions.push_back(c.list.get());
                    op->slot = c.slot;
                    bound.insert(c.slot);
                    plan = std::move(op);
                } else if constexpr (std::is_same_v<C, BoundCreate>) {
                    auto op = make_op(LogicalOpKind::Create, std::move(plan));
                    op->pattern = &c.pattern;
                    for (const auto& n : c.pattern.nodes) bound.insert(n.slot);
                    for (const auto& r : c.pattern.rels) bound.insert(r.slot);
                    for (const auto& p : c.pattern.parts) {
                        if (p.path_slot >= 0) bound.insert(p.path_slot);
                    }
                    plan = std::move(op);
                    // Named paths of CREATE are built after the creation.
                    for (const auto& p : c.pattern.parts) {
                        if (p.path_slot < 0) continue;
                        auto build = std::make_unique<BoundExpression>();
                        build->kind = ExprKind::PathBuild;
                        for (std::size_t i = 0; i < p.nodes.size(); ++i) {
                            build->path_slots.push_back(c.pattern.nodes[p.nodes[i]].slot);
                            build->rel_is_list.push_back(false);
                            if (i < p.rels.size()) {
                                build->path_slots.push_back(c.pattern.rels[p.rels[i]].slot);
                                build->rel_is_list.push_back(false);
                            }
                        }
                        auto proj = make_op(LogicalOpKind::Project, std::move(plan));
                        proj->expressions.push_back(own(std::move(build)));
                        proj->slots.push_back(p.path_slot);
                        plan = std::move(proj);
                    }
                } else if constexpr (std::is_same_v<C, BoundMerge>) {
                    plan = plan_merge(c, std::move(plan), bound);
                } else if constexpr (std::is_same_v<C, BoundSet>) {
                    auto op = make_op(LogicalOpKind::SetProperties, std::move(plan));
                    op->set_items = &c.items;
                    plan = std::move(op);
                } else if constexpr (std::is_same_v<C, BoundRemove>) {
                    auto op = make_op(LogicalOpKind::Remove, std::move(plan));
                    op->remove = &c;
                    plan = std::move(op);
                } else if constexpr (std::is_same_v<C, BoundDelete>) {
                    auto op = make_op(LogicalOpKind::Delete, std::move(plan));
                    op->del = &c;
                    plan = std::move(op);
                } else if constexpr (std::is_same_v<C, BoundProjection>) {
                    if (query.writes && c.is_return && wrote && plan->kind != LogicalOpKind::Eager) {
                        plan = make_op(LogicalOpKind::Eager, std::move(plan));
                    }
                    plan = plan_projection(c, std::move(plan), bound);
                } else if constexpr (std::is_same_v<C, BoundCall>) {
                    auto op = make_op(LogicalOpKind::Call, std::move(plan));
                    op->call = &c;
                    op->detail = c.procedure + "()";
                    for (int slot : c.output_slots) {
                        if (slot >= 0) bound.insert(slot);
                    }
                    plan = std::move(op);
                    if (!c.where.empty()) {
                        auto f = make_op(LogicalOpKind::Filter, std::move(plan));
                        for (const auto& w : c.where) f->expressions.push_back(w.get());
                        plan = std::move(f);
                    }
                }
            },
            clause);
    }
    return plan;
}

void Planner::collapse_counted_chain(LogicalOperator& aggregate) {
    if (aggregate.multiplicity_slot < 0) return;  // count(*) over a counted expansion only
    // The linear chain below the aggregate, top first, down to the statement's Argument.
    std::vector<LogicalOperatorPtr*> chain;
    LogicalOperatorPtr* link = &aggregate.children[0];
    while (true) {
        LogicalOperator& op = **link;
        switch (op.kind) {
            case LogicalOpKind::Expand:
            case LogicalOpKind::ExpandCount:
            case LogicalOpKind::Filter:
            case LogicalOpKind::NodeScan:
            case LogicalOpKind::NodeByKey:
                chain.push_back(link);
                link = &op.children[0];
                continue;
            case LogicalOpKind::Argument: break;
            default: return;  // anything else: leave the plan as it is
        }
        break;
    }
    // Walking up from the bottom: after an Expand, if what the operators above read is only
    // its target node, rows can be merged by that node (their other values are never read).
    // reads_above[i]: what chain[0..i-1] read and do not bind themselves.
    std::vector<std::set<int>> reads_above(chain.size() + 1);
    std::set<int> produced;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        std::set<int> reads = i == 0 ? std::set<int>{} : reads_above[i];
        const LogicalOperator& op = **chain[i];
        if (op.kind == LogicalOpKind::Filter) {
            for (const auto* e : op.expressions) {
                bool opaque = false;
                referenced_slots(*e, reads, opaque);
                if (opaque) return;
            }
        } else if (op.kind == LogicalOpKind::Expand || op.kind == LogicalOpKind::ExpandCount) {
            reads.insert(op.from_slot);
            if (op.target_bound) reads.insert(op.slot);
            if (!op.expressions.empty()) reads.insert(op.rel_slot);
            reads.insert(op.distinct_from_rels.begin(), op.distinct_from_rels.end());
            reads.insert(op.distinct_from_rel_lists.begin(), op.distinct_from_rel_lists.end());
            reads.insert(op.excluded_targets.begin(), op.excluded_targets.end());
        } else if (op.kind == LogicalOpKind::NodeByKey && op.key_expression) {
            bool opaque = false;
            referenced_slots(*op.key_expression, reads, opaque);
            if (opaque) return;
        }
        if (op.kind == LogicalOpKind::Expand || op.kind == LogicalOpKind::ExpandCount) {
            if (!op.target_bound) produced.insert(op.slot);
            produced.insert(op.rel_slot);
        } else if (op.kind == LogicalOpKind::NodeScan || op.kind == LogicalOpKind::NodeByKey) {
            produced.insert(op.slot);
        }
        for (int p : produced) {
            // A slot an operator above binds is not needed from below, unless it reads it
            // before binding it (expand into): those are in reads via target_bound.
            if (!(op.target_bound && p == op.slot)) reads.erase(p);
        }
        reads_above[i + 1] = std::move(reads);
    }
    // chain[i] is read by the operators chain[0..i-1]: reads_above[i].
    for (std::size_t i = chain.size(); i-- > 1;) {
        LogicalOperator& op = **chain[i];
        if (op.kind != LogicalOpKind::Expand) continue;
        const std::set<int>& reads = reads_above[i];
        if (reads.size() != 1 || *reads.begin() != op.slot) continue;
        auto collapse = std::make_unique<LogicalOperator>();
        collapse->kind = LogicalOpKind::Collapse;
        collapse->slot = op.slot;
        collapse->multiplicity_slot = aggregate.multiplicity_slot;
        collapse->detail =
            "(by " +
            (query_.slot_names[op.slot].empty() || query_.slot_names[op.slot][0] == ' ' ? std::string("_")
                                                                                        : query_.slot_names[op.slot]) +
            ")";
        collapse->children.push_back(std::move(*chain[i]));
        *chain[i] = std::move(collapse);
    }
}

const BoundPattern& Planner::join_patterns(const std::vector<const BoundMatch*>& matches) {
    auto joined = std::make_unique<BoundPattern>();
    int group = 0;
    for (const BoundMatch* m : matches) {
        const BoundPattern& p = m->pattern;
        const int node_offset = static_cast<int>(joined->nodes.size());
        const int rel_offset = static_cast<int>(joined->rels.size());
        for (const auto& n : p.nodes) {
            BoundNodePattern copy;
            copy.slot = n.slot;
            copy.bound_before = n.bound_before;
            copy.variable = n.variable;
            copy.labels = n.labels;
            for (const auto& [k, v] : n.properties) copy.properties.emplace_back(k, v->clone());
            if (n.properties_map) copy.properties_map = n.properties_map->clone();
            copy.offset = n.offset;
            copy.length = n.length;
            joined->nodes.push_back(std::move(copy));
        }
        for (const auto& r : p.rels) {
            BoundRelPattern copy;
            copy.slot = r.slot;
            copy.bound_before = r.bound_before;
            copy.variable = r.variable;
            copy.types = r.types;
            copy.direction = r.direction;
            copy.variable_length = r.variable_length;
            copy.min_hops = r.min_hops;
            copy.max_hops = r.max_hops;
            for (const auto& [k, v] : r.properties) copy.properties.emplace_back(k, v->clone());
            if (r.properties_map) copy.properties_map = r.properties_map->clone();
            copy.left = r.left + node_offset;
            copy.right = r.right + node_offset;
            copy.offset = r.offset;
            copy.length = r.length;
            copy.uniqueness_group = group;
            joined->rels.push_back(std::move(copy));
        }
        for (const auto& part : p.parts) {
            BoundPatternPart copy = part;
            for (int& n : copy.nodes) n += node_offset;
            for (int& r : copy.rels) r += rel_offset;
            joined->parts.push_back(std::move(copy));
        }
        ++group;
    }
    plan_.owned_patterns.push_back(std::move(joined));
    return *plan_.owned_patterns.back();
}

void Planner::check_connections(const BoundPattern& pattern) {
    const auto& catalog = store_.catalog();
    if (catalog.strict()) return;  // strict mode: the binder checks the declared endpoints
    auto labels_of = [&](const BoundNodePattern& n, std::vector<TypeId>& out) {
        if (n.labels.empty()) return true;  // any node
        for (const auto& name : n.labels[0]) {
            if (auto t = catalog.find_entity_type(name)) out.push_back(*t);
        }
        return !out.empty();
    };
    for (const auto& rel : pattern.rels) {
        if (rel.types.empty() || rel.variable_length) continue;
        const auto& left = pattern.nodes[rel.left];
        const auto& right = pattern.nodes[rel.right];
        if (left.labels.empty() && right.labels.empty()) continue;
        std::vector<TypeId> from_labels, to_labels, types;
        if (!labels_of(left, from_labels) || !labels_of(right, to_labels)) continue;  // unknown label: binder warned
        for (const auto& name : rel.types) {
            if (auto t = catalog.find_relation_type(name)) types.push_back(*t);
        }
        if (types.empty()) continue;
        std::size_t total = 0;
        for (TypeId t : types) total += store_.count_with_type(t);
        if (total == 0 || total > 2'000'000) continue;  // nothing to learn, or too costly to look
        // Does any relationship of these types join the two label sets (in the pattern's direction)?
        auto matches = [&](storage::NodeId n, const std::vector<TypeId>& labels) {
            if (labels.empty()) return true;
            for (TypeId l : labels) {
                if (store_.node_has_label(n, l)) return true;
            }
            return false;
        };
        bool found = false;
        const std::vector<TypeId>& start_labels = from_labels.empty() ? to_labels : from_labels;
        const std::vector<TypeId>& end_labels = from_labels.empty() ? from_labels : to_labels;
        bool start_is_left = !from_labels.empty();
        for (TypeId label : start_labels) {
            for (const auto* table : store_.tables_with_label(label)) {
                for (storage::NodeId n : table->row_node) {
                    if (n == storage::no_node) continue;
                    for (TypeId t : types) {
                        auto look = [&](storage::Direction d) {
                            for (const auto& e : store_.adjacency(n, t, d)) {
                                if (matches(e.neighbor, end_labels)) return true;
                            }
                            return false;
                        };
                        bool out_ok = rel.direction == RelDirection::Both ||
                                      (rel.direction == RelDirection::Outgoing) == start_is_left;
                        bool in_ok = rel.direction == RelDirection::Both ||
                                     (rel.direction == RelDirection::Incoming) == start_is_left;
                        if ((out_ok && look(storage::Direction::Out)) || (in_ok && look(storage::Direction::In))) {
                            found = true;
                            break;
                        }
                    }
                    if (found) break;
                }
                if (found) break;
            }
            if (found) break;
        }
        if (found) continue;
        auto names = [&](const BoundNodePattern& n) {
            std::string s = "(";
            for (std::size_t i = 0; !n.labels.empty() && i < n.labels[0].size(); ++i)
                s += (i ? "|" : ":") + n.labels[0][i];
            return s + ")";
        };
        std::string type_names;
        for (std::size_t i = 0; i < rel.types.size(); ++i) type_names += (i ? "|" : "") + rel.types[i];
        const bool reversed = rel.direction == RelDirection::Incoming;
        plan_.data_warnings.push_back({type_names + " never connects " + names(reversed ? right : left) + " to " +
                                           names(reversed ? left : right) +
                                           " in this graph: the pattern matches nothing",
                                       {rel.offset, rel.length}});
    }
}

LogicalOperatorPtr Planner::plan_match(const BoundMatch& match, LogicalOperatorPtr input, Bound& bound) {
    if (!query_.writes) check_connections(match.pattern);
    std::vector<const BoundExpression*> predicates;
    for (const auto& w : match.where) predicates.push_back(w.get());
    if (!match.optional) return plan_pattern(match.pattern, std::move(predicates), std::move(input), bound);
    Bound inner_bound = bound;
    auto inner =
        plan_pattern(match.pattern, std::move(predicates), make_op(LogicalOpKind::Argument, nullptr), inner_bound);
    auto op = make_op(LogicalOpKind::Optional, std::move(input));
    op->children.push_back(std::move(inner));
    op->slots = match.introduced_slots;
    for (int s : match.introduced_slots) bound.insert(s);
    return op;
}

double Planner::estimate_node(const BoundNodePattern& node) const {
    const auto& catalog = store_.catalog();
    double best = static_cast<double>(store_.node_count());
    // A KEY equality makes it a single lookup.
    for (const auto& alternatives : node.labels) {
        double group = 0;
        for (const auto& name : alternatives) {
            auto type = catalog.find_entity_type(name);
            if (!type) continue;
            group += static_cast<double>(store_.count_with_label(*type));
        }
        best = std::min(best, group);
        if (alternatives.size() == 1) {
            if (auto type = catalog.find_entity_type(alternatives[0])) {
                if (const auto* key = catalog.key_property(*type)) {
                    for (const auto& [k, v] : node.properties) {
                        if (k == key->name) return 0.5;
                    }
                }
            }
        }
    }
    if (!node.properties.empty()) best = best / 10 + 1;
    return best;
}

double Planner::estimate_plan_from(const BoundPattern& pattern, int start, const Bound& bound_before,
                                   const std::vector<bool>& rel_done_before, const std::set<int>& filtered) const {
    // Mirrors plan_pattern's greedy loop on estimates: rows after each step, summed.
    Bound bound = bound_before;
    std::vector<bool> done = rel_done_before;
    Arrivals arrivals;
    double rows = estimate_node(pattern.nodes[start]);
    double total = rows;
    double last_rows = 0;
    int last_target = -1;
    bound.insert(pattern.nodes[start].slot);
    auto label_count = [&](const BoundNodePattern& node) {
        double count = static_cast<double>(store_.node_count());
        if (!node.labels.empty()) {
            double group = 0;
            for (const auto& name : node.labels[0]) {
                if (auto t = store_.catalog().find_entity_type(name)) group += double(store_.count_with_label(*t));
            }
            count = group;
        }
        return std::max(1.0, count);
    };
    while (true) {
        int pick = -1, pick_score = -1;
        bool pick_left = true;
        double pick_fanout = std::numeric_limits<double>::max();
        for (std::size_t r = 0; r < pattern.rels.size(); ++r) {
            if (done[r]) continue;
            const auto& rel = pattern.rels[r];
            bool l = bound.count(pattern.nodes[rel.left].slot) > 0;
            bool rr = bound.count(pattern.nodes[rel.right].slot) > 0;
            int score = l && rr ? 3 : (l || rr) ? 2 : -1;
            if (score < 0) continue;
            const auto& from = pattern.nodes[l ? rel.left : rel.right];
            auto arrived = arrivals.find(from.slot);
            double fanout = estimate_fanout(rel, from, l, arrived == arrivals.end() ? nullptr : &arrived->second);
            if (score > pick_score || (score == pick_score && fanout < pick_fanout)) {
                pick = static_cast<int>(r);
                pick_score = score;
                pick_fanout = fanout;
                pick_left = l;
            }
        }
        if (pick < 0) break;
        const auto& rel = pattern.rels[pick];
        const auto& target = pattern.nodes[pick_left ? rel.right : rel.left];
        if (pick_score == 3) {
            rows *= std::min(1.0, pick_fanout / label_count(target));  // closing a cycle filters
        } else {
            rows *= pick_fanout;
        }
        total += rows;
        last_rows = rows;
        last_target = bound.count(target.slot) ? -1 : target.slot;
        done[pick] = true;
        bound.insert(rel.slot);
        if (!bound.count(target.slot)) arrivals[target.slot] = Arrival{&rel, !pick_left};
        bound.insert(target.slot);
    }
    // Under count(*) the last expansion is counted, not walked (ExpandCount), unless a
    // condition still has to look at what it reaches.
    if (counting_only_ && last_target >= 0 && !filtered.count(last_target)) total -= last_rows;
    return total;
}

// Statistics read a sample of a label's nodes, evenly spread over its tables: planning
// must stay cheap next to the queries it plans, and a few thousand nodes give the averages.
void Planner::for_sampled_nodes(const std::vector<TypeId>& labels,
                                const std::function<void(storage::NodeId)>& visit) const {
    constexpr std::size_t sample = 4096;
    std::vector<const storage::NodeTable*> tables;
    std::size_t rows = 0;
    for (TypeId label : labels) {
        for (const auto* t : store_.tables_with_label(label)) {
            if (std::find(tables.begin(), tables.end(), t) != tables.end()) continue;
            tables.push_back(t);
            rows += t->row_node.size();
        }
    }
    const std::size_t stride = std::max<std::size_t>(1, rows / sample);
    std::size_t position = 0;
    for (const auto* table : tables) {
        for (; position < table->row_node.size(); position += stride) {
            storage::NodeId n = table->row_node[position];
            if (n != storage::no_node) visit(n);
        }
        position -= table->row_node.size();
    }
}

double Planner::average_degree(const std::vector<TypeId>& labels, TypeId rel_type, storage::Direction dir) const {
    auto key = std::make_tuple(labels, rel_type, dir == storage::Direction::Out);
    if (auto it = degree_cache_.find(key); it != degree_cache_.end()) return it->second;
    // From the adjacency lists of the label's nodes (relation types such as IS_LOCATED_IN
    // join several label pairs with very different degrees), on a sample of them.
    double nodes = 0, edges = 0;
    for_sampled_nodes(labels, [&](storage::NodeId n) {
        nodes += 1;
        edges += static_cast<double>(store_.adjacency(n, rel_type, dir).size());
    });
    double degree = nodes > 0 ? edges / nodes : 0;
    degree_cache_.emplace(key, degree);
    return degree;
}

double Planner::estimate_fanout(const BoundRelPattern& rel, const BoundNodePattern& from, bool from_left,
                                const Arrival* arrival) const {
    const auto& catalog = store_.catalog();
    std::vector<TypeId> types;
    if (rel.types.empty()) {
        types = store_.relation_types_in_use();
    } else {
        for (const auto& name : rel.types) {
            if (auto t = catalog.find_relation_type(name)) types.push_back(*t);
        }
    }
    std::vector<TypeId> labels;
    if (!from.labels.empty()) {
        for (const auto& name : from.labels[0]) {
            if (auto t = catalog.find_entity_type(name)) labels.push_back(*t);
        }
    } else {
        labels = query_.slot_types[from.slot];
    }
    const bool out = rel.direction == RelDirection::Both || (rel.direction == RelDirection::Outgoing) == from_left;
    const bool in = rel.direction == RelDirection::Both || (rel.direction == RelDirection::Incoming) == from_left;
    if (arrival && arrival->rel && !labels.empty() && !rel.variable_length && !arrival->rel->variable_length) {
        const BoundRelPattern& a = *arrival->rel;
        std::vector<TypeId> arrival_types;
        if (a.types.empty()) {
            arrival_types = store_.relation_types_in_use();
        } else {
            for (const auto& name : a.types) {
                if (auto t = catalog.find_relation_type(name)) arrival_types.push_back(*t);
            }
        }
        const bool a_out =
            a.direction == RelDirection::Both || (a.direction == RelDirection::Outgoing) == arrival->node_is_left;
        const bool a_in =
            a.direction == RelDirection::Both || (a.direction == RelDirection::Incoming) == arrival->node_is_left;
        double w = weighted_degree(labels, types, out, in, arrival_types, a_out, a_in);
        if (w >= 0) return w;
    }
    double fanout = 0;
    for (TypeId t : types) {
        if (labels.empty()) {
            // Any node: the type's relationships per node.
            fanout += static_cast<double>(store_.count_with_type(t)) /
                      std::max<double>(1.0, double(store_.node_count())) * ((out ? 1 : 0) + (in ? 1 : 0));
            continue;
        }
        if (out) fanout += average_degree(labels, t, storage::Direction::Out);
        if (in) fanout += average_degree(labels, t, storage::Direction::In);
    }
    if (rel.variable_length) fanout *= 10;
    return fanout;
}

double Planner::weighted_degree(const std::vector<TypeId>& labels, const std::vector<TypeId>& next_types, bool next_out,
                                bool next_in, const std::vector<TypeId>& arrival_types, bool arrival_out,
                                bool arrival_in) const {
    std::vector<std::int64_t> key;
    auto add = [&](const std::vector<TypeId>& v) {
        key.push_back(static_cast<std::int64_t>(v.size()));
        key.insert(key.end(), v.begin(), v.end());
    };
    add(labels);
    add(next_types);
    add(arrival_types);
    key.push_back(next_out * 8 + next_in * 4 + arrival_out * 2 + arrival_in);
    if (auto it = weighted_degree_cache_.find(key); it != weighted_degree_cache_.end()) return it->second;
    auto degree = [&](storage::NodeId n, const std::vector<TypeId>& types, bool out, bool in) {
        std::size_t d = 0;
        for (TypeId t : types) {
            if (out) d += store_.adjacency(n, t, storage::Direction::Out).size();
            if (in) d += store_.adjacency(n, t, storage::Direction::In).size();
        }
        return static_cast<double>(d);
    };
    double arrivals = 0, onward = 0;
    for_sampled_nodes(labels, [&](storage::NodeId n) {
        double a = degree(n, arrival_types, arrival_out, arrival_in);
        if (a == 0) return;
        arrivals += a;
        onward += a * degree(n, next_types, next_out, next_in);
    });
    double result = arrivals > 0 ? onward / arrivals : -1;  // -1: nobody arrives, no opinion
    weighted_degree_cache_.emplace(std::move(key), result);
    return result;
}

std::vector<TypeId> Planner::resolve_rel_types(const std::vector<std::string>& names, bool& impossible) const {
    std::vector<TypeId> out;
    for (const auto& n : names) {
        if (auto t = store_.catalog().find_relation_type(n)) {
            if (std::find(out.begin(), out.end(), *t) == out.end()) out.push_back(*t);
        }
    }
    if (!names.empty() && out.empty()) impossible = true;
    return out;
}

void Planner::add_node_constraints(const BoundNodePattern& node, std::vector<const BoundExpression*>& out,
                                   bool skip_first_label_group) {
    for (std::size_t g = skip_first_label_group ? 1 : 0; g < node.labels.size(); ++g) {
        const auto& alternatives = node.labels[g];
        ExprPtr check;
        for (const auto& label : alternatives) {
            auto e = std::make_unique<BoundExpression>();
            e->kind = ExprKind::LabelCheck;
            e->keys = {label};
            e->children.push_back(variable_ref(node.slot));
            if (!check) {
                check = std::move(e);
            } else {
                auto either = std::make_unique<BoundExpression>();
                either->kind = ExprKind::Or;
                either->children.push_back(std::move(check));
                either->children.push_back(std::move(e));
                check = std::move(either);
            }
        }
        if (check) out.push_back(own(std::move(check)));
    }
    for (const auto& [key, value] : node.properties) {
        auto prop = std::make_unique<BoundExpression>();
        prop->kind = ExprKind::Property;
        prop->name = key;
        prop->children.push_back(variable_ref(node.slot));
        auto eq = std::make_unique<BoundExpression>();
        eq->kind = ExprKind::Equal;
        eq->children.push_back(std::move(prop));
        eq->children.push_back(value->clone());
        out.push_back(own(std::move(eq)));
    }
    if (node.properties_map) {
        auto check = std::make_unique<BoundExpression>();
        check->kind = ExprKind::Function;
        check->name = "  properties_match";
        check->children.push_back(variable_ref(node.slot));
        check->children.push_back(node.properties_map->clone());
        out.push_back(own(std::move(check)));
    }
}

void Planner::add_rel_constraints(const BoundRelPattern& rel, std::vector<const BoundExpression*>& out) {
    if (rel.variable_length) return;  // checked on every hop by VarExpand
    for (const auto& [key, value] : rel.properties) {
        auto prop = std::make_unique<BoundExpression>();
        prop->kind = ExprKind::Property;
        prop->name = key;
        prop->children.push_back(variable_ref(rel.slot));
        auto eq = std::make_unique<BoundExpression>();
        eq->kind = ExprKind::Equal;
        eq->children.push_back(std::move(prop));
        eq->children.push_back(value->clone());
        out.push_back(own(std::move(eq)));
    }
    if (rel.properties_map) {
        auto check = std::make_unique<BoundExpression>();
        check->kind = ExprKind::Function;
        check->name = "  properties_match";
        check->children.push_back(variable_ref(rel.slot));
        check->children.push_back(rel.properties_map->clone());
        out.push_back(own(std::move(check)));
    }
}

LogicalOperatorPtr Planner::apply_ready_filters(LogicalOperatorPtr input, std::vector<const BoundExpression*>& pending,
                                                const Bound& bound, bool force) {
    std::vector<const BoundExpression*> ready;
    std::vector<const BoundExpression*> rest;
    for (const auto* p : pending) {
        std::set<int> slots;
        bool opaque = false;
        referenced_slots(*p, slots, opaque);
        bool ok =
            force || (!opaque && std::all_of(slots.begin(), slots.end(), [&](int s) { return bound.count(s) > 0; }));
        (ok ? ready : rest).push_back(p);
    }
    pending = std::move(rest);
    if (ready.empty()) return input;
    auto op = make_op(LogicalOpKind::Filter, std::move(input));
    op->expressions = std::move(ready);
    return op;
}

LogicalOperatorPtr Planner::plan_pattern(const BoundPattern& pattern, std::vector<const BoundExpression*> predicates,
                                         LogicalOperatorPtr input, Bound& bound) {
    const auto& catalog = store_.catalog();
    LogicalOperatorPtr plan = std::move(input);
    std::vector<bool> rel_done(pattern.rels.size(), false);
    // Relationships matched so far, with their uniqueness group (MATCH clause).
    // A relationship can only repeat one of the same clause whose types may overlap.
    std::vector<const BoundRelPattern*> matched_rels, matched_rel_lists;
    Arrivals arrivals;  // how each node the walk reached was reached (for fan-out estimates)
    // Variables the pending WHERE conditions read, other than `a <> b` (which an expansion
    // absorbs): an expansion to one of them cannot be merely counted.
    auto filtered_slots = [&]() {
        std::set<int> out;
        for (const auto* p : predicates) {
            if (p->kind == ExprKind::NotEqual && p->children[0]->kind == ExprKind::Variable &&
                p->children[1]->kind == ExprKind::Variable)
                continue;
            bool opaque = false;
            referenced_slots(*p, out, opaque);
        }
        return out;
    };
    auto same_group = [](const std::vector<const BoundRelPattern*>& matched, const BoundRelPattern& rel) {
        std::vector<int> slots;
        for (const BoundRelPattern* m : matched) {
            if (m->uniqueness_group != rel.uniqueness_group) continue;
            bool overlap = m->types.empty() || rel.types.empty();
            for (const auto& t : m->types) {
                overlap = overlap || std::find(rel.types.begin(), rel.types.end(), t) != rel.types.end();
            }
            if (overlap) slots.push_back(m->slot);
        }
        return slots;
    };
    // Every occurrence of a node slot contributes its constraints once the slot is bound.
    auto node_constraints_for = [&](int slot, int scanned_occurrence) {
        std::vector<const BoundExpression*> out;
        for (std::size_t i = 0; i < pattern.nodes.size(); ++i) {
            if (pattern.nodes[i].slot != slot) continue;
            add_node_constraints(pattern.nodes[i], out, static_cast<int>(i) == scanned_occurrence);
        }
        return out;
    };
    plan = apply_ready_filters(std::move(plan), predicates, bound, false);

    auto scan_node = [&](int index) {
        const BoundNodePattern& node = pattern.nodes[index];
        // KEY lookup when a {key: value} of a keyed type is given.
        int scanned = -1;
        LogicalOperatorPtr op;
        if (node.labels.size() >= 1 && node.labels[0].size() == 1) {
            if (auto type = catalog.find_entity_type(node.labels[0][0])) {
                if (const auto* key = catalog.key_property(*type)) {
                    for (const auto& [k, v] : node.properties) {
                        if (k != key->name) continue;
                        std::set<int> slots;
                        bool opaque = false;
                        referenced_slots(*v, slots, opaque);
                        if (opaque || !std::all_of(slots.begin(), slots.end(), [&](int s) { return bound.count(s); }))
                            continue;
                        op = make_op(LogicalOpKind::NodeByKey, std::move(plan));
                        op->slot = node.slot;
                        op->key_type = *type;
                        op->key_expression = v.get();
                        op->detail = "(" + node.variable + label_text(node.labels) + " {" + k + "})";
                        break;
                    }
                }
            }
        }
        if (!op) {
            op = make_op(LogicalOpKind::NodeScan, std::move(plan));
            op->slot = node.slot;
            // Scan the most selective label group; check the others as filters.
            std::size_t best_group = 0;
            double best = std::numeric_limits<double>::max();
            for (std::size_t g = 0; g < node.labels.size(); ++g) {
                double count = 0;
                for (const auto& name : node.labels[g]) {
                    if (auto t = catalog.find_entity_type(name)) count += double(store_.count_with_label(*t));
                }
                if (count < best) {
                    best = count;
                    best_group = g;
                }
            }
            const auto& inferred = query_.slot_types[node.slot];
            if (node.labels.empty() && !inferred.empty() && query_.slot_kinds[node.slot] == VariableKind::Node) {
                // No label, but the schema says which types the node can have (the endpoints
                // of a relation it touches): scan only those.
                std::vector<TypeId> group(inferred.begin(), inferred.end());
                op->labels.push_back(group);
                for (TypeId t : group) op->scan_label_names.push_back(catalog.entity_type(t).name);
            }
            if (!node.labels.empty()) {
                std::vector<TypeId> group;
                for (const auto& name : node.labels[best_group]) {
                    if (auto t = catalog.find_entity_type(name)) group.push_back(*t);
                }
                if (group.empty()) op->impossible = true;
                op->labels.push_back(group);
                op->scan_label_names = node.labels[best_group];
                if (best_group == 0) scanned = index;
                else {
                    // Scanning a later group: the first group becomes a filter like the rest.
                    scanned = -1;
                }
            }
            op->detail = "(" + node.variable + label_text(node.labels) + ")";
            if (node.labels.empty() && !op->scan_label_names.empty()) {
                op->detail += " inferred types: ";
                for (std::size_t i = 0; i < op->scan_label_names.size(); ++i)
                    op->detail += (i ? " | " : "") + op->scan_label_names[i];
            }
        } else {
            scanned = index;
        }
        bound.insert(node.slot);
        plan = std::move(op);
        auto constraints = node_constraints_for(node.slot, scanned);
        predicates.insert(predicates.begin(), constraints.begin(), constraints.end());
        if (plan->kind == LogicalOpKind::NodeScan) hash_join_scan(*plan, predicates, bound);
        plan = apply_ready_filters(std::move(plan), predicates, bound, false);
    };

    auto expand = [&](int r, bool from_left) {
        const BoundRelPattern& rel = pattern.rels[r];
        const BoundNodePattern& from = pattern.nodes[from_left ? rel.left : rel.right];
        const BoundNodePattern& to = pattern.nodes[from_left ? rel.right : rel.left];
        auto op = make_op(rel.variable_length ? LogicalOpKind::VarExpand : LogicalOpKind::Expand, std::move(plan));
        op->from_slot = from.slot;
        op->slot = to.slot;
        op->rel_slot = rel.slot;
        op->target_bound = bound.count(to.slot) > 0;
        op->rel_types = resolve_rel_types(rel.types, op->impossible);
        op->rel_type_names = rel.types;
        op->direction = rel.direction;
        if (!from_left && rel.direction != RelDirection::Both) {
            op->direction = rel.direction == RelDirection::Outgoing ? RelDirection::Incoming : RelDirection::Outgoing;
        }
        op->min_hops = rel.min_hops;
        op->max_hops = rel.max_hops;
        op->reverse_rel_list = !from_left;
        op->distinct_from_rels = same_group(matched_rels, rel);
        op->distinct_from_rel_lists = same_group(matched_rel_lists, rel);
        if (rel.bound_before) op->expressions.push_back(own(variable_ref(rel.slot)));
        if (rel.variable_length) {
            for (const auto& [k, v] : rel.properties) op->rel_properties.emplace_back(k, v.get());
        }
        std::string types;
        for (std::size_t i = 0; i < rel.types.size(); ++i) types += (i ? "|" : ":") + rel.types[i];
        std::string range = rel.variable_length ? "*" + std::to_string(rel.min_hops) + ".." +
                                                      (rel.max_hops < 0 ? std::string() : std::to_string(rel.max_hops))
                                                : "";
        const char* left_arrow = op->direction == RelDirection::Incoming ? "<-" : "-";
        const char* right_arrow = op->direction == RelDirection::Outgoing ? "->" : "-";
        op->detail = "(" + from.variable + ")" + left_arrow + "[" + rel.variable + types + range + "]" + right_arrow +
                     "(" + to.variable + ")" + (op->target_bound ? " into" : "");
        (rel.variable_length ? matched_rel_lists : matched_rels).push_back(&rel);
        bound.insert(rel.slot);
        bool new_target = !bound.count(to.slot);
        if (new_target) arrivals[to.slot] = Arrival{&rel, !from_left};
        bound.insert(to.slot);
        plan = std::move(op);
        std::vector<const BoundExpression*> constraints;
        add_rel_constraints(rel, constraints);
        if (new_target) {
            auto c = node_constraints_for(to.slot, -1);
            constraints.insert(constraints.end(), c.begin(), c.end());
        }
        predicates.insert(predicates.begin(), constraints.begin(), constraints.end());
        plan = apply_ready_filters(std::move(plan), predicates, bound, false);
        fold_inequalities(plan);
        rel_done[r] = true;
    };

    // Nodes bound by earlier clauses still need this pattern's constraints checked.
    for (const auto& node : pattern.nodes) {
        if (bound.count(node.slot)) {
            auto c = node_constraints_for(node.slot, -1);
            predicates.insert(predicates.begin(), c.begin(), c.end());
        }
    }
    plan = apply_ready_filters(std::move(plan), predicates, bound, false);

    // Shortest paths: their endpoints first, then the path search.
    for (const auto& part : pattern.parts) {
        if (part.shortest == ShortestMode::None) continue;
        for (int n : part.nodes) {
            if (!bound.count(pattern.nodes[n].slot)) scan_node(n);
        }
        const BoundRelPattern& rel = pattern.rels[part.rels[0]];
        auto op = make_op(LogicalOpKind::ShortestPath, std::move(plan));
        op->from_slot = pattern.nodes[rel.left].slot;
        op->slot = pattern.nodes[rel.right].slot;
        op->rel_slot = rel.slot;
        op->rel_types = resolve_rel_types(rel.types, op->impossible);
        op->rel_type_names = rel.types;
        op->direction = rel.direction;
        op->min_hops = rel.min_hops;
        op->max_hops = rel.max_hops;
        op->all_shortest = part.shortest == ShortestMode::AllShortest;
        op->detail = std::string(op->all_shortest ? "allShortestPaths" : "shortestPath");
        bound.insert(rel.slot);
        plan = std::move(op);
        rel_done[part.rels[0]] = true;
        matched_rel_lists.push_back(&rel);
        plan = apply_ready_filters(std::move(plan), predicates, bound, false);
    }

    while (true) {
        // Prefer closing a cycle (both ends bound), then the expansion with the smallest
        // estimated fan-out (relationships of the types per node of the bound side's label).
        int pick = -1;
        bool pick_left = true;
        int pick_score = -1;
        double pick_fanout = std::numeric_limits<double>::max();
        for (std::size_t r = 0; r < pattern.rels.size(); ++r) {
            if (rel_done[r]) continue;
            const auto& rel = pattern.rels[r];
            bool l = bound.count(pattern.nodes[rel.left].slot) > 0;
            bool rr = bound.count(pattern.nodes[rel.right].slot) > 0;
            int score = l && rr ? 3 : (l || rr) ? 2 : -1;
            double fanout = 0;
            if (score == 2) {
                const auto& from = pattern.nodes[l ? rel.left : rel.right];
                auto arrived = arrivals.find(from.slot);
                fanout = estimate_fanout(rel, from, l, arrived == arrivals.end() ? nullptr : &arrived->second);
            }
            if (score > pick_score || (score == pick_score && score == 2 && fanout < pick_fanout)) {
                pick_score = score;
                pick_fanout = fanout;
                pick = static_cast<int>(r);
                pick_left = l;
            }
        }
        if (pick >= 0 && pick_score >= 2) {
            expand(pick, pick_left);
            continue;
        }
        // Nothing connects: start a new component where the whole greedy plan from there
        // is estimated to produce the fewest intermediate rows.
        int best = -1;
        double best_cost = std::numeric_limits<double>::max();
        for (std::size_t n = 0; n < pattern.nodes.size(); ++n) {
            if (bound.count(pattern.nodes[n].slot)) continue;
            // Simulating every start is quadratic per start: only for patterns of sensible size.
            double cost = pattern.nodes.size() <= 64
                              ? estimate_plan_from(pattern, static_cast<int>(n), bound, rel_done, filtered_slots())
                              : estimate_node(pattern.nodes[n]);
            if (counting_only_) {
                // Factorised counting (Collapse) merges rows as a walk leaves nodes behind, which
                // works from an end of the pattern, not from its middle: favour the ends.
                int touching = 0;
                for (const auto& rel : pattern.rels) {
                    touching += pattern.nodes[rel.left].slot == pattern.nodes[n].slot;
                    touching += pattern.nodes[rel.right].slot == pattern.nodes[n].slot;
                }
                if (touching <= 1) cost /= 100;
            }

            if (cost < best_cost) {
                best_cost = cost;
                best = static_cast<int>(n);
            }
        }
        if (best < 0) break;
        scan_node(best);
    }

    // Named paths.
    for (const auto& part : pattern.parts) {
        if (part.path_slot < 0) continue;
        auto build = std::make_unique<BoundExpression>();
        build->kind = ExprKind::PathBuild;
        for (std::size_t i = 0; i < part.nodes.size(); ++i) {
            build->path_slots.push_back(pattern.nodes[part.nodes[i]].slot);
            build->rel_is_list.push_back(false);
            if (i < part.rels.size()) {
                const auto& rel = pattern.rels[part.rels[i]];
                build->path_slots.push_back(rel.slot);
                build->rel_is_list.push_back(rel.variable_length);
            }
        }
        auto proj = make_op(LogicalOpKind::Project, std::move(plan));
        proj->expressions.push_back(own(std::move(build)));
        proj->slots.push_back(part.path_slot);
        bound.insert(part.path_slot);
        plan = std::move(proj);
    }
    return apply_ready_filters(std::move(plan), predicates, bound, true);
}

void Planner::fold_inequalities(LogicalOperatorPtr& plan) {
    if (plan->kind != LogicalOpKind::Filter) return;
    LogicalOperator& expand = *plan->children[0];
    if (expand.kind != LogicalOpKind::Expand || expand.target_bound) return;
    std::vector<const BoundExpression*> kept;
    for (const auto* p : plan->expressions) {
        bool folded = false;
        if (p->kind == ExprKind::NotEqual && p->children[0]->kind == ExprKind::Variable &&
            p->children[1]->kind == ExprKind::Variable) {
            int a = p->children[0]->slot, b = p->children[1]->slot;
            int other = a == expand.slot ? b : b == expand.slot ? a : -1;
            if (other >= 0 && other != expand.slot && query_.slot_kinds[other] == VariableKind::Node &&
                query_.slot_kinds[expand.slot] == VariableKind::Node) {
                expand.excluded_targets.push_back(other);
                folded = true;
            }
        }
        if (!folded) kept.push_back(p);
    }
    if (kept.size() == plan->expressions.size()) return;
    if (kept.empty()) {
        plan = std::move(plan->children[0]);
    } else {
        plan->expressions = std::move(kept);
    }
}

void Planner::count_last_expansion(LogicalOperator& aggregate) {
    const BoundProjection& projection = *aggregate.projection;
    if (!projection.key_items.empty() || projection.aggregates.empty()) return;
    for (const auto& a : projection.aggregates) {
        if (a.function != "count" || a.argument || a.distinct) return;  // count(*) only
    }
    // Walk down through label filters on one slot to an Expand that binds that slot.
    LogicalOperatorPtr* link = &aggregate.children[0];
    std::vector<std::vector<std::string>> labels;
    int filtered_slot = -1;
    auto label_group = [](const BoundExpression& e, int& slot, std::vector<std::string>& names) {
        // LabelCheck(var) or an Or of them (label alternatives), as add_node_constraints makes.
        std::vector<const BoundExpression*> stack{&e};
        while (!stack.empty()) {
            const BoundExpression* cur = stack.back();
            stack.pop_back();
            if (cur->kind == ExprKind::Or) {
                stack.push_back(cur->children[0].get());
                stack.push_back(cur->children[1].get());
                continue;
            }
            if (cur->kind != ExprKind::LabelCheck || cur->children[0]->kind != ExprKind::Variable) return false;
            int s = cur->children[0]->slot;
            if (slot >= 0 && slot != s) return false;
            slot = s;
            names.insert(names.end(), cur->keys.begin(), cur->keys.end());
        }
        return true;
    };
    // target <> other: counted as "all but the other node" (LSQB's tag1 <> tag2).
    std::vector<std::pair<int, int>> inequalities;  // (one side, the other side) slots
    while ((*link)->kind == LogicalOpKind::Filter) {
        for (const auto* predicate : (*link)->expressions) {
            if (predicate->kind == ExprKind::NotEqual && predicate->children[0]->kind == ExprKind::Variable &&
                predicate->children[1]->kind == ExprKind::Variable &&
                query_.slot_kinds[predicate->children[0]->slot] == VariableKind::Node &&
                query_.slot_kinds[predicate->children[1]->slot] == VariableKind::Node) {
                inequalities.emplace_back(predicate->children[0]->slot, predicate->children[1]->slot);
                continue;
            }
            std::vector<std::string> names;
            if (!label_group(*predicate, filtered_slot, names)) return;
            labels.push_back(std::move(names));
        }
        link = &(*link)->children[0];
    }
    LogicalOperator& expand = **link;
    if (expand.kind != LogicalOpKind::Expand || !expand.expressions.empty()) return;
    if (filtered_slot >= 0 && filtered_slot != expand.slot) return;
    std::vector<int> excluded;
    for (const auto& [a, b] : inequalities) {
        if (a == expand.slot && b != expand.slot) excluded.push_back(b);
        else if (b == expand.slot && a != expand.slot) excluded.push_back(a);
        else return;  // an inequality not about the counted node
    }
    // The relationship and the target are read by nobody above: count them instead.
    auto counted = std::make_unique<LogicalOperator>();
    *counted = std::move(expand);
    counted->kind = LogicalOpKind::ExpandCount;
    counted->target_label_names = std::move(labels);
    counted->excluded_targets.insert(counted->excluded_targets.end(), excluded.begin(), excluded.end());
    counted->multiplicity_slot = plan_.slot_count++;
    counted->detail += " (counted)";
    aggregate.multiplicity_slot = counted->multiplicity_slot;
    // The label filters above are now inside the count.
    aggregate.children[0] = std::move(counted);
}

LogicalOperatorPtr Planner::plan_merge(const BoundMerge& merge, LogicalOperatorPtr input, Bound& bound) {
    Bound inner_bound = bound;
    // MERGE matches again after each row's creation: a hash table built once would miss them.
    const bool hash_joins = hash_joins_allowed_;
    hash_joins_allowed_ = false;
    auto inner = plan_pattern(merge.pattern, {}, make_op(LogicalOpKind::Argument, nullptr), inner_bound);
    hash_joins_allowed_ = hash_joins;
    auto op = make_op(LogicalOpKind::Merge, std::move(input));
    op->children.push_back(std::move(inner));
    op->merge = &merge;
    op->slots = merge.introduced_slots;
    for (int s : merge.introduced_slots) bound.insert(s);
    // A named path is (re)built from the matched or created elements.
    LogicalOperatorPtr plan = std::move(op);
    for (const auto& part : merge.pattern.parts) {
        if (part.path_slot < 0) continue;
        auto build = std::make_unique<BoundExpression>();
        build->kind = ExprKind::PathBuild;
        for (std::size_t i = 0; i < part.nodes.size(); ++i) {
            build->path_slots.push_back(merge.pattern.nodes[part.nodes[i]].slot);
            build->rel_is_list.push_back(false);
            if (i < part.rels.size()) {
                build->path_slots.push_back(merge.pattern.rels[part.rels[i]].slot);
                build->rel_is_list.push_back(false);
            }
        }
        auto proj = make_op(LogicalOpKind::Project, std::move(plan));
        proj->expressions.push_back(own(std::move(build)));
        proj->slots.push_back(part.path_slot);
        plan = std::move(proj);
    }
    return plan;
}

LogicalOperatorPtr Planner::plan_projection(const BoundProjection& projection, LogicalOperatorPtr input, Bound& bound) {
    LogicalOperatorPtr plan = std::move(input);
    if (projection.aggregating) {
        auto agg = make_op(LogicalOpKind::Aggregate, std::move(plan));
        agg->projection = &projection;
        count_last_expansion(*agg);
        collapse_counted_chain(*agg);
        count_natively(*agg);
        plan = std::move(agg);
        // Items that hold aggregates are computed from the aggregated row.
        auto proj = make_op(LogicalOpKind::Project, std::move(plan));
        for (std::size_t i = 0; i < projection.items.size(); ++i) {
            bool key = std::find(projection.key_items.begin(), projection.key_items.end(), int(i)) !=
                       projection.key_items.end();
            if (key) continue;
            proj->expressions.push_back(projection.items[i].expression.get());
            proj->slots.push_back(projection.items[i].slot);
        }
        plan = std::move(proj);
    } else {
        auto proj = make_op(LogicalOpKind::Project, std::move(plan));
        for (const auto& item : projection.items) {
            proj->expressions.push_back(item.expression.get());
            proj->slots.push_back(item.slot);
        }
        plan = std::move(proj);
    }
    for (const auto& item : projection.items) bound.insert(item.slot);
    for (const auto& a : projection.aggregates) bound.insert(a.slot);
    if (projection.distinct) {
        auto d = make_op(LogicalOpKind::Distinct, std::move(plan));
        for (const auto& item : projection.items) d->slots.push_back(item.slot);
        plan = std::move(d);
    }
    if (!projection.order_by.empty()) {
        auto s = make_op(LogicalOpKind::Sort, std::move(plan));
        for (const auto& k : projection.order_by) s->sort_keys.push_back(&k);
        plan = std::move(s);
    }
    if (projection.skip) {
        auto s = make_op(LogicalOpKind::Skip, std::move(plan));
        s->expressions.push_back(projection.skip.get());
        plan = std::move(s);
    }
    if (projection.limit) {
        auto s = make_op(LogicalOpKind::Limit, std::move(plan));
        s->expressions.push_back(projection.limit.get());
        plan = std::move(s);
    }
    if (!projection.where.empty()) {
        auto f = make_op(LogicalOpKind::Filter, std::move(plan));
        for (const auto& w : projection.where) f->expressions.push_back(w.get());
        plan = std::move(f);
    }
    return plan;
}

}  // namespace kgq::planner
