// repl/text_width.hpp — how many terminal columns UTF-8 text takes, and cutting it to fit.
// Used by result_printer.cpp (table columns) and diagnostics.cpp (caret under the error).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kgq::repl {

// Columns the text occupies on a terminal: wide (CJK, emoji) code points count 2,
// combining marks 0, invalid bytes 1 each.
std::size_t display_width(std::string_view text);

// The longest prefix of text that fits in max_width columns, followed by "…" when the
// text had to be cut (the ellipsis counts in max_width).
std::string truncate_to_width(std::string_view text, std::size_t max_width);

}  // namespace kgq::repl
