// engine/main/schema_statements.hpp — the schema language: CREATE NODE TYPE and CREATE
// RELATION TYPE applied to the catalog, and Database::schema()'s description of it.
#pragma once

#include "ast.hpp"
#include "kgq/result.hpp"
#include "kgq/schema_info.hpp"
#include "storage/graph_store.hpp"

namespace kgq {

Result apply_schema_statement(catalog::Catalog& catalog, storage::GraphStore& store, const ast::CreateNodeType& s,
                              std::string_view text);
Result apply_schema_statement(catalog::Catalog& catalog, storage::GraphStore& store, const ast::CreateRelationType& s,
                              std::string_view text);
SchemaInfo describe_schema(const catalog::Catalog& catalog, const storage::GraphStore& store);

}  // namespace kgq
