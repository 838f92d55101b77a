// engine/import/csv_value.hpp — one CSV field's text as a typed value: numbers, booleans,
// ISO 8601 temporals and arrays split on the array delimiter. Stage: import.
// Used by csv_importer.cpp for property and ID columns.
#pragma once

#include "catalog/logical_type.hpp"
#include "kgq/value.hpp"

#include <string>
#include <string_view>

namespace kgq::import {

// Parses `text` as `type` (ANY reads as STRING) into `out`. An empty unquoted field is null
// (the property is absent), as in Neo4j; a quoted empty field is the empty string. Returns
// false with a message in `error` when the text is not a value of the type: the importer
// adds the file position, and no exception is paid on the good path.
bool parse_csv_value(std::string_view text, bool quoted, const catalog::LogicalType& type, char array_delimiter,
                     Value& out, std::string& error);

}  // namespace kgq::import
