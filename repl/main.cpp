// repl/main.cpp — `kgq [OPTIONS] [FILES...]`: parses the command line with CLI11 and wires it
// to a Shell (shell.hpp): files, -f scripts and -c queries first, then the prompt or piped stdin.
// Exit status: 0 success, 1 a statement failed, 2 usage error, 130 stopped by Ctrl-C.
#include "budgets.hpp"
#include "parameters.hpp"
#include "shell.hpp"

#include <langinfo.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string_view>

#ifndef KGQ_VERSION
#define KGQ_VERSION "0.1.0"
#endif

namespace {

constexpr int exit_ok = 0, exit_failed = 1, exit_usage = 2;

constexpr const char* examples = R"(
Files run in order: .kgq/.cypher scripts statement by statement, .json files are
imported as STIX 2.1 bundles. Then the prompt opens (or, when stdin is not a terminal,
stdin is read as a script). With -c or -f, kgq exits when they are done.
A .kgqdb file (or --db FILE) is the database itself, created when it does not exist:
every committed statement is saved in it at once, and the next kgq FILE.kgqdb finds it.
Without one the graph lives in memory until kgq exits (:save FILE keeps a copy).

Examples:
  kgq                                        interactive prompt (:help lists commands)
  kgq graph.kgq                              load a graph, then the prompt
  kgq work.kgqdb                             open (or create) a database file, then the prompt
  kgq --db attack.kgqdb enterprise-attack.json -c "CHECKPOINT"   import into a database file
  kgq --db attack.kgqdb --read-only -c "MATCH (n) RETURN count(n) AS n"
  kgq enterprise-attack.json                 import a STIX bundle, then the prompt
  kgq -c "RETURN 1 + 2 AS x"                 run one query and exit
  kgq graph.kgq -c "MATCH (n) RETURN count(n) AS nodes"
  kgq -f schema.kgq -f data.kgq --continue   run scripts, reporting every error
  kgq --check -f queries.kgq                 type-check a script without running it
  kgq enterprise-attack.json --check q.kgq   type-check q.kgq against the bundle's schema
  kgq --format csv -f report.kgq > report.csv
  kgq --timeout 30s --max-memory 2GB -f report.kgq   stop any statement past 30 s or 2 GB
  kgq --param name=Ann --param min=30 -c 'MATCH (p:Person {name: $name}) WHERE p.age >= $min RETURN p'
  echo "RETURN date('2024-01-01') AS d;" | kgq --format json
)";

bool can_open(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        std::cerr << "kgq: cannot open '" << path << "': " << std::strerror(errno) << '\n';
        return false;
    }
    std::fclose(f);
    return true;
}

// A database file: named .kgqdb, or any existing file that begins as a kgq snapshot.
bool is_database_file(const std::string& path) {
    if (path.size() > 6 && path.compare(path.size() - 6, 6, ".kgqdb") == 0) return true;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char magic[8] = {};
    const bool read = std::fread(magic, 1, sizeof magic, f) == sizeof magic;
    std::fclose(f);
    return read && std::string_view(magic, 8) == std::string_view("\x89KGQDB\r\n", 8);
}

}  // namespace

int main(int argc, char** argv) {
    // libedit reads multibyte characters only under a multibyte LC_CTYPE: without this every
    // non-ASCII character typed at the prompt was dropped (a name with ’ matched nothing).
    // Query text is UTF-8 whatever the environment says, so a C or POSIX locale becomes
    // C.UTF-8. Only LC_CTYPE: numbers and messages stay as they are everywhere.
    if (!std::setlocale(LC_CTYPE, "") || std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        std::setlocale(LC_CTYPE, "C.UTF-8");
    CLI::App app{"kgq - an in-memory typed knowledge graph with a Cypher-compatible query language.", "kgq"};
    app.footer(examples);
    app.set_version_flag("--version", "kgq " KGQ_VERSION);

    std::vector<std::string> files, scripts, commands, parameters;
    std::string format = "table";
    kgq::repl::ShellOptions options;
    app.add_option("files", files, "scripts (.kgq, .cypher) to run and STIX bundles (.json) to import")
        ->type_name("FILE");
    // Each -c/-f/--param takes exactly one value, so `kgq -c QUERY graph.kgq` keeps graph.kgq a file.
    app.add_option("-c,--command", commands, "run QUERY (one or more ';'-separated statements) and exit")
        ->type_name("QUERY")
        ->allow_extra_args(false);
    app.add_option("-f,--file", scripts, "run the script FILE and exit (repeatable)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    app.add_option("--format", format, "result format: table (default), csv (RFC 4180) or json (JSON Lines)")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->type_name("FORMAT");
    app.add_option("--param", parameters,
                   "set $NAME for all statements; VALUE is a Cypher literal (42, 'x', [1, 2]) or else text")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);
    std::string database_path;
    bool read_only = false;
    app.add_option("--db", database_path,
                   "open the database in FILE (created when missing; FILE.wal is its log); a FILE ending in .kgqdb may "
                   "be given as a file instead")
        ->type_name("FILE");
    app.add_flag("--read-only", read_only, "open the database file read-only (refuse every statement that writes)");
    app.add_flag("--continue", options.continue_on_error, "go on after a failed statement (exit status is still 1)");
    app.add_flag("--check", options.check_only,
                 "type-check the statements without running them (.json bundles given are imported first)");
    app.add_flag("--timing", options.timing, "print how long each statement took");
    std::string timeout_text = "0", memory_text;
    app.add_option("--timeout", timeout_text, "stop each statement after TIME (30s, 500ms, 2m; default 0: never)")
        ->type_name("TIME");
    app.add_option(
           "--max-memory", memory_text,
           "stop a statement that grows memory by SIZE (512MB, 2GB, 0: never; default: half the machine's memory)")
        ->type_name("SIZE");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? exit_ok : exit_usage;  // --help and --version exit 0
    }

    options.format = *kgq::repl::parse_output_format(format);
    if (auto t = kgq::repl::parse_timeout(timeout_text)) {
        options.timeout = *t;
    } else {
        std::cerr << "kgq: --timeout expects a time such as 30s, 500ms or 2m, got '" << timeout_text
                  << "'\nRun with --help for more information.\n";
        return exit_usage;
    }
    options.max_memory = kgq::repl::default_memory_budget();
    if (!memory_text.empty()) {
        if (auto m = kgq::repl::parse_memory_size(memory_text)) {
            options.max_memory = *m;
        } else {
            std::cerr << "kgq: --max-memory expects a size such as 512MB or 2GB, got '" << memory_text
                      << "'\nRun with --help for more information.\n";
            return exit_usage;
        }
    }
    kgq::Parameters typed_parameters;
    for (const auto& text : parameters) {
        auto assignment = kgq::repl::split_parameter_assignment(text);
        if (!assignment) {
            std::cerr << "kgq: --param expects NAME=VALUE, got '" << text
                      << "'\nRun with --help for more information.\n";
            return exit_usage;
        }
        typed_parameters[assignment->first] = kgq::repl::parse_parameter_value(assignment->second);
    }
    // A .kgqdb among the files is the database (one at most, and not with --db).
    for (auto it = files.begin(); it != files.end();) {
        if (!is_database_file(*it)) {
            ++it;
            continue;
        }
        if (!database_path.empty()) {
            std::cerr << "kgq: one database at a time: '" << database_path << "' and '" << *it
                      << "'\nRun with --help for more information.\n";
            return exit_usage;
        }
        database_path = *it;
        it = files.erase(it);
    }
    if (read_only && database_path.empty()) {
        std::cerr << "kgq: --read-only needs a database file (--db FILE or FILE.kgqdb)\nRun with --help for more "
                     "information.\n";
        return exit_usage;
    }
    for (const auto& list : {&files, &scripts})
        for (const auto& path : *list)
            if (!can_open(path)) return exit_usage;

    kgq::Database database;
    if (!database_path.empty()) {
        try {
            kgq::OpenOptions open_options;
            open_options.read_only = read_only;
            database = kgq::Database::open(database_path, open_options);
        } catch (const kgq::Exception& e) {
            std::cerr << "kgq: " << e.error().message << '\n';
            return exit_failed;
        }
        if (!database.recovery_note().empty()) std::cerr << "kgq: " << database.recovery_note() << '\n';
    }
    kgq::repl::Shell shell(options, std::move(database));
    shell.parameters() = std::move(typed_parameters);
    const bool batch = !scripts.empty() || !commands.empty();
    const bool interactive = !batch && isatty(STDIN_FILENO);

    // Files, then -f scripts, then -c queries, in order; the first failure ends the run
    // unless --continue (or the prompt follows, where the user can look into it).
    bool ok = true;
    auto step = [&](bool step_ok) {
        ok = ok && step_ok;
        if (shell.interrupted_by_user() && !interactive) return false;  // Ctrl-C ends a batch run
        return step_ok || options.continue_on_error || interactive;
    };
    bool going = true;
    for (const auto& path : files)
        if (going) going = step(shell.run_file(path));
    for (const auto& path : scripts)
        if (going) going = step(shell.run_file(path));
    for (const auto& query : commands)
        if (going) going = step(shell.run_text(query, "<command>"));

    constexpr int exit_interrupted = 130;  // as a shell reports a program ended by SIGINT
    if (shell.interrupted_by_user() && !interactive) return exit_interrupted;
    if (batch || (!going && !interactive)) return ok ? exit_ok : exit_failed;
    if (interactive) return shell.run_interactive();
    ok = shell.run_stream(std::cin, "<stdin>") && ok;
    return ok ? exit_ok : exit_failed;
}
