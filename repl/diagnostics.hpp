// repl/diagnostics.hpp — errors and warnings shown the way compilers show them:
// "FILE:LINE:COL: error: message", the source line and a caret under the span.
// Used by shell.cpp for scripts, piped stdin and the interactive prompt.
#pragma once

#include "kgq/error.hpp"

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace kgq::repl {

// The text one Database::run call saw, and where it sits in what the user sees:
// first_line is the line of `name` that the text starts on (piped stdin runs one
// statement at a time). An empty name means the interactive prompt: no location prefix.
struct SourceText {
    std::string name;
    std::string_view text;
    std::uint32_t first_line = 1;
};

// statement_line (Result::line()) locates errors that carry no position of their own.
void print_error(std::ostream& out, const Error& error, const SourceText& source, std::uint32_t statement_line = 0);
void print_warning(std::ostream& out, const Warning& warning, const SourceText& source);

}  // namespace kgq::repl
