// engine/value/comparison_detail.hpp — internals shared by comparison.cpp, order.cpp and
// equivalence.cpp: exact int/float comparison and the tri-state comparison with its two
// kinds of "no answer" (null for incomparable kinds, false for NaN).
#pragma once

#include "kgq/value.hpp"

namespace kgq::value {

enum class Comparison { Less = -1, Equal = 0, Greater = 1, Unknown = 2, Unordered = 3 };

// Precondition: both numbers, neither NaN. Exact, also for integers beyond 2^53.
int compare_numbers(const Value& a, const Value& b);
bool is_nan(const Value& v);
Comparison compare_detail(const Value& a, const Value& b);

}  // namespace kgq::value
