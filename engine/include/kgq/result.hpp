// kgq/result.hpp — the answer to one statement: typed columns and rows, or an error.
// Self-contained (nodes carry their labels and properties), so it outlives later writes.
#pragma once

#include "kgq/error.hpp"
#include "kgq/value.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kgq {

// Counts of what a statement changed, as Neo4j's and the TCK's side effects name them.
struct WriteStats {
    std::int64_t nodes_created = 0;
    std::int64_t nodes_deleted = 0;
    std::int64_t relationships_created = 0;
    std::int64_t relationships_deleted = 0;
    std::int64_t properties_set = 0;
    std::int64_t properties_removed = 0;
    std::int64_t labels_added = 0;
    std::int64_t labels_removed = 0;
    bool any() const;
};

class Result {
public:
    Result() = default;
    static Result failure(Error error);

    bool ok() const { return !error_; }
    // The error of a failed statement; an empty Error (no code, no message) when ok(), so a
    // caller that logs r.error() unconditionally reads nothing rather than undefined memory.
    const Error& error() const { return error_ ? *error_ : no_error(); }

    const std::vector<std::string>& columns() const { return columns_; }
    // Inferred type of each column ("INTEGER", "STRING", "NODE", "ANY", ...), known before rows.
    const std::vector<std::string>& column_types() const { return column_types_; }
    const std::vector<std::vector<Value>>& rows() const { return rows_; }
    std::size_t row_count() const { return rows_.size(); }
    const Value& at(std::size_t row, std::size_t column) const { return rows_[row][column]; }
    // Column index by name, or -1.
    int column_index(const std::string& name) const;

    const WriteStats& stats() const { return stats_; }
    const std::vector<Warning>& warnings() const { return warnings_; }
    // Text for statements that answer in prose: EXPLAIN/PROFILE plans, schema changes.
    const std::string& message() const { return message_; }
    double elapsed_ms() const { return elapsed_ms_; }
    // Where the statement began in the executed text (1-based), for script diagnostics.
    std::uint32_t line() const { return line_; }

    // Filled by the engine.
    std::vector<std::string>& mutable_columns() { return columns_; }
    std::vector<std::string>& mutable_column_types() { return column_types_; }
    std::vector<std::vector<Value>>& mutable_rows() { return rows_; }
    WriteStats& mutable_stats() { return stats_; }
    std::vector<Warning>& mutable_warnings() { return warnings_; }
    void set_message(std::string m) { message_ = std::move(m); }
    void set_elapsed_ms(double ms) { elapsed_ms_ = ms; }
    void set_line(std::uint32_t line) { line_ = line; }
    void set_error(Error e) { error_ = std::move(e); }

private:
    static const Error& no_error();

    std::vector<std::string> columns_;
    std::vector<std::string> column_types_;
    std::vector<std::vector<Value>> rows_;
    WriteStats stats_;
    std::vector<Warning> warnings_;
    std::string message_;
    double elapsed_ms_ = 0;
    std::uint32_t line_ = 0;
    std::optional<Error> error_;
};

}  // namespace kgq
