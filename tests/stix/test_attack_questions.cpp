// tests/stix/test_attack_questions.cpp — the analyst questions of graphs/attack/questions.kgq,
// run against ATT&CK and checked against answers computed from the bundle's JSON here, without
// kgq; and (issue 5 d) the walk from graphs/unc4841's report into ATT&CK's HAFNIUM.
// Skipped, with a message, when ../shared/data/attack is absent.
#include "stix_test_support.hpp"

#include <algorithm>

using namespace stix_test;

namespace {

using Rows = std::vector<std::vector<kgq::Value>>;

Rows run_question(kgq::Database& db, const std::string& name) {
    kgq::Result r = run(db, tagged_query(questions_file(), name));
    REQUIRE(r.ok());
    return r.rows();
}

std::string ext(const json* o) { return Attack::external_id(*o); }
std::string name_of(const json* o) { return (*o)["name"].get<std::string>(); }

// Rows of (external_id, name), sorted, from a list of objects.
Rows id_name_rows(std::vector<const json*> objects) {
    Rows rows;
    for (const json* o : objects) rows.push_back({kgq::Value(ext(o)), kgq::Value(name_of(o))});
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a[0].as_string() < b[0].as_string(); });
    return rows;
}

bool flagged(const json* o, const char* flag) { return o->value(flag, false); }

}  // namespace

#define REQUIRE_ATTACK()                                       \
    if (!attack_present()) {                                   \
        MESSAGE("skipped: " << attack_path() << " not found"); \
        return;                                                \
    }

TEST_CASE("Q1 techniques a group uses") {
    REQUIRE_ATTACK();
    const Attack& a = Attack::get();
    const json* hafnium = a.by_external_id("intrusion-set", "G0125");
    std::vector<const json*> expected;
    for (auto [s, t] : a.edges("uses", {"intrusion-set"}, {"attack-pattern"}))
        if (s == hafnium) expected.push_back(t);
    CHECK(expected.size() > 10);
    CHECK(run_question(attack_db(), "techniques-of-group") == id_name_rows(expected));
}

TEST_CASE("Q2 groups sharing the most techniques with a group") {
    REQUIRE_ATTACK();
    const Attack& a = Attack::get();
    const json* hafnium = a.by_external_id("intrusion-set", "G0125");
    std::set<const json*> mine;
    std::map<const json*, std::set<const json*>> used;
    for (auto [s, t] : a.edges("uses", {"intrusion-set"}, {"attack-pattern"})) {
        if (s == hafnium) mine.insert(t);
        used[s].insert(t);
    }
    std::vector<std::tuple<std::int64_t, std::string, std::string>> shared;  // -count, id, name
    for (const auto& [group, techniques] : used) {
        if (group == hafnium) continue;
        std::int64_t n = 0;
        for (const json* t : techniques) n += mine.count(t);
        if (n > 0) shared.emplace_back(-n, ext(group), name_of(group));
    }
    std::sort(shared.begin(), shared.end());
    Rows expected;
    for (std::size_t i = 0; i < shared.size() && i < 10; ++i)
        expected.push_back({kgq::Value(std::get<1>(shared[i])), kgq::Value(std::get<2>(shared[i])),
                            kgq::Value(-std::get<0>(shared[i]))});
    CHECK(run_question(attack_db(), "groups-sharing-techniques") == expected);
}

TEST_CASE("Q3 software used by a campaign and by its attributed group") {
    REQUIRE_ATTACK();
    const Attack& a = Attack::get();
    const json* campaign = a.by_external_id("campaign", "C0024");
    std::set<const json*> users{campaign};
    for (auto [c, g] : a.edges("attributed-to", {"campaign"}, {"intrusion-set"}))
        if (c == campaign) users.insert(g);
    CHECK(users.size() == 2);
    std::map<std::string, std::pair<std::string, std::set<std::string>>> expected;  // software id -> name, users
    for (auto [u, s] : a.edges("uses", {"campaign", "intrusion-set"}, {"malware", "tool"}))
        if (users.count(u)) {
            auto& entry = expected[ext(s)];
            entry.first = name_of(s);
            entry.second.insert(name_of(u));
        }
    std::map<std::string, std::pair<std::string, std::set<std::string>>> actual;
    for (const auto& row : run_question(attack_db(), "software-of-campaign-and-group")) {
        auto& entry = actual[row[0].as_string()];
        entry.first = row[1].as_string();
        for (const auto& user : row[2].as_list()) entry.second.insert(user.as_string());
    }
    CHECK(actual == expected);
}

TEST_CASE("Q4 sub-techniques of a technique") {
    REQUIRE_ATTACK();
    const Attack& a = Attack::get();
    const json* phishing = a.by_external_id("attack-pattern", "T1566");
    std::vector<const json*> expected;
    for (auto [s, t] : a.edges("subtechnique-of", {"attack-pattern"}, {"attack-pattern"}))
        if (t == phishing) expected.push_back(s);
    CHECK(run_question(attack_db(), "subtechniques") == id_name_rows(expected));
}

TEST_CASE("Q5 mitigations of a technique") {
    REQUIRE_ATTACK();
    const Attack& a = Attack::get();
    const json* phishing = a.by_external_id("attack-pattern", "T1566");
    std::vector<const json*> expected;
    for (auto [m, t] : a.edges("mitigates", {"course-of-action"}, {"attack-pattern"}))
        if (t == phishing) expected.push_back(m);
    CHECK(!expected.empty());
    CHECK(run_question(attack_db(), "mitigations") == id_name_rows(expected));
}

TEST_CASE("Q6 techniques used by the most groups") {
    REQUIRE_ATTACK();
    const Attack& a = Attack::get();
    std::map<const json*, std::set<const json*>> groups_of;
    for (auto [g, t] : a.edges("uses", {"intrusion-set"}, {"attack-pattern"}))
        if (!flagged(t, "revoked") && !flagged(t, "x_mitre_deprecated")) groups_of[t].insert(g);
    std::vector<std::tuple<std::int64_t, std::string, std::string>> ranked;
    for (const auto& [t, groups] : groups_of) ranked.emplace_back(-std::int64_t(groups.size()), ext(t), name_of(t));
    std::sort(ranked.begin(), ranked.end());
    Rows expected;
    for (std::size_t i = 0; i < 10 && i < ranked.size(); ++i)
        expected.push_back({kgq::Value(std::get<1>(ranked[i])), kgq::Value(std::get<2>(ranked[i])),
                            kgq::Value(-std::get<0>(ranked[i]))});
    CHECK(run_question(attack_db(), "techniques-most-used") == expected);
}

TEST_CASE("Q7 tactics of a technique and its sub-techniques") {
    REQUIRE_ATTACK();
    const Attack& a = Attack::get();
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& o : a.bundle["objects"]) {
        if (o["type"] != "attack-pattern" || Attack::external_id(o).rfind("T1566", 0) != 0) continue;
        for (const auto& p : o.value("kill_chain_phases", json::array()))
            pairs.emplace_back(Attack::external_id(o),
                               p["kill_chain_name"].get<std::string>() + ":" + p["phase_name"].get<std::string>());
    }
    std::sort(pairs.begin(), pairs.end());
    Rows expected;
    for (const auto& [t, phase] : pairs) expected.push_back({kgq::Value(t), kgq::Value(phase)});
    CHECK(run_question(attack_db(), "tactic-of-technique") == expected);
}

TEST_CASE("(d) one walk from the 2023 report into the techniques ATT&CK's HAFNIUM uses") {
    REQUIRE_ATTACK();
    const std::string script = std::string(KGQ_SOURCE_DIR) + "/graphs/unc4841/unc4841.kgq";
    if (!fs::exists(script)) {
        MESSAGE("skipped: " << script << " not found");
        return;
    }
    const Attack& a = Attack::get();
    kgq::Database db;
    std::ifstream in(script);
    std::stringstream text;
    text << in.rdbuf();
    kgq::ExecuteOptions options;
    options.source_name = script;
    bool ok = db.run(text.str(), {}, options, [](const kgq::Result& r) {
        if (!r.ok()) MESSAGE(r.error().to_string());
        return r.ok();
    });
    REQUIRE(ok);
    kgq::Result imported = import(db, attack_path());
    REQUIRE(imported.ok());
    MESSAGE(imported.message());

    const json* hafnium = a.by_external_id("intrusion-set", "G0125");
    std::multiset<std::string> expected;
    for (auto [s, t] : a.edges("uses", {"intrusion-set"}, {"attack-pattern"}))
        if (s == hafnium) expected.insert((*t)["id"].get<std::string>());
    const Rows rows = run_question(db, "walk-report-to-attack");
    std::multiset<std::string> actual;
    for (const auto& row : rows) {
        CHECK(row[2] == kgq::Value("HAFNIUM"));
        actual.insert(row[4].as_string());
    }
    CHECK(!expected.empty());
    CHECK(actual == expected);
}
