// kgq/database.hpp — the embedding API: an in-memory typed graph and the statements that
// query and change it. Everything kgq ships (REPL, script runner, tests) goes through here.
//
//   kgq::Database db;
//   db.execute("CREATE (:IntrusionSet {name: 'UNC4841'})");
//   kgq::Result r = db.execute("MATCH (g:IntrusionSet {name: $n}) RETURN g.name", {{"n", "UNC4841"}});
#pragma once

#include "kgq/prepared_statement.hpp"
#include "kgq/result.hpp"
#include "kgq/schema_info.hpp"
#include "kgq/value.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kgq {

using Parameters = std::map<std::string, Value, std::less<>>;

struct ExecuteOptions {
    // Name shown in errors ("queries.kgq"); also the base for relative paths in COPY/IMPORT.
    std::string source_name;
    // Run the statements after one fails (each failed statement still writes nothing).
    bool continue_on_error = false;
    // Type-check only: parse and bind every statement, run none (kgq --check).
    bool check_only = false;
    // Budgets of each statement; zero means none. Past either, the statement stops, rolls
    // back and fails with ErrorKind::Interrupted (code TimeBudgetExceeded or
    // MemoryBudgetExceeded). Memory is the growth of the process's resident memory while the
    // statement runs: its intermediate results, buffers and output rows.
    std::chrono::milliseconds timeout{0};
    std::size_t max_memory = 0;  // bytes
};

// How Database::open treats its file.
struct OpenOptions {
    // Reads the database and refuses every statement that writes; several processes may
    // open one file read-only at once, but not while another has it open to write.
    bool read_only = false;
    // Creates the database when the file does not exist (otherwise that is an error).
    bool create = true;
    // A checkpoint (a new snapshot, an empty log) happens when the log grows past this many
    // bytes; a single statement larger than this commits by checkpointing at once.
    std::size_t checkpoint_threshold = std::size_t(16) << 20;
};

// Thread safety: one Database may be shared by many threads. Statements that only read
// (MATCH ... RETURN, EXPORT STIX, CALL) run concurrently; a statement that writes (CREATE,
// MERGE, SET, REMOVE, DELETE, COPY, IMPORT STIX, schema declarations) waits for the readers
// and runs alone, so no reader ever sees a half-applied statement. Each statement is locked
// on its own: the statements of one run() are not isolated from other threads' writes
// between them. interrupt() stops every statement running at that moment.
class Database {
public:
    // A database in memory only: it ends with the object.
    Database();
    // The database kept in the file at `path` (and its log, `path`.wal), created when it
    // does not exist. Every statement that commits is durable (fsynced to the log) before
    // execute() returns; a crash at any moment loses nothing that was committed. The file is
    // locked while open: a second process that opens it to write gets an error. Closing (the
    // destructor) writes a checkpoint. Throws kgq::Exception (ErrorKind::Io, code
    // "DatabaseCorrupt", "DatabaseVersion", "DatabaseLocked" or "DatabaseIo") naming the file
    // and what is wrong: a damaged or truncated file never opens as a partial graph.
    static Database open(const std::string& path, const OpenOptions& options = {});
    // Checkpoints a database file (errors are ignored here: the log keeps every commit).
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;

    // Runs every ';'-separated statement of text; returns the last statement's result, or
    // the first error (statements after it do not run). A failed statement writes nothing.
    Result execute(std::string_view text, const Parameters& params = {});

    // Parses one statement now, to run it many times: see kgq/prepared_statement.hpp. A
    // syntax error, or text that is not exactly one statement, gives a PreparedStatement
    // whose ok() is false.
    PreparedStatement prepare(std::string_view text);

    // Runs the statements one by one and hands each result to on_result as it completes;
    // on_result returns false to stop. Returns false if any statement failed.
    bool run(std::string_view text, const Parameters& params, const ExecuteOptions& options,
             const std::function<bool(const Result&)>& on_result);

    SchemaInfo schema() const;

    // The database file ("" in memory), whether it is read-only, and what opening it
    // recovered from ("" after a clean close; else how many commits the log replayed).
    const std::string& path() const;
    bool read_only() const;
    const std::string& recovery_note() const;
    // Writes the graph as it is now to a new database file at `path` (replacing a file there
    // that is not an open database), which Database::open then reads; this database stays
    // as it was, in memory or in its own file. Throws kgq::Exception (ErrorKind::Io).
    void save_as(const std::string& path) const;

    // Stops the statement that is running (and the rest of its run()/execute() call) at its
    // next check, within milliseconds in every operator and importer: it rolls back and
    // fails with ErrorKind::Interrupted. Safe from another thread and from a signal handler
    // (it only sets an atomic flag). A call while nothing runs is forgotten at the next run().
    void interrupt() noexcept;

    // Registers a procedure for CALL that answers from a table: each row holds the input
    // values then the output values, and a call yields the outputs of the rows whose inputs
    // equal its arguments. Types are the schema language's (INTEGER, FLOAT, STRING, ...,
    // NUMBER, ANY; a trailing '?' is allowed). Built in: db.labels(), db.relationshipTypes(),
    // db.propertyKeys(). Returns false for an unknown type name.
    struct ProcedureParameter {
        std::string name;
        std::string type;
    };
    bool register_procedure(const std::string& name, const std::vector<ProcedureParameter>& inputs,
                            const std::vector<ProcedureParameter>& outputs, std::vector<std::vector<Value>> rows);

    // True when text is blank or ends a statement with ';' (outside strings and comments).
    static bool is_complete_statement(std::string_view text);

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace kgq
