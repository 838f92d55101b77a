// repl/completion.hpp — Tab at the prompt completes from what the graph holds, by context:
// a label after `(x:` or `:`, a relationship type after `[:` or `[r:`, a property key after
// `.` or inside `{`, a meta command after a line's leading `:`, a file inside quotes (folders
// end in `/` so one can go on into them), and keywords elsewhere. Nothing else falls back to
// file names. Installed by Shell::run_interactive; reads the graph through the public API.
#pragma once

#include "kgq/database.hpp"

namespace kgq::repl {

void install_completion(Database& db);

}  // namespace kgq::repl
