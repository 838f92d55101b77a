// engine/persist/checksum.cpp — XXH3-64 through xxhash.h inlined into this one file, so the
// library and its CMake package need no libxxhash to link against.
#include "persist/checksum.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace kgq::persist {

std::uint64_t checksum(std::string_view bytes, std::uint64_t seed) {
    return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

}  // namespace kgq::persist
