// kgq/value.hpp — the typed value of the public API and of the engine's rows.
// Cypher's value model: null, booleans, 64-bit integers, floats, strings, temporal values,
// lists, maps, nodes, relationships and paths. Semantics (equality, ordering, arithmetic)
// live in engine/value/; this header only holds data and light accessors.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kgq {

class Value;

// Days since 1970-01-01.
struct Date {
    std::int64_t days = 0;
    friend bool operator==(const Date&, const Date&) = default;
};
// Nanoseconds since midnight.
struct LocalTime {
    std::int64_t nanos = 0;
    friend bool operator==(const LocalTime&, const LocalTime&) = default;
};
// Time of day with a UTC offset.
struct Time {
    std::int64_t nanos = 0;
    std::int32_t offset_seconds = 0;
    friend bool operator==(const Time&, const Time&) = default;
};
// Date and time without a zone: seconds since 1970-01-01T00:00 plus nanoseconds.
struct LocalDateTime {
    std::int64_t seconds = 0;
    std::int32_t nanos = 0;
    friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};
// An instant: UTC seconds since the epoch plus nanoseconds, shown in its offset/zone.
struct DateTime {
    std::int64_t seconds = 0;  // UTC
    std::int32_t nanos = 0;
    std::int32_t offset_seconds = 0;
    std::string zone;  // IANA name when given, e.g. "Europe/Stockholm"; empty for a plain offset
    friend bool operator==(const DateTime&, const DateTime&) = default;
};
struct Duration {
    std::int64_t months = 0;
    std::int64_t days = 0;
    std::int64_t seconds = 0;
    std::int32_t nanos = 0;
    friend bool operator==(const Duration&, const Duration&) = default;
};

using List = std::vector<Value>;

// A map with string keys, kept sorted by key (Cypher maps are unordered).
class Map {
public:
    using Entry = std::pair<std::string, Value>;
    Map() = default;
    Map(std::initializer_list<Entry> entries);

    const Value* find(std::string_view key) const;
    Value* find(std::string_view key);
    Value& operator[](std::string_view key);  // inserts null when absent
    bool erase(std::string_view key);
    // Defined after Value: they instantiate std::pair<std::string, Value>, which needs a
    // complete Value (clang checks this where the body is written, g++ only where it is used).
    using const_iterator = std::vector<Entry>::const_iterator;
    using iterator = std::vector<Entry>::iterator;
    std::size_t size() const;
    bool empty() const;
    const_iterator begin() const;
    const_iterator end() const;
    iterator begin();
    iterator end();
    const std::vector<Entry>& entries() const { return entries_; }

private:
    std::vector<Entry> entries_;
};

// Graph elements. Inside the engine only the id is filled; values handed out in a
// kgq::Result carry labels/type and properties as well.
struct Node {
    std::uint64_t id = 0;
    std::vector<std::string> labels;
    Map properties;
};
struct Relationship {
    std::uint64_t id = 0;
    std::string type;
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    Map properties;
};
// n0 -r0- n1 -r1- n2 ...: nodes.size() == relationships.size() + 1.
struct Path {
    std::vector<Node> nodes;
    std::vector<Relationship> relationships;
};

enum class ValueKind {
    Null,
    Bool,
    Int,
    Float,
    String,
    Date,
    LocalTime,
    Time,
    LocalDateTime,
    DateTime,
    Duration,
    List,
    Map,
    Node,
    Relationship,
    Path,
};

const char* kind_name(ValueKind kind);  // "NULL", "BOOLEAN", "INTEGER", ...

class Value {
public:
    using Storage = std::variant<std::monostate, bool, std::int64_t, double, std::string, Date, LocalTime, Time,
                                 LocalDateTime, DateTime, Duration, List, Map, Node, Relationship, Path>;

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : v_(b) {}
    Value(int i) : v_(std::int64_t{i}) {}
    Value(long i) : v_(std::int64_t{i}) {}
    Value(long long i) : v_(std::int64_t{i}) {}
    Value(unsigned u) : v_(std::int64_t{u}) {}
    Value(double d) : v_(d) {}
    Value(const char* s) : v_(std::string(s)) {}
    Value(std::string s) : v_(std::move(s)) {}
    Value(std::string_view s) : v_(std::string(s)) {}
    Value(Date d) : v_(d) {}
    Value(LocalTime t) : v_(t) {}
    Value(Time t) : v_(t) {}
    Value(LocalDateTime t) : v_(t) {}
    Value(DateTime t) : v_(std::move(t)) {}
    Value(Duration d) : v_(d) {}
    Value(List l) : v_(std::move(l)) {}
    Value(Map m) : v_(std::move(m)) {}
    Value(Node n) : v_(std::move(n)) {}
    Value(Relationship r) : v_(std::move(r)) {}
    Value(Path p) : v_(std::move(p)) {}

    ValueKind kind() const { return static_cast<ValueKind>(v_.index()); }
    bool is_null() const { return v_.index() == 0; }
    bool is_bool() const { return kind() == ValueKind::Bool; }
    bool is_int() const { return kind() == ValueKind::Int; }
    bool is_float() const { return kind() == ValueKind::Float; }
    bool is_number() const { return is_int() || is_float(); }
    bool is_string() const { return kind() == ValueKind::String; }
    bool is_list() const { return kind() == ValueKind::List; }
    bool is_map() const { return kind() == ValueKind::Map; }
    bool is_node() const { return kind() == ValueKind::Node; }
    bool is_relationship() const { return kind() == ValueKind::Relationship; }
    bool is_path() const { return kind() == ValueKind::Path; }
    // Date, LocalTime, Time, LocalDateTime, DateTime or Duration (contiguous in ValueKind).
    bool is_temporal() const { return kind() >= ValueKind::Date && kind() <= ValueKind::Duration; }

    // Unchecked accessors: the caller knows the kind (std::bad_variant_access otherwise).
    bool as_bool() const { return std::get<bool>(v_); }
    std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
    double as_float() const { return std::get<double>(v_); }
    double as_number() const { return is_int() ? double(as_int()) : as_float(); }
    const std::string& as_string() const { return std::get<std::string>(v_); }
    const Date& as_date() const { return std::get<Date>(v_); }
    const LocalTime& as_local_time() const { return std::get<LocalTime>(v_); }
    const Time& as_time() const { return std::get<Time>(v_); }
    const LocalDateTime& as_local_datetime() const { return std::get<LocalDateTime>(v_); }
    const DateTime& as_datetime() const { return std::get<DateTime>(v_); }
    const Duration& as_duration() const { return std::get<Duration>(v_); }
    const List& as_list() const { return std::get<List>(v_); }
    List& as_list() { return std::get<List>(v_); }
    const Map& as_map() const { return std::get<Map>(v_); }
    Map& as_map() { return std::get<Map>(v_); }
    const Node& as_node() const { return std::get<Node>(v_); }
    Node& as_node() { return std::get<Node>(v_); }
    const Relationship& as_relationship() const { return std::get<Relationship>(v_); }
    Relationship& as_relationship() { return std::get<Relationship>(v_); }
    const Path& as_path() const { return std::get<Path>(v_); }
    Path& as_path() { return std::get<Path>(v_); }

    const Storage& storage() const { return v_; }
    Storage& storage() { return v_; }

    // Cypher literal text: 1, 1.5, 'text', [1, 2], {a: 1}, (:Label {p: 1}), [:TYPE {p: 1}],
    // <(...)-[...]->(...)>, date('2023-06-16'). Used by the table and TCK output.
    std::string to_string() const;
    // Plain text for CSV cells and string conversion: strings without quotes, null empty.
    std::string to_display() const;

    // Structural identity (same kind, same content; 1 != 1.0, null == null). For tests
    // and containers; Cypher's `=` with its null semantics is in engine/value/.
    friend bool operator==(const Value& a, const Value& b);

private:
    Storage v_;
};

inline std::size_t Map::size() const { return entries_.size(); }
inline bool Map::empty() const { return entries_.empty(); }
inline Map::const_iterator Map::begin() const { return entries_.begin(); }
inline Map::const_iterator Map::end() const { return entries_.end(); }
inline Map::iterator Map::begin() { return entries_.begin(); }
inline Map::iterator Map::end() { return entries_.end(); }

}  // namespace kgq
