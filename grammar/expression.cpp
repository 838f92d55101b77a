// grammar/expression.cpp — compiles the expression rule group (expression_def.hpp) once,
// for the iterator and context in config.hpp. Linked into kgq_grammar.
#include "config.hpp"
#include "expression_def.hpp"

namespace kgq::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(expression_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(map_literal_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(parameter_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(variable_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(int_literal_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(string_literal_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(property_lookup_type, iterator_type, context_type)
}  // namespace kgq::grammar::parser
