// grammar/statement.hpp — declares the start rule: a script of ';'-separated statements
// (queries, EXPLAIN/PROFILE, schema, COPY, IMPORT/EXPORT STIX). Defined in
// statement_def.hpp, instantiated in statement.cpp; called only by parser.cpp.
#pragma once

#include "annotation.hpp"
#include "ast.hpp"

#include <boost/spirit/home/x3.hpp>

namespace kgq::grammar {
namespace parser {
namespace x3 = boost::spirit::x3;

struct script_class;
using script_type = x3::rule<script_class, ast::Script>;

BOOST_SPIRIT_DECLARE(script_type)

}  // namespace parser

parser::script_type const& script();

}  // namespace kgq::grammar
