// engine/value/value_error.hpp — the runtime errors of value semantics and functions, built
// the way the openCypher TCK classifies them (TypeError/ArgumentError + detail).
// Used by engine/value/*.cpp and engine/function/*.cpp; the executor only sees kgq::Exception.
#pragma once

#include "kgq/error.hpp"
#include "kgq/value.hpp"

#include <string>

namespace kgq::value {

// "INTEGER", "LIST", ... of a value, for messages.
std::string type_name(const Value& v);

// Wrong kind of operand: TypeError, detail "InvalidArgumentType" unless given.
[[noreturn]] void throw_type_error(std::string message, std::string detail = "InvalidArgumentType");
// Right kind, unacceptable value (range step 0, percentile 2): ArgumentError.
[[noreturn]] void throw_argument_error(std::string message, std::string detail = "NumberOutOfRange");
// Integer overflow, integer division by zero: ArithmeticError (as Neo4j names it).
[[noreturn]] void throw_arithmetic_error(std::string message, std::string detail);
// A malformed temporal string or map: ArgumentError, detail "InvalidArgumentValue".
[[noreturn]] void throw_invalid_value(std::string message);

}  // namespace kgq::value
