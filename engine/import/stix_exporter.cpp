// engine/import/stix_exporter.cpp — the graph as a STIX 2.1 bundle; see stix_exporter.hpp.
// Stage: export. Callers: engine/main/stix_statements.cpp, tests/stix.
#include "import/stix_exporter.hpp"

#include "common/statement_budget.hpp"

#include "common/atomic_file.hpp"
#include "import/stix_values.hpp"
#include "import/stix_vocabulary.hpp"
#include "kgq/error.hpp"

#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/string_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <memory>

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

// kgq's own object types (what STIX has no type for, such as the bundled graph's Claim) are
// custom STIX types in the x-kgq- namespace: a node labelled Claim whose id is
// 'x-kgq-claim--<slug>' is exported as type 'x-kgq-claim' (STIX wants the id to start with
// the type), and the importer maps 'x-kgq-claim' back to Claim.
std::string node_stix_type(const std::string& label_type, const Value& id) {
    const std::string custom = "x-kgq-" + label_type;
    if (id.is_string() && id.as_string().size() > custom.size() + 2 && id.as_string().rfind(custom + "--", 0) == 0)
        return custom;
    return label_type;
}

std::string new_bundle_id() { return "bundle--" + boost::uuids::to_string(boost::uuids::random_generator()()); }

// Feeds nlohmann's serializer into the AtomicFileWriter: the bundle is written as it is
// produced, one object at a time, never held whole as text. (detail::serializer is what
// json::dump uses inside; nlohmann offers no public way to dump into a custom sink.)
class WriterAdapter final : public nlohmann::detail::output_adapter_protocol<char> {
public:
    explicit WriterAdapter(common::AtomicFileWriter& out) : out_(out) {}
    void write_character(char c) override { out_.write(c); }
    void write_characters(const char* s, std::size_t length) override { out_.write(std::string_view(s, length)); }

private:
    common::AtomicFileWriter& out_;
};

[[noreturn]] void unwritable(const std::string& display_name, bool in_place, std::size_t index, const json& object,
                             const json::exception& ex) {
    std::string what = "objects[" + std::to_string(index) + "]";
    if (auto id = object.find("id"); id != object.end() && id->is_string()) {
        // The id itself may be the bad string: dump it with replacement characters.
        what += " ('" + id->dump(-1, ' ', false, json::error_handler_t::replace).substr(1);
        what.pop_back();
        what += "')";
    }
    // Which property: the first whose value does not serialize.
    for (auto it = object.begin(); it != object.end(); ++it) {
        try {
            (void)it->dump();
        } catch (const json::exception&) {
            what += ", property '" + it.key() + "',";
            break;
        }
    }
    Error e;
    e.kind = ErrorKind::Io;
    e.code = "ExportError";
    e.detail = ex.id == 316 ? "InvalidUtf8" : "UnwritableValue";
    e.message = "Cannot export '" + display_name + "': " + what +
                (ex.id == 316 ? " holds a string that is not valid UTF-8, which JSON cannot carry"
                              : " holds a value JSON cannot carry") +
                " (" + ex.what() + ")" + (in_place ? std::string() : "; the file was left as it was");
    e.at_compile_time = false;
    throw Exception(std::move(e));
}

}  // namespace

void StixExporter::for_each_object(StixExportReport& report, const Selection& selection,
                                   const std::function<void(json&&)>& emit) const {
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
        const Value& id = id_key ? store_.node_property(n, *id_key) : Value();
        stix_type[n] = type.is_string() ? type.as_string()
                       : labels.empty() ? std::string("x-kgq-node")
                                        : node_stix_type(stix_type_name(catalog.entity_type(labels.front()).name), id);
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
    std::vector<bool> written_as_reference(store_.rel_capacity(), false);
    for (NodeId n = 0; n < store_.node_capacity(); ++n) {
        StatementBudget::tick_current();  // an interrupted export leaves the old file (AtomicFileWriter)
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
        ++report.nodes;
        emit(std::move(o));
    }

    for (RelId r = 0; r < store_.rel_capacity(); ++r) {
        StatementBudget::tick_current();
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
            o["id"] = generated_id("relationship",
                                   stix_id[source] + "|" + relation + "|" + stix_id[target] + "|" + std::to_string(r));
            ++report.generated_ids;
        }
        o["relationship_type"] = relationship_type_name(relation);
        o["source_ref"] = stix_id[source];
        o["target_ref"] = stix_id[target];
        ++report.relationships;
        emit(std::move(o));
    }
}

json StixExporter::bundle(StixExportReport& report, const Selection& selection) const {
    json objects = json::array();
    for_each_object(report, selection, [&](json&& o) { objects.push_back(std::move(o)); });
    json bundle = json::object();
    bundle["type"] = "bundle";
    bundle["id"] = new_bundle_id();
    bundle["objects"] = std::move(objects);
    return bundle;
}

// The same text as bundle().dump(2) plus a newline (keys in order: id, objects, type), streamed.
// Nothing replaces `path` unless every object serialized and the file was written and synced.
StixExportReport StixExporter::write_file(const std::string& path, const std::string& display_name,
                                          const Selection& selection) const {
    StixExportReport report;
    common::AtomicFileWriter out(path, display_name);
    nlohmann::detail::serializer<json> serializer(std::make_shared<WriterAdapter>(out), ' ',
                                                  json::error_handler_t::strict);
    out.write("{\n  \"id\": \"" + new_bundle_id() + "\",\n  \"objects\": [");
    std::size_t index = 0;
    for_each_object(report, selection, [&](json&& o) {
        out.write(index == 0 ? "\n    " : ",\n    ");
        try {
            serializer.dump(o, true, false, 2, 4);
        } catch (const json::exception& ex) {
            unwritable(display_name, out.direct(), index, o, ex);
        }
        ++index;
    });
    out.write(index == 0 ? "],\n" : "\n  ],\n");
    out.write("  \"type\": \"bundle\"\n}\n");
    out.commit();
    return report;
}

std::string StixExportReport::summary(const std::string& file) const {
    std::string out = "Exported " + std::to_string(nodes + relationships) + " STIX objects to '" + file +
                      "': " + std::to_string(nodes) + " from nodes, " + std::to_string(relationships) +
                      " relationship objects, and " + std::to_string(references) +
                      " relations written back as *_ref(s) properties";
    if (generated_ids) out += "; " + std::to_string(generated_ids) + " objects without an id got a generated one";
    return out;
}

}  // namespace kgq::import
