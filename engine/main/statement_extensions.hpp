// engine/main/statement_extensions.hpp — kgq's statements beyond Cypher that move data in
// and out: COPY (CSV bulk import), IMPORT STIX and EXPORT STIX. Dispatches to engine/import/.
#pragma once

#include "ast.hpp"
#include "kgq/database.hpp"
#include "storage/graph_store.hpp"

namespace kgq {

Result run_extension_statement(storage::GraphStore& store, const ast::CopyFrom& s, std::string_view text,
                               const Parameters& params, const ExecuteOptions& options);
Result run_extension_statement(storage::GraphStore& store, const ast::ImportStix& s, std::string_view text,
                               const Parameters& params, const ExecuteOptions& options);
// EXPORT STIX: `rows`, when given, are the result of the statement's FROM query: the nodes,
// relationships and paths in them (and the endpoints of those relationships) are exported.
Result run_extension_statement(storage::GraphStore& store, const ast::ExportStix& s, std::string_view text,
                               const Parameters& params, const ExecuteOptions& options,
                               const std::vector<std::vector<Value>>* rows = nullptr);

}  // namespace kgq
