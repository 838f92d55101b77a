// engine/value/arithmetic.cpp — Cypher's + - * / % ^ and unary minus (value_ops.hpp):
// checked 64-bit integer arithmetic, IEEE floats, string and list concatenation,
// temporal +/- duration and duration scaling. Null in, null out; other mismatches TypeError.
#include "value/temporal.hpp"
#include "value/value_error.hpp"
#include "value/value_ops.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace kgq::value {
namespace {

[[noreturn]] void mismatch(const char* op, const Value& a, const Value& b) {
    throw_type_error(std::string("Type mismatch: cannot apply ") + op + " to " + type_name(a) + " and " + type_name(b));
}

[[noreturn]] void overflow(const char* op) {
    throw_arithmetic_error(std::string("integer overflow in ") + op, "IntegerOverflow");
}

// Text of a number as string concatenation shows it ('a' + 1.5 = 'a1.5').
std::string concat_text(const Value& v) { return v.is_string() ? v.as_string() : v.to_string(); }

bool is_string_addable(const Value& v) { return v.is_string() || v.is_number(); }

bool is_instant_kind(const Value& v) { return v.is_temporal() && v.kind() != ValueKind::Duration; }

}  // namespace

Value add(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return Value();
    if (a.is_int() && b.is_int()) {
        std::int64_t r;
        if (__builtin_add_overflow(a.as_int(), b.as_int(), &r)) overflow("+");
        return r;
    }
    if (a.is_number() && b.is_number()) return a.as_number() + b.as_number();
    if (a.is_list() && b.is_list()) {
        List r = a.as_list();
        r.insert(r.end(), b.as_list().begin(), b.as_list().end());
        return r;
    }
    if (a.is_list()) {
        List r = a.as_list();
        r.push_back(b);
        return r;
    }
    if (b.is_list()) {
        List r;
        r.reserve(b.as_list().size() + 1);
        r.push_back(a);
        r.insert(r.end(), b.as_list().begin(), b.as_list().end());
        return r;
    }
    if ((a.is_string() || b.is_string()) && is_string_addable(a) && is_string_addable(b))
        return concat_text(a) + concat_text(b);
    if (a.kind() == ValueKind::Duration && b.kind() == ValueKind::Duration)
        return add_durations(a.as_duration(), b.as_duration(), 1);
    if (is_instant_kind(a) && b.kind() == ValueKind::Duration) return add_duration(a, b.as_duration(), 1);
    if (a.kind() == ValueKind::Duration && is_instant_kind(b)) return add_duration(b, a.as_duration(), 1);
    mismatch("+", a, b);
}

Value subtract(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return Value();
    if (a.is_int() && b.is_int()) {
        std::int64_t r;
        if (__builtin_sub_overflow(a.as_int(), b.as_int(), &r)) overflow("-");
        return r;
    }
    if (a.is_number() && b.is_number()) return a.as_number() - b.as_number();
    if (a.kind() == ValueKind::Duration && b.kind() == ValueKind::Duration)
        return add_durations(a.as_duration(), b.as_duration(), -1);
    if (is_instant_kind(a) && b.kind() == ValueKind::Duration) return add_duration(a, b.as_duration(), -1);
    mismatch("-", a, b);
}

Value multiply(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return Value();
    if (a.is_int() && b.is_int()) {
        std::int64_t r;
        if (__builtin_mul_overflow(a.as_int(), b.as_int(), &r)) overflow("*");
        return r;
    }
    if (a.is_number() && b.is_number()) return a.as_number() * b.as_number();
    if (a.kind() == ValueKind::Duration && b.is_number())
        return scale_duration(a.as_duration(), (long double)b.as_number());
    if (a.is_number() && b.kind() == ValueKind::Duration)
        return scale_duration(b.as_duration(), (long double)a.as_number());
    mismatch("*", a, b);
}

Value divide(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return Value();
    if (a.is_int() && b.is_int()) {
        if (b.as_int() == 0) throw_arithmetic_error("/ by zero", "DivisionByZero");
        if (a.as_int() == std::numeric_limits<std::int64_t>::min() && b.as_int() == -1) overflow("/");
        return a.as_int() / b.as_int();
    }
    if (a.is_number() && b.is_number()) return a.as_number() / b.as_number();
    if (a.kind() == ValueKind::Duration && b.is_number()) {
        if (b.as_number() == 0) throw_arithmetic_error("/ by zero", "DivisionByZero");
        return scale_duration(a.as_duration(), 1.0L / (long double)b.as_number());
    }
    mismatch("/", a, b);
}

Value modulo(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return Value();
    if (a.is_int() && b.is_int()) {
        if (b.as_int() == 0) throw_arithmetic_error("% by zero", "DivisionByZero");
        if (b.as_int() == -1) return std::int64_t{0};  // avoids INT64_MIN % -1 trapping
        return a.as_int() % b.as_int();
    }
    if (a.is_number() && b.is_number()) return std::fmod(a.as_number(), b.as_number());
    mismatch("%", a, b);
}

Value power(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return Value();
    if (a.is_number() && b.is_number()) return std::pow(a.as_number(), b.as_number());
    mismatch("^", a, b);
}

Value negate(const Value& a) {
    if (a.is_null()) return Value();
    if (a.is_int()) {
        if (a.as_int() == std::numeric_limits<std::int64_t>::min()) overflow("unary -");
        return -a.as_int();
    }
    if (a.is_float()) return -a.as_float();
    if (a.kind() == ValueKind::Duration) return add_durations(Duration{}, a.as_duration(), -1);
    throw_type_error("Type mismatch: cannot negate " + type_name(a));
}

}  // namespace kgq::value
