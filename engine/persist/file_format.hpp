// engine/persist/file_format.hpp — the fixed parts of kgq's database files: magic numbers,
// the format version and the byte-order mark, shared by the snapshot and its log.
// Stage: persist. Callers: snapshot_file.cpp, write_ahead_log.cpp.
//
// A database `graph.kgqdb` is two files:
//   graph.kgqdb      the snapshot: header, checksummed sections (catalog, then the store's
//                    image), trailer. Only ever replaced whole (temporary file + rename).
//   graph.kgqdb.wal  the write-ahead log: header naming the snapshot it follows, then one
//                    checksummed record per committed statement or transaction.
#pragma once

#include <cstdint>
#include <string_view>

namespace kgq::persist {

// The first byte is not ASCII and "\r\n" follows, as in PNG: a file mangled by a text-mode
// transfer or a different file entirely fails on the first eight bytes.
inline constexpr std::string_view snapshot_magic{"\x89KGQDB\r\n", 8};
inline constexpr std::string_view snapshot_end_magic{"KGQDBEND", 8};
inline constexpr std::string_view log_magic{"\x89KGQWAL\n", 8};
// Version 1: catalog_image.cpp, graph_store_image.cpp and graph_store_redo.cpp encodings.
inline constexpr std::uint32_t format_version = 1;
// Written as a native integer: reads back as this value only on a machine of the same
// byte order (the arrays of the image are native).
inline constexpr std::uint32_t byte_order_mark = 0x01020304;

inline constexpr std::size_t header_size = 32;  // magic, version, byte order, checkpoint, checksum
inline constexpr std::size_t trailer_size = 32;  // magic, sections, file size, checksum
inline constexpr std::size_t section_header_size = 16;  // length, checksum
inline constexpr std::size_t record_header_size = 24;  // length, sequence, checksum

}  // namespace kgq::persist
