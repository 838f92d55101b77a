// grammar/statement_split.hpp — where a statement of a script ends, found without parsing:
// the next ';' outside strings, backquoted names and comments (text_scan's scanner), so a
// script with a syntax error can go on at the statement after the broken one (kgq --continue).
// Stage: grammar. Caller: engine/main/database.cpp.
#pragma once

#include <cstddef>
#include <string_view>

namespace kgq::grammar {

// The offset just past the first top-level ';' at or after `from` (text.size() when there is
// none, or when an unterminated string or comment runs to the end).
std::size_t statement_end(std::string_view text, std::size_t from);

// The offset where the statement holding `at` begins: just past the last top-level ';'
// before `at` (0 when there is none).
std::size_t statement_start(std::string_view text, std::size_t at);

}  // namespace kgq::grammar
