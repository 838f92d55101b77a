// order_oracle.cpp — the ranks and comparisons of order_oracle.hpp, from the manual's table.
#include "order_oracle.hpp"

#include <cmath>
#include <string>

namespace kgqm {

namespace {

// Ascending ranks of the kinds the oracle knows; -1 for the others.
int rank(const kgq::Value& v) {
    switch (v.kind()) {
        case kgq::ValueKind::List: return 3;
        case kgq::ValueKind::Date: return 7;
        case kgq::ValueKind::String: return 11;
        case kgq::ValueKind::Bool: return 12;
        case kgq::ValueKind::Int:
        case kgq::ValueKind::Float: return 13;
        case kgq::ValueKind::Null: return 14;
        default: return -1;
    }
}

bool outside_bmp(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0xF0) return true;  // the lead byte of a four-byte sequence
    return false;
}

int sign(long double d) { return d < 0 ? -1 : d > 0 ? 1 : 0; }

// Numbers by value (an int and a float exactly, through long double's 64-bit mantissa);
// NaN after every other number and equal to itself; -0.0 = 0.
int compare_numbers(const kgq::Value& a, const kgq::Value& b) {
    const bool a_nan = a.is_float() && std::isnan(a.as_float());
    const bool b_nan = b.is_float() && std::isnan(b.as_float());
    if (a_nan || b_nan) return a_nan == b_nan ? 0 : a_nan ? 1 : -1;
    const long double x = a.is_int() ? static_cast<long double>(a.as_int()) : static_cast<long double>(a.as_float());
    const long double y = b.is_int() ? static_cast<long double>(b.as_int()) : static_cast<long double>(b.as_float());
    return sign(x - y);
}

}  // namespace

std::optional<int> cypher_order(const kgq::Value& a, const kgq::Value& b) {
    const int ra = rank(a), rb = rank(b);
    if (ra < 0 || rb < 0) return std::nullopt;
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (a.kind()) {
        case kgq::ValueKind::Null: return 0;
        case kgq::ValueKind::Bool: return int(a.as_bool()) - int(b.as_bool());
        case kgq::ValueKind::Int:
        case kgq::ValueKind::Float: return compare_numbers(a, b);
        case kgq::ValueKind::Date:
            return sign(static_cast<long double>(a.as_date().days) - static_cast<long double>(b.as_date().days));
        case kgq::ValueKind::String: {
            if (outside_bmp(a.as_string()) || outside_bmp(b.as_string())) return std::nullopt;
            const int c = a.as_string().compare(b.as_string());  // bytes of UTF-8: code point order
            return c < 0 ? -1 : c > 0 ? 1 : 0;
        }
        case kgq::ValueKind::List: {
            const auto& x = a.as_list();
            const auto& y = b.as_list();
            for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
                auto c = cypher_order(x[i], y[i]);
                if (!c || *c != 0) return c;
            }
            return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
        }
        default: return std::nullopt;
    }
}

}  // namespace kgqm
