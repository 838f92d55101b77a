// engine/persist/write_ahead_log.cpp — appending, fsyncing and replaying log records.
#include "persist/write_ahead_log.hpp"

#include "persist/checksum.hpp"
#include "persist/file_error.hpp"
#include "persist/file_format.hpp"
#include "persist/file_header.hpp"
#include "value/binary_codec.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace kgq::persist {

namespace {

void write_all_at(int fd, const char* data, std::size_t size, off_t at) {
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, data, size, at);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw errno;
        if (n == 0) throw ENOSPC;
        data += n;
        size -= static_cast<std::size_t>(n);
        at += n;
    }
}

std::string read_all(int fd, std::size_t size) {
    std::string bytes(size, '\0');
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, bytes.data() + done, size - done, static_cast<off_t>(done));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw errno;
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

}  // namespace

WriteAheadLog::WriteAheadLog(std::string path, std::string database, bool read_only)
    : path_(std::move(path)), database_(std::move(database)), read_only_(read_only) {
    fd_ = ::open(path_.c_str(), (read_only ? O_RDONLY : O_RDWR | O_CREAT) | O_CLOEXEC, 0666);
    if (fd_ < 0) {
        if (read_only && errno == ENOENT) return;  // a snapshot alone: nothing to replay, nothing to lock
        throw_system_error("open the log", path_, errno);
    }
    if (::flock(fd_, (read_only ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd_);
        fd_ = -1;
        if (err == EWOULDBLOCK)
            throw_file_error("DatabaseLocked", database_,
                             "'" + database_ + "' is open in another process" + (read_only ? " for writing" : "") +
                                 " (its log '" + path_ + "' is locked)" +
                                 (read_only ? "" : "; close it there, or open it read-only in both"));
        throw_system_error("lock", path_, err);
    }
    struct stat st {};
    if (::fstat(fd_, &st) != 0) throw_system_error("read", path_, errno);
    size_ = static_cast<std::uint64_t>(st.st_size);
    existed_ = size_ > 0;
}

WriteAheadLog::~WriteAheadLog() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
}

void WriteAheadLog::corrupt(const std::string& what) const {
    throw_file_error("DatabaseCorrupt", database_,
                     "The log '" + path_ + "' of '" + database_ + "' is damaged: " + what);
}

void WriteAheadLog::write_header(std::uint64_t checkpoint) {
    const std::string header = encode_file_header(log_magic, checkpoint);
    try {
        if (::ftruncate(fd_, 0) != 0) throw errno;
        write_all_at(fd_, header.data(), header.size(), 0);
        if (::fdatasync(fd_) != 0) throw errno;
    } catch (int err) {
        throw_system_error("write the log", path_, err);
    }
    size_ = header.size();
    checkpoint_ = checkpoint;
    next_sequence_ = 1;
}

std::size_t WriteAheadLog::replay(std::uint64_t snapshot,
                                  const std::function<void(std::string_view, std::size_t)>& apply) {
    checkpoint_ = snapshot;
    if (fd_ < 0) return 0;
    if (size_ == 0) {  // new, or created by an open that stopped before writing it
        if (!read_only_) write_header(checkpoint_);
        return 0;
    }
    std::string bytes;
    try {
        bytes = read_all(fd_, static_cast<std::size_t>(size_));
    } catch (int err) {
        throw_system_error("read the log", path_, err);
    }
    const std::string_view file(bytes);
    if (file.size() < header_size) {
        // Only a crash while the log was created leaves a header this short: nothing in it.
        if (file.substr(0, std::min(file.size(), log_magic.size())) !=
            log_magic.substr(0, std::min(file.size(), log_magic.size())))
            corrupt("it is not a kgq log");
        if (!read_only_) write_header(checkpoint_);
        return 0;
    }
    if (file.substr(0, 8) != log_magic) corrupt("it is not a kgq log (it does not begin as one)");
    const std::uint64_t checkpoint =
        decode_file_header(file, "The log '" + path_ + "' of '" + database_ + "'", database_);
    if (checkpoint != checkpoint_) {
        // The checkpoint renamed its snapshot into place and stopped before emptying the log:
        // everything in it is in the snapshot already. A log without records holds nothing
        // to lose either way (Database::save_as over an older database stopped there).
        if (checkpoint + 1 == checkpoint_ || file.size() == header_size) {
            if (!read_only_) write_header(checkpoint_);
            return 0;
        }
        corrupt("it follows snapshot " + std::to_string(checkpoint) + ", but '" + database_ + "' is snapshot " +
                std::to_string(checkpoint_) + " (the two files do not belong together)");
    }

    std::size_t at = header_size;
    std::size_t applied = 0;
    std::uint64_t sequence = 1;
    while (at < file.size()) {
        const std::size_t left = file.size() - at;
        // A record cut short by a crash: only ever the last one, since records are appended.
        auto torn = [&] {
            dropped_ = left;
            if (!read_only_) {
                if (::ftruncate(fd_, static_cast<off_t>(at)) != 0 || ::fdatasync(fd_) != 0)
                    throw_system_error("truncate the log", path_, errno);
                size_ = at;
            }
        };
        if (left < record_header_size) {
            torn();
            break;
        }
        value::BinaryReader frame(file.substr(at, record_header_size), at);
        const std::uint64_t length = frame.u64();
        const std::uint64_t seq = frame.u64();
        const std::uint64_t sum = frame.u64();
        if (length > left - record_header_size) {
            torn();
            break;
        }
        const std::string_view record = file.substr(at + record_header_size, length);
        if (checksum(record, seq) != sum || seq != sequence) {
            if (at + record_header_size + length == file.size()) {
                torn();
                break;
            }
            corrupt("record " + std::to_string(sequence) + " at byte " + std::to_string(at) +
                    " fails its checksum, and " + std::to_string(file.size() - at - record_header_size - length) +
                    " bytes of later records follow it (they are not dropped: restore the files from a copy)");
        }
        apply(record, at + record_header_size);
        ++applied;
        ++sequence;
        at += record_header_size + length;
    }
    next_sequence_ = sequence;
    return applied;
}

void WriteAheadLog::append(std::string_view record) {
    std::string frame;
    value::BinaryWriter out(frame);
    out.u64(record.size());
    out.u64(next_sequence_);
    out.u64(checksum(record, next_sequence_));
    try {
        write_all_at(fd_, frame.data(), frame.size(), static_cast<off_t>(size_));
        write_all_at(fd_, record.data(), record.size(), static_cast<off_t>(size_ + frame.size()));
        if (::fdatasync(fd_) != 0) throw errno;
    } catch (int err) {
        // Cut back what part of the record got in, so the next record is not after a torn one.
        if (::ftruncate(fd_, static_cast<off_t>(size_)) != 0) {
            throw_file_error("DatabaseIo", database_,
                             "Cannot write the log '" + path_ + "': " + std::strerror(err) +
                                 ", and it could not be cut back; the statement was not committed");
        }
        throw_file_error(
            "DatabaseIo", database_,
            "Cannot write the log '" + path_ + "': " + std::strerror(err) + "; the statement was not committed");
    }
    size_ += frame.size() + record.size();
    ++next_sequence_;
}

void WriteAheadLog::reset(std::uint64_t checkpoint) { write_header(checkpoint); }

bool WriteAheadLog::has_records() const { return size_ > header_size; }

}  // namespace kgq::persist
