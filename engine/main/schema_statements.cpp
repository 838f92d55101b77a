// engine/main/schema_statements.cpp — see schema_statements.hpp. Catalog errors are raised
// without positions; Database gives them the statement's.
#include "main/schema_statements.hpp"

#include "parser.hpp"

namespace kgq {
namespace {

[[noreturn]] void fail_at(std::string_view text, const ast::Located& at, std::string detail, std::string message) {
    Error e;
    e.kind = ErrorKind::Schema;
    e.code = "SchemaError";
    e.detail = std::move(detail);
    e.message = std::move(message);
    auto lc = grammar::line_column(text, at.begin);
    e.line = lc.line;
    e.column = lc.column;
    e.offset = at.begin;
    e.length = at.end - at.begin;
    throw Exception(std::move(e));
}

catalog::LogicalType type_of(const ast::TypeName& t, std::string_view text) {
    std::string name = t.name;
    if (t.element) name += "<" + *t.element + ">";
    auto type = catalog::LogicalType::parse(name);
    if (!type) fail_at(text, t, "UnknownType", "Unknown property type '" + name + "'");
    return *type;
}

std::vector<catalog::PropertyDef> properties_of(const std::vector<ast::PropertyDeclaration>& decls,
                                                std::string_view text) {
    std::vector<catalog::PropertyDef> out;
    for (const auto& d : decls) {
        catalog::PropertyDef p;
        p.name = d.name;
        p.type = type_of(d.type, text);
        p.is_key = d.key;
        for (const auto& existing : out) {
            if (existing.name == d.name)
                fail_at(text, d, "DuplicateProperty", "Property '" + d.name + "' declared twice");
        }
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace

Result apply_schema_statement(catalog::Catalog& catalog, storage::GraphStore&, const ast::CreateNodeType& s,
                              std::string_view text) {
    auto props = properties_of(s.properties, text);
    catalog.declare_entity_type(s.name, s.supertype ? std::optional<std::string_view>(*s.supertype) : std::nullopt,
                                s.abstract, std::move(props));
    Result r;
    r.set_message("Node type " + s.name + " created");
    return r;
}

Result apply_schema_statement(catalog::Catalog& catalog, storage::GraphStore&, const ast::CreateRelationType& s,
                              std::string_view text) {
    auto props = properties_of(s.properties, text);
    std::vector<std::pair<std::string, std::string>> endpoints;
    for (const auto& e : s.endpoints) endpoints.emplace_back(e.from, e.to);
    catalog.declare_relation_type(s.name, std::move(endpoints), std::move(props));
    Result r;
    r.set_message("Relation type " + s.name + " created");
    return r;
}

SchemaInfo describe_schema(const catalog::Catalog& catalog, const storage::GraphStore& store) {
    SchemaInfo info;
    info.strict = catalog.strict();
    for (catalog::TypeId t = 0; t < catalog.entity_type_count(); ++t) {
        const auto& type = catalog.entity_type(t);
        EntityTypeInfo e;
        e.name = type.name;
        if (type.parent != catalog::no_type) e.supertype = catalog.entity_type(type.parent).name;
        e.abstract = type.abstract;
        for (const auto* p : catalog.properties_of(t)) {
            e.properties.push_back(
                {p->name, p->type.to_string(), p->is_key,
                 p->declared_in == catalog::no_type ? "" : catalog.entity_type(p->declared_in).name});
        }
        e.count = store.count_with_label(t);
        info.entity_types.push_back(std::move(e));
    }
    for (catalog::TypeId t = 0; t < catalog.relation_type_count(); ++t) {
        const auto& type = catalog.relation_type(t);
        RelationTypeInfo r;
        r.name = type.name;
        for (const auto& [f, to] : type.endpoints)
            r.endpoints.emplace_back(catalog.entity_type(f).name, catalog.entity_type(to).name);
        for (const auto& p : type.properties) r.properties.push_back({p.name, p.type.to_string(), p.is_key, ""});
        r.count = store.count_with_type(t);
        info.relation_types.push_back(std::move(r));
    }
    return info;
}

}  // namespace kgq
