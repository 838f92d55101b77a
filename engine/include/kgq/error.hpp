// kgq/error.hpp — what went wrong, where: the error and warning values of the public API.
// Every stage (parser, binder, executor, import) reports through kgq::Error so that the
// REPL, the script runner and embedding programs show the same positions and messages.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace kgq {

enum class ErrorKind {
    Syntax,  // the text is not a statement (parser)
    Semantic,  // the statement is well-formed but meaningless: unknown variable, bad aggregation
    Type,  // values of the wrong type, at compile or run time
    Schema,  // a strict schema is violated: unknown type/property, bad endpoints, key collision
    Runtime,  // everything else found while running: division by zero, bad argument, ...
    Io,  // files that cannot be read or written, malformed import data
    // The statement was stopped and rolled back: Database::interrupt() (code "Interrupted"),
    // or it outgrew ExecuteOptions' time or memory budget ("TimeBudgetExceeded",
    // "MemoryBudgetExceeded").
    Interrupted,
};

const char* error_kind_name(ErrorKind kind);  // "Syntax error", "Type error", ...

struct Error {
    ErrorKind kind = ErrorKind::Runtime;
    // openCypher's classification where one applies ("SyntaxError", "SemanticError",
    // "TypeError", "ArgumentError", "EntityNotFound", "ParameterMissing", "ConstraintVerificationFailed")
    // and its detail ("UndefinedVariable", "InvalidArgumentType", ...): the TCK checks these.
    std::string code;
    std::string detail;
    std::string message;
    bool at_compile_time = true;  // false: raised while the statement ran
    // Position in the text given to Database::execute (1-based; 0 when not tied to the text).
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;  // span length in bytes, for underlining
    std::string source;  // file name for import errors and scripts, else empty
    // "Type error: ..." with "line L, column C" when known.
    std::string to_string() const;
};

// A note that does not stop the statement (open-mode type checks, ...).
struct Warning {
    std::string code;
    std::string message;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
};

// Thrown inside the engine and turned into a Result with an error at the API boundary.
class Exception : public std::runtime_error {
public:
    explicit Exception(Error error) : std::runtime_error(error.message), error_(std::move(error)) {}
    const Error& error() const { return error_; }
    Error& error() { return error_; }

private:
    Error error_;
};

}  // namespace kgq
