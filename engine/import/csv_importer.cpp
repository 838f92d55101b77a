// engine/import/csv_importer.cpp — see csv_importer.hpp. Resolves the header against the
// catalog once (property keys, declared types, ID spaces), then turns each record into one
// create_node/create_relationship call: the per-row path does no name lookups.
#include "import/csv_importer.hpp"

#include "common/statement_budget.hpp"
#include "import/csv_header.hpp"
#include "import/csv_id_index.hpp"
#include "import/csv_progress.hpp"
#include "import/csv_reader.hpp"
#include "import/csv_value.hpp"
#include "kgq/error.hpp"
#include "storage/key_encoding.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>
#include <unordered_map>

namespace kgq::import {
namespace {

using catalog::Catalog;
using catalog::LogicalType;
using catalog::PropertyDef;
using catalog::PropertyKeyId;
using catalog::TypeId;
using catalog::TypeKind;

[[noreturn]] void schema_error(const std::string& file, std::uint32_t line, std::uint32_t column,
                               const std::string& message) {
    Error e;
    e.kind = ErrorKind::Schema;
    e.code = "SchemaError";
    e.message = file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
    e.at_compile_time = false;
    throw Exception(std::move(e));
}

// A property column resolved against the catalog.
struct PropertyColumn {
    std::size_t index = 0;
    PropertyKeyId key = 0;
    std::string name;
    LogicalType parse_type;  // how the text is read
    bool typed = false;  // the header gave a type
};

class Importer {
public:
    Importer(storage::GraphStore& store, std::string_view table, const std::filesystem::path& file,
             const CsvImportOptions& options)
        : store_(store),
          cat_(store.catalog()),
          table_(table),
          options_(options),
          reader_(file, CsvDialect{options.delimiter, options.quote}),
          file_(file.string()) {}

    CsvImportStats run() {
        read_header();
        CsvProgress progress(std::filesystem::path(file_).filename().string(), reader_.size(), options_.progress);
        const std::size_t records = reader_.line_count();  // header included: a bound
        if (header_.relationships()) {
            stats_.relationships = true;
            prepare_relationships();
            if (header_.type < 0) store_.reserve_relationships(base_rel_, records);
            while (reader_.next(fields_)) {
                check_width();
                load_relationship();
                ++stats_.rows;
                StatementBudget::tick_current();
                progress.update(reader_.position());
            }
        } else {
            prepare_nodes();
            if (header_.label < 0) {
                TypeId type;
                row_labels(labels_, type);
                store_.reserve_nodes(labels_, records);
            }
            while (reader_.next(fields_)) {
                check_width();
                load_node();
                ++stats_.rows;
                StatementBudget::tick_current();
                progress.update(reader_.position());
            }
        }
        return stats_;
    }

private:
    // ------------------------------------------------------------------ header
    void read_header() {
        if (options_.header) {
            if (!reader_.next(fields_)) throw_csv_error(file_, 1, 1, "empty file: expected a header line");
            header_ = parse_csv_header(fields_, file_);
            header_fields_ = fields_;  // positions only; texts are not used after this
            return;
        }
        // No header: the declared schema says what the columns are.
        if (!cat_.strict()) {
            throw_csv_error(file_, 1, 1, "HEADER false needs declared types (CREATE NODE TYPE / CREATE RELATION TYPE)");
        }
        if (auto rel = cat_.find_relation_type(table_)) {
            add_synthetic(ColumnRole::StartId, "");
            add_synthetic(ColumnRole::EndId, "");
            header_.start_id = 0;
            header_.end_id = 1;
            for (const PropertyDef& p : cat_.relation_type(*rel).properties)
                add_synthetic(ColumnRole::Property, p.name);
        } else if (auto type = cat_.find_entity_type(table_)) {
            for (const PropertyDef* p : cat_.properties_of(*type)) {
                if (p->is_key) header_.id = static_cast<int>(header_.columns.size());
                add_synthetic(p->is_key ? ColumnRole::Id : ColumnRole::Property, p->name);
            }
        } else {
            schema_error(file_, 1, 1, "unknown node or relation type '" + table_ + "'");
        }
    }

    void add_synthetic(ColumnRole role, const std::string& name) {
        CsvColumn c;
        c.role = role;
        c.name = name;
        c.column = static_cast<std::uint32_t>(header_.columns.size() + 1);
        header_.columns.push_back(c);
        CsvField f;
        f.line = 1;
        f.column = c.column;
        header_fields_.push_back(f);
    }

    [[noreturn]] void header_error(int column, const std::string& message, bool schema = false) {
        const CsvField& f = header_fields_[static_cast<std::size_t>(column)];
        if (schema) schema_error(file_, f.line, f.column, message);
        throw_csv_error(file_, f.line, f.column, message);
    }

    [[noreturn]] void field_error(std::size_t index, const std::string& message, bool schema = false) {
        const CsvField& f = fields_[index];
        if (schema) schema_error(file_, f.line, f.column, message);
        throw_csv_error(file_, f.line, f.column, message);
    }

    void check_width() {
        std::size_t want = header_.columns.size();
        if (fields_.size() == want) return;
        const CsvField& at = fields_.size() > want ? fields_[want] : fields_.back();
        throw_csv_error(
            file_, at.line, at.column,
            "expected " + std::to_string(want) + " fields as in the header, found " + std::to_string(fields_.size()));
    }

    // How a property column's text is read: the header's type, else the declared one, else STRING.
    PropertyColumn property_column(std::size_t index, const PropertyDef* declared) {
        const CsvColumn& c = header_.columns[index];
        PropertyColumn p;
        p.index = index;
        p.name = c.name;
        p.key = declared ? declared->key : cat_.intern_property_key(c.name);
        p.typed = c.type.has_value();
        if (c.type) p.parse_type = *c.type;
        else if (declared && declared->type.kind != TypeKind::Any) p.parse_type = declared->type;
        else p.parse_type = LogicalType::of(TypeKind::String);
        return p;
    }

    // Reads field `index` as the column's type, checked against the declaration (if any).
    bool read_value(const PropertyColumn& col, const PropertyDef* declared, const std::string& owner, Value& out) {
        const CsvField& f = fields_[col.index];
        if (!parse_csv_value(f.text, f.quoted, col.parse_type, options_.array_delimiter, out, error_)) {
            field_error(col.index, error_ + " (column " + header_text(col.index) + ")");
        }
        if (out.is_null()) return false;
        if (declared) {
            if (!declared->type.accepts(out)) {
                field_error(col.index,
                            "property " + owner + "." + col.name + " is declared " + declared->type.to_string() +
                                "; '" + std::string(f.text) + "' is not one",
                            true);
            }
            out = declared->type.coerce(std::move(out));
        }
        return true;
    }

    std::string header_text(std::size_t index) const {
        const CsvColumn& c = header_.columns[index];
        std::string t = c.name;
        if (c.type) t += ":" + c.type->to_string();
        return "'" + t + "'";
    }

    // ------------------------------------------------------------------ nodes
    void prepare_nodes() {
        if (cat_.strict()) {
            auto type = cat_.find_entity_type(table_);
            if (!type) {
                std::string hint =
                    cat_.find_relation_type(table_)
                        ? "'" + table_ + "' is a relation type: its file needs :START_ID and :END_ID columns"
                        : "unknown node type '" + table_ + "'";
                schema_error(file_, 1, 1, hint);
            }
            base_type_ = *type;
        } else {
            base_type_ = cat_.ensure_label(table_);
        }
        for (std::size_t i = 0; i < header_.columns.size(); ++i) {
            const CsvColumn& c = header_.columns[i];
            if (c.role == ColumnRole::Property) node_props_.push_back(i);
        }
        if (header_.id >= 0) {
            const CsvColumn& c = header_.columns[header_.id];
            id_name_ = c.name;
            if (id_name_.empty()) {
                const PropertyDef* key = cat_.strict() ? cat_.key_property(base_type_) : nullptr;
                id_name_ = key ? key->name : "id";
            }
        }
        if (header_.label < 0) row_type_columns(base_type_);  // check the header now
        // Without a KEY nothing else stops two rows (or a row and a stored node) sharing an
        // :ID, yet a relationship file could then not tell them apart: refuse duplicates, as
        // Neo4j's admin import does.
        if (header_.id >= 0 && !cat_.key_property(base_type_)) {
            check_ids_ = true;
            if (auto key = cat_.find_property_key(id_name_)) {
                for (const storage::NodeTable* table : store_.tables_with_label(base_type_)) {
                    auto col = table->column_of.find(*key);
                    if (col == table->column_of.end()) continue;
                    const std::vector<Value>& values = table->columns[col->second];
                    for (std::size_t row = 0; row < table->row_node.size() && row < values.size(); ++row) {
                        if (table->row_node[row] == storage::no_node) continue;
                        if (auto code = storage::encode_key(values[row])) seen_ids_.emplace(std::move(*code), 0);
                    }
                }
            }
        }
    }

    void check_unique_id(const Value& id) {
        auto code = storage::encode_key(id);
        if (!code) return;
        const std::uint32_t line = fields_[header_.id].line;
        auto [it, fresh] = seen_ids_.emplace(std::move(*code), line);
        if (fresh) return;
        field_error(header_.id, "duplicate ID " + storage::display_key(id) + " in ID space " +
                                    cat_.entity_type(base_type_).name +
                                    (it->second ? " (first on line " + std::to_string(it->second) + ")"
                                                : std::string(" (a node of the graph has it already)")));
    }

    // The resolved property columns of nodes of one entity type (strict mode: per type,
    // since a :LABEL column may name subtypes with more properties).
    struct NodeColumns {
        std::vector<PropertyColumn> props;
        std::vector<const PropertyDef*> declared;
        PropertyColumn id;
        const PropertyDef* id_declared = nullptr;
    };

    const NodeColumns& row_type_columns(TypeId type) {
        auto it = node_columns_.find(type);
        if (it != node_columns_.end()) return it->second;
        NodeColumns nc;
        bool strict = cat_.strict();
        const std::string& type_name = cat_.entity_type(type).name;
        auto declared_of = [&](const std::string& name, int column) -> const PropertyDef* {
            if (!strict) return nullptr;
            auto key = cat_.find_property_key(name);
            const PropertyDef* def = key ? cat_.find_property(type, *key) : nullptr;
            if (!def) header_error(column, "node type " + type_name + " has no property '" + name + "'", true);
            return def;
        };
        for (std::size_t i : node_props_) {
            const PropertyDef* def = declared_of(header_.columns[i].name, static_cast<int>(i));
            nc.props.push_back(property_column(i, def));
            nc.declared.push_back(def);
        }
        if (header_.id >= 0) {
            nc.id_declared = declared_of(id_name_, header_.id);
            nc.id.index = static_cast<std::size_t>(header_.id);
            nc.id.name = id_name_;
            if (nc.id_declared) {
                nc.id.key = nc.id_declared->key;
                nc.id.parse_type = nc.id_declared->type.kind == TypeKind::Any ? LogicalType::of(TypeKind::String)
                                                                              : nc.id_declared->type;
            } else {
                nc.id.key = cat_.intern_property_key(id_name_);
                nc.id.parse_type = options_.id_type ? *options_.id_type : LogicalType::of(TypeKind::String);
            }
        }
        return node_columns_.emplace(type, std::move(nc)).first->second;
    }

    // The node's labels: the COPY's label plus a :LABEL column's (open mode), or the most
    // specific of them, which must be the COPY's type or a subtype (strict mode).
    void row_labels(storage::LabelSet& labels, TypeId& type) {
        labels.clear();
        type = base_type_;
        if (header_.label >= 0 && !fields_[header_.label].text.empty()) {
            std::string_view text = fields_[header_.label].text;
            std::size_t start = 0;
            for (;;) {
                std::size_t end = text.find(options_.array_delimiter, start);
                std::string_view name = text.substr(start, end == std::string_view::npos ? end : end - start);
                if (!name.empty()) {
                    if (cat_.strict()) {
                        auto t = cat_.find_entity_type(name);
                        if (!t) field_error(header_.label, "unknown node type '" + std::string(name) + "'", true);
                        if (cat_.is_subtype(*t, type)) {
                            type = *t;
                        } else if (!cat_.is_subtype(type, *t)) {
                            field_error(header_.label,
                                        "node type " + std::string(name) + " is not " + cat_.entity_type(type).name +
                                            " or one of its subtypes",
                                        true);
                        }
                    } else {
                        labels.push_back(label_id(name));
                    }
                }
                if (end == std::string_view::npos) break;
                start = end + 1;
            }
        }
        labels.push_back(type);
        std::sort(labels.begin(), labels.end());
        labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    }

    TypeId label_id(std::string_view name) {
        auto it = label_cache_.find(std::string(name));
        if (it != label_cache_.end()) return it->second;
        TypeId id = cat_.ensure_label(name);
        label_cache_.emplace(std::string(name), id);
        return id;
    }

    void load_node() {
        TypeId type;
        row_labels(labels_, type);
        if (cat_.strict() && cat_.entity_type(type).abstract) {
            const CsvField& f = header_.label >= 0 ? fields_[header_.label] : fields_.front();
            schema_error(file_, f.line, f.column,
                         "node type " + cat_.entity_type(type).name + " is abstract: give each row a concrete :LABEL");
        }
        const NodeColumns& nc = row_type_columns(type);
        const std::string& owner = cat_.entity_type(type).name;
        std::vector<std::pair<PropertyKeyId, Value>> props;
        props.reserve(nc.props.size() + 1);
        Value v;
        if (header_.id >= 0) {
            if (fields_[header_.id].text.empty()) field_error(header_.id, "empty ID");
            read_value(nc.id, nc.id_declared, owner, v);
            if (check_ids_) check_unique_id(v);
            props.emplace_back(nc.id.key, std::move(v));
        }
        for (std::size_t i = 0; i < nc.props.size(); ++i) {
            if (read_value(nc.props[i], nc.declared[i], owner, v)) props.emplace_back(nc.props[i].key, std::move(v));
        }
        std::size_t count = props.size();
        try {
            store_.create_node(labels_, std::move(props));
        } catch (Exception& ex) {  // a KEY collision: point at the row
            const CsvField& f = header_.id >= 0 ? fields_[header_.id] : fields_.front();
            ex.error().message =
                file_ + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " + ex.error().message;
            throw;
        }
        ++stats_.nodes_created;
        stats_.properties_set += count;
    }

    // ------------------------------------------------------------------ relationships
    void prepare_relationships() {
        if (cat_.strict()) {
            auto type = cat_.find_relation_type(table_);
            if (!type) {
                std::string hint = cat_.find_entity_type(table_)
                                       ? "'" + table_ + "' is a node type, but the file has :START_ID/:END_ID columns"
                                       : "unknown relation type '" + table_ + "'";
                schema_error(file_, 1, 1, hint);
            }
            base_rel_ = *type;
        } else {
            base_rel_ = cat_.ensure_relation_type(table_);
        }
        start_index_ = id_index(header_.start_id, options_.start_id_space, true);
        end_index_ = id_index(header_.end_id, options_.end_id_space, false);
        for (std::size_t i = 0; i < header_.columns.size(); ++i) {
            if (header_.columns[i].role == ColumnRole::Property) rel_props_.push_back(i);
        }
        rel_columns(base_rel_);  // check the header now
    }

    // The ID space of :START_ID/:END_ID: the option, else the header's, else (declared
    // schema) the one endpoint type every declared endpoint of the relation type shares.
    const CsvIdIndex* id_index(int column, const std::string& option, bool start) {
        std::string space = !option.empty() ? option : header_.columns[column].id_space;
        if (space.empty() && cat_.strict()) {
            const auto& endpoints = cat_.relation_type(base_rel_).endpoints;
            TypeId common = catalog::no_type;
            bool unique = !endpoints.empty();
            for (const auto& [from, to] : endpoints) {
                TypeId t = start ? from : to;
                if (common != catalog::no_type && common != t) unique = false;
                common = t;
            }
            if (unique) space = cat_.entity_type(common).name;
        }
        const char* which = start ? ":START_ID" : ":END_ID";
        if (space.empty()) {
            header_error(column, std::string(which) + " names no ID space: write " + which +
                                     "(Label) or give the COPY option " + (start ? "START_ID" : "END_ID") + " 'Label'");
        }
        auto label = cat_.find_entity_type(space);
        if (!label) {
            header_error(column,
                         std::string(which) + " ID space '" + space +
                             "' is no node label (load its node file first, or name the label with the COPY option " +
                             (start ? "START_ID" : "END_ID") + ")");
        }
        for (const auto& idx : indexes_) {
            if (idx->label() == *label) return idx.get();
        }
        indexes_.push_back(std::make_unique<CsvIdIndex>(store_, *label, file_ + ": "));
        return indexes_.back().get();
    }

    struct RelColumns {
        std::vector<PropertyColumn> props;
        std::vector<const PropertyDef*> declared;
    };

    const RelColumns& rel_columns(TypeId type) {
        auto it = rel_columns_.find(type);
        if (it != rel_columns_.end()) return it->second;
        RelColumns rc;
        for (std::size_t i : rel_props_) {
            const PropertyDef* def = nullptr;
            if (cat_.strict()) {
                auto key = cat_.find_property_key(header_.columns[i].name);
                def = key ? cat_.find_relation_property(type, *key) : nullptr;
                if (!def) {
                    header_error(static_cast<int>(i),
                                 "relation type " + cat_.relation_type(type).name + " has no property '" +
                                     header_.columns[i].name + "'",
                                 true);
                }
            }
            rc.props.push_back(property_column(i, def));
            rc.declared.push_back(def);
        }
        return rel_columns_.emplace(type, std::move(rc)).first->second;
    }

    TypeId row_rel_type() {
        if (header_.type < 0 || fields_[header_.type].text.empty()) return base_rel_;
        std::string name(fields_[header_.type].text);
        auto it = rel_type_cache_.find(name);
        if (it != rel_type_cache_.end()) return it->second;
        TypeId id;
        if (cat_.strict()) {
            auto t = cat_.find_relation_type(name);
            if (!t) field_error(header_.type, "unknown relation type '" + name + "'", true);
            id = *t;
        } else {
            id = cat_.ensure_relation_type(name);
        }
        rel_type_cache_.emplace(name, id);
        return id;
    }

    // Files list a node's relationships together (a comment's tags, a forum's members): the
    // previous row's answer saves most start-side lookups, each a cache miss in a large index.
    struct LastLookup {
        std::string text;
        storage::NodeId node = storage::no_node;
    };

    storage::NodeId endpoint(int column, const CsvIdIndex& index, LastLookup& last) {
        std::string_view text = fields_[column].text;
        if (last.node != storage::no_node && text == last.text) return last.node;
        if (text.empty()) field_error(column, "empty ID");
        auto node = index.find(text, last.node);
        if (!node) {
            field_error(column, "no " + store_.catalog().entity_type(index.label()).name + " node has " +
                                    (index.property_name().empty() ? std::string("id") : index.property_name()) + " " +
                                    std::string(text));
        }
        last.text.assign(text);
        last.node = *node;
        return *node;
    }

    void load_relationship() {
        TypeId type = row_rel_type();
        storage::NodeId source = endpoint(header_.start_id, *start_index_, last_start_);
        storage::NodeId target = endpoint(header_.end_id, *end_index_, last_end_);
        if (cat_.strict()) check_endpoints(type, source, target);
        const RelColumns& rc = rel_columns(type);
        const std::string& owner = cat_.relation_type(type).name;
        std::vector<std::pair<PropertyKeyId, Value>> props;
        props.reserve(rc.props.size());
        Value v;
        for (std::size_t i = 0; i < rc.props.size(); ++i) {
            if (read_value(rc.props[i], rc.declared[i], owner, v)) props.emplace_back(rc.props[i].key, std::move(v));
        }
        stats_.properties_set += props.size();
        store_.create_relationship(type, source, target, std::move(props));
        ++stats_.relationships_created;
    }

    void check_endpoints(TypeId type, storage::NodeId source, storage::NodeId target) {
        TypeId from = store_.node_labels(source).front();
        TypeId to = store_.node_labels(target).front();
        auto key = std::make_tuple(type, from, to);
        if (key == last_endpoints_) return;  // files are mostly one pair of types: skip the map
        auto it = endpoint_ok_.find(key);
        bool ok = it != endpoint_ok_.end()
                      ? it->second
                      : endpoint_ok_.emplace(key, cat_.endpoints_allow(type, from, to)).first->second;
        if (!ok) {
            field_error(header_.start_id,
                        "relation type " + cat_.relation_type(type).name + " does not go from " +
                            cat_.entity_type(from).name + " to " + cat_.entity_type(to).name,
                        true);
        }
        last_endpoints_ = key;
    }

    storage::GraphStore& store_;
    Catalog& cat_;
    std::string table_;
    const CsvImportOptions& options_;
    CsvReader reader_;
    std::string file_;
    CsvHeader header_;
    std::vector<CsvField> header_fields_;
    std::vector<CsvField> fields_;
    std::string error_;
    CsvImportStats stats_;

    // nodes
    TypeId base_type_ = catalog::no_type;
    std::string id_name_;
    std::vector<std::size_t> node_props_;
    std::unordered_map<TypeId, NodeColumns> node_columns_;
    std::unordered_map<std::string, TypeId> label_cache_;
    storage::LabelSet labels_;
    bool check_ids_ = false;
    std::unordered_map<std::string, std::uint32_t> seen_ids_;  // encoded :ID -> its line (0: a stored node)

    // relationships
    TypeId base_rel_ = catalog::no_type;
    std::vector<std::size_t> rel_props_;
    std::vector<std::unique_ptr<CsvIdIndex>> indexes_;
    const CsvIdIndex* start_index_ = nullptr;
    const CsvIdIndex* end_index_ = nullptr;
    std::unordered_map<TypeId, RelColumns> rel_columns_;
    LastLookup last_start_, last_end_;
    std::unordered_map<std::string, TypeId> rel_type_cache_;
    std::map<std::tuple<TypeId, TypeId, TypeId>, bool> endpoint_ok_;
    std::tuple<TypeId, TypeId, TypeId> last_endpoints_{catalog::no_type, catalog::no_type, catalog::no_type};
};

}  // namespace

CsvImportStats import_csv(storage::GraphStore& store, std::string_view table, const std::filesystem::path& file,
                          const CsvImportOptions& options) {
    // Outside a statement, make the load all-or-nothing here.
    bool own_statement = !store.in_statement();
    if (own_statement) store.begin_statement();
    try {
        CsvImportStats stats = Importer(store, table, file, options).run();
        if (own_statement) store.commit();
        return stats;
    } catch (...) {
        if (own_statement) store.rollback();
        throw;
    }
}

}  // namespace kgq::import
