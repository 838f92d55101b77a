// engine/import/stix_exporter.cpp — the graph as a STIX 2.1 bundle; see stix_exporter.hpp.
// Stage: export. Callers: engine/main/stix_statements.cpp, tests/stix.
#include "import/stix_exporter.hpp"

#include "import/stix_values.hpp"
#include "kgq/error.hpp"
#include "import/stix_vocabulary.hpp"

#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/string_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <fstream>

namespace kgq::import {

using namespace stix;
using catalog::PropertyKeyId;
using catalog::TypeId;
using storage::NodeId;
using storage::RelId;

namespace {

// Ids for objects the graph has no `id` for: UUIDv5 (as STIX 2.1 recommends for derived ids)
// in a kgq namespace, from the object's place in the graph, so one export is self-consistent.
std::string generated_id(std::string_view stix_type, const std::string& name) {
    static const boost::uuids::uuid kgq_namespace =
        boost::uuids::string_generator()("5c9b3f8e-2d1a-4e0b-9a63-7b1f0e4d2c55");
    boost::uuids::name_generator_sha1 generate(kgq_namespace);
    return std::string(stix_type) + "--" + boost::uuids::to_string(generate(name));
}

const Value& property(const std::vector<std::pair<PropertyKeyId, Value>>& props, std::optional<PropertyKeyId> key) {
    static const Value null;
    if (!key) return null;
    for (const auto& [k, v] : props)
        if (k == *key) return v;
    return null;
}

}  // namespace

json StixExporter::bundle(StixExportReport& report, const Selection& selection) const {
    const auto& catalog = store_.catalog();
    const auto id_key = catalog.find_property_key("id");
    const auto type_key = catalog.find_property_key("type");
    const auto refs_key = catalog.find_property_key("external_references");

    // Relation types written back as embedded references (when a relation has no properties).
    std::vector<TypeId> ref_types;
    for (TypeId t : store_.relation_types_in_use()) {
        const std::string& name = catalog.relation_type(t).name;
        if (is_ref_relation(name) || is_refs_relation(name)) ref_types.push_back(t);
    }

    // Every node's STIX type and id first: references need their targets' ids.
    std::vector<std::string> stix_id(store_.node_capacity());
    std::vector<std::string> stix_type(store_.node_capacity());
    for (NodeId n = 0; n < store_.node_capacity(); ++n) {
        if (!store_.node_alive(n)) continue;
        const Value& type = type_key ? store_.node_property(n, *type_key) : Value();
        const auto& labels = store_.node_labels(n);
        stix_type[n] = type.is_string() ? type.as_string()
                       : labels.empty() ? std::string("x-kgq-node")
                                        : stix_type_name(catalog.entity_type(labels.front()).name);
        const Value& id = id_key ? store_.node_property(n, *id_key) : Value();
        if (id.is_string()) {
            stix_id[n] = id.as_string();
        } else {
            stix_id[n] = generated_id(stix_type[n], "node:" + std::to_string(n));
            ++report.generated_ids;
        }
    }

    auto node_selected = [&](NodeId n) {
        return selection.whole_graph() || (n < selection.nodes.size() && selection.nodes[n]);
    };
    auto rel_selected = [&](RelId r) {
        return selection.whole_graph() || (r < selection.relationships.size() && selection.relationships[r]);
    };
    json objects = json::array();
    std::vector<bool> written_as_reference(store_.rel_capacity(), false);
    for (NodeId n = 0; n < store_.node_capacity(); ++n) {
        if (!store_.node_alive(n) || !node_selected(n)) continue;
        json o = json::object();
        const auto props = store_.node_properties(n);
        const bool has_references = !property(props, refs_key).is_null();
        for (const auto& [key, value] : props) {
            const std::string& name = catalog.property_key_name(key);
            if (name == "id" || name == "type") continue;
            // Derived on import from external_references; written only when the graph says more.
            if (has_references && (name == external_id_property || name == url_property)) continue;
            o[name] = name == kill_chain_property ? kill_chain_json(value) : to_json(value);
        }
        o["type"] = stix_type[n];
        o["id"] = stix_id[n];
        if (!o.contains("spec_version")) o["spec_version"] = "2.1";
        for (TypeId t : ref_types) {
            const std::string& relation = catalog.relation_type(t).name;
            json targets = json::array();
            for (const auto& entry : store_.adjacency(n, t, storage::Direction::Out)) {
                if (!rel_selected(entry.rel) || !node_selected(entry.neighbor)) continue;
                if (!store_.rel_properties(entry.rel).empty()) continue;
                // A *_ref holds one id: a second such relation goes out as a relationship object.
                if (is_ref_relation(relation) && !targets.empty()) continue;
                targets.push_back(stix_id[entry.neighbor]);
                written_as_reference[entry.rel] = true;
                ++report.references;
            }
            if (targets.empty()) continue;
            o[ref_property_name(relation)] = is_ref_relation(relation) ? targets[0] : targets;
        }
        objects.push_back(std::move(o));
        ++report.nodes;
    }

    for (RelId r = 0; r < store_.rel_capacity(); ++r) {
        if (!store_.rel_alive(r) || written_as_reference[r] || !rel_selected(r)) continue;
        const std::string& relation = catalog.relation_type(store_.rel_type(r)).name;
        const NodeId source = store_.rel_source(r);
        const NodeId target = store_.rel_target(r);
        json o = json::object();
        const auto props = store_.rel_properties(r);
        for (const auto& [key, value] : props) {
            const std::string& name = catalog.property_key_name(key);
            o[name] = name == kill_chain_property ? kill_chain_json(value) : to_json(value);
        }
        o["type"] = "relationship";
        if (!o.contains("spec_version")) o["spec_version"] = "2.1";
        if (!o.contains("id") || !o["id"].is_string()) {
            o["id"] = generated_id("relationship", stix_id[source] + "|" + relation + "|" + stix_id[target] + "|" +
                                                       std::to_string(r));
            ++report.generated_ids;
        }
        o["relationship_type"] = relationship_type_name(relation);
        o["source_ref"] = stix_id[source];
        o["target_ref"] = stix_id[target];
        objects.push_back(std::move(o));
        ++report.relationships;
    }

    json bundle = json::object();
    bundle["type"] = "bundle";
    bundle["id"] = "bundle--" + boost::uuids::to_string(boost::uuids::random_generator()());
    bundle["objects"] = std::move(objects);
    return bundle;
}

StixExportReport StixExporter::write_file(const std::string& path, const std::string& display_name,
                                          const Selection& selection) const {
    StixExportReport report;
    const json out = bundle(report, selection);
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (file) file << out.dump(2) << '\n';
    if (!file) {
        Error e;
        e.kind = ErrorKind::Io;
        e.code = "StixExportError";
        e.detail = "WriteError";
        e.message = "Cannot write '" + display_name + "' (" + path + ")";
        e.at_compile_time = false;
        throw Exception(std::move(e));
    }
    return report;
}

std::string StixExportReport::summary(const std::string& file) const {
    std::string out = "Exported " + std::to_string(nodes + relationships) + " STIX objects to '" + file + "': " +
                      std::to_string(nodes) + " from nodes, " + std::to_string(relationships) +
                      " relationship objects, and " + std::to_string(references) +
                      " relations written back as *_ref(s) properties";
    if (generated_ids) out += "; " + std::to_string(generated_ids) + " objects without an id got a generated one";
    return out;
}

}  // namespace kgq::import
