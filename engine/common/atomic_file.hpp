// engine/common/atomic_file.hpp — AtomicFileWriter: every file kgq writes (EXPORT STIX now,
// snapshots and other exports later) goes through it, so that a failed, interrupted or killed
// write never destroys what was there: the bytes go to a temporary file beside the target,
// which replaces the target (rename, then fsync of the folder) only once all of it is safely
// written. Stage: common (kgq_core). Callers: engine/import/stix_exporter.cpp, tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kgq::common {

// Usage: AtomicFileWriter out(path, "name in messages"); out.write(...); ...; out.commit();
// Until commit() returns, the target is as it was. Every failure throws kgq::Exception
// (ErrorKind::Io, code "ExportError") naming the target and the system's reason (strerror),
// after removing the temporary file. Destroying the writer without commit() (an exception on
// the way, a statement stopped) removes the temporary file and leaves the target alone.
//
// The temporary file is `.<name>.kgq-tmp-XXXXXX` in the target's folder (a rename across
// file systems is not atomic), created like a new file (0666 less the umask); when it
// replaces a file, it takes that file's permissions (and owner, where allowed). A target
// that is a symbolic link to a regular file replaces the file it points to, not the link. A
// file the user may not write (access W_OK) is refused, as an in-place write would be. The
// replacement is a new inode: hard links to the old file keep the old contents.
//
// A target that exists but is not a regular file (a character device such as /dev/null or
// /dev/full, a FIFO, /dev/stdout on a pipe) has nothing to rename over (and as root a rename
// would replace the device node): it is written directly, still checking every write and the
// close, so /dev/full is "No space left on device", not a silent success. A folder is refused
// before anything is written.
class AtomicFileWriter {
public:
    // Opens the temporary file (or the device). `display_name` is how messages name the
    // target (the path as the user wrote it); empty means `path`.
    explicit AtomicFileWriter(std::string path, std::string display_name = {});
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    // Buffered (1 MiB): short writes and EINTR are retried, other errors (ENOSPC, EFBIG, EIO,
    // EPIPE, ...) throw.
    void write(std::string_view bytes);
    void write(char c);
    // Flushes, fsyncs and closes the temporary file, renames it over the target and fsyncs
    // the folder. When it returns, the target holds exactly what was written.
    void commit();

    // Whether the target is written in place (a device or FIFO), not replaced.
    bool direct() const { return direct_; }
    const std::string& target() const { return target_; }
    // The temporary file being written (empty when direct or once committed).
    const std::string& temporary() const { return temporary_; }

    static constexpr std::size_t buffer_size = std::size_t(1) << 20;

private:
    void flush();
    void write_all(const char* data, std::size_t size);
    // Closes and removes what was written, then throws for `what` failing with `err` (errno).
    [[noreturn]] void fail(const std::string& what, int err);
    void discard() noexcept;

    std::string target_;  // the file replaced on commit (symbolic links resolved)
    std::string display_;  // how messages name it
    std::string temporary_;
    std::string buffer_;
    int fd_ = -1;
    bool direct_ = false;
    bool committed_ = false;
};

}  // namespace kgq::common
