// engine/value/binary_codec.hpp — the byte encoding of database files (snapshot and log):
// little-endian integers, LEB128 lengths, and property values with a tag byte each.
// Stage: value. Callers: the catalog and store images (catalog/, storage/) and engine/persist/.
//
// Writers append to a std::string; readers walk a byte range and throw FormatError (with the
// offset) on anything that does not decode: a checksum guards each section and record, but a
// reader must never trust lengths it has not checked against what is left.
#pragma once

#include "kgq/value.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace kgq::value {

class FormatError : public std::runtime_error {
public:
    FormatError(const std::string& what, std::size_t offset)
        : std::runtime_error(what + " at byte " + std::to_string(offset)), offset_(offset) {}
    std::size_t offset() const { return offset_; }

private:
    std::size_t offset_;
};

class BinaryWriter {
public:
    explicit BinaryWriter(std::string& out) : out_(out) {}

    void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) { fixed(v); }
    void u64(std::uint64_t v) { fixed(v); }
    void f64(double v) { fixed(v); }
    void varint(std::uint64_t v);
    void svarint(std::int64_t v) { varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
    void string(std::string_view s) {
        varint(s.size());
        out_.append(s);
    }
    // An array of trivially copyable elements, as its count then its bytes (x86-64 and
    // aarch64 are little-endian; the file header records the byte order).
    template <class T>
    void array(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        varint(v.size());
        out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    // A property value: null, booleans, numbers, strings, temporal values, lists, maps.
    // Graph elements are not property values (throws std::logic_error).
    void value(const Value& v);

    std::size_t size() const { return out_.size(); }

private:
    template <class T>
    void fixed(T v) {
        char bytes[sizeof(T)];
        std::memcpy(bytes, &v, sizeof(T));
        out_.append(bytes, sizeof(T));
    }
    std::string& out_;
};

class BinaryReader {
public:
    // `base` is the offset of bytes[0] in the file, for messages.
    explicit BinaryReader(std::string_view bytes, std::size_t base = 0)
        : begin_(bytes.data()), p_(bytes.data()), end_(bytes.data() + bytes.size()), base_(base) {}

    std::uint8_t u8() { return fixed<std::uint8_t>(); }
    std::uint32_t u32() { return fixed<std::uint32_t>(); }
    std::uint64_t u64() { return fixed<std::uint64_t>(); }
    double f64() { return fixed<double>(); }
    std::uint64_t varint();
    std::int64_t svarint() {
        const std::uint64_t z = varint();
        return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
    }
    std::string string() {
        const std::size_t n = count(1);
        std::string s(p_, n);
        p_ += n;
        return s;
    }
    std::string_view bytes(std::size_t n) {
        need(n);
        std::string_view s(p_, n);
        p_ += n;
        return s;
    }
    template <class T>
    std::vector<T> array() {
        static_assert(std::is_trivially_copyable_v<T>);
        const std::size_t n = count(sizeof(T));
        std::vector<T> v(n);
        if (n) std::memcpy(v.data(), p_, n * sizeof(T));
        p_ += n * sizeof(T);
        return v;
    }
    Value value() { return value_at_depth(0); }
    // A count of elements of at least `element_size` bytes each: refused when the bytes left
    // cannot hold that many (so a corrupt length never allocates gigabytes).
    std::size_t count(std::size_t element_size);

    bool at_end() const { return p_ == end_; }
    std::size_t offset() const { return base_ + static_cast<std::size_t>(p_ - begin_); }
    [[noreturn]] void fail(const std::string& what) const { throw FormatError(what, offset()); }

private:
    void need(std::size_t n) const {
        if (static_cast<std::size_t>(end_ - p_) < n) fail("unexpected end of data");
    }
    template <class T>
    T fixed() {
        need(sizeof(T));
        T v;
        std::memcpy(&v, p_, sizeof(T));
        p_ += sizeof(T);
        return v;
    }
    Value value_at_depth(int depth);

    const char* begin_;
    const char* p_;
    const char* end_;
    std::size_t base_;
};

}  // namespace kgq::value
