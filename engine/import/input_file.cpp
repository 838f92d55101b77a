// engine/import/input_file.cpp — see input_file.hpp. stat() before open(): opening a FIFO
// for reading would block until a writer appears, so what it is must be known first.
#include "import/input_file.hpp"

#include "common/statement_budget.hpp"
#include "kgq/error.hpp"
#include "text_scan.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace kgq::import {
namespace {

[[noreturn]] void fail(const std::string& detail, const std::string& message) {
    Error e;
    e.kind = ErrorKind::Io;
    e.code = "ImportError";
    e.detail = detail;
    e.message = message;
    e.at_compile_time = false;
    throw Exception(std::move(e));
}

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

}  // namespace

std::string read_input_file(const std::string& path, const std::string& display_name) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        fail("FileNotFound", "Cannot open '" + display_name + "': " + std::strerror(errno));
    if (!S_ISREG(info.st_mode))
        fail("NotARegularFile", "Cannot import '" + display_name + "': it is " + kind_of(info.st_mode) +
                                    "; only regular files can be read");
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) fail("FileNotFound", "Cannot open '" + display_name + "': " + std::strerror(errno));
    std::string text;
    text.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
        text.append(buffer, n);
        StatementBudget::check_current();  // a large file stops within a chunk of 64 KB
    }
    if (std::ferror(file.get())) fail("ReadError", "Cannot read '" + display_name + "': " + std::strerror(errno));
    return text;
}

void check_utf8(const std::string& text, const std::string& display_name) {
    const char* begin = text.data();
    const char* const end = begin + text.size();
    // A megabyte at a time, each piece ending on a character boundary, so that a stop
    // request is seen while a large file is checked.
    const char* bad = nullptr;
    for (const char* piece = begin; piece < end && !bad;) {
        const char* piece_end = end - piece > (1 << 20) ? piece + (1 << 20) : end;
        while (piece_end < end && (static_cast<unsigned char>(*piece_end) & 0xC0) == 0x80) ++piece_end;
        bad = grammar::scan::find_invalid_utf8(piece, piece_end);
        piece = piece_end;
        StatementBudget::check_current();
    }
    if (!bad) return;
    std::size_t line = 1, column = 1;
    for (const char* p = begin; p < bad; ++p) {
        if (*p == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) {
            ++column;  // columns count characters, not the continuation bytes of one
        }
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(*bad)));
    fail("InvalidUtf8", display_name + ":" + std::to_string(line) + ":" + std::to_string(column) +
                            ": invalid UTF-8 (byte " + hex + "); imported text must be UTF-8, nothing was imported");
}

}  // namespace kgq::import
