// tests/tck/tck_value.hpp — the TCK's expected-value notation as kgq::Value, and openCypher
// result equality. Used by tck_main.cpp for result tables and "parameters are:" tables.
// Graph elements are compared by labels/type and properties only: the TCK cannot know ids.
#pragma once

#include "kgq/value.hpp"

#include <string_view>

namespace kgq::tck {

// Parses one cell: 1, -1.5e3, NaN, Inf, 'text', true, null, [1, 'a'], {k: 1},
// (:A:B {k: 1}), [:T {k: 1}], <(:A)-[:T]->()<-[:U]-()>. Throws std::runtime_error.
// Paths get synthetic ids (node i has id i) so that relationship direction can be checked.
Value parse_expected(std::string_view text);

// openCypher result equality: 1 and 1.0 differ, NaN equals NaN, floats within a relative
// 1e-12 (the TCK writes shortest decimal forms), temporal values equal a string holding
// their ISO text, lists ordered unless ignore_list_order (then compared as bags).
bool result_equal(const Value& expected, const Value& actual, bool ignore_list_order);

}  // namespace kgq::tck
