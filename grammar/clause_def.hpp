// grammar/clause_def.hpp — query clauses (MATCH, UNWIND, CREATE, MERGE, SET, REMOVE, DELETE,
// WITH, RETURN, CALL), projections, and single queries joined by UNION [ALL].
// Included only by clause.cpp.
#pragma once

#include "actions.hpp"
#include "annotation.hpp"
#include "ast.hpp"
#include "ast_adapted.hpp"
#include "clause.hpp"
#include "expression.hpp"
#include "keywords.hpp"
#include "lexical.hpp"
#include "pattern.hpp"

#include <boost/spirit/home/x3.hpp>

namespace kgq::grammar {
namespace parser {
namespace x3 = boost::spirit::x3;
using x3::attr;
using x3::lit;
using x3::matches;

struct regular_query_class : annotate_position {};
struct union_part_class : annotate_position {};
struct single_query_class : annotate_position {};
struct clause_class : annotate_position {};
struct match_class : annotate_position {};
struct unwind_class : annotate_position {};
struct create_class : annotate_position {};
struct merge_class : annotate_position {};
struct merge_action_class : annotate_position {};
struct merge_trigger_class : annotate_position {};
struct set_clause_class : annotate_position {};
struct set_items_class : annotate_position {};
struct set_item_class : annotate_position {};
struct set_property_class : annotate_position {};
struct set_variable_class : annotate_position {};
struct set_operator_class : annotate_position {};
struct set_labels_class : annotate_position {};
struct property_expression_class : annotate_position {};
struct property_owner_class : annotate_position {};
struct remove_class : annotate_position {};
struct remove_items_class : annotate_position {};
struct remove_item_class : annotate_position {};
struct remove_property_class : annotate_position {};
struct remove_labels_class : annotate_position {};
struct delete_class : annotate_position {};
struct delete_keyword_class : annotate_position {};
struct with_class : annotate_position {};
struct return_class : annotate_position {};
struct projection_body_class : annotate_position {};
struct projection_item_class : annotate_projection_item {};
struct sort_items_class : annotate_position {};
struct sort_item_class : annotate_position {};
struct sort_direction_class : annotate_position {};
struct call_class : annotate_position {};
struct procedure_name_class : annotate_position {};
struct yield_items_class : annotate_position {};
struct yield_item_class : annotate_position {};
struct expression_list_class : annotate_position {};

regular_query_type const regular_query = "a query";
x3::rule<union_part_class, ast::UnionPart> const union_part = "UNION";
x3::rule<single_query_class, ast::SingleQuery> const single_query = "a clause";
x3::rule<clause_class, ast::Clause> const clause = "a clause";
x3::rule<match_class, ast::Match> const match = "MATCH";
x3::rule<unwind_class, ast::Unwind> const unwind = "UNWIND";
x3::rule<create_class, ast::Create> const create = "CREATE";
x3::rule<merge_class, ast::Merge> const merge = "MERGE";
x3::rule<merge_action_class, ast::MergeAction> const merge_action = "ON CREATE or ON MATCH";
x3::rule<merge_trigger_class, bool> const merge_trigger = "'CREATE' or 'MATCH'";
x3::rule<set_clause_class, ast::SetClause> const set_clause = "'SET'";
x3::rule<set_items_class, std::vector<ast::SetItem>> const set_items = "a property, variable or label to set";
x3::rule<set_item_class, ast::SetItem> const set_item = "a property, variable or label to set";
x3::rule<set_property_class, ast::SetProperty> const set_property = "a property to set";
x3::rule<set_variable_class, ast::SetVariable> const set_variable = "a variable to set";
x3::rule<set_operator_class, bool> const set_operator = "'=' or '+='";
x3::rule<set_labels_class, ast::SetLabels> const set_labels = "labels to set";
x3::rule<property_expression_class, ast::AccessChain> const property_expression = "a property";
x3::rule<property_owner_class, ast::Expression> const property_owner = "a variable or a parenthesized expression";
x3::rule<remove_class, ast::Remove> const remove = "REMOVE";
x3::rule<remove_items_class, std::vector<ast::RemoveItem>> const remove_items = "a property or label to remove";
x3::rule<remove_item_class, ast::RemoveItem> const remove_item = "a property or label to remove";
x3::rule<remove_property_class, ast::RemoveProperty> const remove_property = "a property to remove";
x3::rule<remove_labels_class, ast::RemoveLabels> const remove_labels = "labels to remove";
x3::rule<delete_class, ast::Delete> const delete_ = "DELETE";
x3::rule<delete_keyword_class, bool> const delete_keyword = "'DELETE'";
x3::rule<with_class, ast::With> const with = "WITH";
x3::rule<return_class, ast::Return> const return_ = "RETURN";
x3::rule<projection_body_class, ast::ProjectionBody> const projection_body = "an expression or '*'";
x3::rule<projection_item_class, ast::ProjectionItem> const projection_item = "an expression";
x3::rule<sort_items_class, std::vector<ast::SortItem>> const sort_items = "an expression";
x3::rule<sort_item_class, ast::SortItem> const sort_item = "an expression";
x3::rule<sort_direction_class, bool> const sort_direction = "ASC or DESC";
x3::rule<call_class, ast::Call> const call = "CALL";
x3::rule<procedure_name_class, std::string> const procedure_name = "a procedure name";
x3::rule<yield_items_class, std::vector<ast::YieldItem>> const yield_items = "a field to yield";
x3::rule<yield_item_class, ast::YieldItem> const yield_item = "a field to yield";
x3::rule<expression_list_class, std::vector<ast::Expression>> const expression_list = "an expression";

// Rules of other groups, reached through their accessors (a reference per file).
namespace {
auto const& expression = grammar::expression();
auto const& variable = grammar::variable();
auto const& property_lookup = grammar::property_lookup();
auto const& pattern = grammar::pattern();
auto const& pattern_part = grammar::pattern_part();
}  // namespace

auto const where = keyword("where") > expression;

// ---------------------------------------------------------------- queries
auto const regular_query_def = single_query >> *union_part;
auto const union_part_def = keyword("union") >> matches[keyword("all")] > single_query;
auto const single_query_def = by_actions[(+clause)[assign_to(&ast::SingleQuery::clauses)]];
auto const clause_def =
    match | unwind | merge | create | set_clause | remove | delete_ | with | return_ | call;

// ---------------------------------------------------------------- reading
auto const match_def = (matches[keyword("optional")] >> keyword("match") > pattern) >> -where;
auto const unwind_def = keyword("unwind") > expression > keyword("as") > variable;

// ---------------------------------------------------------------- updating
auto const create_def = by_actions[(keyword("create") > pattern)[assign_to(&ast::Create::pattern)]];

auto const merge_def = (keyword("merge") > pattern_part) >> *merge_action;
auto const merge_action_def = keyword("on") > merge_trigger > set_clause;
auto const merge_trigger_def =
    (keyword("create") >> attr(true)) | (keyword("match") >> attr(false));

auto const set_clause_def =
    by_actions[(keyword("set") > set_items)[assign_to(&ast::SetClause::items)]];
auto const set_items_def = set_item % ',';
auto const set_item_def = set_property | set_variable | set_labels;
auto const set_property_def = property_expression >> lit('=') > expression;
auto const set_variable_def = variable >> set_operator > expression;
auto const set_operator_def = (token("+=") >> attr(true)) | (lit('=') >> attr(false));
auto const set_labels_def = variable >> +(lit(':') > label_name);
// n.a.b: the target of SET n.p = e and REMOVE n.p. openCypher allows any atom before the
// lookups; a variable or a parenthesised expression, SET (n).name = 'x', is what queries use.
auto const property_expression_def = property_owner >> +property_lookup;
auto const property_owner_def = variable | (lit('(') > expression > lit(')'));

auto const remove_def =
    by_actions[(keyword("remove") > remove_items)[assign_to(&ast::Remove::items)]];
auto const remove_items_def = remove_item % ',';
auto const remove_item_def = remove_property | remove_labels;
auto const remove_property_def =
    by_actions[property_expression[assign_to(&ast::RemoveProperty::target)]];
auto const remove_labels_def = variable >> +(lit(':') > label_name);

auto const delete__def = delete_keyword > expression_list;
auto const delete_keyword_def = ((keyword("detach") > keyword("delete")) >> attr(true))
    | (keyword("delete") >> attr(false));

// ---------------------------------------------------------------- projections
auto const with_def = (keyword("with") > projection_body) >> -where;
auto const return__def =
    by_actions[(keyword("return") > projection_body)[assign_to(&ast::Return::body)]];

// [DISTINCT] (* [, item]... | item [, item]...) [ORDER BY ...] [SKIP e] [LIMIT e]
auto const projection_body_def =
    by_actions[matches[keyword("distinct")][assign_to(&ast::ProjectionBody::distinct)]
    >> ((lit('*')[set_to(&ast::ProjectionBody::star, true)]
         >> *(lit(',') > projection_item[append_to(&ast::ProjectionBody::items)]))
        | (projection_item[append_to(&ast::ProjectionBody::items)]
           >> *(lit(',') > projection_item[append_to(&ast::ProjectionBody::items)])))
    >> -(keyword("order") > keyword("by") > sort_items[assign_to(&ast::ProjectionBody::order_by)])
    >> -(keyword("skip") > expression[assign_to(&ast::ProjectionBody::skip)])
    >> -(keyword("limit") > expression[assign_to(&ast::ProjectionBody::limit)])];
auto const projection_item_def = expression >> -(keyword("as") > variable);

auto const sort_items_def = sort_item % ',';
auto const sort_item_def = expression >> sort_direction;
auto const sort_direction_def = ((keyword("descending") | keyword("desc")) >> attr(true))
    | ((keyword("ascending") | keyword("asc")) >> attr(false)) | attr(false);

// ---------------------------------------------------------------- procedures
// CALL db.labels() YIELD label AS l WHERE ...; the parentheses may be left out.
auto const call_def = by_actions[keyword("call") > procedure_name[assign_to(&ast::Call::procedure)]
    >> -(lit('(') > -expression_list[assign_to(&ast::Call::arguments)] > lit(')'))
           [set_to(&ast::Call::has_arguments, true)]
    >> -(keyword("yield") >> lit('*'))[set_to(&ast::Call::yield_star, true)]
    >> -(keyword("yield") > yield_items[assign_to(&ast::Call::yields)])
    >> -where[assign_to(&ast::Call::where)]];
auto const procedure_name_def = by_actions[(symbolic_name % '.')[([](auto& context) {
    for (auto const& part : x3::_attr(context)) {
        if (!x3::_val(context).empty()) x3::_val(context) += '.';
        x3::_val(context) += part;
    }
})]];
auto const yield_items_def = yield_item % ',';
auto const yield_item_def = symbolic_name >> -(keyword("as") > variable);

auto const expression_list_def = expression % ',';

BOOST_SPIRIT_DEFINE(regular_query, union_part, single_query, clause, match, unwind, create, merge,
                    merge_action, merge_trigger, set_clause, set_items, set_item, set_property,
                    set_variable, set_operator, set_labels, property_expression, property_owner, remove,
                    remove_items, remove_item, remove_property, remove_labels, delete_,
                    delete_keyword, with, return_, projection_body, projection_item, sort_items,
                    sort_item, sort_direction, call, procedure_name, yield_items, yield_item,
                    expression_list)

}  // namespace parser

parser::regular_query_type const& regular_query() { return parser::regular_query; }

}  // namespace kgq::grammar
