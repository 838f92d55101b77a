// repl/result_printer.hpp — how a kgq::Result looks on a terminal or in a pipe: the box
// table, CSV and JSON Lines writers and the write summary. Used by shell.cpp and meta_commands.cpp (:format).
#pragma once

#include "kgq/error.hpp"
#include "kgq/result.hpp"
#include "kgq/value.hpp"

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace kgq::repl {

enum class OutputFormat { Table, Csv, Json };

std::optional<OutputFormat> parse_output_format(std::string_view name);  // "table", "csv", "json"
const char* output_format_name(OutputFormat format);

// How big a table may get (the box format only; CSV and JSON always carry every row whole).
// On a terminal the shell fits tables to its width and shows 40 rows (the first and last
// halves, as DuckDB does); :maxwidth and :maxrows change them, 0 meaning no limit.
struct TableLimits {
    std::size_t max_width = 0;  // columns of the whole table, borders included
    std::size_t max_rows = 0;
};

// Writes the columns and rows of result (nothing else) in the chosen format.
void print_rows(std::ostream& out, const Result& result, OutputFormat format, const TableLimits& limits = {});

// A failed statement in --format json: one JSON line {"error": {"kind", "code", "detail",
// "message", "source", "line", "column"}} in the stream of results, so a consumer sees where
// the answers stop and why (the human-readable diagnostic still goes to stderr).
void print_error_json(std::ostream& out, const Error& error, const std::string& source, std::uint32_t line,
                      std::uint32_t column);

// "Created 2 nodes, set 3 properties, created 1 relationship"; empty when nothing changed.
std::string write_summary(const WriteStats& stats);

// The text of a value in a table cell: strings and temporals plain, the rest as Cypher literals.
std::string cell_text(const Value& value);

}  // namespace kgq::repl
