// grammar/text_scan.hpp — character classes and a comment/string-aware scanner over raw text.
// Shared by the X3 skipper (config.hpp), the error reporter (parser.cpp) and the checks that
// run before parsing (nesting depth, is_complete_input), so all agree on what a comment is.
#pragma once

#include <cstdint>
#include <string_view>

namespace kgq::grammar::scan {

// Bytes >= 0x80 count as letters so UTF-8 identifiers (Neo4j allows them) need no tables.
inline bool is_identifier_start(char c) {
    auto const u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80;
}
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_identifier_part(char c) { return is_identifier_start(c) || is_digit(c); }
inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Skips one whitespace character or one complete comment. Returns `at` when there is none;
// an unterminated /* is not skipped, so the parser reports it where it starts.
char const* skip_one_blank(char const* at, char const* end);

// Skips all whitespace and comments.
char const* skip_blanks(char const* at, char const* end);

// Skips a quoted string or backquoted name starting at `at` (which holds the quote).
// Returns nullptr when it is unterminated.
char const* skip_quoted(char const* at, char const* end);

// A short excerpt of the token at `at` for "but found ..." ("end of input" at the end).
std::string_view token_excerpt(char const* at, char const* end);

// The first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no overlong
// forms, no surrogates, nothing past U+10FFFF), or nullptr when all of [begin, end) is valid.
// Query text, CSV fields and STIX strings are all checked with it, so no layer passes bytes
// through into output that is not text.
char const* find_invalid_utf8(char const* begin, char const* end);

// The first bracket (or prefix operator) that nests deeper than `limit`, or nullptr.
// Counts ( [ { and CASE..END, and runs of prefix operators NOT, unary - and +, since each
// one is a level of recursion in the parser.
char const* find_excessive_nesting(char const* begin, char const* end, int limit);

// True when `at` starts a node pattern followed by a relationship, `(a:L {k: v})-[` or
// `(a)<--`, as opposed to a parenthesised expression. Braces are skipped unparsed, so the
// check stays cheap however deeply such patterns nest inside each other's properties.
bool starts_pattern_with_relationship(char const* at, char const* end);

// True when the text is blank or its last token outside strings and comments is ';'.
bool ends_with_semicolon_or_blank(std::string_view text);

}  // namespace kgq::grammar::scan
