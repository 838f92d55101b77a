// grammar/ast.hpp — the syntax tree of kgq statements (Cypher plus schema/import statements).
// Plain structs filled by the X3 grammar (grammar/*_def.hpp) and read by the engine's binder.
// Knows nothing of graphs, types or execution.
#pragma once

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace kgq::ast {
namespace x3 = boost::spirit::x3;

// Where a node came from: byte offsets [begin, end) into the parsed text. Set by the
// grammar's annotation handler on success; the binder turns them into line/column.
struct Located {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

// ---------------------------------------------------------------- expressions
struct NullLiteral : Located {};
struct BoolLiteral : Located { bool value = false; };
// Numbers keep their text: the binder converts them and reports overflow at the literal.
struct IntLiteral : Located { std::string text; };    // decimal, 0x hex, 0o octal
struct FloatLiteral : Located { std::string text; };  // 1.5, .5, 1e3, 1.5E-3
struct StringLiteral : Located { std::string value; };  // escapes already resolved
struct Parameter : Located { std::string name; };        // $name or $0
struct Variable : Located { std::string name; };         // backquoted names unquoted

struct ListLiteral;
struct MapLiteral;
struct FunctionCall;
struct CaseExpression;
struct ListComprehension;
struct PatternComprehension;
struct Quantifier;
struct ExistsSubquery;
struct PatternPredicate;
struct MapProjection;
struct UnaryOperation;
struct OperatorChain;
struct AccessChain;

// At most 20 alternatives: Boost.Variant's (MPL's) limit. count(*) is a FunctionCall.
struct Expression
    : x3::variant<NullLiteral, BoolLiteral, IntLiteral, FloatLiteral, StringLiteral, Parameter,
                  Variable, x3::forward_ast<ListLiteral>, x3::forward_ast<MapLiteral>,
                  x3::forward_ast<FunctionCall>, x3::forward_ast<CaseExpression>,
                  x3::forward_ast<ListComprehension>, x3::forward_ast<PatternComprehension>,
                  x3::forward_ast<Quantifier>, x3::forward_ast<ExistsSubquery>,
                  x3::forward_ast<PatternPredicate>, x3::forward_ast<MapProjection>,
                  x3::forward_ast<UnaryOperation>, x3::forward_ast<OperatorChain>,
                  x3::forward_ast<AccessChain>> {
    using base_type::base_type;
    using base_type::operator=;
};

enum class UnaryOperator { Not, Minus, Plus };

struct UnaryOperation : Located {
    UnaryOperator op = UnaryOperator::Not;
    Expression operand;
};

// One precedence level of binary operators, left to right: `first op1 x1 op2 x2 ...`.
// All levels share this node; the binder folds it into a tree (comparison chains
// `a < b < c` become `a < b AND b < c`, as openCypher defines).
enum class BinaryOperator {
    Or, Xor, And,
    Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
    RegexMatch, In, StartsWith, EndsWith, Contains,
    IsNull, IsNotNull,  // postfix: the operation's operand is unused (NullLiteral)
    Add, Subtract, Multiply, Divide, Modulo, Power,
};

struct Operation : Located {
    BinaryOperator op = BinaryOperator::Add;
    Expression operand;
};

struct OperatorChain : Located {
    Expression first;
    std::vector<Operation> rest;
};

// Postfix accessors on an atom: n.name, list[0], list[1..3], n:Label:Other.
struct PropertyLookup : Located { std::string key; };
struct IndexAccess : Located { Expression index; };
struct SliceAccess : Located {
    boost::optional<Expression> from;
    boost::optional<Expression> to;
};
struct LabelCheck : Located { std::vector<std::string> labels; };

struct Accessor : x3::variant<PropertyLookup, x3::forward_ast<IndexAccess>,
                              x3::forward_ast<SliceAccess>, LabelCheck> {
    using base_type::base_type;
    using base_type::operator=;
};

struct AccessChain : Located {
    Expression base;
    std::vector<Accessor> accessors;
};

struct ListLiteral : Located { std::vector<Expression> items; };

struct MapEntry : Located {
    std::string key;
    Expression value;
};
struct MapLiteral : Located { std::vector<MapEntry> entries; };

struct FunctionCall : Located {
    std::string name;  // dotted names joined: "date.truncate"
    bool distinct = false;
    bool star = false;  // count(*): name "count", no arguments
    std::vector<Expression> arguments;
};

struct CaseAlternative : Located {
    Expression when;
    Expression then;
};
struct CaseExpression : Located {
    boost::optional<Expression> subject;  // simple form: CASE subject WHEN value THEN ...
    std::vector<CaseAlternative> alternatives;
    boost::optional<Expression> otherwise;
};

// [x IN list WHERE pred | projection]
struct ListComprehension : Located {
    Variable variable;
    Expression list;
    boost::optional<Expression> where;
    boost::optional<Expression> projection;
};

enum class QuantifierKind { All, Any, None, Single };
// all(x IN list WHERE pred)
struct Quantifier : Located {
    QuantifierKind kind = QuantifierKind::All;
    Variable variable;
    Expression list;
    boost::optional<Expression> where;
};

// Map projection n{.name, .*, key: expr, var}
enum class MapProjectionKind { Property, AllProperties, Literal, Variable };
struct MapProjectionItem : Located {
    MapProjectionKind kind = MapProjectionKind::Property;
    std::string key;                    // property name, literal key or variable name
    boost::optional<Expression> value;  // Literal entries only
};
struct MapProjection : Located {
    Variable base;
    std::vector<MapProjectionItem> items;
};

// ---------------------------------------------------------------- patterns
// Labels as a conjunction of disjunctions: `:A:B` is {{A},{B}}; `:A|B` is {{A,B}}.
using LabelExpression = std::vector<std::vector<std::string>>;

struct NodePattern : Located {
    boost::optional<std::string> variable;
    LabelExpression labels;
    boost::optional<Expression> properties;  // MapLiteral or Parameter
};

enum class Direction { Outgoing, Incoming, Both };

// `*`, `*2`, `*1..3`, `*..5`, `*2..`
struct VariableLength : Located {
    boost::optional<IntLiteral> low;
    bool has_range = false;  // ".." present
    boost::optional<IntLiteral> high;
};

struct RelationshipPattern : Located {
    Direction direction = Direction::Both;
    boost::optional<std::string> variable;
    std::vector<std::string> types;  // alternatives: [:A|B]
    boost::optional<VariableLength> length;
    boost::optional<Expression> properties;
};

struct PatternElementChain : Located {
    RelationshipPattern relationship;
    NodePattern node;
};

struct PatternElement : Located {
    NodePattern start;
    std::vector<PatternElementChain> chain;
};

enum class PathFunction { None, ShortestPath, AllShortestPaths };

struct PatternPart : Located {
    boost::optional<std::string> path_variable;  // p = ...
    PathFunction function = PathFunction::None;
    PatternElement element;
};

using Pattern = std::vector<PatternPart>;

// (a)-[:R]->(b) used as a boolean expression
struct PatternPredicate : Located { PatternElement element; };

// [p = (a)-->(b) WHERE pred | projection]
struct PatternComprehension : Located {
    boost::optional<std::string> path_variable;
    PatternElement element;
    boost::optional<Expression> where;
    Expression projection;
};

// ---------------------------------------------------------------- clauses
struct Match : Located {
    bool optional = false;
    Pattern pattern;
    boost::optional<Expression> where;
};

struct Unwind : Located {
    Expression list;
    Variable variable;
};

struct Create : Located { Pattern pattern; };

// SET n.p = v | SET n = map | SET n += map | SET n:Label
struct SetProperty : Located {
    AccessChain target;  // ends in a PropertyLookup
    Expression value;
};
struct SetVariable : Located {
    Variable variable;
    bool merge = false;  // += rather than =
    Expression value;
};
struct SetLabels : Located {
    Variable variable;
    std::vector<std::string> labels;
};
struct SetItem : x3::variant<SetProperty, SetVariable, SetLabels> {
    using base_type::base_type;
    using base_type::operator=;
};
struct SetClause : Located { std::vector<SetItem> items; };

struct RemoveLabels : Located {
    Variable variable;
    std::vector<std::string> labels;
};
struct RemoveProperty : Located { AccessChain target; };
struct RemoveItem : x3::variant<RemoveLabels, RemoveProperty> {
    using base_type::base_type;
    using base_type::operator=;
};
struct Remove : Located { std::vector<RemoveItem> items; };

struct Delete : Located {
    bool detach = false;
    std::vector<Expression> targets;
};

struct MergeAction : Located {
    bool on_create = true;  // ON CREATE SET, else ON MATCH SET
    SetClause set;
};
struct Merge : Located {
    PatternPart pattern;
    std::vector<MergeAction> actions;
};

struct ProjectionItem : Located {
    Expression expression;
    boost::optional<Variable> alias;
    std::string text;  // the expression as written, the column name when there is no alias
};

struct SortItem : Located {
    Expression expression;
    bool descending = false;
};

struct ProjectionBody : Located {
    bool distinct = false;
    bool star = false;  // RETURN * / WITH *, possibly followed by more items
    std::vector<ProjectionItem> items;
    std::vector<SortItem> order_by;
    boost::optional<Expression> skip;
    boost::optional<Expression> limit;
};

struct With : Located {
    ProjectionBody body;
    boost::optional<Expression> where;
};

struct Return : Located { ProjectionBody body; };

// CALL name(args) YIELD a, b AS c WHERE ...
struct YieldItem : Located {
    std::string field;
    boost::optional<Variable> alias;
};
struct Call : Located {
    std::string procedure;  // dotted name
    bool has_arguments = false;
    std::vector<Expression> arguments;
    bool yield_star = false;
    std::vector<YieldItem> yields;
    boost::optional<Expression> where;
};

struct Clause : x3::variant<Match, Unwind, Create, Merge, SetClause, Remove, Delete, With, Return,
                            Call> {
    using base_type::base_type;
    using base_type::operator=;
};

struct SingleQuery : Located { std::vector<Clause> clauses; };

struct UnionPart : Located {
    bool all = false;
    SingleQuery query;
};

struct RegularQuery : Located {
    SingleQuery first;
    std::vector<UnionPart> unions;
};

// EXISTS { MATCH ... RETURN ... } or EXISTS { (a)-->(b) WHERE ... }
struct ExistsSubquery : Located {
    boost::optional<RegularQuery> query;
    boost::optional<Pattern> pattern;
    boost::optional<Expression> where;
};

// ---------------------------------------------------------------- schema and import
// Type names as written: BOOL, INT, FLOAT, STRING, DATE, DATETIME, LIST<INT>, ...
struct TypeName : Located {
    std::string name;
    boost::optional<std::string> element;  // LIST<element>
};

struct PropertyDeclaration : Located {
    std::string name;
    TypeName type;
    bool key = false;
};

// CREATE [ABSTRACT] NODE TYPE Malware UNDER Software (name STRING KEY, first_seen DATE)
struct CreateNodeType : Located {
    bool abstract = false;
    std::string name;
    boost::optional<std::string> supertype;
    std::vector<PropertyDeclaration> properties;
};

struct Endpoint : Located {
    std::string from;
    std::string to;
};

// CREATE RELATION TYPE USES (FROM IntrusionSet TO Software, FROM Campaign TO Software, since DATE)
struct CreateRelationType : Located {
    std::string name;
    std::vector<Endpoint> endpoints;
    std::vector<PropertyDeclaration> properties;
};

struct CopyOption : Located {
    std::string name;
    Expression value;
};

// COPY Person FROM 'person.csv' (DELIM '|', HEADER true)
struct CopyFrom : Located {
    std::string table;
    StringLiteral path;
    std::vector<CopyOption> options;
};

// IMPORT STIX 'bundle.json'
struct ImportStix : Located { StringLiteral path; };

// EXPORT STIX 'bundle.json' [FROM query]: the whole graph, or the nodes, relationships and
// paths a query returns (with the endpoints of those relationships).
struct ExportStix : Located {
    StringLiteral path;
    boost::optional<RegularQuery> query;
};

// BEGIN [TRANSACTION] (or START TRANSACTION), COMMIT, ROLLBACK: the statements between run
// or roll back together. CHECKPOINT writes a database file's snapshot, which is allowed
// only between transactions.
enum class TransactionAction { Begin, Commit, Rollback, Checkpoint };
struct TransactionControl : Located { TransactionAction action = TransactionAction::Begin; };

struct StatementBody : x3::variant<RegularQuery, CreateNodeType, CreateRelationType, CopyFrom,
                                   ImportStix, ExportStix, TransactionControl> {
    using base_type::base_type;
    using base_type::operator=;
};

enum class ExplainMode { None, Explain, Profile };

struct Statement : Located {
    ExplainMode mode = ExplainMode::None;
    StatementBody body;
};

// A script: statements separated by ';' (a trailing ';' is optional).
struct Script : Located { std::vector<Statement> statements; };

}  // namespace kgq::ast
