// engine/value/order.cpp — orderability (value_ops.hpp `order`): the total order of ORDER BY,
// min() and max() from the openCypher CIP "Comparability and orderability": kinds rank
// MAP < NODE < RELATIONSHIP < LIST < PATH < DATETIME < LOCALDATETIME < DATE < TIME <
// LOCALTIME < DURATION < STRING < BOOLEAN < NUMBER < NULL, NaN above all other numbers.
#include "value/comparison_detail.hpp"
#include "value/temporal.hpp"
#include "value/value_ops.hpp"

namespace kgq::value {
namespace {

int rank(ValueKind k) {
    switch (k) {
        case ValueKind::Map: return 0;
        case ValueKind::Node: return 1;
        case ValueKind::Relationship: return 2;
        case ValueKind::List: return 3;
        case ValueKind::Path: return 4;
        case ValueKind::DateTime: return 5;
        case ValueKind::LocalDateTime: return 6;
        case ValueKind::Date: return 7;
        case ValueKind::Time: return 8;
        case ValueKind::LocalTime: return 9;
        case ValueKind::Duration: return 10;
        case ValueKind::String: return 11;
        case ValueKind::Bool: return 12;
        case ValueKind::Int:
        case ValueKind::Float: return 13;
        case ValueKind::Null: return 14;
    }
    return 15;
}

template <class T>
int three_way(const T& x, const T& y) {
    return x < y ? -1 : (y < x ? 1 : 0);
}

int order_lists(const List& x, const List& y) {
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
        if (int c = order(x[i], y[i])) return c;
    return three_way(x.size(), y.size());
}

int order_maps(const Map& x, const Map& y) {
    if (x.size() != y.size()) return three_way(x.size(), y.size());
    for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j)
        if (int c = three_way(i->first, j->first)) return c;
    for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j)
        if (int c = order(i->second, j->second)) return c;
    return 0;
}

int order_paths(const Path& x, const Path& y) {
    // Element by element as the path is walked: node, relationship, node, ...
    std::size_t n = std::min(x.nodes.size(), y.nodes.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (int c = three_way(x.nodes[i].id, y.nodes[i].id)) return c;
        if (i < x.relationships.size() && i < y.relationships.size())
            if (int c = three_way(x.relationships[i].id, y.relationships[i].id)) return c;
    }
    return three_way(x.nodes.size(), y.nodes.size());
}

}  // namespace

int order(const Value& a, const Value& b) {
    int ra = rank(a.kind()), rb = rank(b.kind());
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (a.kind()) {
        case ValueKind::Null: return 0;
        case ValueKind::Int:
        case ValueKind::Float: {
            bool na = is_nan(a), nb = is_nan(b);
            if (na || nb) return na == nb ? 0 : (na ? 1 : -1);
            return compare_numbers(a, b);
        }
        case ValueKind::Map: return order_maps(a.as_map(), b.as_map());
        case ValueKind::Node: return three_way(a.as_node().id, b.as_node().id);
        case ValueKind::Relationship: return three_way(a.as_relationship().id, b.as_relationship().id);
        case ValueKind::List: return order_lists(a.as_list(), b.as_list());
        case ValueKind::Path: return order_paths(a.as_path(), b.as_path());
        case ValueKind::Duration: return compare_durations_for_order(a.as_duration(), b.as_duration());
        case ValueKind::Time: {
            // Same instant, different offsets: still a total order.
            Comparison c = compare_detail(a, b);
            if (c != Comparison::Equal) return int(c);
            return three_way(a.as_time().offset_seconds, b.as_time().offset_seconds);
        }
        case ValueKind::DateTime: {
            Comparison c = compare_detail(a, b);
            if (c != Comparison::Equal) return int(c);
            if (int o = three_way(a.as_datetime().offset_seconds, b.as_datetime().offset_seconds)) return o;
            return three_way(a.as_datetime().zone, b.as_datetime().zone);
        }
        default: return int(compare_detail(a, b));  // strings, booleans, other temporals
    }
}

}  // namespace kgq::value
