// grammar/statement_split.cpp — the ';' scanner of statement_split.hpp.
#include "statement_split.hpp"

#include "text_scan.hpp"

namespace kgq::grammar {

namespace {

// Calls on_semicolon(offset after it) for each top-level ';' from `from`; stops when it
// returns false or at `limit`. Returns false when a string or comment runs off the end.
template <class OnSemicolon>
bool scan_semicolons(std::string_view text, std::size_t from, std::size_t limit, OnSemicolon&& on_semicolon) {
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* p = begin + from;
    while (p < end && static_cast<std::size_t>(p - begin) < limit) {
        if (*p == '\'' || *p == '"' || *p == '`') {
            p = scan::skip_quoted(p, end);
            if (!p) return false;
            continue;
        }
        const char* after = scan::skip_one_blank(p, end);
        if (after != p) {
            p = after;
            continue;
        }
        if (p + 1 < end && p[0] == '/' && p[1] == '*') return false;  // unterminated comment
        if (*p == ';' && !on_semicolon(static_cast<std::size_t>(p - begin) + 1)) return true;
        ++p;
    }
    return true;
}

}  // namespace

std::size_t statement_end(std::string_view text, std::size_t from) {
    std::size_t found = text.size();
    scan_semicolons(text, from, text.size(), [&](std::size_t after) {
        found = after;
        return false;
    });
    return found;
}

std::size_t statement_start(std::string_view text, std::size_t at) {
    std::size_t start = 0;
    scan_semicolons(text, 0, at, [&](std::size_t after) {
        if (after <= at) start = after;
        return true;
    });
    return start;
}

}  // namespace kgq::grammar
