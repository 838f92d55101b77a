// tests/unit/engine/test_lsqb_reduced.cpp — the nine LSQB queries (bench/lsqb/queries) on a
// small generated graph shaped like LSQB's, loaded through bench/lsqb/schema.kgq and
// load.kgq from CSV files in Kùzu's lsqb-sf01 layout, with every count computed here by
// brute force over the generated edge lists. CI's check of the benchmark's correctness
// without its 180 MB download; bench/lsqb/run.sh checks SF0.1 against the published answers.
#include "temp_dir.hpp"

#include "kgq/database.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

using namespace kgq;
using kgq::engine_test::TempDir;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The generated graph: index-based, with LSQB-like ids only in the CSV files.
struct Graph {
    int continents = 2, countries = 4, cities = 8, persons = 30, tag_classes = 4, tags = 12, forums = 6;
    int posts = 30, comments = 70;
    std::vector<int> country_continent, city_country, person_city, tag_class;
    std::set<std::pair<int, int>> knows;  // (a, b), a < b, stored once as in LSQB's files
    std::set<std::pair<int, int>> member, interest;
    std::vector<int> moderator, post_forum;
    // Messages: posts are 0..posts-1, comments posts..posts+comments-1.
    std::vector<int> creator, located, reply_of;  // reply_of: -1 for posts
    std::vector<std::set<int>> message_tags;
    std::set<std::pair<int, int>> likes;  // (person, message)

    explicit Graph(unsigned seed) {
        std::mt19937 rng(seed);
        auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
        for (int i = 0; i < countries; ++i) country_continent.push_back(pick(continents));
        for (int i = 0; i < cities; ++i) city_country.push_back(i % countries);
        for (int i = 0; i < persons; ++i) person_city.push_back(pick(cities));
        for (int i = 0; i < tags; ++i) tag_class.push_back(pick(tag_classes));
        while (knows.size() < 160) {
            int a = pick(persons), b = pick(persons);
            if (a != b) knows.insert({std::min(a, b), std::max(a, b)});
        }
        while (member.size() < 50) member.insert({pick(forums), pick(persons)});
        while (interest.size() < 40) interest.insert({pick(persons), pick(tags)});
        for (int f = 0; f < forums; ++f) moderator.push_back(pick(persons));
        int messages = posts + comments;
        message_tags.resize(messages);
        for (int m = 0; m < messages; ++m) {
            creator.push_back(pick(persons));
            located.push_back(pick(countries));
            reply_of.push_back(m < posts ? -1 : pick(m));  // a post or an earlier comment
            if (m < posts) post_forum.push_back(pick(forums));
            int n = pick(4);
            while (static_cast<int>(message_tags[m].size()) < n) message_tags[m].insert(pick(tags));
        }
        while (likes.size() < 120) likes.insert({pick(persons), pick(messages)});
    }

    bool knows_either(int a, int b) const { return knows.count({std::min(a, b), std::max(a, b)}) > 0; }
    std::vector<int> friends(int p) const {
        std::vector<int> out;
        for (auto [a, b] : knows) {
            if (a == p) out.push_back(b);
            if (b == p) out.push_back(a);
        }
        return out;
    }
    int country_of_person(int p) const { return city_country[person_city[p]]; }
    std::vector<int> replies(int m) const {
        std::vector<int> out;
        for (int c = posts; c < posts + comments; ++c)
            if (reply_of[c] == m) out.push_back(c);
        return out;
    }
    std::size_t likers(int m) const {
        std::size_t n = 0;
        for (auto [p, msg] : likes) n += msg == m;
        return n;
    }
    std::size_t interests(int p) const {
        std::size_t n = 0;
        for (auto [q, t] : interest) n += q == p;
        return n;
    }

    // ------------------------------------------------------------ the CSV files
    void write(const TempDir& dir) const {
        auto id = [](int base, int i) { return std::to_string(base + i); };
        auto nodes = [&](const std::string& name, int base, int n) {
            std::string s = "id:ID(" + name + ")\n";
            for (int i = 0; i < n; ++i) s += id(base, i) + "\n";
            dir.write(name + ".csv", s);
        };
        // Id bases keep each type's ids apart, as LDBC's do (Post and Comment must not collide).
        const int CONT = 1454, CTRY = 0, CITY = 100, PER = 100000, TAG = 0, TC = 300, FOR = 7000, POST = 50000,
                  COM = 60000;
        auto message_id = [&](int m) { return m < posts ? id(POST, m) : id(COM, m - posts); };
        nodes("Continent", CONT, continents);
        nodes("Country", CTRY, countries);
        nodes("City", CITY, cities);
        nodes("Company", 0, 0);
        nodes("University", 0, 0);
        nodes("Tag", TAG, tags);
        nodes("TagClass", TC, tag_classes);
        nodes("Forum", FOR, forums);
        nodes("Person", PER, persons);
        nodes("Post", POST, posts);
        nodes("Comment", COM, comments);
        auto rels = [&](const std::string& file, const std::string& from, const std::string& to,
                        const std::vector<std::pair<std::string, std::string>>& rows) {
            std::string s = ":START_ID(" + from + ")|:END_ID(" + to + ")\n";
            for (const auto& [a, b] : rows) s += a + "|" + b + "\n";
            dir.write(file + ".csv", s);
        };
        std::vector<std::pair<std::string, std::string>> r;
        auto flush = [&](const std::string& file, const std::string& from, const std::string& to) {
            rels(file, from, to, r);
            r.clear();
        };
        for (int i = 0; i < cities; ++i) r.push_back({id(CITY, i), id(CTRY, city_country[i])});
        flush("City_isPartOf_Country", "City", "Country");
        for (int i = 0; i < countries; ++i) r.push_back({id(CTRY, i), id(CONT, country_continent[i])});
        flush("Country_isPartOf_Continent", "Country", "Continent");
        for (int i = 0; i < persons; ++i) r.push_back({id(PER, i), id(CITY, person_city[i])});
        flush("Person_isLocatedIn_City", "Person", "City");
        for (int m = 0; m < posts; ++m) r.push_back({message_id(m), id(CTRY, located[m])});
        flush("Post_isLocatedIn_Country", "Post", "Country");
        for (int m = posts; m < posts + comments; ++m) r.push_back({message_id(m), id(CTRY, located[m])});
        flush("Comment_isLocatedIn_Country", "Comment", "Country");
        flush("Company_isLocatedIn_Country", "Company", "Country");
        flush("University_isLocatedIn_City", "University", "City");
        for (auto [f, p] : member) r.push_back({id(FOR, f), id(PER, p)});
        flush("Forum_hasMember_Person", "Forum", "Person");
        for (int f = 0; f < forums; ++f) r.push_back({id(FOR, f), id(PER, moderator[f])});
        flush("Forum_hasModerator_Person", "Forum", "Person");
        for (int m = 0; m < posts; ++m) r.push_back({id(FOR, post_forum[m]), message_id(m)});
        flush("Forum_containerOf_Post", "Forum", "Post");
        for (int m = 0; m < posts; ++m)
            for (int t : message_tags[m]) r.push_back({message_id(m), id(TAG, t)});
        flush("Post_hasTag_Tag", "Post", "Tag");
        for (int m = posts; m < posts + comments; ++m)
            for (int t : message_tags[m]) r.push_back({message_id(m), id(TAG, t)});
        flush("Comment_hasTag_Tag", "Comment", "Tag");
        r.push_back({id(FOR, 0), id(TAG, 0)});
        flush("Forum_hasTag_Tag", "Forum", "Tag");
        for (int t = 0; t < tags; ++t) r.push_back({id(TAG, t), id(TC, tag_class[t])});
        flush("Tag_hasType_TagClass", "Tag", "TagClass");
        r.push_back({id(TC, 1), id(TC, 0)});
        flush("TagClass_isSubclassOf_TagClass", "TagClass", "TagClass");
        for (int m = 0; m < posts; ++m) r.push_back({message_id(m), id(PER, creator[m])});
        flush("Post_hasCreator_Person", "Post", "Person");
        for (int m = posts; m < posts + comments; ++m) r.push_back({message_id(m), id(PER, creator[m])});
        flush("Comment_hasCreator_Person", "Comment", "Person");
        for (int m = posts; m < posts + comments; ++m)
            if (reply_of[m] < posts) r.push_back({message_id(m), message_id(reply_of[m])});
        flush("Comment_replyOf_Post", "Comment", "Commen");  // the typo of the real file's header
        for (int m = posts; m < posts + comments; ++m)
            if (reply_of[m] >= posts) r.push_back({message_id(m), message_id(reply_of[m])});
        flush("Comment_replyOf_Comment", "Comment", "Comment");
        for (auto [a, b] : knows) r.push_back({id(PER, a), id(PER, b)});
        flush("Person_knows_Person", "Person", "Person");
        for (auto [p, t] : interest) r.push_back({id(PER, p), id(TAG, t)});
        flush("Person_hasInterest_Tag", "Person", "Tag");
        for (auto [p, m] : likes)
            if (m < posts) r.push_back({id(PER, p), message_id(m)});
        flush("Person_likes_Post", "Person", "Post");
        for (auto [p, m] : likes)
            if (m >= posts) r.push_back({id(PER, p), message_id(m)});
        flush("Person_likes_Comment", "Person", "Comment");
        flush("Person_studyAt_University", "Person", "University");
        flush("Person_workAt_Company", "Person", "Company");
    }

    // ------------------------------------------------------------ the counts, by brute force
    std::int64_t q1() const {
        std::int64_t n = 0;
        for (auto [f, p] : member) {
            (void)p;  // every person lives in a city of a country
            for (int post = 0; post < posts; ++post) {
                if (post_forum[post] != f) continue;
                for (int c : replies(post))
                    n += static_cast<std::int64_t>(message_tags[c].size());  // one class per tag
            }
        }
        return n;
    }
    std::int64_t q2() const {
        std::int64_t n = 0;
        for (int c = posts; c < posts + comments; ++c) {
            int post = reply_of[c];
            if (post >= posts) continue;
            n += knows_either(creator[c], creator[post]);
        }
        return n;
    }
    std::int64_t q3() const {
        std::int64_t n = 0;
        for (int a = 0; a < persons; ++a)
            for (int b = 0; b < persons; ++b)
                for (int c = 0; c < persons; ++c) {
                    if (a == b || b == c || a == c) continue;
                    int country = country_of_person(a);
                    if (country_of_person(b) != country || country_of_person(c) != country) continue;
                    n += knows_either(a, b) && knows_either(b, c) && knows_either(c, a);
                }
        return n;
    }
    std::int64_t q4() const {
        std::int64_t n = 0;
        for (int m = 0; m < posts + comments; ++m)
            n += static_cast<std::int64_t>(message_tags[m].size() * likers(m) * replies(m).size());
        return n;
    }
    std::int64_t q5(bool not_tagged_with_tag1) const {
        std::int64_t n = 0;
        for (int c = posts; c < posts + comments; ++c)
            for (int t1 : message_tags[reply_of[c]])
                for (int t2 : message_tags[c]) {
                    if (t1 == t2) continue;
                    if (not_tagged_with_tag1 && message_tags[c].count(t1)) continue;
                    ++n;
                }
        return n;
    }
    std::int64_t q6(bool not_knowing) const {
        std::int64_t n = 0;
        for (int p2 = 0; p2 < persons; ++p2) {
            auto fr = friends(p2);
            for (int p1 : fr)
                for (int p3 : fr) {
                    if (p1 == p3) continue;
                    if (not_knowing && knows_either(p1, p3)) continue;
                    n += static_cast<std::int64_t>(interests(p3));
                }
        }
        return n;
    }
    std::int64_t q7() const {
        std::int64_t n = 0;
        for (int m = 0; m < posts + comments; ++m)
            n += static_cast<std::int64_t>(message_tags[m].size() * std::max<std::size_t>(1, likers(m)) *
                                           std::max<std::size_t>(1, replies(m).size()));
        return n;
    }
};

}  // namespace

TEST_CASE("LSQB queries on a small generated graph match brute-force counts") {
    const std::string lsqb = KGQ_LSQB_DIR;
    TempDir dir;
    Graph g(20240611);
    g.write(dir);

    Database db;
    ExecuteOptions options;
    options.source_name = (dir.path() / "load.kgq").string();  // COPY paths resolve into dir
    for (const char* script : {"schema.kgq", "load.kgq"}) {
        bool ok = db.run(slurp(lsqb + "/" + script), {}, options, [&](const Result& r) {
            CHECK_MESSAGE(r.ok(), script << ": " << (r.ok() ? "" : r.error().to_string()));
            return true;
        });
        REQUIRE(ok);
    }

    const std::int64_t expected[9] = {g.q1(),      g.q2(), g.q3(),     g.q4(),    g.q5(false),
                                      g.q6(false), g.q7(), g.q5(true), g.q6(true)};
    for (int q = 1; q <= 9; ++q) {
        CAPTURE(q);
        CHECK(expected[q - 1] > 0);  // a zero would check little
        Result r = db.execute(slurp(lsqb + "/queries/q" + std::to_string(q) + ".cypher"));
        REQUIRE_MESSAGE(r.ok(), r.error().to_string());
        REQUIRE(r.row_count() == 1);
        REQUIRE(r.at(0, 0).is_int());
        CHECK(r.at(0, 0).as_int() == expected[q - 1]);
    }
}
