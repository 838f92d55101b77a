// engine/import/stix_exporter.hpp — EXPORT STIX: the graph as a STIX 2.1 bundle, mapping the
// vocabulary back (IntrusionSet -> intrusion-set, ATTRIBUTED_TO -> a relationship object with
// relationship_type attributed-to, CREATED_BY_REF / OBJECT_REFS without properties -> the
// created_by_ref / object_refs properties), so that importing the file gives the graph again.
// Written through common::AtomicFileWriter, so a failed export leaves the old file alone.
// Stage: export. Callers: engine/main/stix_statements.cpp (EXPORT STIX), tests/stix.
#pragma once

#include "storage/graph_store.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace kgq::import {

struct StixExportReport {
    std::size_t nodes = 0;
    std::size_t relationships = 0;  // written as relationship objects
    std::size_t references = 0;  // written as *_ref / *_refs properties
    std::size_t generated_ids = 0;  // nodes or relations without an `id`, given a UUIDv5 one
    std::string summary(const std::string& file) const;
};

class StixExporter {
public:
    explicit StixExporter(const storage::GraphStore& store) : store_(store) {}

    // The subgraph to write; empty vectors mean the whole graph.
    struct Selection {
        std::vector<bool> nodes;  // by node id
        std::vector<bool> relationships;  // by relationship id
        bool whole_graph() const { return nodes.empty() && relationships.empty(); }
    };

    // Every selected node, then every selected relation that is not an embedded reference,
    // each as one STIX object handed to `emit` (so that a writer can stream them).
    void for_each_object(StixExportReport& report, const Selection& selection,
                         const std::function<void(nlohmann::json&&)>& emit) const;
    // The objects of for_each_object() in a bundle.
    nlohmann::json bundle(StixExportReport& report, const Selection& selection = {}) const;
    // Streams the bundle into path through common::AtomicFileWriter: the file is replaced only
    // when all of it was written; else it is left as it was and an Io error names
    // display_name (and, for a value JSON cannot carry, the object: objects[i] and its id).
    StixExportReport write_file(const std::string& path, const std::string& display_name,
                                const Selection& selection = {}) const;

private:
    const storage::GraphStore& store_;
};

}  // namespace kgq::import
