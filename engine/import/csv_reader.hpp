// engine/import/csv_reader.hpp — an RFC 4180 CSV reader: quoted fields ("" escapes a quote,
// quoted fields may span lines), a configurable delimiter and quote, and the line and column
// of every field so that import errors point into the file. Stage: import (COPY ... FROM).
// Used by csv_importer.cpp; knows nothing of headers, types or graphs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kgq::import {

struct CsvDialect {
    char delimiter = ',';
    char quote = '"';
};

struct CsvField {
    std::string_view text;  // unquoted and unescaped; valid until the next call to next()
    std::uint32_t line = 0;  // 1-based, where the field starts
    std::uint32_t column = 0;  // 1-based byte column of the field's first character
    bool quoted = false;  // "" (quoted, empty) is an empty string, an empty unquoted field is null
};

class CsvReader {
public:
    // Reads the whole file: the largest inputs we meet are tens of MB, and views into one
    // buffer make fields free. Throws kgq::Exception (Io) naming the file when it cannot.
    CsvReader(const std::filesystem::path& path, CsvDialect dialect);
    // Reads text already in memory; `name` is used in error messages.
    CsvReader(std::string name, std::string contents, CsvDialect dialect);

    // The next record; false at the end of the input. Blank lines are skipped. Malformed
    // quoting (an unterminated quote, text after a closing quote) throws an Io error.
    bool next(std::vector<CsvField>& fields);

    const std::string& name() const { return name_; }
    std::size_t size() const { return data_.size(); }
    // Lines in the file (an upper bound on its records: a quoted field may span lines), so
    // that a bulk load can reserve its rows once instead of growing by doubling.
    std::size_t line_count() const;
    std::size_t position() const { return pos_; }
    // Line just after the last record read (where an error about a missing field points).
    std::uint32_t line() const { return line_; }

private:
    std::string name_;
    std::string data_;
    CsvDialect dialect_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
    std::size_t line_start_ = 0;
    // Quoted fields with "" escapes are unescaped here; views are fixed after the record.
    std::string scratch_;
    struct ScratchSpan {
        std::size_t field, offset, length;
    };
    std::vector<ScratchSpan> scratch_spans_;
};

// The Io error of a malformed input: "file:line:column: message".
[[noreturn]] void throw_csv_error(const std::string& file, std::uint32_t line, std::uint32_t column,
                                  const std::string& message);

}  // namespace kgq::import
