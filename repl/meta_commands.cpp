// repl/meta_commands.cpp — every ':' command in one table of {name, arguments, help, handler},
// as Kùzu's shell keeps them; :help is generated from the table. Callers: shell.cpp.
#include "meta_commands.hpp"

#include "budgets.hpp"
#include "parameters.hpp"
#include "shell.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <optional>
#include <string>

namespace kgq::repl {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Arguments as typed, minus a habitual trailing ';' (":format csv;").
std::string_view plain_argument(std::string_view args) {
    args = trim(args);
    if (!args.empty() && args.back() == ';') args = trim(args.substr(0, args.size() - 1));
    if (args.size() >= 2 && (args.front() == '\'' || args.front() == '"') && args.back() == args.front())
        args = args.substr(1, args.size() - 2);
    return args;
}

MetaStatus usage(std::string_view message) {
    std::cerr << "error: " << message << '\n';
    return MetaStatus::Failed;
}

MetaStatus help(Shell&, std::string_view);

MetaStatus schema(Shell& shell, std::string_view) {
    SchemaInfo info = shell.database().schema();
    std::cout << (info.strict ? "Schema: strict\n" : "Schema: open (types come from the data)\n");
    if (info.entity_types.empty() && info.relation_types.empty()) {
        std::cout << "  (no types yet)\n";
        return MetaStatus::Ok;
    }
    // Only the properties a type declares itself; inherited ones are named once, under
    // the supertype, or every STIX type would repeat the same sixteen lines.
    auto print_properties = [](const std::vector<PropertyInfo>& properties, const std::string& owner) {
        std::vector<const PropertyInfo*> own;
        std::vector<std::string> ancestors;
        std::size_t inherited = 0, name_width = 0, type_width = 0;
        for (const auto& p : properties) {
            if (!p.declared_in.empty() && p.declared_in != owner) {
                ++inherited;
                if (std::find(ancestors.begin(), ancestors.end(), p.declared_in) == ancestors.end())
                    ancestors.push_back(p.declared_in);
                continue;
            }
            own.push_back(&p);
            name_width = std::max(name_width, p.name.size());
            type_width = std::max(type_width, p.type.size());
        }
        for (const PropertyInfo* p : own) {
            std::string line = "    " + p->name + std::string(name_width - p->name.size() + 2, ' ') + p->type;
            if (p->key) line += std::string(type_width - p->type.size() + 2, ' ') + "KEY";
            std::cout << line << '\n';
        }
        if (inherited == 0) return;
        std::string from;
        for (const auto& a : ancestors) from += (from.empty() ? "" : ", ") + a;
        std::cout << "    (+ " << inherited << (inherited == 1 ? " property" : " properties") << " from " << from
                  << ")\n";
    };
    auto count_text = [](std::uint64_t n, const char* one, const char* many) {
        return "(" + std::to_string(n) + " " + (n == 1 ? one : many) + ")";
    };
    if (!info.entity_types.empty()) std::cout << "Entity types\n";
    for (const auto& t : info.entity_types) {
        std::cout << "  " << t.name << (t.abstract ? " (abstract)" : "")
                  << (t.supertype.empty() ? "" : " : " + t.supertype) << "  " << count_text(t.count, "node", "nodes")
                  << '\n';
        print_properties(t.properties, t.name);
    }
    if (!info.relation_types.empty()) std::cout << "Relation types\n";
    for (const auto& r : info.relation_types) {
        std::string endpoints;
        for (const auto& [from, to] : r.endpoints)
            endpoints += (endpoints.empty() ? "" : ", ") + ("(" + from + ")-[]->(" + to + ")");
        std::cout << "  " << r.name << (endpoints.empty() ? "" : "  " + endpoints) << "  "
                  << count_text(r.count, "relationship", "relationships") << '\n';
        print_properties(r.properties, r.name);
    }
    return MetaStatus::Ok;
}

MetaStatus load(Shell& shell, std::string_view args) {
    std::string_view path = plain_argument(args);
    if (path.empty()) return usage("usage: :load FILE");
    return shell.run_file(std::string(path)) ? MetaStatus::Ok : MetaStatus::Failed;
}

MetaStatus format(Shell& shell, std::string_view args) {
    std::string_view name = plain_argument(args);
    if (name.empty()) {
        std::cout << "format: " << output_format_name(shell.options().format) << '\n';
        return MetaStatus::Ok;
    }
    auto parsed = parse_output_format(name);
    if (!parsed) return usage("unknown format '" + std::string(name) + "' (use table, csv or json)");
    shell.options().format = *parsed;
    return MetaStatus::Ok;
}

MetaStatus timing(Shell& shell, std::string_view args) {
    std::string_view value = plain_argument(args);
    if (value == "on") shell.options().timing = true;
    else if (value == "off") shell.options().timing = false;
    else if (value.empty()) std::cout << "timing: " << (shell.options().timing ? "on" : "off") << '\n';
    else return usage("usage: :timing on|off");
    return MetaStatus::Ok;
}

MetaStatus timeout(Shell& shell, std::string_view args) {
    std::string_view value = plain_argument(args);
    if (!value.empty()) {
        auto parsed = parse_timeout(value);
        if (!parsed)
            return usage("expected a time such as 30s, 500ms, 2m, or 0 for none; got '" + std::string(value) + "'");
        shell.options().timeout = *parsed;
    }
    std::cout << "timeout: " << format_timeout(shell.options().timeout) << '\n';
    return MetaStatus::Ok;
}

MetaStatus max_memory(Shell& shell, std::string_view args) {
    std::string_view value = plain_argument(args);
    if (!value.empty()) {
        auto parsed = parse_memory_size(value);
        if (!parsed)
            return usage("expected a size such as 512MB, 2GB, or 0 for none; got '" + std::string(value) + "'");
        shell.options().max_memory = *parsed;
    }
    std::cout << "max_memory: " << format_memory_size(shell.options().max_memory) << '\n';
    return MetaStatus::Ok;
}

// :max_rows and :max_width (Kùzu's names; DuckDB's .maxrows, .maxwidth): a number, 0 for no
// limit, or "auto" for the terminal's; no argument shows the setting.
MetaStatus table_limit(Shell& shell, std::string_view args, std::optional<std::size_t>& setting, const char* name) {
    std::string_view value = plain_argument(args);
    if (value == "auto") {
        setting.reset();
    } else if (!value.empty()) {
        std::size_t n = 0;
        for (char c : value) {
            if (!std::isdigit(static_cast<unsigned char>(c)) || n > 1'000'000'000) {
                return usage(std::string("expected a number, 0 for no limit, or auto; got '") + std::string(value) +
                             "'");
            }
            n = n * 10 + static_cast<std::size_t>(c - '0');
        }
        setting = n;
    }
    std::cout << name << ": " << (setting ? (*setting ? std::to_string(*setting) : std::string("no limit")) : "auto")
              << '\n';
    return MetaStatus::Ok;
}
MetaStatus max_rows(Shell& shell, std::string_view args) {
    return table_limit(shell, args, shell.options().max_rows, "max_rows");
}
MetaStatus max_width(Shell& shell, std::string_view args) {
    return table_limit(shell, args, shell.options().max_width, "max_width");
}

// :begin, :commit, :rollback as cypher-shell has them: the statements themselves.
MetaStatus transaction(Shell& shell, const char* statement) {
    return shell.run_text(statement, "") ? MetaStatus::Ok : MetaStatus::Failed;
}
MetaStatus begin(Shell& shell, std::string_view) { return transaction(shell, "BEGIN"); }
MetaStatus commit(Shell& shell, std::string_view) { return transaction(shell, "COMMIT"); }
MetaStatus rollback(Shell& shell, std::string_view) { return transaction(shell, "ROLLBACK"); }

// ":save" checkpoints the database file (CHECKPOINT); ":save FILE" writes the graph as it is
// to a new database file, which `kgq FILE` then opens (for a graph that lives in memory).
MetaStatus save(Shell& shell, std::string_view args) {
    const std::string_view file = plain_argument(args);
    if (file.empty()) return transaction(shell, "CHECKPOINT");
    try {
        shell.database().save_as(std::string(file));
    } catch (const Exception& e) {
        std::cerr << e.error().to_string() << '\n';
        return MetaStatus::Failed;
    }
    std::cout << "Saved the graph to '" << file << "' (open it with: kgq " << file << ")\n";
    return MetaStatus::Ok;
}

MetaStatus params(Shell& shell, std::string_view) {
    if (shell.parameters().empty()) std::cout << "(no parameters)\n";
    for (const auto& [name, value] : shell.parameters()) std::cout << '$' << name << " = " << value.to_string() << '\n';
    return MetaStatus::Ok;
}

// ":param NAME VALUE", also "NAME=VALUE" and cypher-shell's "NAME => VALUE".
MetaStatus param(Shell& shell, std::string_view args) {
    args = trim(args);
    std::size_t end = 0;
    while (end < args.size() && !std::isspace(static_cast<unsigned char>(args[end])) && args[end] != '=') ++end;
    std::string name(args.substr(0, end));
    if (!name.empty() && name.front() == '$') name.erase(0, 1);
    std::string_view value = trim(args.substr(end));
    if (value.starts_with("=>")) value = trim(value.substr(2));
    else if (value.starts_with("=")) value = trim(value.substr(1));
    if (!is_parameter_name(name) || value.empty()) return usage("usage: :param NAME VALUE");
    shell.parameters()[name] = parse_parameter_value(value);
    return MetaStatus::Ok;
}

MetaStatus quit(Shell& shell, std::string_view) {
    shell.request_quit();
    return MetaStatus::Quit;
}

struct MetaCommand {
    std::string_view name;  // without the ':'
    std::string_view arguments;
    std::string_view help;
    MetaStatus (*handler)(Shell&, std::string_view arguments);
};

constexpr MetaCommand commands[] = {
    {"help", "", "show this help", help},
    {"schema", "", "entity and relation types with their properties and counts", schema},
    {"load", "FILE", "run a script (.kgq, .cypher) or import a STIX bundle (.json)", load},
    {"format", "table|csv|json", "how results are printed (no argument: show the current one)", format},
    {"timing", "on|off", "print how long each statement took", timing},
    {"max_rows", "N|auto", "rows a table shows, first and last halves (0: all; auto: 40 on a terminal)", max_rows},
    {"max_width", "N|auto", "columns a table may take (0: no limit; auto: the terminal's width)", max_width},
    {"timeout", "TIME", "stop a statement after TIME (30s, 500ms, 2m; 0: never; no argument: show it)", timeout},
    {"max_memory", "SIZE", "stop a statement that grows memory by SIZE (2GB; 0: never; no argument: show it)",
     max_memory},
    {"begin", "", "open a transaction: the statements until :commit or :rollback go together", begin},
    {"commit", "", "commit the open transaction", commit},
    {"rollback", "", "undo everything since :begin", rollback},
    {"save", "[FILE]", "checkpoint the database file; with FILE, write the graph to a new database file", save},
    {"params", "", "list the query parameters", params},
    {"param", "NAME VALUE", "set $NAME; VALUE is a Cypher literal (42, 'x', [1, 2]) or else text", param},
    {"quit", "", "leave kgq (also :exit or Ctrl-D)", quit},
    {"exit", "", "leave kgq", quit},
};

MetaStatus help(Shell&, std::string_view) {
    std::cout << "Statements end with ';' and may span lines; Ctrl-C clears the current input.\n"
                 "Commands (no ';' needed):\n";
    for (const auto& c : commands) {
        std::string usage = ":" + std::string(c.name) + (c.arguments.empty() ? "" : " " + std::string(c.arguments));
        std::cout << "  " << usage << std::string(usage.size() < 24 ? 24 - usage.size() : 1, ' ') << c.help << '\n';
    }
    return MetaStatus::Ok;
}

}  // namespace

bool is_meta_command(std::string_view line) {
    line = trim(line);
    return !line.empty() && line.front() == ':';
}

namespace {

// The command's name: the word after ':' (up to a blank or ';').
std::string_view command_name(std::string_view line, std::size_t& end) {
    line = trim(line);
    line.remove_prefix(1);
    end = 0;
    while (end < line.size() && !std::isspace(static_cast<unsigned char>(line[end])) && line[end] != ';') ++end;
    return line.substr(0, end);
}

}  // namespace

std::vector<std::string_view> meta_command_names() {
    std::vector<std::string_view> names;
    for (const auto& c : commands) names.push_back(c.name);
    return names;
}

bool is_known_meta_command(std::string_view line) {
    if (!is_meta_command(line)) return false;
    std::size_t end = 0;
    const std::string_view name = command_name(line, end);
    for (const auto& c : commands)
        if (c.name == name) return true;
    return false;
}

MetaStatus run_meta_command(Shell& shell, std::string_view line) {
    std::size_t end = 0;
    const std::string_view name = command_name(line, end);
    line = trim(line);
    line.remove_prefix(1);
    for (const auto& c : commands)
        if (c.name == name) return c.handler(shell, line.substr(end));
    return usage("unknown command ':" + std::string(name) + "' (:help lists the commands)");
}

}  // namespace kgq::repl
