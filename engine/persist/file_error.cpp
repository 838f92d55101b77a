// engine/persist/file_error.cpp — kgq::Exception for database files.
#include "persist/file_error.hpp"

#include "kgq/error.hpp"

#include <cstring>

namespace kgq::persist {

void throw_file_error(const std::string& code, const std::string& path, const std::string& message) {
    Error e;
    e.kind = ErrorKind::Io;
    e.code = code;
    e.message = message;
    e.source = path;
    e.at_compile_time = false;
    throw Exception(std::move(e));
}

void throw_system_error(const std::string& what, const std::string& path, int err) {
    throw_file_error("DatabaseIo", path, "Cannot " + what + " '" + path + "': " + std::strerror(err));
}

}  // namespace kgq::persist
