// grammar/pattern.hpp — declares the graph-pattern rules: `(a:L {k: v})-[r:T*1..3]->(b)`.
// Defined in pattern_def.hpp, instantiated in pattern.cpp; called by the clause group
// (MATCH, CREATE, MERGE) and the expression group (pattern predicates, comprehensions, EXISTS).
#pragma once

#include "annotation.hpp"
#include "ast.hpp"

#include <boost/spirit/home/x3.hpp>

namespace kgq::grammar {
namespace parser {
namespace x3 = boost::spirit::x3;

struct pattern_class;
struct pattern_part_class;
struct pattern_element_class;

using pattern_type = x3::rule<pattern_class, ast::Pattern>;
using pattern_part_type = x3::rule<pattern_part_class, ast::PatternPart>;
using pattern_element_type = x3::rule<pattern_element_class, ast::PatternElement>;

BOOST_SPIRIT_DECLARE(pattern_type, pattern_part_type, pattern_element_type)

}  // namespace parser

parser::pattern_type const& pattern();
parser::pattern_part_type const& pattern_part();
parser::pattern_element_type const& pattern_element();

}  // namespace kgq::grammar
