// engine/import/csv_reader.cpp — see csv_reader.hpp. One pass over an in-memory buffer;
// fields are views into it except quoted fields holding "" escapes, which are unescaped
// into a per-record scratch buffer.
#include "import/csv_reader.hpp"

#include "import/input_file.hpp"

#include <algorithm>

#include "kgq/error.hpp"

#include <cstring>
#include <fstream>
#include <sstream>

namespace kgq::import {

void throw_csv_error(const std::string& file, std::uint32_t line, std::uint32_t column, const std::string& message) {
    Error e;
    e.kind = ErrorKind::Io;
    e.code = "ImportError";
    e.message = file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
    e.at_compile_time = false;
    throw Exception(std::move(e));
}

CsvReader::CsvReader(const std::filesystem::path& path, CsvDialect dialect)
    : name_(path.string()), data_(read_input_file(path.string(), path.string())), dialect_(dialect) {
    check_utf8(data_, name_);
    // A UTF-8 byte order mark would otherwise become part of the first header name.
    if (data_.starts_with("\xEF\xBB\xBF")) pos_ = line_start_ = 3;
}

CsvReader::CsvReader(std::string name, std::string contents, CsvDialect dialect)
    : name_(std::move(name)), data_(std::move(contents)), dialect_(dialect) {
    check_utf8(data_, name_);
    if (data_.starts_with("\xEF\xBB\xBF")) pos_ = line_start_ = 3;
}

bool CsvReader::next(std::vector<CsvField>& fields) {
    fields.clear();
    scratch_.clear();
    scratch_spans_.clear();
    const char* data = data_.data();
    const std::size_t size = data_.size();
    const char delim = dialect_.delimiter;
    const char quote = dialect_.quote;

    // Blank lines separate nothing in the formats we read: skip them.
    while (pos_ < size && (data[pos_] == '\n' || (data[pos_] == '\r' && pos_ + 1 < size && data[pos_ + 1] == '\n'))) {
        pos_ += data[pos_] == '\r' ? 2 : 1;
        ++line_;
        line_start_ = pos_;
    }
    if (pos_ >= size) return false;

    for (;;) {
        CsvField field;
        field.line = line_;
        field.column = static_cast<std::uint32_t>(pos_ - line_start_ + 1);
        if (pos_ < size && data[pos_] == quote) {
            field.quoted = true;
            std::size_t start = ++pos_;
            bool escaped = false;
            std::size_t scratch_offset = scratch_.size();
            for (;;) {
                const void* hit = pos_ < size ? std::memchr(data + pos_, quote, size - pos_) : nullptr;
                if (!hit) throw_csv_error(name_, field.line, field.column, "unterminated quoted field");
                std::size_t q = static_cast<const char*>(hit) - data;
                // Quoted fields may span lines: keep the line count right.
                for (std::size_t i = pos_; i < q; ++i) {
                    if (data[i] == '\n') {
                        ++line_;
                        line_start_ = i + 1;
                    }
                }
                if (q + 1 < size && data[q + 1] == quote) {  // "" is one quote
                    if (!escaped) {
                        escaped = true;
                        scratch_.append(data + start, q + 1 - start);
                    } else {
                        scratch_.append(data + pos_, q + 1 - pos_);
                    }
                    pos_ = q + 2;
                    continue;
                }
                if (escaped) {
                    scratch_.append(data + pos_, q - pos_);
                    scratch_spans_.push_back({fields.size(), scratch_offset, scratch_.size() - scratch_offset});
                } else {
                    field.text = std::string_view(data + start, q - start);
                }
                pos_ = q + 1;
                break;
            }
            if (pos_ < size && data[pos_] != delim && data[pos_] != '\n' &&
                !(data[pos_] == '\r' && (pos_ + 1 == size || data[pos_ + 1] == '\n'))) {
                throw_csv_error(name_, line_, static_cast<std::uint32_t>(pos_ - line_start_ + 1),
                                std::string("unexpected text after the closing quote; expected the delimiter '") +
                                    delim + "' or the end of the line");
            }
        } else {
            std::size_t start = pos_;
            while (pos_ < size && data[pos_] != delim && data[pos_] != '\n') ++pos_;
            std::size_t end = pos_;
            if (end > start && data[end - 1] == '\r' && (end == size || data[end] == '\n')) --end;
            field.text = std::string_view(data + start, end - start);
        }
        fields.push_back(field);
        if (pos_ < size && data[pos_] == '\r') ++pos_;  // after a quoted field: \r\n
        if (pos_ < size && data[pos_] == delim) {
            ++pos_;
            continue;  // a delimiter at the end of a line still opens an (empty) last field
        }
        if (pos_ < size) ++pos_;  // '\n'
        ++line_;
        line_start_ = pos_;
        break;
    }
    for (const auto& span : scratch_spans_) {
        fields[span.field].text = std::string_view(scratch_.data() + span.offset, span.length);
    }
    return true;
}

std::size_t CsvReader::line_count() const {
    std::size_t lines = static_cast<std::size_t>(std::count(data_.begin(), data_.end(), '\n'));
    return lines + (!data_.empty() && data_.back() != '\n' ? 1 : 0);
}

}  // namespace kgq::import
