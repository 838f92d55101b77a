// engine/value/equivalence.cpp — equivalence (value_ops.hpp): the equality of DISTINCT,
// grouping keys and UNION, where null ~ null, NaN ~ NaN and 1 ~ 1.0, with a hash that
// agrees with it (equivalent values hash alike). Used by hash aggregation and DISTINCT.
#include "value/comparison_detail.hpp"
#include "value/temporal.hpp"
#include "value/value_ops.hpp"

#include <cmath>
#include <functional>

namespace kgq::value {
namespace {

std::size_t mix(std::size_t seed, std::size_t h) {
    return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

}  // namespace

bool equivalent(const Value& a, const Value& b) {
    if (a.is_number() && b.is_number()) {
        bool na = is_nan(a), nb = is_nan(b);
        if (na || nb) return na && nb;
        return compare_numbers(a, b) == 0;
    }
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
        case ValueKind::Null: return true;
        case ValueKind::List: {
            const List& x = a.as_list();
            const List& y = b.as_list();
            if (x.size() != y.size()) return false;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (!equivalent(x[i], y[i])) return false;
            return true;
        }
        case ValueKind::Map: {
            const Map& x = a.as_map();
            const Map& y = b.as_map();
            if (x.size() != y.size()) return false;
            for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j)
                if (i->first != j->first || !equivalent(i->second, j->second)) return false;
            return true;
        }
        case ValueKind::Time:
        case ValueKind::DateTime: return compare_detail(a, b) == Comparison::Equal;
        default: return a == b;
    }
}

std::size_t hash(const Value& v) {
    std::size_t seed = std::hash<int>()(int(v.kind()));
    switch (v.kind()) {
        case ValueKind::Null: return 0x51ed;
        case ValueKind::Bool: return mix(seed, v.as_bool());
        case ValueKind::Int:
        case ValueKind::Float: {
            // Numbers share one hash space: a whole float hashes as the integer it equals.
            std::size_t number_seed = 0x6e756d;
            if (v.is_int()) return mix(number_seed, std::hash<std::int64_t>()(v.as_int()));
            double d = v.as_float();
            if (std::isnan(d)) return mix(number_seed, 0x7ff8);
            if (d == std::trunc(d) && d >= -9.2233720368547758e18 && d < 9.2233720368547758e18)
                return mix(number_seed, std::hash<std::int64_t>()(std::int64_t(d)));
            return mix(number_seed, std::hash<double>()(d));
        }
        case ValueKind::String: return mix(seed, std::hash<std::string>()(v.as_string()));
        case ValueKind::Date: return mix(seed, std::hash<std::int64_t>()(v.as_date().days));
        case ValueKind::LocalTime: return mix(seed, std::hash<std::int64_t>()(v.as_local_time().nanos));
        case ValueKind::Time: {
            const Time& t = v.as_time();
            return mix(seed, std::hash<std::int64_t>()(t.nanos - std::int64_t(t.offset_seconds) * nanos_per_second));
        }
        case ValueKind::LocalDateTime:
            return mix(mix(seed, std::hash<std::int64_t>()(v.as_local_datetime().seconds)),
                       v.as_local_datetime().nanos);
        case ValueKind::DateTime:
            return mix(mix(seed, std::hash<std::int64_t>()(v.as_datetime().seconds)), v.as_datetime().nanos);
        case ValueKind::Duration: {
            const Duration& d = v.as_duration();
            return mix(mix(mix(mix(seed, d.months), d.days), d.seconds), d.nanos);
        }
        case ValueKind::List:
            for (const Value& e : v.as_list()) seed = mix(seed, hash(e));
            return seed;
        case ValueKind::Map:
            for (const auto& [k, e] : v.as_map()) seed = mix(mix(seed, std::hash<std::string>()(k)), hash(e));
            return seed;
        case ValueKind::Node: return mix(seed, v.as_node().id);
        case ValueKind::Relationship: return mix(seed, v.as_relationship().id);
        case ValueKind::Path:
            for (const Node& n : v.as_path().nodes) seed = mix(seed, n.id);
            for (const Relationship& r : v.as_path().relationships) seed = mix(seed, r.id);
            return seed;
    }
    return seed;
}

}  // namespace kgq::value
