// engine/binder/name_suggestion.hpp — "did you mean ...?" for unknown names (labels,
// relation types, properties, variables, functions), by edit distance. Used by the binder.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kgq::binder {

// Levenshtein distance, case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// "; did you mean 'name'?" for the closest candidate within a distance that scales with the
// name's length, or "" when nothing is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace kgq::binder
