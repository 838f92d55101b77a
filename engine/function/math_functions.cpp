// engine/function/math_functions.cpp — Cypher's numeric functions: abs, ceil, floor, round
// (with precision and rounding mode, in decimal as Neo4j's BigDecimal does), sign, sqrt,
// exp, log, log10, trigonometry, pi, e, rand. Null in, null out; non-numbers TypeError.
#include "function/function_support.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numbers>
#include <random>

namespace kgq::function {
namespace {

using catalog::TypeKind;

Value abs_fn(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    if (a[0].is_int()) {
        if (a[0].as_int() == std::numeric_limits<std::int64_t>::min())
            value::throw_arithmetic_error("abs(): integer overflow", "IntegerOverflow");
        return a[0].as_int() < 0 ? -a[0].as_int() : a[0].as_int();
    }
    return std::fabs(number_arg("abs", a[0]));
}

Value sign_fn(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    double x = number_arg("sign", a[0]);
    return std::int64_t(x > 0 ? 1 : (x < 0 ? -1 : 0));
}

// A unary double -> double function named by a template argument.
template <double (*F)(double), const char* Name>
Value unary(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    return F(number_arg(Name, a[0]));
}

double degrees(double x) { return x * 180.0 / std::numbers::pi; }
double radians(double x) { return x * std::numbers::pi / 180.0; }
double cot(double x) { return 1.0 / std::tan(x); }
double haversin(double x) { return (1.0 - std::cos(x)) / 2.0; }
double ceil_(double x) { return std::ceil(x); }
double floor_(double x) { return std::floor(x); }
double sqrt_(double x) { return std::sqrt(x); }
double exp_(double x) { return std::exp(x); }
double log_(double x) { return std::log(x); }
double log10_(double x) { return std::log10(x); }
double sin_(double x) { return std::sin(x); }
double cos_(double x) { return std::cos(x); }
double tan_(double x) { return std::tan(x); }
double asin_(double x) { return std::asin(x); }
double acos_(double x) { return std::acos(x); }
double atan_(double x) { return std::atan(x); }

constexpr char n_ceil[] = "ceil", n_floor[] = "floor", n_sqrt[] = "sqrt", n_exp[] = "exp", n_log[] = "log",
               n_log10[] = "log10", n_sin[] = "sin", n_cos[] = "cos", n_tan[] = "tan", n_asin[] = "asin",
               n_acos[] = "acos", n_atan[] = "atan", n_cot[] = "cot", n_degrees[] = "degrees", n_radians[] = "radians",
               n_haversin[] = "haversin";

Value atan2_fn(Args a, const FunctionContext&) {
    if (any_null(a)) return Value();
    return std::atan2(number_arg("atan2", a[0]), number_arg("atan2", a[1]));
}

Value pi_fn(Args, const FunctionContext&) { return std::numbers::pi; }
Value e_fn(Args, const FunctionContext&) { return std::numbers::e; }

Value rand_fn(Args, const FunctionContext&) {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

// ---- round
enum class Mode { Up, Down, Ceiling, Floor, HalfUp, HalfDown, HalfEven };

Mode parse_mode(const std::string& s) {
    std::string u;
    for (char c : s) u += char(std::toupper(static_cast<unsigned char>(c)));
    if (u == "UP") return Mode::Up;
    if (u == "DOWN") return Mode::Down;
    if (u == "CEILING") return Mode::Ceiling;
    if (u == "FLOOR") return Mode::Floor;
    if (u == "HALF_UP") return Mode::HalfUp;
    if (u == "HALF_DOWN") return Mode::HalfDown;
    if (u == "HALF_EVEN") return Mode::HalfEven;
    value::throw_argument_error("round(): unknown rounding mode '" + s + "'", "InvalidArgumentValue");
}

// Rounds the shortest decimal form of x (what BigDecimal.valueOf sees) to `precision`
// fractional digits, so that round(2.675, 2) is 2.68 as in Neo4j, not 2.67.
double round_decimal(double x, std::int64_t precision, Mode mode) {
    if (!std::isfinite(x) || x == 0) return x;
    bool negative = x < 0;
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific);
    std::string s(buf, r.ptr);
    auto e = s.find('e');
    std::string digits;
    for (char c : s.substr(0, e))
        if (c != '.') digits += c;
    std::int64_t point = std::stoll(s.substr(e + 1)) + 1;  // digits before the decimal point
    std::int64_t keep = point + precision;
    if (keep >= std::int64_t(digits.size())) return x;
    std::string kept = keep > 0 ? digits.substr(0, keep) : "";
    std::string rest = keep > 0 ? digits.substr(keep) : digits;
    // Discarded fraction of one unit of the last kept digit: compare with one half.
    int half;  // -1 below, 0 exactly, 1 above
    bool nonzero_rest = rest.find_first_not_of('0') != std::string::npos;
    if (keep < 0) half = -1;
    else if (rest[0] > '5') half = 1;
    else if (rest[0] < '5') half = -1;
    else half = rest.find_first_not_of('0', 1) != std::string::npos ? 1 : 0;
    bool last_odd = !kept.empty() && (kept.back() - '0') % 2 == 1;
    bool away = false;  // every Mode sets it; g++ -O2 cannot tell (maybe-uninitialized)
    switch (mode) {
        case Mode::Up: away = nonzero_rest; break;
        case Mode::Down: away = false; break;
        case Mode::Ceiling: away = nonzero_rest && !negative; break;
        case Mode::Floor: away = nonzero_rest && negative; break;
        case Mode::HalfUp: away = half >= 0; break;
        case Mode::HalfDown: away = half > 0; break;
        case Mode::HalfEven: away = half > 0 || (half == 0 && last_odd); break;
    }
    if (kept.empty()) kept = "0";
    if (away) {  // add one unit with carry
        int i = int(kept.size()) - 1;
        while (i >= 0 && kept[i] == '9') kept[i--] = '0';
        if (i < 0) kept.insert(kept.begin(), '1');
        else ++kept[i];
    }
    std::string text = kept + "e" + std::to_string(-precision);
    double result = std::strtod(text.c_str(), nullptr);
    return negative ? -result : result;
}

Value round_fn(Args a, const FunctionContext&) {
    if (any_null(a)) return Value();
    double x = number_arg("round", a[0]);
    if (a.size() == 1) {
        // Java's Math.round: halves toward positive infinity.
        if (!std::isfinite(x)) return x;
        return std::floor(x + 0.5);
    }
    std::int64_t precision = int_arg("round", a[1]);
    Mode mode = a.size() > 2 ? parse_mode(string_arg("round", a[2])) : Mode::HalfUp;
    return round_decimal(x, precision, mode);
}

}  // namespace

void add_math_functions(std::vector<FunctionDef>& out) {
    out.push_back(def("abs", 1, 1, abs_fn));
    out.push_back(def("sign", 1, 1, sign_fn, TypeKind::Int));
    out.push_back(def("ceil", 1, 1, unary<ceil_, n_ceil>, TypeKind::Float));
    out.push_back(def("floor", 1, 1, unary<floor_, n_floor>, TypeKind::Float));
    out.push_back(def("round", 1, 3, round_fn, TypeKind::Float));
    out.push_back(def("sqrt", 1, 1, unary<sqrt_, n_sqrt>, TypeKind::Float));
    out.push_back(def("exp", 1, 1, unary<exp_, n_exp>, TypeKind::Float));
    out.push_back(def("log", 1, 1, unary<log_, n_log>, TypeKind::Float));
    out.push_back(def("log10", 1, 1, unary<log10_, n_log10>, TypeKind::Float));
    out.push_back(def("sin", 1, 1, unary<sin_, n_sin>, TypeKind::Float));
    out.push_back(def("cos", 1, 1, unary<cos_, n_cos>, TypeKind::Float));
    out.push_back(def("tan", 1, 1, unary<tan_, n_tan>, TypeKind::Float));
    out.push_back(def("cot", 1, 1, unary<cot, n_cot>, TypeKind::Float));
    out.push_back(def("asin", 1, 1, unary<asin_, n_asin>, TypeKind::Float));
    out.push_back(def("acos", 1, 1, unary<acos_, n_acos>, TypeKind::Float));
    out.push_back(def("atan", 1, 1, unary<atan_, n_atan>, TypeKind::Float));
    out.push_back(def("atan2", 2, 2, atan2_fn, TypeKind::Float));
    out.push_back(def("degrees", 1, 1, unary<degrees, n_degrees>, TypeKind::Float));
    out.push_back(def("radians", 1, 1, unary<radians, n_radians>, TypeKind::Float));
    out.push_back(def("haversin", 1, 1, unary<haversin, n_haversin>, TypeKind::Float));
    out.push_back(def("pi", 0, 0, pi_fn, TypeKind::Float));
    out.push_back(def("e", 0, 0, e_fn, TypeKind::Float));
    out.push_back(def("rand", 0, 0, rand_fn, TypeKind::Float, true));
}

}  // namespace kgq::function
