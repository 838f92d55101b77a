// engine/persist/write_ahead_log.hpp — the log of a database: one record per committed
// statement (or transaction), appended and fsynced before the commit returns, replayed onto
// the snapshot on open, emptied at each checkpoint. It also holds the database's lock.
// Stage: persist. Caller: database_file.cpp.
//
//   header  magic(8) version(u32) byte-order(u32) checkpoint(u64) checksum(u64 of the 24 before)
//   record* length(u64) sequence(u64) checksum(u64: XXH3 of the bytes, seeded with the
//           sequence) bytes
//
// A record whose bytes did not all reach the disk (the crash case) is the last one and fails
// its length or checksum: it is dropped, and only it. A damaged record with more after it is
// an error: dropping it would lose the commits that follow.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace kgq::persist {

class WriteAheadLog {
public:
    // Opens the log at `path`, creating it empty when absent and writable, and locks it:
    // exclusively to write, shared to read (flock), so a second writer gets a DatabaseLocked
    // error instead of a corrupted file. The lock is taken first of all, so two processes
    // creating one database do it one after the other. `database` names it in messages.
    WriteAheadLog(std::string path, std::string database, bool read_only);
    ~WriteAheadLog();
    WriteAheadLog(const WriteAheadLog&) = delete;
    WriteAheadLog& operator=(const WriteAheadLog&) = delete;

    // Whether the file existed with something in it before this open.
    bool existed() const { return existed_; }

    // Hands every record that follows snapshot `checkpoint` to apply, in order (a log of an
    // older checkpoint is stale: the snapshot already holds it, and it is emptied). Drops a
    // torn last record (truncating it away when writable). Returns the records applied.
    std::size_t replay(std::uint64_t checkpoint,
                       const std::function<void(std::string_view record, std::size_t offset)>& apply);
    // A record whose torn tail replay() dropped, for the open's message (0: none).
    std::size_t dropped_bytes() const { return dropped_; }

    // Appends one record and fsyncs. On failure the log is cut back to where it was and
    // kgq::Exception (Io) is thrown: the statement is then not committed.
    void append(std::string_view record);
    // Empties the log for a new snapshot numbered `checkpoint` (after it has been renamed
    // into place) and fsyncs.
    void reset(std::uint64_t checkpoint);

    std::uint64_t size() const { return size_; }  // bytes, header included
    bool has_records() const;
    const std::string& path() const { return path_; }

private:
    void write_header(std::uint64_t checkpoint);
    [[noreturn]] void corrupt(const std::string& what) const;

    std::string path_;
    std::string database_;
    int fd_ = -1;
    bool read_only_ = false;
    std::uint64_t checkpoint_ = 0;
    std::uint64_t size_ = 0;
    std::uint64_t next_sequence_ = 1;
    std::size_t dropped_ = 0;
    bool existed_ = false;
};

}  // namespace kgq::persist
