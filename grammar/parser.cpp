// grammar/parser.cpp — the grammar's entry points (parser.hpp): guard the nesting depth,
// run the start rule with an ErrorHandler, and turn failures into SyntaxErrors with
// line, column and an excerpt. Called by the engine (engine/main/database.cpp) and the REPL.
#include "parser.hpp"

#include "config.hpp"
#include "statement.hpp"
#include "text_scan.hpp"

#include <boost/spirit/home/x3.hpp>

#include <cstdio>
#include <string>

namespace kgq::grammar {
namespace {

SyntaxError make_error(std::string_view text, char const* where, std::string expected) {
    char const* const end = text.data() + text.size();
    // Point at the token, past blanks; but a missing token at the end of the input is
    // reported right after the last one, not on the empty line after it.
    char const* const token = scan::skip_blanks(where, end);
    if (token != end) where = token;
    SyntaxError error;
    error.offset = static_cast<std::uint32_t>(where - text.data());
    auto const position = line_column(text, error.offset);
    error.line = position.line;
    error.column = position.column;
    error.expected = std::move(expected);
    error.found = std::string(scan::token_excerpt(token, end));
    error.message = "Expected " + error.expected + " but found " +
                    (token == end ? error.found : "'" + error.found + "'");
    return error;
}

}  // namespace

ParseResult parse_script(std::string_view text) {
    namespace x3 = boost::spirit::x3;
    ParseResult result;
    char const* const begin = text.data();
    char const* const end = begin + text.size();

    // Text that is not UTF-8 would flow into string values and from there into JSON and
    // CSV output: refuse it where it starts.
    if (char const* bad = scan::find_invalid_utf8(begin, end)) {
        result.error = make_error(text, bad, "UTF-8 text");
        result.error.detail = "InvalidUnicodeCharacter";
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(*bad)));
        result.error.message = std::string("Invalid UTF-8: byte ") + hex + " does not start a valid character";
        return result;
    }

    // The parser recurses once per bracket or prefix operator; refuse deep input up front
    // rather than overflow the stack.
    if (char const* too_deep = scan::find_excessive_nesting(begin, end, max_nesting_depth)) {
        result.error = make_error(text, too_deep,
                                  "at most " + std::to_string(max_nesting_depth) +
                                      " levels of nesting");
        result.error.message = "Nesting too deep: more than " +
                               std::to_string(max_nesting_depth) +
                               " levels of brackets or prefix operators at '" +
                               result.error.found + "'";
        return result;
    }

    parser::error_handler_type handler(begin, end);
    auto const start = x3::with<parser::error_handler_tag>(handler)[script()];
    char const* first = begin;
    bool const parsed = x3::phrase_parse(first, end, start, parser::blank_skipper{}, result.script);
    if (parsed && !handler.failed() && first == end) {
        result.ok = true;
        return result;
    }
    if (handler.failed()) {
        result.error = make_error(text, handler.failure_where(), handler.failure_expected());
        result.error.detail = handler.failure_detail();
    } else {
        result.error = make_error(text, first, "a statement");
    }
    result.script = {};
    return result;
}

LineColumn line_column(std::string_view text, std::uint32_t offset) {
    if (offset > text.size()) offset = static_cast<std::uint32_t>(text.size());
    LineColumn position;
    for (std::uint32_t i = 0; i < offset; ++i) {
        char const c = text[i];
        if (c == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++position.column;  // continuation bytes do not start a character
        }
    }
    return position;
}

bool is_complete_input(std::string_view text) { return scan::ends_with_semicolon_or_blank(text); }

}  // namespace kgq::grammar
