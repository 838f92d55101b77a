// repl/parameters.cpp — typing of command-line parameters: the text is evaluated as
// `RETURN <text>` on a scratch kgq::Database, so the REPL needs no literal parser of its own.
// Callers: main.cpp (--param), meta_commands.cpp (:param).
#include "parameters.hpp"

#include "kgq/database.hpp"

#include <cctype>

namespace kgq::repl {
namespace {

// Literals only: `2024-01-15` or `10/2` would evaluate as arithmetic, but a user passing
// them means the text. Reject binary operators and ';' outside quotes (a leading '-' is a sign,
// 'e-' inside a number an exponent).
bool looks_like_literal(std::string_view text) {
    char quote = 0;
    char previous = 0;  // last non-space character outside quotes
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quote) {
            if (c == '\\') ++i;
            else if (c == quote) {
                quote = 0;
                previous = c;
            }
            continue;
        }
        if (c == '\'' || c == '"' || c == '`') {
            quote = c;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c))) continue;
        if (c == ';') return false;
        bool operand_before = std::isalnum(static_cast<unsigned char>(previous)) || previous == ')' ||
                              previous == ']' || previous == '}' || previous == '\'' || previous == '"';
        bool exponent = (c == '-' || c == '+') && (previous == 'e' || previous == 'E') && i >= 2 &&
                        std::isdigit(static_cast<unsigned char>(text[i - 2]));
        if (std::string_view("+-*/%^=<>").find(c) != std::string_view::npos && operand_before && !exponent)
            return false;
        previous = c;
    }
    return quote == 0;
}

}  // namespace

bool is_parameter_name(std::string_view name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    return true;
}

std::optional<std::pair<std::string, std::string>> split_parameter_assignment(std::string_view text) {
    std::size_t eq = text.find('=');
    if (eq == std::string_view::npos || !is_parameter_name(text.substr(0, eq))) return std::nullopt;
    return std::pair{std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

Value parse_parameter_value(std::string_view text) {
    std::string_view trimmed = text;
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) trimmed.remove_prefix(1);
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.remove_suffix(1);
    if (trimmed.empty() || !looks_like_literal(trimmed)) return Value(std::string(text));
    static Database scratch;  // holds no data: only evaluates expressions
    Result result = scratch.execute("RETURN " + std::string(trimmed));
    if (!result.ok() || result.columns().size() != 1 || result.row_count() != 1) return Value(std::string(text));
    return result.at(0, 0);
}

}  // namespace kgq::repl
