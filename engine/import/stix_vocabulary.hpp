// engine/import/stix_vocabulary.hpp — the naming rules between STIX and kgq's schema: STIX
// object types <-> entity types (intrusion-set <-> IntrusionSet), relationship types and
// embedded *_ref(s) properties <-> relation types (attributed-to <-> ATTRIBUTED_TO,
// created_by_ref <-> CREATED_BY_REF), and the fixed parts of the STIX model kgq declares.
// Stage: import/export. Callers: StixImporter, StixExporter, their tests.
#pragma once

#include <string>
#include <string_view>

namespace kgq::import::stix {

// The abstract root every imported type sits under; it declares `id` as the KEY.
inline constexpr std::string_view root_type = "StixObject";
// The abstract parent of Malware and Tool, as ATT&CK groups them ("software").
inline constexpr std::string_view software_type = "Software";

// "intrusion-set" -> "IntrusionSet", "x-mitre-tactic" -> "XMitreTactic", "ipv4-addr" -> "Ipv4Addr".
std::string entity_type_name(std::string_view stix_type);
// The inverse for names made by entity_type_name: "XMitreTactic" -> "x-mitre-tactic".
std::string stix_type_name(std::string_view entity_type);
// The entity type's parent below StixObject: Software for malware and tool, else StixObject.
std::string_view parent_type_name(std::string_view stix_type);

// "attributed-to" -> "ATTRIBUTED_TO", and for embedded references "created_by_ref" -> "CREATED_BY_REF".
std::string relation_type_name(std::string_view relationship_type_or_property);
// "ATTRIBUTED_TO" -> "attributed-to".
std::string relationship_type_name(std::string_view relation_type);
// "CREATED_BY_REF" -> "created_by_ref".
std::string ref_property_name(std::string_view relation_type);

// Embedded references: STIX names every property that holds ids *_ref (one) or *_refs (a list).
bool is_ref_property(std::string_view property);
bool is_refs_property(std::string_view property);
// A relation type that exports back into an embedded *_ref / *_refs property.
bool is_ref_relation(std::string_view relation_type);
bool is_refs_relation(std::string_view relation_type);

// Properties STIX defines as timestamps: a value that does not parse is a malformed object.
bool is_timestamp_property(std::string_view property);

// kgq's own annotations (x_kgq_*): no STIX producer writes them, so a newer version of an
// object from a bundle leaves them in place instead of removing them.
bool is_kgq_property(std::string_view property);

// Properties the importer derives from external_references (the first reference that has an
// external_id: its external_id and url) and the exporter therefore leaves out.
inline constexpr std::string_view external_id_property = "external_id";
inline constexpr std::string_view url_property = "url";
// Stored as LIST<STRING> "kill_chain_name:phase_name" so that a tactic is one IN test.
inline constexpr std::string_view kill_chain_property = "kill_chain_phases";

}  // namespace kgq::import::stix
