// repl/result_printer.cpp — the table (DuckDB/Kùzu-style box), CSV (RFC 4180) and JSON Lines
// writers for query results, and the Neo4j-style summary of what a statement changed.
// Callers: shell.cpp for every result, meta_commands.cpp for :format.
#include "result_printer.hpp"

#include "text_width.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

namespace kgq::repl {
namespace {

// Table cells longer than this are cut with "…" so one big value cannot wreck the layout;
// CSV and JSON are for programs and always carry the full value.
constexpr std::size_t max_cell_width = 60;

// Control characters would break the row apart; show them escaped instead.
std::string escape_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) out += ' ';
                else out += c;
        }
    }
    return out;
}

std::string repeat(std::string_view piece, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += piece;
    return out;
}

std::string rule(const std::vector<std::size_t>& widths, std::string_view left, std::string_view mid,
                 std::string_view right) {
    std::string out(left);
    for (std::size_t i = 0; i < widths.size(); ++i) {
        if (i) out += mid;
        out += repeat("─", widths[i] + 2);
    }
    return out += right;
}

std::string pad(const std::string& text, std::size_t width, bool right_align) {
    std::string fill(width - std::min(width, display_width(text)), ' ');
    return right_align ? fill + text : text + fill;
}

// Narrowest a shrunk column gets before columns are left out instead.
constexpr std::size_t min_column_width = 6;

// Fits the columns' widths into max_width (borders and padding included: 3 a column, plus
// 1): the widest columns give way first, down to min_column_width; then columns are left
// out from the right, a "…" column standing for them. Returns how many columns are shown.
std::size_t fit_widths(std::vector<std::size_t>& widths, std::size_t max_width) {
    auto total = [&](std::size_t shown, bool ellipsis) {
        std::size_t sum = 1;
        for (std::size_t i = 0; i < shown; ++i) sum += widths[i] + 3;
        return sum + (ellipsis ? 4 : 0);
    };
    if (max_width == 0 || total(widths.size(), false) <= max_width) return widths.size();
    while (total(widths.size(), false) > max_width) {
        auto widest = std::max_element(widths.begin(), widths.end());
        if (*widest <= min_column_width) break;
        --*widest;
    }
    std::size_t shown = widths.size();
    while (shown > 1 && total(shown, shown < widths.size()) > max_width) --shown;
    return shown;
}

void print_table(std::ostream& out, const Result& result, const TableLimits& limits) {
    const auto& columns = result.columns();
    const std::size_t cap = limits.max_width ? limits.max_width : max_cell_width;
    // Which rows: all, or the first and last halves of max_rows with a "…" row between.
    const std::size_t n = result.row_count();
    std::vector<std::size_t> rows;
    const bool elided = limits.max_rows > 0 && n > limits.max_rows;
    const std::size_t head = elided ? (limits.max_rows + 1) / 2 : n;
    const std::size_t tail = elided ? limits.max_rows / 2 : 0;
    for (std::size_t r = 0; r < head; ++r) rows.push_back(r);
    for (std::size_t r = n - tail; r < n && elided; ++r) rows.push_back(r);

    std::vector<std::size_t> widths;
    for (const auto& c : columns) widths.push_back(display_width(truncate_to_width(escape_controls(c), cap)));
    std::vector<std::vector<std::string>> cells;
    std::vector<std::vector<bool>> numeric;
    for (std::size_t r : rows) {
        const auto& row = result.rows()[r];
        auto& texts = cells.emplace_back();
        auto& nums = numeric.emplace_back();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const Value& v = i < row.size() ? row[i] : Value{};
            texts.push_back(truncate_to_width(escape_controls(cell_text(v)), cap));
            nums.push_back(v.is_number());  // numbers right-aligned, as DuckDB does
            widths[i] = std::max(widths[i], display_width(texts.back()));
        }
    }
    const std::size_t shown = fit_widths(widths, limits.max_width);
    const bool cut = shown < columns.size();
    std::vector<std::size_t> frame(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(shown));
    if (cut) frame.push_back(1);
    auto line = [&](const std::vector<std::string>& texts, const std::vector<bool>* right) {
        out << "│";
        for (std::size_t i = 0; i < shown; ++i)
            out << ' ' << pad(truncate_to_width(texts[i], widths[i]), widths[i], right && (*right)[i]) << " │";
        if (cut) out << " … │";
        out << '\n';
    };
    out << rule(frame, "┌", "┬", "┐") << '\n';
    std::vector<std::string> header;
    for (const auto& c : columns) header.push_back(escape_controls(c));
    line(header, nullptr);
    out << rule(frame, "├", "┼", "┤") << '\n';
    for (std::size_t k = 0; k < cells.size(); ++k) {
        if (elided && k == head) line(std::vector<std::string>(columns.size(), "…"), nullptr);
        line(cells[k], &numeric[k]);
    }
    out << rule(frame, "└", "┴", "┘") << '\n';
    out << '(' << n << (n == 1 ? " row" : " rows");
    if (elided) out << ", " << head + tail << " shown";
    if (cut) out << ", " << shown << " of " << columns.size() << " columns shown";
    out << ")\n";
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out += '"';
}

void print_csv(std::ostream& out, const Result& result) {
    const auto& columns = result.columns();
    for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << csv_field(columns[i]);
    out << '\n';
    for (const auto& row : result.rows()) {
        for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(row[i].to_display());
        out << '\n';
    }
}

using Json = nlohmann::ordered_json;

Json to_json(const Value& v);

Json properties_json(Json object, const Map& properties) {
    for (const auto& [key, value] : properties)
        if (!object.contains(key)) object[key] = to_json(value);  // _id, _labels, ... win
    return object;
}

Json node_json(const Node& n) { return properties_json(Json{{"_id", n.id}, {"_labels", n.labels}}, n.properties); }

Json relationship_json(const Relationship& r) {
    return properties_json(Json{{"_id", r.id}, {"_type", r.type}, {"_start", r.start}, {"_end", r.end}}, r.properties);
}

Json to_json(const Value& v) {
    switch (v.kind()) {
        case ValueKind::Null: return nullptr;
        case ValueKind::Bool: return v.as_bool();
        case ValueKind::Int: return v.as_int();
        // JSON has no NaN or infinities; keep them readable rather than turning them into null.
        case ValueKind::Float: return std::isfinite(v.as_float()) ? Json(v.as_float()) : Json(v.to_string());
        case ValueKind::String: return v.as_string();
        case ValueKind::List: {
            Json array = Json::array();
            for (const auto& item : v.as_list()) array.push_back(to_json(item));
            return array;
        }
        case ValueKind::Map: return properties_json(Json::object(), v.as_map());
        case ValueKind::Node: return node_json(v.as_node());
        case ValueKind::Relationship: return relationship_json(v.as_relationship());
        case ValueKind::Path: {
            Json nodes = Json::array(), relationships = Json::array();
            for (const auto& n : v.as_path().nodes) nodes.push_back(node_json(n));
            for (const auto& r : v.as_path().relationships) relationships.push_back(relationship_json(r));
            return Json{{"_nodes", nodes}, {"_relationships", relationships}};
        }
        default: return v.to_display();  // temporals: ISO 8601 text
    }
}

void print_json_lines(std::ostream& out, const Result& result) {
    const auto& columns = result.columns();
    for (const auto& row : result.rows()) {
        Json object = Json::object();
        for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) object[columns[i]] = to_json(row[i]);
        out << object.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    }
}

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "table") return OutputFormat::Table;
    if (name == "csv") return OutputFormat::Csv;
    if (name == "json") return OutputFormat::Json;
    return std::nullopt;
}

const char* output_format_name(OutputFormat format) {
    switch (format) {
        case OutputFormat::Table: return "table";
        case OutputFormat::Csv: return "csv";
        case OutputFormat::Json: return "json";
    }
    return "?";
}

std::string cell_text(const Value& value) {
    if (value.is_string() || value.is_temporal()) return value.to_display();
    return value.to_string();
}

void print_rows(std::ostream& out, const Result& result, OutputFormat format, const TableLimits& limits) {
    switch (format) {
        case OutputFormat::Table: print_table(out, result, limits); break;
        case OutputFormat::Csv: print_csv(out, result); break;
        case OutputFormat::Json: print_json_lines(out, result); break;
    }
}

std::string write_summary(const WriteStats& s) {
    std::string out;
    auto add = [&](std::int64_t n, const char* verb, const char* one, const char* many) {
        if (n == 0) return;
        out += out.empty() ? "" : ", ";
        out += verb + (" " + std::to_string(n)) + " " + (n == 1 ? one : many);
    };
    // Neo4j's order and words, with the changes to graph elements first.
    add(s.nodes_created, "created", "node", "nodes");
    add(s.nodes_deleted, "deleted", "node", "nodes");
    add(s.properties_set, "set", "property", "properties");
    add(s.properties_removed, "removed", "property", "properties");
    add(s.relationships_created, "created", "relationship", "relationships");
    add(s.relationships_deleted, "deleted", "relationship", "relationships");
    add(s.labels_added, "added", "label", "labels");
    add(s.labels_removed, "removed", "label", "labels");
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

void print_error_json(std::ostream& out, const Error& error, const std::string& source, std::uint32_t line,
                      std::uint32_t column) {
    Json body;
    body["kind"] = error_kind_name(error.kind);
    body["code"] = error.code;
    if (!error.detail.empty()) body["detail"] = error.detail;
    body["message"] = error.message;
    if (!source.empty()) body["source"] = source;
    if (line) body["line"] = line;
    if (column) body["column"] = column;
    out << Json{{"error", body}}.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace kgq::repl
