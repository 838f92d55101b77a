// engine/value/error.cpp — text of kgq::Error (kgq/error.hpp) for the REPL, scripts and tests.
// Lives in the value layer because every later layer throws and prints errors.
#include "kgq/error.hpp"

namespace kgq {

const char* error_kind_name(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Syntax: return "Syntax error";
        case ErrorKind::Semantic: return "Semantic error";
        case ErrorKind::Type: return "Type error";
        case ErrorKind::Schema: return "Schema error";
        case ErrorKind::Runtime: return "Runtime error";
        case ErrorKind::Io: return "I/O error";
        case ErrorKind::Interrupted: return "Interrupted";
    }
    return "Error";
}

std::string Error::to_string() const {
    std::string out = error_kind_name(kind);
    if (!source.empty() || line != 0) {
        out += " (";
        if (!source.empty()) out += source + (line != 0 ? ", " : "");
        if (line != 0) out += "line " + std::to_string(line) + ", column " + std::to_string(column);
        out += ")";
    }
    out += ": " + message;
    return out;
}

}  // namespace kgq
