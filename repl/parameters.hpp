// repl/parameters.hpp — turns the text of `--param name=value` and `:param name value` into a
// typed kgq::Value. Used by main.cpp and meta_commands.cpp.
#pragma once

#include "kgq/value.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace kgq::repl {

// The value a parameter text stands for: a Cypher literal (42, 1.5, true, null, 'text',
// [1, 2], {a: 1}, date('2024-01-01')) evaluated by the engine, otherwise the text itself.
Value parse_parameter_value(std::string_view text);

// Splits "name=value"; nullopt when there is no '=' or the name is not an identifier.
std::optional<std::pair<std::string, std::string>> split_parameter_assignment(std::string_view text);

bool is_parameter_name(std::string_view name);

}  // namespace kgq::repl
