// engine/catalog/catalog_journal.cpp — taking back what a failed statement added to the
// catalog. Every change appends (a key, a type, an endpoint, a property), so undoing is
// popping, newest first, as the store's undo log does (graph_store_undo.cpp). The store is
// rolled back before this runs: nothing refers to the popped ids any more.
// Stage: catalog. Caller: engine/main/database.cpp, around every statement that writes.
#include "catalog/catalog.hpp"

#include <cassert>

namespace kgq::catalog {

void Catalog::begin_changes() {
    journal_.clear();
    journaling_ = true;
}

void Catalog::keep_changes() {
    journal_.clear();
    journaling_ = false;
}

void Catalog::undo_changes(std::size_t mark) {
    bool types_changed = false;
    while (journal_.size() > mark) {
        const JournalEntry entry = journal_.back();
        journal_.pop_back();
        switch (entry.what) {
            case Change::PropertyKey:
                property_key_ids_.erase(property_keys_.back());
                property_keys_.pop_back();
                break;
            case Change::EntityType: {
                const EntityType& type = entity_types_.back();
                if (type.parent != no_type) {
                    auto& siblings = entity_types_[type.parent].children;
                    assert(!siblings.empty() && siblings.back() == type.id);
                    siblings.pop_back();
                }
                entity_type_ids_.erase(type.name);
                entity_types_.pop_back();
                types_changed = true;
                break;
            }
            case Change::RelationType:
                relation_type_ids_.erase(relation_types_.back().name);
                relation_types_.pop_back();
                break;
            case Change::Endpoint: relation_types_[entry.type].endpoints.pop_back(); break;
            case Change::EntityProperty: entity_types_[entry.type].own_properties.pop_back(); break;
            case Change::RelationProperty: relation_types_[entry.type].properties.pop_back(); break;
            case Change::Strict: strict_ = false; break;
        }
        ++changes_;  // a database file logs the catalog again at the next commit: harmless
    }
    if (types_changed) invalidate_subtype_cache();
}

}  // namespace kgq::catalog
