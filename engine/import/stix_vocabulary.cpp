// engine/import/stix_vocabulary.cpp — the STIX <-> kgq naming rules; see stix_vocabulary.hpp.
// Stage: import/export. Callers: StixImporter, StixExporter.
#include "import/stix_vocabulary.hpp"

#include <algorithm>
#include <array>

namespace kgq::import::stix {

namespace {

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string entity_type_name(std::string_view stix_type) {
    std::string out;
    out.reserve(stix_type.size());
    bool start = true;
    for (char c : stix_type) {
        if (c == '-') {
            start = true;
            continue;
        }
        out.push_back(start ? upper(c) : c);
        start = false;
    }
    return out;
}

std::string stix_type_name(std::string_view entity_type) {
    std::string out;
    out.reserve(entity_type.size() + 4);
    for (std::size_t i = 0; i < entity_type.size(); ++i) {
        const char c = entity_type[i];
        if (is_upper(c) && i > 0) out.push_back('-');
        out.push_back(lower(c));
    }
    return out;
}

std::string_view parent_type_name(std::string_view stix_type) {
    return (stix_type == "malware" || stix_type == "tool") ? software_type : root_type;
}

std::string relation_type_name(std::string_view name) {
    std::string out(name);
    for (char& c : out) c = (c == '-') ? '_' : upper(c);
    return out;
}

std::string relationship_type_name(std::string_view relation_type) {
    std::string out(relation_type);
    for (char& c : out) c = (c == '_') ? '-' : lower(c);
    return out;
}

std::string ref_property_name(std::string_view relation_type) {
    std::string out(relation_type);
    for (char& c : out) c = lower(c);
    return out;
}

bool is_ref_property(std::string_view property) { return ends_with(property, "_ref"); }
bool is_refs_property(std::string_view property) { return ends_with(property, "_refs"); }
bool is_ref_relation(std::string_view relation_type) { return ends_with(relation_type, "_REF"); }
bool is_refs_relation(std::string_view relation_type) { return ends_with(relation_type, "_REFS"); }

bool is_timestamp_property(std::string_view property) {
    // STIX 2.1 section 3 and the SDO/SRO definitions: every property of type timestamp.
    static constexpr std::array<std::string_view, 11> names = {
        "created",     "modified",       "first_seen",    "last_seen",  "published", "valid_from",
        "valid_until", "first_observed", "last_observed", "start_time", "stop_time",
    };
    return std::find(names.begin(), names.end(), property) != names.end();
}

bool is_kgq_property(std::string_view property) { return property.substr(0, 6) == "x_kgq_"; }

}  // namespace kgq::import::stix
