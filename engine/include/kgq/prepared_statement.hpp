// kgq/prepared_statement.hpp — one statement parsed once, bound and planned on its first
// execution (per set of parameter types) and run again and again with new parameters:
//
//   kgq::PreparedStatement lookup = db.prepare("MATCH (g:IntrusionSet {name: $n}) RETURN g.aliases");
//   kgq::Result r = lookup.execute({{"n", "UNC4841"}});
//
// As Kùzu's and DuckDB's prepared statements: a syntax error is reported by prepare (ok() is
// false and execute() returns that error); everything that depends on the schema or the
// parameters is checked when it executes, and the plan is made again by itself when the
// schema changes or the graph outgrows the estimates it was ordered by. Database::execute
// keeps recently run statements the same way (the plan cache): prepare only skips finding
// the text there. Thread-safe: threads may execute one PreparedStatement at once. It must
// not outlive its Database (execute then fails with code "DatabaseClosed").
#pragma once

#include "kgq/result.hpp"
#include "kgq/value.hpp"

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace kgq {

class Database;
using Parameters = std::map<std::string, Value, std::less<>>;

class PreparedStatement {
public:
    PreparedStatement();  // prepares nothing: execute() fails
    ~PreparedStatement();
    PreparedStatement(const PreparedStatement&);
    PreparedStatement& operator=(const PreparedStatement&);
    PreparedStatement(PreparedStatement&&) noexcept;
    PreparedStatement& operator=(PreparedStatement&&) noexcept;

    // False when the text did not parse or was not exactly one statement; error() says why.
    bool ok() const;
    const Error& error() const;
    const std::string& text() const;

    // Runs the statement with these parameters, as Database::execute would run its text.
    Result execute(const Parameters& params = {}) const;

    struct State;

private:
    friend class Database;
    std::shared_ptr<State> state_;
};

}  // namespace kgq
