// grammar/parser.hpp — the grammar's entry point: query text in, ast::Script or a SyntaxError out.
// Called by the engine (engine/main/database.cpp); the only header of grammar/ besides ast.hpp
// that code outside grammar/ includes. No Spirit types leak through it.
#pragma once

#include "ast.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace kgq::grammar {

// Brackets, braces and parentheses nested deeper than this are a syntax error rather than
// a stack overflow in the recursive-descent parser.
inline constexpr int max_nesting_depth = 256;

struct SyntaxError {
    std::uint32_t offset = 0;  // byte offset into the text
    std::uint32_t line = 1;    // 1-based
    std::uint32_t column = 1;  // 1-based, in characters (UTF-8 code points)
    std::string expected;      // what the grammar wanted there, e.g. "')'" or "an expression"
    std::string found;         // the text found there (a short excerpt), or "end of input"
    std::string message;       // "Expected ')' but found 'RETURN'"
    // The openCypher error detail when the grammar knows it (InvalidRelationshipPattern);
    // empty for a plain unexpected token, which the engine classifies itself.
    std::string detail;
};

struct ParseResult {
    bool ok = false;
    ast::Script script;
    SyntaxError error;
};

// Parses a script of one or more ';'-separated statements.
ParseResult parse_script(std::string_view text);

// 1-based line and column (in code points) of a byte offset.
struct LineColumn {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};
LineColumn line_column(std::string_view text, std::uint32_t offset);

// True when text holds a statement that ends in ';' outside strings and comments, or is
// blank: the REPL uses it to decide whether to ask for another line.
bool is_complete_input(std::string_view text);

}  // namespace kgq::grammar
