// grammar/pattern_def.hpp — graph patterns: node `(v:A:B {k: v})`, relationship
// `-[r:T1|T2 *1..3 {k: v}]->` (and the short forms --> <-- --), path `p = shortestPath(...)`.
// Included only by pattern.cpp.
#pragma once

#include "actions.hpp"
#include "annotation.hpp"
#include "ast.hpp"
#include "ast_adapted.hpp"
#include "expression.hpp"
#include "keywords.hpp"
#include "lexical.hpp"
#include "pattern.hpp"

#include <boost/spirit/home/x3.hpp>

namespace kgq::grammar {
namespace parser {
namespace x3 = boost::spirit::x3;
using x3::lit;
using x3::matches;

struct pattern_class : annotate_position {};
struct pattern_part_class : annotate_position {};
struct pattern_element_class : annotate_position {};
struct pattern_element_chain_class : annotate_position {};
struct node_pattern_class : annotate_position {};
struct relationship_pattern_class : annotate_position {};
struct relationship_detail_class : annotate_position {};
struct relationship_types_class : annotate_position {};
struct variable_length_class : annotate_position {};
struct label_expression_class : annotate_position {};
struct label_alternatives_class : annotate_position {};
struct properties_class : annotate_position {};

pattern_type const pattern = "a pattern";
pattern_part_type const pattern_part = "a pattern";
pattern_element_type const pattern_element = "a pattern";
x3::rule<pattern_element_chain_class, ast::PatternElementChain> const pattern_element_chain = "a relationship";
x3::rule<node_pattern_class, ast::NodePattern> const node_pattern = "a node pattern '('";
x3::rule<relationship_pattern_class, ast::RelationshipPattern> const relationship_pattern = "a relationship";
x3::rule<relationship_detail_class, ast::RelationshipPattern> const relationship_detail = "a relationship '['";
x3::rule<relationship_types_class, std::vector<std::string>> const relationship_types = "a relationship type";
x3::rule<variable_length_class, ast::VariableLength> const variable_length = "a variable length '*'";
x3::rule<label_expression_class, ast::LabelExpression> const label_expression = "labels";
x3::rule<label_alternatives_class, std::vector<std::string>> const label_alternatives = "a label";
x3::rule<properties_class, ast::Expression> const properties = "a map or a parameter";

// Rules of other groups, reached through their accessors (a reference per file).
namespace {
auto const& map_literal = grammar::map_literal();
auto const& parameter = grammar::parameter();
auto const& int_literal = grammar::int_literal();
}  // namespace

auto const pattern_def = pattern_part % ',';

auto const path_function = [](ast::PathFunction function) {
    return [function](auto& context) {
        x3::_val(context).function = function;
        x3::_val(context).element = std::move(x3::_attr(context));
    };
};
auto const pattern_part_def =
    by_actions[-(variable_name >> lit('='))[assign_to(&ast::PatternPart::path_variable)]
    >> ((keyword("shortestpath") > lit('(') > pattern_element > lit(')'))
            [path_function(ast::PathFunction::ShortestPath)]
        | (keyword("allshortestpaths") > lit('(') > pattern_element > lit(')'))
            [path_function(ast::PathFunction::AllShortestPaths)]
        | pattern_element[assign_to(&ast::PatternPart::element)])];

auto const pattern_element_def = node_pattern >> *pattern_element_chain;
auto const pattern_element_chain_def = relationship_pattern > node_pattern;

auto const node_pattern_def =
    lit('(') >> -variable_name >> label_expression >> -properties > lit(')');

// `:A:B` is a conjunction, `:A|B` (or `:A|:B`) alternatives within it.
auto const label_expression_def = *(lit(':') > label_alternatives);
auto const label_alternatives_def = label_name % (lit('|') >> -lit(':'));

auto const properties_def = map_literal | parameter;

// <-[...]-  -[...]->  -[...]-  and <-->, with or without the bracketed detail.
auto const make_relationship = [](bool incoming) {
    return [incoming](auto& context) {
        auto& parsed = x3::_attr(context);
        auto& detail = boost::fusion::at_c<0>(parsed);
        bool const outgoing = boost::fusion::at_c<1>(parsed);
        auto& relationship = x3::_val(context);
        move_into(relationship, detail);  // the short forms leave it empty
        relationship.direction = incoming == outgoing ? ast::Direction::Both
                                 : incoming           ? ast::Direction::Incoming
                                                      : ast::Direction::Outgoing;
    };
};
auto const relationship_body = (relationship_detail > lit('-')) | lit('-');
auto const relationship_pattern_def =
      by_actions[(lit('<') >> lit('-') >> relationship_body >> matches[lit('>')])[make_relationship(true)]
    | (lit('-') >> relationship_body >> matches[lit('>')])[make_relationship(false)]];

// A length written without '*' ([:T 1..2], [:T..]) or with a negative bound ([:T*-2],
// [:T*1..-2]) is openCypher's InvalidRelationshipPattern, not just an unexpected token.
auto const malformed_length = reject_as("InvalidRelationshipPattern",
    "']' (a variable length is *, *n, *n.., *..m or *n..m with bounds of 0 or more)",
    token("..") | (lit('-') >> x3::digit) | x3::digit);
auto const relationship_detail_def = lit('[') >> -variable_name >> -relationship_types >>
    -variable_length >> -properties >> malformed_length > lit(']');
auto const relationship_types_def =
    lit(':') > (relationship_type_name % (lit('|') >> -lit(':')));

// *  *2  *1..3  *..5  *2..
auto const variable_length_def = by_actions[lit('*')
    >> -int_literal[assign_to(&ast::VariableLength::low)]
    >> -(token("..")[set_to(&ast::VariableLength::has_range, true)]
         >> -int_literal[assign_to(&ast::VariableLength::high)])];

BOOST_SPIRIT_DEFINE(pattern, pattern_part, pattern_element, pattern_element_chain, node_pattern,
                    relationship_pattern, relationship_detail, relationship_types,
                    variable_length, label_expression, label_alternatives, properties)

}  // namespace parser

parser::pattern_type const& pattern() { return parser::pattern; }
parser::pattern_part_type const& pattern_part() { return parser::pattern_part; }
parser::pattern_element_type const& pattern_element() { return parser::pattern_element; }

}  // namespace kgq::grammar
