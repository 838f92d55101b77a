// engine/import/stix_values.hpp — STIX JSON values <-> kgq values and types: what a property's
// values say its type is (the join over a bundle), whether that fits a declared type, the
// conversion on import and the JSON written on export. kill_chain_phases has its own form
// (LIST<STRING> "kill_chain_name:phase_name"); nested objects become MAP, lists LIST<...>.
// Stage: import/export. Callers: the import plan (inference, checks), StixImporter, StixExporter.
#pragma once

#include "catalog/logical_type.hpp"
#include "kgq/value.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace kgq::import::stix {

using json = nlohmann::json;

// The shape of a JSON value as a property type; Timestamp is a string that parses as a STIX
// timestamp. Unknown (null, or the elements of an empty list) joins with anything.
enum class Shape : std::uint8_t { Unknown, Bool, Int, Float, Timestamp, String, Map, List, Any };

struct InferredType {
    Shape shape = Shape::Unknown;
    Shape element = Shape::Unknown;  // for List
};

// One value's shape. Timestamps are recognised at the top level only: list elements and map
// entries stay strings (STIX has no timestamp lists worth a DATETIME type).
InferredType infer(const json& j);
// The most specific type both fit: Int+Float -> Float, Timestamp+String -> String, else Any.
void join(InferredType& into, InferredType value);
// What the importer declares for a property with these values.
catalog::LogicalType declared_type(InferredType t);
// Whether every value of this shape may be stored under `declared` after conversion.
bool fits(InferredType t, const catalog::LogicalType& declared);

// The stored value under `declared` (precondition: fits(infer(j), declared)). Null for null.
Value to_value(const json& j, const catalog::LogicalType& declared);
// JSON as a kgq value without a declared type: strings stay strings, objects become maps.
Value natural_value(const json& j);
// A stored value as STIX JSON: DATETIME as a STIX timestamp, maps as objects.
json to_json(const Value& v);

// kill_chain_phases: a list of {kill_chain_name, phase_name} objects <-> "name:phase" strings.
bool is_kill_chain(const json& j);
Value kill_chain_value(const json& j);  // precondition: is_kill_chain(j)
json kill_chain_json(const Value& v);  // the inverse; other values go through to_json

}  // namespace kgq::import::stix
