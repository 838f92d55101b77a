// engine/value/logic.cpp — Cypher's three-valued logic (value_ops.hpp): NOT, AND, OR, XOR
// over true/false/null. Non-boolean operands are a TypeError, as the TCK's Boolean5 expects.
#include "value/value_error.hpp"
#include "value/value_ops.hpp"

namespace kgq::value {
namespace {

// -1 for null, 0 false, 1 true.
int truth(const Value& v, const char* op) {
    if (v.is_null()) return -1;
    if (v.is_bool()) return v.as_bool() ? 1 : 0;
    throw_type_error(std::string("Type mismatch: ") + op + " expected BOOLEAN but was " + type_name(v));
}

Value from_truth(int t) { return t < 0 ? Value() : Value(t == 1); }

}  // namespace

Value logical_not(const Value& a) {
    int t = truth(a, "NOT");
    return t < 0 ? Value() : Value(t == 0);
}

Value logical_and(const Value& a, const Value& b) {
    int x = truth(a, "AND"), y = truth(b, "AND");
    if (x == 0 || y == 0) return false;  // false dominates unknown
    return from_truth(x < 0 || y < 0 ? -1 : 1);
}

Value logical_or(const Value& a, const Value& b) {
    int x = truth(a, "OR"), y = truth(b, "OR");
    if (x == 1 || y == 1) return true;  // true dominates unknown
    return from_truth(x < 0 || y < 0 ? -1 : 0);
}

Value logical_xor(const Value& a, const Value& b) {
    int x = truth(a, "XOR"), y = truth(b, "XOR");
    if (x < 0 || y < 0) return Value();
    return x != y;
}

}  // namespace kgq::value
