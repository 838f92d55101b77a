// engine/value/value_error.cpp — builds the kgq::Exception of value_error.hpp.
// Run-time errors only (at_compile_time = false): the binder reports its own.
#include "value/value_error.hpp"

namespace kgq::value {
namespace {

[[noreturn]] void raise(ErrorKind kind, std::string code, std::string detail, std::string message) {
    Error e;
    e.kind = kind;
    e.code = std::move(code);
    e.detail = std::move(detail);
    e.message = std::move(message);
    e.at_compile_time = false;
    throw Exception(std::move(e));
}

}  // namespace

std::string type_name(const Value& v) { return kind_name(v.kind()); }

void throw_type_error(std::string message, std::string detail) {
    raise(ErrorKind::Type, "TypeError", std::move(detail), std::move(message));
}
void throw_argument_error(std::string message, std::string detail) {
    raise(ErrorKind::Runtime, "ArgumentError", std::move(detail), std::move(message));
}
void throw_arithmetic_error(std::string message, std::string detail) {
    raise(ErrorKind::Runtime, "ArithmeticError", std::move(detail), std::move(message));
}
void throw_invalid_value(std::string message) {
    raise(ErrorKind::Runtime, "ArgumentError", "InvalidArgumentValue", std::move(message));
}

}  // namespace kgq::value
