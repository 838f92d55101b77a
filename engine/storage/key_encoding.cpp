// engine/storage/key_encoding.cpp — the canonical encoding behind KEY indexes: a kind tag,
// then fixed-width integers or length-prefixed bytes, so lists and maps encode unambiguously.
// Stage: storage. Callers: GraphStore (key_encoding.hpp).
#include "storage/key_encoding.hpp"

#include "catalog/logical_type.hpp"

#include <cmath>
#include <cstring>
#include <sstream>

namespace kgq::storage {

namespace {

void put_int(std::string& out, std::int64_t v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    out.append(bytes, sizeof v);
}

void put_bytes(std::string& out, std::string_view bytes) {
    put_int(out, static_cast<std::int64_t>(bytes.size()));
    out.append(bytes);
}

constexpr std::int64_t nanos_per_second = 1'000'000'000;

void encode(std::string& out, const Value& v) {
    switch (v.kind()) {
        case ValueKind::Null: out.push_back('n'); return;
        case ValueKind::Bool: out.push_back(v.as_bool() ? 'T' : 'F'); return;
        case ValueKind::Int:
            out.push_back('i');
            put_int(out, v.as_int());
            return;
        case ValueKind::Float: {
            const double d = v.as_float();
            // 1.0 and 1 must collide, as `=` says they are equal; -0.0 is 0.
            if (std::isfinite(d) && d == std::trunc(d) && d >= -9.2e18 && d <= 9.2e18) {
                out.push_back('i');
                put_int(out, static_cast<std::int64_t>(d));
                return;
            }
            const double canonical = std::isnan(d) ? std::nan("") : d;
            std::int64_t bits;
            std::memcpy(&bits, &canonical, sizeof bits);
            out.push_back('f');
            put_int(out, bits);
            return;
        }
        case ValueKind::String:
            out.push_back('s');
            put_bytes(out, v.as_string());
            return;
        case ValueKind::Date:
            out.push_back('d');
            put_int(out, v.as_date().days);
            return;
        case ValueKind::LocalTime:
            out.push_back('t');
            put_int(out, v.as_local_time().nanos);
            return;
        case ValueKind::Time: {
            // Two times are equal when they are the same instant of the (UTC) day.
            const auto& t = v.as_time();
            out.push_back('z');
            put_int(out, t.nanos - std::int64_t{t.offset_seconds} * nanos_per_second);
            return;
        }
        case ValueKind::LocalDateTime: {
            const auto& t = v.as_local_datetime();
            out.push_back('l');
            put_int(out, t.seconds);
            put_int(out, t.nanos);
            return;
        }
        case ValueKind::DateTime: {
            const auto& t = v.as_datetime();  // seconds are UTC already: the instant
            out.push_back('D');
            put_int(out, t.seconds);
            put_int(out, t.nanos);
            return;
        }
        case ValueKind::Duration: {
            const auto& d = v.as_duration();
            out.push_back('P');
            put_int(out, d.months);
            put_int(out, d.days);
            put_int(out, d.seconds);
            put_int(out, d.nanos);
            return;
        }
        case ValueKind::List:
            out.push_back('[');
            put_int(out, static_cast<std::int64_t>(v.as_list().size()));
            for (const auto& item : v.as_list()) encode(out, item);
            return;
        case ValueKind::Map:
            out.push_back('{');
            put_int(out, static_cast<std::int64_t>(v.as_map().size()));
            for (const auto& [key, item] : v.as_map().entries()) {
                put_bytes(out, key);
                encode(out, item);
            }
            return;
        case ValueKind::Node:
            out.push_back('N');
            put_int(out, std::int64_t(v.as_node().id));
            return;
        case ValueKind::Relationship:
            out.push_back('R');
            put_int(out, std::int64_t(v.as_relationship().id));
            return;
        case ValueKind::Path:
            out.push_back('p');
            put_int(out, static_cast<std::int64_t>(v.as_path().relationships.size()));
            for (const auto& n : v.as_path().nodes) put_int(out, std::int64_t(n.id));
            for (const auto& r : v.as_path().relationships) put_int(out, std::int64_t(r.id));
            return;
    }
}

}  // namespace

std::optional<std::string> encode_key(const Value& value) {
    if (value.is_null()) return std::nullopt;
    std::string out;
    encode(out, value);
    return out;
}

std::string display_key(const Value& value) {
    if (value.is_string()) return "'" + value.as_string() + "'";
    if (value.is_int()) return std::to_string(value.as_int());
    if (value.is_float()) {
        std::ostringstream out;
        out.precision(15);
        out << value.as_float();
        return out.str();
    }
    if (value.is_bool()) return value.as_bool() ? "true" : "false";
    return "(a " + catalog::LogicalType::of(catalog::type_kind_of(value)).to_string() + " value)";
}

}  // namespace kgq::storage
