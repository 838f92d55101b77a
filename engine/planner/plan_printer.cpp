// engine/planner/plan_printer.cpp — LogicalPlan::to_string: the text EXPLAIN shows, one
// operator per line, input below its consumer, subplans after the main plan.
#include "planner/logical_plan.hpp"

#include <sstream>

namespace kgq::planner {
namespace {

const char* op_name(LogicalOpKind k) {
    switch (k) {
        case LogicalOpKind::Argument: return "Argument";
        case LogicalOpKind::NodeScan: return "NodeScan";
        case LogicalOpKind::NodeByKey: return "NodeByKey";
        case LogicalOpKind::HashJoinScan: return "HashJoinScan";
        case LogicalOpKind::Expand: return "Expand";
        case LogicalOpKind::ExpandCount: return "ExpandCount";
        case LogicalOpKind::VarExpand: return "VarLengthExpand";
        case LogicalOpKind::ShortestPath: return "ShortestPath";
        case LogicalOpKind::Filter: return "Filter";
        case LogicalOpKind::Optional: return "Optional";
        case LogicalOpKind::Project: return "Project";
        case LogicalOpKind::Aggregate: return "Aggregate";
        case LogicalOpKind::Distinct: return "Distinct";
        case LogicalOpKind::Collapse: return "Collapse";
        case LogicalOpKind::PatternCount: return "PatternCount";
        case LogicalOpKind::Sort: return "Sort";
        case LogicalOpKind::Skip: return "Skip";
        case LogicalOpKind::Limit: return "Limit";
        case LogicalOpKind::Unwind: return "Unwind";
        case LogicalOpKind::Create: return "Create";
        case LogicalOpKind::Merge: return "Merge";
        case LogicalOpKind::SetProperties: return "Set";
        case LogicalOpKind::Remove: return "Remove";
        case LogicalOpKind::Delete: return "Delete";
        case LogicalOpKind::Eager: return "Eager";
        case LogicalOpKind::Union: return "Union";
        case LogicalOpKind::Call: return "Call";
        case LogicalOpKind::ProduceResults: return "ProduceResults";
    }
    return "?";
}

void print(const LogicalOperator& op, const binder::BoundQuery& query, int depth, std::ostringstream& out,
           const LogicalPlan::Annotator& annotate) {
    out << std::string(depth * 2, ' ') << op_name(op.kind);
    if (!op.detail.empty()) out << " " << op.detail;
    if (op.kind == LogicalOpKind::ProduceResults) {
        out << " [";
        for (std::size_t i = 0; i < op.column_names.size(); ++i) out << (i ? ", " : "") << op.column_names[i];
        out << "]";
    }
    if (op.kind == LogicalOpKind::Filter)
        out << " (" << op.expressions.size() << " predicate" << (op.expressions.size() == 1 ? "" : "s") << ")";
    if (op.kind == LogicalOpKind::Project || op.kind == LogicalOpKind::Distinct) {
        out << " [";
        for (std::size_t i = 0; i < op.slots.size(); ++i) {
            const std::string& n = query.slot_names[op.slots[i]];
            out << (i ? ", " : "") << (n.empty() || n[0] == ' ' ? "_" : n);
        }
        out << "]";
    }
    if (op.impossible) out << " (never matches: unknown label or type)";
    if (annotate) out << annotate(op);
    out << "\n";
    for (const auto& c : op.children) print(*c, query, depth + 1, out, annotate);
}

}  // namespace

std::string LogicalPlan::to_string(const binder::BoundQuery& query, const catalog::Catalog& catalog,
                                   const Annotator& annotate) const {
    std::ostringstream out;
    print(*root, query, 0, out, annotate);
    for (std::size_t i = 0; i < subplans.size(); ++i) {
        out << "Subquery #" << i << ":\n";
        print(*subplans[i], query, 1, out, annotate);
    }
    bool header = false;
    for (std::size_t s = 0; s < query.slot_names.size(); ++s) {
        const std::string& name = query.slot_names[s];
        if (name.empty() || name[0] == ' ') continue;
        binder::VariableKind kind = query.slot_kinds[s];
        if (kind != binder::VariableKind::Node && kind != binder::VariableKind::Relationship) continue;
        if (!header) {
            out << "Variables:\n";
            header = true;
        }
        out << "  " << name << ": " << (kind == binder::VariableKind::Node ? "NODE" : "RELATIONSHIP");
        const auto& types = query.slot_types[s];
        if (!types.empty()) {
            out << " (";
            for (std::size_t i = 0; i < types.size(); ++i) {
                out << (i ? " | " : "")
                    << (kind == binder::VariableKind::Node ? catalog.entity_type(types[i]).name
                                                           : catalog.relation_type(types[i]).name);
            }
            out << ")";
        }
        out << "\n";
    }
    return out.str();
}

}  // namespace kgq::planner
