// grammar/config.hpp — the iterator, skipper and context every rule is instantiated with.
// Each rule group's .cpp instantiates its rules for exactly these types (BOOST_SPIRIT_INSTANTIATE),
// and parser.cpp builds the same context, so rules can call each other across files.
#pragma once

#include "error_handler.hpp"
#include "text_scan.hpp"

#include <boost/spirit/home/x3.hpp>

namespace kgq::grammar::parser {
namespace x3 = boost::spirit::x3;

// std::string_view::const_iterator is a plain pointer in libstdc++; say so to keep it simple.
using iterator_type = char const*;

// Whitespace plus // and /* */ comments, through the same scanner the REPL's
// is_complete_input and the nesting check use.
struct blank_skipper : x3::parser<blank_skipper> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        Iterator const next = scan::skip_one_blank(first, last);
        if (next == first) return false;
        first = next;
        return true;
    }
};

using error_handler_type = ErrorHandler<iterator_type>;
using phrase_context_type = x3::phrase_parse_context<blank_skipper>::type;
using context_type = x3::context<error_handler_tag, error_handler_type, phrase_context_type>;

}  // namespace kgq::grammar::parser
