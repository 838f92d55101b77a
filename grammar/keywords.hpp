// grammar/keywords.hpp — reserved words (one x3::symbols table) and the keyword and
// punctuation-token parsers that print themselves as 'MATCH' / '..' in error messages.
// Included by lexical.hpp and every *_def.hpp.
#pragma once

#include "text_scan.hpp"

#include <boost/spirit/home/x3.hpp>

#include <string>
#include <string_view>

namespace kgq::grammar::parser {
namespace x3 = boost::spirit::x3;

// openCypher's reserved words that kgq uses: they cannot be variables (`RETURN` is never a
// name), though they can be property keys, labels and map keys (`n.count`, `{end: 1}`).
// kgq's own statement words (NODE, TYPE, FROM, COPY, ...) are not reserved: they only
// start statements, and `MATCH (from)-->(to)` should keep working.
inline x3::symbols<> const& reserved_words() {
    static x3::symbols<> const table(
        {"all",    "and",    "as",     "asc",      "ascending", "by",       "call",
         "case",   "contains", "create", "delete", "desc",      "descending", "detach",
         "distinct", "else", "end",    "ends",     "exists",    "false",    "in",
         "is",     "limit",  "match",  "merge",    "not",       "null",     "on",
         "optional", "or",   "order",  "remove",   "return",    "set",      "skip",
         "starts", "then",   "true",   "union",    "unwind",    "when",     "where",
         "with",   "xor",    "yield"},
        "a reserved word");
    return table;
}

inline bool is_reserved(std::string_view word) {
    std::string lower(word);
    for (char& c : lower) c = scan::to_lower(c);
    return reserved_words().find(lower) != nullptr;
}

// A case-insensitive keyword that must not run on into an identifier (`ORDER` is not `ORDERS`).
struct keyword_parser : x3::parser<keyword_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    std::string_view word;  // lower case
    constexpr explicit keyword_parser(std::string_view lower_case_word) : word(lower_case_word) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
               Attribute&) const {
        x3::skip_over(first, last, context);
        Iterator at = first;
        for (char expected : word) {
            if (at == last || scan::to_lower(*at) != expected) return false;
            ++at;
        }
        if (at != last && scan::is_identifier_part(*at)) return false;
        first = at;
        return true;
    }
};

constexpr keyword_parser keyword(std::string_view lower_case_word) {
    return keyword_parser(lower_case_word);
}

// A multi-character operator such as `..`, `+=`, `<>` (x3::lit would print it in
// double quotes; messages quote tokens in single quotes).
struct token_parser : x3::parser<token_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    std::string_view text;
    constexpr explicit token_parser(std::string_view token_text) : text(token_text) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
               Attribute&) const {
        x3::skip_over(first, last, context);
        Iterator at = first;
        for (char expected : text) {
            if (at == last || *at != expected) return false;
            ++at;
        }
        first = at;
        return true;
    }
};

constexpr token_parser token(std::string_view text) { return token_parser(text); }

}  // namespace kgq::grammar::parser

namespace boost::spirit::x3 {

template <>
struct get_info<kgq::grammar::parser::keyword_parser> {
    using result_type = std::string;
    std::string operator()(kgq::grammar::parser::keyword_parser const& parser) const {
        std::string upper(parser.word);
        for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        return "'" + upper + "'";
    }
};

template <>
struct get_info<kgq::grammar::parser::token_parser> {
    using result_type = std::string;
    std::string operator()(kgq::grammar::parser::token_parser const& parser) const {
        return "'" + std::string(parser.text) + "'";
    }
};

}  // namespace boost::spirit::x3
