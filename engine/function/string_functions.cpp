// engine/function/string_functions.cpp — Cypher's string functions: toUpper, toLower, trim,
// ltrim, rtrim, replace, substring, left, right, split. Positions and lengths count
// characters (UTF-8 code points), not bytes. A null argument gives null.
#include "function/function_support.hpp"

#include <cctype>

namespace kgq::function {
namespace {

using catalog::TypeKind;

// Byte offsets of each code point start, plus the end.
std::vector<std::size_t> char_starts(const std::string& s) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(s.size());
    return starts;
}

// Characters [from, from+count) of s, clamped to its length.
std::string char_slice(const std::string& s, std::int64_t from, std::int64_t count) {
    auto starts = char_starts(s);
    std::int64_t length = std::int64_t(starts.size()) - 1;
    if (from >= length || count <= 0) return "";
    std::int64_t to = count > length - from ? length : from + count;
    return s.substr(starts[from], starts[to] - starts[from]);
}

std::int64_t non_negative(std::string_view fn, const Value& v) {
    std::int64_t n = int_arg(fn, v);
    if (n < 0)
        value::throw_argument_error(std::string(fn) + "(): negative argument " + std::to_string(n),
                                    "NegativeIntegerArgument");
    return n;
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

Value to_upper(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    std::string s = string_arg("toUpper", a[0]);
    for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

Value to_lower(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    std::string s = string_arg("toLower", a[0]);
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

Value trim_impl(std::string_view fn, const Value& v, bool left, bool right) {
    if (v.is_null()) return Value();
    const std::string& s = string_arg(fn, v);
    std::size_t b = 0, e = s.size();
    if (left)
        while (b < e && is_space(s[b])) ++b;
    if (right)
        while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

Value trim(Args a, const FunctionContext&) { return trim_impl("trim", a[0], true, true); }
Value ltrim(Args a, const FunctionContext&) { return trim_impl("ltrim", a[0], true, false); }
Value rtrim(Args a, const FunctionContext&) { return trim_impl("rtrim", a[0], false, true); }

Value replace(Args a, const FunctionContext&) {
    if (any_null(a)) return Value();
    std::string s = string_arg("replace", a[0]);
    const std::string& from = string_arg("replace", a[1]);
    const std::string& to = string_arg("replace", a[2]);
    if (from.empty()) {
        // Java's String.replace("", x) puts x between every character and at both ends.
        auto starts = char_starts(s);
        std::string out = to;
        for (std::size_t i = 0; i + 1 < starts.size(); ++i) out += s.substr(starts[i], starts[i + 1] - starts[i]) + to;
        return out;
    }
    std::string out;
    std::size_t pos = 0;
    for (std::size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size())
        out += s.substr(pos, hit - pos) + to;
    return out + s.substr(pos);
}

Value substring(Args a, const FunctionContext&) {
    if (any_null(a)) return Value();
    const std::string& s = string_arg("substring", a[0]);
    std::int64_t from = non_negative("substring", a[1]);
    std::int64_t count = a.size() > 2 ? non_negative("substring", a[2]) : INT64_MAX;
    return char_slice(s, from, count);
}

Value left(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    const std::string& s = string_arg("left", a[0]);
    if (a[1].is_null()) value::throw_argument_error("left(): length must not be null", "InvalidArgumentValue");
    return char_slice(s, 0, non_negative("left", a[1]));
}

Value right(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    const std::string& s = string_arg("right", a[0]);
    if (a[1].is_null()) value::throw_argument_error("right(): length must not be null", "InvalidArgumentValue");
    std::int64_t n = non_negative("right", a[1]);
    std::int64_t length = std::int64_t(char_starts(s).size()) - 1;
    return n >= length ? s : char_slice(s, length - n, n);
}

Value split(Args a, const FunctionContext&) {
    if (any_null(a)) return Value();
    const std::string& s = string_arg("split", a[0]);
    const std::string& sep = string_arg("split", a[1]);
    List parts;
    if (sep.empty()) {  // into characters
        auto starts = char_starts(s);
        for (std::size_t i = 0; i + 1 < starts.size(); ++i)
            parts.emplace_back(s.substr(starts[i], starts[i + 1] - starts[i]));
        return parts;
    }
    std::size_t pos = 0;
    for (std::size_t hit; (hit = s.find(sep, pos)) != std::string::npos; pos = hit + sep.size())
        parts.emplace_back(s.substr(pos, hit - pos));
    parts.emplace_back(s.substr(pos));
    return parts;
}

}  // namespace

void add_string_functions(std::vector<FunctionDef>& out) {
    out.push_back(def("toUpper", 1, 1, to_upper, TypeKind::String));
    out.push_back(def("upper", 1, 1, to_upper, TypeKind::String));
    out.push_back(def("toLower", 1, 1, to_lower, TypeKind::String));
    out.push_back(def("lower", 1, 1, to_lower, TypeKind::String));
    out.push_back(def("trim", 1, 1, trim, TypeKind::String));
    out.push_back(def("ltrim", 1, 1, ltrim, TypeKind::String));
    out.push_back(def("rtrim", 1, 1, rtrim, TypeKind::String));
    out.push_back(def("replace", 3, 3, replace, TypeKind::String));
    out.push_back(def("substring", 2, 3, substring, TypeKind::String));
    out.push_back(def("left", 2, 2, left, TypeKind::String));
    out.push_back(def("right", 2, 2, right, TypeKind::String));
    FunctionDef s = def("split", 2, 2, split);
    s.result_type = catalog::LogicalType::list_of(TypeKind::String);
    out.push_back(s);
}

}  // namespace kgq::function
