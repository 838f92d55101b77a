// tests/tck/tck_value.cpp — parser for TCK expected cells and the result equality of
// tck_value.hpp. A small recursive-descent reader: the cells are Cypher literals plus
// node, relationship and path notation, never full expressions.
#include "tck_value.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace kgq::tck {
namespace {

class Reader {
public:
    explicit Reader(std::string_view text) : s_(text) {}

    Value parse_all() {
        Value v = value();
        ws();
        if (p_ != s_.size()) fail("trailing text");
        return v;
    }

private:
    std::string_view s_;
    std::size_t p_ = 0;
    std::uint64_t next_id_ = 0;

    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("cannot read expected value '" + std::string(s_) + "': " + what + " at offset " +
                                 std::to_string(p_));
    }
    void ws() {
        while (p_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[p_]))) ++p_;
    }
    bool eat(char c) {
        ws();
        if (p_ < s_.size() && s_[p_] == c) {
            ++p_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!eat(c)) fail(std::string("expected '") + c + "'");
    }
    bool eat_word(std::string_view w) {
        ws();
        if (s_.substr(p_, w.size()) != w) return false;
        std::size_t e = p_ + w.size();
        if (e < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[e])) || s_[e] == '_')) return false;
        p_ = e;
        return true;
    }
    char peek() {
        ws();
        return p_ < s_.size() ? s_[p_] : '\0';
    }

    std::string name() {
        ws();
        std::string out;
        if (p_ < s_.size() && s_[p_] == '`') {
            ++p_;
            while (p_ < s_.size() && s_[p_] != '`') out += s_[p_++];
            expect('`');
            return out;
        }
        while (p_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[p_])) || s_[p_] == '_')) out += s_[p_++];
        if (out.empty()) fail("expected a name");
        return out;
    }

    static void append_utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) out += char(cp);
        else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }

    std::string string_literal() {
        const char quote = s_[p_++];
        std::string out;
        while (true) {
            if (p_ >= s_.size()) fail("unterminated string");
            char c = s_[p_++];
            if (c == quote) break;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (p_ >= s_.size()) fail("unterminated escape");
            char e = s_[p_++];
            switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u':
                case 'U': {
                    const std::size_t n = e == 'u' ? 4 : 8;
                    if (p_ + n > s_.size()) fail("short unicode escape");
                    std::uint32_t cp = std::stoul(std::string(s_.substr(p_, n)), nullptr, 16);
                    p_ += n;
                    append_utf8(out, cp);
                    break;
                }
                default: out += e;  // \' \" \\ and anything else: the character itself
            }
        }
        return out;
    }

    Value number() {
        std::size_t b = p_;
        if (s_[p_] == '-' || s_[p_] == '+') ++p_;
        if (eat_word("NaN")) return std::numeric_limits<double>::quiet_NaN();
        if (eat_word("Infinity") || eat_word("Inf"))
            return s_[b] == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        bool is_float = false;
        if (s_.substr(p_, 2) == "0x" || s_.substr(p_, 2) == "0o") {
            const int base = s_[p_ + 1] == 'x' ? 16 : 8;
            p_ += 2;
            std::size_t d = p_;
            while (p_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[p_]))) ++p_;
            std::int64_t v = std::stoll(std::string(s_.substr(d, p_ - d)), nullptr, base);
            return s_[b] == '-' ? -v : v;
        }
        while (p_ < s_.size()) {
            char c = s_[p_];
            if (std::isdigit(static_cast<unsigned char>(c))) {
                ++p_;
                continue;
            }
            if (c == '.' || c == 'e' || c == 'E') {
                is_float = true;
                ++p_;
                if ((c == 'e' || c == 'E') && p_ < s_.size() && (s_[p_] == '-' || s_[p_] == '+')) ++p_;
                continue;
            }
            break;
        }
        const std::string text(s_.substr(b, p_ - b));
        if (text.empty() || text == "-" || text == "+") fail("expected a number");
        try {
            if (is_float) return std::stod(text);
            return static_cast<std::int64_t>(std::stoll(text));
        } catch (const std::exception&) {
            fail("bad number " + text);
        }
    }

    Map properties() {
        Map m;
        expect('{');
        if (eat('}')) return m;
        do {
            std::string key = name();
            expect(':');
            m[key] = value();
        } while (eat(','));
        expect('}');
        return m;
    }

    // (:A:B {k: v}) — an optional variable name is skipped.
    Node node() {
        expect('(');
        Node n;
        n.id = next_id_++;
        ws();
        if (p_ < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[p_])) || s_[p_] == '`')) name();
        while (eat(':')) n.labels.push_back(name());
        if (peek() == '{') n.properties = properties();
        expect(')');
        return n;
    }

    // [:T {k: v}] after '[' was seen and the next token is ':' (or a variable then ':').
    Relationship relationship_body() {
        Relationship r;
        r.id = next_id_++;
        ws();
        if (p_ < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[p_])) || s_[p_] == '`')) name();
        if (eat(':')) r.type = name();
        if (peek() == '{') r.properties = properties();
        expect(']');
        return r;
    }

    bool relationship_ahead() {
        // After '[': ':' starts a relationship; "[]" is an empty list.
        ws();
        return p_ < s_.size() && s_[p_] == ':';
    }

    Value path() {
        Path path;
        path.nodes.push_back(node());
        while (true) {
            ws();
            if (peek() == '>') break;
            bool backward = false;
            if (eat('<')) backward = true;
            expect('-');
            expect('[');
            Relationship r = relationship_body();
            expect('-');
            bool forward = eat('>');
            Node next = node();
            if (forward == backward) fail("a path relationship needs exactly one direction");
            r.start = forward ? path.nodes.back().id : next.id;
            r.end = forward ? next.id : path.nodes.back().id;
            path.relationships.push_back(std::move(r));
            path.nodes.push_back(std::move(next));
        }
        expect('>');
        return path;
    }

    Value value() {
        ws();
        if (p_ >= s_.size()) fail("expected a value");
        char c = s_[p_];
        if (c == '\'' || c == '"') return string_literal();
        if (c == '-' || c == '+' || std::isdigit(static_cast<unsigned char>(c))) return number();
        if (c == '[') {
            ++p_;
            if (relationship_ahead()) return relationship_body();
            List l;
            if (eat(']')) return l;
            do l.push_back(value());
            while (eat(','));
            expect(']');
            return l;
        }
        if (c == '{') return properties();
        if (c == '(') return node();
        if (c == '<') {
            ++p_;
            return path();
        }
        if (eat_word("null") || eat_word("NULL")) return nullptr;
        if (eat_word("true") || eat_word("TRUE")) return true;
        if (eat_word("false") || eat_word("FALSE")) return false;
        if (s_.substr(p_, 3) == "NaN" || s_.substr(p_, 3) == "Inf") return number();
        fail("unknown value");
    }
};

bool float_equal(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    if (a == b) return true;
    if (std::isinf(a) || std::isinf(b)) return false;
    return std::fabs(a - b) <= 1e-12 * std::max(std::fabs(a), std::fabs(b));
}

// date('2015-07-21') -> 2015-07-21: the TCK writes temporal results as their ISO string.
std::string iso_text(const Value& v) {
    std::string s = v.to_string();
    auto open = s.find("('");
    if (open != std::string::npos && s.size() >= open + 4 && s.compare(s.size() - 2, 2, "')") == 0)
        return s.substr(open + 2, s.size() - open - 4);
    if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') return s.substr(1, s.size() - 2);
    return s;
}

bool map_equal(const Map& e, const Map& a, bool ignore) {
    if (e.size() != a.size()) return false;
    for (const auto& [k, v] : e) {
        const Value* other = a.find(k);
        if (!other || !result_equal(v, *other, ignore)) return false;
    }
    return true;
}

bool node_equal(const Node& e, const Node& a, bool ignore) {
    auto el = e.labels, al = a.labels;
    std::sort(el.begin(), el.end());
    std::sort(al.begin(), al.end());
    return el == al && map_equal(e.properties, a.properties, ignore);
}

bool relationship_equal(const Relationship& e, const Relationship& a, bool ignore) {
    return e.type == a.type && map_equal(e.properties, a.properties, ignore);
}

bool bag_equal(const List& e, const List& a, bool ignore) {
    if (e.size() != a.size()) return false;
    std::vector<bool> used(a.size(), false);
    for (const Value& x : e) {
        bool found = false;
        for (std::size_t i = 0; i < a.size() && !found; ++i)
            if (!used[i] && result_equal(x, a[i], ignore)) used[i] = found = true;
        if (!found) return false;
    }
    return true;
}

}  // namespace

Value parse_expected(std::string_view text) { return Reader(text).parse_all(); }

bool result_equal(const Value& e, const Value& a, bool ignore) {
    if (e.is_string() && a.is_temporal()) return e.as_string() == iso_text(a);
    if (e.kind() != a.kind()) return false;
    switch (e.kind()) {
        case ValueKind::Float: return float_equal(e.as_float(), a.as_float());
        case ValueKind::List: {
            const List& el = e.as_list();
            const List& al = a.as_list();
            if (ignore) return bag_equal(el, al, ignore);
            if (el.size() != al.size()) return false;
            for (std::size_t i = 0; i < el.size(); ++i)
                if (!result_equal(el[i], al[i], ignore)) return false;
            return true;
        }
        case ValueKind::Map: return map_equal(e.as_map(), a.as_map(), ignore);
        case ValueKind::Node: return node_equal(e.as_node(), a.as_node(), ignore);
        case ValueKind::Relationship: return relationship_equal(e.as_relationship(), a.as_relationship(), ignore);
        case ValueKind::Path: {
            const Path& ep = e.as_path();
            const Path& ap = a.as_path();
            if (ep.nodes.size() != ap.nodes.size() || ep.relationships.size() != ap.relationships.size()) return false;
            for (std::size_t i = 0; i < ep.nodes.size(); ++i)
                if (!node_equal(ep.nodes[i], ap.nodes[i], ignore)) return false;
            for (std::size_t i = 0; i < ep.relationships.size(); ++i) {
                const Relationship& er = ep.relationships[i];
                const Relationship& ar = ap.relationships[i];
                if (!relationship_equal(er, ar, ignore)) return false;
                // Direction: does the relationship leave the node before it in the path?
                const bool e_forward = er.start == ep.nodes[i].id;
                const bool a_forward = ar.start == ap.nodes[i].id;
                const bool a_loop = ar.start == ar.end;
                if (!a_loop && e_forward != a_forward) return false;
            }
            return true;
        }
        default: return e == a;
    }
}

}  // namespace kgq::tck
