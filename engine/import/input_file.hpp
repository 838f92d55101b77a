// engine/import/input_file.hpp — how every importer (COPY's CSV reader, IMPORT STIX) reads the
// file it was given: whole, as text, and only from a regular file, so a directory, a device
// (/dev/zero) or a named pipe is a clear Io error instead of "Out of memory" or a hang.
#pragma once

#include <string>

namespace kgq::import {

// Reads the regular file at `path` into memory. Throws kgq::Exception (Io, code ImportError,
// detail FileNotFound / NotARegularFile / ReadError) naming `display_name` when it cannot.
std::string read_input_file(const std::string& path, const std::string& display_name);

// Throws an Io error "display_name:line:column: invalid UTF-8 ..." at the first byte of
// `text` that is not well-formed UTF-8; imported strings must be text.
void check_utf8(const std::string& text, const std::string& display_name);

}  // namespace kgq::import
