// grammar/expression.hpp — declares the expression rules other groups call (rule IDs,
// BOOST_SPIRIT_DECLARE, accessors). Defined in expression_def.hpp, instantiated in
// expression.cpp; called by the pattern, clause and statement groups.
#pragma once

#include "annotation.hpp"
#include "ast.hpp"

#include <boost/spirit/home/x3.hpp>

namespace kgq::grammar {
namespace parser {
namespace x3 = boost::spirit::x3;

struct expression_class;
struct map_literal_class;
struct parameter_class;
struct variable_class;
struct int_literal_class;
struct string_literal_class;
struct property_lookup_class;

using expression_type = x3::rule<expression_class, ast::Expression>;
using map_literal_type = x3::rule<map_literal_class, ast::MapLiteral>;
using parameter_type = x3::rule<parameter_class, ast::Parameter>;
using variable_type = x3::rule<variable_class, ast::Variable>;
using int_literal_type = x3::rule<int_literal_class, ast::IntLiteral>;
using string_literal_type = x3::rule<string_literal_class, ast::StringLiteral>;
using property_lookup_type = x3::rule<property_lookup_class, ast::PropertyLookup>;

BOOST_SPIRIT_DECLARE(expression_type, map_literal_type, parameter_type, variable_type,
                     int_literal_type, string_literal_type, property_lookup_type)

}  // namespace parser

parser::expression_type const& expression();
parser::map_literal_type const& map_literal();
parser::parameter_type const& parameter();
parser::variable_type const& variable();
parser::int_literal_type const& int_literal();
parser::string_literal_type const& string_literal();
parser::property_lookup_type const& property_lookup();

}  // namespace kgq::grammar
