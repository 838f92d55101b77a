// engine/main/copy_statement.cpp — COPY Name FROM 'file.csv' (DELIM '|', HEADER true, ...):
// the language's door to the CSV bulk import (engine/import/csv_importer.hpp). Evaluates the
// constant options, resolves the path against the script's folder, and runs the import inside
// the statement Database::run opened, so a failed load leaves nothing behind.
#include "main/statement_extensions.hpp"

#include "import/csv_importer.hpp"
#include "parser.hpp"

#include <boost/variant/apply_visitor.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>

namespace kgq {
namespace {

[[noreturn]] void fail_at(std::string_view text, const ast::Located& at, ErrorKind kind, std::string message) {
    Error e;
    e.kind = kind;
    e.code = kind == ErrorKind::Semantic ? "SemanticError" : "ArgumentError";
    e.detail = "InvalidCopyOption";
    e.message = std::move(message);
    auto lc = grammar::line_column(text, at.begin);
    e.line = lc.line;
    e.column = lc.column;
    e.offset = at.begin;
    e.length = at.end - at.begin;
    throw Exception(std::move(e));
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// Option values are constants: literals or parameters; nothing here needs the evaluator.
Value option_value(const ast::CopyOption& option, std::string_view text, const Parameters& params) {
    return boost::apply_visitor(
        [&](const auto& e) -> Value {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, ast::StringLiteral>) {
                return Value(e.value);
            } else if constexpr (std::is_same_v<E, ast::BoolLiteral>) {
                return Value(e.value);
            } else if constexpr (std::is_same_v<E, ast::NullLiteral>) {
                return Value();
            } else if constexpr (std::is_same_v<E, ast::IntLiteral>) {
                try {
                    return Value(static_cast<std::int64_t>(std::stoll(e.text, nullptr, 0)));
                } catch (const std::exception&) {
                    fail_at(text, option, ErrorKind::Semantic, "COPY option " + option.name + ": integer out of range");
                }
            } else if constexpr (std::is_same_v<E, ast::Parameter>) {
                auto it = params.find(e.name);
                if (it == params.end()) {
                    fail_at(text, option, ErrorKind::Semantic,
                            "COPY option " + option.name + ": missing parameter $" + e.name);
                }
                return it->second;
            } else {
                fail_at(text, option, ErrorKind::Semantic,
                        "COPY option " + option.name + " takes a literal or a parameter");
            }
        },
        option.value);
}

char single_char(const ast::CopyOption& option, const Value& v, std::string_view text) {
    if (!v.is_string() || v.as_string().size() != 1) {
        fail_at(text, option, ErrorKind::Semantic,
                "COPY option " + upper(option.name) + " takes a one-character string");
    }
    return v.as_string()[0];
}

import::CsvImportOptions import_options(const ast::CopyFrom& s, std::string_view text,
                                        const Parameters& params){import::CsvImportOptions o;
for (const auto& option : s.options) {
    std::string name = upper(option.name);
    Value v = option_value(option, text, params);
    if (name == "DELIM" || name == "DELIMITER") {
        o.delimiter = single_char(option, v, text);
    } else if (name == "ARRAY_DELIM" || name == "ARRAY_DELIMITER") {
        o.array_delimiter = single_char(option, v, text);
    } else if (name == "QUOTE") {
        o.quote = single_char(option, v, text);
    } else if (name == "HEADER" || name == "PROGRESS") {
        if (!v.is_bool()) fail_at(text, option, ErrorKind::Semantic, "COPY option " + name + " takes true or false");
        (name == "HEADER" ? o.header : o.progress) = v.as_bool();
    } else if (name == "START_ID" || name == "END_ID") {
        if (!v.is_string() || v.as_string().empty()) {
            fail_at(text, option, ErrorKind::Semantic, "COPY option " + name + " takes a label name");
        }
        (name == "START_ID" ? o.start_id_space : o.end_id_space) = v.as_string();
    } else if (name == "ID_TYPE") {
        std::optional<catalog::LogicalType> type;
        if (v.is_string()) type = catalog::LogicalType::parse(upper(v.as_string()));
        if (!type || (type->kind != catalog::TypeKind::Int && type->kind != catalog::TypeKind::String)) {
            fail_at(text, option, ErrorKind::Semantic, "COPY option ID_TYPE takes 'INT' or 'STRING'");
        }
        o.id_type = *type;
    } else {
        fail_at(text, option, ErrorKind::Semantic,
                "Unknown COPY option " + option.name +
                    " (known: DELIM, HEADER, ARRAY_DELIM, QUOTE, START_ID, END_ID, ID_TYPE, PROGRESS)");
    }
}
if (o.array_delimiter == o.delimiter) {
    fail_at(text, s, ErrorKind::Semantic, "COPY: ARRAY_DELIM must differ from DELIM");
}
return o;
}  // namespace

}  // namespace kgq

Result run_extension_statement(storage::GraphStore& store, const ast::CopyFrom& s, std::string_view text,
                               const Parameters& params, const ExecuteOptions& options) {
    auto started = std::chrono::steady_clock::now();
    import::CsvImportOptions o = import_options(s, text, params);
    // Relative paths are relative to the script that holds the statement.
    std::filesystem::path path(s.path.value);
    if (path.is_relative() && !options.source_name.empty()) {
        path = std::filesystem::path(options.source_name).parent_path() / path;
    }
    import::CsvImportStats stats;
    try {
        stats = import::import_csv(store, s.table, path, o);
    } catch (Exception& ex) {
        // The message names the file position; the statement's position is where to look in the script.
        if (ex.error().line == 0) {
            auto lc = grammar::line_column(text, s.begin);
            ex.error().line = lc.line;
            ex.error().column = lc.column;
            ex.error().offset = s.begin;
            ex.error().length = s.end - s.begin;
        }
        throw;
    }
    Result result;
    result.mutable_stats().nodes_created = static_cast<std::int64_t>(stats.nodes_created);
    result.mutable_stats().relationships_created = static_cast<std::int64_t>(stats.relationships_created);
    result.mutable_stats().properties_set = static_cast<std::int64_t>(stats.properties_set);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    char timing[32];
    std::snprintf(timing, sizeof timing, "%.1f ms", ms);
    std::string what = stats.relationships ? std::to_string(stats.relationships_created) + " relationships"
                                           : std::to_string(stats.nodes_created) + " nodes";
    result.set_message("COPY " + s.table + ": " + what + " from " + path.filename().string() + " in " + timing);
    return result;
}

}  // namespace kgq
