// grammar/annotation.hpp — fills ast::Located begin/end when a rule succeeds, and finds the
// extent of nodes the grammar assembles itself (operator chains, access chains).
// Mixed into every rule ID of the *_def.hpp files; extent_of is also used by parser.cpp.
#pragma once

#include "ast.hpp"
#include "error_handler.hpp"

#include <type_traits>

namespace kgq::grammar {

// The [begin, end) of any node: Located nodes directly, variants through their alternative.
inline ast::Located const& extent_of(ast::Located const& node) { return node; }
template <typename T>
ast::Located const& extent_of(ast::x3::forward_ast<T> const& node) {
    return extent_of(node.get());
}
template <typename Variant, typename = decltype(std::declval<Variant const&>().get().which())>
ast::Located const& extent_of(Variant const& variant) {
    return boost::apply_visitor(
        [](auto const& alternative) -> ast::Located const& { return extent_of(alternative); },
        variant.get());
}

namespace parser {

struct annotate_position {
    template <typename Iterator, typename Node, typename Context>
    void on_success(Iterator const& first, Iterator const& last, Node& node,
                    Context const& context) const {
        if constexpr (std::is_base_of_v<ast::Located, Node>) {
            auto const& handler = x3::get<error_handler_tag>(context);
            node.begin = handler.offset_of(first);
            node.end = handler.offset_of(last);
        }
    }
};

// A projection item also keeps its expression's source text: the column name when there
// is no alias (`RETURN n.name` has a column "n.name", as in Neo4j).
struct annotate_projection_item : annotate_position {
    template <typename Iterator, typename Context>
    void on_success(Iterator const& first, Iterator const& last, ast::ProjectionItem& item,
                    Context const& context) const {
        annotate_position::on_success(first, last, item, context);
        auto const& handler = x3::get<error_handler_tag>(context);
        auto const& expression = extent_of(item.expression);
        item.text = std::string(handler.text(expression.begin, expression.end));
    }
};

}  // namespace parser
}  // namespace kgq::grammar
