// engine/persist/checksum.hpp — the checksum of every section and log record of a database
// file: XXH3, 64 bits (Debian's libxxhash, used header-only). It is 10-20 times faster than
// a table-driven CRC-32, so checking a whole snapshot on open costs a few milliseconds, and
// 64 bits make a torn or damaged record passing unnoticed practically impossible.
// Stage: persist. Callers: snapshot_file.cpp, write_ahead_log.cpp.
#pragma once

#include <cstdint>
#include <string_view>

namespace kgq::persist {

std::uint64_t checksum(std::string_view bytes, std::uint64_t seed = 0);

}  // namespace kgq::persist
