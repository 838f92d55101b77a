// engine/import/stix_import_plan.cpp — the first, read-only pass of IMPORT STIX: validation,
// versions, type inference and the schema decisions; see stix_import_plan.hpp.
// Stage: import. Caller: StixImporter.
#include "import/stix_import_plan.hpp"

#include "import/stix_timestamp.hpp"
#include "import/stix_vocabulary.hpp"
#include "kgq/error.hpp"

#include <algorithm>

namespace kgq::import::stix {

using catalog::LogicalType;
using catalog::TypeId;
using catalog::TypeKind;

namespace {

// ------------------------------------------------------------------ errors

std::string where(std::uint32_t index, std::string_view id) {
    std::string out = "objects[" + std::to_string(index) + "]";
    if (!id.empty()) out += " ('" + std::string(id) + "')";
    return out;
}

std::string snippet(const json& j) {
    std::string text = j.dump();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

[[noreturn]] void fail(ErrorKind kind, const std::string& source, const std::string& detail,
                       const std::string& message) {
    Error e;
    e.kind = kind;
    e.code = "StixImportError";
    e.detail = detail;
    e.message = source + ": " + message + "; nothing was imported";
    e.at_compile_time = false;
    e.source = source;
    throw Exception(std::move(e));
}

[[noreturn]] void malformed(const ImportPlan& plan, std::uint32_t index, std::string_view id, const std::string& what) {
    fail(ErrorKind::Io, plan.source, "MalformedObject", where(index, id) + " " + what);
}

// ------------------------------------------------------------------ validation

bool is_stix_id(const json& j) {
    if (!j.is_string()) return false;
    const auto& s = j.get_ref<const std::string&>();
    const auto dashes = s.find("--");
    return dashes != std::string::npos && dashes > 0 && dashes + 2 < s.size();
}

std::optional<DateTime> timestamp_of(const json& object, const char* name) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_string()) return std::nullopt;
    return parse_timestamp(it->get_ref<const std::string&>());
}

// Checks one element of "objects"; what it returns is kept unless a newer version follows.
BundleObject validate(const ImportPlan& plan, const json& o, std::uint32_t index) {
    if (!o.is_object()) malformed(plan, index, {}, "is not a JSON object but " + snippet(o));
    BundleObject obj;
    obj.value = &o;
    obj.index = index;
    auto id = o.find("id");
    if (id == o.end() || !id->is_string() || id->get_ref<const std::string&>().empty())
        malformed(plan, index, {}, "has no \"id\"");
    obj.id = id->get_ref<const std::string&>();
    auto type = o.find("type");
    if (type == o.end() || !type->is_string() || type->get_ref<const std::string&>().empty())
        malformed(plan, index, obj.id, "has no \"type\"");
    obj.type = type->get_ref<const std::string&>();
    if (obj.id.size() <= obj.type.size() + 2 || obj.id.substr(0, obj.type.size()) != obj.type ||
        obj.id.substr(obj.type.size(), 2) != "--")
        malformed(plan, index, obj.id, "has an id that does not start with '" + std::string(obj.type) + "--'");
    obj.relationship = obj.type == "relationship";

    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string& key = it.key();
        const json& value = *it;
        if (value.is_null() || key == "id" || key == "type") continue;
        if (is_timestamp_property(key)) {
            if (!value.is_string() || !parse_timestamp(value.get_ref<const std::string&>()))
                malformed(plan, index, obj.id,
                          "has a bad timestamp in '" + key + "': " + snippet(value) +
                              " (STIX wants YYYY-MM-DDTHH:MM:SS[.s]Z)");
        } else if (is_ref_property(key)) {
            // ATT&CK writes "" for "no reference" (x_mitre_data_source_ref): taken as absent.
            if (value.is_string() && value.get_ref<const std::string&>().empty()) continue;
            if (!is_stix_id(value))
                malformed(plan, index, obj.id, "has '" + key + "' = " + snippet(value) + ", which is not a STIX id");
        } else if (is_refs_property(key)) {
            if (!value.is_array() || !std::all_of(value.begin(), value.end(), is_stix_id))
                malformed(plan, index, obj.id,
                          "has '" + key + "' = " + snippet(value) + ", which is not a list of STIX ids");
        } else if (key == kill_chain_property) {
            if (!is_kill_chain(value))
                malformed(plan, index, obj.id,
                          "has kill_chain_phases that are not a list of {kill_chain_name, phase_name} objects");
        }
    }
    if (obj.relationship) {
        auto rt = o.find("relationship_type");
        if (rt == o.end() || !rt->is_string() || rt->get_ref<const std::string&>().empty())
            malformed(plan, index, obj.id, "is a relationship without \"relationship_type\"");
        for (const char* end : {"source_ref", "target_ref"}) {
            auto ref = o.find(end);
            if (ref == o.end() || !is_stix_id(*ref))
                malformed(plan, index, obj.id, "is a relationship without \"" + std::string(end) + "\"");
        }
    }
    obj.version = timestamp_of(o, "modified");
    if (!obj.version) obj.version = timestamp_of(o, "created");
    return obj;
}

bool newer(const std::optional<DateTime>& a, const std::optional<DateTime>& b) {
    if (!a) return false;
    if (!b) return true;
    return compare_instants(*a, *b) > 0;
}

// ------------------------------------------------------------------ inference

template <typename Plan>
PropertyPlan& note(Plan& plan, std::string_view name, InferredType t) {
    auto it = plan.properties.find(name);
    if (it == plan.properties.end()) {
        it = plan.properties.emplace(std::string(name), PropertyPlan{}).first;
        plan.order.emplace_back(name);
    }
    join(it->second.inferred, t);
    ++it->second.values;
    return it->second;
}

// kgq's own types travel as custom STIX types in the x-kgq- namespace (StixExporter writes a
// node labelled Claim with id 'x-kgq-claim--...' as type 'x-kgq-claim'): back to Claim.
std::string imported_type_name(std::string_view stix_type) {
    constexpr std::string_view kgq_namespace = "x-kgq-";
    if (stix_type.size() > kgq_namespace.size() && stix_type.substr(0, kgq_namespace.size()) == kgq_namespace)
        return entity_type_name(stix_type.substr(kgq_namespace.size()));
    return entity_type_name(stix_type);
}

EntityPlan& entity_plan(ImportPlan& plan, const catalog::Catalog& catalog, std::string_view stix_type) {
    auto it = plan.entities.find(stix_type);
    if (it != plan.entities.end()) return it->second;
    EntityPlan ep;
    ep.stix_type = std::string(stix_type);
    ep.name = imported_type_name(stix_type);
    ep.parent = std::string(parent_type_name(stix_type));
    if (auto found = catalog.find_entity_type(ep.name)) {
        ep.exists = true;
        ep.id = *found;
    }
    return plan.entities.emplace(ep.stix_type, std::move(ep)).first->second;
}

RelationPlan& relation_plan(ImportPlan& plan, const catalog::Catalog& catalog, std::string name) {
    auto it = plan.relations.find(name);
    if (it != plan.relations.end()) return it->second;
    RelationPlan rp;
    rp.name = name;
    if (auto found = catalog.find_relation_type(name)) {
        rp.exists = true;
        rp.id = *found;
    }
    return plan.relations.emplace(std::move(name), std::move(rp)).first->second;
}

// What a reference points at: a node's entity type name, or why it cannot be a relation.
struct Target {
    enum { Node, Relationship, Missing } kind = Missing;
    std::string type;
};

Target resolve(const ImportPlan& plan, const storage::GraphStore& store, std::string_view id) {
    if (auto hit = plan.by_id.find(id); hit != plan.by_id.end()) {
        const BundleObject& obj = plan.objects[hit->second];
        if (obj.relationship) return {Target::Relationship, {}};
        return {Target::Node, imported_type_name(obj.type)};
    }
    if (!plan.graph_empty && plan.root != catalog::no_type) {
        if (auto node = find_stix_node(store, plan.root, id))
            return {Target::Node, store.catalog().entity_type(store.node_labels(*node).front()).name};
    }
    return {};
}

void skip_reference(ImportPlan& plan, const BundleObject& obj, std::string_view property, std::string_view target,
                    const Target& t) {
    plan.skipped.push_back(
        {obj.index, obj.id, std::string(property), std::string(target), t.kind == Target::Relationship});
}

constexpr InferredType string_type{Shape::String, Shape::Unknown};
constexpr InferredType string_list_type{Shape::List, Shape::String};

void infer_entity(ImportPlan& plan, const storage::GraphStore& store, const BundleObject& obj) {
    const auto& catalog = store.catalog();
    EntityPlan& ep = entity_plan(plan, catalog, obj.type);
    note(ep, "type", string_type);
    note(ep, "spec_version", string_type);
    bool own_external_id = false;
    bool own_url = false;
    const json& o = *obj.value;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string& key = it.key();
        const json& value = *it;
        if (value.is_null() || key == "id" || key == "type" || key == "spec_version") continue;
        if (is_ref_property(key) || is_refs_property(key)) {
            RelationPlan* rp = nullptr;
            auto edge = [&](const std::string& target_id) {
                if (target_id.empty()) return;  // "" is no reference
                Target t = resolve(plan, store, target_id);
                if (t.kind != Target::Node) return skip_reference(plan, obj, key, target_id, t);
                if (!rp) rp = &relation_plan(plan, catalog, relation_type_name(key));
                rp->endpoints.emplace(ep.name, std::move(t.type));
            };
            if (value.is_string()) edge(value.get_ref<const std::string&>());
            else
                for (const auto& item : value) edge(item.get_ref<const std::string&>());
            continue;
        }
        if (key == kill_chain_property) {
            note(ep, key, string_list_type).kill_chain = true;
            continue;
        }
        own_external_id |= key == external_id_property;
        own_url |= key == url_property;
        note(ep, key, infer(value));
    }
    // external_id / url: from the first external reference that has an external_id.
    auto refs = o.find("external_references");
    if (refs != o.end() && refs->is_array()) {
        for (const auto& ref : *refs) {
            if (!ref.is_object()) continue;
            auto ext = ref.find("external_id");
            if (ext == ref.end() || !ext->is_string()) continue;
            if (!own_external_id) note(ep, external_id_property, string_type);
            auto url = ref.find("url");
            if (!own_url && url != ref.end() && url->is_string()) note(ep, url_property, string_type);
            break;
        }
    }
    // An id already in the graph must keep its type: an import updates objects, it does not retype them.
    if (!plan.graph_empty && plan.root != catalog::no_type) {
        if (auto node = find_stix_node(store, plan.root, obj.id)) {
            const auto& existing = catalog.entity_type(store.node_labels(*node).front()).name;
            if (existing != ep.name)
                fail(ErrorKind::Schema, plan.source, "TypeConflict",
                     where(obj.index, obj.id) + " is a " + ep.name + " in the bundle but a " + existing +
                         " in the graph");
        }
    }
}

void infer_relationship(ImportPlan& plan, const storage::GraphStore& store, BundleObject& obj) {
    const json& o = *obj.value;
    const std::string& source = o["source_ref"].get_ref<const std::string&>();
    const std::string& target = o["target_ref"].get_ref<const std::string&>();
    Target from = resolve(plan, store, source);
    Target to = resolve(plan, store, target);
    if (from.kind != Target::Node || to.kind != Target::Node) {
        obj.skip = true;
        if (from.kind != Target::Node) skip_reference(plan, obj, "source_ref", source, from);
        if (to.kind != Target::Node) skip_reference(plan, obj, "target_ref", target, to);
        return;
    }
    RelationPlan& rp =
        relation_plan(plan, store.catalog(), relation_type_name(o["relationship_type"].get_ref<const std::string&>()));
    rp.endpoints.emplace(std::move(from.type), std::move(to.type));
    note(rp, "id", string_type);
    note(rp, "spec_version", string_type);
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string& key = it.key();
        const json& value = *it;
        if (value.is_null() || key == "id" || key == "type" || key == "spec_version" || key == "relationship_type" ||
            key == "source_ref" || key == "target_ref")
            continue;
        if (key == kill_chain_property) {
            note(rp, key, string_list_type).kill_chain = true;
            continue;
        }
        note(rp, key, infer(value));
    }
}

// ------------------------------------------------------------------ schema decisions

// The common properties of every STIX object (STIX 2.1 section 3.2) plus name and description,
// declared on a new StixObject with their STIX types whatever the bundle holds.
const std::vector<std::pair<std::string, LogicalType>>& common_properties() {
    static const std::vector<std::pair<std::string, LogicalType>> list = {
        {"type", LogicalType::of(TypeKind::String)},
        {"spec_version", LogicalType::of(TypeKind::String)},
        {"created", LogicalType::of(TypeKind::DateTime)},
        {"modified", LogicalType::of(TypeKind::DateTime)},
        {"name", LogicalType::of(TypeKind::String)},
        {"description", LogicalType::of(TypeKind::String)},
        {"revoked", LogicalType::of(TypeKind::Bool)},
        {"labels", LogicalType::list_of(TypeKind::String)},
        {"confidence", LogicalType::of(TypeKind::Int)},
        {"lang", LogicalType::of(TypeKind::String)},
        {"external_references", LogicalType::list_of(TypeKind::Map)},
        {"external_id", LogicalType::of(TypeKind::String)},
        {"url", LogicalType::of(TypeKind::String)},
        {"granular_markings", LogicalType::list_of(TypeKind::Map)},
        {"extensions", LogicalType::of(TypeKind::Map)},
    };
    return list;
}

LogicalType planned_type(const PropertyPlan& pp) {
    return pp.kill_chain ? LogicalType::list_of(TypeKind::String) : declared_type(pp.inferred);
}

bool property_fits(const PropertyPlan& pp, const LogicalType& declared) {
    return fits(pp.kill_chain ? string_list_type : pp.inferred, declared);
}

// Names the first object whose value does not fit `declared`.
[[noreturn]] void fail_fit(const ImportPlan& plan, std::string_view stix_type, bool relationship,
                           std::string_view owner, const std::string& property, const LogicalType& declared) {
    const std::string what =
        "property '" + property + "' of " + std::string(owner) + " is declared " + declared.to_string();
    for (const auto& obj : plan.objects) {
        if (obj.skip || obj.relationship != relationship) continue;
        if (relationship) {
            if (relation_type_name((*obj.value)["relationship_type"].get_ref<const std::string&>()) != owner) continue;
        } else if (obj.type != stix_type) {
            continue;
        }
        auto it = obj.value->find(property);
        if (it == obj.value->end() || it->is_null()) continue;
        const bool ok = property == kill_chain_property ? fits(string_list_type, declared) : fits(infer(*it), declared);
        if (!ok)
            fail(ErrorKind::Schema, plan.source, "PropertyType",
                 where(obj.index, obj.id) + ": " + what + " but holds " + snippet(*it));
    }
    fail(ErrorKind::Schema, plan.source, "PropertyType", what + ", which the bundle's values do not fit");
}

void plan_root(ImportPlan& plan) {
    for (const auto& [name, type] : common_properties()) {
        plan.root_properties.push_back(name);
        plan.root_types.emplace(name, type);
    }
    // A property met on two or more types is declared once on StixObject, so that a query over
    // all objects (MATCH (o:StixObject) WHERE o.x_mitre_deprecated) type-checks.
    std::map<std::string, std::pair<int, PropertyPlan>, std::less<>> seen;
    std::vector<std::string> order;
    for (const auto& [stix_type, ep] : plan.entities) {
        for (const auto& name : ep.order) {
            const PropertyPlan& pp = ep.properties.find(name)->second;
            auto [it, fresh] = seen.try_emplace(name, 0, PropertyPlan{});
            if (fresh) order.push_back(name);
            ++it->second.first;
            join(it->second.second.inferred, pp.inferred);
            it->second.second.kill_chain |= pp.kill_chain;
        }
    }
    for (const auto& name : order) {
        const auto& [types, pp] = seen.find(name)->second;
        if (types < 2 || plan.root_types.count(name)) continue;
        plan.root_properties.push_back(name);
        plan.root_types.emplace(name, planned_type(pp));
    }
}

// The declared type a new entity type inherits for `name`, if any.
const LogicalType* inherited(const ImportPlan& plan, const catalog::Catalog& catalog, const EntityPlan& ep,
                             const std::string& name) {
    if (plan.declare_root) {
        auto it = plan.root_types.find(name);
        return it == plan.root_types.end() ? nullptr : &it->second;
    }
    auto key = catalog.find_property_key(name);
    if (!key) return nullptr;
    TypeId parent = plan.root;
    if (auto software = catalog.find_entity_type(ep.parent)) parent = *software;
    const catalog::PropertyDef* def = catalog.find_property(parent, *key);
    return def ? &def->type : nullptr;
}

void plan_entities(ImportPlan& plan, const catalog::Catalog& catalog) {
    if (plan.declare_root) plan_root(plan);
    for (auto& [stix_type, ep] : plan.entities) {
        if (ep.exists) {
            if (plan.root == catalog::no_type || !catalog.is_subtype(ep.id, plan.root))
                fail(ErrorKind::Schema, plan.source, "TypeConflict",
                     "the declared schema has a node type " + ep.name + " that is not a subtype of " +
                         std::string(root_type) + ", so STIX objects of type '" + stix_type +
                         "' cannot be imported into it");
        } else if (ep.parent == software_type && !catalog.find_entity_type(software_type) &&
                   !plan.entities.count("software")) {
            plan.declare_software = true;
        }
        for (const auto& name : ep.order) {
            PropertyPlan& pp = ep.properties.find(name)->second;
            const LogicalType* declared = nullptr;
            if (ep.exists) {
                auto key = catalog.find_property_key(name);
                const catalog::PropertyDef* def = key ? catalog.find_property(ep.id, *key) : nullptr;
                if (!def) {
                    // The declared type lacks it: add it (unless a subtype already has it).
                    bool on_subtype = false;
                    for (catalog::TypeId sub : catalog.subtypes(ep.id))
                        on_subtype |= key && catalog.find_property(sub, *key);
                    pp.store = !on_subtype;
                    pp.widen = !on_subtype;
                    pp.type = planned_type(pp);
                    continue;
                }
                declared = &def->type;
            } else {
                declared = inherited(plan, catalog, ep, name);
            }
            if (declared) {
                if (!property_fits(pp, *declared)) fail_fit(plan, stix_type, false, ep.name, name, *declared);
                pp.type = *declared;
            } else {
                pp.type = planned_type(pp);
                ep.own.push_back(name);
            }
        }
    }
}

void plan_relations(ImportPlan& plan, const catalog::Catalog& catalog) {
    for (auto& [name, rp] : plan.relations) {
        for (const auto& property : rp.order) {
            PropertyPlan& pp = rp.properties.find(property)->second;
            if (!rp.exists) {
                pp.type = planned_type(pp);
                continue;
            }
            auto key = catalog.find_property_key(property);
            const catalog::PropertyDef* def = key ? catalog.find_relation_property(rp.id, *key) : nullptr;
            if (!def) {
                pp.widen = true;
                pp.type = planned_type(pp);
                continue;
            }
            if (!property_fits(pp, def->type)) fail_fit(plan, {}, true, name, property, def->type);
            pp.type = def->type;
        }
    }
}

}  // namespace

std::optional<storage::NodeId> find_stix_node(const storage::GraphStore& store, TypeId root, std::string_view id) {
    if (root == catalog::no_type) return std::nullopt;
    return store.find_by_key(root, Value(id));
}

ImportPlan plan_import(const json& bundle, const storage::GraphStore& store, std::string source) {
    ImportPlan plan;
    plan.source = std::move(source);
    const auto& catalog = store.catalog();

    if (!bundle.is_object() || bundle.value("type", json()) != "bundle")
        fail(ErrorKind::Io, plan.source, "NotABundle",
             "is not a STIX bundle (a JSON object with \"type\": \"bundle\" and an \"objects\" list)");
    if (auto spec = bundle.find("spec_version"); spec != bundle.end() && spec->is_string())
        plan.bundle_spec_version = spec->get<std::string>();
    static const json no_objects = json::array();
    auto objects_it = bundle.find("objects");
    const json& objects = objects_it == bundle.end() ? no_objects : *objects_it;
    if (!objects.is_array()) fail(ErrorKind::Io, plan.source, "NotABundle", "has \"objects\" that is not a list");

    if (!catalog.strict() && (catalog.entity_type_count() > 0 || catalog.relation_type_count() > 0))
        fail(ErrorKind::Schema, plan.source, "OpenGraph",
             "IMPORT STIX needs an empty graph or a declared schema, and this graph has types created by first use");
    plan.graph_empty = store.node_count() == 0;
    if (auto root = catalog.find_entity_type(root_type)) {
        const catalog::PropertyDef* key = catalog.key_property(*root);
        if (!key || key->name != "id")
            fail(ErrorKind::Schema, plan.source, "TypeConflict",
                 "the declared schema's " + std::string(root_type) + " must have KEY id, the STIX id");
        plan.root = *root;
    } else {
        plan.declare_root = true;
    }

    // 1. Validate every object; keep the newest version of each id.
    plan.objects.reserve(objects.size());
    plan.by_id.reserve(objects.size());
    for (std::uint32_t i = 0; i < objects.size(); ++i) {
        BundleObject obj = validate(plan, objects[i], i);
        auto [it, fresh] = plan.by_id.emplace(obj.id, static_cast<std::uint32_t>(plan.objects.size()));
        if (fresh) {
            plan.objects.push_back(obj);
            continue;
        }
        ++plan.older_versions;
        BundleObject& kept = plan.objects[it->second];
        if (kept.type != obj.type)
            malformed(plan, i, obj.id,
                      "has type '" + std::string(obj.type) + "' but an earlier object with this id has '" +
                          std::string(kept.type) + "'");
        if (newer(obj.version, kept.version)) kept = obj;
    }

    // 2. Infer types and endpoints (objects first: relationships need their endpoints' types).
    for (auto& obj : plan.objects)
        if (!obj.relationship) infer_entity(plan, store, obj);
    for (auto& obj : plan.objects)
        if (obj.relationship) infer_relationship(plan, store, obj);

    // 3. Decide the schema.
    plan_entities(plan, catalog);
    plan_relations(plan, catalog);
    return plan;
}

}  // namespace kgq::import::stix
