// grammar/clause.cpp — compiles the clause rule group (clause_def.hpp) once, for the
// iterator and context in config.hpp. Linked into kgq_grammar.
#include "clause_def.hpp"
#include "config.hpp"

namespace kgq::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(regular_query_type, iterator_type, context_type)
}  // namespace kgq::grammar::parser
