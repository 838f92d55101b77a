// grammar/statement.cpp — compiles the statement rule group and the start rule
// (statement_def.hpp) once, for the iterator and context in config.hpp. Linked into kgq_grammar.
#include "config.hpp"
#include "statement_def.hpp"

namespace kgq::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(script_type, iterator_type, context_type)
}  // namespace kgq::grammar::parser
