// engine/storage/key_index.cpp — KeyIndex: the flat table for integer keys (linear probing,
// tombstones, grown at 70 % use) and the map for the rest; see key_index.hpp.
#include "storage/key_index.hpp"

#include "value/binary_codec.hpp"

#include <bit>
#include <cstring>

namespace kgq::storage {

namespace {
constexpr std::uint32_t empty = 0, full = 1, erased = 2;
}

// encode_key writes an integer (or an integral float) as 'i' and its 8 bytes.
bool KeyIndex::as_int(const std::string& encoded, std::int64_t& out) {
    if (encoded.size() != 1 + sizeof out || encoded[0] != 'i') return false;
    std::memcpy(&out, encoded.data() + 1, sizeof out);
    return true;
}

std::size_t KeyIndex::slot_of(std::int64_t key) const {
    // Fibonacci hashing: the product's top bits pick the slot (slots_.size() is a power of 2).
    const int bits = std::countr_zero(slots_.size());
    return static_cast<std::size_t>((static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull) >> (64 - bits));
}

KeyIndex::NodeId KeyIndex::find(const std::string& encoded) const {
    std::int64_t key;
    if (!as_int(encoded, key)) {
        auto it = others_.find(encoded);
        return it == others_.end() ? absent : it->second;
    }
    return find_int(key);
}

KeyIndex::NodeId KeyIndex::find_int(std::int64_t key) const {
    if (slots_.empty()) return absent;
    for (std::size_t i = slot_of(key);; i = (i + 1) & (slots_.size() - 1)) {
        const Slot& s = slots_[i];
        if (s.state == empty) return absent;
        if (s.state == full && s.key == key) return s.node;
    }
}

void KeyIndex::insert(const std::string& encoded, NodeId node) {
    std::int64_t key;
    if (!as_int(encoded, key)) {
        others_[encoded] = node;
        return;
    }
    if ((used_ + 1) * 10 > slots_.size() * 7) grow();  // tombstones count: 70 % used at most
    std::size_t reuse = SIZE_MAX;
    for (std::size_t i = slot_of(key);; i = (i + 1) & (slots_.size() - 1)) {
        Slot& s = slots_[i];
        if (s.state == full && s.key == key) {
            s.node = static_cast<std::uint32_t>(node);
            return;
        }
        if (s.state == erased && reuse == SIZE_MAX) reuse = i;
        if (s.state == empty) {
            if (reuse == SIZE_MAX) {
                reuse = i;
                ++used_;
            }
            slots_[reuse] = {key, static_cast<std::uint32_t>(node), full};
            return;
        }
    }
}

void KeyIndex::erase(const std::string& encoded) {
    std::int64_t key;
    if (!as_int(encoded, key)) {
        others_.erase(encoded);
        return;
    }
    if (slots_.empty()) return;
    for (std::size_t i = slot_of(key);; i = (i + 1) & (slots_.size() - 1)) {
        Slot& s = slots_[i];
        if (s.state == empty) return;
        if (s.state == full && s.key == key) {
            s.state = erased;
            return;
        }
    }
}

void KeyIndex::reserve(std::size_t more) {
    if ((used_ + more) * 2 > slots_.size()) grow(more);
}

void KeyIndex::grow(std::size_t more) {
    std::vector<Slot> old = std::move(slots_);
    std::size_t live = 0;
    for (const Slot& s : old) live += s.state == full;
    std::size_t size = 1024;
    while (size < (live + more) * 2) size *= 2;  // `more` inserts fit under 50 %: misses stay short
    if (more == 1) {
        while (size * 7 < (live + 1) * 20) size *= 2;  // a growth on insert: at most 35 % full
    }
    slots_.assign(size, Slot{0, 0, empty});
    used_ = 0;
    for (const Slot& s : old) {
        if (s.state != full) continue;
        std::size_t i = slot_of(s.key);
        while (slots_[i].state != empty) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = s;
        ++used_;
    }
}

void KeyIndex::save(value::BinaryWriter& out) const {
    out.array(slots_);
    out.varint(others_.size());
    for (const auto& [encoded, node] : others_) {
        out.string(encoded);
        out.varint(node);
    }
}

void KeyIndex::load(value::BinaryReader& in, const std::function<bool(NodeId)>& valid_node) {
    slots_ = in.array<Slot>();
    const std::size_t size = slots_.size();
    if (size != 0 && (size < 1024 || !std::has_single_bit(size))) in.fail("a KEY index of a size it never has");
    // One pass: `run` is where the current stretch of non-empty slots began (after the last
    // empty one), so a full slot is reachable iff its home slot lies within that stretch.
    std::size_t first_empty = size;
    for (std::size_t i = 0; i < size; ++i)
        if (slots_[i].state == empty) {
            first_empty = i;
            break;
        }
    if (size != 0 && first_empty == size) in.fail("a KEY index without a free slot");
    used_ = 0;
    std::size_t run = first_empty + 1;  // cyclic positions, walked from just after an empty slot
    for (std::size_t step = 1; step <= size; ++step) {
        const std::size_t i = (first_empty + step) & (size - 1);
        const Slot& s = slots_[i];
        if (s.state == empty) {
            run = i + 1;
            continue;
        }
        if (s.state != full && s.state != erased) in.fail("a KEY index slot in an unknown state");
        ++used_;
        if (s.state != full) continue;
        if (!valid_node(s.node)) in.fail("a KEY index entry for a node that does not exist");
        const std::size_t home = slot_of(s.key);
        const std::size_t from_run = (i - (run & (size - 1))) & (size - 1);
        const std::size_t from_home = (i - home) & (size - 1);
        if (from_home > from_run) in.fail("a KEY index entry out of its place");
    }
    if (used_ * 10 > size * 7) in.fail("a KEY index fuller than it ever is");
    const std::size_t others = in.count(2);
    others_.clear();
    others_.reserve(others);
    for (std::size_t i = 0; i < others; ++i) {
        std::string encoded = in.string();
        const std::uint64_t node = in.varint();
        if (!valid_node(node)) in.fail("a KEY index entry for a node that does not exist");
        if (!others_.emplace(std::move(encoded), node).second) in.fail("a KEY index with a key twice");
    }
}

}  // namespace kgq::storage
