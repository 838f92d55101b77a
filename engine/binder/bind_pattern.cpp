// engine/binder/bind_pattern.cpp — binding of graph patterns (MATCH, CREATE, MERGE, pattern
// predicates): variables to slots, reuse of bound variables, variable-length ranges,
// property maps, and the openCypher rules on what each clause may bind.
#include "binder/binder.hpp"

namespace kgq::binder {

BoundPattern Binder::bind_pattern(const ast::Pattern& pattern, PatternUse use, std::vector<int>* introduced) {
    BoundPattern out;
    std::size_t relationships = 0;
    for (const auto& part : pattern) {
        relationships += part.element.chain.size();
        if (relationships > max_pattern_relationships) {
            fail(ErrorKind::Syntax, "SyntaxError", "PatternTooLong",
                 "Pattern too long: more than " + std::to_string(max_pattern_relationships) +
                     " relationships in one clause",
                 part);
        }
    }
    for (const auto& part : pattern) bind_pattern_part(part, out, use, introduced);
    // Property maps may refer to variables of the same pattern, so bind them last.
    return out;
}

void Binder::bind_pattern_part(const ast::PatternPart& part, BoundPattern& out, PatternUse use,
                               std::vector<int>* introduced) {
    BoundPatternPart bound;
    if (part.function != ast::PathFunction::None) {
        if (use != PatternUse::Match) {
            fail(ErrorKind::Semantic, "SyntaxError", "UnexpectedSyntax", "shortestPath() is only allowed in MATCH",
                 part);
        }
        if (part.element.chain.size() != 1) {
            fail(ErrorKind::Semantic, "SyntaxError", "UnexpectedSyntax",
                 "shortestPath() needs a pattern of exactly one relationship", part);
        }
        bound.shortest =
            part.function == ast::PathFunction::ShortestPath ? ShortestMode::Shortest : ShortestMode::AllShortest;
    }
    if (use != PatternUse::Match && part.element.chain.empty() && part.element.start.variable &&
        lookup(*part.element.start.variable)) {
        fail(ErrorKind::Semantic, "SyntaxError", "VariableAlreadyBound",
             "Variable `" + *part.element.start.variable + "` already declared", part.element.start);
    }
    bound.nodes.push_back(bind_node_pattern(part.element.start, out, use, introduced));
    for (const auto& link : part.element.chain) {
        int rel = bind_rel_pattern(link.relationship, out, use, introduced);
        int node = bind_node_pattern(link.node, out, use, introduced);
        out.rels[rel].left = bound.nodes.back();
        out.rels[rel].right = node;
        bound.rels.push_back(rel);
        bound.nodes.push_back(node);
    }
    if (bound.shortest != ShortestMode::None) {
        auto& rel = out.rels[bound.rels[0]];
        if (!rel.variable_length) {
            rel.variable_length = true;
            rel.min_hops = 1;
            rel.max_hops = 1;
        }
    }
    infer_endpoint_types(out, part);
    if (part.path_variable) {
        if (lookup(*part.path_variable)) {
            fail(ErrorKind::Semantic, "SyntaxError", "VariableAlreadyBound",
                 "Variable `" + *part.path_variable + "` already declared", part);
        }
        bound.path_slot = new_slot(*part.path_variable, VariableKind::Path);
        if (introduced) introduced->push_back(bound.path_slot);
    }
    out.parts.push_back(std::move(bound));
}

int Binder::bind_node_pattern(const ast::NodePattern& node, BoundPattern& out, PatternUse use,
                              std::vector<int>* introduced) {
    std::vector<catalog::TypeId> types = check_node_labels(node, use);
    BoundNodePattern bound;
    bound.offset = node.begin;
    bound.length = node.end - node.begin;
    bound.labels = node.labels;
    if (node.variable) {
        bound.variable = *node.variable;
        if (const VariableInfo* info = lookup(*node.variable)) {
            bool known_non_node = info->kind == VariableKind::Value && info->value_type != catalog::TypeKind::Any &&
                                  info->value_type != catalog::TypeKind::Node;
            if ((info->kind != VariableKind::Node && info->kind != VariableKind::Value) || known_non_node) {
                fail(ErrorKind::Semantic, "SyntaxError", "VariableTypeConflict",
                     "Variable `" + *node.variable + "` is not a node", node);
            }
            bool from_this_pattern = false;
            if (introduced) {
                for (int s : *introduced) from_this_pattern |= s == info->slot;
            }
            if (use == PatternUse::Create || use == PatternUse::Merge) {
                bool decorated = !node.labels.empty() || node.properties;
                if (decorated) {
                    fail(ErrorKind::Semantic, "SyntaxError", "VariableAlreadyBound",
                         "Variable `" + *node.variable +
                             "` already declared; it cannot be created again with labels or properties",
                         node);
                }
            }
            bound.slot = info->slot;
            bound.bound_before = !from_this_pattern;
        } else {
            bound.slot = new_slot(*node.variable, VariableKind::Node);
            if (introduced) introduced->push_back(bound.slot);
        }
    } else {
        bound.slot = new_slot("  node" + std::to_string(hidden_counter_++), VariableKind::Node);
        if (introduced) introduced->push_back(bound.slot);
    }
    if (use == PatternUse::Create) {
        for (const auto& alternatives : node.labels) {
            if (alternatives.size() > 1) {
                fail(ErrorKind::Semantic, "SyntaxError", "InvalidLabelExpression",
                     "Label alternatives (A|B) are not allowed in CREATE", node);
            }
        }
    }
    if (use != PatternUse::Create && node.properties && boost::get<ast::Parameter>(&*node.properties)) {
        fail(ErrorKind::Semantic, "SyntaxError", "InvalidParameterUse",
             "Parameter maps cannot be used in MATCH or MERGE patterns; use WHERE n.key = $param.key", node);
    }
    bind_pattern_properties(node.properties, bound.properties, bound.properties_map);
    if (!types.empty()) slot_types(bound.slot) = types;
    for (const auto& [key, value] : bound.properties) {
        if (use == PatternUse::Match && !slot_types(bound.slot).empty()) {
            BoundExpression probe;
            probe.kind = ExprKind::Variable;
            probe.slot = bound.slot;
            check_property_access(probe, key, node);
        }
    }
    out.nodes.push_back(std::move(bound));
    return static_cast<int>(out.nodes.size() - 1);
}

int Binder::bind_rel_pattern(const ast::RelationshipPattern& rel, BoundPattern& out, PatternUse use,
                             std::vector<int>* introduced) {
    std::vector<catalog::TypeId> types = check_rel_types(rel, use);
    BoundRelPattern bound;
    bound.offset = rel.begin;
    bound.length = rel.end - rel.begin;
    bound.types = rel.types;
    bound.direction = rel.direction == ast::Direction::Outgoing   ? RelDirection::Outgoing
                      : rel.direction == ast::Direction::Incoming ? RelDirection::Incoming
                                                                  : RelDirection::Both;
    if (rel.length) {
        bound.variable_length = true;
        const auto& len = *rel.length;
        auto to_int = [&](const ast::IntLiteral& lit) {
            auto e = make_int_literal(lit, false);
            return e->value.as_int();
        };
        if (!len.has_range) {
            if (len.low) {
                bound.min_hops = bound.max_hops = to_int(*len.low);
            } else {
                bound.min_hops = 1;
                bound.max_hops = -1;
            }
        } else {
            bound.min_hops = len.low ? to_int(*len.low) : 1;
            bound.max_hops = len.high ? to_int(*len.high) : -1;
        }
    }
    if (use != PatternUse::Match && rel.variable && lookup(*rel.variable)) {
        fail(ErrorKind::Semantic, "SyntaxError", "VariableAlreadyBound",
             "Variable `" + *rel.variable + "` already declared", rel);
    }
    if (use != PatternUse::Match) {
        if (bound.variable_length) {
            fail(ErrorKind::Semantic, "SyntaxError", "CreatingVarLength",
                 "Variable-length relationships cannot be created", rel);
        }
        if (rel.types.size() != 1) {
            fail(ErrorKind::Semantic, "SyntaxError", "NoSingleRelationshipType",
                 "A relationship to create needs exactly one type", rel);
        }
        if (use == PatternUse::Create && bound.direction == RelDirection::Both) {
            fail(ErrorKind::Semantic, "SyntaxError", "RequiresDirectedRelationship",
                 "A relationship to create needs a direction (-> or <-)", rel);
        }
    }
    VariableKind kind = bound.variable_length ? VariableKind::RelationshipList : VariableKind::Relationship;
    if (rel.variable) {
        bound.variable = *rel.variable;
        if (const VariableInfo* info = lookup(*rel.variable)) {
            if (use != PatternUse::Match) {
                fail(ErrorKind::Semantic, "SyntaxError", "VariableAlreadyBound",
                     "Variable `" + *rel.variable + "` already declared", rel);
            }
            catalog::TypeKind expected =
                kind == VariableKind::Relationship ? catalog::TypeKind::Relationship : catalog::TypeKind::List;
            bool known_non_rel = info->kind == VariableKind::Value && info->value_type != catalog::TypeKind::Any &&
                                 info->value_type != expected;
            if ((info->kind != kind && info->kind != VariableKind::Value) || known_non_rel) {
                fail(ErrorKind::Semantic, "SyntaxError", "VariableTypeConflict",
                     "Variable `" + *rel.variable + "` is not a relationship", rel);
            }
            if (introduced) {
                for (int s : *introduced) {
                    if (s == info->slot) {
                        fail(ErrorKind::Semantic, "SyntaxError", "RelationshipUniquenessViolation",
                             "Cannot use the same relationship variable `" + *rel.variable + "` twice in a pattern",
                             rel);
                    }
                }
            }
            bound.slot = info->slot;
            bound.bound_before = true;
        } else {
            bound.slot = new_slot(*rel.variable, kind);
            if (introduced) introduced->push_back(bound.slot);
        }
    } else {
        bound.slot = new_slot("  rel" + std::to_string(hidden_counter_++), kind);
        if (introduced) introduced->push_back(bound.slot);
    }
    if (use != PatternUse::Create && rel.properties && boost::get<ast::Parameter>(&*rel.properties)) {
        fail(ErrorKind::Semantic, "SyntaxError", "InvalidParameterUse",
             "Parameter maps cannot be used in MATCH or MERGE patterns", rel);
    }
    bind_pattern_properties(rel.properties, bound.properties, bound.properties_map);
    if (!types.empty()) slot_types(bound.slot) = types;
    out.rels.push_back(std::move(bound));
    return static_cast<int>(out.rels.size() - 1);
}

void Binder::bind_pattern_properties(const boost::optional<ast::Expression>& props,
                                     std::vector<std::pair<std::string, ExprPtr>>& out, ExprPtr& map_out) {
    if (!props) return;
    if (const auto* map = boost::get<ast::x3::forward_ast<ast::MapLiteral>>(&*props)) {
        for (const auto& entry : map->get().entries) {
            out.emplace_back(entry.key, bind_expression(entry.value));
        }
        return;
    }
    map_out = bind_expression(*props);
}

}  // namespace kgq::binder
