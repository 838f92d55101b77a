// grammar/error_handler.hpp — turns X3 expectation failures into kgq SyntaxErrors, and knows
// the whole input so rules can record byte offsets. One ErrorHandler per parse, reached via
// x3::with<error_handler_tag> (config.hpp); used by annotation.hpp and the start rule (script).
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
    void report(Iterator where, std::string expected) {
        if (failed_) return;
        failed_ = true;
        failure_where_ = where;
        failure_expected_ = std::move(expected);
    }
    bool failed() const { return failed_; }
    Iterator failure_where() const { return failure_where_; }
    std::string const& failure_expected() const { return failure_expected_; }

private:
    Iterator begin_;
    Iterator end_;
    bool failed_ = false;
    Iterator failure_where_{};
    std::string failure_expected_;
};

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
