// engine/main/stix_statements.cpp — IMPORT STIX 'file' and EXPORT STIX 'file': resolve the
// path, run engine/import's StixImporter / StixExporter, and turn their reports into a Result
// (a summary message, WriteStats and warnings); see statement_extensions.hpp.
// Relative paths resolve against the folder of the running script (ExecuteOptions::source_name)
// when the file is there, else against the current directory.
#include "main/statement_extensions.hpp"

#include "import/stix_exporter.hpp"
#include "import/stix_importer.hpp"
#include "parser.hpp"

#include <filesystem>

namespace kgq {
namespace {

namespace fs = std::filesystem;

std::string resolve_path(const std::string& path, const ExecuteOptions& options, bool must_exist) {
    const fs::path p(path);
    if (p.is_absolute() || options.source_name.empty()) return path;
    const fs::path script_dir = fs::path(options.source_name).parent_path();
    if (script_dir.empty()) return path;
    const fs::path beside = script_dir / p;
    std::error_code ec;
    if (must_exist ? fs::exists(beside, ec) : fs::is_directory(beside.parent_path(), ec)) return beside.string();
    return path;
}

// File errors point at the path in the statement; errors inside the bundle name the bundle.
Exception located(Exception ex, std::string_view text, const ast::Located& at) {
    Error& e = ex.error();
    if (e.source.empty() && e.line == 0) {
        auto lc = grammar::line_column(text, at.begin);
        e.line = lc.line;
        e.column = lc.column;
        e.offset = at.begin;
        e.length = at.end - at.begin;
    }
    return ex;
}

}  // namespace

Result run_extension_statement(storage::GraphStore& store, const ast::ImportStix& s, std::string_view text,
                               const Parameters&, const ExecuteOptions& options) {
    import::StixImportReport report;
    try {
        import::StixImporter importer(store);
        report = importer.import_file(resolve_path(s.path.value, options, true), s.path.value);
    } catch (const Exception& ex) {
        throw located(ex, text, s.path);
    }
    Result result;
    result.set_message(report.summary());
    result.mutable_stats() = report.stats;
    result.mutable_warnings() = std::move(report.warnings);
    return result;
}

namespace {

// The graph elements a query result holds, for EXPORT STIX ... FROM.
void select_elements(const storage::GraphStore& store, const Value& v, import::StixExporter::Selection& sel) {
    auto node = [&](std::uint64_t id) {
        if (id < sel.nodes.size()) sel.nodes[id] = true;
    };
    auto rel = [&](std::uint64_t id) {
        if (id >= sel.relationships.size() || !store.rel_alive(id)) return;
        sel.relationships[id] = true;
        node(store.rel_source(id));  // a relationship's endpoints come with it
        node(store.rel_target(id));
    };
    switch (v.kind()) {
        case ValueKind::Node: node(v.as_node().id); break;
        case ValueKind::Relationship: rel(v.as_relationship().id); break;
        case ValueKind::Path:
            for (const auto& n : v.as_path().nodes) node(n.id);
            for (const auto& r : v.as_path().relationships) rel(r.id);
            break;
        case ValueKind::List:
            for (const auto& e : v.as_list()) select_elements(store, e, sel);
            break;
        case ValueKind::Map:
            for (const auto& [k, e] : v.as_map()) select_elements(store, e, sel);
            break;
        default: break;
    }
}

}  // namespace

Result run_extension_statement(storage::GraphStore& store, const ast::ExportStix& s, std::string_view text,
                               const Parameters&, const ExecuteOptions& options,
                               const std::vector<std::vector<Value>>* rows) {
    import::StixExportReport report;
    import::StixExporter::Selection selection;
    if (rows) {
        selection.nodes.assign(store.node_capacity(), false);
        selection.relationships.assign(store.rel_capacity(), false);
        for (const auto& row : *rows) {
            for (const auto& v : row) select_elements(store, v, selection);
        }
        // An empty result exports an empty bundle, not the whole graph.
        if (selection.nodes.empty()) selection.nodes.assign(1, false);
    }
    try {
        report =
            import::StixExporter(store).write_file(resolve_path(s.path.value, options, false), s.path.value, selection);
    } catch (const Exception& ex) {
        throw located(ex, text, s.path);
    }
    Result result;
    result.set_message(report.summary(s.path.value));
    return result;
}

}  // namespace kgq
