// engine/persist/database_file.cpp — opening, committing and checkpointing a database file.
//
// A log record: flags(u8: 1 = the catalog follows), [catalog length(varint), catalog bytes],
// then the store's redo to the end. The catalog is logged whole whenever a statement changed
// it (a declaration, a new label in open mode): it is small, and replaying it whole cannot
// drift from what the statement saw.
#include "persist/database_file.hpp"

#include "catalog/catalog.hpp"
#include "kgq/error.hpp"
#include "persist/file_error.hpp"
#include "persist/snapshot_file.hpp"
#include "persist/write_ahead_log.hpp"
#include "storage/graph_store.hpp"
#include "value/binary_codec.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>

namespace kgq::persist {

namespace {

constexpr std::uint8_t record_has_catalog = 1;

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

// The folder's entry of a new file is durable only once the folder is synced.
void sync_folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

DatabaseFile::DatabaseFile(std::string path, const FileOptions& options, catalog::Catalog& catalog,
                           storage::GraphStore& store)
    : path_(std::move(path)), options_(options) {
    if (path_.empty()) throw_file_error("DatabaseIo", path_, "A database needs a file name");
    const bool snapshot_exists = exists(path_);
    if (!snapshot_exists && (options_.read_only || !options_.create))
        throw_file_error("DatabaseIo", path_, "Cannot open '" + path_ + "': " + std::strerror(ENOENT));
    log_ = std::make_unique<WriteAheadLog>(path_ + ".wal", path_, options_.read_only);
    if (!exists(path_)) {  // under the lock: no other process is creating it now
        if (log_->existed())
            throw_file_error("DatabaseCorrupt", path_,
                             "'" + path_ + "' does not exist, but its log '" + log_->path() +
                                 "' does: the log alone is not a database (restore the snapshot, or remove the log)");
        write_snapshot(path_, 1, catalog, store);
        sync_folder_of(path_ + ".wal");
    }
    checkpoint_ = read_snapshot(path_, catalog, store);
    const std::size_t replayed = log_->replay(checkpoint_, [&](std::string_view record, std::size_t offset) {
        try {
            value::BinaryReader in(record, offset);
            const std::uint8_t flags = in.u8();
            if (flags & record_has_catalog) {
                // A logged catalog only ever grows (what a failed statement added is undone
                // before anything is logged): a smaller one would leave the store's type and
                // key ids dangling.
                value::BinaryReader catalog_in(in.bytes(in.count(1)), in.offset());
                catalog::Catalog logged;
                logged.load(catalog_in);
                if (logged.entity_type_count() < catalog.entity_type_count() ||
                    logged.relation_type_count() < catalog.relation_type_count() ||
                    logged.property_key_count() < catalog.property_key_count())
                    catalog_in.fail("a logged catalog has fewer types or keys than the graph uses");
                catalog = std::move(logged);
            }
            store.replay(in);
        } catch (const value::FormatError& e) {
            throw_file_error("DatabaseCorrupt", path_,
                             "The log '" + log_->path() + "' of '" + path_ + "' does not apply: " + e.what());
        } catch (const Exception& e) {
            if (e.error().code.rfind("Database", 0) == 0) throw;
            throw_file_error("DatabaseCorrupt", path_,
                             "The log '" + log_->path() + "' of '" + path_ + "' does not apply at byte " +
                                 std::to_string(offset) + ": " + e.error().message);
        }
    });
    if (log_->dropped_bytes())
        recovery_note_ = "Recovered '" + path_ + "': replayed " + std::to_string(replayed) +
                         " committed statements from its log and dropped an incomplete last record (" +
                         std::to_string(log_->dropped_bytes()) + " bytes, a write cut short by a crash)";
    else if (replayed)
        recovery_note_ = "Recovered '" + path_ + "': replayed " + std::to_string(replayed) +
                         " committed statements from its log (it was not closed cleanly)";
    logged_catalog_changes_ = catalog.changes();
    if (!options_.read_only) store.enable_redo(options_.checkpoint_threshold);
}

DatabaseFile::~DatabaseFile() = default;

// Under the log's lock, like an open: a database open elsewhere is refused, not overwritten.
// A crash at any step leaves the old snapshot or the new one, each with an empty log.
void save_copy(const std::string& path, const catalog::Catalog& catalog, const storage::GraphStore& store) {
    WriteAheadLog log(path + ".wal", path, /*read_only=*/false);
    log.reset(0);  // the records of a database replaced here must not replay onto the copy
    write_snapshot(path, 1, catalog, store);
    log.reset(1);
    sync_folder_of(path + ".wal");
}

void DatabaseFile::commit(const catalog::Catalog& catalog, const storage::GraphStore& store) {
    if (options_.read_only) throw_file_error("DatabaseReadOnly", path_, "'" + path_ + "' is open read-only");
    if (!broken_.empty()) throw_file_error("DatabaseIo", path_, broken_);
    const bool catalog_changed = catalog.changes() != logged_catalog_changes_;
    if (store.redo_overflowed()) {
        checkpoint(catalog, store);
        return;
    }
    if (store.redo().empty() && !catalog_changed) return;
    std::string record;
    value::BinaryWriter out(record);
    out.u8(catalog_changed ? record_has_catalog : 0);
    if (catalog_changed) {
        std::string catalog_bytes;
        value::BinaryWriter catalog_out(catalog_bytes);
        catalog.save(catalog_out);
        out.string(catalog_bytes);
    }
    record += store.redo();
    if (record.size() > options_.checkpoint_threshold) {
        checkpoint(catalog, store);
        return;
    }
    log_->append(record);
    logged_catalog_changes_ = catalog.changes();
}

bool DatabaseFile::wants_checkpoint() const {
    return !options_.read_only && broken_.empty() && log_->size() > options_.checkpoint_threshold;
}

bool DatabaseFile::has_log_records() const { return log_->has_records(); }

// The new snapshot is in place once write_snapshot returns; a log that cannot then be emptied
// is stale (reopening ignores it), but it cannot take records either.
void DatabaseFile::checkpoint(const catalog::Catalog& catalog, const storage::GraphStore& store) {
    if (options_.read_only) throw_file_error("DatabaseReadOnly", path_, "'" + path_ + "' is open read-only");
    if (!broken_.empty()) throw_file_error("DatabaseIo", path_, broken_);
    write_snapshot(path_, checkpoint_ + 1, catalog, store);
    ++checkpoint_;
    logged_catalog_changes_ = catalog.changes();
    try {
        log_->reset(checkpoint_);
    } catch (const Exception& e) {
        broken_ = "'" + path_ + "' was saved, but its log could not be emptied (" + e.error().message +
                  "): reopen the database to go on writing";
    }
}

}  // namespace kgq::persist
