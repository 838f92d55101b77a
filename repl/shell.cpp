// repl/shell.cpp — the session loop: feeds scripts, piped input and prompt lines to
// Database::run and prints each result, error and warning as it arrives.
// Created and driven by main.cpp; meta commands come back in through run_file().
#include "shell.hpp"

#include "completion.hpp"

#include "diagnostics.hpp"
#include "meta_commands.hpp"

#include <editline/readline.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#ifndef KGQ_VERSION
#define KGQ_VERSION "0.1.0"
#endif

namespace kgq::repl {
namespace {

// Set by SIGINT at the prompt: readline() then returns and the input so far is dropped.
volatile std::sig_atomic_t interrupted = 0;

void on_interrupt(int) { interrupted = 1; }

// While a statement runs, Ctrl-C stops it (the database rolls it back) and the shell goes
// on; a second Ctrl-C before it has stopped ends the process, for work that cannot check.
Database* running = nullptr;
volatile std::sig_atomic_t stops_requested = 0;

void on_interrupt_statement(int) {
    const std::sig_atomic_t before = stops_requested;  // no ++: deprecated on volatile in C++20
    stops_requested = before + 1;
    if (before > 0 || !running) {
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
        return;
    }
    running->interrupt();  // an atomic store: safe in a signal handler
}

// Installs on_interrupt_statement for the lifetime of one run_text.
class StatementInterruptScope {
public:
    explicit StatementInterruptScope(Database& db) {
        running = &db;
        stops_requested = 0;
        struct sigaction action {};
        action.sa_handler = on_interrupt_statement;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, &previous_);
    }
    ~StatementInterruptScope() {
        sigaction(SIGINT, &previous_, nullptr);
        running = nullptr;
    }
    StatementInterruptScope(const StatementInterruptScope&) = delete;
    StatementInterruptScope& operator=(const StatementInterruptScope&) = delete;

private:
    struct sigaction previous_ {};
};

bool ends_with_ci(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[text.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}

// Anything besides blanks and comments? Lone comments complete no statement worth running.
bool has_code(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "//") == 0) {
            i = text.find('\n', i);
            if (i == std::string_view::npos) return false;
        } else if (text.compare(i, 2, "/*") == 0) {
            i = text.find("*/", i + 2);
            if (i == std::string_view::npos) return false;
            ++i;
        } else if (!std::isspace(static_cast<unsigned char>(text[i]))) {
            return true;
        }
    }
    return false;
}

// A Cypher string literal holding text.
std::string quote_literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string history_path() {
    const char* home = std::getenv("HOME");
    return home ? std::string(home) + "/.kgq_history" : std::string();
}

}  // namespace

bool Shell::run_file(const std::string& path) {
    if (ends_with_ci(path, ".json")) {
        // The engine resolves relative paths against source_name; an absolute path is unambiguous.
        std::string statement = "IMPORT STIX " + quote_literal(std::filesystem::absolute(path).string()) + ";";
        // A bundle is data, not a script to check: --check imports it for real, so the
        // scripts checked after it are bound against the schema and names it brings.
        const bool checking = options_.check_only;
        options_.check_only = false;
        bool ok = run_text(statement, "", 1, path);
        options_.check_only = checking;
        return ok;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "kgq: cannot open '" << path << "': " << std::strerror(errno) << '\n';
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    std::string script = text.str();
    if (script.starts_with("\xEF\xBB\xBF")) script.erase(0, 3);  // editors' UTF-8 byte-order mark
    script_ = ScriptTotals{};
    script_.active = true;
    auto started = std::chrono::steady_clock::now();
    bool ok = run_text(script, path);
    script_.active = false;
    if (options_.format == OutputFormat::Table && !options_.check_only) {
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        std::string summary = write_summary(script_.stats);
        std::cout << path << ": " << script_.statements << " statement" << (script_.statements == 1 ? "" : "s");
        if (script_.declarations)
            std::cout << ", " << script_.declarations << " type" << (script_.declarations == 1 ? "" : "s")
                      << " declared";
        if (!summary.empty()) {
            summary[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(summary[0])));
            std::cout << "; " << summary;
        }
        std::cout << " (" << std::fixed << std::setprecision(1) << ms << " ms)" << std::defaultfloat << '\n';
    }
    return ok;
}

bool Shell::run_text(std::string_view text, const std::string& source_name, std::uint32_t first_line,
                     const std::string& execute_source) {
    SourceText source{source_name, text, first_line};
    ExecuteOptions execute_options;
    execute_options.source_name = execute_source.empty() ? source_name : execute_source;
    execute_options.continue_on_error = options_.continue_on_error;
    execute_options.check_only = options_.check_only;
    execute_options.timeout = options_.timeout;
    execute_options.max_memory = options_.max_memory;
    StatementInterruptScope interrupt_scope(database_);
    bool saw_failure = false;
    auto last = std::chrono::steady_clock::now();
    auto on_result = [&](const Result& result) {
        auto now = std::chrono::steady_clock::now();
        double measured_ms = std::chrono::duration<double, std::milli>(now - last).count();
        last = now;
        std::cout.flush();  // keep stdout and stderr in order on a terminal
        for (const auto& warning : result.warnings()) print_warning(std::cerr, warning, source);
        if (!result.ok()) {
            saw_failure = true;
            if (result.error().kind == ErrorKind::Interrupted && result.error().code == "Interrupted")
                interrupted_by_user_ = true;
            print_error(std::cerr, result.error(), source, result.line());
            if (options_.format == OutputFormat::Json) {
                const Error& e = result.error();
                const bool other_file = !e.source.empty() && e.source != source.name;
                // Lines of this text count from source.first_line; a runtime error has only its statement's.
                const std::uint32_t line = other_file      ? e.line
                                           : e.line        ? source.first_line + e.line - 1
                                           : result.line() ? source.first_line + result.line() - 1
                                                           : 0;
                print_error_json(std::cout, e, other_file ? e.source : source.name, line, e.line ? e.column : 0);
            }
            return true;  // the engine decides, from continue_on_error, whether to go on
        }
        print_result(result, measured_ms);
        return true;
    };
    bool ok = false;
    try {
        ok = database_.run(text, parameters_, execute_options, on_result);
    } catch (const Exception& e) {  // the API promises results, not throws: an engine bug, but keep the session
        saw_failure = true;
        print_error(std::cerr, e.error(), source);
    } catch (const std::exception& e) {
        saw_failure = true;
        std::cerr << (source_name.empty() ? "" : source_name + ": ") << "internal error: " << e.what() << '\n';
    }
    std::cout.flush();
    if (!ok && !saw_failure)
        std::cerr << (source_name.empty() ? "" : source_name + ": ") << "error: the statements failed\n";
    return ok && !saw_failure;
}

void Shell::print_result(const Result& result, double measured_ms) {
    if (options_.check_only) return;
    const bool table = options_.format == OutputFormat::Table;
    if (script_.active) {
        ++script_.statements;
        const auto& s = result.stats();
        auto& t = script_.stats;
        t.nodes_created += s.nodes_created;
        t.nodes_deleted += s.nodes_deleted;
        t.relationships_created += s.relationships_created;
        t.relationships_deleted += s.relationships_deleted;
        t.properties_set += s.properties_set;
        t.properties_removed += s.properties_removed;
        t.labels_added += s.labels_added;
        t.labels_removed += s.labels_removed;
        bool declaration = result.columns().empty() && result.message().find(" type ") != std::string::npos &&
                           result.message().find(" created") != std::string::npos;
        script_.declarations += declaration ? 1 : 0;
        // Queries in a script still show their answers; writes and declarations are summed.
        if (result.columns().empty() && (declaration || result.message().empty())) return;
    }
    if (!result.columns().empty()) {
        // Several tables in one CSV stream: a blank line between them, each with its header.
        if (options_.format == OutputFormat::Csv && csv_tables_printed_++ > 0) std::cout << '\n';
        print_rows(std::cout, result, options_.format, table_limits());
    }
    // CSV and JSON output stays machine-readable: prose (plans, schema changes, import
    // reports) goes to stderr there, and write summaries are left out.
    if (!result.message().empty()) {
        std::ostream& prose = table ? std::cout : std::cerr;
        prose << result.message();
        if (result.message().back() != '\n') prose << '\n';
    }
    if (table) {
        std::string summary = write_summary(result.stats());
        if (!summary.empty()) std::cout << summary << '\n';
        else if (result.columns().empty() && result.message().empty()) std::cout << "(no changes)\n";
    }
    if (options_.timing) {
        double ms = result.elapsed_ms() > 0 ? result.elapsed_ms() : measured_ms;
        (table ? std::cout : std::cerr) << "Time: " << std::fixed << std::setprecision(3) << ms << " ms\n"
                                        << std::defaultfloat;
    }
}

TableLimits Shell::table_limits() const {
    TableLimits limits;
    const bool terminal = isatty(STDOUT_FILENO);
    struct winsize size {};
    const bool sized = terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0;
    limits.max_width = options_.max_width ? *options_.max_width : sized ? size.ws_col : 0;
    limits.max_rows = options_.max_rows ? *options_.max_rows : terminal ? 40 : 0;
    return limits;
}

bool Shell::run_stream(std::istream& in, const std::string& source_name) {
    bool ok = true;
    std::string line, statement;
    std::uint32_t line_no = 0, first_line = 1;
    while (!quit_ && std::getline(in, line)) {
        ++line_no;
        bool step_ok = true;
        if (statement.empty() ? is_meta_command(line) : is_known_meta_command(line)) {
            step_ok = run_meta_command(*this, line) != MetaStatus::Failed;  // as at the prompt
        } else {
            if (statement.empty()) first_line = line_no;
            statement += line;
            statement += '\n';
            if (Database::is_complete_statement(statement)) {
                if (has_code(statement)) step_ok = run_text(statement, source_name, first_line);
                statement.clear();
            }
        }
        if (!step_ok) {
            ok = false;
            if (!options_.continue_on_error) return false;
        }
    }
    // A last statement without ';' still runs, as sqlite3 and psql do with piped input.
    if (!quit_ && has_code(statement)) ok = run_text(statement, source_name, first_line) && ok;
    return ok;
}

int Shell::run_interactive() {
    std::cout << "kgq " KGQ_VERSION " - statements end with ';'. :help for help, :quit to leave.\n";
    const std::string history = history_path();
    rl_readline_name = "kgq";
    install_completion(database_);
    using_history();
    stifle_history(2000);
    if (!history.empty()) read_history(history.c_str());

    // Ctrl-C at the prompt clears the input; while a statement runs it keeps its default
    // (ending kgq), since the engine has no way to cancel a statement.
    // No SA_RESTART: the signal must interrupt the read inside readline().
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    struct sigaction previous {};

    std::string statement;
    while (!quit_) {
        interrupted = 0;
        sigaction(SIGINT, &action, &previous);
        char* raw = readline(statement.empty() ? "kgq> " : "  -> ");
        sigaction(SIGINT, &previous, nullptr);
        if (interrupted) {  // Ctrl-C: drop what was typed, fresh prompt
            std::free(raw);
            if (!statement.empty() || raw) std::cout << "^C\n";
            else std::cout << '\n';
            statement.clear();
            continue;
        }
        if (!raw) {  // Ctrl-D: an unfinished statement runs as if ended by ';', or says why not
            std::cout << '\n';
            if (has_code(statement)) {
                std::cerr << "(Ctrl-D: running the unfinished statement)\n";
                run_text(statement, "");
            }
            break;
        }
        std::string line(raw);
        std::free(raw);
        // A meta command by name is one at the start of any line, even with a statement
        // pending (which stays pending: :format csv, then go on typing).
        if (statement.empty() ? is_meta_command(line) : is_known_meta_command(line)) {
            add_history(line.c_str());
            if (!history.empty()) write_history(history.c_str());
            if (run_meta_command(*this, line) == MetaStatus::Quit && has_code(statement))
                std::cerr << "(the unfinished statement was not run)\n";
            continue;
        }
        if (statement.empty() && !has_code(line)) continue;
        statement += line;
        statement += '\n';
        if (!Database::is_complete_statement(statement)) continue;
        // One history entry per statement, on one line, so Up brings the whole statement back.
        std::string entry = statement;
        std::replace(entry.begin(), entry.end(), '\n', ' ');
        while (!entry.empty() && entry.back() == ' ') entry.pop_back();
        add_history(entry.c_str());
        if (!history.empty()) write_history(history.c_str());
        if (has_code(statement)) run_text(statement, "");
        statement.clear();
    }
    return 0;
}

}  // namespace kgq::repl
