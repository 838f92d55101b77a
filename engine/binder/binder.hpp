// engine/binder/binder.hpp — turns a parsed query (ast::RegularQuery) into a BoundQuery:
// resolves variables to row slots, checks scoping, folds operator chains, resolves functions
// and aggregates, and reports semantic errors at the offending node's position.
// Called by Database (engine/main/); split by topic into bind_*.cpp as Kùzu's binder is.
#pragma once

#include "binder/bound_query.hpp"
#include "catalog/catalog.hpp"
#include "kgq/database.hpp"
#include "kgq/error.hpp"

#include "ast.hpp"

#include <map>
#include <string>
#include <string_view>

namespace kgq::function {
class ProcedureRegistry;
}

namespace kgq::binder {

class Binder {
public:
    Binder(const catalog::Catalog& catalog, const Parameters& parameters, std::string_view text,
           const function::ProcedureRegistry* procedures = nullptr);

    BoundQuery bind(const ast::RegularQuery& query);

    // Errors at an AST node's position ("Semantic error: ..."), thrown as kgq::Exception.
    [[noreturn]] void fail(ErrorKind kind, std::string code, std::string detail, std::string message,
                           const ast::Located& where) const;

private:
    struct VariableInfo {
        int slot = -1;
        VariableKind kind = VariableKind::Value;
        catalog::TypeKind value_type = catalog::TypeKind::Any;  // for Value: what is known of it
    };
    using Scope = std::map<std::string, VariableInfo, std::less<>>;

    // Collects aggregate calls met while binding a projection item.
    struct AggregateCollector {
        std::vector<AggregateSpec>* specs = nullptr;
        bool inside_aggregate = false;
    };

    /*** bind clauses (bind_clause.cpp) ***/
    BoundSingleQuery bind_single_query(const ast::SingleQuery& query, bool is_subquery);
    BoundMatch bind_match(const ast::Match& match);
    BoundUnwind bind_unwind(const ast::Unwind& unwind);
    BoundCreate bind_create(const ast::Create& create);
    BoundMerge bind_merge(const ast::Merge& merge);
    BoundSet bind_set(const ast::SetClause& set);
    BoundSetItem bind_set_item(const ast::SetItem& item);
    BoundRemove bind_remove(const ast::Remove& remove);
    BoundDelete bind_delete(const ast::Delete& del);
    BoundCall bind_call(const ast::Call& call);

    /*** bind projections (bind_projection.cpp) ***/
    BoundProjection bind_projection(const ast::ProjectionBody& body, bool is_return,
                                    const boost::optional<ast::Expression>& where);
    ExprPtr bind_skip_limit(const ast::Expression& e, const char* what);

    /*** bind graph patterns (bind_pattern.cpp) ***/
    enum class PatternUse { Match, Create, Merge };
    BoundPattern bind_pattern(const ast::Pattern& pattern, PatternUse use, std::vector<int>* introduced);
    void bind_pattern_part(const ast::PatternPart& part, BoundPattern& out, PatternUse use,
                           std::vector<int>* introduced);
    int bind_node_pattern(const ast::NodePattern& node, BoundPattern& out, PatternUse use,
                          std::vector<int>* introduced);
    int bind_rel_pattern(const ast::RelationshipPattern& rel, BoundPattern& out, PatternUse use,
                         std::vector<int>* introduced);
    void bind_pattern_properties(const boost::optional<ast::Expression>& props,
                                 std::vector<std::pair<std::string, ExprPtr>>& out, ExprPtr& map_out);

    /*** bind expressions (bind_expression.cpp) ***/
    ExprPtr bind_expression(const ast::Expression& e);
    ExprPtr bind_chain(const ast::OperatorChain& chain);
    ExprPtr bind_access_chain(const ast::AccessChain& chain);
    ExprPtr bind_function(const ast::FunctionCall& call);
    ExprPtr bind_aggregate(const ast::FunctionCall* call, const ast::Located& where);
    ExprPtr bind_case(const ast::CaseExpression& c);
    ExprPtr bind_list_comprehension(const ast::ListComprehension& c);
    ExprPtr bind_quantifier(const ast::Quantifier& q);
    ExprPtr bind_map_projection(const ast::MapProjection& m);
    ExprPtr bind_pattern_subquery(const ast::PatternElement& element, const boost::optional<std::string>& path_variable,
                                  const boost::optional<ast::Expression>& where, const ast::Expression* projection,
                                  const ast::Located& where_at, SubqueryMode mode);
    ExprPtr bind_exists_subquery(const ast::ExistsSubquery& e);
    ExprPtr make_int_literal(const ast::IntLiteral& lit, bool negated);
    std::vector<ExprPtr> split_conjuncts(ExprPtr e);
    std::vector<ExprPtr> bind_where(const ast::Expression& where);
    void check_boolean_operand(const BoundExpression& e, const char* op) const;
    void check_argument_types(const BoundExpression& call) const;

    /*** schema checks and type inference (bind_schema_checks.cpp) ***/
    // Strict mode: unknown names are errors with suggestions; open mode: warnings.
    std::vector<catalog::TypeId> check_node_labels(const ast::NodePattern& node, PatternUse use);
    std::vector<catalog::TypeId> check_rel_types(const ast::RelationshipPattern& rel, PatternUse use);
    void check_property_access(const BoundExpression& base, const std::string& key, const ast::Located& at);
    // Untyped nodes reached through typed relations get the endpoint types; impossible
    // patterns are errors.
    void infer_endpoint_types(BoundPattern& pattern, const ast::Located& at);
    void warn(std::string code, std::string message, const ast::Located& at);
    // The declared type of base.key when every type base can have declares it alike.
    catalog::LogicalType declared_property_type(const BoundExpression& base, const std::string& key) const;
    // Values of these types are never comparable / are no numbers: an error in strict mode
    // (the result would always be null or false), a warning in open mode.
    void check_comparable(const BoundExpression& a, const BoundExpression& b, const ast::Located& at);
    void check_arithmetic_operand(const BoundExpression& e, const ast::Located& at);
    void check_aggregate_argument(const AggregateSpec& spec, const ast::Located& at);
    std::vector<catalog::TypeId>& slot_types(int slot);

    /*** scope ***/
    int new_slot(const std::string& name, VariableKind kind);
    const VariableInfo* lookup(std::string_view name) const;
    void declare(const std::string& name, int slot, VariableKind kind,
                 catalog::TypeKind value_type = catalog::TypeKind::Any) {
        scope_[name] = {slot, kind, value_type};
    }

    const catalog::Catalog& catalog_;
    const Parameters& parameters_;
    const function::ProcedureRegistry* procedures_ = nullptr;
    bool standalone_call_ = false;  // the query is one CALL clause: it may omit YIELD and parentheses
    std::string_view text_;
    Scope scope_;
    BoundQuery* query_ = nullptr;
    AggregateCollector* aggregates_ = nullptr;  // non-null while binding a projection item
    int depth_ = 0;
    bool pattern_predicates_allowed_ = false;
    bool writes_so_far_ =
        false;  // an earlier clause writes: open-mode names may appear  // (a)-->(b) as an expression: only in WHERE
    int hidden_counter_ = 0;
};

// Rough count of the expression tree's depth; the evaluator recurses, so very deep trees
// (a million-term sum) are rejected by the binder before they can overflow the stack.
inline constexpr int max_expression_depth = 3000;
// Clauses of one query, UNION branches included: each becomes an operator above the last, and
// planning, building and pulling rows recurse along that chain.
inline constexpr std::size_t max_query_clauses = 1000;
// Relationships of one pattern part: the join-order search grows with the square of them.
inline constexpr std::size_t max_pattern_relationships = 2000;

}  // namespace kgq::binder
