// engine/persist/file_header.cpp — writing and checking the header of database files.
#include "persist/file_header.hpp"

#include "persist/checksum.hpp"
#include "persist/file_error.hpp"
#include "persist/file_format.hpp"
#include "value/binary_codec.hpp"

namespace kgq::persist {

std::string encode_file_header(std::string_view magic, std::uint64_t checkpoint) {
    std::string header(magic);
    value::BinaryWriter out(header);
    out.u32(format_version);
    out.u32(byte_order_mark);
    out.u64(checkpoint);
    out.u64(checksum(header));
    return header;
}

std::uint64_t decode_file_header(std::string_view file, const std::string& named, const std::string& source) {
    value::BinaryReader header(file.substr(8, header_size - 8), 8);
    const std::uint32_t version = header.u32();
    const std::uint32_t order = header.u32();
    const std::uint64_t checkpoint = header.u64();
    auto corrupt = [&](const std::string& what) {
        throw_file_error("DatabaseCorrupt", source, named + " is damaged: " + what);
    };
    if (header.u64() != checksum(file.substr(0, header_size - 8))) corrupt("its header fails its checksum");
    if (version > format_version)
        throw_file_error("DatabaseVersion", source,
                         named + " was written by a newer kgq (database format " + std::to_string(version) +
                             "; this kgq reads format " + std::to_string(format_version) + " and older)");
    if (version == 0) corrupt("its format version is 0");
    if (order != byte_order_mark) corrupt("it was written on a machine of another byte order");
    return checkpoint;
}

}  // namespace kgq::persist
