// engine/import/csv_importer.hpp — bulk import of one CSV file in the Neo4j admin-import
// format into the graph: a node file (`id:ID(Person)`, properties, `:LABEL`) under a label,
// or a relationship file (`:START_ID(Person)`, `:END_ID(Person)`, properties, `:TYPE`)
// under a relation type. Stage: import. Callers: the COPY statement (main/copy_statement.cpp)
// and the command line's import flags.
//
// Nothing is half-written: the import throws kgq::Exception at the first bad field ("file:
// line:column: ..."), and the caller's statement (GraphStore::begin_statement/rollback)
// undoes what was created. Outside a statement the caller must roll back itself.
#pragma once

#include "catalog/logical_type.hpp"
#include "storage/graph_store.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kgq::import {

struct CsvImportOptions {
    char delimiter = ',';
    char quote = '"';
    char array_delimiter = ';';  // inside `tags:string[]` fields, as neo4j-admin's default
    // false: no header line. Only with a declared schema: a node file's columns are then the
    // type's declared properties in order, a relationship file's are start, end, properties.
    bool header = true;
    // Override the ID spaces (label names) of :START_ID/:END_ID: for headers without one,
    // or whose ID space is not the label's name.
    std::string start_id_space;
    std::string end_id_space;
    // Open mode only: the type of :ID values (Neo4j's default is STRING). With a declared
    // schema the ID property's declared type rules.
    std::optional<catalog::LogicalType> id_type;
    // A progress bar on stderr when it is a terminal and the load takes over a second.
    bool progress = true;
};

struct CsvImportStats {
    bool relationships = false;  // the file held relationships
    std::size_t rows = 0;
    std::size_t nodes_created = 0;
    std::size_t relationships_created = 0;
    std::size_t properties_set = 0;
};

// `table` is a label (entity type) for node files and a relation type for relationship
// files; the header tells which.
CsvImportStats import_csv(storage::GraphStore& store, std::string_view table, const std::filesystem::path& file,
                          const CsvImportOptions& options = {});

}  // namespace kgq::import
