// engine/function/list_functions.cpp — Cypher's list functions: size, head, last, tail,
// range, reverse (lists and strings), isEmpty (lists, strings, maps). Errors as the TCK
// names them (range: ArgumentError NumberOutOfRange / InvalidArgumentType).
#include "function/function_support.hpp"

namespace kgq::function {
namespace {

using catalog::TypeKind;

std::int64_t char_count(const std::string& s) {
    std::int64_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

Value size(Args a, const FunctionContext&) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (v.is_list()) return std::int64_t(v.as_list().size());
    if (v.is_string()) return char_count(v.as_string());
    if (v.is_map()) return std::int64_t(v.as_map().size());
    wrong_type("size", v, "LIST or STRING");
}

const List& list_arg(std::string_view fn, const Value& v) {
    if (!v.is_list()) wrong_type(fn, v, "LIST");
    return v.as_list();
}

Value head(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    const List& l = list_arg("head", a[0]);
    return l.empty() ? Value() : l.front();
}

Value last(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    const List& l = list_arg("last", a[0]);
    return l.empty() ? Value() : l.back();
}

Value tail(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    const List& l = list_arg("tail", a[0]);
    return l.empty() ? List{} : List(l.begin() + 1, l.end());
}

Value range(Args a, const FunctionContext&) {
    for (const Value& v : a)
        if (!v.is_int())
            value::throw_argument_error("range() expects INTEGER arguments but got " + value::type_name(v),
                                        "InvalidArgumentType");
    std::int64_t start = a[0].as_int(), end = a[1].as_int();
    std::int64_t step = a.size() > 2 ? a[2].as_int() : 1;
    if (step == 0) value::throw_argument_error("range(): step must not be zero", "NumberOutOfRange");
    List out;
    if ((step > 0 && start > end) || (step < 0 && start < end)) return out;
    // Count first (in 128 bits) so huge ranges fail cleanly and steps cannot overflow.
    __int128 count = (__int128(end) - start) / step + 1;
    if (count > 100'000'000)
        value::throw_argument_error("range() would have " + std::to_string((long long)count) + " elements",
                                    "NumberOutOfRange");
    out.reserve(std::size_t(count));
    for (__int128 i = 0; i < count; ++i) out.emplace_back(std::int64_t(start + i * step));
    return out;
}

Value reverse(Args a, const FunctionContext&) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (v.is_list()) return List(v.as_list().rbegin(), v.as_list().rend());
    if (v.is_string()) {
        // Reverse characters, keeping each UTF-8 sequence intact.
        const std::string& s = v.as_string();
        std::string out;
        std::size_t end = s.size();
        for (std::size_t i = s.size(); i-- > 0;) {
            if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
                out += s.substr(i, end - i);
                end = i;
            }
        }
        return out;
    }
    wrong_type("reverse", v, "LIST or STRING");
}

Value is_empty(Args a, const FunctionContext&) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (v.is_list()) return v.as_list().empty();
    if (v.is_string()) return v.as_string().empty();
    if (v.is_map()) return v.as_map().empty();
    wrong_type("isEmpty", v, "LIST, STRING or MAP");
}

}  // namespace

void add_list_functions(std::vector<FunctionDef>& out) {
    out.push_back(def("size", 1, 1, size, TypeKind::Int));
    out.push_back(def("head", 1, 1, head));
    out.push_back(def("last", 1, 1, last));
    out.push_back(def("tail", 1, 1, tail, TypeKind::List));
    FunctionDef r = def("range", 2, 3, range);
    r.result_type = catalog::LogicalType::list_of(TypeKind::Int);
    out.push_back(r);
    out.push_back(def("reverse", 1, 1, reverse));
    out.push_back(def("isEmpty", 1, 1, is_empty, TypeKind::Bool));
}

}  // namespace kgq::function
