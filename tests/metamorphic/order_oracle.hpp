// order_oracle.hpp — openCypher's ORDER BY order, written apart from the engine so that the
// order_limit relation can check that a sorted result really is sorted (an oracle, not a
// second spelling). Neo4j's Cypher manual, "Ordering and comparison of values", and the
// openCypher 9 spec ("ORDER BY", orderability): ascending, maps < nodes < relationships <
// lists < paths < datetimes < local datetimes < dates < times < local times < durations <
// strings < booleans < numbers < null, NaN after every other number, lists element-wise.
#pragma once

#include "kgq/value.hpp"

#include <optional>

namespace kgqm {

// <0, 0 or >0 as a sorts before, with or after b in ascending order; nullopt for values the
// oracle does not rank (graph elements, temporal values other than dates, maps, and strings
// outside the Basic Multilingual Plane, where Java's UTF-16 order and code point order differ).
std::optional<int> cypher_order(const kgq::Value& a, const kgq::Value& b);

}  // namespace kgqm
