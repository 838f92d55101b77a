// tests/stix/stix_fixtures.hpp — small hand-written STIX bundles, shaped like ATT&CK's, for
// the import, update and export tests: every kind of object, property and reference the
// importer maps, plus a custom type, a dangling reference and a reference to a relationship.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace stix_test {

using json = nlohmann::json;

inline constexpr const char* group_id = "intrusion-set--2688b13e-8e71-405a-9c40-0dee94bddf87";
inline constexpr const char* phishing_id = "attack-pattern--a62a8db3-f23a-4d8f-afd6-9dbc77e7813b";
inline constexpr const char* attachment_id = "attack-pattern--2e34237d-8574-43f6-aace-ae2915de8597";
inline constexpr const char* malware_id = "malware--5d2dd6ad-6bb2-45d3-b295-e125d3d4b0d7";
inline constexpr const char* tool_id = "tool--ff6caf67-ea1f-4895-b80e-4bb0fc31c6db";
inline constexpr const char* campaign_id = "campaign--b4e5a4a9-f3be-4631-ba8f-da6ebb067fac";
inline constexpr const char* tactic_id = "x-mitre-tactic--ffd5bcee-6e16-4dd2-8eca-7b3beedf33ca";
inline constexpr const char* mitre_id = "identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5";
inline constexpr const char* tlp_id = "marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168";
inline constexpr const char* report_id = "report--9e9a8e2a-3c35-4a87-9a30-4b2c4c1c6a11";
inline constexpr const char* uses_malware_id = "relationship--0a1b2c3d-0000-4000-8000-000000000001";

inline json common(const char* type, const char* id, const char* name) {
    return json{{"type", type},
                {"id", id},
                {"spec_version", "2.1"},
                {"created", "2017-05-31T21:31:43.540Z"},
                {"modified", "2021-04-14T14:13:29.315Z"},
                {"name", name},
                {"created_by_ref", mitre_id},
                {"object_marking_refs", json::array({tlp_id})}};
}

inline json external(const char* external_id, const char* url) {
    return json::array({{{"source_name", "mitre-attack"}, {"external_id", external_id}, {"url", url}},
                        {{"source_name", "Microsoft HAFNIUM March 2020"}, {"description", "Microsoft. (2021)."}}});
}

inline json relationship(const char* id, const char* type, const char* source, const char* target,
                         const char* description = nullptr) {
    json r{{"type", "relationship"},
           {"id", id},
           {"spec_version", "2.1"},
           {"created", "2021-03-03T20:49:36.543Z"},
           {"modified", "2021-03-03T20:49:36.543Z"},
           {"relationship_type", type},
           {"source_ref", source},
           {"target_ref", target},
           {"created_by_ref", mitre_id},
           {"object_marking_refs", json::array({tlp_id})}};
    if (description) r["description"] = description;
    return r;
}

// 13 objects and 7 relationships; one relationship points at a missing technique, the report
// refers to a relationship and to a missing indicator.
inline json mini_bundle() {
    json objects = json::array();
    objects.push_back({{"type", "identity"},
                       {"id", mitre_id},
                       {"spec_version", "2.1"},
                       {"created", "2017-06-01T00:00:00.000Z"},
                       {"modified", "2017-06-01T00:00:00.000Z"},
                       {"name", "The MITRE Corporation"},
                       {"identity_class", "organization"},
                       {"object_marking_refs", json::array({tlp_id})}});
    objects.push_back({{"type", "marking-definition"},
                       {"id", tlp_id},
                       {"spec_version", "2.1"},
                       {"created", "2017-06-01T00:00:00.000Z"},
                       {"definition_type", "statement"},
                       {"definition", {{"statement", "Copyright 2015-2025, The MITRE Corporation."}}}});
    json group = common("intrusion-set", group_id, "HAFNIUM");
    group["aliases"] = {"HAFNIUM", "Operation Exchange Marauder", "Silk Typhoon"};
    group["description"] = "HAFNIUM is a likely state-sponsored cyber espionage group operating out of China.";
    group["external_references"] = external("G0125", "https://attack.mitre.org/groups/G0125");
    group["revoked"] = false;
    group["x_mitre_version"] = "2.0";
    group["x_mitre_domains"] = {"enterprise-attack"};
    objects.push_back(group);
    json phishing = common("attack-pattern", phishing_id, "Phishing");
    phishing["external_references"] = external("T1566", "https://attack.mitre.org/techniques/T1566");
    phishing["kill_chain_phases"] = {{{"kill_chain_name", "mitre-attack"}, {"phase_name", "initial-access"}}};
    phishing["x_mitre_is_subtechnique"] = false;
    phishing["x_mitre_platforms"] = {"Linux", "macOS", "Windows"};
    phishing["x_mitre_domains"] = {"enterprise-attack"};
    objects.push_back(phishing);
    json attachment = common("attack-pattern", attachment_id, "Spearphishing Attachment");
    attachment["external_references"] = external("T1566.001", "https://attack.mitre.org/techniques/T1566/001");
    attachment["kill_chain_phases"] = {{{"kill_chain_name", "mitre-attack"}, {"phase_name", "initial-access"}}};
    attachment["x_mitre_is_subtechnique"] = true;
    attachment["x_mitre_platforms"] = json::array();
    objects.push_back(attachment);
    json malware = common("malware", malware_id, "China Chopper");
    malware["is_family"] = true;
    malware["external_references"] = external("S0020", "https://attack.mitre.org/software/S0020");
    malware["x_mitre_aliases"] = {"China Chopper"};
    objects.push_back(malware);
    json tool = common("tool", tool_id, "PsExec");
    tool["external_references"] = external("S0029", "https://attack.mitre.org/software/S0029");
    objects.push_back(tool);
    json campaign = common("campaign", campaign_id, "Exchange mass exploitation");
    campaign["first_seen"] = "2021-01-01T00:00:00.000Z";
    campaign["last_seen"] = "2021-03-31T00:00:00.000Z";
    campaign["external_references"] = external("C0999", "https://attack.mitre.org/campaigns/C0999");
    objects.push_back(campaign);
    json tactic = common("x-mitre-tactic", tactic_id, "Initial Access");
    tactic["x_mitre_shortname"] = "initial-access";
    tactic["external_references"] = external("TA0001", "https://attack.mitre.org/tactics/TA0001");
    objects.push_back(tactic);
    // A custom type nobody has heard of: imported as its own type, never dropped.
    objects.push_back({{"type", "x-acme-widget"},
                       {"id", "x-acme-widget--1"},
                       {"created", "2022-01-01T00:00:00Z"},
                       {"x_acme_score", 7},
                       {"x_acme_seen", "2022-02-02T10:00:00Z"}});
    objects.push_back({{"type", "x-acme-widget"},
                       {"id", "x-acme-widget--2"},
                       {"created", "2022-01-01T00:00:00Z"},
                       {"x_acme_score", 0.5},
                       {"x_acme_seen", "last tuesday"}});
    objects.push_back(
        {{"type", "report"},
         {"id", report_id},
         {"spec_version", "2.1"},
         {"created", "2023-06-16T00:00:00.000Z"},
         {"modified", "2023-06-16T00:00:00.000Z"},
         {"name", "Exchange report"},
         {"published", "2023-06-16T00:00:00Z"},
         {"report_types", {"threat-actor"}},
         {"object_refs", {group_id, phishing_id, uses_malware_id, "indicator--00000000-0000-4000-8000-00000000dead"}}});
    objects.push_back(relationship("relationship--0a1b2c3d-0000-4000-8000-000000000000", "uses", group_id, phishing_id,
                                   "HAFNIUM has sent phishing e-mails."));
    objects.push_back(
        relationship(uses_malware_id, "uses", group_id, malware_id, "HAFNIUM has deployed China Chopper."));
    objects.push_back(relationship("relationship--0a1b2c3d-0000-4000-8000-000000000002", "uses", group_id, tool_id));
    objects.push_back(
        relationship("relationship--0a1b2c3d-0000-4000-8000-000000000003", "uses", campaign_id, malware_id));
    objects.push_back(
        relationship("relationship--0a1b2c3d-0000-4000-8000-000000000004", "attributed-to", campaign_id, group_id));
    objects.push_back(relationship("relationship--0a1b2c3d-0000-4000-8000-000000000005", "subtechnique-of",
                                   attachment_id, phishing_id));
    objects.push_back(relationship("relationship--0a1b2c3d-0000-4000-8000-000000000006", "uses", group_id,
                                   "attack-pattern--00000000-0000-4000-8000-00000000dead"));
    return json{{"type", "bundle"}, {"id", "bundle--11111111-2222-4333-8444-555555555555"}, {"objects", objects}};
}

}  // namespace stix_test
