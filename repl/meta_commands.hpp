// repl/meta_commands.hpp — the ':' commands of the prompt and of piped input (:help, :schema,
// :load, :format, :timing, :params, :param, :quit). Called by shell.cpp for lines starting with ':'.
#pragma once

#include <string_view>
#include <vector>

namespace kgq::repl {

class Shell;

enum class MetaStatus { Ok, Failed, Quit };

// A line is a meta command when its first non-blank character is ':'.
bool is_meta_command(std::string_view line);
// A line that is one of the commands by name (":quit", ":format csv"): recognised even while
// a statement is pending, where a line such as ":Person {name: 'x'})" continues a pattern.
bool is_known_meta_command(std::string_view line);
MetaStatus run_meta_command(Shell& shell, std::string_view line);
// The commands' names, without ':' (for completion).
std::vector<std::string_view> meta_command_names();

}  // namespace kgq::repl
