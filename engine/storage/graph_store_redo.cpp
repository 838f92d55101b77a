// engine/storage/graph_store_redo.cpp — the redo of a statement: each write encoded as it
// is made (op byte, ids, values), and its replay through the same writes. Replaying onto the
// store the redo was recorded against gives the same ids, because ids are dense and a
// rolled-back write gives its ids back (graph_store_undo.cpp).
// Stage: storage. Callers: GraphStore's writes (graph_store.cpp), engine/persist's log.
#include "catalog/schema_error.hpp"
#include "storage/graph_store_impl.hpp"
#include "value/binary_codec.hpp"

namespace kgq::storage {

namespace {

void put_properties(value::BinaryWriter& out, const undo::PropertyList& properties) {
    out.varint(properties.size());
    for (const auto& [key, value] : properties) {
        out.varint(key);
        out.value(value);
    }
}

}  // namespace

void GraphStore::enable_redo(std::size_t limit) {
    impl_->redo.enabled = true;
    impl_->redo.limit = limit;
}

const std::string& GraphStore::redo() const { return impl_->redo.bytes; }
bool GraphStore::redo_overflowed() const { return impl_->redo.overflowed; }

// Past the limit the bytes are given back: the commit will write a snapshot.
static void check_limit(RedoLog& redo) {
    if (redo.bytes.size() <= redo.limit) return;
    redo.overflowed = true;
    std::string().swap(redo.bytes);
}

void GraphStore::Impl::redo_create_node(NodeId id, const LabelSet& labels, const undo::PropertyList& properties) {
    value::BinaryWriter out(redo.bytes);
    out.u8(static_cast<std::uint8_t>(RedoOp::CreateNode));
    out.varint(id);
    out.varint(labels.size());
    for (TypeId label : labels) out.varint(label);
    put_properties(out, properties);
    check_limit(redo);
}

void GraphStore::Impl::redo_create_relationship(RelId id, TypeId type, NodeId source, NodeId target,
                                                const undo::PropertyList& properties) {
    value::BinaryWriter out(redo.bytes);
    out.u8(static_cast<std::uint8_t>(RedoOp::CreateRelationship));
    out.varint(id);
    out.varint(type);
    out.varint(source);
    out.varint(target);
    put_properties(out, properties);
    check_limit(redo);
}

void GraphStore::Impl::redo_element(RedoOp op, std::uint64_t id, std::uint32_t label) {
    value::BinaryWriter out(redo.bytes);
    out.u8(static_cast<std::uint8_t>(op));
    out.varint(id);
    if (op == RedoOp::AddLabel || op == RedoOp::RemoveLabel) out.varint(label);
    check_limit(redo);
}

void GraphStore::Impl::redo_property(RedoOp op, std::uint64_t id, PropertyKeyId key, const Value& value) {
    value::BinaryWriter out(redo.bytes);
    out.u8(static_cast<std::uint8_t>(op));
    out.varint(id);
    out.varint(key);
    out.value(value);
    check_limit(redo);
}

// Every id is checked before it is used: a redo that does not fit this store is an error,
// never an out-of-range access.
void GraphStore::replay(value::BinaryReader& in) {
    auto& impl = *impl_;
    auto node = [&] {
        const std::uint64_t id = in.varint();
        if (!node_alive(id)) in.fail("the log names node " + std::to_string(id) + ", which does not exist");
        return static_cast<NodeId>(id);
    };
    auto rel = [&] {
        const std::uint64_t id = in.varint();
        if (!rel_alive(id)) in.fail("the log names relationship " + std::to_string(id) + ", which does not exist");
        return static_cast<RelId>(id);
    };
    auto label = [&] {
        const std::uint64_t id = in.varint();
        if (id >= catalog_.entity_type_count()) in.fail("the log names an unknown node type");
        return static_cast<TypeId>(id);
    };
    auto key = [&] {
        const std::uint64_t id = in.varint();
        if (id >= catalog_.property_key_count()) in.fail("the log names an unknown property key");
        return static_cast<PropertyKeyId>(id);
    };
    auto properties = [&] {
        undo::PropertyList out(in.count(2));
        for (auto& [k, v] : out) {
            k = key();
            v = in.value();
        }
        return out;
    };
    while (!in.at_end()) {
        const std::uint8_t op = in.u8();
        switch (static_cast<RedoOp>(op)) {
            case RedoOp::CreateNode: {
                const std::uint64_t expected = in.varint();
                LabelSet labels(in.count(1));
                for (TypeId& l : labels) l = label();
                if (create_node(std::move(labels), properties()) != expected)
                    in.fail("the log creates node " + std::to_string(expected) + " out of order");
                break;
            }
            case RedoOp::DeleteNode: {
                const NodeId id = node();
                if (degree(id) != 0) in.fail("the log deletes a node that still has relationships");
                delete_node(id);
                break;
            }
            case RedoOp::AddLabel: {
                const NodeId id = node();
                add_label(id, label());
                break;
            }
            case RedoOp::RemoveLabel: {
                const NodeId id = node();
                remove_label(id, label());
                break;
            }
            case RedoOp::SetNodeProperty: {
                const NodeId id = node();
                const PropertyKeyId k = key();
                set_node_property(id, k, in.value());
                break;
            }
            case RedoOp::CreateRelationship: {
                const std::uint64_t expected = in.varint();
                const std::uint64_t type = in.varint();
                if (type >= catalog_.relation_type_count()) in.fail("the log names an unknown relationship type");
                const NodeId source = node();
                const NodeId target = node();
                if (create_relationship(static_cast<TypeId>(type), source, target, properties()) != expected)
                    in.fail("the log creates relationship " + std::to_string(expected) + " out of order");
                break;
            }
            case RedoOp::DeleteRelationship: delete_relationship(rel()); break;
            case RedoOp::SetRelProperty: {
                const RelId id = rel();
                const PropertyKeyId k = key();
                set_rel_property(id, k, in.value());
                break;
            }
            default: in.fail("unknown log operation " + std::to_string(op));
        }
    }
    impl.index_for_readers();
}

}  // namespace kgq::storage
