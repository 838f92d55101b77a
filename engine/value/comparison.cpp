// engine/value/comparison.cpp — Cypher's `=`, `<>`, `<`, `<=`, `>`, `>=` (value_ops.hpp):
// equality with null propagation through lists and maps, comparability of numbers, strings,
// booleans, same-kind temporals and lists; NaN compares false, other mismatches give null.
#include "value/comparison_detail.hpp"
#include "value/temporal.hpp"
#include "value/value_ops.hpp"

#include <cmath>

namespace kgq::value {

int compare_numbers(const Value& a, const Value& b) {
    if (a.is_int() && b.is_int()) return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int();
    // long double holds every int64 exactly, so 2^53+1 and 2^53 stay distinct.
    long double x = a.is_int() ? (long double)a.as_int() : (long double)a.as_float();
    long double y = b.is_int() ? (long double)b.as_int() : (long double)b.as_float();
    return x < y ? -1 : x > y;
}

bool is_nan(const Value& v) { return v.is_float() && std::isnan(v.as_float()); }

namespace {

template <class T>
int three_way(const T& x, const T& y) {
    return x < y ? -1 : (y < x ? 1 : 0);
}

// The instant a zoned time stands for on an arbitrary common day.
std::int64_t time_utc_nanos(const Time& t) { return t.nanos - std::int64_t(t.offset_seconds) * nanos_per_second; }

// Tri-state equality: 1 true, 0 false, -1 unknown (null).
int equality(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return -1;
    if (a.is_number() && b.is_number()) {
        if (is_nan(a) || is_nan(b)) return 0;
        return compare_numbers(a, b) == 0;
    }
    if (a.kind() != b.kind()) return 0;
    switch (a.kind()) {
        case ValueKind::List: {
            const List& x = a.as_list();
            const List& y = b.as_list();
            if (x.size() != y.size()) return 0;
            int result = 1;
            for (std::size_t i = 0; i < x.size(); ++i) {
                int e = equality(x[i], y[i]);
                if (e == 0) return 0;
                if (e < 0) result = -1;
            }
            return result;
        }
        case ValueKind::Map: {
            const Map& x = a.as_map();
            const Map& y = b.as_map();
            if (x.size() != y.size()) return 0;
            int result = 1;
            for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j)
                if (i->first != j->first) return 0;
            for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
                int e = equality(i->second, j->second);
                if (e == 0) return 0;
                if (e < 0) result = -1;
            }
            return result;
        }
        case ValueKind::Time: return time_utc_nanos(a.as_time()) == time_utc_nanos(b.as_time());
        case ValueKind::DateTime:
            return a.as_datetime().seconds == b.as_datetime().seconds && a.as_datetime().nanos == b.as_datetime().nanos;
        default: return a == b;  // structural for the rest
    }
}

}  // namespace

Comparison compare_detail(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return Comparison::Unknown;
    if (a.is_number() && b.is_number()) {
        if (is_nan(a) || is_nan(b)) return Comparison::Unordered;
        return Comparison(compare_numbers(a, b));
    }
    if (a.kind() != b.kind()) return Comparison::Unknown;
    switch (a.kind()) {
        case ValueKind::String: return Comparison(three_way(a.as_string(), b.as_string()));
        case ValueKind::Bool: return Comparison(three_way(a.as_bool(), b.as_bool()));
        case ValueKind::Date: return Comparison(three_way(a.as_date().days, b.as_date().days));
        case ValueKind::LocalTime: return Comparison(three_way(a.as_local_time().nanos, b.as_local_time().nanos));
        case ValueKind::Time: return Comparison(three_way(time_utc_nanos(a.as_time()), time_utc_nanos(b.as_time())));
        case ValueKind::LocalDateTime: {
            const auto& x = a.as_local_datetime();
            const auto& y = b.as_local_datetime();
            return Comparison(x.seconds != y.seconds ? three_way(x.seconds, y.seconds) : three_way(x.nanos, y.nanos));
        }
        case ValueKind::DateTime: {
            const auto& x = a.as_datetime();
            const auto& y = b.as_datetime();
            return Comparison(x.seconds != y.seconds ? three_way(x.seconds, y.seconds) : three_way(x.nanos, y.nanos));
        }
        case ValueKind::List: {
            const List& x = a.as_list();
            const List& y = b.as_list();
            for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
                Comparison c = compare_detail(x[i], y[i]);
                if (c != Comparison::Equal) return c;  // first difference (or unknown) decides
            }
            return Comparison(three_way(x.size(), y.size()));
        }
        default: return Comparison::Unknown;  // maps, graph elements, durations
    }
}

Value equals(const Value& a, const Value& b) {
    int e = equality(a, b);
    return e < 0 ? Value() : Value(e == 1);
}

Value not_equals(const Value& a, const Value& b) {
    int e = equality(a, b);
    return e < 0 ? Value() : Value(e == 0);
}

std::optional<int> compare(const Value& a, const Value& b) {
    Comparison c = compare_detail(a, b);
    if (c == Comparison::Unknown || c == Comparison::Unordered) return std::nullopt;
    return int(c);
}

namespace {
template <class Accept>
Value comparison_result(const Value& a, const Value& b, Accept accept) {
    Comparison c = compare_detail(a, b);
    if (c == Comparison::Unknown) return Value();
    if (c == Comparison::Unordered) return false;
    return accept(int(c));
}
}  // namespace

Value less(const Value& a, const Value& b) {
    return comparison_result(a, b, [](int c) { return c < 0; });
}
Value less_equal(const Value& a, const Value& b) {
    return comparison_result(a, b, [](int c) { return c <= 0; });
}
Value greater(const Value& a, const Value& b) {
    return comparison_result(a, b, [](int c) { return c > 0; });
}
Value greater_equal(const Value& a, const Value& b) {
    return comparison_result(a, b, [](int c) { return c >= 0; });
}

}  // namespace kgq::value
