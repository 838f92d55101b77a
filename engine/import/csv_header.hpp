// engine/import/csv_header.hpp — the header line of a Neo4j admin-import CSV file:
// `id:ID(Person)`, `:START_ID(Person)`, `:END_ID(Person)`, `name:string`, `age:int`,
// `born:date`, `tags:string[]`, `:LABEL`, `:TYPE`, `:IGNORE`. Stage: import.
// Used by csv_importer.cpp, which decides from it whether a file holds nodes or relationships.
#pragma once

#include "catalog/logical_type.hpp"
#include "import/csv_reader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kgq::import {

enum class ColumnRole { Property, Id, StartId, EndId, Label, Type, Ignore };

struct CsvColumn {
    ColumnRole role = ColumnRole::Property;
    std::string name;  // the property name; empty for :START_ID, :LABEL, ... and a bare :ID
    std::string id_space;  // ID(space), START_ID(space), END_ID(space); empty when not given
    // The type written in the header (`age:int` -> INT, `tags:string[]` -> LIST<STRING>);
    // absent when none was written (Neo4j then reads strings; a declared schema may say more).
    std::optional<catalog::LogicalType> type;
    std::uint32_t column = 0;  // 1-based column in the header line, for errors
};

struct CsvHeader {
    std::vector<CsvColumn> columns;
    int id = -1;  // index of the column of each role, or -1
    int start_id = -1;
    int end_id = -1;
    int label = -1;
    int type = -1;
    bool relationships() const { return start_id >= 0 || end_id >= 0; }
};

// Throws an Io error at the offending header field ("file:1:12: unknown column type 'integr'").
CsvHeader parse_csv_header(const std::vector<CsvField>& fields, const std::string& file);

// "int", "long", "string", "date", ... (case-insensitive) as a type, without the [] suffix.
std::optional<catalog::TypeKind> csv_type_kind(std::string_view name);

}  // namespace kgq::import
