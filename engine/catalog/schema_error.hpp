// engine/catalog/schema_error.hpp — the one way catalog and storage raise a schema violation
// (duplicate or unknown type, bad declaration, KEY collision) as kgq::Exception.
// Stage: catalog/storage. Callers: Catalog declarations and lookups, GraphStore key checks.
#pragma once

#include "kgq/error.hpp"

#include <string>

namespace kgq::catalog {

// `code` is openCypher's classification when one applies (e.g. "ConstraintVerificationFailed"
// for a KEY collision), so the TCK-style tests can match it; empty otherwise.
[[noreturn]] inline void throw_schema_error(std::string message, std::string code = {}, std::string detail = {}) {
    Error error;
    error.kind = ErrorKind::Schema;
    error.code = std::move(code);
    error.detail = std::move(detail);
    error.message = std::move(message);
    error.at_compile_time = false;
    throw Exception(std::move(error));
}

}  // namespace kgq::catalog
