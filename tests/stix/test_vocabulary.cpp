// tests/stix/test_vocabulary.cpp — the STIX <-> kgq naming rules and the STIX timestamp
// parser/printer (engine/import/stix_vocabulary.hpp, stix_timestamp.hpp), tested directly.
#include "import/stix_timestamp.hpp"
#include "import/stix_vocabulary.hpp"

#include <doctest/doctest.h>

using namespace kgq::import::stix;

TEST_CASE("STIX object types are PascalCase entity types, and back") {
    CHECK(entity_type_name("intrusion-set") == "IntrusionSet");
    CHECK(entity_type_name("attack-pattern") == "AttackPattern");
    CHECK(entity_type_name("x-mitre-tactic") == "XMitreTactic");
    CHECK(entity_type_name("malware") == "Malware");
    CHECK(entity_type_name("ipv4-addr") == "Ipv4Addr");
    for (const char* t :
         {"intrusion-set", "x-mitre-data-component", "course-of-action", "ipv4-addr", "x509-certificate"})
        CHECK(stix_type_name(entity_type_name(t)) == t);
    CHECK(parent_type_name("malware") == "Software");
    CHECK(parent_type_name("tool") == "Software");
    CHECK(parent_type_name("campaign") == "StixObject");
}

TEST_CASE("relationship types and embedded references are UPPER_SNAKE relation types, and back") {
    CHECK(relation_type_name("attributed-to") == "ATTRIBUTED_TO");
    CHECK(relation_type_name("subtechnique-of") == "SUBTECHNIQUE_OF");
    CHECK(relation_type_name("created_by_ref") == "CREATED_BY_REF");
    CHECK(relation_type_name("object_marking_refs") == "OBJECT_MARKING_REFS");
    CHECK(relationship_type_name("ATTRIBUTED_TO") == "attributed-to");
    CHECK(ref_property_name("OBJECT_REFS") == "object_refs");
    CHECK(is_ref_property("created_by_ref"));
    CHECK(is_refs_property("object_refs"));
    CHECK_FALSE(is_ref_property("_ref"));
    CHECK_FALSE(is_ref_property("preference"));
    CHECK(is_ref_relation("CREATED_BY_REF"));
    CHECK(is_refs_relation("OBJECT_MARKING_REFS"));
    CHECK_FALSE(is_ref_relation("USES"));
}

TEST_CASE("STIX timestamps parse strictly and print back") {
    auto t = parse_timestamp("2017-05-31T21:31:43.540Z");
    REQUIRE(t);
    CHECK(t->seconds == 1496266303);
    CHECK(t->nanos == 540'000'000);
    CHECK(t->offset_seconds == 0);
    CHECK(format_timestamp(*t) == "2017-05-31T21:31:43.540Z");
    CHECK(format_timestamp(*parse_timestamp("2020-01-01T00:00:00Z")) == "2020-01-01T00:00:00.000Z");
    CHECK(format_timestamp(*parse_timestamp("2020-01-01T00:00:00.123456Z")) == "2020-01-01T00:00:00.123456Z");
    CHECK(format_timestamp(*parse_timestamp("1969-12-31T23:59:59.5Z")) == "1969-12-31T23:59:59.500Z");
    for (const char* bad : {"2017-05-31", "2017-05-31T21:31:43", "2017-13-01T00:00:00Z", "2017-02-29T00:00:00Z",
                            "2017-05-31T24:00:00Z", "2017-05-31T21:31:43.Z", "2017-05-31T21:31:43+01:00", "yesterday"})
        CHECK_MESSAGE(!parse_timestamp(bad), bad);
    CHECK(compare_instants(*parse_timestamp("2020-01-01T00:00:00.001Z"), *parse_timestamp("2020-01-01T00:00:00Z")) > 0);
}
