#include "stix_test_support.hpp"
using namespace stix_test;
TEST_CASE("zz debug") {
    kgq::Database db;
    std::ifstream in(std::string(KGQ_SOURCE_DIR) + "/graphs/unc4841/unc4841.kgq");
    std::stringstream text; text << in.rdbuf();
    REQUIRE(db.execute(text.str()).ok());
    REQUIRE(import(db, attack_path()).ok());
    for (std::string q : {
        "MATCH (r:Report {id: 'report--news-2023-06-16-unc4841'})-[:OBJECT_REFS]->(c:Campaign)-[:COMPARED_WITH]->(x:Campaign)-[:ATTRIBUTED_TO]->(actor:IntrusionSet) RETURN x.id, actor.id, actor.x_kgq_attack_id",
        "MATCH (r:Report {id: 'report--news-2023-06-16-unc4841'})-[:OBJECT_REFS]->(c:Campaign)-[:COMPARED_WITH]->(x:Campaign)-[:ATTRIBUTED_TO]->(actor:IntrusionSet) WITH DISTINCT r, x, actor RETURN x.id",
        "MATCH (r:Report {id: 'report--news-2023-06-16-unc4841'})-[:OBJECT_REFS]->(c:Campaign)-[:COMPARED_WITH]->(x:Campaign)-[:ATTRIBUTED_TO]->(actor:IntrusionSet) WITH DISTINCT r, x, actor MATCH (h:IntrusionSet {id: actor.x_kgq_attack_id}) RETURN h.name",
        "EXPLAIN MATCH (r:Report {id: 'report--news-2023-06-16-unc4841'})-[:OBJECT_REFS]->(c:Campaign)-[:COMPARED_WITH]->(x:Campaign)-[:ATTRIBUTED_TO]->(actor:IntrusionSet) WITH DISTINCT r, x, actor MATCH (h:IntrusionSet {id: actor.x_kgq_attack_id})-[:USES]->(t:AttackPattern) RETURN h.name, t.id",
        }) {
        auto r = db.execute(q);
        std::string out = q + "\n" + (r.ok() ? "" : r.error().to_string()) + r.message();
        for (auto& row : r.rows()) { for (auto& v : row) out += v.to_string() + " "; out += "\n"; }
        MESSAGE(out);
    }
}
