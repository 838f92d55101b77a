// grammar/text_scan.cpp — the raw-text scanner behind the skipper, error excerpts and the
// pre-parse checks. Works on bytes; strings, backquoted names and comments are opaque to it.
// Callers: config.hpp (skipper), parser.cpp.
#include "text_scan.hpp"

#include <vector>

namespace kgq::grammar::scan {

char const* skip_one_blank(char const* at, char const* end) {
    if (at == end) return at;
    if (is_space(*at)) return at + 1;
    if (*at != '/' || end - at < 2) return at;
    if (at[1] == '/') {
        at += 2;
        while (at != end && *at != '\n') ++at;
        return at;
    }
    if (at[1] == '*') {
        for (char const* p = at + 2; end - p >= 2; ++p) {
            if (p[0] == '*' && p[1] == '/') return p + 2;
        }
    }
    return at;
}

char const* skip_blanks(char const* at, char const* end) {
    for (;;) {
        char const* next = skip_one_blank(at, end);
        if (next == at) return at;
        at = next;
    }
}

char const* skip_quoted(char const* at, char const* end) {
    char const quote = *at++;
    while (at != end) {
        char const c = *at++;
        if (c == quote) {
            // `` inside a backquoted name is an escaped backquote.
            if (quote == '`' && at != end && *at == '`') {
                ++at;
                continue;
            }
            return at;
        }
        if (c == '\\' && quote != '`' && at != end) ++at;
    }
    return nullptr;
}

std::string_view token_excerpt(char const* at, char const* end) {
    if (at == end) return "end of input";
    constexpr std::ptrdiff_t max_length = 24;
    char const* stop = at;
    if (is_identifier_part(*at)) {
        while (stop != end && is_identifier_part(*stop) && stop - at < max_length) ++stop;
    } else if (*at == '\'' || *at == '"' || *at == '`') {
        char const* closing = skip_quoted(at, end);
        stop = closing ? closing : end;
        if (stop - at > max_length) stop = at + max_length;
    } else {
        // An escape shows with the character it escapes: '\q'.
        if (*at == '\\' && end - at > 1) ++stop;
        ++stop;
        // Keep a UTF-8 sequence whole.
        while (stop != end && (static_cast<unsigned char>(*stop) & 0xC0) == 0x80) ++stop;
    }
    return {at, static_cast<std::size_t>(stop - at)};
}

namespace {

bool word_is(char const* at, char const* stop, std::string_view lower_word) {
    if (stop - at != static_cast<std::ptrdiff_t>(lower_word.size())) return false;
    for (char c : lower_word) {
        if (to_lower(*at++) != c) return false;
    }
    return true;
}

}  // namespace

char const* find_invalid_utf8(char const* begin, char const* end) {
    auto const* p = reinterpret_cast<unsigned char const*>(begin);
    auto const* const e = reinterpret_cast<unsigned char const*>(end);
    while (p < e) {
        unsigned char const c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        // Bounds of the second byte narrow the ranges (Table 3-7 of the Unicode standard).
        int length = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) length = 2;
        else if (c == 0xE0) length = 3, low = 0xA0;
        else if (c == 0xED) length = 3, high = 0x9F;
        else if (c >= 0xE1 && c <= 0xEF) length = 3;
        else if (c == 0xF0) length = 4, low = 0x90;
        else if (c == 0xF4) length = 4, high = 0x8F;
        else if (c >= 0xF1 && c <= 0xF3) length = 4;
        else return reinterpret_cast<char const*>(p);
        if (e - p < length || p[1] < low || p[1] > high) return reinterpret_cast<char const*>(p);
        for (int i = 2; i < length; ++i)
            if ((p[i] & 0xC0) != 0x80) return reinterpret_cast<char const*>(p);
        p += length;
    }
    return nullptr;
}

char const* find_excessive_nesting(char const* begin, char const* end, int limit) {
    // Each open level remembers how much depth it added: itself plus the prefix operators
    // right before it, which the parser also enters recursively.
    struct Level {
        char kind;  // '(', '[', '{' or 'C' for CASE
        int weight;
    };
    std::vector<Level> levels;
    int depth = 0;
    int prefix_run = 0;
    bool after_operand = false;    // a following - or + is binary
    bool after_dot = false;        // a following word is a property key, not CASE/END/NOT
    char const* at = begin;
    while (true) {
        at = skip_blanks(at, end);
        if (at == end) return nullptr;
        char const c = *at;
        char const* token = at;
        bool const dot_before = after_dot;
        after_dot = false;
        if (c == '\'' || c == '"' || c == '`') {
            at = skip_quoted(at, end);
            if (!at) return nullptr;  // the parser reports the unterminated string
            prefix_run = 0;
            after_operand = true;
            continue;
        }
        if (is_identifier_part(c)) {
            while (at != end && is_identifier_part(*at)) ++at;
            if (!dot_before && word_is(token, at, "not")) {
                if (depth + ++prefix_run > limit) return token;
                after_operand = false;
                continue;
            }
            prefix_run = 0;
            after_operand = true;
            if (dot_before) continue;
            if (word_is(token, at, "case")) {
                levels.push_back({'C', 1});
                if (++depth > limit) return token;
                after_operand = false;
            } else if (word_is(token, at, "end")) {
                if (!levels.empty() && levels.back().kind == 'C') {
                    depth -= levels.back().weight;
                    levels.pop_back();
                }
            }
            continue;
        }
        ++at;
        switch (c) {
            case '(':
            case '[':
            case '{': {
                int const weight = prefix_run + 1;
                levels.push_back({c, weight});
                depth += weight;
                prefix_run = 0;
                after_operand = false;
                if (depth > limit) return token;
                break;
            }
            case ')':
            case ']':
            case '}': {
                // Close the innermost bracket, and any CASE left open inside it.
                while (!levels.empty()) {
                    Level const level = levels.back();
                    levels.pop_back();
                    depth -= level.weight;
                    if (level.kind != 'C') break;
                }
                prefix_run = 0;
                after_operand = true;
                break;
            }
            case '-':
            case '+':
                if (after_operand) {
                    prefix_run = 0;
                    after_operand = false;
                } else if (depth + ++prefix_run > limit) {
                    return token;
                }
                break;
            case '.':
                after_dot = true;
                prefix_run = 0;
                after_operand = false;
                break;
            case '$':
                prefix_run = 0;
                after_operand = true;
                // The parameter's name is an operand, not a keyword.
                after_dot = true;
                break;
            default:
                prefix_run = 0;
                after_operand = false;
                break;
        }
    }
}

namespace {

// Skips a plain or backquoted name; returns `at` when there is none.
char const* skip_name(char const* at, char const* end) {
    if (at == end) return at;
    if (*at == '`') {
        char const* after = skip_quoted(at, end);
        return after ? after : at;
    }
    if (!is_identifier_start(*at)) return at;
    while (at != end && is_identifier_part(*at)) ++at;
    return at;
}

// Skips a balanced {...} (strings and comments inside are opaque); nullptr if unbalanced.
char const* skip_braces(char const* at, char const* end) {
    int depth = 0;
    while (at != end) {
        at = skip_blanks(at, end);
        if (at == end) break;
        char const c = *at;
        if (c == '\'' || c == '"' || c == '`') {
            at = skip_quoted(at, end);
            if (!at) return nullptr;
            continue;
        }
        ++at;
        if (c == '{') ++depth;
        if (c == '}' && --depth == 0) return at;
    }
    return nullptr;
}

}  // namespace

bool starts_pattern_with_relationship(char const* at, char const* end) {
    auto const next = [&](char const* p) { return skip_blanks(p, end); };
    at = next(at);
    if (at == end || *at != '(') return false;
    at = skip_name(next(at + 1), end);
    at = next(at);
    while (at != end && (*at == ':' || *at == '|')) {
        at = next(at + 1);
        if (at != end && *at == ':') at = next(at + 1);  // `:A|:B`
        char const* after = skip_name(at, end);
        if (after == at) return false;
        at = next(after);
    }
    if (at != end && *at == '{') {
        at = skip_braces(at, end);
        if (!at) return false;
        at = next(at);
    } else if (at != end && *at == '$') {
        char const* after = skip_name(at + 1, end);
        while (after != end && is_digit(*after)) ++after;
        if (after == at + 1) return false;
        at = next(after);
    }
    if (at == end || *at != ')') return false;
    at = next(at + 1);
    if (at != end && *at == '<') at = next(at + 1);
    if (at == end || *at != '-') return false;
    at = next(at + 1);
    return at != end && (*at == '[' || *at == '-');
}

bool ends_with_semicolon_or_blank(std::string_view text) {
    char const* at = text.data();
    char const* const end = at + text.size();
    char last = ';';  // blank text counts as complete
    while (true) {
        char const* next = skip_blanks(at, end);
        if (next == end) return last == ';';
        // An unterminated block comment: the user is still typing it.
        if (end - next >= 2 && next[0] == '/' && next[1] == '*') return false;
        at = next;
        if (*at == '\'' || *at == '"' || *at == '`') {
            at = skip_quoted(at, end);
            if (!at) return false;
            last = '\'';
            continue;
        }
        last = *at++;
    }
}

}  // namespace kgq::grammar::scan
