// engine/value/value_ops.hpp — Cypher's value semantics: three-valued logic, equality,
// comparison, total ordering, equivalence/hashing for grouping, arithmetic, string and list
// predicates. Used by the executor's expression evaluator, aggregates and functions.
// Errors throw kgq::Exception (ErrorKind::Type for wrong types, Runtime for e.g. overflow).
#pragma once

#include "kgq/value.hpp"

#include <cstddef>
#include <optional>

namespace kgq::value {

// ---- logic: operands are Bool or null; anything else is a TypeError
Value logical_not(const Value& a);
Value logical_and(const Value& a, const Value& b);
Value logical_or(const Value& a, const Value& b);
Value logical_xor(const Value& a, const Value& b);
// Whether a WHERE/filter keeps the row: only true does.
inline bool is_true(const Value& v) { return v.is_bool() && v.as_bool(); }

// ---- equality and comparison (openCypher "equality" and "comparability")
// `=`: Bool, or null when the answer is unknown (null operands, lists with nulls, ...).
Value equals(const Value& a, const Value& b);
Value not_equals(const Value& a, const Value& b);
// <0, 0, >0 when a and b are comparable (numbers, strings, booleans, same temporal kind,
// lists element-wise), nullopt otherwise (different kinds, null, NaN).
std::optional<int> compare(const Value& a, const Value& b);
Value less(const Value& a, const Value& b);  // Bool or null
Value less_equal(const Value& a, const Value& b);
Value greater(const Value& a, const Value& b);
Value greater_equal(const Value& a, const Value& b);

// ---- orderability: the total order of ORDER BY (ascending: maps, nodes, relationships,
// lists, paths, date-times, ..., strings, booleans, numbers (NaN after), null last).
int order(const Value& a, const Value& b);

// ---- equivalence: the equality of DISTINCT, grouping and UNION (null ~ null, NaN ~ NaN,
// 1 ~ 1.0), and a hash consistent with it.
bool equivalent(const Value& a, const Value& b);
std::size_t hash(const Value& v);
struct Hash {
    std::size_t operator()(const Value& v) const { return hash(v); }
};
struct Equivalent {
    bool operator()(const Value& a, const Value& b) const { return equivalent(a, b); }
};

// ---- arithmetic (+ also concatenates strings and lists, adds durations to temporals)
Value add(const Value& a, const Value& b);
Value subtract(const Value& a, const Value& b);
Value multiply(const Value& a, const Value& b);
Value divide(const Value& a, const Value& b);
Value modulo(const Value& a, const Value& b);
Value power(const Value& a, const Value& b);
Value negate(const Value& a);

// ---- string and list predicates: null when an operand is null or not a string
Value starts_with(const Value& a, const Value& b);
Value ends_with(const Value& a, const Value& b);
Value contains(const Value& a, const Value& b);
Value regex_match(const Value& a, const Value& b);
// x IN list, with Cypher's null rules (null if not found and the list holds a null).
Value in_list(const Value& x, const Value& list);

}  // namespace kgq::value
