// engine/persist/database_file.hpp — a database kept in a file: its snapshot and its
// write-ahead log, and when each is written. Stage: persist. Caller: engine/main/database.cpp.
//
// Why a logical redo log and whole snapshots (README, "Database files"): the graph lives in
// memory, so there are no pages to keep consistent on disk, as SQLite's rollback journal and
// DuckDB's block storage must. What must survive is each commit, and that is the store's own
// writes (GraphStore redo), appended and fsynced per commit as DuckDB's and Kùzu's WALs do.
// A checkpoint writes the whole graph to a new snapshot, renamed over the old one, which is
// SQLite's and DuckDB's atomic step without their page bookkeeping; a statement too large to
// log (a bulk load) commits by checkpointing, as DuckDB writes large inserts straight to
// storage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace kgq::catalog {
class Catalog;
}
namespace kgq::storage {
class GraphStore;
}

namespace kgq::persist {

class WriteAheadLog;

// Writes the graph as a new database at `path` (its snapshot, and an empty log), refusing
// one that another process has open. Database::save_as.
void save_copy(const std::string& path, const catalog::Catalog& catalog, const storage::GraphStore& store);

struct FileOptions {
    bool read_only = false;
    bool create = true;  // create the database when the file does not exist
    std::size_t checkpoint_threshold = std::size_t(16) << 20;  // log bytes that trigger a checkpoint
};

class DatabaseFile {
public:
    // Opens (or creates) the database at `path` into an empty catalog and store: loads the
    // snapshot, replays the log. Throws kgq::Exception (Io, codes in file_error.hpp).
    DatabaseFile(std::string path, const FileOptions& options, catalog::Catalog& catalog, storage::GraphStore& store);
    ~DatabaseFile();

    const std::string& path() const { return path_; }
    bool read_only() const { return options_.read_only; }
    // What the open recovered from, for the shell to say ("dropped an incomplete last
    // record..."); empty when the files were closed cleanly.
    const std::string& recovery_note() const { return recovery_note_; }

    // Makes the statement the store is about to commit durable: its redo (and the catalog,
    // when it changed) as one log record, or a snapshot when the redo overflowed. Called
    // before GraphStore::commit(); on an exception the statement must roll back.
    void commit(const catalog::Catalog& catalog, const storage::GraphStore& store);
    // Whether the log has outgrown the threshold: the caller checkpoints after the commit.
    bool wants_checkpoint() const;
    bool has_log_records() const;
    // Writes a new snapshot and empties the log (CHECKPOINT, :save, close, a big log).
    void checkpoint(const catalog::Catalog& catalog, const storage::GraphStore& store);

private:
    std::string path_;
    FileOptions options_;
    std::unique_ptr<WriteAheadLog> log_;
    std::uint64_t checkpoint_ = 0;
    std::uint64_t logged_catalog_changes_ = 0;
    std::string broken_;  // why commits are refused after a failure that left the log unusable
    std::string recovery_note_;
};

}  // namespace kgq::persist
