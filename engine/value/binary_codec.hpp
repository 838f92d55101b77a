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
    // An array of trivially copyable elements, as its count, zero bytes up to the element's
    // alignment (from the start of the buffer, which files keep 8-aligned), then its bytes
    // (native order: the file header records it). Aligned, a reader copies it in one move.
    template <class T>
    void array(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
        varint(v.size());
        while (out_.size() % alignof(T)) out_.push_back('\0');
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
        static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
        const std::size_t n = static_cast<std::size_t>(varint());
        while (static_cast<std::size_t>(p_ - begin_) % alignof(T)) {
            if (u8() != 0) fail("a padding byte that is not zero");
        }
        if (n > static_cast<std::size_t>(end_ - p_) / sizeof(T)) fail("an array runs past the end of the data");
        std::vector<T> v;
        if (reinterpret_cast<std::uintptr_t>(p_) % alignof(T) == 0) {
            // The bytes of a mapped file are implicitly objects of T (P0593): copied in one
            // move, without zeroing the vector first.
            const T* first = reinterpret_cast<const T*>(p_);
            v.assign(first, first + n);
        } else {
            v.resize(n);
            if (n) std::memcpy(v.data(), p_, n * sizeof(T));
        }
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
