// tests/unit/storage/test_key_index.cpp — KeyIndex (storage/key_index.hpp): the flat table
// for integer keys must behave like a map through growth, erasure (tombstones) and reuse,
// and non-integer encodings must go to the other map; checked against std::map.
#include "storage/key_encoding.hpp"
#include "storage/key_index.hpp"

#include <doctest/doctest.h>

#include <map>
#include <random>

using namespace kgq;
using kgq::storage::KeyIndex;

TEST_CASE("KeyIndex agrees with a map under random inserts, erasures and lookups") {
    KeyIndex index;
    std::map<std::string, KeyIndex::NodeId> reference;
    std::mt19937_64 random(42);
    for (int step = 0; step < 200000; ++step) {
        // Integers from a small range (so keys repeat and erasures hit), some strings, floats.
        const auto r = random() % 10;
        Value v = r < 7   ? Value(static_cast<std::int64_t>(random() % 5000) - 2500)
                  : r < 9 ? Value(std::string("k") + std::to_string(random() % 300))
                          : Value(static_cast<double>(random() % 50) + 0.5);
        const std::string code = *storage::encode_key(v);
        switch (random() % 3) {
            case 0:
                index.insert(code, step);
                reference[code] = step;
                break;
            case 1:
                index.erase(code);
                reference.erase(code);
                break;
            default: {
                auto it = reference.find(code);
                CHECK(index.find(code) == (it == reference.end() ? KeyIndex::absent : it->second));
            }
        }
    }
    for (const auto& [code, node] : reference) CHECK(index.find(code) == node);
}

TEST_CASE("KeyIndex treats an integral float as the integer, as KEY equality does") {
    KeyIndex index;
    index.insert(*storage::encode_key(Value(std::int64_t{7})), 3);
    CHECK(index.find(*storage::encode_key(Value(7.0))) == 3);
    CHECK(index.find(*storage::encode_key(Value(7.5))) == KeyIndex::absent);
    CHECK(index.find(*storage::encode_key(Value(std::string("7")))) == KeyIndex::absent);
}
