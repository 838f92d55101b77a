// grammar/statement_def.hpp — the start rule: ';'-separated statements, each an optional
// EXPLAIN/PROFILE and a query or a kgq statement (CREATE NODE/RELATION TYPE, COPY ... FROM,
// IMPORT/EXPORT STIX). Included only by statement.cpp.
#pragma once

#include "actions.hpp"
#include "annotation.hpp"
#include "ast.hpp"
#include "ast_adapted.hpp"
#include "clause.hpp"
#include "error_handler.hpp"
#include "expression.hpp"
#include "keywords.hpp"
#include "lexical.hpp"
#include "statement.hpp"

#include <boost/spirit/home/x3.hpp>

#include <array>
#include <string_view>

namespace kgq::grammar {
namespace parser {
namespace x3 = boost::spirit::x3;
using x3::attr;
using x3::lit;
using x3::matches;

// Helper for CREATE RELATION TYPE, whose parenthesised list mixes endpoints and properties.
using RelationMember = x3::variant<ast::Endpoint, ast::PropertyDeclaration>;

// The start rule also reports errors (on_error): every expectation failure ends up here.
struct script_class : annotate_position, report_errors {};
struct statement_class : annotate_position {};
struct end_of_input_class : annotate_position {};
struct explain_mode_class : annotate_position {};
struct statement_body_class : annotate_position {};
struct create_node_type_class : annotate_position {};
struct create_relation_type_class : annotate_position {};
struct relation_member_class : annotate_position {};
struct endpoint_class : annotate_position {};
struct property_declarations_class : annotate_position {};
struct property_declaration_class : annotate_position {};
struct type_name_class : annotate_position {};
struct scalar_type_name_class : annotate_position {};
struct copy_from_class : annotate_position {};
struct copy_options_class : annotate_position {};
struct copy_option_class : annotate_position {};
struct import_stix_class : annotate_position {};
struct export_stix_class : annotate_position {};
struct transaction_control_class : annotate_position {};

script_type const script = "a statement";
x3::rule<statement_class, ast::Statement> const statement = "a statement";
x3::rule<end_of_input_class> const end_of_input = "';' or end of input";
x3::rule<explain_mode_class, ast::ExplainMode> const explain_mode = "EXPLAIN or PROFILE";
x3::rule<statement_body_class, ast::StatementBody> const statement_body = "a statement";
x3::rule<create_node_type_class, ast::CreateNodeType> const create_node_type = "CREATE NODE TYPE";
x3::rule<create_relation_type_class, ast::CreateRelationType> const create_relation_type = "CREATE RELATION TYPE";
x3::rule<relation_member_class, RelationMember> const relation_member = "'FROM' or a property declaration";
x3::rule<endpoint_class, ast::Endpoint> const endpoint = "'FROM'";
x3::rule<property_declarations_class, std::vector<ast::PropertyDeclaration>> const property_declarations = "a property declaration";
x3::rule<property_declaration_class, ast::PropertyDeclaration> const property_declaration = "a property declaration";
x3::rule<type_name_class, ast::TypeName> const type_name = "a type name";
x3::rule<scalar_type_name_class, std::string> const scalar_type_name = "a type name";
x3::rule<copy_from_class, ast::CopyFrom> const copy_from = "COPY";
x3::rule<copy_options_class, std::vector<ast::CopyOption>> const copy_options = "a COPY option";
x3::rule<copy_option_class, ast::CopyOption> const copy_option = "a COPY option";
x3::rule<import_stix_class, ast::ImportStix> const import_stix = "IMPORT STIX";
x3::rule<export_stix_class, ast::ExportStix> const export_stix = "EXPORT STIX";
x3::rule<transaction_control_class, ast::TransactionControl> const transaction_control = "BEGIN, COMMIT, ROLLBACK or CHECKPOINT";

// Rules of other groups, reached through their accessors (a reference per file).
namespace {
auto const& regular_query = grammar::regular_query();
auto const& expression = grammar::expression();
auto const& string_literal = grammar::string_literal();
}  // namespace

constexpr name_parser type_identifier(false, "a type name");

// ---------------------------------------------------------------- script
// Empty statements (`;;`) are skipped; a trailing ';' is optional.
auto const script_def = by_actions[*lit(';')
    >> -(!x3::eoi >> statement[append_to(&ast::Script::statements)])
    >> *(+lit(';') >> -(!x3::eoi >> statement[append_to(&ast::Script::statements)]))
    > end_of_input];
auto const end_of_input_def = x3::eoi;

auto const statement_def = explain_mode > statement_body;
auto const explain_mode_def = (keyword("explain") >> attr(ast::ExplainMode::Explain))
    | (keyword("profile") >> attr(ast::ExplainMode::Profile)) | attr(ast::ExplainMode::None);
// Schema statements go first: `CREATE NODE` must not be read as a CREATE clause.
auto const statement_body_def = create_node_type | create_relation_type | copy_from
    | import_stix | export_stix | transaction_control | regular_query;

// ---------------------------------------------------------------- schema
// CREATE [ABSTRACT] NODE TYPE Name [UNDER Super] [(prop TYPE [KEY], ...)]
auto const create_node_type_def = keyword("create") >> matches[keyword("abstract")]
    >> keyword("node") > keyword("type") > type_identifier
    >> -(keyword("under") > type_identifier)
    >> -(lit('(') > property_declarations > lit(')'));

// CREATE RELATION TYPE NAME (FROM A TO B, ..., prop TYPE, ...)
auto const add_relation_member = [](auto& context) {
    auto& relation = x3::_val(context);
    auto& member = x3::_attr(context).get();
    if (auto* endpoint = boost::get<ast::Endpoint>(&member)) {
        relation.endpoints.push_back(std::move(*endpoint));
    } else {
        relation.properties.push_back(std::move(boost::get<ast::PropertyDeclaration>(member)));
    }
};
auto const create_relation_type_def =
    by_actions[keyword("create") >> keyword("relation") > keyword("type")
    > type_identifier[assign_to(&ast::CreateRelationType::name)] > lit('(')
    > relation_member[add_relation_member] >> *(lit(',') > relation_member[add_relation_member])
    > lit(')')];
auto const relation_member_def = endpoint | property_declaration;
auto const endpoint_def = keyword("from") > type_identifier > keyword("to") > type_identifier;

auto const property_declarations_def = property_declaration % ',';
auto const property_declaration_def = (property_key > type_name) >> matches[keyword("key")];

// The type names kgq knows; the binder maps them to value types.
inline bool is_type_name(std::string_view upper) {
    static constexpr std::array<std::string_view, 17> names = {
        "BOOL", "BOOLEAN", "INT", "INTEGER", "INT64", "FLOAT", "DOUBLE", "STRING", "DATE",
        "DATETIME", "TIMESTAMP", "LOCALDATETIME", "TIME", "LOCALTIME", "DURATION", "MAP", "ANY"};
    for (auto name : names) {
        if (name == upper) return true;
    }
    return false;
}
auto const upper_type_name = [](auto& context) {
    std::string name = x3::_attr(context);
    for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    x3::_pass(context) = is_type_name(name);
    x3::_val(context) = std::move(name);
};
auto const scalar_type_name_def = by_actions[symbolic_name[upper_type_name]];
auto const type_name_def =
    by_actions[(keyword("list") > lit('<') > scalar_type_name > lit('>'))[([](auto& context) {
        x3::_val(context).name = "LIST";
        x3::_val(context).element = std::move(x3::_attr(context));
    })]
    | scalar_type_name[assign_to(&ast::TypeName::name)]];

// ---------------------------------------------------------------- import and export
// COPY Name FROM 'file' [(OPTION value, ...)]
auto const copy_from_def = keyword("copy") > type_identifier > keyword("from") > string_literal
    >> -(lit('(') > copy_options > lit(')'));
auto const copy_options_def = copy_option % ',';
auto const copy_option_def = symbolic_name > expression;

auto const import_stix_def = by_actions[(keyword("import") > keyword("stix") > string_literal)
    [assign_to(&ast::ImportStix::path)]];
auto const export_stix_def = keyword("export") > keyword("stix") > string_literal
    > -(keyword("from") > regular_query);

// ---------------------------------------------------------------- transactions
using ast::TransactionAction;
auto const transaction_control_def = by_actions[
    (keyword("begin") >> -keyword("transaction"))[set_to(&ast::TransactionControl::action, TransactionAction::Begin)]
    | (keyword("start") >> keyword("transaction"))[set_to(&ast::TransactionControl::action, TransactionAction::Begin)]
    | keyword("commit")[set_to(&ast::TransactionControl::action, TransactionAction::Commit)]
    | keyword("rollback")[set_to(&ast::TransactionControl::action, TransactionAction::Rollback)]
    | keyword("checkpoint")[set_to(&ast::TransactionControl::action, TransactionAction::Checkpoint)]];

BOOST_SPIRIT_DEFINE(script, statement, end_of_input, explain_mode, statement_body,
                    create_node_type, create_relation_type, relation_member, endpoint,
                    property_declarations, property_declaration, type_name, scalar_type_name,
                    copy_from, copy_options, copy_option, import_stix, export_stix, transaction_control)

}  // namespace parser

parser::script_type const& script() { return parser::script; }

}  // namespace kgq::grammar
