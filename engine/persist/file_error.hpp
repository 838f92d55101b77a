// engine/persist/file_error.hpp — the errors of database files: each names the file and
// what is wrong with it (ErrorKind::Io), so that a damaged, locked or future-version file is
// a message the user can act on, never a crash or a silently partial graph.
// Stage: persist. Callers: snapshot_file.cpp, write_ahead_log.cpp, database_file.cpp.
#pragma once

#include <string>

namespace kgq::persist {

// code: "DatabaseCorrupt", "DatabaseVersion", "DatabaseLocked", "DatabaseIo", "DatabaseReadOnly".
[[noreturn]] void throw_file_error(const std::string& code, const std::string& path, const std::string& message);
// The system's reason (strerror(err)) after "Cannot <what> <path>: ".
[[noreturn]] void throw_system_error(const std::string& what, const std::string& path, int err);

}  // namespace kgq::persist
