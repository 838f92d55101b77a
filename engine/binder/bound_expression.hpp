// engine/binder/bound_expression.hpp — expressions after binding: variables resolved to row
// slots, property keys and functions resolved, literals converted, operator chains folded.
// Produced by the binder (bind_expression.cpp), planned by the planner (subqueries) and
// evaluated by the executor's ExpressionEvaluator. Carries source offsets for run-time errors.
#pragma once

#include "catalog/logical_type.hpp"
#include "kgq/value.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kgq::function {
struct FunctionDef;
}

namespace kgq::binder {

enum class ExprKind {
    Constant,  // value
    Parameter,  // name
    Variable,  // slot
    Property,  // children[0].name (key by name: open-mode keys may appear later)
    Function,  // function(children...)
    AggregateRef,  // slot: the aggregate's result after aggregation
    Not,
    Negate,
    And,
    Or,
    Xor,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    RegexMatch,
    In,
    StartsWith,
    EndsWith,
    Contains,
    IsNull,
    IsNotNull,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Power,
    ListLiteral,  // children
    MapLiteral,  // keys + children
    Index,  // children[0][children[1]]
    Slice,  // children[0][children[1]..children[2]] (null child: open end)
    LabelCheck,  // children[0] has all labels (names)
    Case,  // [subject?] when/then pairs [else]: see case_* fields
    ListComprehension,  // slot := each of children[0]; filter children[1]?; map children[2]?
    Quantifier,  // all/any/none/single
    MapProjection,  // children[0] base; items
    Subquery,  // EXISTS / pattern predicate / pattern comprehension: subquery_id
    PathBuild,  // path from node/rel slots: slots (alternating), var-length lists expanded
};

enum class QuantifierKind { All, Any, None, Single };
enum class SubqueryMode { Exists, Collect, Count };

struct MapProjectionEntry {
    enum class Kind { Property, AllProperties, Literal, Variable } kind = Kind::Property;
    std::string key;
    int child = -1;  // index into children for Literal/Variable
};

struct BoundExpression {
    ExprKind kind = ExprKind::Constant;
    std::uint32_t offset = 0;  // in the statement text, for run-time errors
    std::uint32_t length = 0;
    catalog::LogicalType type;  // inferred result type (ANY when unknown)

    Value value;  // Constant
    std::string name;  // Parameter, Property key, Function display name
    int slot = -1;  // Variable, AggregateRef, comprehension variable
    const function::FunctionDef* function = nullptr;
    std::vector<std::unique_ptr<BoundExpression>> children;
    std::vector<std::string> keys;  // MapLiteral keys, LabelCheck labels
    bool has_subject = false;  // Case: children[0] is the subject
    bool has_else = false;  // Case: last child is the ELSE
    bool has_filter = false;  // ListComprehension / Quantifier
    bool has_projection = false;  // ListComprehension
    QuantifierKind quantifier = QuantifierKind::All;
    std::vector<MapProjectionEntry> map_items;
    int subquery_id = -1;  // Subquery
    SubqueryMode subquery_mode = SubqueryMode::Exists;
    // Subquery: the outer variables it reads, when known (pattern predicates and
    // comprehensions), so that the planner can apply it as soon as they are bound.
    bool outer_slots_known = false;
    std::vector<int> outer_slots;
    // PathBuild: alternating node and relationship slots; rel_is_list marks var-length
    // relationships (a slot holding a list of relationships).
    std::vector<int> path_slots;
    std::vector<bool> rel_is_list;

    std::unique_ptr<BoundExpression> clone() const;
};

using ExprPtr = std::unique_ptr<BoundExpression>;

}  // namespace kgq::binder
