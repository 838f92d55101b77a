// grammar/expression_def.hpp — the expression grammar: openCypher precedence levels
// (OR, XOR, AND, NOT, comparison, string/list/null predicates, + -, * / %, ^, unary + -,
// postfix accessors) and the atoms. Included only by expression.cpp.
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
using ast::BinaryOperator;
using x3::attr;
using x3::lit;
using x3::matches;

// `list[i]` and `list[a..b]` share their start; they are parsed once into this and then
// told apart, so nested subscripts never parse twice.
struct SubscriptAccess : ast::Located {
    boost::optional<ast::Expression> from;
    bool is_slice = false;
    boost::optional<ast::Expression> to;
};

struct expression_class : annotate_position {};
struct map_literal_class : annotate_position {};
struct parameter_class : annotate_position {};
struct variable_class : annotate_position {};
struct int_literal_class : annotate_position {};
struct string_literal_class : annotate_position {};
struct property_lookup_class : annotate_position {};

struct operation_class : annotate_position {};
struct level_class : annotate_position {};
struct unary_operation_class : annotate_position {};
struct sign_operation_class : annotate_position {};
struct subscript_accessor_class : annotate_position {};
struct accessor_class : annotate_position {};
struct subscript_class : annotate_position {};
struct label_check_class : annotate_position {};
struct atom_class : annotate_position {};
struct float_literal_class : annotate_position {};
struct null_literal_class : annotate_position {};
struct bool_literal_class : annotate_position {};
struct count_star_class : annotate_position {};
struct case_expression_class : annotate_position {};
struct case_alternatives_class : annotate_position {};
struct case_alternative_class : annotate_position {};
struct list_literal_class : annotate_position {};
struct list_comprehension_class : annotate_position {};
struct pattern_comprehension_class : annotate_position {};
struct related_element_class : annotate_position {};
struct pattern_predicate_class : annotate_position {};
struct map_entry_class : annotate_position {};
struct map_projection_class : annotate_position {};
struct map_projection_item_class : annotate_position {};
struct exists_subquery_class : annotate_position {};
struct exists_body_class : annotate_position {};
struct quantifier_class : annotate_position {};
struct quantifier_kind_class : annotate_position {};
struct function_call_class : annotate_position {};
struct function_name_class : annotate_position {};
struct parenthesized_class : annotate_position {};

// Distinct ID types per precedence level (the template parameter) keep one rule per level.
template <int Level>
struct level_id : level_class {};
template <int Level>
struct operation_id : operation_class {};

expression_type const expression = "an expression";
map_literal_type const map_literal = "a map";
parameter_type const parameter = "a parameter";
variable_type const variable = "a variable";
int_literal_type const int_literal = "an integer";
string_literal_type const string_literal = "a string";
property_lookup_type const property_lookup = "a property lookup";

enum Level { Or, Xor, And, Not, Comparison, Predicate, Additive, Multiplicative, Power, Unary, Postfix };
template <int L>
using level_rule = x3::rule<level_id<L>, ast::Expression>;
template <int L>
using operation_rule = x3::rule<operation_id<L>, ast::Operation>;

level_rule<Xor> const xor_expression = "an expression";
level_rule<And> const and_expression = "an expression";
level_rule<Not> const not_expression = "an expression";
level_rule<Comparison> const comparison_expression = "an expression";
level_rule<Predicate> const predicate_expression = "an expression";
level_rule<Additive> const additive_expression = "an expression";
level_rule<Multiplicative> const multiplicative_expression = "an expression";
level_rule<Power> const power_expression = "an expression";
level_rule<Unary> const unary_expression = "an expression";
level_rule<Postfix> const postfix_expression = "an expression";

operation_rule<Or> const or_operation = "'OR'";
operation_rule<Xor> const xor_operation = "'XOR'";
operation_rule<And> const and_operation = "'AND'";
operation_rule<Comparison> const comparison_operation = "a comparison";
operation_rule<Predicate> const predicate_operation = "a predicate";
operation_rule<Additive> const additive_operation = "'+' or '-'";
operation_rule<Multiplicative> const multiplicative_operation = "'*', '/' or '%'";
operation_rule<Power> const power_operation = "'^'";

x3::rule<unary_operation_class, ast::UnaryOperation> const negation = "'NOT'";
x3::rule<sign_operation_class, ast::UnaryOperation> const sign_operation = "'-' or '+'";
x3::rule<accessor_class, ast::Accessor> const accessor = "an accessor";
x3::rule<subscript_class, SubscriptAccess> const subscript = "a subscript";
x3::rule<subscript_accessor_class, ast::Accessor> const subscript_accessor = "a subscript";
x3::rule<label_check_class, ast::LabelCheck> const label_check = "a label check";

x3::rule<atom_class, ast::Expression> const atom = "an expression";
x3::rule<float_literal_class, ast::FloatLiteral> const float_literal = "a number";
x3::rule<null_literal_class, ast::NullLiteral> const null_literal = "'NULL'";
x3::rule<bool_literal_class, ast::BoolLiteral> const bool_literal = "'TRUE' or 'FALSE'";
x3::rule<count_star_class, ast::FunctionCall> const count_star = "count(*)";
x3::rule<case_expression_class, ast::CaseExpression> const case_expression = "a CASE expression";
x3::rule<case_alternatives_class, std::vector<ast::CaseAlternative>> const case_alternatives = "'WHEN'";
x3::rule<case_alternative_class, ast::CaseAlternative> const case_alternative = "'WHEN'";
x3::rule<list_literal_class, ast::ListLiteral> const list_literal = "a list";
x3::rule<list_comprehension_class, ast::ListComprehension> const list_comprehension = "a list comprehension";
x3::rule<pattern_comprehension_class, ast::PatternComprehension> const pattern_comprehension = "a pattern comprehension";
x3::rule<related_element_class, ast::PatternElement> const related_element = "a pattern with a relationship";
x3::rule<pattern_predicate_class, ast::PatternPredicate> const pattern_predicate = "a pattern";
x3::rule<map_entry_class, ast::MapEntry> const map_entry = "a map entry";
x3::rule<map_projection_class, ast::MapProjection> const map_projection = "a map projection";
x3::rule<map_projection_item_class, ast::MapProjectionItem> const map_projection_item = "a map projection item";
x3::rule<exists_subquery_class, ast::ExistsSubquery> const exists_subquery = "an EXISTS subquery";
x3::rule<exists_body_class, ast::ExistsSubquery> const exists_body = "a query or a pattern";
x3::rule<quantifier_class, ast::Quantifier> const quantifier = "a quantifier";
x3::rule<quantifier_kind_class, ast::QuantifierKind> const quantifier_kind = "ALL, ANY, NONE or SINGLE";
x3::rule<function_call_class, ast::FunctionCall> const function_call = "a function call";
x3::rule<function_name_class, std::string> const function_name = "a function name";
x3::rule<parenthesized_class, ast::Expression> const parenthesized = "a parenthesized expression";
x3::rule<struct parameter_name_class, std::string> const parameter_name = "a parameter name";
x3::rule<struct argument_list_class, std::vector<ast::Expression>> const argument_list = "arguments";

// Rules of other groups, reached through their accessors (a reference per file).
namespace {
auto const& pattern = grammar::pattern();
auto const& pattern_element = grammar::pattern_element();
auto const& regular_query = grammar::regular_query();
}  // namespace

// An operator followed by its right operand, as one ast::Operation.
inline auto operation(BinaryOperator op) {
    return [op](auto& context) {
        x3::_val(context).op = op;
        x3::_val(context).operand = std::move(x3::_attr(context));
    };
}
// IS NULL / IS NOT NULL take no right operand; the Operation's operand stays NullLiteral.
inline auto null_test(BinaryOperator op) {
    return [op](auto& context) { x3::_val(context).op = op; };
}

// ---------------------------------------------------------------- precedence levels
auto const expression_def = (xor_expression >> *or_operation)[fold_operator_chain{}];
auto const or_operation_def =
    by_actions[(keyword("or") > xor_expression)[operation(BinaryOperator::Or)]];

auto const xor_expression_def = (and_expression >> *xor_operation)[fold_operator_chain{}];
auto const xor_operation_def =
    by_actions[(keyword("xor") > and_expression)[operation(BinaryOperator::Xor)]];

auto const and_expression_def = (not_expression >> *and_operation)[fold_operator_chain{}];
auto const and_operation_def =
    by_actions[(keyword("and") > not_expression)[operation(BinaryOperator::And)]];

auto const not_expression_def = negation | comparison_expression;
auto const negation_def = keyword("not") >> attr(ast::UnaryOperator::Not) > not_expression;

auto const comparison_expression_def =
    (predicate_expression >> *comparison_operation)[fold_operator_chain{}];
auto const comparison_operation_def =
      by_actions[(token("<>") > predicate_expression)[operation(BinaryOperator::NotEqual)]
    | (token("!=") > predicate_expression)[operation(BinaryOperator::NotEqual)]
    | (token("<=") > predicate_expression)[operation(BinaryOperator::LessEqual)]
    | (token(">=") > predicate_expression)[operation(BinaryOperator::GreaterEqual)]
    | (lit('=') > predicate_expression)[operation(BinaryOperator::Equal)]
    | (lit('<') > predicate_expression)[operation(BinaryOperator::Less)]
    | (lit('>') > predicate_expression)[operation(BinaryOperator::Greater)]];

// =~ binds tighter than =, so it is tried here, below the comparison level.
auto const predicate_expression_def =
    (additive_expression >> *predicate_operation)[fold_operator_chain{}];
auto const predicate_operation_def =
      by_actions[(token("=~") > additive_expression)[operation(BinaryOperator::RegexMatch)]
    | (keyword("in") > additive_expression)[operation(BinaryOperator::In)]
    | (keyword("starts") > keyword("with") > additive_expression)[operation(BinaryOperator::StartsWith)]
    | (keyword("ends") > keyword("with") > additive_expression)[operation(BinaryOperator::EndsWith)]
    | (keyword("contains") > additive_expression)[operation(BinaryOperator::Contains)]
    | (keyword("is") >> keyword("null"))[null_test(BinaryOperator::IsNull)]
    | (keyword("is") > keyword("not") > keyword("null"))[null_test(BinaryOperator::IsNotNull)]];

auto const additive_expression_def =
    (multiplicative_expression >> *additive_operation)[fold_operator_chain{}];
auto const additive_operation_def =
      by_actions[(lit('+') > multiplicative_expression)[operation(BinaryOperator::Add)]
    | (lit('-') > multiplicative_expression)[operation(BinaryOperator::Subtract)]];

auto const multiplicative_expression_def =
    (power_expression >> *multiplicative_operation)[fold_operator_chain{}];
auto const multiplicative_operation_def =
      by_actions[(lit('*') > power_expression)[operation(BinaryOperator::Multiply)]
    | (lit('/') > power_expression)[operation(BinaryOperator::Divide)]
    | (lit('%') > power_expression)[operation(BinaryOperator::Modulo)]];

auto const power_expression_def = (unary_expression >> *power_operation)[fold_operator_chain{}];
auto const power_operation_def =
    by_actions[(lit('^') > unary_expression)[operation(BinaryOperator::Power)]];

auto const unary_expression_def = sign_operation | postfix_expression;
auto const sign_operation_def =
    ((lit('-') >> attr(ast::UnaryOperator::Minus)) | (lit('+') >> attr(ast::UnaryOperator::Plus)))
    > unary_expression;

// ---------------------------------------------------------------- postfix accessors
auto const postfix_expression_def = (atom >> *accessor)[fold_access_chain{}];

auto const to_accessor = [](auto& context) {
    SubscriptAccess& parsed = x3::_attr(context);
    if (parsed.is_slice) {
        ast::SliceAccess slice;
        static_cast<ast::Located&>(slice) = parsed;
        slice.from = std::move(parsed.from);
        slice.to = std::move(parsed.to);
        x3::_val(context) = std::move(slice);
    } else if (parsed.from && !parsed.to) {
        ast::IndexAccess index;
        static_cast<ast::Located&>(index) = parsed;
        index.index = std::move(*parsed.from);
        x3::_val(context) = std::move(index);
    } else {
        x3::_pass(context) = false;  // `x[]`: not an accessor
    }
};
auto const subscript_accessor_def = by_actions[subscript[to_accessor]];
auto const accessor_def = property_lookup | subscript_accessor | label_check;

// `1..3` in a slice must not read as a property lookup on 1.
auto const property_lookup_def =
    by_actions[(lit('.') >> !lit('.') > property_key)[assign_to(&ast::PropertyLookup::key)]];
auto const subscript_def = by_actions[lit('[') >> -expression[assign_to(&SubscriptAccess::from)]
    >> -(token("..")[set_to(&SubscriptAccess::is_slice, true)]
         >> -expression[assign_to(&SubscriptAccess::to)])
    > lit(']')];
auto const label_check_def =
    by_actions[(+(lit(':') >> label_name))[assign_to(&ast::LabelCheck::labels)]];

// ---------------------------------------------------------------- atoms
// Alternatives sharing a first token are ordered so the more specific one is tried first
// and gives up before committing: count(*) before f(x), [x IN l] before [a, b], and a
// parenthesised pattern before a parenthesised expression.
auto const atom_def = float_literal | int_literal | string_literal | parameter | null_literal
    | bool_literal | count_star | case_expression | list_comprehension | pattern_comprehension
    | list_literal | map_literal | exists_subquery | quantifier | pattern_predicate
    | parenthesized | function_call | map_projection | variable;

auto const float_literal_def = by_actions[float_text[assign_to(&ast::FloatLiteral::text)]];
auto const int_literal_def = by_actions[integer_text[assign_to(&ast::IntLiteral::text)]];
auto const string_literal_def = by_actions[string_text[assign_to(&ast::StringLiteral::value)]];
auto const parameter_name_def = symbolic_name | integer_text;
auto const parameter_def =
    by_actions[x3::lexeme[lit('$') >> parameter_name][assign_to(&ast::Parameter::name)]];
auto const variable_def = by_actions[variable_name[assign_to(&ast::Variable::name)]];
auto const null_literal_def = keyword("null");
auto const bool_literal_def = by_actions[keyword("true")[set_to(&ast::BoolLiteral::value, true)]
    | keyword("false")[set_to(&ast::BoolLiteral::value, false)]];
// count(*) is a FunctionCall named "count" with `star` set and no arguments.
auto const count_star_def = by_actions[(keyword("count") >> lit('(') >> lit('*') >> lit(')'))[(
    [](auto& context) {
        x3::_val(context).name = "count";
        x3::_val(context).star = true;
    })]];

auto const case_expression_def = by_actions[keyword("case")
    >> -(!keyword("when") >> expression)[assign_to(&ast::CaseExpression::subject)]
    > case_alternatives[assign_to(&ast::CaseExpression::alternatives)]
    >> -(keyword("else") > expression)[assign_to(&ast::CaseExpression::otherwise)]
    > keyword("end")];
auto const case_alternatives_def = +case_alternative;
auto const case_alternative_def = keyword("when") > expression > keyword("then") > expression;

auto const list_literal_def =
    by_actions[lit('[') > (-(expression % ','))[assign_to(&ast::ListLiteral::items)] > lit(']')];
auto const list_comprehension_def = lit('[') >> variable >> keyword("in") > expression
    >> -(keyword("where") > expression) >> -(lit('|') > expression) > lit(']');

// A pattern in an expression starts like a parenthesised expression: look ahead over the
// raw text (a node, then a relationship) before committing to it. Parsing the node and
// backtracking instead would parse `(a {k: (b {k: ...})})` twice per level.
struct pattern_ahead_parser : x3::parser<pattern_ahead_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        return scan::starts_pattern_with_relationship(first, last);
    }
};
constexpr pattern_ahead_parser pattern_ahead{};

auto const require_relationship = [](auto& context) {
    x3::_val(context) = std::move(x3::_attr(context));
    x3::_pass(context) = !x3::_val(context).chain.empty();
};
auto const related_element_def = by_actions[pattern_ahead >> pattern_element[require_relationship]];
auto const pattern_predicate_def =
    by_actions[related_element[assign_to(&ast::PatternPredicate::element)]];
auto const pattern_comprehension_def = lit('[') >> -(variable_name >> lit('=')) >> related_element
    > -(keyword("where") > expression) > lit('|') > expression > lit(']');

auto const map_literal_def =
    by_actions[lit('{') > (-(map_entry % ','))[assign_to(&ast::MapLiteral::entries)] > lit('}')];
auto const map_entry_def = property_key > lit(':') > expression;

auto const map_projection_def = variable >> lit('{') > -(map_projection_item % ',') > lit('}');
auto const projection_entry = [](ast::MapProjectionKind kind) {
    return [kind](auto& context) {
        auto& item = x3::_val(context);
        item.kind = kind;
        if constexpr (std::is_same_v<std::decay_t<decltype(x3::_attr(context))>, std::string>) {
            item.key = std::move(x3::_attr(context));
        } else if constexpr (!std::is_same_v<std::decay_t<decltype(x3::_attr(context))>,
                                             x3::unused_type>) {
            item.key = std::move(boost::fusion::at_c<0>(x3::_attr(context)));
            item.value = std::move(boost::fusion::at_c<1>(x3::_attr(context)));
        }
    };
};
auto const map_projection_item_def =
      by_actions[(lit('.') >> lit('*'))[projection_entry(ast::MapProjectionKind::AllProperties)]
    | (lit('.') > property_key)[projection_entry(ast::MapProjectionKind::Property)]
    | (property_key >> lit(':') > expression)[projection_entry(ast::MapProjectionKind::Literal)]
    | variable_name[projection_entry(ast::MapProjectionKind::Variable)]];

auto const exists_subquery_def = keyword("exists") >> lit('{') > exists_body > lit('}');
auto const exists_body_def = by_actions[regular_query[assign_to(&ast::ExistsSubquery::query)]
    | (pattern[assign_to(&ast::ExistsSubquery::pattern)]
       >> -(keyword("where") > expression)[assign_to(&ast::ExistsSubquery::where)])];

auto const quantifier_def = quantifier_kind >> lit('(') >> variable >> keyword("in") > expression
    >> -(keyword("where") > expression) > lit(')');
auto const quantifier_kind_def = (keyword("all") >> attr(ast::QuantifierKind::All))
    | (keyword("any") >> attr(ast::QuantifierKind::Any))
    | (keyword("none") >> attr(ast::QuantifierKind::None))
    | (keyword("single") >> attr(ast::QuantifierKind::Single));

// f(x), count(DISTINCT x), date.truncate(...), exists(n.p): dotted names are joined.
auto const function_call_def =
    function_name >> lit('(') > matches[keyword("distinct")] > argument_list > lit(')');
auto const argument_list_def = -(expression % ',');
auto const append_name_part = [](auto& context) {
    auto& name = x3::_val(context);
    if (!name.empty()) name += '.';
    name += x3::_attr(context);
};
auto const function_name_def =
    by_actions[(keyword("exists")[([](auto& context) { x3::_val(context) = "exists"; })]
     | variable_name[append_name_part])
    >> *(lit('.') >> symbolic_name[append_name_part])];

auto const parenthesized_def = lit('(') > expression > lit(')');

BOOST_SPIRIT_DEFINE(expression, or_operation, xor_expression, xor_operation, and_expression,
                    and_operation, not_expression, negation, comparison_expression,
                    comparison_operation, predicate_expression, predicate_operation,
                    additive_expression, additive_operation, multiplicative_expression,
                    multiplicative_operation, power_expression, power_operation,
                    unary_expression, sign_operation, postfix_expression, accessor,
                    property_lookup, subscript, subscript_accessor, label_check, atom, float_literal, int_literal,
                    string_literal, parameter, parameter_name, variable, null_literal, bool_literal, count_star,
                    case_expression, case_alternatives, case_alternative, list_literal,
                    list_comprehension, related_element, pattern_predicate,
                    pattern_comprehension, map_literal, map_entry, map_projection,
                    map_projection_item, exists_subquery, exists_body, quantifier,
                    quantifier_kind, function_call, argument_list, function_name, parenthesized)

}  // namespace parser

parser::expression_type const& expression() { return parser::expression; }
parser::map_literal_type const& map_literal() { return parser::map_literal; }
parser::parameter_type const& parameter() { return parser::parameter; }
parser::variable_type const& variable() { return parser::variable; }
parser::int_literal_type const& int_literal() { return parser::int_literal; }
parser::string_literal_type const& string_literal() { return parser::string_literal; }
parser::property_lookup_type const& property_lookup() { return parser::property_lookup; }

}  // namespace kgq::grammar
