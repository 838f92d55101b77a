// engine/import/csv_header.cpp — see csv_header.hpp. The type names are Neo4j's
// (neo4j-admin import): int/long/short/byte, float/double, boolean, string/char and the
// temporal types; `[]` makes an array split on the array delimiter.
#include "import/csv_header.hpp"

#include <algorithm>
#include <cctype>

namespace kgq::import {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "ID(Person)" -> role Id, space "Person"; false when `spec` is no ID-like role.
bool parse_id_role(std::string_view spec, std::string_view word, std::string& space) {
    std::string l = lower(spec);
    if (!l.starts_with(word)) return false;
    std::string_view rest = spec.substr(word.size());
    if (rest.empty()) {
        space.clear();
        return true;
    }
    if (rest.front() != '(' || rest.back() != ')') return false;
    space = std::string(rest.substr(1, rest.size() - 2));
    return true;
}

}  // namespace

std::optional<catalog::TypeKind> csv_type_kind(std::string_view name) {
    using catalog::TypeKind;
    std::string l = lower(name);
    if (l == "int" || l == "long" || l == "short" || l == "byte" || l == "integer" || l == "int64")
        return TypeKind::Int;
    if (l == "float" || l == "double") return TypeKind::Float;
    if (l == "boolean" || l == "bool") return TypeKind::Bool;
    if (l == "string" || l == "char") return TypeKind::String;
    if (l == "date") return TypeKind::Date;
    if (l == "localtime") return TypeKind::LocalTime;
    if (l == "time") return TypeKind::Time;
    if (l == "localdatetime") return TypeKind::LocalDateTime;
    if (l == "datetime") return TypeKind::DateTime;
    if (l == "duration") return TypeKind::Duration;
    return std::nullopt;
}

CsvHeader parse_csv_header(const std::vector<CsvField>& fields, const std::string& file) {
    CsvHeader header;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const CsvField& f = fields[i];
        auto fail = [&](const std::string& message) { throw_csv_error(file, f.line, f.column, message); };
        CsvColumn col;
        col.column = f.column;
        std::string_view text = f.text;
        // name:spec, split at the last ':' outside parentheses (ID spaces may hold anything).
        std::size_t colon = std::string_view::npos;
        int depth = 0;
        for (std::size_t k = 0; k < text.size(); ++k) {
            if (text[k] == '(') ++depth;
            else if (text[k] == ')') depth = std::max(0, depth - 1);
            else if (text[k] == ':' && depth == 0) colon = k;
        }
        std::string_view name = colon == std::string_view::npos ? text : text.substr(0, colon);
        std::string_view spec = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
        col.name = std::string(name);
        std::string space;
        std::string lspec = lower(spec);
        auto claim = [&](int& slot, const char* what) {
            if (slot >= 0) fail(std::string("a second ") + what + " column");
            slot = static_cast<int>(i);
        };
        if (colon == std::string_view::npos) {
            if (name.empty()) fail("empty column name");
        } else if (parse_id_role(spec, "start_id", space)) {
            col.role = ColumnRole::StartId;
            col.id_space = space;
            claim(header.start_id, ":START_ID");
        } else if (parse_id_role(spec, "end_id", space)) {
            col.role = ColumnRole::EndId;
            col.id_space = space;
            claim(header.end_id, ":END_ID");
        } else if (parse_id_role(spec, "id", space)) {
            col.role = ColumnRole::Id;
            col.id_space = space;
            claim(header.id, ":ID");
        } else if (lspec == "label") {
            col.role = ColumnRole::Label;
            claim(header.label, ":LABEL");
        } else if (lspec == "type") {
            col.role = ColumnRole::Type;
            claim(header.type, ":TYPE");
        } else if (lspec == "ignore") {
            col.role = ColumnRole::Ignore;
        } else {
            bool array = lspec.ends_with("[]");
            auto kind = csv_type_kind(array ? std::string_view(spec).substr(0, spec.size() - 2) : spec);
            if (!kind) fail("unknown column type '" + std::string(spec) + "' in '" + std::string(text) + "'");
            if (name.empty()) fail("column '" + std::string(text) + "' has no property name");
            col.type = array ? catalog::LogicalType::list_of(*kind) : catalog::LogicalType::of(*kind);
        }
        // Role columns carry no property, except :ID whose name (if any) is the property.
        if (col.role != ColumnRole::Property && col.role != ColumnRole::Id && col.role != ColumnRole::Ignore) {
            col.name.clear();
        }
        header.columns.push_back(std::move(col));
    }
    if (header.relationships()) {
        const CsvField& first = fields.front();
        if (header.start_id < 0 || header.end_id < 0) {
            throw_csv_error(file, first.line, first.column,
                            "a relationship file needs both :START_ID and :END_ID columns");
        }
        if (header.id >= 0 || header.label >= 0) {
            const CsvField& f = fields[header.id >= 0 ? header.id : header.label];
            throw_csv_error(file, f.line, f.column, "a relationship file cannot have :ID or :LABEL columns");
        }
    } else if (header.type >= 0) {
        const CsvField& f = fields[header.type];
        throw_csv_error(file, f.line, f.column, "a :TYPE column needs :START_ID and :END_ID columns");
    }
    return header;
}

}  // namespace kgq::import
