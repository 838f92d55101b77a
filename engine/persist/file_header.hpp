// engine/persist/file_header.hpp — the 32 bytes both database files begin with: magic, format
// version, byte-order mark, checkpoint number, and the checksum of the 24 bytes before it.
// Stage: persist. Callers: snapshot_file.cpp, write_ahead_log.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kgq::persist {

std::string encode_file_header(std::string_view magic, std::uint64_t checkpoint);

// The checkpoint number of the header at the start of `file` (at least header_size bytes,
// beginning with the file's magic), after checking its checksum, version and byte order.
// `named` is how messages name the file ("'g.kgqdb'", "The log 'g.kgqdb.wal' of 'g.kgqdb'");
// `source` is the errors' source (the database).
std::uint64_t decode_file_header(std::string_view file, const std::string& named, const std::string& source);

}  // namespace kgq::persist
