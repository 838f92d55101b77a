// engine/import/stix_importer.hpp — IMPORT STIX: a STIX 2.1/2.0 bundle into the graph, in the
// STIX vocabulary (types in PascalCase under StixObject, relationship types in UPPER_SNAKE, the
// STIX id as KEY). Into an empty graph it declares a strict schema first; into a declared one
// it checks against it and widens it with new types and endpoints. Re-importing updates by id
// (newer `modified` wins). JSON is parsed with nlohmann::json (Debian's nlohmann-json3-dev).
// Stage: import. Callers: engine/main/stix_statements.cpp (IMPORT STIX), tests/stix, bench/stix.
#pragma once

#include "kgq/result.hpp"
#include "storage/graph_store.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace kgq::import {

// What one import did, for the statement's Result.
struct StixImportReport {
    std::string source;
    std::size_t objects = 0;  // distinct ids in the bundle
    std::size_t nodes_created = 0, nodes_updated = 0, nodes_unchanged = 0;
    std::size_t relationships_created = 0, relationships_updated = 0, relationships_unchanged = 0;
    std::size_t references_created = 0;  // relations made from embedded *_ref / *_refs
    std::size_t older_versions = 0;  // earlier versions of an id also in the bundle
    std::size_t dangling_references = 0;  // to an id neither in the bundle nor in the graph
    std::size_t references_to_relationships = 0;  // a relation cannot end at a relationship
    std::size_t relationships_skipped = 0;  // relationship objects with such an endpoint
    std::size_t property_values_skipped = 0;  // properties the declared schema does not have
    std::size_t properties_added = 0;  // properties added to declared types (widening)
    std::size_t types_declared = 0, relation_types_declared = 0, endpoints_added = 0;
    WriteStats stats;
    std::vector<Warning> warnings;

    // "Imported 24,771 objects from 'x.json': 4,723 nodes (4,723 new), ..."
    std::string summary() const;
};

class StixImporter {
public:
    explicit StixImporter(storage::GraphStore& store) : store_(store) {}

    // Reads, parses and imports a bundle file. `display_name` names it in messages.
    // Throws kgq::Exception (Io: unreadable, not JSON, not a bundle, malformed object;
    // Schema: conflicts with the declared schema). On a throw nothing has been written.
    StixImportReport import_file(const std::string& path, const std::string& display_name);
    StixImportReport import_bundle(const nlohmann::json& bundle, const std::string& display_name);

private:
    storage::GraphStore& store_;
};

}  // namespace kgq::import
