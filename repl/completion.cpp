// repl/completion.cpp — the completer of completion.hpp over libedit's readline interface:
// rl_attempted_completion_function decides the context from the line before the word, the
// candidates come from the graph (db.labels(), db.relationshipTypes(), db.propertyKeys()),
// the meta commands or the file system, and a generator hands them to libedit one by one.
#include "completion.hpp"

#include "meta_commands.hpp"

#include <dirent.h>
#include <editline/readline.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace kgq::repl {
namespace {

Database* database = nullptr;
std::vector<std::string> candidates;  // for the generator: what matches the word
std::size_t next_candidate = 0;

constexpr const char* keywords[] = {
    "MATCH",    "OPTIONAL", "WHERE",    "RETURN",   "WITH",     "UNWIND",   "CREATE",       "MERGE",
    "SET",      "DELETE",   "DETACH",   "REMOVE",   "ORDER",    "BY",       "SKIP",         "LIMIT",
    "ASC",      "DESC",     "DISTINCT", "AS",       "AND",      "OR",       "XOR",          "NOT",
    "IN",       "IS",       "NULL",     "TRUE",     "FALSE",    "CASE",     "WHEN",         "THEN",
    "ELSE",     "END",      "UNION",    "ALL",      "CALL",     "YIELD",    "EXISTS",       "COUNT",
    "EXPLAIN",  "PROFILE",  "BEGIN",    "COMMIT",   "ROLLBACK", "COPY",     "CHECKPOINT",   "FROM",
    "IMPORT",   "EXPORT",   "STIX",     "STARTS",   "ENDS",     "CONTAINS", "ON",           "NODE",
    "RELATION", "TYPE",     "UNDER",    "ABSTRACT", "KEY",      "TO",       "shortestPath", "allShortestPaths",
};

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (prefix.size() > text.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

// One column of a procedure's rows, e.g. CALL db.labels() YIELD label.
std::vector<std::string> names_from(const char* query) {
    std::vector<std::string> out;
    if (!database) return out;
    Result r = database->execute(query);
    if (!r.ok()) return out;
    for (const auto& row : r.rows())
        if (!row.empty() && row[0].is_string()) out.push_back(row[0].as_string());
    return out;
}

// Names with characters outside [A-Za-z0-9_] need backquotes to be written in a query.
std::string as_identifier(const std::string& name) {
    const bool plain =
        !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
        std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
        });
    return plain ? name : "`" + name + "`";
}

void match(const std::vector<std::string>& names, std::string_view word, bool identifiers) {
    for (const auto& n : names)
        if (starts_with_ci(n, word)) candidates.push_back(identifiers ? as_identifier(n) : n);
}

// Files and folders whose name starts with the word; folders end in '/'.
void match_files(std::string_view word) {
    const std::string text(word);
    const auto slash = text.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : text.substr(0, slash);
    const std::string prefix = slash == std::string::npos ? "" : text.substr(0, slash + 1);
    const std::string stem = slash == std::string::npos ? text : text.substr(slash + 1);
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) return;
    while (dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name == "." || name == "..") continue;
        if (name.compare(0, stem.size(), stem) != 0) continue;
        if (stem.empty() && name[0] == '.') continue;  // hidden files only when asked for
        struct stat st {};
        const bool is_dir = ::stat((folder + "/" + name).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
        candidates.push_back(prefix + name + (is_dir ? "/" : ""));
    }
    ::closedir(dir);
    std::sort(candidates.begin(), candidates.end());
}

char* generate(const char*, int state) {
    if (state == 0) next_candidate = 0;
    if (next_candidate >= candidates.size()) return nullptr;
    return ::strdup(candidates[next_candidate++].c_str());
}

// Where the '...' or "..." string holding position `at` of the line opens (npos: none).
std::size_t string_start(std::string_view line, std::size_t at) {
    char quote = 0;
    std::size_t opened = std::string_view::npos;
    for (std::size_t i = 0; i < at && i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == '\\') ++i;
            else if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
            opened = i;
        }
    }
    return quote ? opened : std::string_view::npos;
}

char** complete(const char* text, int start, int end) {
    rl_attempted_completion_over = 1;  // never libedit's own file-name completion
    candidates.clear();
    const std::string_view line(rl_line_buffer ? rl_line_buffer : "");
    const std::string_view word(text);
    const auto at = static_cast<std::size_t>(start);
    rl_completion_append_character = ' ';
    if (const std::size_t quote = string_start(line, at); quote != std::string_view::npos) {
        // A path runs from the quote to the cursor; libedit's word is only its tail (after
        // the last '/' or '-'), so each match is handed over from that point on.
        const auto cursor = std::min(static_cast<std::size_t>(end), line.size());
        const std::string_view path = line.substr(quote + 1, cursor > quote ? cursor - quote - 1 : 0);
        match_files(path);
        const std::size_t skip = path.size() >= word.size() ? path.size() - word.size() : 0;
        for (auto& c : candidates) c = c.substr(std::min(skip, c.size()));
        rl_completion_append_character = '\0';  // a folder goes on with a name, a file with its quote
        return candidates.empty() ? nullptr : rl_completion_matches(text, generate);
    }
    // What comes right before the word, blanks skipped.
    std::size_t p = at;
    while (p > 0 && (line[p - 1] == ' ' || line[p - 1] == '\t')) --p;
    const char before = p > 0 ? line[p - 1] : '\0';
    if (before == ':' && p == 1) {
        for (auto name : meta_command_names())
            if (starts_with_ci(name, word)) candidates.emplace_back(name);
    } else if (before == ':' || before == '|') {
        // A label in (x:L), or a type in [r:T] / [:T|U]: the nearest open bracket says which.
        std::size_t q = p - 1;
        while (q > 0 && line[q - 1] != '(' && line[q - 1] != '[' && line[q - 1] != ')' && line[q - 1] != ']') --q;
        const bool relationship = q > 0 && line[q - 1] == '[';
        if (relationship)
            match(names_from("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType"), word, true);
        else match(names_from("CALL db.labels() YIELD label RETURN label"), word, true);
    } else if (before == '.' || before == '{' || before == ',') {
        // x.key, {key: ...}, {a: 1, key: ...}: property keys (after ',' only inside braces).
        const std::string_view left = line.substr(0, p);
        const std::size_t open = left.rfind('{'), close = left.rfind('}');
        const bool in_braces = open != std::string_view::npos && (close == std::string_view::npos || open > close);
        if (before != ',' || in_braces)
            match(names_from("CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey"), word, true);
    } else {
        const bool lower = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
            return !std::isupper(static_cast<unsigned char>(c));
        });
        for (const char* k : keywords) {
            if (!starts_with_ci(k, word)) continue;
            std::string keyword = k;
            if (lower && std::all_of(keyword.begin(), keyword.end(),
                                     [](char c) { return !std::islower(static_cast<unsigned char>(c)); }))
                for (char& c : keyword) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            candidates.push_back(keyword);
        }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    return candidates.empty() ? nullptr : rl_completion_matches(text, generate);
}

}  // namespace

void install_completion(Database& db) {
    database = &db;
    rl_attempted_completion_function = complete;
    // Words break at these, so `(x:Camp`, `[:USE`, `x.na`, `'graphs/un` complete the part after.
    static char breaks[] = " \t\n\"'`@$><=;|&{}()[]:.,+-*/%^!";
    rl_completer_word_break_characters = breaks;
    rl_basic_word_break_characters = breaks;  // the one libedit's completer reads
}

}  // namespace kgq::repl
