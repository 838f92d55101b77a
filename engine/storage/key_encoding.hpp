// engine/storage/key_encoding.hpp — a canonical byte string per value, so KEY indexes can be
// plain hash maps without depending on the value semantics library (engine/value/).
// Stage: storage. Callers: GraphStore's KEY indexes (create, SET, label moves, undo), tests.
#pragma once

#include "kgq/value.hpp"

#include <optional>
#include <string>

namespace kgq::storage {

// Equal encodings for values that a KEY must treat as the same: same kind and content, an
// integral float as the integer (1.0 ~ 1), date-times by instant. Null has none: a node
// without its key value is simply not indexed.
std::optional<std::string> encode_key(const Value& value);

// The key as an error message shows it: 'text', 42, 1.5, or its type for other kinds.
std::string display_key(const Value& value);

}  // namespace kgq::storage
