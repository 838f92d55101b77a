// grammar/actions.hpp — the few semantic actions the rule groups share: move a parsed value
// into a member of the rule's node, and collapse one-element operator/access chains.
// Included by the *_def.hpp files only.
#pragma once

#include "annotation.hpp"
#include "ast.hpp"

#include <boost/fusion/include/at_c.hpp>
#include <boost/optional.hpp>
#include <boost/spirit/home/x3.hpp>

#include <type_traits>
#include <utility>

namespace kgq::grammar::parser {
namespace x3 = boost::spirit::x3;

template <typename T>
struct is_optional : std::false_type {};
template <typename T>
struct is_optional<boost::optional<T>> : std::true_type {};

// X3 hands `-(a % ',')` over either as a container or as an optional container,
// depending on the context; accept both.
template <typename Target, typename Source>
void move_into(Target& target, Source& source) {
    if constexpr (is_optional<std::decay_t<Source>>::value && !is_optional<Target>::value) {
        if (source) target = std::move(*source);
    } else {
        target = std::move(source);
    }
}

// by_actions[...] wraps the body of a rule whose node is built by the semantic actions
// inside it. X3 gives such a rule's on_success handler no attribute (only `unused`), so
// the node would get no position; this directive hands the rule its attribute back (the
// actions still reach it as _val) and annotate_position can fill begin/end.
template <typename Subject>
struct by_actions_directive : x3::unary_parser<Subject, by_actions_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, by_actions_directive<Subject>>;
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    static bool const has_action = false;
    constexpr explicit by_actions_directive(Subject const& subject) : base_type(subject) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
               Attribute&) const {
        return this->subject.parse(first, last, context, rcontext, x3::unused);
    }
};
struct by_actions_generator {
    template <typename Subject>
    constexpr by_actions_directive<typename x3::extension::as_parser<Subject>::value_type>
    operator[](Subject const& subject) const {
        return by_actions_directive<typename x3::extension::as_parser<Subject>::value_type>(
            x3::as_parser(subject));
    }
};
constexpr by_actions_generator by_actions{};

// subject[assign_to(&Node::member)]: the subject's attribute becomes that member.
template <typename Member>
auto assign_to(Member member) {
    return [member](auto& context) { move_into(x3::_val(context).*member, x3::_attr(context)); };
}

// subject[append_to(&Node::member)]: the subject's attribute is appended to that member.
template <typename Member>
auto append_to(Member member) {
    return [member](auto& context) {
        (x3::_val(context).*member).push_back(std::move(x3::_attr(context)));
    };
}

// subject[set_to(&Node::member, value)]: the subject matched, so the member takes a value.
template <typename Member, typename Value>
auto set_to(Member member, Value value) {
    return [member, value](auto& context) { x3::_val(context).*member = value; };
}

// `first op x op y` at one precedence level: a bare operand stays as it is, so a plain
// atom is not wrapped in a dozen one-element chains.
struct fold_operator_chain {
    template <typename Context>
    void operator()(Context& context) const {
        auto& parsed = x3::_attr(context);
        auto& first = boost::fusion::at_c<0>(parsed);
        auto& rest = boost::fusion::at_c<1>(parsed);
        if (rest.empty()) {
            x3::_val(context) = std::move(first);
            return;
        }
        ast::OperatorChain chain;
        chain.begin = extent_of(first).begin;
        chain.end = rest.back().end;
        chain.first = std::move(first);
        chain.rest = std::move(rest);
        x3::_val(context) = std::move(chain);
    }
};

// `atom.key[i]:Label`: an atom without accessors stays as it is.
struct fold_access_chain {
    template <typename Context>
    void operator()(Context& context) const {
        auto& parsed = x3::_attr(context);
        auto& base = boost::fusion::at_c<0>(parsed);
        auto& accessors = boost::fusion::at_c<1>(parsed);
        if (accessors.empty()) {
            x3::_val(context) = std::move(base);
            return;
        }
        ast::AccessChain chain;
        chain.begin = extent_of(base).begin;
        chain.end = extent_of(accessors.back()).end;
        chain.base = std::move(base);
        chain.accessors = std::move(accessors);
        x3::_val(context) = std::move(chain);
    }
};

}  // namespace kgq::grammar::parser
