// engine/common/atomic_file.cpp — AtomicFileWriter: write beside, fsync, rename over, fsync the
// folder; see atomic_file.hpp. Stage: common (kgq_core). Callers: StixExporter, tests.
#include "common/atomic_file.hpp"

#include "kgq/error.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kgq::common {

namespace {

// The folder of a path ("." for a bare file name) and its last component.
std::string folder_of(const std::string& path) {
    const std::string folder = std::filesystem::path(path).parent_path().string();
    return folder.empty() ? std::string(".") : folder;
}

std::string random_suffix() {
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    thread_local std::mt19937_64 random(std::random_device{}() ^ (std::uint64_t(::getpid()) << 32) ^
                                        std::uint64_t(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::string out(6, 'x');
    for (char& c : out) c = alphabet[random() % (sizeof(alphabet) - 1)];
    return out;
}

[[noreturn]] void throw_io(std::string detail, std::string message) {
    Error e;
    e.kind = ErrorKind::Io;
    e.code = "ExportError";
    e.detail = std::move(detail);
    e.message = std::move(message);
    e.at_compile_time = false;
    throw Exception(std::move(e));
}

}  // namespace

AtomicFileWriter::AtomicFileWriter(std::string path, std::string display_name)
    : target_(std::move(path)), display_(display_name.empty() ? target_ : std::move(display_name)) {
    auto named = [&] { return "'" + display_ + "'" + (display_ != target_ ? " (" + target_ + ")" : std::string()); };
    if (target_.empty()) throw_io("NoFileName", "Cannot write a file with an empty name");

    struct stat st {};
    bool replacing = false;
    if (::stat(target_.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            throw_io("IsAFolder", "Cannot write " + named() + ": it is a folder (" + std::strerror(EISDIR) +
                                      "); nothing was written");
        if (!S_ISREG(st.st_mode)) {
            // A device or FIFO: write to it in place (see the header).
            direct_ = true;
            do fd_ = ::open(target_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
            while (fd_ < 0 && errno == EINTR);
            if (fd_ < 0) {
                const int err = errno;
                throw_io("OpenFailed", "Cannot write " + named() + ": " + std::strerror(err));
            }
            buffer_.reserve(buffer_size);
            return;
        }
        // A file the user may not write stays protected, as with an in-place write (the
        // folder's permissions alone would let a rename replace it).
        if (::access(target_.c_str(), W_OK) != 0) {
            const int err = errno;
            throw_io("OpenFailed",
                     "Cannot write " + named() + ": " + std::strerror(err) + "; the file was left as it was");
        }
        replacing = true;
        // Through a symbolic link: replace the file it points to, keep the link.
        struct stat lst {};
        if (::lstat(target_.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
            if (char* real = ::realpath(target_.c_str(), nullptr)) {
                target_ = real;
                std::free(real);
            }
        }
    } else if (errno != ENOENT) {
        const int err = errno;
        throw_io("OpenFailed", "Cannot write " + named() + ": " + std::strerror(err) + "; nothing was written");
    }

    const std::filesystem::path target(target_);
    std::string base = target.filename().string();
    if (base.empty() || base == "." || base == "..")
        throw_io("NoFileName", "Cannot write " + named() + ": it does not name a file; nothing was written");
    if (base.size() > 200) base.resize(200);  // room for the prefix and suffix within NAME_MAX
    const std::string folder = folder_of(target_);
    const std::string prefix = (target.parent_path() / ("." + base + ".kgq-tmp-")).string();
    int err = 0;
    for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
        std::string candidate = prefix + random_suffix();
        // 0666 less the umask, as for any new file (mkstemp would make it 0600).
        fd_ = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd_ >= 0) {
            temporary_ = std::move(candidate);
            break;
        }
        err = errno;
        if (err != EEXIST && err != EINTR) break;
    }
    if (fd_ < 0) {
        struct stat fst {};
        if ((err == ENOENT || err == ENOTDIR) && (::stat(folder.c_str(), &fst) != 0 || !S_ISDIR(fst.st_mode)))
            throw_io("NoSuchFolder", "Cannot write " + named() + ": the folder '" + folder + "' does not exist (" +
                                         std::strerror(err) + "); nothing was written");
        throw_io("OpenFailed", "Cannot write " + named() + ": cannot create a file in '" + folder + "' (" +
                                   std::strerror(err) + "); nothing was written");
    }
    if (replacing) {
        // The replacement keeps the old file's permissions and, where allowed, its owner.
        (void)::fchmod(fd_, st.st_mode & 07777);
        if (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) (void)::fchown(fd_, st.st_uid, st.st_gid);
    }
    buffer_.reserve(buffer_size);
}

AtomicFileWriter::~AtomicFileWriter() {
    if (!committed_) discard();
}

void AtomicFileWriter::discard() noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
    temporary_.clear();
}

void AtomicFileWriter::fail(const std::string& what, int err) {
    discard();
    std::string message = "Cannot write '" + display_ + "'";
    if (display_ != target_) message += " (" + target_ + ")";
    message += ": " + std::string(std::strerror(err)) + " (" + what + ")";
    if (!direct_) message += "; the file was left as it was";
    throw_io(err == ENOSPC || err == EFBIG || err == EDQUOT ? "NoSpace" : "WriteFailed", std::move(message));
}

void AtomicFileWriter::write_all(const char* data, std::size_t size) {
    if (fd_ < 0) fail("writing after an earlier failure", EBADF);
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, std::min<std::size_t>(size, std::size_t(1) << 30));
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(direct_ ? "writing" : "writing its temporary file", errno);
        }
        if (n == 0) fail("writing", ENOSPC);  // no progress and no error: treat as full
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

void AtomicFileWriter::flush() {
    if (buffer_.empty()) return;
    write_all(buffer_.data(), buffer_.size());
    buffer_.clear();
}

void AtomicFileWriter::write(std::string_view bytes) {
    if (buffer_.size() + bytes.size() > buffer_size) flush();
    if (bytes.size() >= buffer_size) {
        write_all(bytes.data(), bytes.size());
        return;
    }
    buffer_.append(bytes);
}

void AtomicFileWriter::write(char c) {
    if (buffer_.size() >= buffer_size) flush();
    buffer_.push_back(c);
}

void AtomicFileWriter::commit() {
    if (committed_) return;
    flush();
    if (!direct_ && ::fsync(fd_) != 0) fail("syncing its temporary file to disk", errno);
    const int fd = fd_;
    fd_ = -1;
    // Linux closes the descriptor even when close reports EINTR: do not retry.
    if (::close(fd) != 0 && errno != EINTR) fail("closing", errno);
    if (direct_) {
        committed_ = true;
        return;
    }
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail("renaming its temporary file over it", errno);
    temporary_.clear();
    committed_ = true;
    // The rename is durable once the folder is synced. Some file systems cannot sync a folder
    // (EINVAL); then there is nothing more to do.
    const std::string folder = folder_of(target_);
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return;
    const int synced = ::fsync(dir);
    const int err = errno;
    ::close(dir);
    if (synced != 0 && err != EINVAL && err != EROFS)
        throw_io("SyncFailed", "Wrote '" + display_ + "', but syncing its folder '" + folder + "' failed (" +
                                   std::strerror(err) + "): the new file may not survive a crash");
}

}  // namespace kgq::common
