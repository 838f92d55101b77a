// tests/unit/grammar/ast_dump.hpp — prints an ast::Script as compact, Cypher-like text so
// tests can state AST shapes in one line: operator chains as (a + b), accessors as
// (n .name [0]), unary operations as (NOT x). Test-only; used by test_grammar.cpp.
#pragma once

#include "ast.hpp"

#include <string>

namespace kgq::grammar::testing {

class AstDump {
public:
    std::string operator()(ast::Script const& script) {
        std::string out;
        for (auto const& statement : script.statements) {
            if (!out.empty()) out += "; ";
            out += dump(statement);
        }
        return out;
    }

    std::string dump(ast::Statement const& statement) {
        std::string prefix = statement.mode == ast::ExplainMode::Explain   ? "EXPLAIN "
                             : statement.mode == ast::ExplainMode::Profile ? "PROFILE "
                                                                           : "";
        return prefix + boost::apply_visitor(*this, statement.body.get());
    }

    // ------------------------------------------------------------ expressions
    std::string dump(ast::Expression const& e) { return boost::apply_visitor(*this, e.get()); }
    template <typename T>
    std::string operator()(ast::x3::forward_ast<T> const& node) {
        return (*this)(node.get());
    }

    std::string operator()(ast::NullLiteral const&) { return "null"; }
    std::string operator()(ast::BoolLiteral const& b) { return b.value ? "true" : "false"; }
    std::string operator()(ast::IntLiteral const& i) { return i.text; }
    std::string operator()(ast::FloatLiteral const& f) { return f.text + "f"; }
    std::string operator()(ast::StringLiteral const& s) { return "'" + s.value + "'"; }
    std::string operator()(ast::Parameter const& p) { return "$" + p.name; }
    std::string operator()(ast::Variable const& v) { return v.name; }
    std::string operator()(ast::ListLiteral const& l) { return "[" + list(l.items) + "]"; }
    std::string operator()(ast::MapLiteral const& m) {
        std::string out;
        for (auto const& entry : m.entries) {
            out += (out.empty() ? "" : ", ") + entry.key + ": " + dump(entry.value);
        }
        return "{" + out + "}";
    }
    std::string operator()(ast::FunctionCall const& f) {
        return f.name + "(" + (f.distinct ? "DISTINCT " : "") + (f.star ? "*" : list(f.arguments)) + ")";
    }
    std::string operator()(ast::CaseExpression const& c) {
        std::string out = "(CASE";
        if (c.subject) out += " " + dump(*c.subject);
        for (auto const& alternative : c.alternatives) {
            out += " WHEN " + dump(alternative.when) + " THEN " + dump(alternative.then);
        }
        if (c.otherwise) out += " ELSE " + dump(*c.otherwise);
        return out + " END)";
    }
    std::string operator()(ast::ListComprehension const& c) {
        std::string out = "[" + c.variable.name + " IN " + dump(c.list);
        if (c.where) out += " WHERE " + dump(*c.where);
        if (c.projection) out += " | " + dump(*c.projection);
        return out + "]";
    }
    std::string operator()(ast::PatternComprehension const& c) {
        std::string out = "[";
        if (c.path_variable) out += *c.path_variable + " = ";
        out += dump(c.element);
        if (c.where) out += " WHERE " + dump(*c.where);
        return out + " | " + dump(c.projection) + "]";
    }
    std::string operator()(ast::Quantifier const& q) {
        static char const* const names[] = {"all", "any", "none", "single"};
        std::string out =
            std::string("(") + names[static_cast<int>(q.kind)] + " " + q.variable.name + " IN " + dump(q.list);
        if (q.where) out += " WHERE " + dump(*q.where);
        return out + ")";
    }
    std::string operator()(ast::ExistsSubquery const& e) {
        std::string out = "EXISTS {";
        if (e.query) out += dump(*e.query);
        if (e.pattern) out += dump(*e.pattern);
        if (e.where) out += " WHERE " + dump(*e.where);
        return out + "}";
    }
    std::string operator()(ast::PatternPredicate const& p) { return dump(p.element); }
    std::string operator()(ast::MapProjection const& m) {
        std::string out;
        for (auto const& item : m.items) {
            if (!out.empty()) out += ", ";
            switch (item.kind) {
                case ast::MapProjectionKind::Property: out += "." + item.key; break;
                case ast::MapProjectionKind::AllProperties: out += ".*"; break;
                case ast::MapProjectionKind::Literal: out += item.key + ": " + dump(*item.value); break;
                case ast::MapProjectionKind::Variable: out += item.key; break;
            }
        }
        return m.base.name + "{" + out + "}";
    }
    std::string operator()(ast::UnaryOperation const& u) {
        static char const* const names[] = {"NOT ", "-", "+"};
        return std::string("(") + names[static_cast<int>(u.op)] + dump(u.operand) + ")";
    }
    std::string operator()(ast::OperatorChain const& c) {
        static char const* const names[] = {
            "OR",          "XOR",       "AND",      "=",       "<>",          "<", "<=", ">", ">=", "=~", "IN",
            "STARTS WITH", "ENDS WITH", "CONTAINS", "IS NULL", "IS NOT NULL", "+", "-",  "*", "/",  "%",  "^"};
        std::string out = "(" + dump(c.first);
        for (auto const& operation : c.rest) {
            out += std::string(" ") + names[static_cast<int>(operation.op)];
            if (operation.op != ast::BinaryOperator::IsNull && operation.op != ast::BinaryOperator::IsNotNull) {
                out += " " + dump(operation.operand);
            }
        }
        return out + ")";
    }
    std::string operator()(ast::AccessChain const& a) {
        std::string out = "(" + dump(a.base);
        for (auto const& accessor : a.accessors) out += " " + boost::apply_visitor(*this, accessor.get());
        return out + ")";
    }
    std::string operator()(ast::PropertyLookup const& p) { return "." + p.key; }
    std::string operator()(ast::IndexAccess const& i) { return "[" + dump(i.index) + "]"; }
    std::string operator()(ast::SliceAccess const& s) {
        return "[" + (s.from ? dump(*s.from) : "") + ".." + (s.to ? dump(*s.to) : "") + "]";
    }
    std::string operator()(ast::LabelCheck const& l) {
        std::string out;
        for (auto const& label : l.labels) out += ":" + label;
        return out;
    }

    // ------------------------------------------------------------ patterns
    std::string labels(ast::LabelExpression const& labels) {
        std::string out;
        for (auto const& alternatives : labels) {
            out += ":";
            for (std::size_t i = 0; i < alternatives.size(); ++i) out += (i ? "|" : "") + alternatives[i];
        }
        return out;
    }
    std::string dump(ast::NodePattern const& n) {
        std::string out = "(" + n.variable.value_or("") + labels(n.labels);
        if (n.properties) out += " " + dump(*n.properties);
        return out + ")";
    }
    std::string dump(ast::RelationshipPattern const& r) {
        std::string detail = r.variable.value_or("");
        for (std::size_t i = 0; i < r.types.size(); ++i) detail += (i ? "|" : ":") + r.types[i];
        if (r.length) {
            detail += "*";
            if (r.length->low) detail += r.length->low->text;
            if (r.length->has_range) detail += "..";
            if (r.length->high) detail += r.length->high->text;
        }
        if (r.properties) detail += " " + dump(*r.properties);
        std::string const middle = "-[" + detail + "]-";
        switch (r.direction) {
            case ast::Direction::Outgoing: return middle + ">";
            case ast::Direction::Incoming: return "<" + middle;
            case ast::Direction::Both: return middle;
        }
        return middle;
    }
    std::string dump(ast::PatternElement const& e) {
        std::string out = dump(e.start);
        for (auto const& link : e.chain) out += dump(link.relationship) + dump(link.node);
        return out;
    }
    std::string dump(ast::PatternPart const& p) {
        std::string out = p.path_variable ? *p.path_variable + " = " : "";
        if (p.function == ast::PathFunction::ShortestPath) return out + "shortestPath(" + dump(p.element) + ")";
        if (p.function == ast::PathFunction::AllShortestPaths) return out + "allShortestPaths(" + dump(p.element) + ")";
        return out + dump(p.element);
    }
    std::string dump(ast::Pattern const& pattern) {
        std::string out;
        for (auto const& part : pattern) out += (out.empty() ? "" : ", ") + dump(part);
        return out;
    }

    // ------------------------------------------------------------ clauses
    std::string dump(ast::RegularQuery const& q) {
        std::string out = dump(q.first);
        for (auto const& part : q.unions) out += (part.all ? " UNION ALL " : " UNION ") + dump(part.query);
        return out;
    }
    std::string operator()(ast::RegularQuery const& q) { return dump(q); }
    std::string dump(ast::SingleQuery const& q) {
        std::string out;
        for (auto const& clause : q.clauses) {
            out += (out.empty() ? "" : " ") + boost::apply_visitor(*this, clause.get());
        }
        return out;
    }
    std::string where(boost::optional<ast::Expression> const& e) { return e ? " WHERE " + dump(*e) : ""; }
    std::string operator()(ast::Match const& m) {
        return std::string(m.optional ? "OPTIONAL " : "") + "MATCH " + dump(m.pattern) + where(m.where);
    }
    std::string operator()(ast::Unwind const& u) { return "UNWIND " + dump(u.list) + " AS " + u.variable.name; }
    std::string operator()(ast::Create const& c) { return "CREATE " + dump(c.pattern); }
    std::string operator()(ast::SetClause const& s) {
        std::string out;
        for (auto const& item : s.items) out += (out.empty() ? "" : ", ") + boost::apply_visitor(*this, item.get());
        return "SET " + out;
    }
    std::string operator()(ast::SetProperty const& s) { return (*this)(s.target) + " = " + dump(s.value); }
    std::string operator()(ast::SetVariable const& s) {
        return s.variable.name + (s.merge ? " += " : " = ") + dump(s.value);
    }
    std::string operator()(ast::SetLabels const& s) {
        std::string out = s.variable.name;
        for (auto const& label : s.labels) out += ":" + label;
        return out;
    }
    std::string operator()(ast::Remove const& r) {
        std::string out;
        for (auto const& item : r.items) out += (out.empty() ? "" : ", ") + boost::apply_visitor(*this, item.get());
        return "REMOVE " + out;
    }
    std::string operator()(ast::RemoveProperty const& r) { return (*this)(r.target); }
    std::string operator()(ast::RemoveLabels const& r) {
        std::string out = r.variable.name;
        for (auto const& label : r.labels) out += ":" + label;
        return out;
    }
    std::string operator()(ast::Delete const& d) {
        return std::string(d.detach ? "DETACH " : "") + "DELETE " + list(d.targets);
    }
    std::string operator()(ast::Merge const& m) {
        std::string out = "MERGE " + dump(m.pattern);
        for (auto const& action : m.actions)
            out += (action.on_create ? " ON CREATE " : " ON MATCH ") + (*this)(action.set);
        return out;
    }
    std::string body(ast::ProjectionBody const& b) {
        std::string out = b.distinct ? "DISTINCT " : "";
        std::string items = b.star ? "*" : "";
        for (auto const& item : b.items) {
            items += (items.empty() ? "" : ", ") + dump(item.expression);
            if (item.alias) items += " AS " + item.alias->name;
        }
        out += items;
        if (!b.order_by.empty()) {
            out += " ORDER BY ";
            for (std::size_t i = 0; i < b.order_by.size(); ++i) {
                out += (i ? ", " : "") + dump(b.order_by[i].expression) + (b.order_by[i].descending ? " DESC" : "");
            }
        }
        if (b.skip) out += " SKIP " + dump(*b.skip);
        if (b.limit) out += " LIMIT " + dump(*b.limit);
        return out;
    }
    std::string operator()(ast::With const& w) { return "WITH " + body(w.body) + where(w.where); }
    std::string operator()(ast::Return const& r) { return "RETURN " + body(r.body); }
    std::string operator()(ast::Call const& c) {
        std::string out = "CALL " + c.procedure;
        if (c.has_arguments) out += "(" + list(c.arguments) + ")";
        if (c.yield_star) out += " YIELD *";
        for (std::size_t i = 0; i < c.yields.size(); ++i) {
            out += (i ? ", " : " YIELD ") + c.yields[i].field;
            if (c.yields[i].alias) out += " AS " + c.yields[i].alias->name;
        }
        return out + where(c.where);
    }

    // ------------------------------------------------------------ schema and import
    std::string type(ast::TypeName const& t) { return t.element ? t.name + "<" + *t.element + ">" : t.name; }
    std::string properties(std::vector<ast::PropertyDeclaration> const& properties) {
        std::string out;
        for (auto const& p : properties)
            out += (out.empty() ? "" : ", ") + p.name + " " + type(p.type) + (p.key ? " KEY" : "");
        return out;
    }
    std::string operator()(ast::CreateNodeType const& c) {
        std::string out = std::string("CREATE ") + (c.abstract ? "ABSTRACT " : "") + "NODE TYPE " + c.name;
        if (c.supertype) out += " UNDER " + *c.supertype;
        if (!c.properties.empty()) out += " (" + properties(c.properties) + ")";
        return out;
    }
    std::string operator()(ast::CreateRelationType const& c) {
        std::string out;
        for (auto const& e : c.endpoints) out += (out.empty() ? "" : ", ") + ("FROM " + e.from + " TO " + e.to);
        if (!c.properties.empty()) out += ", " + properties(c.properties);
        return "CREATE RELATION TYPE " + c.name + " (" + out + ")";
    }
    std::string operator()(ast::CopyFrom const& c) {
        std::string out = "COPY " + c.table + " FROM '" + c.path.value + "'";
        for (std::size_t i = 0; i < c.options.size(); ++i) {
            out += (i ? ", " : " (") + c.options[i].name + " " + dump(c.options[i].value);
        }
        return out + (c.options.empty() ? "" : ")");
    }
    std::string operator()(ast::ImportStix const& i) { return "IMPORT STIX '" + i.path.value + "'"; }
    std::string operator()(ast::TransactionControl const& t) {
        switch (t.action) {
            case ast::TransactionAction::Begin: return "BEGIN";
            case ast::TransactionAction::Commit: return "COMMIT";
            case ast::TransactionAction::Rollback: return "ROLLBACK";
            case ast::TransactionAction::Checkpoint: return "CHECKPOINT";
        }
        return "?";
    }
    std::string operator()(ast::ExportStix const& e) { return "EXPORT STIX '" + e.path.value + "'"; }

private:
    std::string list(std::vector<ast::Expression> const& items) {
        std::string out;
        for (auto const& item : items) out += (out.empty() ? "" : ", ") + dump(item);
        return out;
    }
};

}  // namespace kgq::grammar::testing
