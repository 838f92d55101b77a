// engine/main/database_impl.hpp — what a kgq::Database holds (the catalog, the store, the
// procedures, its file, its plan cache, its locks) and the pipeline of one statement
// (database.cpp). Private to engine/main/: database.cpp and prepared_statement.cpp.
#pragma once

#include "catalog/catalog.hpp"
#include "function/procedure_registry.hpp"
#include "kgq/database.hpp"
#include "main/plan_cache.hpp"
#include "parser.hpp"
#include "persist/database_file.hpp"
#include "storage/graph_store.hpp"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <thread>
#include <utility>
#include <vector>

namespace kgq {

struct Database::Impl {
    catalog::Catalog catalog;
    storage::GraphStore store{catalog};
    function::ProcedureRegistry procedures;
    // Set by interrupt(), cleared when a run begins; lock-free so a signal handler may set it.
    std::atomic<bool> interrupt_requested{false};
    static_assert(std::atomic<bool>::is_always_lock_free);
    // Many statements that only read run together; one that writes (data or schema) runs
    // alone, so no reader sees it half-applied (API thread safety, database.hpp).
    mutable std::shared_mutex lock;
    // An open transaction (BEGIN ... COMMIT or ROLLBACK): its statements share the store's
    // undo log, each from a savepoint. Writers of other threads wait for it to end.
    bool in_transaction = false;
    std::thread::id transaction_owner;
    std::condition_variable_any transaction_ended;
    // The file the database lives in; null in memory. Closed (checkpointed) by ~Impl.
    std::unique_ptr<persist::DatabaseFile> file;
    // Scripts parsed and statements planned once (plan_cache.hpp); register_procedure moves
    // procedure_changes on, which retires every plan bound against the old procedures.
    PlanCache plan_cache;
    std::uint64_t procedure_changes = 0;
    // PreparedStatements hold it weakly: one that outlives its Database fails cleanly.
    std::shared_ptr<int> alive = std::make_shared<int>(0);
    ~Impl();

    // Makes the statement about to commit durable (before store.commit()), then
    // checkpoints when the log has grown large; a failed checkpoint is a warning, the
    // commit being in the log already.
    void make_durable();
    void checkpoint_if_due(Result& result);

    Result control_transaction(const ast::TransactionControl& control);

    // `at` is the line and column where the statement begins (the caller tracks them as it
    // walks the script, so a long script costs linear time, not quadratic).
    // `plans` keeps the statement's compiled query for the next run (null: not kept).
    Result run_statement(const ast::Statement& statement, std::string_view text, grammar::LineColumn at,
                         const Parameters& params, const ExecuteOptions& options, StatementPlans* plans);
    // run_statement under the database's lock: shared to read, exclusive to write (after
    // waiting for another thread's open transaction to end).
    Result run_locked(const ast::Statement& statement, std::string_view text, grammar::LineColumn at,
                      const Parameters& params, const ExecuteOptions& options, StatementPlans* plans);
    Result run_query(const ast::Statement& statement, const ast::RegularQuery& query, std::string_view text,
                     const Parameters& params, const ExecuteOptions& options, StatementPlans* plans);
    // The query bound and planned for these parameters: from `plans` while still valid.
    std::shared_ptr<const CompiledQuery> compile(const ast::RegularQuery& query, std::string_view text,
                                                 const Parameters& params, StatementPlans* plans);
    // The statements of a parsed script, in order, each result to on_result; syntax errors
    // (by offset) of statements that --continue blanked out are reported where they stood.
    bool run_script(const ast::Script& script, std::string_view text, std::vector<StatementPlans>* plans,
                    const Parameters& params, const ExecuteOptions& options,
                    const std::function<bool(const Result&)>& on_result,
                    const std::vector<std::pair<std::size_t, Result>>& syntax_errors);
};

// The syntax error of a script that did not parse, as a Result's Error.
Error syntax_error(const grammar::SyntaxError& e, std::string_view text);

// Whether a statement may change the graph or the schema: it then takes the write lock and
// the undo log. Decided from the text alone, before binding (which reads the catalog).
bool statement_writes(const ast::Statement& statement);

}  // namespace kgq
