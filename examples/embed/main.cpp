// examples/embed/main.cpp — the smallest program that embeds kgq: build a typed graph,
// query it with a parameter, read typed values and handle an error. Built against the
// installed package (find_package(kgq)) by tests/embed.
#include <kgq/database.hpp>

#include <iostream>

int main() {
    kgq::Database db;
    kgq::Result setup = db.execute(R"(
        CREATE NODE TYPE IntrusionSet (name STRING KEY, aliases LIST<STRING>);
        CREATE NODE TYPE Location (name STRING KEY);
        CREATE RELATION TYPE ORIGINATES_FROM (FROM IntrusionSet TO Location);
        CREATE (g:IntrusionSet {name: 'UNC4841', aliases: ['UNC4841']})-[:ORIGINATES_FROM]->(:Location {name: 'China'});
    )");
    if (!setup.ok()) {
        std::cerr << setup.error().to_string() << "\n";
        return 1;
    }

    kgq::Result r =
        db.execute("MATCH (g:IntrusionSet {name: $n})-[:ORIGINATES_FROM]->(l) RETURN g.name AS group, l.name AS origin",
                   {{"n", "UNC4841"}});
    if (!r.ok()) {
        std::cerr << r.error().to_string() << "\n";
        return 1;
    }
    for (std::size_t i = 0; i < r.columns().size(); ++i) std::cout << (i ? " | " : "") << r.columns()[i];
    std::cout << "\n";
    for (const auto& row : r.rows()) std::cout << row[0].as_string() << " | " << row[1].as_string() << "\n";

    // Errors are values with a kind, a message and a position.
    kgq::Result bad = db.execute("MATCH (g:IntrusionSet) RETURN g.nmae");
    if (!bad.ok()) {
        std::cout << "error at " << bad.error().line << ":" << bad.error().column << ": " << bad.error().message
                  << "\n";
    }
    return r.row_count() == 1 ? 0 : 1;
}
