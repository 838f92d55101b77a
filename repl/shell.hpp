// repl/shell.hpp — one kgq session: a Database, the output settings and parameters, and the
// ways statements reach it (files, -c text, piped stdin, the interactive prompt).
// Created by main.cpp; meta_commands.cpp reads and changes its settings.
#pragma once

#include "result_printer.hpp"

#include "kgq/database.hpp"

#include <chrono>
#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace kgq::repl {

struct ShellOptions {
    OutputFormat format = OutputFormat::Table;
    bool timing = false;
    bool continue_on_error = false;  // --continue: a failed statement does not stop the run
    bool check_only = false;  // --check: type-check, run nothing
    // Budgets of each statement (0: none); main.cpp sets the memory default.
    std::chrono::milliseconds timeout{0};
    std::size_t max_memory = 0;
    // Table size (:max_rows, :max_width; 0 = no limit). Unset: on a terminal its width and
    // 40 rows, elsewhere every row and cells cut at 60 columns.
    std::optional<std::size_t> max_rows, max_width;
};

class Shell {
public:
    // In memory, or on a database opened from a file (kgq graph.kgqdb, --db).
    explicit Shell(ShellOptions options, Database database = Database())
        : options_(options), database_(std::move(database)) {}

    // A .kgq/.cypher script, or a .json STIX bundle imported with IMPORT STIX.
    // False if the file cannot be read or a statement failed.
    bool run_file(const std::string& path);
    // Statements in text; source_name and first_line say where errors are (see SourceText).
    // execute_source, when given, is the ExecuteOptions::source_name instead of source_name.
    bool run_text(std::string_view text, const std::string& source_name, std::uint32_t first_line = 1,
                  const std::string& execute_source = {});
    // Piped input: statements and ':' meta commands, as at the prompt but silent.
    // False if anything failed (it stops there unless --continue).
    bool run_stream(std::istream& in, const std::string& source_name);
    // The interactive prompt (libedit, history in ~/.kgq_history). Returns the exit status.
    int run_interactive();

    ShellOptions& options() { return options_; }
    Parameters& parameters() { return parameters_; }
    Database& database() { return database_; }
    void request_quit() { quit_ = true; }

    // True once Ctrl-C stopped a statement: a batch run ends there (exit status 130).
    bool interrupted_by_user() const { return interrupted_by_user_; }

private:
    void print_result(const Result& result, double measured_ms);
    // The limits a table printed now gets: the settings, or the terminal's.
    TableLimits table_limits() const;

    ShellOptions options_;
    Parameters parameters_;
    Database database_;
    bool quit_ = false;
    bool interrupted_by_user_ = false;
    int csv_tables_printed_ = 0;
    // While a script file runs, write summaries and schema notes are added up and shown as
    // one line at the end (a 200-statement graph script is not 200 lines of "Created 1 node").
    struct ScriptTotals {
        bool active = false;
        WriteStats stats;
        int statements = 0;
        int declarations = 0;
    } script_;
};

}  // namespace kgq::repl
