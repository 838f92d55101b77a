// grammar/error_handler.hpp — turns X3 expectation failures into kgq SyntaxErrors (with an
// openCypher detail for mistakes a rule recognises via reject_as), and knows the whole input
// so rules can record byte offsets. One per parse, via x3::with<error_handler_tag> (config.hpp).
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace kgq::grammar::parser {
namespace x3 = boost::spirit::x3;

struct error_handler_tag;

template <typename Iterator>
class ErrorHandler {
public:
    ErrorHandler(Iterator begin, Iterator end) : begin_(begin), end_(end) {}

    Iterator begin() const { return begin_; }
    Iterator end() const { return end_; }
    std::uint32_t offset_of(Iterator at) const { return static_cast<std::uint32_t>(at - begin_); }
    std::string_view text(std::uint32_t from, std::uint32_t to) const {
        return {&*begin_ + from, static_cast<std::size_t>(to - from)};
    }

    // The first failure wins: X3 unwinds from the innermost expectation, which is the one
    // that names the token the user got wrong.
    void report(Iterator where, std::string expected, std::string detail = {}) {
        if (failed_) return;
        failed_ = true;
        failure_where_ = where;
        failure_expected_ = std::move(expected);
        failure_detail_ = std::move(detail);
    }
    bool failed() const { return failed_; }
    Iterator failure_where() const { return failure_where_; }
    std::string const& failure_expected() const { return failure_expected_; }
    std::string const& failure_detail() const { return failure_detail_; }

private:
    Iterator begin_;
    Iterator end_;
    bool failed_ = false;
    Iterator failure_where_{};
    std::string failure_expected_;
    std::string failure_detail_;  // openCypher detail for a recognised mistake, else empty
};

// Recognises a known mistake where the grammar would otherwise just report the next token
// as unexpected: when `subject` matches here, reports `detail` (InvalidRelationshipPattern)
// and aborts the parse; otherwise matches nothing. Made by reject_as().
template <typename Subject>
struct reject_parser : x3::unary_parser<Subject, reject_parser<Subject>> {
    using base_type = x3::unary_parser<Subject, reject_parser<Subject>>;
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    reject_parser(Subject const& subject, char const* expected, char const* detail)
        : base_type(subject), expected(expected), detail(detail) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
               Attribute&) const {
        Iterator probe = first;
        if (!this->subject.parse(probe, last, context, rcontext, x3::unused)) return true;
        x3::skip_over(first, last, context);
        x3::get<error_handler_tag>(context).report(first, expected, detail);
        boost::throw_exception(x3::expectation_failure<Iterator>(first, expected));
    }

    char const* expected;
    char const* detail;
};

template <typename Subject>
reject_parser<typename x3::extension::as_parser<Subject>::value_type> reject_as(
    char const* detail, char const* expected, Subject const& subject) {
    return {x3::as_parser(subject), expected, detail};
}

// Mixed into the start rule's ID only: every `>` below it unwinds to here.
struct report_errors {
    template <typename Iterator, typename Exception, typename Context>
    x3::error_handler_result on_error(Iterator&, Iterator const&, Exception const& failure,
                                      Context const& context) const {
        x3::get<error_handler_tag>(context).report(failure.where(), failure.which());
        return x3::error_handler_result::fail;
    }
};

}  // namespace kgq::grammar::parser

// What a composite parser "expected" in messages. X3 prints a mangled type name for these;
// the rules name themselves, so describe a composite by the rules it starts with.
namespace boost::spirit::x3 {

template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
    using result_type = std::string;
    std::string operator()(action<Subject, Action> const& parser) const { return what(parser.subject); }
};
template <typename Left, typename Right>
struct get_info<sequence<Left, Right>> {
    using result_type = std::string;
    std::string operator()(sequence<Left, Right> const& parser) const { return what(parser.left); }
};
template <typename Left, typename Right>
struct get_info<list<Left, Right>> {
    using result_type = std::string;
    std::string operator()(list<Left, Right> const& parser) const { return what(parser.left); }
};
template <typename Subject>
struct get_info<plus<Subject>> {
    using result_type = std::string;
    std::string operator()(plus<Subject> const& parser) const { return what(parser.subject); }
};
template <typename Left, typename Right>
struct get_info<alternative<Left, Right>> {
    using result_type = std::string;
    std::string operator()(alternative<Left, Right> const& parser) const {
        return what(parser.left) + " or " + what(parser.right);
    }
};

}  // namespace boost::spirit::x3
