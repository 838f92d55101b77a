// grammar/pattern.cpp — compiles the pattern rule group (pattern_def.hpp) once, for the
// iterator and context in config.hpp. Linked into kgq_grammar.
#include "config.hpp"
#include "pattern_def.hpp"

namespace kgq::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(pattern_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(pattern_part_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(pattern_element_type, iterator_type, context_type)
}  // namespace kgq::grammar::parser
