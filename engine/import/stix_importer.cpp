// engine/import/stix_importer.cpp — IMPORT STIX after the plan: declare the planned schema,
// then create or update nodes, their embedded-reference relations and the relationship
// objects; see stix_importer.hpp. Everything that can fail was checked by plan_import(), so
// once the first declaration is made the import runs to the end.
// Stage: import. Callers: engine/main/stix_statements.cpp, tests/stix, bench/stix.
#include "import/stix_importer.hpp"

#include "common/statement_budget.hpp"
#include "import/input_file.hpp"

#include "import/stix_import_plan.hpp"
#include "import/stix_timestamp.hpp"
#include "import/stix_vocabulary.hpp"

#include <cstdio>
#include <memory>
#include <unordered_set>

namespace kgq::import {

using namespace stix;
using catalog::PropertyDef;
using catalog::PropertyKeyId;
using catalog::TypeId;
using storage::NodeId;
using storage::RelId;

namespace {

[[noreturn]] void io_error(const std::string& source, const std::string& detail, const std::string& message) {
    Error e;
    e.kind = ErrorKind::Io;
    e.code = "StixImportError";
    e.detail = detail;
    e.message = message;
    e.at_compile_time = false;
    e.source = source;
    throw Exception(std::move(e));
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

using PropertyList = std::vector<std::pair<PropertyKeyId, Value>>;

class Loader {
public:
    Loader(storage::GraphStore& store, ImportPlan& plan, StixImportReport& report)
        : store_(store), catalog_(store.catalog()), plan_(plan), report_(report) {}

    void run() {
        declare();
        rels_before_ = store_.rel_count();
        rels_before_cap_ = store_.rel_capacity();
        load_nodes();
        load_references();
        load_relationships();
    }

private:
    // ------------------------------------------------------------ schema
    static std::vector<PropertyDef> definitions(const std::vector<std::string>& names,
                                                const NameMap<PropertyPlan>& properties) {
        std::vector<PropertyDef> defs;
        for (const auto& name : names) {
            PropertyDef def;
            def.name = name;
            def.type = properties.find(name)->second.type;
            defs.push_back(std::move(def));
        }
        return defs;
    }

    void declare_entity(EntityPlan& ep, std::string_view parent, bool abstract) {
        ep.id = catalog_.declare_entity_type(ep.name, parent, abstract, definitions(ep.own, ep.properties));
        ++report_.types_declared;
    }

    void declare() {
        if (plan_.declare_root) {
            std::vector<PropertyDef> defs;
            PropertyDef id;
            id.name = "id";
            id.type = catalog::LogicalType::of(catalog::TypeKind::String);
            id.is_key = true;
            defs.push_back(id);
            for (const auto& name : plan_.root_properties) {
                PropertyDef def;
                def.name = name;
                def.type = plan_.root_types.find(name)->second;
                defs.push_back(std::move(def));
            }
            plan_.root = catalog_.declare_entity_type(root_type, std::nullopt, true, std::move(defs));
            ++report_.types_declared;
        }
        // STIX's own `software` object (an observable) takes the name; Malware and Tool go under it.
        if (auto sw = plan_.entities.find("software"); sw != plan_.entities.end() && !sw->second.exists) {
            declare_entity(sw->second, root_type, false);
        } else if (plan_.declare_software) {
            catalog_.declare_entity_type(software_type, root_type, true, {});
            ++report_.types_declared;
        }
        for (auto& [stix_type, ep] : plan_.entities) {
            if (!ep.exists && ep.id == catalog::no_type) declare_entity(ep, ep.parent, false);
            for (const auto& name : ep.order) {
                PropertyPlan& pp = ep.properties.find(name)->second;
                if (!pp.widen) continue;
                catalog::PropertyDef def;
                def.name = name;
                def.type = pp.type;
                catalog_.add_entity_property(ep.id, std::move(def));
                ++report_.properties_added;
            }
            for (auto& [name, pp] : ep.properties)
                if (pp.store) pp.key = catalog_.intern_property_key(name);
        }
        for (auto& [name, rp] : plan_.relations) {
            if (!rp.exists) {
                std::vector<std::pair<std::string, std::string>> endpoints(rp.endpoints.begin(), rp.endpoints.end());
                rp.id =
                    catalog_.declare_relation_type(name, std::move(endpoints), definitions(rp.order, rp.properties));
                ++report_.relation_types_declared;
            } else {
                for (const auto& [from, to] : rp.endpoints) {
                    const TypeId f = *catalog_.find_entity_type(from);
                    const TypeId t = *catalog_.find_entity_type(to);
                    if (catalog_.endpoints_allow(rp.id, f, t)) continue;
                    catalog_.add_relation_endpoint(rp.id, f, t);
                    ++report_.endpoints_added;
                }
            }
            for (const auto& property : rp.order) {
                PropertyPlan& pp = rp.properties.find(property)->second;
                if (!rp.exists || !pp.widen) continue;
                catalog::PropertyDef def;
                def.name = property;
                def.type = pp.type;
                catalog_.add_relation_property(rp.id, std::move(def));
                ++report_.properties_added;
            }
            for (auto& [property, pp] : rp.properties)
                if (pp.store) pp.key = catalog_.intern_property_key(property);
        }
        id_key_ = catalog_.key_property(plan_.root)->key;
        modified_key_ = catalog_.intern_property_key("modified");
        created_key_ = catalog_.intern_property_key("created");
    }

    // ------------------------------------------------------------ shared
    std::optional<NodeId> node_for(std::string_view id) const {
        if (auto it = node_of_.find(id); it != node_of_.end()) return it->second;
        if (plan_.by_id.count(id)) return std::nullopt;  // a relationship, or not imported
        if (plan_.graph_empty) return std::nullopt;
        return find_stix_node(store_, plan_.root, id);
    }

    Value spec_version() const { return Value(plan_.bundle_spec_version.empty() ? "2.1" : plan_.bundle_spec_version); }

    // Converts one property into props, or counts it as skipped when the schema lacks it.
    void add(PropertyList& props, const NameMap<PropertyPlan>& plans, const std::string& key, const json& value) {
        auto it = plans.find(key);
        if (it == plans.end()) return;
        const PropertyPlan& pp = it->second;
        if (!pp.store) {
            ++report_.property_values_skipped;
            return;
        }
        props.emplace_back(pp.key, pp.kill_chain ? kill_chain_value(value) : to_value(value, pp.type));
    }

    void add_synthetic(PropertyList& props, const NameMap<PropertyPlan>& plans, std::string_view key, Value value) {
        auto it = plans.find(key);
        if (it == plans.end()) return;
        if (!it->second.store) {
            ++report_.property_values_skipped;
            return;
        }
        props.emplace_back(it->second.key, std::move(value));
    }

    std::optional<DateTime> version_of(const Value& modified, const Value& created) const {
        if (modified.kind() == ValueKind::DateTime) return modified.as_datetime();
        if (created.kind() == ValueKind::DateTime) return created.as_datetime();
        return std::nullopt;
    }

    bool is_newer(const BundleObject& obj, const std::optional<DateTime>& existing) const {
        if (!existing) return true;
        return obj.version && compare_instants(*obj.version, *existing) > 0;
    }

    // A newer version replaces the object's STIX properties; x_kgq_* annotations stay.
    template <typename Set>
    void replace(const PropertyList& props, const PropertyList& old, Set set) {
        std::unordered_set<PropertyKeyId> written;
        for (const auto& [key, value] : props) {
            set(key, value);
            written.insert(key);
            ++report_.stats.properties_set;
        }
        for (const auto& [key, value] : old) {
            if (written.count(key) || key == id_key_ || is_kgq_property(catalog_.property_key_name(key))) continue;
            set(key, Value());
            ++report_.stats.properties_removed;
        }
    }

    // ------------------------------------------------------------ nodes
    void load_nodes() {
        node_of_.reserve(plan_.objects.size());
        rebuild_.assign(plan_.objects.size(), false);
        for (std::size_t i = 0; i < plan_.objects.size(); ++i) {
            StatementBudget::tick_current();
            const BundleObject& obj = plan_.objects[i];
            if (obj.relationship) continue;
            ++report_.objects;
            EntityPlan& ep = plan_.entities.find(obj.type)->second;
            const json& o = *obj.value;
            PropertyList props;
            props.reserve(o.size() + 3);
            props.emplace_back(id_key_, Value(obj.id));
            bool has_spec = false, has_external_id = false, has_url = false;
            for (auto it = o.begin(); it != o.end(); ++it) {
                const std::string& key = it.key();
                if (it->is_null() || key == "id" || is_ref_property(key) || is_refs_property(key)) continue;
                has_spec |= key == "spec_version";
                has_external_id |= key == external_id_property;
                has_url |= key == url_property;
                add(props, ep.properties, key, *it);
            }
            if (!has_spec) add_synthetic(props, ep.properties, "spec_version", spec_version());
            if (!has_external_id) add_external_id(props, ep, o, has_url);

            std::optional<NodeId> existing;
            if (!plan_.graph_empty) existing = find_stix_node(store_, plan_.root, obj.id);
            if (!existing) {
                report_.stats.properties_set += static_cast<std::int64_t>(props.size());
                node_of_.emplace(obj.id, store_.create_node({ep.id}, std::move(props)));
                ++report_.nodes_created;
                rebuild_[i] = true;
                continue;
            }
            const NodeId node = *existing;
            node_of_.emplace(obj.id, node);
            if (!is_newer(obj, version_of(store_.node_property(node, modified_key_),
                                          store_.node_property(node, created_key_)))) {
                ++report_.nodes_unchanged;
                continue;
            }
            replace(props, store_.node_properties(node),
                    [&](PropertyKeyId key, const Value& value) { store_.set_node_property(node, key, value); });
            drop_references(node);
            ++report_.nodes_updated;
            rebuild_[i] = true;
        }
    }

    void add_external_id(PropertyList& props, const EntityPlan& ep, const json& o, bool has_url) {
        auto refs = o.find("external_references");
        if (refs == o.end() || !refs->is_array()) return;
        for (const auto& ref : *refs) {
            if (!ref.is_object()) continue;
            auto ext = ref.find("external_id");
            if (ext == ref.end() || !ext->is_string()) continue;
            add_synthetic(props, ep.properties, external_id_property, Value(ext->get_ref<const std::string&>()));
            auto url = ref.find("url");
            if (!has_url && url != ref.end() && url->is_string())
                add_synthetic(props, ep.properties, url_property, Value(url->get_ref<const std::string&>()));
            return;
        }
    }

    // Before an updated object's references are made again: its reference relations without
    // properties (the ones an import makes; a script's OBJECT_REFS {sentence} stay).
    void drop_references(NodeId node) {
        for (TypeId type : store_.relation_types_in_use()) {
            const std::string& name = catalog_.relation_type(type).name;
            if (!is_ref_relation(name) && !is_refs_relation(name)) continue;
            const auto adjacency = store_.adjacency(node, type, storage::Direction::Out);
            std::vector<RelId> doomed;
            for (const auto& entry : adjacency)
                if (store_.rel_properties(entry.rel).empty()) doomed.push_back(entry.rel);
            for (RelId rel : doomed) {
                store_.delete_relationship(rel);
                ++report_.stats.relationships_deleted;
            }
        }
    }

    // ------------------------------------------------------------ embedded references
    void load_references() {
        NameMap<TypeId> relation_of;  // property name -> relation type
        for (std::size_t i = 0; i < plan_.objects.size(); ++i) {
            StatementBudget::tick_current();
            if (!rebuild_[i]) continue;
            const BundleObject& obj = plan_.objects[i];
            const NodeId source = node_of_.find(obj.id)->second;
            const json& o = *obj.value;
            for (auto it = o.begin(); it != o.end(); ++it) {
                const std::string& key = it.key();
                if (it->is_null() || !(is_ref_property(key) || is_refs_property(key))) continue;
                auto link = [&](const std::string& target_id) {
                    if (target_id.empty()) return;  // "" is no reference
                    auto target = node_for(target_id);
                    if (!target) return;  // counted by the plan
                    auto rel = relation_of.find(key);
                    if (rel == relation_of.end())
                        rel = relation_of.emplace(key, plan_.relations.find(relation_type_name(key))->second.id).first;
                    store_.create_relationship(rel->second, source, *target, {});
                    ++report_.references_created;
                };
                if (it->is_string()) link(it->get_ref<const std::string&>());
                else
                    for (const auto& item : *it) link(item.get_ref<const std::string&>());
            }
        }
    }

    // ------------------------------------------------------------ relationship objects
    void index_relationships() {
        auto id_key = catalog_.find_property_key("id");
        if (!id_key) return;
        for (RelId r = 0; r < store_.rel_capacity(); ++r) {
            if (!store_.rel_alive(r)) continue;
            const Value& id = store_.rel_property(r, *id_key);
            if (id.is_string()) rel_of_.emplace(id.as_string(), r);
        }
    }

    static bool stores_id(const RelationPlan& rp) {
        auto it = rp.properties.find("id");
        return it != rp.properties.end() && it->second.store;
    }

    // A declared relation type without an `id` property cannot match by STIX id: the same type
    // between the same two nodes is taken for the same relationship, so re-imports add nothing.
    std::optional<RelId> parallel_relation(TypeId type, NodeId source, NodeId target) const {
        if (rels_before_ == 0) return std::nullopt;
        for (const auto& entry : store_.adjacency(source, type, storage::Direction::Out))
            if (entry.neighbor == target && entry.rel < rels_before_cap_) return entry.rel;
        return std::nullopt;
    }

    void load_relationships() {
        if (rels_before_ > 0) index_relationships();
        for (const BundleObject& obj : plan_.objects) {
            if (!obj.relationship) continue;
            ++report_.objects;
            if (obj.skip) {
                ++report_.relationships_skipped;
                continue;
            }
            const json& o = *obj.value;
            RelationPlan& rp =
                plan_.relations.find(relation_type_name(o["relationship_type"].get_ref<const std::string&>()))->second;
            auto source = node_for(o["source_ref"].get_ref<const std::string&>());
            auto target = node_for(o["target_ref"].get_ref<const std::string&>());
            if (!source || !target) {  // the plan resolved both; kept for safety
                ++report_.relationships_skipped;
                continue;
            }
            PropertyList props;
            props.reserve(o.size());
            add_synthetic(props, rp.properties, "id", Value(obj.id));
            bool has_spec = false;
            for (auto it = o.begin(); it != o.end(); ++it) {
                const std::string& key = it.key();
                if (it->is_null() || key == "id" || key == "type" || key == "relationship_type" ||
                    key == "source_ref" || key == "target_ref")
                    continue;
                has_spec |= key == "spec_version";
                add(props, rp.properties, key, *it);
            }
            if (!has_spec) add_synthetic(props, rp.properties, "spec_version", spec_version());

            std::optional<RelId> existing;
            if (auto hit = rel_of_.find(obj.id); hit != rel_of_.end()) existing = hit->second;
            else if (!stores_id(rp)) existing = parallel_relation(rp.id, *source, *target);
            if (!existing) {
                report_.stats.properties_set += static_cast<std::int64_t>(props.size());
                store_.create_relationship(rp.id, *source, *target, std::move(props));
                ++report_.relationships_created;
                continue;
            }
            // STIX never changes a relationship's source_ref/target_ref between versions.
            const RelId rel = *existing;
            if (!is_newer(
                    obj, version_of(store_.rel_property(rel, modified_key_), store_.rel_property(rel, created_key_)))) {
                ++report_.relationships_unchanged;
                continue;
            }
            replace(props, store_.rel_properties(rel),
                    [&](PropertyKeyId key, const Value& value) { store_.set_rel_property(rel, key, value); });
            ++report_.relationships_updated;
        }
    }

    storage::GraphStore& store_;
    catalog::Catalog& catalog_;
    ImportPlan& plan_;
    StixImportReport& report_;
    PropertyKeyId id_key_ = 0, modified_key_ = 0, created_key_ = 0;
    std::size_t rels_before_ = 0;
    RelId rels_before_cap_ = 0;  // relations made by this import have ids from here on
    std::unordered_map<std::string_view, NodeId> node_of_;
    std::vector<bool> rebuild_;  // by plan object: (re)make its embedded references
    NameMap<RelId> rel_of_;
};

void add_warnings(const ImportPlan& plan, StixImportReport& report) {
    auto warn = [&](std::string code, std::string message) {
        Warning w;
        w.code = std::move(code);
        w.message = plan.source + ": " + std::move(message);
        report.warnings.push_back(std::move(w));
    };
    auto skipped_properties = [&](const std::string& owner, const NameMap<PropertyPlan>& properties,
                                  const std::vector<std::string>& order) {
        for (const auto& name : order) {
            const PropertyPlan& pp = properties.find(name)->second;
            if (!pp.store)
                warn("StixPropertyNotInSchema", "property '" + name + "' of " + owner +
                                                    " is not in the declared schema: " + thousands(pp.values) +
                                                    " value(s) not stored");
        }
    };
    for (const auto& [stix_type, ep] : plan.entities) skipped_properties(ep.name, ep.properties, ep.order);
    for (const auto& [name, rp] : plan.relations) skipped_properties("relation type " + name, rp.properties, rp.order);

    constexpr std::size_t listed = 20;
    for (std::size_t i = 0; i < plan.skipped.size() && i < listed; ++i) {
        const auto& s = plan.skipped[i];
        warn("StixReferenceSkipped", "objects[" + std::to_string(s.index) + "] ('" + std::string(s.id) +
                                         "'): " + s.property + " '" + s.target +
                                         (s.to_relationship ? "' is a relationship, which a relation cannot end at"
                                                            : "' is neither in the bundle nor in the graph") +
                                         ": no relation made");
    }
    if (plan.skipped.size() > listed)
        warn("StixReferenceSkipped", "... and " + thousands(plan.skipped.size() - listed) + " more skipped references");
    for (const auto& s : plan.skipped) {
        if (s.property == "source_ref" || s.property == "target_ref") continue;  // counted as relationships
        if (s.to_relationship) ++report.references_to_relationships;
        else ++report.dangling_references;
    }
}

}  // namespace

namespace {

// Converting JSON to values recurses once per level, so a bundle nested deeper than any
// STIX object is refused up front (objects nest a handful of levels; 20,000 once overflowed
// the stack). Strings are skipped, so brackets inside them do not count.
constexpr int max_json_depth = 512;

void check_json_depth(const std::string& text, const std::string& display_name) {
    int depth = 0;
    std::size_t line = 1, column = 1;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((i & 0xFFFFF) == 0) StatementBudget::check_current();  // a megabyte at a time
        const char c = text[i];
        if (c == '\n') {
            ++line;
            column = 1;
            continue;
        }
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_json_depth)
                io_error(display_name, "NestingTooDeep",
                         display_name + ":" + std::to_string(line) + ":" + std::to_string(column - 1) +
                             ": JSON nested more than " + std::to_string(max_json_depth) +
                             " levels deep; nothing was imported");
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

}  // namespace

namespace {

// nlohmann's DOM builder with a budget tick on every key, string and container: the parse of
// a large bundle (a third of a second for ATT&CK) stops as promptly as the import after it.
// Called statically by json::sax_parse, so the ticks are a countdown each, not a callback.
class BudgetedDomParser {
public:
    explicit BudgetedDomParser(json& root) : dom_(root, /*allow_exceptions=*/true) {}
    bool null() { return dom_.null(); }
    bool boolean(bool v) { return dom_.boolean(v); }
    bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
    bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
    bool number_float(json::number_float_t v, const json::string_t& text) { return dom_.number_float(v, text); }
    bool string(json::string_t& v) {
        StatementBudget::tick_current();
        return dom_.string(v);
    }
    bool binary(json::binary_t& v) { return dom_.binary(v); }
    bool start_object(std::size_t n) {
        StatementBudget::tick_current();
        return dom_.start_object(n);
    }
    bool key(json::string_t& v) {
        StatementBudget::tick_current();
        return dom_.key(v);
    }
    bool end_object() { return dom_.end_object(); }
    bool start_array(std::size_t n) {
        StatementBudget::tick_current();
        return dom_.start_array(n);
    }
    bool end_array() { return dom_.end_array(); }
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& e) {
        return dom_.parse_error(position, token, e);  // throws it (allow_exceptions)
    }

private:
    nlohmann::detail::json_sax_dom_parser<json> dom_;
};

}  // namespace

StixImportReport StixImporter::import_file(const std::string& path, const std::string& display_name) {
    const std::string text = read_input_file(path, display_name);
    check_utf8(text, display_name);
    check_json_depth(text, display_name);
    json bundle;
    try {
        BudgetedDomParser parser(bundle);
        json::sax_parse(text, &parser);
    } catch (const json::parse_error& e) {
        io_error(display_name, "InvalidJson",
                 display_name + ": not valid JSON at byte " + std::to_string(e.byte) + " (" + e.what() +
                     "); nothing was imported");
    }
    return import_bundle(bundle, display_name);
}

StixImportReport StixImporter::import_bundle(const json& bundle, const std::string& display_name) {
    ImportPlan plan = plan_import(bundle, store_, display_name);
    StixImportReport report;
    report.source = display_name;
    report.older_versions = plan.older_versions;
    Loader(store_, plan, report).run();
    add_warnings(plan, report);
    report.stats.nodes_created = static_cast<std::int64_t>(report.nodes_created);
    report.stats.relationships_created =
        static_cast<std::int64_t>(report.relationships_created + report.references_created);
    return report;
}

std::string StixImportReport::summary() const {
    auto breakdown = [](std::size_t created, std::size_t updated, std::size_t unchanged) {
        if (updated == 0 && unchanged == 0) return std::string(" (new)");
        return " (" + thousands(created) + " new, " + thousands(updated) + " updated, " + thousands(unchanged) +
               " unchanged)";
    };
    std::string out = "Imported " + thousands(objects) + " objects from '" + source +
                      "': " + thousands(nodes_created + nodes_updated + nodes_unchanged) + " nodes" +
                      breakdown(nodes_created, nodes_updated, nodes_unchanged) + ", " +
                      thousands(relationships_created + relationships_updated + relationships_unchanged) +
                      " relationships" +
                      breakdown(relationships_created, relationships_updated, relationships_unchanged) + ", " +
                      thousands(references_created) + " relations from *_ref(s) properties";
    if (types_declared || relation_types_declared || endpoints_added) {
        out += "; declared " + thousands(types_declared) + " node types and " + thousands(relation_types_declared) +
               " relation types";
        if (endpoints_added) out += ", added " + thousands(endpoints_added) + " relation endpoints";
    }
    if (properties_added) out += "; added " + thousands(properties_added) + " properties to declared types";
    std::vector<std::string> skipped;
    if (older_versions) skipped.push_back(thousands(older_versions) + " older versions of objects in the bundle");
    if (relationships_skipped)
        skipped.push_back(thousands(relationships_skipped) + " relationships whose source or target cannot be a node");
    if (dangling_references)
        skipped.push_back(thousands(dangling_references) + " references to ids neither in the bundle nor in the graph");
    if (references_to_relationships)
        skipped.push_back(thousands(references_to_relationships) + " references to relationship objects");
    if (property_values_skipped)
        skipped.push_back(thousands(property_values_skipped) +
                          " property values the declared schema has no property for");
    if (!skipped.empty()) {
        out += "; skipped ";
        for (std::size_t i = 0; i < skipped.size(); ++i) out += (i ? ", " : "") + skipped[i];
        out += " (see warnings)";
    }
    return out;
}

}  // namespace kgq::import
