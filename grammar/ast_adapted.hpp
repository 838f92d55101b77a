// grammar/ast_adapted.hpp — Fusion adaptations that let X3 fill AST structs from sequences.
// Only nodes whose grammar is a plain sequence are here; the rest are built by semantic
// actions (actions.hpp). Included by the *_def.hpp files.
#pragma once

#include "ast.hpp"

#include <boost/fusion/include/adapt_struct.hpp>

BOOST_FUSION_ADAPT_STRUCT(kgq::ast::UnaryOperation, op, operand)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::MapEntry, key, value)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::FunctionCall, name, distinct, arguments)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::CaseAlternative, when, then)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::ListComprehension, variable, list, where, projection)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::Quantifier, kind, variable, list, where)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::MapProjection, base, items)

BOOST_FUSION_ADAPT_STRUCT(kgq::ast::NodePattern, variable, labels, properties)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::RelationshipPattern, variable, types, length, properties)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::PatternElementChain, relationship, node)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::PatternElement, start, chain)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::PatternComprehension, path_variable, element, where, projection)

BOOST_FUSION_ADAPT_STRUCT(kgq::ast::Match, optional, pattern, where)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::Unwind, list, variable)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::AccessChain, base, accessors)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::SetProperty, target, value)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::SetVariable, variable, merge, value)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::SetLabels, variable, labels)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::RemoveLabels, variable, labels)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::Delete, detach, targets)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::MergeAction, on_create, set)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::Merge, pattern, actions)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::ProjectionItem, expression, alias)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::SortItem, expression, descending)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::With, body, where)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::YieldItem, field, alias)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::UnionPart, all, query)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::RegularQuery, first, unions)

BOOST_FUSION_ADAPT_STRUCT(kgq::ast::PropertyDeclaration, name, type, key)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::CreateNodeType, abstract, name, supertype, properties)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::Endpoint, from, to)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::CopyOption, name, value)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::CopyFrom, table, path, options)
BOOST_FUSION_ADAPT_STRUCT(kgq::ast::Statement, mode, body)

BOOST_FUSION_ADAPT_STRUCT(kgq::ast::ExportStix, path, query)
