// engine/import/stix_import_plan.hpp — the first pass of IMPORT STIX: read a parsed bundle,
// reject malformed objects, keep the newest version of each id, infer every property's type
// and decide the schema (which types, properties and endpoints to declare, which to check
// against the declared schema, which properties to skip). Reads the graph, writes nothing:
// every way an import can fail is found here, before the catalog (whose declarations are not
// undone by a rollback) or the store is touched. Stage: import. Caller: StixImporter.
#pragma once

#include "catalog/catalog.hpp"
#include "import/stix_values.hpp"
#include "storage/graph_store.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kgq::import::stix {

// Heterogeneous lookup by string_view into maps keyed by std::string.
struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using NameMap = std::unordered_map<std::string, T, NameHash, std::equal_to<>>;

// One object of the bundle that will be imported (the newest version of its id).
struct BundleObject {
    const json* value = nullptr;
    std::uint32_t index = 0;  // position in the bundle's "objects", for messages
    std::string_view id;  // views into the parsed bundle, which outlives the import
    std::string_view type;
    bool relationship = false;
    bool skip = false;  // a relationship with an endpoint that cannot be resolved
    std::optional<DateTime> version;  // `modified`, else `created`
};

// Where the values of one property go.
struct PropertyPlan {
    InferredType inferred;
    std::size_t values = 0;  // objects that have it (for the skip warning)
    bool store = true;  // false: the value cannot be kept (see widen)
    bool widen = false;  // the declared type lacks it: the import adds it to the schema
    bool kill_chain = false;
    catalog::LogicalType type;  // the declared type values are converted to
    catalog::PropertyKeyId key = 0;
};

struct EntityPlan {
    std::string stix_type;
    std::string name;  // entity type name
    std::string parent;  // for a type to declare
    bool exists = false;
    catalog::TypeId id = catalog::no_type;
    NameMap<PropertyPlan> properties;  // by STIX property name; includes type, spec_version, derived ones
    std::vector<std::string> order;  // first-seen order of the properties
    std::vector<std::string> own;  // properties to declare on this (new) type
};

struct RelationPlan {
    std::string name;
    bool exists = false;
    catalog::TypeId id = catalog::no_type;
    std::set<std::pair<std::string, std::string>> endpoints;  // entity type names met
    NameMap<PropertyPlan> properties;
    std::vector<std::string> order;  // first-seen order, for the declaration
};

// A reference (embedded or a relationship's endpoint) that cannot become a relation.
struct SkippedReference {
    std::uint32_t index;
    std::string_view id;
    std::string property;  // "source_ref", "created_by_ref", ...
    std::string target;
    bool to_relationship;  // the target is a relationship object (else: not in bundle nor graph)
};

struct ImportPlan {
    std::string source;  // file name for messages
    std::string bundle_spec_version;
    std::vector<BundleObject> objects;  // kept, in bundle order
    std::unordered_map<std::string_view, std::uint32_t> by_id;  // id -> position in objects
    std::size_t older_versions = 0;

    bool declare_root = false;
    bool declare_software = false;
    std::vector<std::string> root_properties;  // to declare on a new StixObject, in order
    NameMap<catalog::LogicalType> root_types;
    catalog::TypeId root = catalog::no_type;  // once declared or found

    std::map<std::string, EntityPlan, std::less<>> entities;  // by STIX type
    std::map<std::string, RelationPlan, std::less<>> relations;  // by relation type name
    std::vector<SkippedReference> skipped;
    bool graph_empty = true;  // no node before the import: nothing to look up or update
};

// Runs the first pass. Throws kgq::Exception (Io for malformed bundles/objects, Schema for
// conflicts with the declared schema), naming the object's index and id.
ImportPlan plan_import(const json& bundle, const storage::GraphStore& store, std::string source);

// The node a STIX id names in the graph (under the plan's root type), if any.
std::optional<storage::NodeId> find_stix_node(const storage::GraphStore& store, catalog::TypeId root,
                                              std::string_view id);

}  // namespace kgq::import::stix
