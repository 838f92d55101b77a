// engine/value/binary_codec.cpp — LEB128 varints and the tagged encoding of property values.
// The tags are the file format's, not ValueKind's order: changing them is a format version.
#include "value/binary_codec.hpp"

namespace kgq::value {

namespace {

enum Tag : std::uint8_t {
    tag_null = 0,
    tag_false = 1,
    tag_true = 2,
    tag_int = 3,
    tag_float = 4,
    tag_string = 5,
    tag_date = 6,
    tag_local_time = 7,
    tag_time = 8,
    tag_local_datetime = 9,
    tag_datetime = 10,
    tag_duration = 11,
    tag_list = 12,
    tag_map = 13,
};

// Lists of lists are legal values; property values nest little, so this only stops a
// corrupt file from recursing without end.
constexpr int max_depth = 512;

}  // namespace

void BinaryWriter::varint(std::uint64_t v) {
    while (v >= 0x80) {
        out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
}

void BinaryWriter::value(const Value& v) {
    switch (v.kind()) {
        case ValueKind::Null: u8(tag_null); return;
        case ValueKind::Bool: u8(v.as_bool() ? tag_true : tag_false); return;
        case ValueKind::Int:
            u8(tag_int);
            svarint(v.as_int());
            return;
        case ValueKind::Float:
            u8(tag_float);
            f64(v.as_float());
            return;
        case ValueKind::String:
            u8(tag_string);
            string(v.as_string());
            return;
        case ValueKind::Date:
            u8(tag_date);
            svarint(v.as_date().days);
            return;
        case ValueKind::LocalTime:
            u8(tag_local_time);
            svarint(v.as_local_time().nanos);
            return;
        case ValueKind::Time:
            u8(tag_time);
            svarint(v.as_time().nanos);
            svarint(v.as_time().offset_seconds);
            return;
        case ValueKind::LocalDateTime:
            u8(tag_local_datetime);
            svarint(v.as_local_datetime().seconds);
            svarint(v.as_local_datetime().nanos);
            return;
        case ValueKind::DateTime: {
            const DateTime& t = v.as_datetime();
            u8(tag_datetime);
            svarint(t.seconds);
            svarint(t.nanos);
            svarint(t.offset_seconds);
            string(t.zone);
            return;
        }
        case ValueKind::Duration: {
            const Duration& d = v.as_duration();
            u8(tag_duration);
            svarint(d.months);
            svarint(d.days);
            svarint(d.seconds);
            svarint(d.nanos);
            return;
        }
        case ValueKind::List:
            u8(tag_list);
            varint(v.as_list().size());
            for (const Value& e : v.as_list()) value(e);
            return;
        case ValueKind::Map:
            u8(tag_map);
            varint(v.as_map().size());
            for (const auto& [key, e] : v.as_map()) {
                string(key);
                value(e);
            }
            return;
        case ValueKind::Node:
        case ValueKind::Relationship:
        case ValueKind::Path: break;
    }
    throw std::logic_error(std::string("a ") + kind_name(v.kind()) + " is not a property value");
}

std::uint64_t BinaryReader::varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        const std::uint8_t b = u8();
        v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) return v;
    }
    fail("malformed variable-length integer");
}

std::size_t BinaryReader::count(std::size_t element_size) {
    const std::uint64_t n = varint();
    const auto left = static_cast<std::uint64_t>(end_ - p_);
    if (element_size ? n > left / element_size : n > left)
        fail("a length of " + std::to_string(n) + " runs past the end of the data");
    return static_cast<std::size_t>(n);
}

Value BinaryReader::value_at_depth(int depth) {
    if (depth > max_depth) fail("values nested too deeply");
    const std::uint8_t tag = u8();
    auto narrow = [&](std::int64_t v) {
        if (v < INT32_MIN || v > INT32_MAX) fail("a 32-bit field out of range");
        return static_cast<std::int32_t>(v);
    };
    switch (tag) {
        case tag_null: return Value();
        case tag_false: return Value(false);
        case tag_true: return Value(true);
        case tag_int: return Value(svarint());
        case tag_float: return Value(f64());
        case tag_string: return Value(string());
        case tag_date: return Value(Date{svarint()});
        case tag_local_time: return Value(LocalTime{svarint()});
        case tag_time: {
            Time t;
            t.nanos = svarint();
            t.offset_seconds = narrow(svarint());
            return Value(t);
        }
        case tag_local_datetime: {
            LocalDateTime t;
            t.seconds = svarint();
            t.nanos = narrow(svarint());
            return Value(t);
        }
        case tag_datetime: {
            DateTime t;
            t.seconds = svarint();
            t.nanos = narrow(svarint());
            t.offset_seconds = narrow(svarint());
            t.zone = string();
            return Value(std::move(t));
        }
        case tag_duration: {
            Duration d;
            d.months = svarint();
            d.days = svarint();
            d.seconds = svarint();
            d.nanos = narrow(svarint());
            return Value(d);
        }
        case tag_list: {
            const std::size_t n = count(1);
            List list;
            list.reserve(n);
            for (std::size_t i = 0; i < n; ++i) list.push_back(value_at_depth(depth + 1));
            return Value(std::move(list));
        }
        case tag_map: {
            const std::size_t n = count(2);
            Map map;
            for (std::size_t i = 0; i < n; ++i) {
                std::string key = string();
                map[key] = value_at_depth(depth + 1);
            }
            return Value(std::move(map));
        }
        default: fail("unknown value tag " + std::to_string(tag));
    }
}

}  // namespace kgq::value
