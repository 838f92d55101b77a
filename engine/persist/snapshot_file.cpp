// engine/persist/snapshot_file.cpp — writing and reading snapshots.
//
//   header   magic(8) version(u32) byte-order(u32) checkpoint(u64) checksum(u64 of the 24 before)
//   section* length(u64) checksum(u64: XXH3 of the bytes, seeded with the section's index) bytes,
//            then zero bytes up to a multiple of 8
//   trailer  magic(8) sections(u64) file-size(u64) checksum(u64 of the 24 before)
//
// Section 0 is the catalog, the rest the store's image in its own order. The index seed
// makes a section moved or repeated fail its checksum; the trailer makes a truncated file
// fail before any section is decoded.
#include "persist/snapshot_file.hpp"

#include "catalog/catalog.hpp"
#include "common/atomic_file.hpp"
#include "kgq/error.hpp"
#include "persist/checksum.hpp"
#include "persist/file_error.hpp"
#include "persist/file_format.hpp"
#include "persist/file_header.hpp"
#include "storage/graph_store.hpp"
#include "value/binary_codec.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace kgq::persist {

namespace {

// Each section's bytes start 8-aligned in the file (and so in its mapping), which lets the
// arrays inside them be copied out in one move (value::BinaryReader::array).
std::size_t padding_after(std::size_t length) { return (8 - length % 8) % 8; }

std::string trailer_block(std::uint64_t sections, std::uint64_t file_size) {
    std::string block(snapshot_end_magic);
    value::BinaryWriter out(block);
    out.u64(sections);
    out.u64(file_size);
    out.u64(checksum(block));
    return block;
}

// The file mapped read-only: opening a large snapshot neither copies it nor zeroes a buffer
// for it first. Private to this reader; unmapped when it goes.
class MappedFile {
public:
    explicit MappedFile(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw_system_error("open", path, errno);
        struct stat st {};
        if (::fstat(fd, &st) != 0) {
            const int err = errno;
            ::close(fd);
            throw_system_error("read", path, err);
        }
        if (!S_ISREG(st.st_mode)) {
            ::close(fd);
            throw_file_error("DatabaseIo", path, "'" + path + "' is not a regular file");
        }
        size_ = static_cast<std::size_t>(st.st_size);
        if (size_ > 0) {
            void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
            if (p == MAP_FAILED) {
                const int err = errno;
                ::close(fd);
                throw_system_error("read", path, err);
            }
            data_ = static_cast<const char*>(p);
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (data_) ::munmap(const_cast<char*>(data_), size_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    std::string_view bytes() const { return {data_ ? data_ : "", size_}; }

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace

void write_snapshot(const std::string& path, std::uint64_t checkpoint, const catalog::Catalog& catalog,
                    const storage::GraphStore& store) {
    common::AtomicFileWriter out(path);
    std::uint64_t sections = 0;
    std::uint64_t bytes = header_size;
    std::string frame;
    auto emit = [&](const std::string& payload) {
        frame.clear();
        value::BinaryWriter w(frame);
        w.u64(payload.size());
        w.u64(checksum(payload, sections));
        out.write(frame);
        out.write(payload);
        const std::size_t padding = padding_after(payload.size());
        out.write(std::string_view("\0\0\0\0\0\0\0", padding));
        ++sections;
        bytes += section_header_size + payload.size() + padding;
    };
    out.write(encode_file_header(snapshot_magic, checkpoint));
    std::string catalog_bytes;
    value::BinaryWriter catalog_out(catalog_bytes);
    catalog.save(catalog_out);
    emit(catalog_bytes);
    store.save_image(emit);
    out.write(trailer_block(sections, bytes + trailer_size));
    out.commit();
}

std::uint64_t read_snapshot(const std::string& path, catalog::Catalog& catalog, storage::GraphStore& store) {
    const MappedFile mapped(path);
    const std::string_view file = mapped.bytes();
    auto corrupt = [&](const std::string& what) {
        throw_file_error("DatabaseCorrupt", path, "'" + path + "' is damaged: " + what);
    };
    if (file.size() < 8 || file.substr(0, 8) != snapshot_magic)
        throw_file_error("DatabaseCorrupt", path, "'" + path + "' is not a kgq database (it does not begin as one)");
    if (file.size() < header_size) corrupt("it ends inside its header (" + std::to_string(file.size()) + " bytes)");
    const std::uint64_t checkpoint = decode_file_header(file, "'" + path + "'", path);

    if (file.size() < header_size + trailer_size)
        corrupt("it is truncated (" + std::to_string(file.size()) + " bytes, no trailer)");
    const std::string_view trailer = file.substr(file.size() - trailer_size);
    value::BinaryReader tail(trailer.substr(8), file.size() - trailer_size + 8);
    const std::uint64_t sections = tail.u64();
    const std::uint64_t size = tail.u64();
    if (trailer.substr(0, 8) != snapshot_end_magic || tail.u64() != checksum(trailer.substr(0, trailer_size - 8)) ||
        size != file.size())
        corrupt("it is truncated or has bytes appended (" + std::to_string(file.size()) +
                " bytes, no valid trailer at its end)");

    std::size_t at = header_size;
    const std::size_t body_end = file.size() - trailer_size;
    std::uint64_t index = 0;
    auto next_section = [&]() -> value::BinaryReader {
        if (index >= sections || body_end - at < section_header_size)
            throw value::FormatError("the snapshot has fewer sections than its contents need", at);
        value::BinaryReader frame(file.substr(at, section_header_size), at);
        const std::uint64_t length = frame.u64();
        const std::uint64_t sum = frame.u64();
        if (length > body_end - at - section_header_size)
            throw value::FormatError("section " + std::to_string(index) + " runs past the end of the file", at);
        const std::string_view payload = file.substr(at + section_header_size, length);
        if (checksum(payload, index) != sum)
            throw value::FormatError("section " + std::to_string(index) + " fails its checksum", at);
        const std::size_t base = at + section_header_size;
        at += section_header_size + length;
        const std::size_t padding = padding_after(length);
        if (padding > body_end - at || file.substr(at, padding).find_first_not_of('\0') != std::string_view::npos)
            throw value::FormatError(
                "section " + std::to_string(index) + " is followed by bytes that are not its padding", at);
        at += padding;
        ++index;
        return value::BinaryReader(payload, base);
    };
    try {
        value::BinaryReader catalog_in = next_section();
        catalog.load(catalog_in);
        store.load_image(next_section);
        if (index != sections || at != body_end) throw value::FormatError("sections left over after the graph", at);
    } catch (const value::FormatError& e) {
        corrupt(e.what());
    } catch (const Exception& e) {  // a write the image replays refused (a KEY collision, ...)
        corrupt(e.error().message);
    }
    return checkpoint;
}

}  // namespace kgq::persist
