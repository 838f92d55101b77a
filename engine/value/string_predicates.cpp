// engine/value/string_predicates.cpp — STARTS WITH, ENDS WITH, CONTAINS, =~ and IN
// (value_ops.hpp). String predicates give null unless both sides are strings; IN follows
// Cypher's null rules (not found in a list holding null: null).
#include "value/value_error.hpp"
#include "value/value_ops.hpp"

#include <mutex>
#include <regex>
#include <string>
#include <unordered_map>

namespace kgq::value {

Value starts_with(const Value& a, const Value& b) {
    if (!a.is_string() || !b.is_string()) return Value();
    return a.as_string().starts_with(b.as_string());
}

Value ends_with(const Value& a, const Value& b) {
    if (!a.is_string() || !b.is_string()) return Value();
    return a.as_string().ends_with(b.as_string());
}

Value contains(const Value& a, const Value& b) {
    if (!a.is_string() || !b.is_string()) return Value();
    return a.as_string().find(b.as_string()) != std::string::npos;
}

namespace {
// Compiling a regex per row is slow; a query applies the same few patterns many times.
// Returned by value (a cheap shared handle) so that clearing the cache never dangles.
std::regex compiled(const std::string& pattern) {
    static std::mutex mutex;
    static std::unordered_map<std::string, std::regex> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(pattern);
    if (it != cache.end()) return it->second;
    if (cache.size() > 256) cache.clear();
    try {
        return cache.emplace(pattern, std::regex(pattern, std::regex::ECMAScript)).first->second;
    } catch (const std::regex_error& e) {
        throw_argument_error("Invalid regular expression '" + pattern + "': " + e.what(), "InvalidArgumentValue");
    }
}
}  // namespace

Value regex_match(const Value& a, const Value& b) {
    if (!a.is_string() || !b.is_string()) return Value();
    return std::regex_match(a.as_string(), compiled(b.as_string()));
}

Value in_list(const Value& x, const Value& list) {
    if (list.is_null()) return Value();
    if (!list.is_list()) throw_type_error("Type mismatch: IN expected LIST but was " + type_name(list));
    bool unknown = false;
    for (const Value& e : list.as_list()) {
        Value eq = equals(x, e);
        if (eq.is_null()) unknown = true;
        else if (eq.as_bool()) return true;
    }
    return unknown ? Value() : Value(false);
}

}  // namespace kgq::value
