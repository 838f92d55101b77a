// engine/main/database.cpp — kgq::Database: the pipeline of one statement, as DuckDB's and
// Kùzu's client contexts run it: parse (grammar/) -> bind (binder/) -> plan (planner/) ->
// execute (executor/) -> materialise the Result. Each statement runs inside the store's
// undo log: on any error it is rolled back, so a failed statement writes nothing.
#include "kgq/database.hpp"

#include "binder/binder.hpp"
#include "common/statement_budget.hpp"
#include "executor/executor.hpp"
#include "executor/physical_operator.hpp"
#include "main/database_impl.hpp"
#include "main/result_materializer.hpp"
#include "main/schema_statements.hpp"
#include "main/statement_extensions.hpp"
#include "persist/file_error.hpp"
#include "planner/planner.hpp"
#include "statement_split.hpp"
#include "value/temporal.hpp"

#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <shared_mutex>
#include <thread>

namespace kgq {

Database::Database() : impl_(std::make_unique<Impl>()) {}

Database Database::open(const std::string& path, const OpenOptions& options) {
    Database db;
    persist::FileOptions file_options;
    file_options.read_only = options.read_only;
    file_options.create = options.create;
    file_options.checkpoint_threshold = options.checkpoint_threshold;
    db.impl_->file = std::make_unique<persist::DatabaseFile>(path, file_options, db.impl_->catalog, db.impl_->store);
    return db;
}

// Closing happens when the Impl goes, so a Database assigned over (db = Database()) closes
// its file as a destroyed one does.
Database::Impl::~Impl() {
    if (!file || file->read_only()) return;
    try {
        std::unique_lock writer(lock);
        if (in_transaction) {  // an open transaction never committed
            store.rollback();
            catalog.undo_changes(0);
        }
        if (file->has_log_records()) file->checkpoint(catalog, store);
    } catch (...) {
        // The log still holds every commit: the next open replays it.
    }
}

Database::~Database() = default;

namespace {
const std::string no_path;
}

const std::string& Database::path() const { return impl_->file ? impl_->file->path() : no_path; }
bool Database::read_only() const { return impl_->file && impl_->file->read_only(); }
const std::string& Database::recovery_note() const { return impl_->file ? impl_->file->recovery_note() : no_path; }

void Database::save_as(const std::string& path) const {
    std::shared_lock reader(impl_->lock);
    if (impl_->file && impl_->file->path() == path)
        persist::throw_file_error("DatabaseIo", path,
                                  "'" + path + "' is this database's own file: use CHECKPOINT to save it");
    persist::save_copy(path, impl_->catalog, impl_->store);
}

void Database::Impl::make_durable() {
    if (file) file->commit(catalog, store);
}

void Database::Impl::checkpoint_if_due(Result& result) {
    if (!file || !file->wants_checkpoint()) return;
    try {
        file->checkpoint(catalog, store);
    } catch (const Exception& e) {
        Warning w;
        w.code = "CheckpointFailed";
        w.message = e.error().message + " (the statement is committed: the log holds it)";
        result.mutable_warnings().push_back(std::move(w));
    }
}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;

bool Database::is_complete_statement(std::string_view text) { return grammar::is_complete_input(text); }

namespace {

// openCypher's name for what is wrong at the error's position.
std::string syntax_detail(std::string_view text, std::uint32_t offset, const std::string& message) {
    if (offset < text.size() && static_cast<unsigned char>(text[offset]) >= 0x80) return "InvalidUnicodeCharacter";
    if (message.find("\\u") != std::string::npos || message.find("\\U") != std::string::npos)
        return "InvalidUnicodeLiteral";
    // Inside a token that starts with a digit: a malformed number (0x1g, 9h).
    std::uint32_t start = offset;
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '_')) --start;
    if (start < offset && start < text.size() && std::isdigit(static_cast<unsigned char>(text[start])) &&
        offset < text.size() && std::isalnum(static_cast<unsigned char>(text[offset]))) {
        return "InvalidNumberLiteral";
    }
    return "UnexpectedSyntax";
}

}  // namespace

Error syntax_error(const grammar::SyntaxError& e, std::string_view text) {
    Error error;
    error.kind = ErrorKind::Syntax;
    error.code = "SyntaxError";
    error.detail = e.detail.empty() ? syntax_detail(text, e.offset, e.message) : e.detail;
    error.message = e.message;
    error.line = e.line;
    error.column = e.column;
    error.offset = e.offset;
    error.length = 1;
    error.at_compile_time = true;
    return error;
}

namespace {
[[noreturn]] void transaction_error(std::string message) {
    Error e;
    e.kind = ErrorKind::Semantic;
    e.code = "TransactionError";
    e.message = std::move(message);
    throw Exception(std::move(e));
}
}  // namespace

bool statement_writes(const ast::Statement& statement) {
    const auto* query = boost::get<ast::RegularQuery>(&statement.body);
    if (!query) return boost::get<ast::ExportStix>(&statement.body) == nullptr;  // schema, COPY, IMPORT
    auto part_writes = [](const ast::SingleQuery& part) {
        for (const auto& clause : part.clauses) {
            const bool write = boost::get<ast::Create>(&clause) || boost::get<ast::Merge>(&clause) ||
                               boost::get<ast::SetClause>(&clause) || boost::get<ast::Remove>(&clause) ||
                               boost::get<ast::Delete>(&clause);
            if (write) return true;
        }
        return false;
    };
    if (part_writes(query->first)) return true;
    for (const auto& u : query->unions)
        if (part_writes(u.query)) return true;
    return false;
}

std::shared_ptr<const CompiledQuery> Database::Impl::compile(const ast::RegularQuery& query, std::string_view text,
                                                             const Parameters& params, StatementPlans* plans) {
    std::string signature;
    const PlanContext now = PlanContext::of(store, procedure_changes);
    if (plans) {
        signature = parameter_signature(params);
        if (auto kept = plans->find(signature, now)) return kept;
    }
    auto compiled = std::make_shared<CompiledQuery>();
    binder::Binder binder(catalog, params, text, &procedures);
    compiled->bound = binder.bind(query);
    planner::Planner planner(store, compiled->bound);
    compiled->plan = planner.plan();
    for (std::size_t i = 0; i < compiled->plan.column_slots.size(); ++i)
        compiled->column_types.push_back(column_type_name(compiled->bound, compiled->plan, i));
    compiled->catalog_changes = now.catalog_changes;
    compiled->procedure_changes = now.procedure_changes;
    compiled->nodes = now.nodes;
    compiled->relationships = now.relationships;
    if (plans && compiled->plan.data_warnings.empty()) plans->keep(signature, compiled);
    return compiled;
}

Result Database::Impl::run_query(const ast::Statement& statement, const ast::RegularQuery& query, std::string_view text,
                                 const Parameters& params, const ExecuteOptions& options, StatementPlans* plans) {
    const std::shared_ptr<const CompiledQuery> compiled = compile(query, text, params, plans);
    const binder::BoundQuery& bound = compiled->bound;
    const planner::LogicalPlan& plan = compiled->plan;
    Result result;
    result.mutable_warnings() = bound.warnings;
    for (const auto& [message, span] : plan.data_warnings) {
        Warning w;
        w.code = "NeverConnected";
        w.message = message;
        w.offset = span.first;
        w.length = span.second;
        auto lc = grammar::line_column(text, span.first);
        w.line = lc.line;
        w.column = lc.column;
        result.mutable_warnings().push_back(std::move(w));
    }
    result.mutable_columns() = plan.columns;
    result.mutable_column_types() = compiled->column_types;
    if (statement.mode == ast::ExplainMode::Explain) {
        result.mutable_columns().clear();
        result.mutable_column_types().clear();
        result.set_message(plan.to_string(bound, catalog));
        return result;
    }
    if (options.check_only) return result;
    executor::ExecutionContext ctx{store,
                                   params,
                                   bound,
                                   text,
                                   {},
                                   {},
                                   statement.mode == ast::ExplainMode::Profile,
                                   {},
                                   StatementBudget::current()};
    auto rows = executor::execute(plan, ctx);
    materialize_rows(store, rows);
    result.mutable_rows() = std::move(rows);
    result.mutable_stats() = ctx.stats;
    if (statement.mode == ast::ExplainMode::Profile) {
        auto annotate = [&](const planner::LogicalOperator& op) {
            auto it = ctx.profiles.find(&op);
            if (it == ctx.profiles.end()) return std::string();
            char buffer[96];
            if (it->second.ms < 0) {  // run inside a PatternCount, whose time includes it
                std::snprintf(buffer, sizeof buffer, "  {rows: %llu}",
                              static_cast<unsigned long long>(it->second.rows));
            } else {
                std::snprintf(buffer, sizeof buffer, "  {rows: %llu, time: %.3f ms}",
                              static_cast<unsigned long long>(it->second.rows), it->second.ms);
            }
            return std::string(buffer);
        };
        result.set_message(plan.to_string(bound, catalog, annotate) + std::to_string(result.row_count()) + " rows\n");
    }
    return result;
}

Result Database::Impl::run_statement(const ast::Statement& statement, std::string_view text, grammar::LineColumn at,
                                     const Parameters& params, const ExecuteOptions& options, StatementPlans* plans) {
    auto started = std::chrono::steady_clock::now();
    Result result;
    value::StatementClock clock;  // every "now" in one statement is the same instant
    StatementBudget budget(&interrupt_requested, options.timeout, options.max_memory);
    StatementBudget::Scope budget_scope(budget);
    // A statement that only reads leaves the store's undo log alone: readers run side by side.
    // Inside a transaction a writing statement starts at a savepoint: if it fails, only it is
    // undone and the transaction stays open, as in Neo4j.
    const bool writes = statement_writes(statement);
    const auto* control = boost::get<ast::TransactionControl>(&statement.body);
    if (writes && file && file->read_only() && !options.check_only &&
        (!control || control->action == ast::TransactionAction::Checkpoint)) {
        Error error;
        error.kind = ErrorKind::Io;
        error.code = "DatabaseReadOnly";
        error.message = "'" + file->path() + "' is open read-only: the statement would change it";
        error.source = options.source_name;
        error.line = at.line;
        error.column = at.column;
        error.offset = statement.begin;
        error.length = statement.end > statement.begin ? statement.end - statement.begin : 1;
        Result failed = Result::failure(std::move(error));
        failed.set_line(at.line);
        return failed;
    }
    // The catalog journals alongside the store, so a failed statement takes back the labels,
    // keys and types it made too (catalog_journal.cpp).
    storage::GraphStore::Savepoint savepoint;
    std::size_t catalog_mark = 0;
    if (writes) {
        if (in_transaction) {
            savepoint = store.savepoint();
            catalog_mark = catalog.change_mark();
        } else {
            store.begin_statement();
            catalog.begin_changes();
        }
    }
    auto undo_statement = [&] {
        if (!writes) return;
        if (in_transaction) {
            store.rollback_to(savepoint);
            catalog.undo_changes(catalog_mark);
        } else {
            store.rollback();
            catalog.undo_changes(0);
            catalog.keep_changes();
        }
    };
    auto outside_transaction = [&](const char* what) {
        if (in_transaction)
            transaction_error(
                std::string(what) +
                " cannot run inside a transaction (schema changes are not rolled back): COMMIT or ROLLBACK first");
    };
    try {
        budget.check();  // an interrupt between two statements stops the next before it starts
        result = boost::apply_visitor(
            [&](const auto& body) -> Result {
                using B = std::decay_t<decltype(body)>;
                if constexpr (std::is_same_v<B, ast::RegularQuery>) {
                    return run_query(statement, body, text, params, options, plans);
                } else if constexpr (std::is_same_v<B, ast::TransactionControl>) {
                    if (options.check_only) return Result();
                    return control_transaction(body);
                } else if constexpr (std::is_same_v<B, ast::CreateNodeType> ||
                                     std::is_same_v<B, ast::CreateRelationType>) {
                    outside_transaction("A type declaration");
                    if (options.check_only) {
                        // Declarations shape the checks of the statements after them.
                        return apply_schema_statement(catalog, store, body, text);
                    }
                    return apply_schema_statement(catalog, store, body, text);
                } else if constexpr (std::is_same_v<B, ast::ExportStix>) {
                    if (body.query) {
                        // EXPORT STIX 'file' FROM query: the query's nodes, relationships and paths.
                        Result rows = run_query(statement, *body.query, text, params, options, plans);
                        if (options.check_only) return Result();
                        return run_extension_statement(store, body, text, params, options, &rows.rows());
                    }
                    if (options.check_only) return Result();
                    return run_extension_statement(store, body, text, params, options);
                } else {
                    if constexpr (std::is_same_v<B, ast::ImportStix>) outside_transaction("IMPORT STIX");
                    if (options.check_only) return Result();
                    return run_extension_statement(store, body, text, params, options);
                }
            },
            statement.body);
        if (writes) {
            if (in_transaction) {
                store.settle();
            } else {
                if (!options.check_only) make_durable();
                store.commit();
                catalog.keep_changes();
                checkpoint_if_due(result);
            }
        }
    } catch (const Exception& ex) {
        undo_statement();
        Error error = ex.error();
        if (error.source.empty()) error.source = options.source_name;
        // Errors from below the binder (catalog, importers) carry no position: point at the statement.
        if (error.line == 0) {
            error.line = at.line;
            error.column = at.column;
            error.offset = statement.begin;
            error.length = statement.end > statement.begin ? statement.end - statement.begin : 1;
        }
        result = Result::failure(std::move(error));
    } catch (const std::bad_alloc&) {
        undo_statement();
        Error error;
        error.kind = ErrorKind::Runtime;
        error.code = "MemoryError";
        error.message = "Out of memory while running the statement";
        error.at_compile_time = false;
        result = Result::failure(std::move(error));
    } catch (const std::exception& ex) {
        undo_statement();
        Error error;
        error.kind = ErrorKind::Runtime;
        error.code = "InternalError";
        error.message = std::string("Internal error: ") + ex.what();
        error.at_compile_time = false;
        result = Result::failure(std::move(error));
    }
    result.set_line(at.line);
    result.set_elapsed_ms(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    return result;
}

// BEGIN opens the span the statements after it share (the undo log is already open: this
// statement began it); COMMIT leaves it for run_statement to commit; ROLLBACK undoes it all.
Result Database::Impl::control_transaction(const ast::TransactionControl& control) {
    Result result;
    switch (control.action) {
        case ast::TransactionAction::Begin:
            if (in_transaction)
                transaction_error(
                    "A transaction is already open: COMMIT or ROLLBACK it first (transactions do not nest)");
            in_transaction = true;
            transaction_owner = std::this_thread::get_id();
            result.set_message("Transaction started");
            break;
        case ast::TransactionAction::Commit:
        case ast::TransactionAction::Rollback: {
            const bool commit = control.action == ast::TransactionAction::Commit;
            if (!in_transaction)
                transaction_error(std::string("No transaction is open: ") + (commit ? "COMMIT" : "ROLLBACK") +
                                  " needs a BEGIN first");
            if (!commit) {
                store.rollback();
                catalog.undo_changes(0);
            }
            in_transaction = false;
            transaction_ended.notify_all();
            result.set_message(commit ? "Transaction committed" : "Transaction rolled back");
            break;
        }
        case ast::TransactionAction::Checkpoint:
            if (in_transaction)
                transaction_error("CHECKPOINT cannot run inside a transaction: COMMIT or ROLLBACK first");
            if (!file)
                transaction_error(
                    "This database is in memory: there is no file to checkpoint (open one with kgq FILE.kgqdb, or "
                    "Database::open)");
            file->checkpoint(catalog, store);
            result.set_message("Checkpoint written to '" + file->path() + "'");
            break;
    }
    return result;
}

bool Database::run(std::string_view text, const Parameters& params, const ExecuteOptions& options,
                   const std::function<bool(const Result&)>& on_result) {
    std::shared_ptr<ParsedScript> cached = impl_->plan_cache.parse(text);
    if (cached->parsed.ok)
        return impl_->run_script(cached->parsed.script, cached->text, &cached->plans, params, options, on_result, {});
    grammar::ParseResult parsed = cached->parsed;
    // With continue_on_error a syntax error costs only its statement: the statement (up to
    // its ';') is blanked out, keeping every offset and line, and the script parsed again;
    // each error is reported where its statement would have run.
    std::string blanked;
    std::vector<std::pair<std::size_t, Result>> syntax_errors;  // offset, failure
    while (!parsed.ok) {
        const std::string_view current = blanked.empty() ? text : std::string_view(blanked);
        Error error = syntax_error(parsed.error, current);
        error.source = options.source_name;
        Result r = Result::failure(std::move(error));
        r.set_line(parsed.error.line);
        if (!options.continue_on_error) {
            on_result(r);
            return false;
        }
        const std::size_t start = grammar::statement_start(current, parsed.error.offset);
        const std::size_t end = grammar::statement_end(current, start);
        if (blanked.empty()) blanked.assign(text);
        bool changed = false;
        for (std::size_t i = start; i < end && i < blanked.size(); ++i) {
            if (blanked[i] == '\n' || blanked[i] == ' ') continue;
            blanked[i] = ' ';
            changed = true;
        }
        syntax_errors.emplace_back(parsed.error.offset, std::move(r));
        if (!changed) {  // nothing left to cut: report what was found
            for (const auto& [offset, failure] : syntax_errors)
                if (!on_result(failure)) break;
            return false;
        }
        parsed = grammar::parse_script(blanked);
    }
    // A blanked script is not kept: its next run may be fixed.
    return impl_->run_script(parsed.script, blanked, nullptr, params, options, on_result, syntax_errors);
}

bool Database::Impl::run_script(const ast::Script& script, std::string_view text, std::vector<StatementPlans>* plans,
                                const Parameters& params, const ExecuteOptions& options,
                                const std::function<bool(const Result&)>& on_result,
                                const std::vector<std::pair<std::size_t, Result>>& syntax_errors) {
    std::size_t next_error = 0;
    auto report_syntax_errors_before = [&](std::size_t offset) {
        for (; next_error < syntax_errors.size() && syntax_errors[next_error].first < offset; ++next_error)
            if (!on_result(syntax_errors[next_error].second)) return false;
        return true;
    };
    interrupt_requested.store(false);
    bool all_ok = syntax_errors.empty();
    // Line and column of each statement's start, counted on from the previous statement's.
    std::uint32_t counted_to = 0;
    grammar::LineColumn at;
    for (std::size_t i = 0; i < script.statements.size(); ++i) {
        const ast::Statement& statement = script.statements[i];
        if (!report_syntax_errors_before(statement.begin)) return false;
        if (statement.begin >= counted_to) {
            const std::string_view gap = text.substr(counted_to, statement.begin - counted_to);
            const grammar::LineColumn step = grammar::line_column(gap, static_cast<std::uint32_t>(gap.size()));
            at = step.line == 1 ? grammar::LineColumn{at.line, at.column + step.column - 1}
                                : grammar::LineColumn{at.line + step.line - 1, step.column};
        } else {
            at = grammar::line_column(text, statement.begin);
        }
        counted_to = statement.begin;
        Result r = run_locked(statement, text, at, params, options, plans ? &(*plans)[i] : nullptr);
        bool ok = r.ok();
        all_ok &= ok;
        if (!on_result(r)) return all_ok;
        if (!ok && !options.continue_on_error) return all_ok;
        if (!ok && r.error().kind == ErrorKind::Interrupted) return all_ok;  // a stop ends the whole run
    }
    report_syntax_errors_before(SIZE_MAX);
    return all_ok;
}

Result Database::Impl::run_locked(const ast::Statement& statement, std::string_view text, grammar::LineColumn at,
                                  const Parameters& params, const ExecuteOptions& options, StatementPlans* plans) {
    if (statement_writes(statement)) {
        std::unique_lock writer(lock);
        // Another thread's open transaction owns the undo log: wait until it ends.
        transaction_ended.wait(writer,
                               [&] { return !in_transaction || transaction_owner == std::this_thread::get_id(); });
        return run_statement(statement, text, at, params, options, plans);
    }
    std::shared_lock reader(lock);
    return run_statement(statement, text, at, params, options, plans);
}

Result Database::execute(std::string_view text, const Parameters& params) {
    Result last;
    ExecuteOptions options;
    run(text, params, options, [&](const Result& r) {
        last = r;
        return true;
    });
    return last;
}

void Database::interrupt() noexcept { impl_->interrupt_requested.store(true); }

SchemaInfo Database::schema() const {
    std::shared_lock reader(impl_->lock);
    return describe_schema(impl_->catalog, impl_->store);
}

bool Database::register_procedure(const std::string& name, const std::vector<ProcedureParameter>& inputs,
                                  const std::vector<ProcedureParameter>& outputs,
                                  std::vector<std::vector<Value>> rows) {
    auto field = [](const ProcedureParameter& p, function::ProcedureField& out) {
        std::string type = p.type;
        if (!type.empty() && type.back() == '?') type.pop_back();  // nullable marker of signatures
        out.name = p.name;
        if (type == "NUMBER") {
            out.type = catalog::LogicalType::of(catalog::TypeKind::Float);
            out.number = true;
            return true;
        }
        auto t = catalog::LogicalType::parse(type);
        if (!t) return false;
        out.type = *t;
        return true;
    };
    std::vector<function::ProcedureField> in, out;
    for (const auto& p : inputs) {
        in.emplace_back();
        if (!field(p, in.back())) return false;
    }
    for (const auto& p : outputs) {
        out.emplace_back();
        if (!field(p, out.back())) return false;
    }
    std::unique_lock writer(impl_->lock);
    impl_->procedures.register_table(name, std::move(in), std::move(out), std::move(rows));
    ++impl_->procedure_changes;
    return true;
}

}  // namespace kgq
