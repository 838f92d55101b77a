// grammar/clause.hpp — declares the query rule: clauses (MATCH ... RETURN) joined by UNION.
// Defined in clause_def.hpp, instantiated in clause.cpp; called by the statement group and
// by EXISTS { ... } subqueries in the expression group.
#pragma once

#include "annotation.hpp"
#include "ast.hpp"

#include <boost/spirit/home/x3.hpp>

namespace kgq::grammar {
namespace parser {
namespace x3 = boost::spirit::x3;

struct regular_query_class;
using regular_query_type = x3::rule<regular_query_class, ast::RegularQuery>;

BOOST_SPIRIT_DECLARE(regular_query_type)

}  // namespace parser

parser::regular_query_type const& regular_query();

}  // namespace kgq::grammar
