// engine/executor/write_checks.hpp — the schema's guarantees on every write. Strict mode:
// declared, non-abstract types, declared properties of the right type, KEYs present,
// relations between declared endpoints. Open mode: types come into being on first use and
// only storable values (no maps, nodes or mixed lists) become properties. Used by the write
// operators; failures are kgq::Exceptions that roll the statement back.
#pragma once

#include "executor/execution_context.hpp"

#include <string>
#include <vector>

namespace kgq::executor {

struct SourceSpan {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
};

storage::LabelSet labels_for_new_node(ExecutionContext& ctx, const std::vector<std::vector<std::string>>& labels,
                                      SourceSpan at);

// The property key and the value as stored (INT widened to FLOAT where declared so).
std::pair<storage::PropertyKeyId, Value> checked_node_property(ExecutionContext& ctx, const storage::LabelSet& labels,
                                                               const std::string& key, Value value, SourceSpan at);
// Strict mode: every KEY of the node's type must be given.
void check_keys_present(ExecutionContext& ctx, const storage::LabelSet& labels,
                        const std::vector<std::pair<storage::PropertyKeyId, Value>>& properties, SourceSpan at);

catalog::TypeId relation_type_for_new_relationship(ExecutionContext& ctx, const std::string& name, storage::NodeId from,
                                                   storage::NodeId to, SourceSpan at);
std::pair<storage::PropertyKeyId, Value> checked_rel_property(ExecutionContext& ctx, catalog::TypeId type,
                                                              const std::string& key, Value value, SourceSpan at);

// Labels added to an existing node (SET n:Label).
catalog::TypeId label_for_existing_node(ExecutionContext& ctx, storage::NodeId node, const std::string& label,
                                        SourceSpan at);

}  // namespace kgq::executor
