// grammar/lexical.hpp — token-level parsers: names (plain or `backquoted`), numbers and
// string literals. Hand-written X3 primitives: they never backtrack into each other and
// compile fast. Used by the *_def.hpp rule groups; they produce strings, not AST nodes.
#pragma once

#include "keywords.hpp"
#include "text_scan.hpp"

#include <boost/spirit/home/x3.hpp>

#include <cctype>
#include <cstdint>
#include <string>

namespace kgq::grammar::parser {
namespace x3 = boost::spirit::x3;

template <typename Iterator>
[[noreturn]] void fail_at(Iterator where, std::string expected) {
    boost::throw_exception(x3::expectation_failure<Iterator>(where, std::move(expected)));
}

// A plain identifier or a `backquoted` one (`` is a literal backquote). Reserved words
// are refused unless allowed: property keys, labels and map keys may be keywords.
struct name_parser : x3::parser<name_parser> {
    using attribute_type = std::string;
    bool allow_reserved;
    char const* description;  // for "Expected <description>"
    constexpr name_parser(bool allow_reserved_words, char const* what)
        : allow_reserved(allow_reserved_words), description(what) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        x3::skip_over(first, last, context);
        if (first == last) return false;
        std::string name;
        Iterator at = first;
        if (*at == '`') {
            ++at;
            for (;;) {
                if (at == last) fail_at(first, "a closing '`'");
                if (*at == '`') {
                    if (at + 1 != last && at[1] == '`') {
                        name += '`';
                        at += 2;
                        continue;
                    }
                    ++at;
                    break;
                }
                name += *at++;
            }
        } else {
            if (!scan::is_identifier_start(*at)) return false;
            while (at != last && scan::is_identifier_part(*at)) name += *at++;
            if (!allow_reserved && is_reserved(name)) return false;
        }
        first = at;
        x3::traits::move_to(std::move(name), attribute);
        return true;
    }
};

constexpr name_parser variable_name(false, "a variable name");
constexpr name_parser symbolic_name(true, "a name");
constexpr name_parser property_key(true, "a property name");
constexpr name_parser label_name(true, "a label");
constexpr name_parser relationship_type_name(true, "a relationship type");

// Integers keep their text (the binder converts and reports overflow): 42, 0x2A, 0o52.
struct integer_text_parser : x3::parser<integer_text_parser> {
    using attribute_type = std::string;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        x3::skip_over(first, last, context);
        Iterator at = first;
        if (at == last || !scan::is_digit(*at)) return false;
        auto const is_hex = [](char c) {
            return scan::is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        };
        auto const is_octal = [](char c) { return c >= '0' && c <= '7'; };
        if (*at == '0' && last - at > 2 && (at[1] == 'x' || at[1] == 'X') && is_hex(at[2])) {
            at += 2;
            while (at != last && is_hex(*at)) ++at;
        } else if (*at == '0' && last - at > 2 && (at[1] == 'o' || at[1] == 'O') && is_octal(at[2])) {
            at += 2;
            while (at != last && is_octal(*at)) ++at;
        } else {
            while (at != last && scan::is_digit(*at)) ++at;
        }
        x3::traits::move_to(std::string(first, at), attribute);
        first = at;
        return true;
    }
};

// 1.5, .5, 1e3, 1.5E-3: a digit must follow the dot, so `1..3` stays a range.
struct float_text_parser : x3::parser<float_text_parser> {
    using attribute_type = std::string;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        x3::skip_over(first, last, context);
        Iterator at = first;
        auto const digits = [&] {
            Iterator const start = at;
            while (at != last && scan::is_digit(*at)) ++at;
            return at != start;
        };
        bool const integral = digits();
        bool fraction = false;
        if (at != last && *at == '.' && at + 1 != last && scan::is_digit(at[1])) {
            ++at;
            fraction = digits();
        }
        if (!integral && !fraction) return false;
        bool exponent = false;
        if (at != last && (*at == 'e' || *at == 'E')) {
            Iterator const mark = at;
            ++at;
            if (at != last && (*at == '+' || *at == '-')) ++at;
            exponent = digits();
            if (!exponent) at = mark;
        }
        if (!fraction && !exponent) return false;
        x3::traits::move_to(std::string(first, at), attribute);
        first = at;
        return true;
    }
};

inline void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

// '...' or "..." with escapes resolved: \\ \' \" \n \t \r \b \f \uXXXX \UXXXXXXXX.
// A quote commits: a bad escape or a missing closing quote is an error right there.
struct string_text_parser : x3::parser<string_text_parser> {
    using attribute_type = std::string;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        x3::skip_over(first, last, context);
        if (first == last || (*first != '\'' && *first != '"')) return false;
        char const quote = *first;
        std::string value;
        Iterator at = first + 1;
        for (;;) {
            if (at == last) fail_at(first, "a closing quote for this string");
            char const c = *at;
            if (c == quote) {
                ++at;
                break;
            }
            if (c != '\\') {
                value += c;
                ++at;
                continue;
            }
            Iterator const escape = at++;
            if (at == last) fail_at(escape, "a valid escape sequence");
            switch (*at++) {
                case '\\': value += '\\'; break;
                case '\'': value += '\''; break;
                case '"': value += '"'; break;
                case 'n': value += '\n'; break;
                case 't': value += '\t'; break;
                case 'r': value += '\r'; break;
                case 'b': value += '\b'; break;
                case 'f': value += '\f'; break;
                case 'u':
                case 'U': {
                    int const length = at[-1] == 'u' ? 4 : 8;
                    std::uint32_t code_point = 0;
                    for (int i = 0; i < length; ++i, ++at) {
                        if (at == last || !std::isxdigit(static_cast<unsigned char>(*at)))
                            fail_at(escape, length == 4 ? "four hex digits after \\u"
                                                        : "eight hex digits after \\U");
                        char const h = scan::to_lower(*at);
                        code_point = code_point * 16 + (scan::is_digit(h) ? h - '0' : h - 'a' + 10);
                    }
                    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
                        fail_at(escape, "a valid Unicode code point");
                    append_utf8(value, code_point);
                    break;
                }
                default: fail_at(escape, "a valid escape sequence");
            }
        }
        first = at;
        x3::traits::move_to(std::move(value), attribute);
        return true;
    }
};

constexpr integer_text_parser integer_text{};
constexpr float_text_parser float_text{};
constexpr string_text_parser string_text{};

}  // namespace kgq::grammar::parser

namespace boost::spirit::x3 {

template <>
struct get_info<kgq::grammar::parser::name_parser> {
    using result_type = std::string;
    std::string operator()(kgq::grammar::parser::name_parser const& parser) const {
        return parser.description;
    }
};
template <>
struct get_info<kgq::grammar::parser::integer_text_parser> {
    using result_type = std::string;
    std::string operator()(kgq::grammar::parser::integer_text_parser const&) const {
        return "an integer";
    }
};
template <>
struct get_info<kgq::grammar::parser::string_text_parser> {
    using result_type = std::string;
    std::string operator()(kgq::grammar::parser::string_text_parser const&) const {
        return "a string";
    }
};

}  // namespace boost::spirit::x3
