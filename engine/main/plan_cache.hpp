// engine/main/plan_cache.hpp — what a statement costs before it runs (parse, bind, plan),
// paid once: scripts are kept parsed by their text, and each query statement of a script
// keeps its bound query and plan per set of parameter types, as DuckDB's and Kùzu's prepared
// statements keep theirs. Database::execute finds a script here by its text (the plan cache);
// Database::prepare holds one directly (a PreparedStatement), skipping even the lookup.
//
// A plan is reused only while it is still the plan the planner would make with the same
// meaning: the catalog has not changed since (its change counter moves on every change and
// every undo), nor the procedures, and the graph has not grown or shrunk past twice (or
// half) the size its join order was estimated for. Plans that carry open-mode data warnings
// ("KNOWS never connects ...", read off the graph) are not kept, so a warning is never stale.
#pragma once

#include "binder/bound_query.hpp"
#include "parser.hpp"
#include "planner/logical_plan.hpp"

#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kgq::storage {
class GraphStore;
}

namespace kgq {

// A query bound and planned for one set of parameter types. Immutable once made: threads
// run it side by side (the executor builds its own operators from the plan every time).
struct CompiledQuery {
    binder::BoundQuery bound;
    planner::LogicalPlan plan;  // points into `bound`: the two never move apart
    std::vector<std::string> column_types;
    // What the plan was made for (see the validity rule above).
    std::uint64_t catalog_changes = 0;
    std::uint64_t procedure_changes = 0;
    std::size_t nodes = 0, relationships = 0;
};

// The state a CompiledQuery must still match to be reused.
struct PlanContext {
    std::uint64_t catalog_changes = 0;
    std::uint64_t procedure_changes = 0;
    std::size_t nodes = 0, relationships = 0;
    static PlanContext of(const storage::GraphStore& store, std::uint64_t procedure_changes);
    bool still_valid(const CompiledQuery& q) const;
};

// The parameter types a statement is bound with, as a key: binding depends on them (a
// parameter's type is checked where it is used), not on the values.
std::string parameter_signature(const std::map<std::string, Value, std::less<>>& params);

// The compiled forms of one statement, by parameter signature (few: usually one).
class StatementPlans {
public:
    std::shared_ptr<const CompiledQuery> find(const std::string& signature, const PlanContext& now) const;
    void keep(const std::string& signature, std::shared_ptr<const CompiledQuery> compiled);

private:
    static constexpr std::size_t max_signatures = 8;
    mutable std::mutex mutex_;
    std::vector<std::pair<std::string, std::shared_ptr<const CompiledQuery>>> entries_;
};

// A script parsed once: its text (which the AST's offsets and every error position refer
// to), its statements, and the plans of each.
struct ParsedScript {
    std::string text;
    grammar::ParseResult parsed;
    std::vector<StatementPlans> plans;  // one per statement
    explicit ParsedScript(std::string_view t);
};

// The plan cache: recently run scripts by text, least recently used dropped first. Only
// scripts that parse are kept, and only short ones (a long script is a load, run once).
class PlanCache {
public:
    static constexpr std::size_t max_scripts = 256;
    static constexpr std::size_t max_text_bytes = 16 * 1024;

    // The parsed script for text, from the cache or parsed now (and kept when it parses).
    std::shared_ptr<ParsedScript> parse(std::string_view text);
    void clear();

private:
    using Entry = std::pair<std::string_view, std::shared_ptr<ParsedScript>>;  // key views the script's text
    std::mutex mutex_;
    std::list<Entry> recent_;  // most recent first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> by_text_;
};

}  // namespace kgq
