// engine/binder/bind_schema_checks.cpp — what the binder knows from the schema: unknown
// labels, relation types and properties (errors with "did you mean" in strict mode, warnings
// in open mode), the set of types each node and relationship variable can have, inferred
// from labels and from the declared endpoints of the relations it touches, and patterns that
// can never match those endpoints.
#include "binder/binder.hpp"

#include "binder/name_suggestion.hpp"
#include "parser.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace kgq::binder {
namespace {

std::vector<std::string> entity_type_names(const catalog::Catalog& c) {
    std::vector<std::string> names;
    for (catalog::TypeId t = 0; t < c.entity_type_count(); ++t) names.push_back(c.entity_type(t).name);
    return names;
}

std::vector<std::string> relation_type_names(const catalog::Catalog& c) {
    std::vector<std::string> names;
    for (catalog::TypeId t = 0; t < c.relation_type_count(); ++t) names.push_back(c.relation_type(t).name);
    return names;
}

// A node known to be of one of `types` may be of type `endpoint` (either way round: a
// supertype label may hold nodes of the endpoint's subtypes).
bool compatible(const catalog::Catalog& c, const std::vector<catalog::TypeId>& types, catalog::TypeId endpoint) {
    if (types.empty()) return true;
    for (catalog::TypeId t : types) {
        if (c.is_subtype(t, endpoint) || c.is_subtype(endpoint, t)) return true;
    }
    return false;
}

std::string join_names(const catalog::Catalog& c, const std::vector<catalog::TypeId>& types) {
    std::string out;
    for (std::size_t i = 0; i < types.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == types.size() ? " or " : ", ") + c.entity_type(types[i]).name;
    }
    return out;
}

}  // namespace

std::vector<catalog::TypeId>& Binder::slot_types(int slot) { return query_->slot_types[slot]; }

void Binder::warn(std::string code, std::string message, const ast::Located& at) {
    Warning w;
    w.code = std::move(code);
    w.message = std::move(message);
    w.offset = at.begin;
    w.length = at.end > at.begin ? at.end - at.begin : 1;
    auto lc = grammar::line_column(text_, at.begin);
    w.line = lc.line;
    w.column = lc.column;
    for (const auto& existing : query_->warnings) {
        if (existing.message == w.message && existing.offset == w.offset) return;
    }
    query_->warnings.push_back(std::move(w));
}

std::vector<catalog::TypeId> Binder::check_node_labels(const ast::NodePattern& node, PatternUse use) {
    const auto& c = catalog_;
    for (const auto& group : node.labels) {
        for (const auto& name : group) {
            auto type = c.find_entity_type(name);
            if (!type) {
                if (c.strict()) {
                    fail(ErrorKind::Schema, "SchemaError", "UnknownNodeType",
                         "Unknown node type '" + name + "'" + did_you_mean(name, entity_type_names(c)), node);
                }
                if (use == PatternUse::Match && !writes_so_far_) {
                    warn("UnknownLabel",
                         "No node has label `" + name + "`: this pattern matches nothing" +
                             did_you_mean(name, entity_type_names(c)),
                         node);
                }
                continue;
            }
            if (use == PatternUse::Create && c.strict() && c.entity_type(*type).abstract) {
                fail(ErrorKind::Schema, "SchemaError", "AbstractNodeType",
                     "Node type '" + name + "' is abstract: create one of its subtypes", node);
            }
        }
    }
    std::vector<catalog::TypeId> types;
    if (c.strict() && !node.labels.empty()) {
        for (const auto& name : node.labels[0]) {
            if (auto t = c.find_entity_type(name)) types.push_back(*t);
        }
    }
    return types;
}

std::vector<catalog::TypeId> Binder::check_rel_types(const ast::RelationshipPattern& rel, PatternUse use) {
    const auto& c = catalog_;
    std::vector<catalog::TypeId> types;
    for (const auto& name : rel.types) {
        auto type = c.find_relation_type(name);
        if (!type) {
            if (c.strict()) {
                fail(ErrorKind::Schema, "SchemaError", "UnknownRelationType",
                     "Unknown relation type '" + name + "'" + did_you_mean(name, relation_type_names(c)), rel);
            }
            if (use == PatternUse::Match && !writes_so_far_) {
                warn("UnknownRelationType",
                     "No relationship has type `" + name + "`: this pattern matches nothing" +
                         did_you_mean(name, relation_type_names(c)),
                     rel);
            }
            continue;
        }
        if (c.strict()) types.push_back(*type);
    }
    return types;
}

void Binder::check_property_access(const BoundExpression& base, const std::string& key, const ast::Located& at) {
    if (base.kind != ExprKind::Variable || base.slot < 0) return;
    VariableKind kind = query_->slot_kinds[base.slot];
    if (kind != VariableKind::Node && kind != VariableKind::Relationship) return;
    const auto& c = catalog_;
    const auto& types = query_->slot_types[base.slot];
    if (!c.strict()) {
        if (!c.find_property_key(key) && !writes_so_far_) {
            warn("UnknownProperty",
                 std::string("No ") + (kind == VariableKind::Node ? "node" : "relationship") + " has a property `" +
                     key + "`: it is always null",
                 at);
        }
        return;
    }
    if (types.empty()) return;
    std::set<std::string> names;
    if (kind == VariableKind::Node) {
        for (catalog::TypeId t : types) {
            // Properties of the type, its ancestors and its subtypes: a node matched by a
            // supertype label may be of any subtype.
            for (catalog::TypeId sub : c.subtypes(t)) {
                for (const auto* p : c.properties_of(sub)) names.insert(p->name);
            }
        }
    } else {
        for (catalog::TypeId t : types) {
            for (const auto& p : c.relation_type(t).properties) names.insert(p.name);
        }
    }
    if (names.count(key)) return;
    std::string owner;
    for (std::size_t i = 0; i < types.size(); ++i) {
        owner += (i ? " or " : "") +
                 (kind == VariableKind::Node ? c.entity_type(types[i]).name : c.relation_type(types[i]).name);
    }
    fail(ErrorKind::Schema, "SchemaError", "UnknownProperty",
         "Unknown property '" + key + "' on " + owner +
             did_you_mean(key, std::vector<std::string>(names.begin(), names.end())),
         at);
}

catalog::LogicalType Binder::declared_property_type(const BoundExpression& base, const std::string& key) const {
    const auto& c = catalog_;
    if (!c.strict() || base.kind != ExprKind::Variable || base.slot < 0) return {};
    VariableKind kind = query_->slot_kinds[base.slot];
    const auto& types = query_->slot_types[base.slot];
    auto k = c.find_property_key(key);
    if (types.empty() || !k) return {};
    std::optional<catalog::LogicalType> found;
    auto consider = [&](const catalog::PropertyDef* def) {
        if (!def) return;
        if (found && !(*found == def->type)) found = catalog::LogicalType::any();
        else if (!found) found = def->type;
    };
    for (catalog::TypeId t : types) {
        if (kind == VariableKind::Node) {
            for (catalog::TypeId sub : c.subtypes(t)) consider(c.find_property(sub, *k));
        } else if (kind == VariableKind::Relationship) {
            consider(c.find_relation_property(t, *k));
        }
    }
    return found.value_or(catalog::LogicalType::any());
}

namespace {

bool is_number(catalog::TypeKind k) { return k == catalog::TypeKind::Int || k == catalog::TypeKind::Float; }

// Kinds whose values are compared with each other at all (numbers with numbers, ...).
bool comparable_kinds(catalog::TypeKind a, catalog::TypeKind b) {
    using catalog::TypeKind;
    if (a == TypeKind::Any || b == TypeKind::Any || a == TypeKind::Null || b == TypeKind::Null) return true;
    if (is_number(a) && is_number(b)) return true;
    return a == b;
}

}  // namespace

void Binder::check_comparable(const BoundExpression& a, const BoundExpression& b, const ast::Located& at) {
    if (comparable_kinds(a.type.kind, b.type.kind)) return;
    // Only where the schema told us a type: literals against literals are openCypher's business.
    bool from_schema = a.kind == ExprKind::Property || b.kind == ExprKind::Property || a.kind == ExprKind::Parameter ||
                       b.kind == ExprKind::Parameter;
    if (!from_schema) return;
    std::string message =
        "Cannot compare " + a.type.to_string() + " with " + b.type.to_string() + ": the comparison is never true";
    if (catalog_.strict()) fail(ErrorKind::Type, "TypeError", "IncomparableTypes", message, at);
    warn("IncomparableTypes", message, at);
}

void Binder::check_arithmetic_operand(const BoundExpression& e, const ast::Located& at) {
    using catalog::TypeKind;
    TypeKind k = e.type.kind;
    if (k != TypeKind::String && k != TypeKind::Bool) return;
    if (e.kind != ExprKind::Property && e.kind != ExprKind::Parameter) return;
    std::string message = "Arithmetic on a " + e.type.to_string() + " value";
    if (catalog_.strict()) fail(ErrorKind::Type, "TypeError", "InvalidArgumentType", message, at);
    warn("InvalidArgumentType", message, at);
}

void Binder::check_aggregate_argument(const AggregateSpec& spec, const ast::Located& at) {
    using catalog::TypeKind;
    if (!spec.argument) return;
    TypeKind k = spec.argument->type.kind;
    bool numeric_only = spec.function == "sum" || spec.function == "avg" || spec.function == "stdev" ||
                        spec.function == "stdevp" || spec.function == "percentilecont" ||
                        spec.function == "percentiledisc";
    if (!numeric_only || k == TypeKind::Any || k == TypeKind::Null || is_number(k)) return;
    if (k == TypeKind::Duration && (spec.function == "sum" || spec.function == "avg")) return;
    if (spec.argument->kind != ExprKind::Property && spec.argument->kind != ExprKind::Parameter) return;
    std::string message = spec.function + "() needs numbers, got " + spec.argument->type.to_string();
    if (catalog_.strict()) fail(ErrorKind::Type, "TypeError", "InvalidArgumentType", message, at);
    warn("InvalidArgumentType", message, at);
}

namespace {

void add_unique(std::vector<catalog::TypeId>& v, catalog::TypeId t) {
    if (std::find(v.begin(), v.end(), t) == v.end()) v.push_back(t);
}

// The types a node of both sets has: where one type is under the other, the more specific.
std::vector<catalog::TypeId> meet(const catalog::Catalog& c, const std::vector<catalog::TypeId>& a,
                                  const std::vector<catalog::TypeId>& b) {
    if (a.empty()) return b;
    std::vector<catalog::TypeId> out;
    for (catalog::TypeId x : a)
        for (catalog::TypeId y : b) {
            if (c.is_subtype(x, y)) add_unique(out, x);
            else if (c.is_subtype(y, x)) add_unique(out, y);
        }
    return out;
}

bool same_set(std::vector<catalog::TypeId> a, std::vector<catalog::TypeId> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

}  // namespace

// Each relationship constrains the types of its two nodes by its declared endpoints: a node
// is of the types every relationship touching it allows (their meet), whatever order the
// pattern is written in, so the rules are applied until nothing changes. A variable-length
// relationship constrains less: *0.. may end where it starts (on a node of any type); a longer
// directed chain starts at some FROM and ends at some TO, of any pairs; undirected, anywhere.
void Binder::infer_endpoint_types(BoundPattern& pattern, const ast::Located& at) {
    const auto& c = catalog_;
    if (!c.strict()) return;
    for (std::size_t round = 0; round <= pattern.rels.size(); ++round) {
        bool changed = false;
        for (auto& rel : pattern.rels) {
            if (rel.left < 0 || rel.right < 0) continue;
            if (rel.variable_length && rel.min_hops == 0) continue;
            const auto& rel_types = slot_types(rel.slot);
            if (rel_types.empty()) continue;
            int left_slot = pattern.nodes[rel.left].slot;
            int right_slot = pattern.nodes[rel.right].slot;
            std::vector<catalog::TypeId> left = slot_types(left_slot), right = slot_types(right_slot);
            std::vector<catalog::TypeId> left_candidates, right_candidates;
            bool declared_any = false, any_match = false;
            auto consider = [&](catalog::TypeId from, catalog::TypeId to, bool left_is_source) {
                const auto& source = left_is_source ? left : right;
                const auto& target = left_is_source ? right : left;
                if (!compatible(c, source, from) || !compatible(c, target, to)) return;
                any_match = true;
                add_unique(left_is_source ? left_candidates : right_candidates, from);
                add_unique(left_is_source ? right_candidates : left_candidates, to);
            };
            std::vector<catalog::TypeId> froms, tos;
            for (catalog::TypeId t : rel_types) {
                const auto& endpoints = c.relation_type(t).endpoints;
                if (endpoints.empty()) {
                    any_match = true;  // a relation type declared without endpoints connects anything
                    left_candidates.clear();
                    right_candidates.clear();
                    declared_any = false;
                    break;
                }
                declared_any = true;
                for (const auto& [from, to] : endpoints) {
                    add_unique(froms, from);
                    add_unique(tos, to);
                    if (rel.variable_length) continue;
                    if (rel.direction != RelDirection::Incoming) consider(from, to, true);
                    if (rel.direction != RelDirection::Outgoing) consider(from, to, false);
                }
            }
            if (declared_any && !rel.variable_length && left_slot == right_slot) {
                // A self-loop: one node is both ends, so it must be of a type some pair has
                // at both ends (the meet of its FROM and TO), in either direction alike.
                std::vector<catalog::TypeId> loop_types;
                for (catalog::TypeId t : rel_types)
                    for (const auto& [from, to] : c.relation_type(t).endpoints)
                        for (catalog::TypeId m : meet(c, {from}, {to})) add_unique(loop_types, m);
                loop_types = left.empty() ? loop_types : meet(c, left, loop_types);
                any_match = !loop_types.empty();
                left_candidates = right_candidates = loop_types;
            }
            if (declared_any && rel.variable_length) {
                // Several hops: each end only needs to be some pair's end on its side.
                std::vector<catalog::TypeId> any_end = froms;
                for (catalog::TypeId t : tos) add_unique(any_end, t);
                const bool directed = rel.direction != RelDirection::Both;
                const bool left_is_source = rel.direction == RelDirection::Outgoing;
                left_candidates = !directed ? any_end : left_is_source ? froms : tos;
                right_candidates = !directed ? any_end : left_is_source ? tos : froms;
                auto reachable = [&](const std::vector<catalog::TypeId>& have,
                                     const std::vector<catalog::TypeId>& ends) {
                    return std::any_of(ends.begin(), ends.end(),
                                       [&](catalog::TypeId e) { return compatible(c, have, e); });
                };
                any_match = reachable(left, left_candidates) && reachable(right, right_candidates);
            }
            if (!any_match) {
                std::string description;
                for (catalog::TypeId t : rel_types) {
                    std::vector<catalog::TypeId> type_froms, type_tos;
                    for (const auto& [from, to] : c.relation_type(t).endpoints) {
                        add_unique(type_froms, from);
                        add_unique(type_tos, to);
                    }
                    description += (description.empty() ? "" : "; ") + c.relation_type(t).name + " goes from " +
                                   join_names(c, type_froms) + " to " + join_names(c, type_tos);
                }
                std::string written(text_.substr(at.begin, at.end - at.begin));
                fail(ErrorKind::Schema, "SchemaError", "ImpossiblePattern",
                     description + "; " + written + " can never match", at);
            }
            if (!declared_any) continue;
            // A node of this pattern takes the meet of what it had and what the relation allows
            // there; a node bound by an earlier clause keeps its types (that clause is planned).
            auto narrow = [&](int end, int slot, const std::vector<catalog::TypeId>& had,
                              const std::vector<catalog::TypeId>& candidates) {
                if (pattern.nodes[end].bound_before || candidates.empty()) return;
                std::vector<catalog::TypeId> next = meet(c, had, candidates);
                if (next.empty() || same_set(next, had)) return;
                slot_types(slot) = std::move(next);
                changed = true;
            };
            narrow(rel.left, left_slot, left, left_candidates);
            narrow(rel.right, right_slot, right, right_candidates);
        }
        if (!changed) break;
    }
}

}  // namespace kgq::binder
